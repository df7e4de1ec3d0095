"""The benchmark runner runs and reports what the README and the JSON promise (no timings asserted)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RUN = [sys.executable, str(REPO / "bench" / "run.py")]


def _run(*args: str) -> str:
    done = subprocess.run([*RUN, *args], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_quick_import_benchmark_reports_json_table_and_readme_block(tmp_path: Path) -> None:
    saved = tmp_path / "results.json"
    report = json.loads(_run("--quick", "--only", "import", "--json", "--output", str(saved)))

    assert json.loads(saved.read_text(encoding="utf-8")) == report
    assert {"date", "cpu", "cores", "python", "litellm"} <= report["meta"].keys()
    assert list(report["benchmarks"]) == ["import"]
    bench = report["benchmarks"]["import"]
    assert {"llm_backends", "cli", "litellm"} <= bench["data"]["net_median_s"].keys()
    assert bench["data"]["wall_median_s"].keys() == {"python", "llm_backends", "cli", "litellm"}
    for row in bench["rows"]:
        assert {"label", "value", "unit", "limit", "goal", "pass"} <= row.keys()
    goals = [row for row in bench["rows"] if row["limit"] is not None]
    assert goals and all(isinstance(row["pass"], bool) for row in goals)
    assert report["summary"] == {
        "passed": sum(row["pass"] is True for row in goals),
        "failed": sum(row["pass"] is False for row in goals),
    }

    table = _run("--from", str(saved))
    assert "import llm_backends, net / import litellm, net" in table
    assert ("PASS" in table) or ("FAIL" in table)

    section = _run("--from", str(saved), "--markdown")
    assert section.startswith("## Performance")
    assert report["meta"]["litellm"] in section and "| benchmark |" in section


def test_update_readme_rewrites_only_the_marked_block(tmp_path: Path) -> None:
    saved = tmp_path / "results.json"
    saved.write_text(
        json.dumps(
            {
                "meta": {
                    "date": "2000-01-01 00:00 UTC",
                    "cpu": "CPU",
                    "cores": 2,
                    "python": "3",
                    "litellm": "1",
                    "mkdocs": "1",
                    "mkdocs_material": "9",
                    "load_average": [0.5, 0.5, 0.5],
                },
                "benchmarks": {
                    "import": {
                        "rows": [
                            {"label": "x", "value": 0.01, "unit": "%", "limit": 0.05, "goal": "≤ 5.0 %", "pass": True}
                        ],
                        "data": {},
                        "notes": [],
                    }
                },
                "summary": {"passed": 1, "failed": 0},
            }
        ),
        encoding="utf-8",
    )
    readme = tmp_path / "README.md"
    readme.write_text("# Title\n\nIntro.\n", encoding="utf-8")

    _run("--from", str(saved), "--update-readme", "--readme", str(readme))
    first = readme.read_text(encoding="utf-8")
    _run("--from", str(saved), "--update-readme", "--readme", str(readme))

    assert readme.read_text(encoding="utf-8") == first
    assert first.startswith("# Title\n\nIntro.\n\n## Performance\n\n<!-- bench:start -->\n")
    assert first.count("<!-- bench:start -->") == 1 and first.rstrip().endswith("<!-- bench:end -->")
    assert "| import | x | 1.0 % | ≤ 5.0 % | PASS |" in first


def test_results_live_in_bench_readme_and_the_readme_links_them() -> None:
    results = (REPO / "bench" / "README.md").read_text(encoding="utf-8")
    assert results.count("<!-- bench:start -->") == results.count("<!-- bench:end -->") == 1
    assert "| benchmark | measurement | value | goal | result |" in results
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "](bench/README.md)" in readme and "<!-- bench:start -->" not in readme


def test_an_environment_without_the_tools_gets_one_clear_line(tmp_path: Path) -> None:
    """Run by a Python whose environment lacks the project: exit 2 naming what is missing, no traceback."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(tmp_path / "bare")], check=True, timeout=60)
    bare = tmp_path / "bare" / "bin" / "python"
    done = subprocess.run(
        [str(bare), str(REPO / "bench" / "run.py"), "--quick", "--only", "check"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    [line] = done.stderr.splitlines()
    assert "check-docs" in line and str(bare) in line


def test_the_benchmarks_import_nothing_from_the_tests() -> None:
    """bench/ stands on the packages (and reads the suite's reports), never on tests/ code, so a
    change to a test helper cannot break a benchmark nobody runs in CI."""
    for path in sorted((REPO / "bench").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        assert "tests.support" not in text and "from tests" not in text and "import tests" not in text, path


def test_two_revisions_side_by_side_say_whether_they_find_the_same() -> None:
    """bench/versus.py (issue 16: time per page against the checker of an earlier commit) runs a
    revision from git beside the working tree; a revision git does not know is one clear line."""
    versus = [sys.executable, str(REPO / "bench" / "versus.py")]
    argv = [*versus, "HEAD", "--pages", "2", "--rounds", "1"]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "12 pages, CPU per page" in done.stdout and "new / old:" in done.stdout
    assert "same findings: yes" in done.stdout  # the working tree checks what HEAD checks (CI's clean clone)
    bad = subprocess.run([*versus, "no-such-revision"], capture_output=True, text=True, timeout=120, check=False)
    assert bad.returncode != 0 and "Traceback" not in bad.stderr
    [line] = bad.stderr.strip().splitlines()
    assert line.startswith("versus: git archive no-such-revision")


def _running(pid: int) -> bool:
    """Alive and not a zombie waiting for a reaper."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rpartition(")")[2].split()[0] != "Z"


def test_a_measured_command_shares_our_session_and_dies_with_its_group() -> None:
    """In a session of its own Linux would schedule it as a separate group (autogroup): on a busy
    machine it would get an equal share whatever its worker count, and the loaded wall ratio would
    measure the scheduler, not the cores used. A process group of its own still lets a timeout
    stop the whole tree, grandchildren included."""
    sys.path.insert(0, str(REPO / "bench"))
    try:
        from measure import run_child
    finally:
        sys.path.remove(str(REPO / "bench"))

    ids = "import os; print(os.getsid(0), os.getpgid(0))"
    session, group = (int(x) for x in run_child([sys.executable, "-c", ids], timeout=60).output.split()[-2:])
    assert session == os.getsid(0)
    assert group != os.getpgid(0)
    tree = (
        "import subprocess, sys, time; "
        "child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)']); "
        "print(child.pid, flush=True); time.sleep(60)"
    )
    stopped = run_child([sys.executable, "-c", tree], timeout=3, check=False)
    assert stopped.returncode != 0
    grandchild = int(stopped.output.split()[0])
    deadline = time.monotonic() + 10
    while _running(grandchild) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _running(grandchild), "the timeout left a grandchild running"


def test_short_runs_spread_around_the_long_one_compare_by_their_mean() -> None:
    """A run of seconds sees the load of its moment, one of a minute its average: ``around`` runs the
    short command before and after each long run, and ``spread_ratio`` compares their mean with it."""
    sys.path.insert(0, str(REPO / "bench"))
    try:
        from measure import Sample, around, spread_ratio
    finally:
        sys.path.remove(str(REPO / "bench"))

    order: list[str] = []
    walls = iter([1.0, 3.0, 2.0, 60.0, 4.0, 5.0, 2.0, 2.0, 2.0, 20.0, 2.0, 5.0])  # two rounds

    def run(name: str) -> Sample:
        order.append(name)
        return Sample(wall=next(walls), peak_mb=0.0, returncode=0, output="", cpu=1.0)

    rounds = around(lambda: run("short"), lambda: run("long"), rounds=2, each=5)
    assert order == (["short"] * 3 + ["long"] + ["short"] * 2) * 2
    assert [long.wall for _, long in rounds] == [60.0, 20.0]
    # the mean of the five short runs over the long one: 3 / 60 and 2.6 / 20; the median of two is their mean
    assert abs(spread_ratio(rounds, lambda s: s.wall) - (0.05 + 0.13) / 2) < 1e-12
    assert spread_ratio(rounds, lambda s: s.cpu) == 1.0
