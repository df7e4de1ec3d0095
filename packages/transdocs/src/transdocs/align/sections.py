"""Pair the sections of an English page with those of its translation.

Headings are translated, so they cannot be compared as text. What survives translation is
a heading's explicit anchor (``{#id}``) and the option it documents (`` ### `build.client` ``,
``#### platformProxy.enabled``); those pair sections wherever they are. A section whose
heading is translated but whose tables list the same options (`` `full_symbol` ``,
`` `charging_symbol` `` in the rows' first cells: an "Options" section) pairs by that list
where it is unique on both pages, or by the list and its parent heading ("## Vagrant" left
alike, or an option), as a heading left alike does. Sections between two such
anchors pair by order when both pages have the same number of them at the same levels;
elsewhere they stay unpaired (a section added or dropped is the structure check's business,
and comparing values across it would compare different options).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Hashable
from itertools import pairwise
from typing import Any, NamedTuple

from transdocs.memo import once
from transdocs.pages.document import Document, Table

_EXPLICIT_ID = re.compile(r"\{\s*#([\w:.-]+)[^}]*\}\s*$")
_CODE = re.compile(r"`([^`\n]+)`")
# An option name as headings write it: build.client, platformProxy.enabled, num_retries, --port
_OPTION = re.compile(
    r"(?<![\w.-])-{0,2}[A-Za-z_$][\w$-]*(?:\.[A-Za-z_$][\w$-]*)+|(?<![\w-])[a-z]+(?:[A-Z_][a-z\d]*)+(?![\w-])"
)
# What :data:`_OPTION` cannot match without: a dot before a name's part, or a lower-case letter
# before an upper-case one or "_" (searched first: most headings are words, and this is a fifth of the search).
_MAY_NAME_OPTION = re.compile(r"\.[A-Za-z_$]|[a-z][A-Z_]")
_HEADING_MARK = re.compile(r"^\s*#{1,6}\s+")
_ASIDE = re.compile(r"<[^<>]*>|\([^()]*\)|\[[^\]]*\]")  # badges, tags, "(deprecated)"


class Section(NamedTuple):
    """Lines ``start`` to ``end`` (exclusive) of a page; ``start`` is the heading's line (1 before any).
    (A named tuple: made for every heading of every translation compared, it is made four times faster
    than a frozen dataclass.)"""

    start: int
    end: int
    level: int
    key: str | None  # the anchor or option that survives translation
    name: str  # the option the section documents (its key), or its heading text
    options: str = ""  # the options its tables list, in order (code in their rows' first cells)
    parent: str = ""  # the enclosing heading's key or text ("## Vagrant" over "### Options")


def _key(line: str) -> tuple[str | None, str]:
    """(what pairs the heading across languages, the option it documents or its text)."""
    explicit = _EXPLICIT_ID.search(line) if "{" in line else None
    mark = _HEADING_MARK.match(line)
    heading = line[mark.end() :] if mark is not None else line  # (the line's end: its anchor, if any, is the one found)
    title = (_EXPLICIT_ID.sub("", heading) if explicit else heading).strip().strip("#").strip()
    code = _CODE.search(title) if "`" in title else None
    found = code if code else _OPTION.search(title) if _MAY_NAME_OPTION.search(title) else None
    option = None
    if found is not None:
        rest = _ASIDE.sub("", title[: found.start()] + title[found.end() :])
        if not any(char.isalpha() for char in rest):  # the heading is the option ("Changed: `x` default" is not)
            option = found.group(1).strip() if code else found.group(0)
    if explicit:
        return "#" + explicit.group(1), option or title
    return option, option or title


def section_starts(doc: Document) -> list[int]:
    """The line each of :func:`sections` starts on (1 for the part before the first heading),
    without reading the headings."""
    return [1, *(line for line, _ in doc.headings)]


def sections(doc: Document, lines: list[str], total: int) -> list[Section]:
    """The sections of a page in order, the part before the first heading included."""
    found = []
    starts = doc.headings
    first = starts[0][0] if starts else total + 1
    listed = _listed_options(doc, [line for line, _ in starts])
    found.append(Section(1, first, 0, None, "", listed.get(0, "")))
    enclosing = [found[0]]  # the headings above the current one, by increasing level
    for index, (line, level) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else total + 1
        text = lines[line - 1] if 0 < line <= len(lines) else ""
        key, name = _key(text)
        while len(enclosing) > 1 and enclosing[-1].level >= level:
            enclosing.pop()
        options, parent = listed.get(index + 1, ""), ""
        if options:
            above = enclosing[-1]
            parent = above.key if above.key is not None else "=" + " ".join(above.name.lower().split())
        found.append(Section(line, end, level, key, name, options, parent))
        enclosing.append(found[-1])
    return found


def _listed_options(doc: Document, starts: list[int]) -> dict[int, str]:
    """Section index -> the options its tables list (two or more rows keyed by code)."""
    keys: dict[int, list[str]] = {}
    for block in doc.blocks:
        if isinstance(block, Table):
            firsts = [cells[0] for _, cells in block.rows if cells and "`" in cells[0]]
            if len(firsts) < 2:
                continue
            names = [m.group(1) for m in map(_CODE.search, firsts) if m]
            if len(names) >= 2:
                keys.setdefault(bisect_right(starts, block.line), []).extend(names)
    return {index: "\n".join(names) for index, names in keys.items()}


def _unique(found: list[Section]) -> dict[str, int]:
    """The keys (or else heading texts) of a page's sections that are unique on it, with their index."""
    seen: dict[str, int] = {}
    doubled = set()
    for index, section in enumerate(found):
        # A heading left as it was ("## AWS", a product's name) pairs like an anchor, when unique.
        if not index:
            continue  # the part before the first heading pairs anyway
        key = section.key if section.key is not None else "=" + " ".join(section.name.lower().split())
        ways = [key]
        if section.options and section.key is None:  # "### Options" under "## Vagrant" in both
            ways += ["|" + section.options, section.parent + "|" + section.options]
        for one in ways:
            if one in seen:
                doubled.add(one)
            seen[one] = index
    return {k: v for k, v in seen.items() if k not in doubled}


def _english(memo: dict[Hashable, Any] | None, name: str, compute: Callable[[], Any]) -> Any:
    """``compute()`` of the English page, kept in ``memo`` (the English page's) for its other translations."""
    return compute() if memo is None else once(memo, ("pairing", name), compute)


def _anchors(
    english: list[Section], translation: list[Section], memo: dict[Hashable, Any] | None = None
) -> list[tuple[int, int]]:
    """Index pairs of sections whose key (or else heading text) is unique on both pages, in
    increasing order on both (``memo``: see :func:`pair_sections`)."""
    theirs = _unique(translation)
    ours: dict[str, int] = _english(memo, "unique", lambda: _unique(english))
    candidates = sorted({(index, theirs[key]) for key, index in ours.items() if key in theirs})
    # Anchors and options first; a heading's unchanged text only fills the gaps between them
    # ("### Actions" in both must not outvote the option a section documents).
    strong = _increasing([c for c in candidates if english[c[0]].key is not None])
    bounds = [(0, 0), *strong, (len(english), len(translation))]
    weak = [c for c in candidates if english[c[0]].key is None]
    if weak:
        foreign: set[int] = _english(memo, "foreign", lambda: _foreign_headings(english))
        weak = [c for c in weak if c[0] not in foreign]
    found = []
    for (e0, t0), (e1, t1) in pairwise(bounds) if weak else ():
        if e1 - e0 > 1 and t1 - t0 > 1:  # (most gaps, between two adjacent anchors, hold no section)
            found += _increasing([(e, t) for e, t in weak if e0 < e < e1 and t0 < t < t1])
    return sorted([*strong, *found])


def _non_latin(text: str) -> bool:
    return not text.isascii() and any(char.isalpha() and ord(char) >= 0x250 for char in text)


def _foreign_headings(found: list[Section]) -> set[int]:
    """Headings of the English page in another script than most of its own: a translation's
    section left in it ("## 开始使用" after "## Getting Started"), not a name both pages share."""
    worded = [index for index, section in enumerate(found) if index and any(c.isalpha() for c in section.name)]
    other = {index for index in worded if _non_latin(found[index].name)}
    return other if len(other) * 2 < len(worded) else set()


def _increasing(candidates: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of pairs increasing on both sides (a moved section breaks no other pair)."""
    tails: list[int] = []  # tails[k]: index in candidates ending the best run of length k + 1
    previous: list[int] = [-1] * len(candidates)
    for i, (_, other) in enumerate(candidates):
        k = _search(candidates, tails, other)
        if k > 0:
            previous[i] = tails[k - 1]
        if k == len(tails):
            tails.append(i)
        else:
            tails[k] = i
    run, at = [], tails[-1] if tails else -1
    while at >= 0:
        run.append(candidates[at])
        at = previous[at]
    return run[::-1]


def _search(candidates: list[tuple[int, int]], tails: list[int], other: int) -> int:
    low, high = 0, len(tails)
    while low < high:
        middle = (low + high) // 2
        if candidates[tails[middle]][1] < other:
            low = middle + 1
        else:
            high = middle
    return low


def pair_sections(
    english: list[Section], translation: list[Section], memo: dict[Hashable, Any] | None = None
) -> list[tuple[Section, Section]]:
    """Sections of both pages that document the same thing (see the module docstring). ``memo``: a
    dict kept with the English sections, where what is read of them alone is kept for their other translations."""
    anchors = [(0, 0), *_anchors(english, translation, memo), (len(english), len(translation))]
    pairs: list[tuple[Section, Section]] = []
    for (e0, t0), (e1, t1) in pairwise(anchors):
        if e0 < len(english) and t0 < len(translation) and (e0, t0) != (len(english), len(translation)):
            pairs.append((english[e0], translation[t0]))
        if e1 - e0 != t1 - t0 or e1 - e0 < 2:
            continue  # not as many sections between the anchors on both pages, or none (most gaps)
        between_e, between_t = english[e0 + 1 : e1], translation[t0 + 1 : t1]
        if all(
            a.level == b.level and (a.key is None or b.key is None or a.key == b.key)
            for a, b in zip(between_e, between_t, strict=True)
        ):
            pairs += zip(between_e, between_t, strict=True)
    return pairs
