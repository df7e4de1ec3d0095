"""Faster regexes that match exactly what the plain ones match (used from the bottom layer up:
the span scanners, the statement readers' word patterns, value drift's names).

Python's ``re`` tries every branch of a big alternation at every position of the text; the
word patterns of ``statements/word_patterns.py`` have dozens of branches, so scanning prose was most
of the checker's time. Two rewrites keep every match and cut that work:

- :func:`trie`: names sharing a prefix share one branch (``LLM_(?:TIMEOUT|MODEL)``), for
  patterns only asked *whether* they match (the set of matched strings is the same);
- :func:`guarded`: a pattern is prefixed with a look-ahead on the characters any of its
  matches can start with, so a position no branch can start at is rejected by one check.
  Inline flags count: a letter under a local ``(?i:...)`` leaves a case-sensitive pattern
  unguarded (its other cases, ``İ`` for ``i``, would start matches too).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any, NamedTuple

from transdocs import regex_cache

# The parser of the re module: private, so any surprise means "no guard", never a wrong one.
_parser: Any
_c: Any
_compiler: Any
_iscased: Any
try:
    _parser = importlib.import_module("re._parser")
    _c = importlib.import_module("re._constants")
    _compiler = importlib.import_module("re._compiler")
    _iscased = importlib.import_module("_sre").unicode_iscased
except (ImportError, AttributeError):  # pragma: no cover - a Python without these modules
    _parser = _c = _compiler = _iscased = None


def trie(words: Iterable[str]) -> str:
    """A group matching exactly ``words`` (escaped), branches sharing their prefixes.

    No words gives ``(?:)``, which matches the empty string, as ``"|".join([])`` in a group does.
    """
    return _sorted_trie(tuple(sorted(set(words))))


@lru_cache(maxsize=1024)  # each language's lexicon asks for the same settings' names
def _sorted_trie(words: tuple[str, ...]) -> str:
    return f"(?:{_trie(list(words))})"


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


# What a match can start with: for each look-behind it opens with (the class the preceding
# character must not be in; None for no look-behind, ``\w`` for a word start), the pieces of a
# character class its first character is in; and whether it can be empty.
_Firsts = tuple[dict[str | None, set[str]], bool]
_WORD = "\\w"


class _Case(NamedTuple):
    """Whether the items at hand ignore case, and whether the guard will (its pattern's flags)."""

    items: bool
    guard: bool

    def inside(self, add_flags: int, del_flags: int) -> _Case:
        """In a group with inline flags (``(?i:...)``, ``(?-i:...)``): only case changes first characters."""
        items = (self.items or bool(add_flags & re.IGNORECASE)) and not del_flags & re.IGNORECASE
        return _Case(items, self.guard)


def _first(items: Any, case: _Case, behind: str | None = None) -> _Firsts:
    """What any match of the sequence ``items`` can start with (``behind``: the look-behind
    every match passed before ``items``)."""
    firsts: dict[str | None, set[str]] = {}
    for op, av in items:
        if op is _c.ASSERT_NOT and av[0] == -1:
            before = _behind_class(av[1], case)
            if before is not None:  # (?<![...]): no character of the class precedes the match
                behind = before if behind is None or before == _WORD else _union(behind, before)
                continue
        found, nullable = _first_of(op, av, case, behind)
        for key, pieces in found.items():
            firsts.setdefault(key, set()).update(pieces)
        if not nullable:
            return firsts, False
    return firsts, True


def _union(one: str, other: str) -> str:
    """Both look-behinds hold: the preceding character is in neither class."""
    return _WORD if _WORD in (one, other) else one + other


def _behind_class(pattern: Any, case: _Case) -> str | None:
    r"""The class a one-character negative look-behind rejects, as a class body: ``\w`` when it
    rejects at least every word character (``[\w.]``), else its pieces; None when unknown, and
    for letters the guard would reject in more cases than the look-behind does."""
    items = list(pattern)
    if len(items) != 1 or items[0][0] is not _c.IN:
        return None
    try:
        pieces = _pieces(items[0][1], case, rejected=True)
    except _Unknown:
        return None
    return _WORD if _WORD in pieces else "".join(sorted(pieces))


def _letter(code: int, case: _Case, rejected: bool = False) -> str:
    """A character of the guard's class. A letter is refused where guard and pattern differ in case
    the wrong way: a guard without IGNORECASE would miss a start's other cases (İ for i), one with
    it would reject more than a case-sensitive look-behind rejects (``rejected``)."""
    if _iscased(code) and ((case.guard and not case.items) if rejected else (case.items and not case.guard)):
        raise _Unknown
    return _char(code)


def _pieces(members: Any, case: _Case, rejected: bool = False) -> set[str]:
    pieces = set()
    for item_op, item in members:
        if item_op is _c.LITERAL:
            pieces.add(_letter(item, case, rejected))
        elif item_op is _c.RANGE:
            for code in range(item[0], item[1] + 1) if case.items != case.guard else ():
                _letter(code, case, rejected)  # raises at a letter
            pieces.add(f"{_char(item[0])}-{_char(item[1])}")
        elif item_op is _c.CATEGORY and item in _CATEGORIES:
            pieces.add(_CATEGORIES[item])
        else:  # NEGATE, ...
            raise _Unknown
    return pieces


def _first_of(op: Any, av: Any, case: _Case, behind: str | None) -> _Firsts:
    if op is _c.LITERAL:
        return {behind: {_letter(av, case)}}, False
    if op is _c.IN:
        return {behind: _pieces(av, case)}, False
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, inner = av
        return _first(inner, case.inside(add_flags, del_flags), behind)
    if op is _c.BRANCH:
        firsts: dict[str | None, set[str]] = {}
        nullable = False
        for branch in av[1]:
            found, empty = _first(branch, case, behind)
            for key, pieces in found.items():
                firsts.setdefault(key, set()).update(pieces)
            nullable = nullable or empty
        return firsts, nullable
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, _, inner = av
        found, nullable = _first(inner, case, behind)
        return found, nullable or low == 0
    if op is _c.ATOMIC_GROUP:
        return _first(av, case, behind)
    if op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
        return {}, True  # zero width: the next item starts the match
    raise _Unknown  # ANY, NOT_LITERAL, GROUPREF, ...


def _behind(behind: str | None) -> str:
    if behind is None:
        return ""
    return f"(?<!{behind})" if behind == _WORD else f"(?<![{behind}])"


def _class(pieces: set[str]) -> str:
    return f"[{''.join(sorted(pieces))}]"


def guarded(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``pattern`` compiled behind the look-ahead of :func:`guard` (kept on disk between runs:
    the analysis and the compilation are the costly part of a run's start)."""
    return regex_cache.compile(pattern, flags, rewrite=guard)


def guard(pattern: str, flags: int = 0) -> str:
    r"""``pattern`` behind a look-ahead on the characters its matches start with
    (where a branch opens with a one-character look-behind such as ``(?<!\w)`` or
    ``(?<![ء-ي])``, a look-ahead behind the same look-behind).

    The look-ahead is left out when a match could be empty or start with a character the
    analysis cannot bound, so the result always matches exactly what ``pattern`` matches.
    """
    if _parser is not None:
        try:
            ignorecase = bool(flags & re.IGNORECASE)
            firsts, nullable = _first(_parser.parse(pattern, flags), _Case(ignorecase, ignorecase))
        except (_Unknown, re.error, ValueError, TypeError, AttributeError):
            pass
        else:
            if firsts and not nullable:
                guards = [
                    _behind(behind) + f"(?={_class(pieces)})"
                    for behind, pieces in sorted(firsts.items(), key=lambda item: item[0] or "")
                ]
                ahead = guards[0] if len(guards) == 1 else f"(?:{'|'.join(guards)})"
                return f"{ahead}(?:{pattern})"
    return pattern


def skips_to_starts(pattern: str, flags: int = 0) -> bool:
    r"""Whether ``re`` finds where ``pattern`` can match on its own: its compiler gives it a literal
    prefix (``\`...``, ``{{...``) or a first character set (``\d...``), which the search skips to in a
    tight loop of its own, where a look-ahead in front would make it try every position. False when
    that cannot be told."""
    if _parser is None or _compiler is None:
        return False
    try:
        parsed = _parser.parse(pattern, flags)
        info: list[Any] = []
        _compiler._compile_info(info, parsed, parsed.state.flags)
        return len(info) > 2 and bool(info[2] & (_c.SRE_INFO_PREFIX | _c.SRE_INFO_CHARSET))
    except (re.error, ValueError, TypeError, AttributeError, IndexError):
        return False


def first_classes(pattern: str, flags: int = 0) -> dict[str | None, set[str]] | None:
    r"""What :func:`guard` reads: for each one-character look-behind a match can open with (the
    class body it rejects, ``\w``, or None for none), the class pieces its first character is in;
    None when that cannot be told or a match could be empty."""
    if _parser is None:
        return None
    try:
        ignorecase = bool(flags & re.IGNORECASE)
        firsts, nullable = _first(_parser.parse(pattern, flags), _Case(ignorecase, ignorecase))
    except (_Unknown, re.error, ValueError, TypeError, AttributeError):
        return None
    return firsts if firsts and not nullable else None


def first_literals(pattern: str) -> set[str] | None:
    """The characters a match of ``pattern`` can start with, when each is one known character (no
    range or category, no look-behind before it, no letter whose other cases start matches too);
    None otherwise, or when a match could be empty."""
    if _parser is None:
        return None
    try:
        firsts, nullable = _first(_parser.parse(pattern), _Case(False, False))
    except (_Unknown, re.error, ValueError, TypeError, AttributeError):
        return None
    if nullable or list(firsts) != [None]:
        return None
    chars = set()
    for piece in firsts[None]:
        if piece in _CATEGORIES.values() or not (len(piece) == 1 or (len(piece) == 2 and piece[0] == "\\")):
            return None
        chars.add(piece[-1])
    return chars
