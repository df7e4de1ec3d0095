"""``llm-backends check-docs`` and ``llm-backends stamp-translation``.

This module only declares the commands; the checker is imported when one of them
runs, so other commands do not pay for it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..languages import LANGUAGES


def _exit_codes() -> tuple[int, int, int]:
    from ...cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE

    return EXIT_OK, EXIT_FINDINGS, EXIT_USAGE


def run_check(args: argparse.Namespace) -> int:
    from .discover import InputError
    from .findings import fails
    from .runner import check_paths

    ok, failed, usage = _exit_codes()
    try:
        found = check_paths(args.paths, lang=args.lang)
    except InputError as exc:
        print(f"llm-backends check-docs: {exc}", file=sys.stderr)
        return usage
    if args.format == "json":
        print(json.dumps([f.as_dict() for f in found], ensure_ascii=False, indent=2))
    else:
        for finding in found:
            print(finding.as_text())
    return failed if fails(found, args.strict) else ok


def run_stamp(args: argparse.Namespace) -> int:
    from .discover import InputError
    from .stamp import stamp_paths

    ok, _, usage = _exit_codes()
    try:
        for path, value in stamp_paths(args.paths):
            print(f"{path}: source_hash {value}")
    except InputError as exc:
        print(f"llm-backends stamp-translation: {exc}", file=sys.stderr)
        return usage
    return ok


def add_commands(commands: argparse._SubParsersAction) -> None:
    """Add ``check-docs`` and ``stamp-translation`` to the ``llm-backends`` parser."""
    check = commands.add_parser(
        "check-docs",
        help="find stale default values, broken encodings and drifted translations in the docs",
        description="Check Markdown pages (docs/<lang>/...) or a built site for default values that "
        "differ from the package, text saved through a wrong encoding, and translations whose "
        "structure or English original changed. Exit 0 clean, 1 findings, 2 usage error.",
    )
    check.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        type=str,
        help="Markdown or HTML files, or folders such as docs/ or a built site",
    )
    check.add_argument("--lang", choices=LANGUAGES, help="language of files outside a docs/<lang>/ folder")
    check.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    check.add_argument(
        "--strict",
        action="store_true",
        help="also fail on outdated translations (English page changed since the stamp)",
    )
    check.set_defaults(run=run_check)

    stamp = commands.add_parser(
        "stamp-translation",
        help="record which English version a translated page translates (front matter source_hash)",
        description="Write source_hash (the hash of the English page) into the front matter of "
        "translated pages, keeping everything else byte for byte. Run it when a translation is done.",
    )
    stamp.add_argument(
        "paths", nargs="+", metavar="PATH", type=Path, help="translated pages (docs/<lang>/page.md) or folders of them"
    )
    stamp.set_defaults(run=run_stamp)
