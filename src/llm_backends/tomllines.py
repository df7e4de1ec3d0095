"""Where each key of a ``config.toml`` table was written: tomllib parses, but reports no positions.

A line scanner that knows enough TOML to not be fooled: lines inside multi-line strings
and multi-line arrays are skipped, table names may be quoted (``["llm"]``), keys may be
quoted or dotted (``llm.model = ...`` at the top level), and every candidate header or
key is confirmed by tomllib itself.
"""

from __future__ import annotations

import re
import tomllib
from typing import Any

_HEADER = re.compile(r"^\s*\[(?!\[)(?P<name>.*?)\]\s*(?:#.*)?$")
_ARRAY_HEADER = re.compile(r"^\s*\[\[(?P<name>.*?)\]\]\s*(?:#.*)?$")
_KEY_PART = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')"""
_KEY = re.compile(rf"^\s*(?P<key>{_KEY_PART}(?:\s*\.\s*{_KEY_PART})*)\s*=(?P<value>.*)$")


def _path(dotted: str) -> list[str] | None:
    """``llm.model`` or ``"llm"."model"`` -> ["llm", "model"], as TOML reads the key."""
    try:
        data: Any = tomllib.loads(f"{dotted} = 0")
    except (tomllib.TOMLDecodeError, RecursionError):
        return None
    path = []
    while isinstance(data, dict) and len(data) == 1:
        ((key, data),) = data.items()
        path.append(key)
    return path


def _opens_multiline(value: str) -> str | None:
    """The delimiter a value leaves open (a multi-line string or array), if any."""
    for quote in ('"""', "'''"):
        if value.count(quote) % 2 == 1:
            return quote
    try:
        tomllib.loads(f"x = {value}")
    except (tomllib.TOMLDecodeError, RecursionError):
        stripped = value.strip()
        if stripped.startswith(("[", "{")):
            return "]" if stripped.startswith("[") else "}"
    return None


def key_lines(text: str, table: str) -> tuple[dict[str, int], dict[str, int]]:
    """Line of each key in ``[table]``, and line of every other table or top-level key (for warnings)."""
    inside: dict[str, int] = {}
    elsewhere: dict[str, int] = {}
    current: list[str] = []
    closing: str | None = None
    depth = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if closing in ('"""', "'''"):
            if line.count(closing) % 2 == 1:
                closing = None
            continue
        if closing is not None:  # a multi-line array or inline table: wait for it to parse
            depth += line.count("[") + line.count("{") - line.count("]") - line.count("}")
            if depth <= 0:
                closing = None
            continue
        array = _ARRAY_HEADER.match(line)
        header = _HEADER.match(line) if not array else None
        if header or array:
            path = _path((header or array).group("name"))  # type: ignore[union-attr]
            if path is not None:
                current = path
                elsewhere.setdefault("[" + ".".join(path) + "]", number)
                if len(path) >= 2 and path[0] == table:  # [llm.x]: x is a key of [llm]
                    inside.setdefault(path[1], number)
                continue
        key = _KEY.match(line)
        if not key:
            continue
        path = _path(key.group("key"))
        if path is None:
            continue
        full = current + path
        if len(full) >= 2 and full[0] == table:  # x = 1 or x.y = 1 in [llm]: x is a key of [llm]
            inside.setdefault(full[1], number)
        else:
            elsewhere.setdefault(".".join(full), number)
        closing = _opens_multiline(key.group("value"))
        if closing in ("]", "}"):
            value = key.group("value")
            depth = value.count("[") + value.count("{") - value.count("]") - value.count("}")
    return inside, elsewhere
