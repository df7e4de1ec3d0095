"""Whether a value a page states is a setting's default, for defaults of every JSON type.

The one place the checker compares a stated text with a configured default (a string,
number, bool, null, list or object from a settings file). ``'./src'``, ``"./src"`` and
``./src`` state the default ``./src``; ``True`` and ``true`` are one bool; ``null``,
``None``, ``undefined``, ``-`` and ``—`` all say "no default"; lists compare element by
element and objects key by key after the same normalisation. The rules are those of
:mod:`transdocs.values`, which the alignment of translations with their English pages uses
too: settings and page pairs are compared by one set of rules.
"""

from __future__ import annotations

import json
import math
from typing import Any

from transdocs.values import from_json, parse, same

_DASHES = frozenset({"-", "—", "–", ""})
_MAX_DEPTH = 20  # deeper literals are compared as text (no recursion without end on hostile input)


def _normal(value: Any, depth: int = 0) -> Any:
    """A configured default as JSON: finite numbers, string keys, nesting capped (then as text)."""
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


def same_default(stated: str, default: Any) -> bool:
    """Whether the text a page states is ``default`` (any JSON value), by the rules of :mod:`transdocs.values`."""
    value = parse(stated)
    return value is not None and same(value, from_json(_normal(default)))


def same_text(a: str, b: str) -> bool:
    """Whether two stated texts are one value (``'./src'`` and ``./src``), by the same rules."""
    left, right = parse(a), parse(b)
    return a.strip() == b.strip() or (left is not None and right is not None and same(left, right))


def says_nothing(stated: str) -> bool:
    """A dash in a table's default cell: no default is given (not a claim that there is none)."""
    return stated.strip().strip("`").strip() in _DASHES


def looks_like(stated: str, kind: str) -> bool:
    """Whether a stated text has the shape of a list or an object default at all."""
    text = stated.strip().strip("`").strip()
    return (kind == "list" and text[:1] == "[" and text[-1:] == "]") or (
        kind == "object" and text[:1] == "{" and text[-1:] == "}" and not text.startswith("{{")
    )
