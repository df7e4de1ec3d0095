"""A page's numbers as readers see them: hidden characters taken out, thousands joined by language.

``30\\u00ad0`` (a soft hyphen), a zero-width space, a word joiner, ``<!-- -->`` or a
``<span>`` inside a number, ``&#48;`` for a digit, or a right-to-left override around
``003`` all show readers 300, while a reader of the source sees something else: a stale 300
could hide behind them. Every check reads the page with them taken out (the override
reversed), and each is reported where it is (``hidden-character``). Thousands separators
are read by the page's language: ``1 024`` and ``1\\u202f024`` are 1024 in French, ``1.024``
in German, ``1,024`` in English. Only characters inside a line change, so line numbers hold;
fenced code is left as written (there, readers see the source).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache

from transdocs.languages.tags import base_language

# Invisible format characters: soft hyphen, zero-width space/joiners, word joiner, BOM,
# direction marks and embeddings/isolates (overrides are handled apart: they reorder).
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u061c\u202a\u202b\u202c\u2066\u2067\u2068\u2069"
_NAMES = {
    "\u00ad": "a soft hyphen (U+00AD)",
    "\u200b": "a zero-width space (U+200B)",
    "\u200c": "a zero-width non-joiner (U+200C)",
    "\u200d": "a zero-width joiner (U+200D)",
    "\u2060": "a word joiner (U+2060)",
    "\ufeff": "a zero-width no-break space (U+FEFF)",
}
# Inside a number: digits on both sides, with a decimal or group mark on one side at most.
_SEPARATOR = "[.,٫٬]"


def _inside(part: str) -> re.Pattern[str]:
    return re.compile(rf"(?<=\d)(?:{part})(?={_SEPARATOR}?\d)|(?<=\d{_SEPARATOR})(?:{part})(?=\d)")


_HIDDEN = _inside(f"[{_INVISIBLE}]+")
_COMMENT = _inside(r"<!--[^\n]{0,100}?-->")
# Inline tags that show nothing themselves (not <sup>, <sub> or <br>: those change the number).
_TAG_NAME = r"/?(?:span|b|i|em|strong|u|mark|wbr|font|bdi|bdo|a)\b"
_INLINE = f"<{_TAG_NAME}[^<>\\n]{{0,100}}>"
_TAGS = _inside(f"(?:{_INLINE})+")
_ENTITY = re.compile(r"&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(shy|ZeroWidthSpace|NoBreak|zwj|zwnj|lrm|rlm));")
# An override to the end of its embedding (PDF) or of the line: readers see RLO text reversed.
_OVERRIDE = re.compile("\u202e([^\u202c\n]*)\u202c?|\u202d([^\u202c\n]*)\u202c?")
_QUICK = re.compile(f"[{_INVISIBLE}\u202d\u202e]|<!--|<|&")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")

# Thousands separators by base language (CLDR): typographic spaces group digits in every
# language; a plain space, a dot or a comma only where the language groups with it.
_SPACES = "\u00a0\u202f\u2009"
_GROUP_BY_SPACE = frozenset(
    [
        "fr",
        "ru",
        "pl",
        "cs",
        "sk",
        "uk",
        "sv",
        "nb",
        "nn",
        "no",
        "fi",
        "hu",
        "bg",
        "lt",
        "lv",
        "et",
        "be",
        "kk",
    ]
)
_GROUP_BY_DOT = frozenset(
    [
        "de",
        "es",
        "it",
        "nl",
        "pt",
        "id",
        "tr",
        "da",
        "el",
        "ro",
        "hr",
        "sl",
        "sr",
        "ca",
        "gl",
        "is",
        "vi",
    ]
)
_GROUP_BY_COMMA = frozenset(
    [
        "en",
        "zh",
        "ja",
        "ko",
        "he",
        "th",
        "hi",
        "ms",
        "fil",
    ]
)


@lru_cache(maxsize=256)
def group_marks(lang: str | None) -> str:
    """The characters that separate thousands in ``lang``'s numbers (typographic spaces always); asked
    of every page, kept for each language."""
    base = base_language(lang) if lang else ""
    marks = _SPACES
    if base in _GROUP_BY_SPACE:
        marks += " "
    if base in _GROUP_BY_DOT:
        marks += "."
    if base in _GROUP_BY_COMMA:
        marks += ","
    if base == "ar":
        marks += "٬,"
    return marks


@dataclass(frozen=True)
class Hidden:
    """Something inside a number that readers do not see as written."""

    line: int
    what: str
    seen: str  # the number as readers see it

    def message(self) -> str:
        return f"{self.what} inside a number: readers see {self.seen}; write the number plainly"


@dataclass
class Visible:
    """The page's text as readers see its numbers, and what was hidden in them."""

    text: str
    hidden: list[Hidden] = field(default_factory=list)


_SEEN = re.compile(r"[\d.,٫٬]+")


def _seen_at(line: str, position: int) -> str:
    """The number around ``position`` in ``line``."""
    for match in _SEEN.finditer(line, max(0, position - 40), position + 40):
        if match.start() <= position <= match.end():
            return match.group(0).strip(".,")
    return "?"


# A stage's replacement: (what to put instead, what was hidden or None when nothing was).
Replace = Callable[[re.Match[str]], tuple[str, str | None]]


def _stage(pattern: re.Pattern[str], replace: Replace, line: str, hidden: list[tuple[str, str]]) -> str:
    """``pattern.sub`` that records (what was hidden, the number readers see there)."""
    parts: list[str] = []
    last, length, marks = 0, 0, []
    for match in pattern.finditer(line):
        instead, what = replace(match)
        parts.append(line[last : match.start()])
        length += match.start() - last
        if what is not None:
            marks.append((what, length))
        parts.append(instead)
        length += len(instead)
        last = match.end()
    parts.append(line[last:])
    out = "".join(parts)
    hidden += [(what, _seen_at(out, at)) for what, at in marks]
    return out


def _override(match: re.Match[str]) -> tuple[str, str | None]:
    rtl = match.group(1) is not None
    inner = match.group(1) if rtl else match.group(2)
    what = "a right-to-left override (U+202E)" if rtl else "a left-to-right override (U+202D)"
    return (inner[::-1] if rtl else inner), (what if any(c.isdigit() for c in inner) else None)


def _entity(match: re.Match[str]) -> tuple[str, str | None]:
    decoded = html.unescape(match.group(0))
    if decoded.isdigit():
        return decoded, f"the entity {match.group(0)}"
    return (decoded if decoded in _INVISIBLE else match.group(0)), None


def _removed(what: str) -> Replace:
    return lambda match: ("", what)


def _invisible(match: re.Match[str]) -> tuple[str, str | None]:
    char = match.group(0)[0]
    return "", _NAMES.get(char, f"an invisible character (U+{ord(char):04X})")


_STAGES: tuple[tuple[re.Pattern[str], Replace], ...] = (
    (_OVERRIDE, _override),
    (_ENTITY, _entity),
    (_COMMENT, _removed("an HTML comment")),
    (_TAGS, _removed("a tag")),
    (_HIDDEN, _invisible),
)


def _clean_line(line: str, number: int, found: list[Hidden]) -> str:
    """``line`` with hidden characters inside numbers taken out; each one recorded in ``found``."""
    hidden: list[tuple[str, str]] = []
    for pattern, replace in _STAGES:
        line = _stage(pattern, replace, line, hidden)
    found += [Hidden(number, what, seen) for what, seen in dict.fromkeys(hidden)]
    return line


@cache
def _grouped(marks: str) -> re.Pattern[str]:
    mark = "[" + re.escape(marks) + "]"
    return re.compile(rf"(?<![\d.,٫٬])\d{{1,3}}(?:{mark}\d{{3}})+(?![\d٫٬]|[.,]\d)")


@cache
def _any_of(marks: str) -> re.Pattern[str]:
    return re.compile("[" + re.escape(marks) + "]")


# Where a line may change (the tests keep the one pattern this replaced): a hidden character or an
# override, an entity, a comment, an inline tag right after a digit (it must stand in a number), or a
# group mark between digits. A line without any comes out of every stage as it went in. Each is
# looked for alone, opening with its own character, once ``in`` says the page holds it: re skips to
# a literal in a few instructions a character, and tests a class of them in some fifty.
_HIDDEN_CHARS = f"{_INVISIBLE}\u202d\u202e"
_COMMENT_OR_TAG_AFTER_DIGIT = re.compile(f"<(?:!--|(?:(?<=\\d<)|(?<=\\d{_SEPARATOR}<))(?={_TAG_NAME}))")


@cache
def _between_digits(mark: str) -> re.Pattern[str]:
    """``mark`` (one character) with a digit on each side."""
    escaped = re.escape(mark)
    return re.compile(f"{escaped}(?<=\\d{escaped})(?=\\d)")


def _every(text: str, literal: str) -> list[int]:
    """Where ``literal`` starts in ``text``."""
    found, at = [], text.find(literal)
    while at >= 0:
        found.append(at)
        at = text.find(literal, at + 1)
    return found


def _triggers(text: str, marks: str) -> list[int]:
    """Where in ``text`` a line may change (see above), ``marks`` grouping thousands; none in most pages."""
    found: list[int] = []
    if "&" in text:
        found += [match.start() for match in _ENTITY.finditer(text)]
    if "<" in text:
        found += [match.start() for match in _COMMENT_OR_TAG_AFTER_DIGIT.finditer(text)]
    if not text.isascii():
        for char in _HIDDEN_CHARS:
            if char in text:
                found += _every(text, char)
    for mark in marks:
        if mark in text:
            found += [match.start() for match in _between_digits(mark).finditer(text)]
    return found


def _worth_a_look(text: str, found: list[int]) -> list[int]:
    """Where the lines at ``found`` (offsets in ``text``) start, and those holding a fence's mark (each
    mark found by ``str.find``: a search of ``re`` for either tests every character), in order.

    Each line's start is searched for back to the end of the line before it found, never further: a
    long line with many offsets (a hidden character repeated) is read once, not once an offset."""
    found += _every(text, "```")
    if "~~~" in text:
        found += _every(text, "~~~")
    starts: list[int] = []
    end = -1  # where the last line found ends (its line end, or the text's end)
    for at in sorted(found):
        if at <= end:
            continue  # on that line
        starts.append(text.rfind("\n", end + 1, at) + 1 or end + 1)
        end = text.find("\n", at)
        if end < 0:
            break  # the last line
    return starts


def visible(text: str, lang: str | None) -> Visible:
    """``text`` as readers see its numbers (see the module's docstring); lines stay where they are.

    Only the lines that may change (:func:`_triggers`) and those of fences are read, each cut out of
    the page where it starts: the others, most lines of most pages, hold nothing to change, and the
    page is not split into lines. A page without any (most pages) is returned as it is: then where
    its fences are does not matter.
    """
    marks = group_marks(lang)
    triggers = _triggers(text, marks)
    if not triggers:
        return Visible(text)
    grouped, has_mark = _grouped(marks), _any_of(marks)  # one search a line, not one per mark
    found: list[Hidden] = []
    parts: list[str] = []  # the page up to each changed line, and that line as readers see it
    done, number, counted, fence = 0, 1, 0, ""
    for start in _worth_a_look(text, triggers):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end]
        opened = _FENCE.match(line)
        if fence:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = ""
            continue
        if opened:
            fence = opened.group(1)
            continue
        number += text.count("\n", counted, start)
        counted = start
        seen = _clean_line(line, number, found) if _QUICK.search(line) else line
        if has_mark.search(seen):
            seen = grouped.sub(lambda match: re.sub(r"\D", "", match.group(0)), seen)
        if seen != line:
            parts += [text[done:start], seen]
            done = end
    if not parts:
        return Visible(text, found)
    parts.append(text[done:])
    return Visible("".join(parts), found)
