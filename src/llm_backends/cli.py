"""The ``llm-backends`` command: show effective settings and the retry schedule.

Exit codes: 0 success, 1 findings (check-docs), 2 bad configuration or usage.
Never imports litellm.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

from .errors import ConfigError

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _print_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows, strict=False)]
    for line in (headers, ["-" * w for w in widths], *rows):
        print("  ".join(str(cell).ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip())


def _load(args: argparse.Namespace) -> Any:
    """Settings for a command; what is written where it is not read is printed as a warning line."""
    import warnings

    from .config import load
    from .errors import ConfigWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConfigWarning)
        loaded = load(args.config)
    for problem in loaded.warnings:
        print(f"llm-backends: warning: {problem}", file=sys.stderr)
    return loaded


def cmd_config(args: argparse.Namespace) -> int:
    from .settings import format_value, setting_infos, shown_value

    loaded = _load(args)
    if args.format == "json":
        payload = {
            info.env: {
                "key": info.key,
                "value": shown_value(info.name, getattr(loaded.settings, info.name)),
                "default": shown_value(info.name, info.default),
                "source": loaded.sources[info.name],
            }
            for info in setting_infos()
        }
        print(json.dumps(payload, indent=2))
        return EXIT_OK
    if loaded.config_file:
        print(f"config file: {loaded.config_file}\n")
    rows = [
        [
            info.env,
            info.key,
            format_value(shown_value(info.name, getattr(loaded.settings, info.name))),
            loaded.sources[info.name],
        ]
        for info in setting_infos()
    ]
    _print_table(["env var", "config.toml key", "value", "source"], rows)
    return EXIT_OK


def cmd_schedule(args: argparse.Namespace) -> int:
    from .retry import retry_schedule
    from .settings import format_value

    settings = _load(args).settings
    schedule = retry_schedule(settings)
    if args.format == "json":
        payload = {
            "model": settings.model,
            "max_requests": settings.num_retries + 1,
            "retries": [
                {
                    "retry": r.retry,
                    "shortest_wait": r.shortest,
                    "longest_wait": r.longest,
                    "longest_total": r.longest_total,
                }
                for r in schedule
            ],
            **_worst_case_fields(settings),
        }
        print(json.dumps(payload, indent=2))
        return EXIT_OK
    rows = [
        [
            str(r.retry),
            f"{format_value(r.shortest)} s",
            f"{format_value(r.longest)} s",
            f"{format_value(r.longest_total)} s",
        ]
        for r in schedule
    ]
    print(f"{settings.model}: at most {settings.num_retries + 1} requests per call\n")
    _print_table(["retry", "shortest wait", "longest wait", "longest total"], rows)
    for line in _worst_case(settings):
        print(line)
    return EXIT_OK


def _worst_case_fields(settings: Any) -> dict[str, float]:
    """The longest call in seconds, with and without total_timeout, for --format json."""
    from .retry import longest_call

    bound = longest_call(settings)
    return {"longest_call": bound.longest, "longest_call_without_limit": bound.without_limit}


def _worst_case(settings: Any) -> list[str]:
    """What the table leaves out: Retry-After, request time, and the total limit that caps them."""
    from .retry import longest_call
    from .settings import MOST_RETRIES, format_value

    bound = longest_call(settings)
    seconds = [f"{format_value(v)} s" for v in (bound.longest, bound.without_limit, bound.request_time)]
    capped = "capped by total_timeout" if bound.longest < bound.without_limit else "below total_timeout"
    return [
        "",
        f"longest call: {seconds[0]} ({capped}, {format_value(settings.total_timeout)} s)",
        f"without total_timeout: {seconds[1]} = {bound.requests} requests x {format_value(settings.timeout)} s"
        f" (timeout) + {settings.num_retries} waits x {format_value(settings.retry_max_wait)} s"
        " (retry_max_wait, when the server sends Retry-After)",
        f"num_retries may be at most {MOST_RETRIES}",
    ]


Command = Callable[[argparse.Namespace], int]
# Commands from other installed packages (the docs toolkit adds check-docs and
# stamp-translation): each entry point in this group is a function that adds its
# subcommands. This package never imports them; they are looked up only when the
# command line names none of ours.
COMMANDS_ENTRY_POINT = "llm_backends.commands"
# What this program vouches for to those commands (an argparse default, ``host_settings``): its
# own settings class. A docs tree whose configuration names exactly this spec is checked
# against the settings of the program the user is running, without the opt-in to importing
# the tree's code; any other spec still needs it.
HOST_SETTINGS = "llm_backends.settings:LLMSettings"


def _add_plugin_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from importlib.metadata import entry_points

    for entry in entry_points(group=COMMANDS_ENTRY_POINT):
        try:
            add = entry.load()
        except ImportError as exc:  # an install older than its source (the toolkit moved): say so, go on
            where = entry.dist.name if entry.dist is not None else entry.value
            print(
                f"llm-backends: commands of {where!r} cannot be loaded ({exc}); reinstall it "
                '(pip install -e "./packages/transdocs[mkdocs]" -e ".[dev]" in a checkout)',
                file=sys.stderr,
            )
            continue
        add(commands)


class _Version(argparse.Action):
    """``--version``: the installed package's version, read only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> None:
        from . import __version__

        print(f"{parser.prog} {__version__}")
        parser.exit()


def add_format_option(parser: argparse.ArgumentParser) -> None:
    """``--format text|json``: every command that prints data offers both."""
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="text for people, json for scripts (default: text)"
    )


def add_command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], name: str, summary: str, example: str
) -> argparse.ArgumentParser:
    """A subcommand with the one-line description and the example every ``--help`` shows."""
    return commands.add_parser(
        name,
        help=summary,
        description=summary[:1].upper() + summary[1:] + ".",
        epilog=f"example:\n  {example}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser; other packages' commands are added unless ``argv`` names one of ours."""
    parser = argparse.ArgumentParser(
        prog="llm-backends",
        description="LLM connection settings and retries: see what a call will use, and check the docs.",
        epilog="example:\n  llm-backends config --format json\n\n"
        "Exit codes: 0 ok, 1 findings (check-docs), 2 bad configuration or usage.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action=_Version, help="print the version and exit")
    parser.set_defaults(host_settings=HOST_SETTINGS)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    config = add_command(
        commands,
        "config",
        "show the effective settings and where each came from",
        "LLM_NUM_RETRIES=3 llm-backends config --config settings/llm.toml --format json",
    )
    config.add_argument("--config", metavar="PATH", help="config.toml to read (default: ./config.toml)")
    add_format_option(config)
    config.add_argument("--json", dest="format", action="store_const", const="json", help="the same as --format json")
    config.set_defaults(run=cmd_config)

    schedule = add_command(
        commands,
        "schedule",
        "show how long each retry may wait, with the current settings",
        "LLM_NUM_RETRIES=3 llm-backends schedule --format json",
    )
    schedule.add_argument("--config", metavar="PATH", help="config.toml to read (default: ./config.toml)")
    add_format_option(schedule)
    schedule.set_defaults(run=cmd_schedule)

    words = [word for word in (sys.argv[1:] if argv is None else argv) if not word.startswith("-")]
    if not words or words[0] not in commands.choices:  # not one of the commands above
        _add_plugin_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser(argv).parse_args(argv)
    try:
        code: int = args.run(args)
        return code
    except ConfigError as exc:
        for problem in exc.problems:
            print(f"llm-backends: {problem}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # `llm-backends config | head`
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
