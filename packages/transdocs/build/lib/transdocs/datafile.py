"""Reading the TOML and JSON files a user gives (pyproject.toml, settings, language files).

Whatever is in them, the answer is the data or one :class:`InputError` line that names the
file and the line: not UTF-8, not valid TOML or JSON, or nested too deep for the parser
(``tomllib`` and ``json`` recurse, and a file nested 1,000 deep raises ``RecursionError``).
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

from transdocs.errors import InputError

# tomllib's messages end with "(at line 3, column 5)" (or "(at end of document)").
_TOML_WHERE = re.compile(r"\s*\(at (?:line (?P<line>\d+), column \d+|end of document)\)$")
_OPENERS, _CLOSERS = frozenset("[{"), frozenset("]}")
# Deeper than this is reported as too deep (before the parsers' own recursion gives out).
MAX_DEPTH = 100


def decode(raw: bytes, shown: str) -> str:
    """UTF-8 text (a byte order mark dropped), or an error naming the line of the first bad byte."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise InputError(f"{shown}:{line}: not UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8") from None


def read_text(path: Path, shown: str | None = None) -> str:
    """The file's text; errors name ``shown`` (the path as the user wrote it)."""
    shown = shown or str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{shown}: file not found") from None
    except OSError as exc:
        raise InputError(f"{shown}: cannot read ({exc.strerror or exc})") from None
    return decode(raw, shown)


def _too_deep(text: str) -> int:
    """The line where brackets and braces first nest deeper than :data:`MAX_DEPTH` (1 if none)."""
    depth, line = 0, 1
    for char in text:
        if char == "\n":
            line += 1
        elif char in _OPENERS:
            depth += 1
            if depth > MAX_DEPTH:
                return line
        elif char in _CLOSERS:
            depth = max(0, depth - 1)
    return 1


def _nested_error(text: str, shown: str, what: str) -> InputError:
    return InputError(f"{shown}:{_too_deep(text)}: not readable {what}: nested more than {MAX_DEPTH} deep")


def parse_toml(text: str, shown: str) -> dict[str, Any]:
    """``tomllib.loads``, with errors as ``shown:line: not valid TOML (why)``."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        where = _TOML_WHERE.search(message)
        line = f":{where.group('line') or text.count(chr(10)) + 1}" if where else ""
        reason = message[: where.start()] if where else message
        raise InputError(f"{shown}{line}: not valid TOML ({reason})") from None
    except RecursionError:
        raise _nested_error(text, shown, "TOML") from None


def parse_json(text: str, shown: str) -> Any:
    """``json.loads``, with errors as ``shown:line: not valid JSON (why)``."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{shown}:{exc.lineno}: not valid JSON ({exc.msg})") from None
    except RecursionError:
        raise _nested_error(text, shown, "JSON") from None


def read_toml(path: Path, shown: str | None = None) -> tuple[str, dict[str, Any]]:
    """A TOML file's text and data."""
    shown = shown or str(path)
    text = read_text(path, shown)
    return text, parse_toml(text, shown)
