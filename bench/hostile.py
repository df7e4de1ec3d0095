"""Hostile pages: check-docs on pages made of one construct's opener, repeated, at 1x, 10x and 100x size.

A reader that searches to the end of the page for each opener that is never closed
(``{{``, ``<!--``, ``<a``, ``[a](``, an unclosed fence...) takes time that grows with the
square of the page: 10x the page, 100x the time. Linear readers grow 10x. Each construct is
timed in its own worker process (a reader that hangs is killed after a generous timeout and
reported), on one Markdown page (and the same text as an MDX page), with our settings from a
JSON file so every reader runs. Also timed: a page over the size limit (a finding, not a read)
and a ``--languages`` file of 100,000 words.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from measure import BENCH, PYTHON, REPO, run_child
from report import Result, Row

# name -> one opener; a page is the opener repeated on one line ("line") or one per line ("lines").
CONSTRUCTS = {
    "placeholder {{": "{{ ",
    "HTML comment <!--": "<!-- ",
    "tag <a": "<a ",
    "link [a](": "[a](",
    "template {%": "{% ",
    "MDX comment {/*": "{/* ",
    "JSX prop <X a={": "<X a={",
    'attribute <a b="': '<a b="',
    "raw <script>": "<script>",
    "raw <code>": "<code>",
    "unclosed fence ```a": "```a\n",
    "inline code `": "`",
    "table row |": "| a ",
    "front matter ---": "---\n",
    'admonition !!! note "': '!!! note "',
    "directive :::note[": ":::note[",
    "entity &#": "&#",
    "zero-width space": "a\u200b",
    "brace {": "{",
    "list item -": "- ",
    "setting and value": "`LLM_TIMEOUT` defaults to 60 ",
    "front matter never closed": "a: b\n",
    "a value, then settings": "`LLM_TIMEOUT`, ",
    "a value and a setting, then default words": "default ",
}
# What a page opens with before its repeated opener (default "# Title" and a blank line): front
# matter opens only on the first line; one sentence's rules link a value to the settings around it.
HEADS = {
    "front matter never closed": "---\n",
    "a value, then settings": "# Title\n\n60 s ",
    "a value and a setting, then default words": "# Title\n\n60 s `LLM_TIMEOUT` ",
}
BASE_BYTES = 1_500  # 1x; 10x = 15 KB, 100x = 150 KB
FACTORS = (1, 10, 100)
MAX_SECONDS = 1.0  # goal: the 150 KB page of any construct
MAX_GROWTH = 15.0  # goal: 150 KB / 15 KB; linear is 10, quadratic 100
TIMEOUT = 120.0  # a worker slower than this is reported as "over 120 s"
REPEATS = 3  # runs per size; the fastest counts


def _page(construct: str, shape: str, size: int) -> str:
    opener = CONSTRUCTS[construct]
    unit = opener if shape == "line" else opener.rstrip("\n") + "\n"
    return HEADS.get(construct, "# Title\n\n") + unit * max(1, size // len(unit))


def _worker_run(construct: str, shape: str, settings: str) -> dict[str, float]:
    """Seconds per size for one construct, in this process (the checker loaded first, untimed)."""
    from transdocs.batch import check_paths
    from transdocs.project import Project

    project = Project(settings=settings)
    seconds: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="bench-hostile-") as tmp:
        warm = Path(tmp) / "warm.md"
        warm.write_text("# Warm\n\nThe default of `LLM_TIMEOUT` is 60 s.\n", encoding="utf-8")
        check_paths([str(warm)], lang="en", project=project)
        for factor in FACTORS:
            page = Path(tmp) / f"page-{factor}.md"
            page.write_text(_page(construct, shape, BASE_BYTES * factor), encoding="utf-8")
            runs = []
            for _ in range(REPEATS):
                start = time.perf_counter()
                check_paths([str(page)], lang="en", project=project, use_cache=False)
                runs.append(time.perf_counter() - start)
            seconds[str(factor)] = min(runs)  # the least disturbed run on a shared machine
    return seconds


def _settings_file(folder: Path) -> Path:
    path = folder / "settings.json"
    code = (
        "import json, sys; from llm_backends.settings import setting_infos; "
        "json.dump([{'name': i.name, 'env': i.env, 'key': i.key, 'default': i.default, 'unit': i.unit} "
        "for i in setting_infos() if not i.secret], open(sys.argv[1], 'w'))"
    )
    run_child([PYTHON, "-c", code, path], timeout=120)
    return path


def _timed(construct: str, shape: str, settings: Path) -> dict[str, float] | None:
    argv = [PYTHON, BENCH / "hostile.py", "--worker", construct, "--shape", shape, "--settings", settings]
    sample = run_child(argv, cwd=BENCH, timeout=TIMEOUT, check=False)
    if sample.returncode != 0:
        return None  # killed at the timeout (or failed: the output says why)
    result: dict[str, float] = json.loads(sample.output.strip().splitlines()[-1])
    return result


def _oversize_seconds(folder: Path) -> float:
    """The CLI on a 20 MB page: one finding, the page not read."""
    page = folder / "huge.md"
    page.write_text("# Huge\n\n" + "word " * 4_000_000, encoding="utf-8")
    sample = run_child([Path(PYTHON).parent / "check-docs", "--lang", "en", page], cwd=folder, check=False)
    if "page-too-large" not in sample.output:
        raise RuntimeError(f"no page-too-large finding for a 20 MB page:\n{sample.output[-2000:]}")
    return sample.wall


def _languages_seconds(folder: Path) -> float:
    """The CLI with a --languages file of 100,000 common words, on one page."""
    languages = folder / "languages"
    languages.mkdir()
    words = ", ".join(f'"w{n}"' for n in range(100_000))
    (languages / "en.toml").write_text(f"common_words = [{words}]\n", encoding="utf-8")
    page = folder / "page.md"
    page.write_text("# Page\n\nThe default of `LLM_TIMEOUT` is 60 s.\n", encoding="utf-8")
    cli = [Path(PYTHON).parent / "check-docs", "--lang", "en", "--languages", languages, page]
    return run_child(cli, cwd=folder, timeout=TIMEOUT, check=False).wall


def run(quick: bool) -> Result:
    result = Result("hostile")
    constructs = list(CONSTRUCTS)[:4] if quick else list(CONSTRUCTS)
    shapes = ("line",) if quick else ("line", "lines")
    with tempfile.TemporaryDirectory(prefix="bench-hostile-") as tmp:
        settings = _settings_file(Path(tmp))
        times = {f"{c} ({s})": _timed(c, s, settings) for c in constructs for s in shapes}
        oversize = _oversize_seconds(Path(tmp))
        languages = _languages_seconds(Path(tmp))
    largest, middle = str(FACTORS[-1]), str(FACTORS[-2])
    finished = {name: t for name, t in times.items() if t is not None}
    slowest = max(finished.items(), key=lambda item: item[1][largest], default=None)
    growth = {name: t[largest] / max(t[middle], 1e-6) for name, t in finished.items()}
    steepest = max(growth.items(), key=lambda item: item[1], default=None)
    size = BASE_BYTES * FACTORS[-1] // 1000
    result.data = {"seconds": times, "growth": growth, "oversize_s": oversize, "languages_100k_s": languages}
    result.rows = [
        Row(f"pathological pages finished within {TIMEOUT:g} s", len(finished), "", None),
        Row(f"pathological pages killed after {TIMEOUT:g} s", len(times) - len(finished), "", 0),
    ]
    if slowest is not None and steepest is not None:
        result.rows += [
            Row(f"slowest {size} KB page: {slowest[0]}", slowest[1][largest], "s", MAX_SECONDS),
            Row(f"steepest growth 10x -> 100x: {steepest[0]}", steepest[1], "x", MAX_GROWTH),
        ]
    result.rows += [
        *(Row(f"{name}, {size} KB", t[largest], "s") for name, t in finished.items()),
        Row("check-docs on a 20 MB page (page-too-large)", oversize, "s"),
        Row("check-docs --languages with 100,000 common words", languages, "s"),
    ]
    result.notes = [
        f"{name}: " + " / ".join(f"{t[str(f)] * 1000:.1f} ms" for f in FACTORS) for name, t in finished.items()
    ]
    return result


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="worker for the hostile pages benchmark")
    parser.add_argument("--worker", required=True, choices=list(CONSTRUCTS))
    parser.add_argument("--shape", choices=("line", "lines"), default="line")
    parser.add_argument("--settings", required=True)
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    print(json.dumps(_worker_run(args.worker, args.shape, args.settings)))
