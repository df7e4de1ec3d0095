"""Whether a value a page states is a setting's default, for defaults of every JSON type.

The one place the checker compares a stated text with a configured default (a string,
number, bool, null, list or object from a settings file). ``'./src'``, ``"./src"`` and
``./src`` state the default ``./src``; ``True`` and ``true`` are one bool; ``null``,
``None``, ``undefined``, ``-`` and ``—`` all say "no default"; lists compare element by
element and objects key by key after the same normalisation. The value normalisation of
the alignment checks (``transdocs.values``) is meant to take this function's place, so
that settings and page pairs are compared by one set of rules.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

NULL_WORDS = frozenset({"null", "none", "undefined", "nil", "-", "—", "–", "n/a", "无", "なし", "없음"})
_DASHES = frozenset({"-", "—", "–", ""})
_QUOTES = {'"': '"', "'": "'", "`": "`", "“": "”", "‘": "’", "«": "»", "「": "」"}
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_KEY = re.compile(r"""^\s*(?:"([^"]*)"|'([^']*)'|([\w$-]+)\??)\s*:(.*)$""", re.DOTALL)
_MAX_DEPTH = 20  # deeper literals are compared as text (no recursion without end on hostile input)


class _Text(str):
    """An unquoted word that is not a number, bool or null: compared as written."""


def _split_top(inner: str) -> list[str]:
    """Items of a list or object body, split at commas outside brackets and quotes."""
    items, depth, quote, start = [], 0, "", 0
    for index, char in enumerate(inner):
        if quote:
            if char == quote:
                quote = ""
        elif char in "\"'`":
            quote = char
        elif char in "[{(":
            depth += 1
        elif char in "]})":
            depth -= 1
        elif char == "," and depth == 0:
            items.append(inner[start:index])
            start = index + 1
    items.append(inner[start:])
    return [item for item in items if item.strip()]


def parse_literal(text: str, depth: int = 0) -> Any:
    """A stated text as a value: str, float, bool, None, list or dict (quotes and case normalised)."""
    text = text.strip().rstrip(",;").strip()
    if len(text) >= 2 and text[0] in _QUOTES and text[-1] == _QUOTES[text[0]]:
        inner = text[1:-1]
        return parse_literal(inner, depth + 1) if text[0] == "`" and depth < _MAX_DEPTH else inner
    if text.lower() in NULL_WORDS:
        return None
    if text.lower() in ("true", "false"):
        return text.lower() == "true"
    if _NUMBER.fullmatch(text):
        return float(text)
    if depth < _MAX_DEPTH and len(text) >= 2 and text[0] + text[-1] in ("[]", "{}"):
        items = _split_top(text[1:-1])
        if text[0] == "[":
            return [parse_literal(item, depth + 1) for item in items]
        found: dict[str, Any] = {}
        for item in items:
            pair = _KEY.match(item)
            if pair is None:
                return _Text(text)
            key = next(group for group in pair.groups()[:3] if group is not None)
            found[key] = parse_literal(pair.group(4), depth + 1)
        return found
    return _Text(text)


def _normal(value: Any, depth: int = 0) -> Any:
    """A configured default in the shape :func:`parse_literal` gives."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int | float):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, str):
        return value
    if depth >= _MAX_DEPTH:
        return json.dumps(value, default=str)
    if isinstance(value, list | tuple):
        return [_normal(item, depth + 1) for item in value]
    if isinstance(value, dict):
        return {str(key): _normal(item, depth + 1) for key, item in value.items()}
    return str(value)


def _equal(stated: Any, default: Any) -> bool:
    if isinstance(default, str):
        # A string default stated bare may look like a number or bool ("1.0", "on"): compare the text.
        return _text(stated) == default
    if isinstance(default, list):
        return (
            isinstance(stated, list)
            and len(stated) == len(default)
            and all(_equal(a, b) for a, b in zip(stated, default, strict=True))
        )
    if isinstance(default, dict):
        return (
            isinstance(stated, dict)
            and stated.keys() == default.keys()
            and all(_equal(stated[key], default[key]) for key in default)
        )
    if isinstance(default, float) and isinstance(stated, float) and not isinstance(stated, bool):
        return abs(stated - default) < 1e-9
    return type(stated) is type(default) and stated == default


def _text(value: Any) -> str | None:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value)
    return value if isinstance(value, str) else None


def same_default(stated: str, default: Any) -> bool:
    """Whether the text a page states is ``default`` (any JSON value), by the rules above."""
    return _equal(parse_literal(stated), _normal(default))


def same_text(a: str, b: str) -> bool:
    """Whether two stated texts are one value (``'./src'`` and ``./src``), by the same rules."""
    return a.strip() == b.strip() or _equal(parse_literal(a), _normal(parse_literal(b)))


def says_nothing(stated: str) -> bool:
    """A dash in a table's default cell: no default is given (not a claim that there is none)."""
    return stated.strip().strip("`").strip() in _DASHES


def looks_like(stated: str, kind: str) -> bool:
    """Whether a stated text has the shape of a list or an object default at all."""
    text = stated.strip().strip("`").strip()
    return (kind == "list" and text[:1] == "[" and text[-1:] == "]") or (
        kind == "object" and text[:1] == "{" and text[-1:] == "}" and not text.startswith("{{")
    )
