"""Values a translation states differently from its English page, place by aligned place.

Sections pair by anchors and order (``sections.py``); inside a pair of sections:

- labelled lines pair by position when both have as many, else through the labels this
  page pair was seen to translate elsewhere (``Standard`` for ``Default``), so a language
  with no word file still works. Only the lines whose English label says "default" are
  compared; "Type", "Since" or "See also" state no default.
- tables pair by position in the section (by the row keys they share when the two sections
  hold different numbers of tables), rows by their key cell, the "Default" column by
  the English header's position (headers are translated).
- component props pair by component and the option they name.

A value belongs to the option its line, row or prop is about; mentions of other options in
a description are never compared. A single-key object that wraps the section's own option
(``{ persist: true }`` under ``platformProxy.persist``) is that option's value when the
same side writes the option that way elsewhere in the section (its type line
``{ persist?: boolean }``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from transdocs.align.blocks import block_values
from transdocs.align.places import Labelled, Places, key_cell, places
from transdocs.align.sections import Section, pair_sections, section_starts, sections
from transdocs.memo import once
from transdocs.pages.document import Document, Table
from transdocs.values.literal import Kind, Value
from transdocs.values.stated import Difference, difference, stated_values

_DEFAULT = re.compile(r"default|defecto|padr[ãa]o|défaut|standard|默认|預設|默認|既定|デフォルト|기본|умолчан", re.I)
_KINDS: dict[str, Kind] = {
    "s": "str",
    "b": "bool",
    "n": "null",
    "#": "number",
    "l": "list",
    "o": "object",
    "e": "expr",
    "t": "text",
}


class Aligned(NamedTuple):
    """A value the translation states at ``line`` for ``setting`` where English states another."""

    line: int
    setting: str
    difference: Difference


def says_default(label: str) -> bool:
    """An English label or header that introduces a default ("Default", "DefaultValue", "Defaults to").

    Asked of every table row's first cell: an ASCII label is lower-cased and looked in for the words
    of :data:`_DEFAULT` written in ASCII (the others hold a letter outside it), four times faster."""
    if label.isascii():
        low = label.lower()
        return "default" in low or "standard" in low or "defecto" in low or "padrao" in low
    return bool(_DEFAULT.search(label))


def _says_default(ours: Places, label: str) -> bool:
    """:func:`says_default` of an English label, asked once for all the page's translations."""
    found: bool = once(ours.read, ("says", label), lambda: says_default(label))
    return found


class _Lazy:
    """A section's text, joined only when asked for."""

    def __init__(self, found: Places, section: int) -> None:
        self.found, self.section = found, section

    def __str__(self) -> str:
        return self.found.text(self.section)


def _unwrap(values: list[Value], option: str, section: str | _Lazy) -> list[Value]:
    if len(values) != 1 or values[0].kind != "object" or not option:
        return values
    section_text = str(section)
    key = values[0].key
    assert isinstance(key, tuple)
    pairs = list(key[1])
    name = option.rsplit(".", 1)[-1]
    if len(pairs) != 1 or pairs[0][0] != name:
        return values
    if len(re.findall(rf"\{{\s*['\"]?{re.escape(name)}['\"]?\??\s*:", section_text)) < 2:
        return values  # the option is not written as this object elsewhere: a different shape
    inner = pairs[0][1]
    return [Value(_KINDS[inner[0]], inner, values[0].text)]


def _learned_labels(pairs: list[tuple[int, int]], ours: Places, theirs: Places) -> dict[str, str]:
    """Translated label -> English label, from the sections whose labelled lines pair one to one."""
    seen: dict[str, Counter[str]] = {}
    for e, t in pairs:
        english, translated = ours.labelled[e], theirs.labelled[t]
        if len(english) == len(translated):
            for a, b in zip(english, translated, strict=True):
                seen.setdefault(b.label, Counter())[a.label] += 1
    return {label: counts.most_common(1)[0][0] for label, counts in seen.items()}


def _labelled_pairs(
    english: list[Labelled], translated: list[Labelled], learn: Callable[[], dict[str, str]]
) -> Iterator[tuple[Labelled, Labelled]]:
    """Labelled lines paired by position, else through the labels learned elsewhere on the page
    (``learn()``, asked only here: most sections hold as many labelled lines on both pages)."""
    if len(english) == len(translated):
        yield from zip(english, translated, strict=True)
        return
    if not english or not translated:
        return  # nothing to pair
    unused = list(english)
    learned = learn()
    for item in translated:
        label = learned.get(item.label, item.label)
        match = next((e for e in unused if e.label == label), None)
        if match is None and item.label not in learned and says_default(item.label):
            match = next((e for e in unused if says_default(e.label)), None)
        if match is not None:
            unused.remove(match)
            yield match, item


def _rows(table: Table) -> dict[str, tuple[int, list[str]]]:
    keyed: dict[str, tuple[int, list[str]]] = {}
    doubled = set()
    for line, cells in table.rows:
        if not cells:
            continue
        key = key_cell(cells[0])
        if key in keyed:
            doubled.add(key)
        keyed[key] = (line, cells)
    return {key: row for key, row in keyed.items() if key not in doubled}


def _default_columns(table: Table) -> list[int]:
    """The columns (never the first, the row's key) whose header says "Default"."""
    return [i for i, cell in enumerate(table.header) if i and says_default(cell)]


def _labelled_default(cells: list[str]) -> bool:
    """A row whose first cell says "Default" (a transposed table)."""
    return bool(cells) and says_default(cells[0])


class _EnglishTable(NamedTuple):
    """What :func:`_table_cells` reads of an English table, read once for all its translations."""

    columns: list[int]  # its default columns
    rows: dict[str, tuple[int, list[str]]]  # its rows by key (read only when it has default columns)
    transposed: bool  # whether a row is labelled "Default"


def _english_table(ours: Places, table: Table) -> _EnglishTable:
    def read() -> _EnglishTable:
        columns = _default_columns(table)
        rows = _rows(table) if columns else {}
        return _EnglishTable(columns, rows, any(_labelled_default(cells) for _, cells in table.rows))

    found: _EnglishTable = once(ours.read, ("table", id(table)), read)  # (the table lives as long as its places)
    return found


def _table_cells(ours: Places, english: Table, translated: Table) -> Iterator[tuple[str, str, int, str]]:
    """(option, English cell, line, translated cell) for each "Default" cell of paired rows."""
    if len(english.header) != len(translated.header):
        return
    read = _english_table(ours, english)
    columns = read.columns
    if columns:
        theirs = _rows(translated)
        for key, (_, cells) in read.rows.items():
            other = theirs.get(key)
            if other is None:
                continue
            line, translated_cells = other
            for column in columns:
                if column < len(cells) and column < len(translated_cells):
                    yield key, cells[column], line, translated_cells[column]
    # transposed: a row labelled "Default"
    if read.transposed and len(english.rows) == len(translated.rows):
        # its columns are options, named alike in both headers; a translated header cell is a
        # column's label ("Parameters", "参数"), and a row "default" under it is a slot's name
        named = [
            column
            for column in range(1, len(english.header))
            if key_cell(english.header[column]) == key_cell(translated.header[column])
        ]
        for (_, cells), (line, translated_cells) in zip(english.rows, translated.rows, strict=True):
            if named and _labelled_default(cells) and len(cells) == len(translated_cells):
                for column in named:
                    if column < len(cells):
                        yield key_cell(english.header[column]), cells[column], line, translated_cells[column]


def _table_pairs(english: list[Table], translated: list[Table]) -> list[tuple[Table, Table]]:
    """Tables of a section pair by position when both have as many; otherwise each English table
    with the one translated table that shares most of its row keys (at least half of them)."""
    if len(english) == len(translated):
        return list(zip(english, translated, strict=True))
    keys = [set(_rows(table)) for table in translated]
    pairs = []
    for table in english:
        ours = set(_rows(table))
        shared = [len(ours & theirs) for theirs in keys]
        best = max(shared, default=0)
        if best and best * 2 >= len(ours) and shared.count(best) == 1:
            pairs.append((table, translated[shared.index(best)]))
    return pairs


_EMPTY = Value("null", ("n",), "nothing")


def _cell_values(cell: str) -> list[Value]:
    """A table's default cell: an empty one states that there is none (a stale row lost its value)."""
    return stated_values(cell) if cell.strip() else [_EMPTY]


def _stated(ours: Places, option: str, text: str, section: int | None, cell: bool = False) -> list[Value]:
    """The values English states in ``text`` about ``option``, unwrapped as its section ``section``
    writes the option (None: not read, for a table cell, a prop or a block's key), read once for
    every translation of the page."""
    found: list[Value] = once(
        ours.read,
        (option, text, section, cell),
        lambda: _unwrap(_written(ours, text, cell), option, "" if section is None else _Lazy(ours, section)),
    )
    return found


def _written(ours: Places, text: str, cell: bool = False) -> list[Value]:
    """The values English writes in ``text`` (a cell: :func:`_cell_values`), read once for the page."""
    read = _cell_values if cell else stated_values
    found: list[Value] = once(ours.read, ("written", text, cell), lambda: read(text))
    return found


def _compare(
    english: list[Value],
    option: str,
    translated: str,
    theirs: str | _Lazy,
    line: int,
    setting: str,
    cell: bool = False,
) -> Aligned | None:
    if not english:
        return None  # English states no value there ("the values in the table below"): the translation differs in none
    read = _cell_values if cell else stated_values
    found = difference(english, _unwrap(read(translated), option, theirs))
    return Aligned(line, setting, found) if found is not None else None


def _unchanged(english: str, translated: str) -> bool:
    """A value left as English wrote it (most default cells, props and config lines are code): read
    alike on both sides, it states the same values, so it differs in none (:func:`difference` of a
    list with itself is None) and need not be read. Not for an object stated on a labelled line of an
    option's section: each page may unwrap it by its own section's text (:func:`_unwrap`)."""
    return english == translated


def _blocks(ours: Places, english: Labelled, translated: Labelled, name: str) -> Iterator[Aligned]:
    """A default given as a config block: key by key."""
    theirs = block_values(list(translated.block))
    values: dict[str, tuple[int, str]] = once(
        ours.read, ("block", english.block), lambda: block_values(list(english.block))
    )
    for path, (_, value) in values.items():
        other = theirs.get(path)
        if other is not None and not _unchanged(value, other[1]):
            found = _compare(
                _stated(ours, "", value, None), "", other[1], "", other[0], f"{name}: {path}" if name else path
            )
            if found is not None:
                yield found


def _section_pair(
    e: Section, ours: Places, theirs: Places, ei: int, ti: int, learn: Callable[[], dict[str, str]]
) -> Iterator[Aligned]:
    option = e.name if e.key else ""
    their_text = _Lazy(theirs, ti)
    for a, b in _labelled_pairs(ours.labelled[ei], theirs.labelled[ti], learn):
        if not _says_default(ours, a.label):
            continue
        if a.block and b.block:
            yield from _blocks(ours, a, b, e.name or a.label)
            continue
        if _unchanged(a.value, b.value) and (not option or "{" not in a.value):
            continue  # (an object, written with "{", may be unwrapped by each page's own section text)
        expected = _stated(ours, option, a.value, ei)
        found = _compare(expected, option, b.value, their_text, b.line, e.name or a.label)
        if found is not None:
            yield found
    for a_table, b_table in _table_pairs(ours.tables[ei], theirs.tables[ti]):
        for key, cell, line, other in _table_cells(ours, a_table, b_table):
            if _unchanged(cell, other):
                continue
            found = _compare(_stated(ours, key, cell, None, cell=True), key, other, "", line, key, cell=True)
            if found is not None:
                yield found
    their_props = {(p.component, p.name): p for p in theirs.props[ti]}
    for prop in ours.props[ei]:
        match = their_props.get((prop.component, prop.name))
        if match is not None and not _unchanged(prop.value, match.value):
            found = _compare(
                _stated(ours, prop.name, prop.value, None), prop.name, match.value, "", match.line, prop.name
            )
            if found is not None:
                yield found


def _joined(text: str) -> str:
    """``text`` with its lines joined by ``\n`` (what the comparison splits into lines)."""
    return text.replace("\r\n", "\n") if "\r" in text else text


@dataclass(frozen=True)
class Laid:
    """A page's sections and the places in them, read once (an English page serves every translation)."""

    doc: Document
    lines: list[str]
    places: Places

    @cached_property
    def sections(self) -> list[Section]:
        """Read only for a page that states a default (:attr:`stating_defaults`): its headings' keys pair sections."""
        return sections(self.doc, self.lines, len(self.lines))

    @cached_property
    def stating_defaults(self) -> frozenset[int]:
        """The sections where an English page states a default a translation could contradict: a line
        labelled "default" that states a value, a table with a default column or row, a prop
        (:func:`_section_pair` compares only these). Most pages have none: their translations need not
        be laid out."""
        found = self.places
        return frozenset(
            index
            for index in range(len(found.labelled))
            if any(_states_default(found, item) for item in found.labelled[index])
            or any(_default_table(table) for table in found.tables[index])
            or found.props[index]
        )


def _states_default(ours: Places, item: Labelled) -> bool:
    """A labelled line of English that :func:`_section_pair` may find a translation contradicting: it
    says "default" and gives a block, or a value (a line saying "the values in the table below" states
    none, nor does its unwrapped form: the translation differs in nothing there)."""
    return says_default(item.label) and bool(item.block or _written(ours, item.value))


def _default_table(table: Table) -> bool:
    """A table :func:`_table_cells` reads defaults from: a default column, or a row labelled default."""
    return bool(_default_columns(table)) or any(_labelled_default(cells) for _, cells in table.rows)


def lay_out(doc: Document, text: str) -> Laid:
    whole = _joined(text)
    lines = whole.split("\n")
    return Laid(doc, lines, places(doc, lines, section_starts(doc), whole=whole))


def aligned_differences(english: Document | Laid, english_text: str, translated: Document, text: str) -> list[Aligned]:
    """Every default the translation states differently from its English page (module docstring).

    ``english`` may come laid out already (:func:`lay_out`), then ``english_text`` is not read.
    """
    ours = english if isinstance(english, Laid) else lay_out(english, english_text)
    stating = ours.stating_defaults
    if not stating:
        return []  # nothing to contradict: the translation need not be laid out
    whole = _joined(text)
    lines = whole.split("\n")
    their_sections = sections(translated, lines, len(lines))
    index_e = {id(s): i for i, s in enumerate(ours.sections)}
    index_t = {id(s): i for i, s in enumerate(their_sections)}
    pairs = [
        (index_e[id(e)], index_t[id(t)]) for e, t in pair_sections(ours.sections, their_sections, ours.places.read)
    ]
    # The translation's labelled lines are read only where they are compared; the labels it
    # translates are learned from every pair of sections, only when some pair needs them.
    starts = [section.start for section in their_sections]
    theirs = places(translated, lines, starts, {t for e, t in pairs if e in stating}, whole)
    learned: list[dict[str, str]] = []

    def learn() -> dict[str, str]:
        if not learned:
            every = places(translated, lines, starts, {t for _, t in pairs}, whole)
            learned.append(_learned_labels(pairs, ours.places, every))
        return learned[0]

    found: list[Aligned] = []
    for e, t in pairs:
        if e in stating:
            found += _section_pair(ours.sections[e], ours.places, theirs, e, t, learn)
    return found
