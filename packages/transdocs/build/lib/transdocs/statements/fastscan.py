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

from transdocs import regex_cache

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


# (pieces a match can start with anywhere, pieces it can start with only after a non-word
# character, nullable). The second set is for branches opening with ``(?<!\w)``.
_Firsts = tuple[set[str], set[str], bool]


def _first(items: Any, word_start: bool = False) -> _Firsts:
    """What any match of the sequence ``items`` can start with."""
    anywhere: set[str] = set()
    after_space: set[str] = set()
    for op, av in items:
        if op is _c.ASSERT_NOT and av[0] == -1 and _is_word_class(av[1]):
            word_start = True  # (?<!\w): the match starts where no word character precedes
            continue
        found, at_start, nullable = _first_of(op, av, word_start)
        anywhere |= found
        after_space |= at_start
        if not nullable:
            return anywhere, after_space, False
    return anywhere, after_space, True


def _is_word_class(pattern: Any) -> bool:
    r"""The look-behind rejects at least every word character: ``\w``, ``[\w.]``."""
    items = list(pattern)
    if len(items) != 1 or items[0][0] is not _c.IN:
        return False
    return any(op is _c.CATEGORY and av is _c.CATEGORY_WORD for op, av in items[0][1])


def _first_of(op: Any, av: Any, word_start: bool) -> _Firsts:
    def found(pieces: set[str]) -> _Firsts:
        return (set(), pieces, False) if word_start else (pieces, set(), False)

    if op is _c.LITERAL:
        return found({_char(av)})
    if op is _c.IN:
        pieces = set()
        for item_op, item in av:
            if item_op is _c.LITERAL:
                pieces.add(_char(item))
            elif item_op is _c.RANGE:
                pieces.add(f"{_char(item[0])}-{_char(item[1])}")
            elif item_op is _c.CATEGORY and item in _CATEGORIES:
                pieces.add(_CATEGORIES[item])
            else:  # NEGATE, ...
                raise _Unknown
        return found(pieces)
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, inner = av
        if add_flags or del_flags:
            raise _Unknown
        return _first(inner, word_start)
    if op is _c.BRANCH:
        anywhere: set[str] = set()
        after_space: set[str] = set()
        nullable = False
        for branch in av[1]:
            one, at_start, empty = _first(branch, word_start)
            anywhere |= one
            after_space |= at_start
            nullable = nullable or empty
        return anywhere, after_space, nullable
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, _, inner = av
        one, at_start, nullable = _first(inner, word_start)
        return one, at_start, nullable or low == 0
    if op is _c.ATOMIC_GROUP:
        return _first(av, word_start)
    if op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
        return set(), set(), True  # zero width: the next item starts the match
    raise _Unknown  # ANY, NOT_LITERAL, GROUPREF, ...


def _class(pieces: set[str]) -> str:
    return f"[{''.join(sorted(pieces))}]"


def guarded(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``pattern`` compiled behind the look-ahead of :func:`guard` (kept on disk between runs:
    the analysis and the compilation are the costly part of a run's start)."""
    return regex_cache.compile(pattern, flags, rewrite=guard)


def guard(pattern: str, flags: int = 0) -> str:
    r"""``pattern`` behind a look-ahead on the characters its matches start with
    (where a branch opens with ``(?<!\w)``, a look-ahead behind the same look-behind).

    The look-ahead is left out when a match could be empty or start with a character the
    analysis cannot bound, so the result always matches exactly what ``pattern`` matches.
    """
    if _parser is not None:
        try:
            anywhere, after_space, nullable = _first(_parser.parse(pattern, flags))
        except (_Unknown, re.error, ValueError, TypeError, AttributeError):
            pass
        else:
            if (anywhere or after_space) and not nullable:
                guards = [f"(?={_class(anywhere)})"] if anywhere else []
                guards += [rf"(?<!\w)(?={_class(after_space)})"] if after_space else []
                ahead = guards[0] if len(guards) == 1 else f"(?:{'|'.join(guards)})"
                return f"{ahead}(?:{pattern})"
    return pattern
