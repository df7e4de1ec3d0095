"""The toolkit's commands: ``check-docs`` (standalone) and, as ``llm-backends`` subcommands
(through the ``llm_backends.commands`` entry point), ``check-docs`` and ``stamp-translation``.

This module only declares the commands; the checker is imported when one of them
runs, so other commands do not pay for it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from transdocs.pages.layout import LAYOUTS, is_language_tag

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


PROG = "llm-backends"


def _exit_codes() -> tuple[int, int, int]:
    return EXIT_OK, EXIT_FINDINGS, EXIT_USAGE


def run_check(args: argparse.Namespace) -> int:
    from transdocs.pages.discover import InputError
    from transdocs.report.findings import fails
    from transdocs.runner import check_paths

    ok, failed, usage = _exit_codes()
    try:
        found = check_paths(args.paths, lang=args.lang, layout=args.layout)
    except InputError as exc:
        print(f"{args.prog}: {exc}", file=sys.stderr)
        return usage
    if args.format == "json":
        print(json.dumps([f.as_dict() for f in found], ensure_ascii=False, indent=2))
    else:
        for finding in found:
            print(finding.as_text())
    return failed if fails(found, args.strict) else ok


def run_stamp(args: argparse.Namespace) -> int:
    from transdocs.pages.discover import InputError
    from transdocs.translations.stamp import stamp_paths

    ok, _, usage = _exit_codes()
    try:
        for path, value in stamp_paths(args.paths):
            print(f"{path}: source_hash {value}")
    except InputError as exc:
        print(f"{args.prog}: {exc}", file=sys.stderr)
        return usage
    return ok


CHECK_DESCRIPTION = (
    "Check Markdown pages (docs/<lang>/...) or a built site for default values that "
    "differ from the package, text saved through a wrong encoding, and translations whose "
    "structure or English original changed. Exit 0 clean, 1 findings, 2 usage error."
)


def _language_tag(text: str) -> str:
    if not is_language_tag(text):
        raise argparse.ArgumentTypeError(f"{text!r} is not a language tag such as de, fr, zh-Hans or pt-BR")
    return text


def add_check_arguments(check: argparse.ArgumentParser) -> None:
    """The options of ``check-docs``, shared by the standalone command and the subcommand."""
    check.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        type=str,
        help="Markdown or HTML files, or folders such as docs/ or a built site",
    )
    check.add_argument(
        "--lang",
        metavar="TAG",
        type=_language_tag,
        help="language of loose files, as a BCP 47 tag (de, zh-Hans, pt-BR)",
    )
    check.add_argument(
        "--layout",
        choices=LAYOUTS,
        help="how translations are laid out (detected when not given): docs/<lang>/ folders, page.<lang>.md "
        "suffixes, Docusaurus i18n/, Hugo content/<lang>/, or loose files",
    )
    check.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    check.add_argument(
        "--strict",
        action="store_true",
        help="also fail on outdated translations (English page changed since the stamp)",
    )
    check.set_defaults(run=run_check)


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``check-docs`` and ``stamp-translation`` to the ``llm-backends`` parser (entry point)."""
    check = commands.add_parser(
        "check-docs",
        help="find stale default values, broken encodings and drifted translations in the docs",
        description=CHECK_DESCRIPTION,
    )
    add_check_arguments(check)
    check.set_defaults(prog=f"{PROG} check-docs")

    stamp = commands.add_parser(
        "stamp-translation",
        help="record which English version a translated page translates (front matter source_hash)",
        description="Write source_hash (the hash of the English page) into the front matter of "
        "translated pages, keeping everything else byte for byte. Run it when a translation is done.",
    )
    stamp.add_argument(
        "paths", nargs="+", metavar="PATH", type=Path, help="translated pages (docs/<lang>/page.md) or folders of them"
    )
    stamp.set_defaults(run=run_stamp, prog=f"{PROG} stamp-translation")


def main(argv: list[str] | None = None) -> int:
    """The standalone ``check-docs`` command, for any project."""
    parser = argparse.ArgumentParser(prog="check-docs", description=CHECK_DESCRIPTION)
    add_check_arguments(parser)
    args = parser.parse_args(argv)
    args.prog = "check-docs"
    try:
        return int(args.run(args))
    except BrokenPipeError:  # check-docs docs | head
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
