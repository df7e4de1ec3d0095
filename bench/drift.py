"""Drift check: ``llm-backends check-docs`` (CLI) and ``check_paths`` (in-process) on the docs
tree and on generated trees of 250, 500 and 1,000 pages in each of the six languages.

Time per page at each size shows whether the check grows linearly with the docs.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from measure import BENCH, PYTHON, REPO, Sample, interleaved, median, median_wall, run_child, tool
from report import Result, Row

MAX_DOCS_SECONDS = 0.2  # goal: the whole docs tree, cheap enough for every commit
MAX_LARGE_SECONDS = 3.0  # goal: 1,000 pages x 6 languages
SIZES = (250, 500, 1000)  # pages per language
MAX_GROWTH = 1.5  # per-page time at the largest size over the smallest: about linear


def _has_generator() -> bool:
    return (REPO / "tests" / "support" / "docs_tree.py").is_file()


def make_tree(root: Path, pages: int) -> Path:
    """``pages`` pages per language, from the checker's generator when it exists."""
    if not _has_generator():
        return _copies_of_the_docs(root, pages)
    sys.path.insert(0, str(REPO))
    try:
        from tests.support.docs_tree import make_docs_tree
    finally:
        sys.path.remove(str(REPO))
    return make_docs_tree(root, pages)


def _copies_of_the_docs(root: Path, pages: int) -> Path:
    """Fallback: the real pages of every language, copied round-robin to ``page-NNNN.md``."""
    for language in sorted(p for p in (REPO / "docs").iterdir() if p.is_dir() and not p.name.startswith("_")):
        sources = sorted((REPO / "docs" / "en").glob("*.md"))
        (root / language.name).mkdir(parents=True)
        for number in range(pages):
            source = language / sources[number % len(sources)].name
            source = source if source.exists() else sources[number % len(sources)]
            shutil.copyfile(source, root / language.name / f"page-{number:04}.md")
    return root


def _page_count(tree: Path) -> int:
    return sum(1 for _ in tree.rglob("*.md"))


def _cli(tree: Path, *options: str | Path) -> Sample:
    """The CLI as a contributor runs it: from the repository, configured by its [tool.check-docs]."""
    sample = run_child([tool("llm-backends"), "check-docs", *options, tree], cwd=REPO, check=False)
    if sample.returncode not in (0, 1):  # 1 means findings, which is a result
        raise RuntimeError(f"check-docs exited {sample.returncode}:\n{sample.output[-2000:]}")
    return sample


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


def _in_process(tree: Path, docs: Path) -> Sample:
    """A worker process: a first call on the docs tree loads the checker, then ``tree`` is timed."""
    return run_child([PYTHON, BENCH / "drift.py", "--worker", tree, "--first", docs], cwd=BENCH)


def _seconds(sample: Sample) -> dict[str, float]:
    return json.loads(sample.output.strip().splitlines()[-1])


def run(quick: bool) -> Result:
    result = Result("check")
    with tempfile.TemporaryDirectory(prefix="bench-check-") as tmp:
        trees = {"docs": Path(tmp) / "docs"}
        shutil.copytree(REPO / "docs", trees["docs"])  # a snapshot: others are editing the real one
        for size in SIZES:
            trees[str(size)] = make_tree(Path(tmp) / f"tree-{size}", size)
        pages = {name: _page_count(tree) for name, tree in trees.items()}
        commands = {("cli", name): (lambda t=tree: _cli(t)) for name, tree in trees.items()}
        commands |= {
            ("in-process", name): (lambda t=tree: _in_process(t, trees["docs"])) for name, tree in trees.items()
        }
        settings_file = _settings_file(Path(tmp))
        commands["cli-file", "docs"] = lambda: _cli(trees["docs"], "--settings", settings_file)
        small = {key: command for key, command in commands.items() if key[1] == "docs"}
        large = {key: command for key, command in commands.items() if key[1] != "docs"}
        # The docs tree takes a fraction of a second: more runs buy a steadier median cheaply.
        samples = interleaved(small, runs=1 if quick else 9, warmup=0)
        samples |= interleaved(large, runs=1 if quick else 3, warmup=0)
    cli = {name: median_wall(samples["cli", name]) for name in trees}
    cli_file = median_wall(samples["cli-file", "docs"])
    inproc = {name: median([_seconds(s)["seconds"] for s in samples["in-process", name]]) for name in trees}
    first_call = median([_seconds(s)["first"] for s in samples["in-process", "docs"]])
    per_page = {name: inproc[name] / pages[name] for name in trees}
    peak = {name: max(s.peak_mb for s in samples["cli", name]) for name in trees}
    smallest, largest = str(SIZES[0]), str(SIZES[-1])
    result.data = {
        "pages": pages,
        "runs": {name: len(samples["cli", name]) for name in trees},
        "cli_median_s": cli,
        "cli_settings_file_median_s": cli_file,
        "in_process_median_s": inproc,
        "in_process_per_page_s": per_page,
        "first_call_s": first_call,
        "peak_rss_mb": peak,
        "generator": "tests.support.docs_tree" if _has_generator() else "copies of docs/ pages",
    }
    result.rows = [
        Row(f"check-docs CLI, docs tree ({pages['docs']} pages)", cli["docs"], "s", MAX_DOCS_SECONDS),
        Row(f"check_paths in-process, docs tree ({pages['docs']} pages)", inproc["docs"], "s", MAX_DOCS_SECONDS),
        Row(f"check-docs CLI, docs tree, settings from a JSON file ({pages['docs']} pages)", cli_file, "s"),
        Row(f"check-docs CLI, {pages[largest]} pages", cli[largest], "s", MAX_LARGE_SECONDS),
        Row(f"check_paths in-process, {pages[largest]} pages", inproc[largest], "s", MAX_LARGE_SECONDS),
        Row(
            f"time per page, {pages[largest]} / {pages[smallest]} pages",
            per_page[largest] / per_page[smallest],
            "x",
            MAX_GROWTH,
        ),
        *(Row(f"check-docs CLI, {pages[str(s)]} pages", cli[str(s)], "s") for s in SIZES[:-1]),
        *(Row(f"check_paths in-process, {pages[str(s)]} pages", inproc[str(s)], "s") for s in SIZES[:-1]),
        *(Row(f"time per page in-process, {pages[name]} pages", per_page[name], "s") for name in trees),
        Row("check_paths first call in a process (imports + docs tree)", first_call, "s"),
        *(Row(f"peak RSS: check-docs CLI, {pages[name]} pages", peak[name], "MB") for name in trees),
    ]
    return result


# --- the worker: runs in its own process --------------------------------------------


def worker(tree: str, first_tree: str) -> dict[str, float]:
    start = time.perf_counter()
    from transdocs import check_paths

    check_paths([first_tree])
    first = time.perf_counter() - start
    start = time.perf_counter()
    check_paths([tree])
    return {"first": first, "seconds": time.perf_counter() - start}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="worker for the drift check benchmark")
    parser.add_argument("--worker", required=True, metavar="TREE", help="the tree to time")
    parser.add_argument("--first", required=True, metavar="TREE", help="checked first, untimed: loads the checker")
    args = parser.parse_args()
    print(json.dumps(worker(args.worker, args.first)))
