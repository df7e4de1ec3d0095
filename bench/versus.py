"""check-docs of two git revisions side by side: CPU per page on a tree of our pages, and whether
they find the same.

    python bench/versus.py 688fc27            # that revision against the working tree
    python bench/versus.py 688fc27 main --pages 1000 --rounds 3

Each revision's ``packages/transdocs/src`` is taken out of git (``git archive``) and run with the
same Python, one process (``--jobs 1`` where the version has it), every cache off (the page
cache, and the compiled-pattern file: both versions compile their patterns, once per run), on
copies of our pages (``--pages`` per language, six languages) checked with our settings as a
JSON file. Runs alternate, so a busy machine slows both alike; the ratio is the median of the
rounds' ratios. "Same findings" compares the two JSON outputs byte for byte.
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from drift import _settings_file, copies_of_the_docs
from measure import PYTHON, REPO, Sample, bench_env, interleaved, median_cpu, paired_cpu_ratio, run_child

SOURCE = "packages/transdocs/src"
MAIN = "import sys; from transdocs.cli import main; sys.exit(main())"


def _source(revision: str | None, into: Path) -> Path:
    """The toolkit's source at ``revision`` (the working tree when None)."""
    if revision is None:
        return REPO / SOURCE
    done = subprocess.run(["git", "archive", revision, SOURCE], cwd=REPO, capture_output=True, timeout=120)
    if done.returncode != 0:
        sys.exit(f"versus: git archive {revision} {SOURCE}: {done.stderr.decode(errors='replace').strip()}")
    with tarfile.open(fileobj=io.BytesIO(done.stdout)) as archive:
        archive.extractall(into, filter="data")
    return into / SOURCE


def _options(source: Path) -> list[str]:
    """``--no-cache`` and ``--jobs 1`` where this version has them (older ones check in one process)."""
    env = bench_env(PYTHONPATH=str(source))
    shown = subprocess.run([PYTHON, "-c", MAIN, "--help"], env=env, capture_output=True, text=True, timeout=60).stdout
    return [*(["--no-cache"] if "--no-cache" in shown else []), *(["--jobs", "1"] if "--jobs" in shown else [])]


def _run(source: Path, tree: Path, settings: Path) -> Sample:
    env = bench_env(PYTHONPATH=str(source), CHECK_DOCS_CACHE="0")
    argv = [PYTHON, "-c", MAIN, *_options(source), "--settings", str(settings), "--format", "json", str(tree)]
    # From the tree's folder: no pyproject.toml of ours on the way up to configure either version.
    sample = run_child(argv, env=env, cwd=tree.parent, check=False, timeout=3600)
    if sample.returncode not in (0, 1):
        sys.exit(f"versus: check-docs ({source}) exited {sample.returncode}:\n{sample.output[-2000:]}")
    return sample


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("old", help="a git revision (commit, tag, branch)")
    parser.add_argument("new", nargs="?", help="a second revision (default: the working tree)")
    parser.add_argument("--pages", type=int, default=1000, help="pages per language (default 1000: 6,000 pages)")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-versus-") as tmp:
        work = Path(tmp)
        sources = {"old": _source(args.old, work / "old"), "new": _source(args.new, work / "new")}
        tree = copies_of_the_docs(work / "tree", args.pages)
        settings = _settings_file(work)
        pages = sum(1 for _ in tree.rglob("*.md"))
        outputs: dict[str, str] = {}

        def one(name: str) -> Sample:
            sample = _run(sources[name], tree, settings)
            outputs[name] = sample.output
            return sample

        samples = interleaved({"old": lambda: one("old"), "new": lambda: one("new")}, runs=args.rounds, warmup=0)
    per_page = {name: median_cpu(found) / pages * 1000 for name, found in samples.items()}
    print(f"{pages} pages, CPU per page (median of {args.rounds} rounds, one process, caches off):")
    print(f"  {args.old}: {per_page['old']:.2f} ms")
    print(f"  {args.new or 'working tree'}: {per_page['new']:.2f} ms")
    print(f"  new / old: {paired_cpu_ratio(samples['new'], samples['old']):.3f}")
    print(f"  same findings: {'yes' if outputs['old'] == outputs['new'] else 'no'}")


if __name__ == "__main__":
    main()
