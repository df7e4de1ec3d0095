"""The places of a page that state a value for one option: labelled lines, table rows, props.

- A labelled line: a bold label and a value, ``**Default:** `x```, ``- **默认值：** `x```,
  ``**Par défaut :** `x```, ``**기본값:** `x``` (the label's colon inside or after the
  bold), or a plain ``Default: `x``` whose value is code (also quoted: ``> Default: `x```).
  Which label means "default" is not read here: the English page says it, and the pairing
  carries it over.
- A table: rows keyed by their key cell, since headers and descriptions are translated.
- A component prop: ``<ParamField path="x" default="5">``, keyed by the component and
  the option it names.
Nothing inside fenced code is a place.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Container, Hashable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from transdocs.pages.document import Code, Document, Table
from transdocs.pages.jsx_props import naming_prop

_BOLD = re.compile(
    r"^\s*(?:>\s*)*(?:[-*+]\s+|\d{1,3}[.)]\s+)?(?:<(?!strong|b>)[^<>\n]*>\s*)*"
    r"(?:\*\*|__|<strong>|<b>)(?P<label>[^*_`<>\n]{1,40}?)\s*(?P<inside>[:：])?\s*(?:\*\*|__|</strong>|</b>)"
    r"\s*(?P<after>[:：])?\s*(?P<value>.*)$"
)
_PLAIN = re.compile(r"^\s*(?:>\s*)*(?:[-*+]\s+)?(?P<label>[^\W\d][^:：`*<>|\n]{0,30}?)\s*[:：]\s*(?P<value>`.*)$")
# What a plain label's line cannot lack: a colon, spaces, then its value's backtick (searched first).
_COLON_CODE = re.compile(r"[:：]\s*`")
_TAG = re.compile(r"<(?P<component>[A-Z][\w.]*)\s[^<>]{0,2000}>")
_SPACE = re.compile(r"\s+")
_MARKUP = re.compile(r"[*_`]|\\(?=.)|!?\[([^\]]*)\]\([^)]*\)")


class Labelled(NamedTuple):
    """A labelled line (a named tuple, as :class:`~transdocs.align.sections.Section` and for the same reason)."""

    line: int
    label: str
    value: str
    # An empty label's value on the lines below it: a fenced block's lines, or nested items.
    block: tuple[tuple[int, str], ...] = ()


class Prop(NamedTuple):
    line: int
    component: str
    name: str
    value: str


@dataclass
class Places:
    """Per section (same index as the page's sections): what states values there."""

    labelled: list[list[Labelled]] = field(default_factory=list)
    tables: list[list[Table]] = field(default_factory=list)
    props: list[list[Prop]] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)  # each section's lines (0-based, end excluded)
    code: set[int] = field(default_factory=set)  # line numbers inside fenced code
    # What comparisons read of these places (an English page's, for each of its translations).
    read: dict[Hashable, Any] = field(default_factory=dict, repr=False, compare=False)

    def text(self, section: int) -> str:
        """The section's lines outside code, joined (read only when an object value needs it)."""
        start, end = self.spans[section]
        return "\n".join(self.lines[i] for i in range(start, end) if i + 1 not in self.code)


def label_key(label: str) -> str:
    """A label as pairing compares it: case, spaces and the colon do not matter."""
    return _SPACE.sub(" ", label.strip().rstrip(":：").strip()).lower()


def _labelled(line: int, text: str) -> Labelled | None:
    found = _BOLD.match(text) if ("**" in text or "__" in text or "<strong>" in text or "<b>" in text) else None
    if found is not None and (found.group("inside") or found.group("after")):
        return Labelled(line, label_key(found.group("label")), found.group("value").strip())
    plain = _PLAIN.match(text) if "`" in text and _COLON_CODE.search(text) else None
    if plain is not None and len(plain.group("label").split()) <= 4:
        return Labelled(line, label_key(plain.group("label")), plain.group("value").strip())
    return None


_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_NESTED = re.compile(r"^(\s+)(?:[-*+]|\d{1,3}[.)])\s+(.*)$")
_LONGEST_BLOCK = 200  # lines of a default's block or nested list that are read


def _below(item: Labelled, lines: list[str]) -> Labelled:
    """An empty label with its value below: the fenced block after it, or its nested items."""
    index = item.line  # the line after the label (0-based)
    while index < len(lines) and not lines[index].strip():
        index += 1
    if index >= len(lines):
        return item
    fence = _FENCE.match(lines[index])
    if fence is not None:
        body = []
        for number in range(index + 1, min(len(lines), index + 1 + _LONGEST_BLOCK)):
            if lines[number].strip().startswith(fence.group(1)):
                break
            body.append((number + 1, lines[number]))
        return Labelled(
            item.line,
            item.label,
            "",
            tuple(body),
        )
    if index != item.line:
        return item  # a blank line ends what belongs to the label
    nested = []
    for number in range(index, min(len(lines), index + _LONGEST_BLOCK)):
        found = _NESTED.match(lines[number])
        if found is None:
            break
        nested.append((number + 1, found.group(2)))
    value = " ; ".join(text for _, text in nested)
    return Labelled(nested[0][0], item.label, value) if nested else item


def _code_lines(doc: Document) -> set[int]:
    inside: set[int] = set()
    for block in doc.blocks:
        if isinstance(block, Code) and not block.unfenced:
            last = block.lines[-1][0] if block.lines else block.line
            inside.update(range(block.line, last + 2))
    return inside


def key_cell(cell: str) -> str:
    """What a table row is about: the code in its first cell, else the cell's text."""
    code = re.search(r"`([^`]+)`", cell)
    text = code.group(1) if code else _MARKUP.sub(lambda m: m.group(1) or "", cell)
    return _SPACE.sub(" ", text).strip()


def places(
    doc: Document, lines: list[str], starts: list[int], labelled: Container[int] | None = None, whole: str | None = None
) -> Places:
    """Every place that states a value, by section (``starts``: the line each section starts on,
    see :func:`~transdocs.align.sections.section_starts`); labelled lines only in the sections
    ``labelled`` names, when given (a translation is compared only where its English page states a default).
    ``whole``: the lines joined, when the caller has them (``"\n".join(lines)``)."""
    result = Places()
    for _ in starts:
        result.labelled.append([])
        result.tables.append([])
        result.props.append([])

    def at(line: int) -> int:
        return max(0, bisect_right(starts, line) - 1)

    code = _code_lines(doc)
    result.lines, result.code = lines, code
    for k, first in enumerate(starts):  # sections are in page order and cover it
        end = starts[k + 1] - 1 if k + 1 < len(starts) else len(lines)
        start = max(first - 1, 0) if k else 0
        result.spans.append((start, end))
        if labelled is not None and k not in labelled:
            continue
        for index in range(start, end):
            text = lines[index]
            if (":" in text or "：" in text) and ("*" in text or "_" in text or "`" in text or "<" in text):
                if index + 1 in code:
                    continue
                item = _labelled(index + 1, text)
                if item is not None:
                    result.labelled[k].append(item if item.value else _below(item, lines))
    for block in doc.blocks:
        if isinstance(block, Table):
            result.tables[at(block.line)].append(block)
    if whole is None:
        whole = "\n".join(lines)
    if "default=" in whole:
        breaks = [i for i, char in enumerate(whole) if char == "\n"]
        for tag in _TAG.finditer(whole):
            named = naming_prop(tag.group(0)) if "default=" in tag.group(0) else None
            if named is not None:
                name, value, offset = named
                line = bisect_right(breaks, tag.start() + offset - 1) + 1
                if line not in code:
                    result.props[at(line)].append(Prop(line, tag.group("component"), name, value))
    return result
