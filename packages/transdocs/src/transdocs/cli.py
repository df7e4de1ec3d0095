"""The toolkit's commands: ``check-docs`` (standalone) and, as ``llm-backends`` subcommands
(through the ``llm_backends.commands`` entry point), ``check-docs``, ``stamp-translation``,
``translation-status`` and ``translation-diff``.

This module only declares the commands; the checker is imported when one of them
runs, so other commands do not pay for it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from transdocs.languages.tags import is_language_tag
from transdocs.pages.layout import LAYOUTS
from transdocs.report.formats import FORMATS

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # as a shell reports a command stopped by Ctrl-C (128 + SIGINT)


PROG = "llm-backends"


def _exit_codes() -> tuple[int, int, int]:
    return EXIT_OK, EXIT_FINDINGS, EXIT_USAGE


def run_check(args: argparse.Namespace) -> int:
    from transdocs.batch import check_paths
    from transdocs.errors import InputError
    from transdocs.project import load_project
    from transdocs.report.findings import fails
    from transdocs.report.formats import explain, list_kinds, render

    ok, failed, usage = _exit_codes()
    if args.list_kinds:
        print(list_kinds(args.format))
        return ok
    if args.explain is not None:
        text = explain(args.explain)
        if text is None:
            print(f"{args.prog}: --explain {args.explain}: no such kind (see --list-kinds)", file=sys.stderr)
            return usage
        print(text)
        return ok
    try:
        project = load_project().override(
            settings=args.settings,
            env_prefix=args.env_prefix,
            toml_table=args.toml_table,
            layout=args.layout,
            lang=args.lang,
            source_lang=args.source_lang,
            strict=args.strict,
            languages=args.languages,
            glossary=args.glossary,
            allow_import=args.allow_import,
            host_settings=getattr(args, "host_settings", None),
        )
        paths = args.paths or project.given_paths()
        if not paths:
            raise InputError("no PATH given (pass folders or pages, or set paths = [...] under [tool.check-docs])")
        found = check_paths(paths, project=project, jobs=args.jobs, use_cache=not args.no_cache)
    except InputError as exc:
        print(f"{args.prog}: {exc}", file=sys.stderr)
        return usage
    if project.settings is None:
        print(
            f"{args.prog}: note: no settings configured (--settings, or settings = ... under [tool.check-docs] "
            "in pyproject.toml): stated values were compared with the English pages only, not with the code",
            file=sys.stderr,
        )
    shown = render(found, args.format)
    if shown is not None:
        print(shown)
    return failed if fails(found, project.strict) else ok


def run_stamp(args: argparse.Namespace) -> int:
    from transdocs.errors import InputError
    from transdocs.tools.stamp import stamp_paths

    ok, _, usage = _exit_codes()
    try:
        for path, value in stamp_paths(args.paths):
            print(f"{path}: source_hash {value}")
    except InputError as exc:
        print(f"{args.prog}: {exc}", file=sys.stderr)
        return usage
    return ok


def run_translation_status(args: argparse.Namespace) -> int:
    from transdocs.pages.discover import InputError
    from transdocs.project import load_project
    from transdocs.tools.render import status_json, status_text
    from transdocs.tools.translation_status import UP_TO_DATE, translation_status

    ok, failed, usage = _exit_codes()
    try:
        config = load_project().override(
            allow_import=args.allow_import, host_settings=getattr(args, "host_settings", None)
        )
        docs = args.docs or _configured_docs(config.given_paths())
        status = translation_status(docs, args.lang, layout=args.layout, config=config)
    except InputError as exc:
        print(f"{args.prog}: {exc}", file=sys.stderr)
        return usage
    unknown = sorted(set(args.lang or ()) - set(status.languages))
    if unknown:
        known = " ".join(status.languages)
        print(f"{args.prog}: --lang {' '.join(unknown)}: not a language of {docs} ({known})", file=sys.stderr)
        return usage
    print(status_json(status) if args.format == "json" else status_text(status))
    behind = any(cell.state != UP_TO_DATE for cell in status.cells())
    return failed if args.strict and behind else ok


def _configured_docs(paths: list[str]) -> Path:
    """The docs folder from ``paths = [...]`` under [tool.check-docs]: docs/ when none is set."""
    from transdocs.errors import InputError

    if len(paths) > 1:
        raise InputError(f"paths under [tool.check-docs] name {len(paths)} folders: name one ({', '.join(paths)})")
    return Path(paths[0]) if paths else Path("docs")


def run_translation_diff(args: argparse.Namespace) -> int:
    from transdocs.pages.discover import InputError
    from transdocs.tools.render import diff_json, diff_text, page_change
    from transdocs.tools.translation_diff import UP_TO_DATE

    ok, failed, usage = _exit_codes()
    try:
        english, change = page_change(args.page, args.layout)
    except InputError as exc:
        print(f"{args.prog}: {exc}", file=sys.stderr)
        return usage
    print(diff_json(args.page, english, change) if args.format == "json" else diff_text(args.page, english, change))
    return ok if change.state == UP_TO_DATE else failed


CHECK_DESCRIPTION = (
    "Check docs pages in any language (mkdocs-static-i18n, Docusaurus, Hugo, Starlight/VuePress layouts, "
    "or a built site) for default values that differ from the code's settings, values that drifted from "
    "the English page, text saved through a wrong encoding, and translations whose structure or English "
    "original changed. Options also come from [tool.check-docs] in pyproject.toml. "
    "Exit 0 clean, 1 findings, 2 usage error."
)


LAYOUT_HELP = (
    "how translations are laid out (detected when not given): docs/<lang>/ folders, page.<lang>.md "
    "suffixes, Docusaurus i18n/, Hugo content/<lang>/, English pages with <lang>/ folders beside them "
    "(root), or loose files"
)


def _language_tag(text: str) -> str:
    if not is_language_tag(text):
        raise argparse.ArgumentTypeError(f"{text!r} is not a language tag such as de, fr, zh-Hans or pt-BR")
    return text


def add_allow_import(parser: argparse.ArgumentParser) -> None:
    """The opt-in to running the checked tree's code: a command-line option, never configuration."""
    parser.add_argument(
        "--allow-import",
        action="store_true",
        help="import the module:object that settings = ... under [tool.check-docs] names, with the project "
        "folder and its src/ on the path (it runs that code: only for a tree you trust); "
        "a .json/.toml settings file needs no opt-in",
    )


def add_check_arguments(check: argparse.ArgumentParser) -> None:
    """The options of ``check-docs``, shared by the standalone command and the subcommand."""
    check.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        type=str,
        help="pages (.md, .mdx, .markdown, .html) or folders such as docs/, i18n/ or a built site "
        "(default: paths under [tool.check-docs])",
    )
    check.add_argument(
        "--settings",
        metavar="SPEC",
        help="the settings pages state defaults of: module:object (a pydantic model or pydantic-settings class, "
        "a dataclass, a mapping) or a .json/.toml file of {name: default} or [{name, env, key, default}]",
    )
    add_allow_import(check)
    check.add_argument("--env-prefix", metavar="PREFIX", help="env var = PREFIX + NAME upper-cased (for example APP_)")
    check.add_argument("--toml-table", metavar="NAME", help="the config file table the settings live in")
    check.add_argument(
        "--source-lang", metavar="TAG", type=_language_tag, help="the language translations are made from (default: en)"
    )
    check.add_argument(
        "--lang",
        metavar="TAG",
        type=_language_tag,
        help="language of loose files, as a BCP 47 tag (de, zh-Hans, pt-BR)",
    )
    check.add_argument("--layout", choices=LAYOUTS, help=LAYOUT_HELP)
    check.add_argument(
        "--languages",
        metavar="DIR",
        help="a folder of your own language files (<lang>.toml, as in transdocs/languages/data): "
        "new languages, or more words for ours",
    )
    check.add_argument(
        "--glossary",
        metavar="PATH",
        help="your glossary files, {lang} standing for the language (docs/_data/{lang}.yml): a glossary finding "
        "where a translation uses a word its glossary avoids (default: <docs>/_data/<lang>.yml when it has glossary:)",
    )
    check.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="output format: text lines, json, github (workflow annotations on the pull request's lines), "
        "sarif (SARIF 2.1.0, for code scanning)",
    )
    check.add_argument(
        "--list-kinds", action="store_true", help="list every kind of finding with its severity and description"
    )
    check.add_argument("--explain", metavar="KIND", help="what a kind of finding means and what to do about it")
    check.add_argument(
        "--strict",
        action="store_true",
        default=None,
        help="also fail on outdated translations (English page changed since the stamp)",
    )
    check.add_argument(
        "--no-cache",
        action="store_true",
        help="check every page again (by default pages unchanged since the last run, with the same settings, "
        "language files, options and check-docs, come from ~/.cache/check-docs; CHECK_DOCS_CACHE=0 also turns it off)",
    )
    check.add_argument(
        "--jobs",
        type=int,
        metavar="N",
        help="processes checking a large tree, this one among them (default: one per core; 1: this one alone)",
    )
    check.set_defaults(run=run_check)


STAMP_HELP = "record which English version a translated page translates (front matter source_hash)"
STAMP_DESCRIPTION = (
    "Write source_hash (the hash of the English page) into the front matter of translated pages, "
    "keeping everything else byte for byte. Run it when a translation is done."
)


def add_stamp_arguments(stamp: argparse.ArgumentParser) -> None:
    stamp.add_argument(
        "paths", nargs="+", metavar="PATH", type=Path, help="translated pages or folders of them (docs/fr/, i18n/de/)"
    )
    stamp.set_defaults(run=run_stamp)


def _examples(*commands: str) -> dict[str, Any]:
    """The end of every --help: commands to copy (argparse keyword arguments)."""
    heading = "examples:" if len(commands) > 1 else "example:"
    return {
        "epilog": heading + "".join(f"\n  {command}" for command in commands),
        "formatter_class": argparse.RawDescriptionHelpFormatter,
    }


CHECK_EXAMPLES = ("check-docs docs", "check-docs --strict --format json docs")
STAMP_EXAMPLE = "stamp-translation docs/fr/retries.md"


STATUS_DESCRIPTION = (
    "One row per English page, one column per language: up to date, outdated (how many English lines changed, "
    "since when, from git history), missing, untranslated or broken (checker findings). The docs folder is the "
    "one named, else paths under [tool.check-docs], else docs. Exit 0; with --strict, 1 when any translation "
    "is not up to date; 2 on a usage error."
)
STATUS_EXAMPLES = ("translation-status", "translation-status --lang fr --format json docs")
DIFF_DESCRIPTION = (
    "Find, in the git history of the English page, the version whose hash is the translation's source_hash, "
    "and show the diff from it to the English page now, naming the sections that changed. Exit 0 when the "
    "translation is up to date, 1 when the English page changed, 2 on a usage error (or when git history "
    "cannot be read)."
)
DIFF_EXAMPLE = "translation-diff docs/fr/retries.md"


def add_status_arguments(status: argparse.ArgumentParser) -> None:
    status.add_argument(
        "docs",
        nargs="?",
        type=Path,
        metavar="DOCS",
        help="the docs folder (default: paths under [tool.check-docs], else docs)",
    )
    status.add_argument(
        "--lang", action="append", metavar="TAG", type=_language_tag, help="only this language (repeat for more)"
    )
    status.add_argument("--layout", choices=LAYOUTS, help=LAYOUT_HELP)
    add_allow_import(status)
    status.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    status.add_argument("--strict", action="store_true", help="exit 1 when any translation is not up to date")
    status.set_defaults(run=run_translation_status)


def add_diff_arguments(changes: argparse.ArgumentParser) -> None:
    changes.add_argument("page", type=Path, metavar="PAGE", help="a translated page, e.g. docs/fr/retries.md")
    changes.add_argument("--layout", choices=LAYOUTS, help=LAYOUT_HELP)
    changes.add_argument(
        "--format", choices=("text", "json"), default="text", help="json: old and new English text, changed lines"
    )
    changes.set_defaults(run=run_translation_diff)


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``check-docs``, ``stamp-translation``, ``translation-status`` and ``translation-diff``
    to the ``llm-backends`` parser (entry point)."""
    check = commands.add_parser(
        "check-docs",
        help="find stale default values, broken encodings and drifted translations in the docs",
        description=CHECK_DESCRIPTION,
        **_examples(*(f"{PROG} {example}" for example in CHECK_EXAMPLES)),
    )
    add_check_arguments(check)
    check.set_defaults(prog=f"{PROG} check-docs")

    stamp = commands.add_parser(
        "stamp-translation", help=STAMP_HELP, description=STAMP_DESCRIPTION, **_examples(f"{PROG} {STAMP_EXAMPLE}")
    )
    add_stamp_arguments(stamp)
    stamp.set_defaults(prog=f"{PROG} stamp-translation")

    status = commands.add_parser(
        "translation-status",
        help="which translations are up to date, outdated, missing, untranslated or broken",
        description=STATUS_DESCRIPTION,
        **_examples(*(f"{PROG} {example}" for example in STATUS_EXAMPLES)),
    )
    add_status_arguments(status)
    status.set_defaults(prog=f"{PROG} translation-status")

    changes = commands.add_parser(
        "translation-diff",
        help="what changed in the English page since the version a translation translates",
        description=DIFF_DESCRIPTION,
        **_examples(f"{PROG} {DIFF_EXAMPLE}"),
    )
    add_diff_arguments(changes)
    changes.set_defaults(prog=f"{PROG} translation-diff")


def _run(parser: argparse.ArgumentParser, argv: list[str] | None) -> int:
    args = parser.parse_args(argv)
    args.prog = parser.prog
    try:
        return int(args.run(args))
    except BrokenPipeError:  # check-docs docs | head
        return EXIT_OK
    except KeyboardInterrupt:  # Ctrl-C: one line, not a traceback (workers stop with this process)
        print(f"{args.prog}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED


def main(argv: list[str] | None = None) -> int:
    """The standalone ``check-docs`` command, for any project."""
    parser = argparse.ArgumentParser(prog="check-docs", description=CHECK_DESCRIPTION, **_examples(*CHECK_EXAMPLES))
    add_check_arguments(parser)
    return _run(parser, argv)


def stamp_main(argv: list[str] | None = None) -> int:
    """The standalone ``stamp-translation`` command, for any project."""
    parser = argparse.ArgumentParser(
        prog="stamp-translation", description=STAMP_DESCRIPTION, **_examples(STAMP_EXAMPLE)
    )
    add_stamp_arguments(parser)
    return _run(parser, argv)


def status_main(argv: list[str] | None = None) -> int:
    """The standalone ``translation-status`` command, for any project."""
    parser = argparse.ArgumentParser(
        prog="translation-status", description=STATUS_DESCRIPTION, **_examples(*STATUS_EXAMPLES)
    )
    add_status_arguments(parser)
    return _run(parser, argv)


def diff_main(argv: list[str] | None = None) -> int:
    """The standalone ``translation-diff`` command, for any project."""
    parser = argparse.ArgumentParser(prog="translation-diff", description=DIFF_DESCRIPTION, **_examples(DIFF_EXAMPLE))
    add_diff_arguments(parser)
    return _run(parser, argv)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
