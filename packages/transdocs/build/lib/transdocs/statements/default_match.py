"""Whether a value a page states is a setting's default, for defaults of every JSON type.

The one place the checker compares a stated text with a configured default (a string,
number, bool, null, list or object from a settings file), by the rules of
:mod:`transdocs.values` that the alignment checks use between an English page and its
translation: ``'./src'``, ``"./src"`` and ``./src`` state the default ``./src``; ``True``
and ``true`` are one bool; lists compare element by element and objects key by key.
"""

from __future__ import annotations

from typing import Any

from transdocs.values import from_json, parse, same

_DASHES = frozenset({"-", "—", "–", ""})


def same_default(stated: str, default: Any) -> bool:
    """Whether the text a page states is ``default`` (any JSON value)."""
    value = parse(stated)
    return value is not None and same(value, from_json(default))


def same_text(a: str, b: str) -> bool:
    """Whether two stated texts are one value (``'./src'`` and ``./src``)."""
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
