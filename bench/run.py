"""Run the benchmarks and print goals, measured values and PASS/FAIL.

    python bench/run.py                  # every benchmark, text table
    python bench/run.py --only import --quick --json
    python bench/run.py --markdown       # the Performance section of bench/README.md
    python bench/run.py --update-readme --from bench/results/latest.json

Run it with the Python of the environment the project is installed in (pip install -e ".[dev]"),
for example .venv/bin/python bench/run.py: the tools it measures are that environment's.
Results also go to bench/results/latest.json. Exit code 1 when a benchmark could not run,
2 when a tool it needs is not installed; a missed goal is a result, not an error.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
import traceback
from pathlib import Path

from measure import BENCH, PYTHON, missing
from report import Result, machine, markdown, save, text_table, to_json, update_readme

# Benchmark name -> module with ``run(quick: bool) -> Result``, in the order they run.
BENCHMARKS = {
    "import": "startup",
    "calls": "calls",
    "looplag": "looplag",
    "site": "sitebuild",
    "check": "drift",
    "hostile": "hostile",
}
DEFAULT_OUTPUT = BENCH / "results" / "latest.json"
# What each benchmark runs: console scripts beside this interpreter, and modules it imports.
# Every run reports litellm's, MkDocs' and Material's versions.
NEEDS = {
    "import": (["llm-backends"], ["llm_backends", "litellm"]),
    "calls": ([], ["llm_backends", "litellm"]),
    "looplag": ([], ["llm_backends", "litellm"]),
    "site": (["mkdocs"], ["mkdocs", "material"]),
    "check": (["check-docs"], ["transdocs"]),
    "hostile": (["check-docs"], ["transdocs", "llm_backends"]),
}
ALWAYS = ["litellm", "mkdocs", "material"]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--only",
        action="append",
        choices=list(BENCHMARKS),
        metavar="NAME",
        help=f"run only this benchmark (repeatable): {', '.join(BENCHMARKS)}",
    )
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (a smoke test, not a measurement)")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print the results as JSON")
    output.add_argument("--markdown", action="store_true", help="print a Markdown Performance section")
    output.add_argument("--update-readme", action="store_true", help="rewrite the Performance block of README.md")
    parser.add_argument(
        "--from", dest="source", type=Path, metavar="PATH", help="report saved results instead of measuring"
    )
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="where to save the results JSON")
    parser.add_argument(
        "--readme", type=Path, default=BENCH / "README.md", help="the file --update-readme rewrites (bench/README.md)"
    )
    return parser.parse_args(argv)


def run_one(name: str, quick: bool) -> Result:
    print(f"bench: {name}...", file=sys.stderr, flush=True)
    start = time.perf_counter()
    try:
        result = importlib.import_module(BENCHMARKS[name]).run(quick)
    except Exception as exc:
        traceback.print_exc()
        result = Result(name, notes=[f"error: {type(exc).__name__}: {str(exc).splitlines()[0][:300]}"])
        result.data["error"] = True
    result.data["bench_seconds"] = round(time.perf_counter() - start, 1)
    print(f"bench: {name} done in {result.data['bench_seconds']} s", file=sys.stderr, flush=True)
    return result


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not args.source:
        chosen = [name for name in BENCHMARKS if not args.only or name in args.only]
        tools = [tool for name in chosen for tool in NEEDS[name][0]]
        modules = [module for name in chosen for module in NEEDS[name][1]] + ALWAYS
        absent = missing(list(dict.fromkeys(tools)), list(dict.fromkeys(modules)))
        if absent:
            print(
                f"bench: {', '.join(absent)} not installed for {PYTHON}; run the benchmarks with the Python of "
                'the environment where the project is installed (pip install -e ".[dev]"), '
                "for example: .venv/bin/python bench/run.py",
                file=sys.stderr,
            )
            return 2
    if args.source:
        report = json.loads(args.source.read_text(encoding="utf-8"))
    else:
        meta = {**machine(), "quick": args.quick}
        results = [run_one(name, args.quick) for name in BENCHMARKS if not args.only or name in args.only]
        report = to_json(meta, results)
        save(args.output, report)
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    elif args.markdown:
        print(markdown(report))
    elif args.update_readme:
        update_readme(args.readme, report)
        print(text_table(report))
    else:
        print(text_table(report))
    errors = [name for name, bench in report["benchmarks"].items() if bench["data"].get("error")]
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
