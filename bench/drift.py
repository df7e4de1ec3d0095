"""check-docs speed (issue 18), side by side with markdownlint-cli2 as the yardstick.

- ``check-docs docs`` on our docs tree against a bare ``python -c pass`` (CPU time);
- trees of our pages copied to 250 and 1,000 (and, in a full run, 10,000) pages per language,
  checked with our settings, next to markdownlint-cli2 on the 1,000-page tree: CPU, wall, peak
  memory, and time per page at each size (flat means linear);
- recall and false alarms of the real-docs corpus (``shared/corpora/real/run.py``) and of the
  project's own labelled corpus, in the same run, so a speed-up that loses findings shows.

CPU time (user + system of the process and its children) is the measure a busy shared machine
leaves alone; wall time is reported beside it. The ratios to markdownlint-cli2 compare each of its
runs (a minute) with the mean of four check-docs runs (seconds each) made around it, two before and
two after (``measure.around``): on a machine whose load changes, both then see about the same load.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from measure import (
    BENCH,
    PYTHON,
    REPO,
    Sample,
    around,
    bench_env,
    interleaved,
    median,
    median_cpu,
    median_wall,
    paired_cpu_ratio,
    run_child,
    spread_ratio,
    tool,
)
from report import Result, Row

MAX_DOCS_RATIO = 10.0  # goal: check-docs docs costs at most 10x the CPU of a bare python -c pass
MAX_CPU_VS_MARKDOWNLINT = 0.25  # goal: CPU on 6,000 pages, over markdownlint-cli2's
MAX_WALL_VS_MARKDOWNLINT = 0.15  # goal: wall time on 6,000 pages (both cores), over markdownlint-cli2's
MAX_PEAK_MB = 100.0  # goal: peak memory on 6,000 pages
MAX_GROWTH = 1.5  # goal: time per page at the largest size over the smallest: flat
SIZES = (250, 1000)  # pages per language
HUGE = 10_000  # pages per language in a full run (60,000 pages)
MARKDOWNLINT = ("markdownlint-cli2", "0.24.1")
AROUND = 4  # check-docs runs on 6,000 pages around each markdownlint-cli2 run (see measure.around)


# --- trees -------------------------------------------------------------------------


def copies_of_the_docs(root: Path, pages: int) -> Path:
    """Our real pages of every language, copied round-robin to ``<lang>/page-NNNNN.md``."""
    docs = REPO / "docs"
    sources = sorted((docs / "en").glob("*.md"))
    languages = sorted(p for p in docs.iterdir() if (p / sources[0].name).is_file())  # not docs/design
    for language in languages:
        (root / language.name).mkdir(parents=True)
        texts = []
        for source in sources:
            translated = language / source.name
            texts.append((translated if translated.exists() else source).read_bytes())
        for number in range(pages):
            (root / language.name / f"page-{number:05}.md").write_bytes(texts[number % len(texts)])
    return root


def _page_count(tree: Path) -> int:
    return sum(1 for _ in tree.rglob("*.md"))


def _settings_file(folder: Path) -> Path:
    """Our settings as a JSON file (what another project would write): no pydantic to import."""
    path = folder / "settings.json"
    code = (
        "import json, sys; from llm_backends.settings import setting_infos; "
        "json.dump([{'name': i.name, 'env': i.env, 'key': i.key, 'default': i.default, 'unit': i.unit} "
        "for i in setting_infos() if not i.secret], open(sys.argv[1], 'w'))"
    )
    subprocess.run([PYTHON, "-c", code, path], check=True, timeout=60)
    return path


# --- the commands ------------------------------------------------------------------


def _options(*wanted: str) -> list[str]:
    """The options of ``wanted`` this check-docs knows (they come and go while it is reworked)."""
    done = subprocess.run([tool("check-docs"), "--help"], capture_output=True, text=True, timeout=60, check=False)
    return [option for option in wanted if option in done.stdout]


def _check_docs(argv: list[str | Path], cwd: Path, env: dict[str, str] | None = None, timeout: float = 600) -> Sample:
    sample = run_child([tool("check-docs"), *argv], cwd=cwd, env=env, check=False, timeout=timeout)
    if sample.returncode not in (0, 1):  # 1 means findings, which is a result
        raise RuntimeError(f"check-docs exited {sample.returncode}:\n{sample.output[-2000:]}")
    return sample


def markdownlint(note: Callable[[str], None]) -> str | None:
    """markdownlint-cli2, installed with npm into a cache folder outside the repository."""
    name, version = MARKDOWNLINT
    root = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    prefix = Path(root, "check-docs-bench", f"{name}-{version}")
    script = prefix / "node_modules" / ".bin" / name
    if script.exists():
        return str(script)
    npm = shutil.which("npm")
    if npm is None or shutil.which("node") is None:
        note(f"npm or node not found: the {name} yardstick is skipped")
        return None
    prefix.mkdir(parents=True, exist_ok=True)
    argv = [npm, "install", "--prefix", str(prefix), "--no-audit", "--no-fund", f"{name}@{version}"]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=600, check=False)
    if done.returncode != 0 or not script.exists():
        note(f"npm install {name}@{version} failed, the yardstick is skipped: {done.stderr.strip()[-300:]}")
        return None
    return str(script)


def _markdownlint(script: str, tree: Path) -> Sample:
    # Its default rules; the tree's folder holds no configuration of its own.
    sample = run_child([script, "**/*.md"], cwd=tree, check=False, timeout=1800)
    if sample.returncode not in (0, 1):
        raise RuntimeError(f"markdownlint-cli2 exited {sample.returncode}:\n{sample.output[-2000:]}")
    return sample


# --- recall: the corpora -------------------------------------------------------------


def shared_corpus() -> Path | None:
    for folder in (REPO.parent, REPO.parent.parent):
        script = folder / "shared" / "corpora" / "real" / "run.py"
        if script.is_file():
            return script
    return None


_REAL = re.compile(r"^real: drift (\d+)/(\d+) .*false alarms (\d+)", re.MULTILINE)
_OWN = re.compile(r"^all\s+(\d+)\s+(\d+)\s+(\d+)%\s+(\d+)%\s+(\d+)", re.MULTILINE)


def recall(note: Callable[[str], None]) -> tuple[list[Row], dict[str, object]]:
    rows: list[Row] = []
    data: dict[str, object] = {}
    env = bench_env(PATH=f"{Path(tool('check-docs')).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    script = shared_corpus()
    if script is None:
        note("the shared real-docs corpus (../shared/corpora/real) is not beside the repository")
    for settings in ((), ("--with-settings",)) if script else ():
        done = subprocess.run(
            [PYTHON, str(script), "--check-docs", tool("check-docs"), *settings],
            capture_output=True,
            text=True,
            env=env,
            timeout=1800,
            check=False,
        )
        found = _REAL.search(done.stdout)
        mode = "with settings" if settings else "without settings"
        if found is None:
            note(f"real-docs corpus {mode}: no result ({(done.stderr or done.stdout).strip()[-300:]})")
            continue
        hits, cases, alarms = map(int, found.groups())
        data[f"real {mode}"] = {"found": hits, "cases": cases, "false_alarms": alarms}
        rows.append(Row(f"real-docs corpus {mode}: drift found (of {cases})", hits, "n"))
        rows.append(Row(f"real-docs corpus {mode}: false alarms", alarms, "n"))
    done = subprocess.run(
        [PYTHON, str(BENCH / "recall.py")], capture_output=True, text=True, env=env, cwd=REPO, timeout=1800, check=False
    )
    own = _OWN.search(done.stdout)
    if own is None:
        note(f"own corpus: no result ({(done.stderr or done.stdout).strip()[-300:]})")
    else:
        found_, marked, _, _, alarms = map(int, own.groups())
        data["own corpus"] = {"found": found_, "marked": marked, "false_alarms": alarms}
        rows.append(Row(f"own corpus (tests/fixtures/corpus): found (of {marked})", found_, "n"))
        rows.append(Row("own corpus: false alarms", alarms, "n"))
    return rows, data


# --- the benchmark -----------------------------------------------------------------


def run(quick: bool) -> Result:
    result = Result("check")
    note = result.notes.append
    lint = markdownlint(note)
    allow = _options("--allow-import")  # our settings are a Python class: reading them needs the opt-in
    no_cache = _options("--no-cache")  # the yardstick has no cache: neither has our run against it
    with tempfile.TemporaryDirectory(prefix="bench-check-") as tmp:
        work = Path(tmp)
        docs = work / "repo-docs"
        shutil.copytree(REPO / "docs", docs)  # a snapshot: others are editing the real one
        settings = _settings_file(work)
        # BENCH_HUGE=0: no 60,000-page tree (a quarter of an hour on a loaded machine), the rest as usual.
        huge = not quick and os.environ.get("BENCH_HUGE", "1") != "0"
        sizes = (*SIZES, HUGE) if huge else SIZES
        trees = {size: copies_of_the_docs(work / f"tree-{size}", size) for size in sizes}
        pages = {size: _page_count(tree) for size, tree in trees.items()}
        docs_pages = _page_count(docs)
        cold = bench_env(CHECK_DOCS_CACHE="0")

        small: dict[str, Callable[[], Sample]] = {
            "python -c pass": lambda: run_child([PYTHON, "-c", "pass"], cwd=REPO),
            "check-docs docs": lambda: _check_docs([*allow, docs], REPO),
            "check-docs docs, caches off": lambda: _check_docs([*allow, docs], REPO, env=cold),
        }
        samples = interleaved(small, runs=1 if quick else 9, warmup=1)

        def on_tree(size: int) -> Callable[[], Sample]:
            return lambda: _check_docs([*no_cache, "--settings", settings, trees[size]], work, timeout=1800)

        rounds = 1 if quick else 3
        samples |= interleaved({f"check-docs {size}": on_tree(size) for size in SIZES}, runs=rounds, warmup=0)
        spread: list[tuple[list[Sample], Sample]] = []
        if lint:
            # markdownlint-cli2 takes ten times as long: check-docs runs around it see the load it sees.
            spread = around(on_tree(1000), lambda: _markdownlint(lint, trees[1000]), rounds, 1 if quick else AROUND)
            samples["markdownlint-cli2 1000"] = [long for _, long in spread]
        if huge:
            samples[f"check-docs {HUGE}"] = [on_tree(HUGE)()]
        recall_rows, recall_data = ([], {}) if quick else recall(note)

    ours, big = samples["check-docs docs"], samples["check-docs 1000"]
    runs = {size: samples[f"check-docs {size}"] for size in sizes}
    cpu = {size: median_cpu(runs[size]) for size in sizes}
    per_page = {size: cpu[size] / pages[size] for size in sizes}
    smallest, n = SIZES[0], pages[1000]
    growth = per_page[smallest]
    peak = {size: max(sample.peak_mb for sample in runs[size]) for size in sizes}
    result.rows = [
        Row(
            f"check-docs docs ({docs_pages} pages), CPU / python -c pass",
            paired_cpu_ratio(ours, samples["python -c pass"]),
            "x",
            MAX_DOCS_RATIO,
        )
    ]
    mdl = samples.get("markdownlint-cli2 1000", [])
    if mdl:
        near = [s for shorts, _ in spread for s in shorts]  # check-docs runs around markdownlint-cli2's
        cpu_ratio, wall_ratio = spread_ratio(spread, lambda s: s.cpu), spread_ratio(spread, lambda s: s.wall)
        result.rows += [
            Row(f"{n} pages, CPU / markdownlint-cli2", cpu_ratio, "x", MAX_CPU_VS_MARKDOWNLINT),
            Row(f"{n} pages, wall / markdownlint-cli2", wall_ratio, "x", MAX_WALL_VS_MARKDOWNLINT),
            # One check-docs run against the markdownlint-cli2 run next to it, the worst of the rounds:
            # how far a run of a few seconds strays with the load of its moment.
            Row(
                f"{n} pages, wall / markdownlint-cli2, one run, highest",
                max(s.wall / long.wall for shorts, long in spread for s in shorts),
                "x",
            ),
            # Cores each kept busy (CPU / wall): what the wall ratio owes to the cores, and to the load.
            Row(f"{n} pages, cores used: check-docs", median([s.cpu / s.wall for s in near]), "x"),
            Row(f"{n} pages, cores used: markdownlint-cli2", median([s.cpu / s.wall for s in mdl]), "x"),
        ]
    else:
        result.rows.append(Row(f"{n} pages / markdownlint-cli2 (not installed)", float("nan"), "x"))
    result.rows += [
        Row(f"peak RSS: check-docs, {n} pages", max(s.peak_mb for s in big), "MB", MAX_PEAK_MB),
        *(
            Row(f"CPU per page, {pages[size]} / {pages[smallest]} pages", per_page[size] / growth, "x", MAX_GROWTH)
            for size in sizes
            if size != smallest
        ),
        Row(f"check-docs docs ({docs_pages} pages), CPU", median_cpu(ours), "s"),
        Row(f"check-docs docs ({docs_pages} pages), wall", median_wall(ours), "s"),
        Row("check-docs docs, caches off, CPU", median_cpu(samples["check-docs docs, caches off"]), "s"),
        Row("python -c pass, CPU", median_cpu(samples["python -c pass"]), "s"),
        *(Row(f"check-docs {pages[size]} pages, CPU", cpu[size], "s") for size in sizes),
        *(Row(f"check-docs {pages[size]} pages, wall", median_wall(runs[size]), "s") for size in sizes),
        *(Row(f"check-docs CPU per page, {pages[size]} pages", per_page[size], "s") for size in sizes),
    ]
    if mdl:
        result.rows += [
            Row(f"markdownlint-cli2 {n} pages, CPU", median_cpu(mdl), "s"),
            Row(f"markdownlint-cli2 {n} pages, wall", median_wall(mdl), "s"),
            Row(f"peak RSS: markdownlint-cli2, {n} pages", max(s.peak_mb for s in mdl), "MB"),
        ]
    result.rows += [
        *(Row(f"peak RSS: check-docs, {pages[size]} pages", peak[size], "MB") for size in sizes),
        *recall_rows,
    ]
    note("peak RSS is the largest single process (GNU time); CPU includes every worker process")
    result.data = {
        "pages": {"docs": docs_pages, **{str(size): n for size, n in pages.items()}},
        "runs": {name: len(runs) for name, runs in samples.items()},
        "cpu_s": {name: [round(s.cpu, 3) for s in runs] for name, runs in samples.items()},
        "wall_s": {name: [round(s.wall, 3) for s in runs] for name, runs in samples.items()},
        "peak_rss_mb": {name: max(s.peak_mb for s in runs) for name, runs in samples.items()},
        "around_markdownlint": [
            {
                "check_docs_wall_s": [round(s.wall, 3) for s in shorts],
                "check_docs_cpu_s": [round(s.cpu, 3) for s in shorts],
                "markdownlint_wall_s": round(long.wall, 3),
                "markdownlint_cpu_s": round(long.cpu, 3),
            }
            for shorts, long in spread
        ],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "recall": recall_data,
        "options": [*allow, *no_cache],
    }
    return result
