"""Faster regexes that match exactly what the plain ones match.

Python's ``re`` tries every branch of a big alternation at every position of the text; the
word patterns of ``lexicon.py`` have dozens of branches, so scanning prose was most of the
checker's time. Two rewrites keep every match and cut that work:

- :func:`trie`: names sharing a prefix share one branch (``LLM_(?:TIMEOUT|MODEL)``), for
  patterns only asked *whether* they match (the set of matched strings is the same);
- :func:`guarded`: a pattern is prefixed with a look-ahead on the characters any of its
  matches can start with, so a position no branch can start at is rejected by one check.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from typing import Any

# The parser of the re module: private, so any surprise means "no guard", never a wrong one.
_parser: Any
_c: Any
try:
    _parser = importlib.import_module("re._parser")
    _c = importlib.import_module("re._constants")
except ImportError:  # pragma: no cover - a Python without these modules
    _parser = _c = None


def trie(words: Iterable[str]) -> str:
    """A group matching exactly ``words`` (escaped), branches sharing their prefixes.

    No words gives ``(?:)``, which matches the empty string, as ``"|".join([])`` in a group does.
    """
    return f"(?:{_trie(sorted(set(words)))})"


def _trie(words: list[str]) -> str:
    rest = [w for w in words if w]
    if not rest:
        return ""
    heads: dict[str, list[str]] = {}
    for word in rest:
        heads.setdefault(word[0], []).append(word[1:])
    branches = [re.escape(head) + _trie(tails) for head, tails in heads.items()]
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{body})?" if "" in words else body


class _Unknown(Exception):
    """A construct whose first character cannot be bounded: the pattern gets no guard."""


_CATEGORIES: dict[Any, str] = {}
if _c is not None:
    _CATEGORIES = {
        _c.CATEGORY_DIGIT: r"\d",
        _c.CATEGORY_NOT_DIGIT: r"\D",
        _c.CATEGORY_SPACE: r"\s",
        _c.CATEGORY_NOT_SPACE: r"\S",
        _c.CATEGORY_WORD: r"\w",
        _c.CATEGORY_NOT_WORD: r"\W",
    }


def _char(code: int) -> str:
    return re.escape(chr(code)) if chr(code) not in "-]\\^" else "\\" + chr(code)


def _first(items: Any) -> tuple[set[str], bool]:
    """(character-class pieces any match of the sequence ``items`` can start with, nullable)."""
    pieces: set[str] = set()
    for op, av in items:
        found, nullable = _first_of(op, av)
        pieces |= found
        if not nullable:
            return pieces, False
    return pieces, True


def _first_of(op: Any, av: Any) -> tuple[set[str], bool]:
    assert _c is not None
    if op is _c.LITERAL:
        return {_char(av)}, False
    if op is _c.IN:
        pieces = set()
        for item_op, item in av:
            if item_op is _c.LITERAL:
                pieces.add(_char(item))
            elif item_op is _c.RANGE:
                pieces.add(f"{_char(item[0])}-{_char(item[1])}")
            elif item_op is _c.CATEGORY and item in _CATEGORIES:
                pieces.add(_CATEGORIES[item])
            else:  # NEGATE, a range with ignore-case variants, ...
                raise _Unknown
        return pieces, False
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, inner = av
        if add_flags or del_flags:
            raise _Unknown
        return _first(inner)
    if op is _c.BRANCH:
        pieces, nullable = set(), False
        for branch in av[1]:
            found, empty = _first(branch)
            pieces |= found
            nullable = nullable or empty
        return pieces, nullable
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, _, inner = av
        found, nullable = _first(inner)
        return found, nullable or low == 0
    if op in (_c.ATOMIC_GROUP,):
        return _first(av)
    if op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
        return set(), True  # zero width: the next item starts the match
    raise _Unknown  # ANY, NOT_LITERAL, GROUPREF, ...


def guarded(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``pattern`` compiled, behind a look-ahead on the characters its matches start with.

    The look-ahead is left out when a match could be empty or start with a character the
    analysis cannot bound, so the result always matches exactly what ``pattern`` matches.
    """
    if _parser is not None:
        try:
            pieces, nullable = _first(_parser.parse(pattern, flags))
        except (_Unknown, re.error, ValueError, TypeError, AttributeError):
            pass
        else:
            if pieces and not nullable:
                guard = f"(?=[{''.join(sorted(pieces))}])"
                return re.compile(f"{guard}(?:{pattern})", flags)
    return re.compile(pattern, flags)
