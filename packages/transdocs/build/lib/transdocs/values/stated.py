"""The values a table cell, a ``Default:`` line or a prop states, and how two such statements differ.

A cell may hold one value (`` `'./client'` ``), a value with a remark
(`` `"."` (current working directory) ``), or a sentence with several (`` `true` when `x` is
`web`, otherwise `false` ``). Code spans are the values; a cell without any is one value
when the whole of it is written as one (``'false'``, ``4321``, ``-``, ``无``), and prose
otherwise, which states nothing comparable ("auto-detect", "自动检测").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from transdocs.values.literal import Value, parse, same

# `x`, ``x``, ```x``` (a span may hold shorter runs of backticks), and <code>x</code>.
_CODE = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)|<code>(.*?)</code>", re.DOTALL)
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_TRAILING = re.compile(r"[\s.,;:。，；：、]+$")
_WORD = re.compile(r"[^\s,;:，；：。、()（）]+")
_LETTER_SPACE_LETTER = re.compile(r"[^\W\d_]\s+[^\W\d_]")
_QUOTED = ("'", '"', "‘", "“", "«", "「", "『")


def _code_spans(text: str) -> list[str]:
    return [m.group(2) if m.group(2) is not None else (m.group(3) or "") for m in _CODE.finditer(text)]


def _inside_text(value: Value) -> list[Value]:
    """Values inside prose written in a code span (`` `Defaults to false for 1.x` ``): its literals."""
    found = []
    for word in _WORD.findall(value.text):
        inner = parse(word)
        if inner is not None and inner.kind in ("bool", "number"):
            found.append(inner)
    return found


def stated_values(text: str) -> list[Value]:
    """The values ``text`` states, in order (see the module docstring)."""
    spans = _code_spans(text)
    if spans:
        found: list[Value] = []
        for span in spans:
            value = parse(span)
            if value is None:
                continue
            found += _inside_text(value) if value.kind == "text" else [value]
        return found
    plain = _TRAILING.sub("", _TAG.sub(" ", _LINK.sub(r"\1", text))).strip()
    value = parse(plain) if plain else None
    if value is None or value.kind in ("text", "expr"):
        return []
    if value.kind == "str" and plain[0] not in _QUOTED and not re.search(r"[\d./:_@]", plain):
        return []  # a bare word outside code is prose ("auto", "none of them"), not a written value
    return [value]


def is_wordy(value: Value) -> bool:
    """A quoted string holding words (``'On this page'``), which a translation may localise."""
    if value.kind != "str":
        return False
    inner = value.text.strip("'\"`‘’“”«»「」『』")
    return bool(_LETTER_SPACE_LETTER.search(inner)) or any(ord(c) > 0x2FF and c.isalpha() for c in inner)


@dataclass(frozen=True)
class Difference:
    """The first value the translation states in place of one the English page states."""

    stated: Value
    expected: Value
    translated: bool  # a localised literal ('On this page' -> '이 페이지에서'), not a changed value


def _literal(value: Value) -> bool:
    """A value written as a value; a bare word among several may name another option."""
    return value.kind != "str" or value.text[:1] in _QUOTED or value.text[:1] == "`"


def difference(english: list[Value], translation: list[Value]) -> Difference | None:
    """How the translation's values differ from English's, if they do.

    One value each: they must be the same. Several (a sentence with conditions): only a
    substitution counts, a literal the translation states that English does not while
    English states one the translation lacks; an omitted clause or a reworded mention is not
    a different default.
    """
    if not english or not translation:
        return None
    if len(english) == 1 and len(translation) == 1:
        ours, theirs = translation[0], english[0]
        if same(ours, theirs):
            return None
        return Difference(ours, theirs, is_wordy(theirs) and is_wordy(ours))
    left = [v for v in english if _literal(v)]
    extra = []
    for value in (v for v in translation if _literal(v)):
        match = next((i for i, other in enumerate(left) if same(value, other)), None)
        if match is None:
            extra.append(value)
        else:
            del left[match]
    if extra and left:
        return Difference(extra[0], left[0], is_wordy(left[0]) and is_wordy(extra[0]))
    return None
