"""Numbers a translation states for a setting that its English page does not: value drift.

Needs no word of the translation's language, so it works for a language with no data
file: in each block (paragraph, list item, table row, code line) the setting names
(env vars, config keys, ``{{ name.env }}`` placeholders) and the numbers are found by
their shape alone, in English and in the translation alike. A number the translation
gives a setting in a section is drift when English gives that setting numbers in the
same section and not this one, in place of one English gives and the translation
lacks (``90`` where English says ``60``).

Quoted prose ("1 second", «3 ثوان») is an example, not a statement, and is left out.
A block naming several settings pairs names and numbers in order when their counts
match (``min 1, max 60``); otherwise its numbers go to all the settings together.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Container, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from transdocs import regex_cache
from transdocs.fastscan import guarded, trie
from transdocs.pages.document import Code, Document, Prose, Table
from transdocs.report.findings import VALUE_DRIFT, Finding
from transdocs.report.findings import value_drift as drift_finding
from transdocs.statements.targets import Targets
from transdocs.translations.aligned_drift import aligned_findings

if TYPE_CHECKING:
    from transdocs.checks import PageRead

# A number not glued to a Latin word, a path or a version on its left; decimal point or comma. It opens
# with its first digit, so re skips to the digits in C (a class tested at a few instructions a character);
# the look-behind, past that digit, looks at the character before it. Written as
# (?<![A-Za-z_\d.\-/\\])\d+... (the same matches), re tried a match at every position of the text.
_NUMBER = re.compile(r"\d(?<![A-Za-z_\d.\-/\\]\d)\d*(?:[.,٫]\d+)?(?![.,٫]?\d)(?!\.\d)")
_DIGIT = re.compile(r"\d")
# Quoted prose is an example or a literal ("1 second", «3 ثوان»), not what the page states.
_QUOTED = re.compile(r'"[^"\n]*"|“[^”\n]*”|„[^“”\n]*[“”]|«[^»\n]*»|「[^」\n]*」|『[^』\n]*』|‘[^’\n]*’')
# A placeholder naming a setting, {{ name.env }} (group 1: the name); the caseless form below is built
# from the same fields.
_PLACEHOLDER_FIELDS = ("env", "key", "default")
_PLACEHOLDER_NAME = re.compile(rf"\{{\{{\s*([A-Za-z_]\w*)\.(?:{'|'.join(_PLACEHOLDER_FIELDS)})\s*\}}\}}")


class Drift(NamedTuple):
    line: int
    setting: str  # the label findings use: env var, else config key
    stated: str
    expected: str


# What IGNORECASE matches with an ASCII letter besides its two cases: İ and ı with i, ſ with s, the
# Kelvin sign with k (Python's re; a test checks every character).
_FOLDS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def _caseless(char: str) -> str:
    """What IGNORECASE matches with ``char`` (an ASCII character), as the body of a class."""
    if char.isalpha():
        return char.lower() + char.upper() + _FOLDS.get(char.lower(), "")
    return re.escape(char)


# _PLACEHOLDER_NAME as IGNORECASE reads it, without the flag.
_CASELESS_PLACEHOLDER = (
    rf"\{{\{{\s*([A-Za-z_{_FOLDS['i']}{_FOLDS['k']}{_FOLDS['s']}]\w*)\."
    rf"(?:{'|'.join(''.join(f'[{_caseless(c)}]' for c in word) for word in _PLACEHOLDER_FIELDS)})\s*\}}\}}"
)


@lru_cache(maxsize=16)
def _names(targets: Targets) -> re.Pattern[str] | None:
    """A setting's name (any case, a whole word) or a placeholder ``{{ name.env }}`` (group 1: the name)."""
    names = sorted({*targets.env_names, *targets.key_names}, key=len, reverse=True)
    if not names:
        return None
    if all(name.isascii() for name in names):
        # A trie (a text follows one path of it, and its optional tails are greedy, so the longest name
        # ending at a word end wins, as first), its letters as classes of what IGNORECASE matches them
        # with, behind a look-ahead on the characters a match starts with: without the flag re skips in C
        # to those characters (see regex_cache), where it tried the pattern at every position. (re.escape
        # escapes no letter, and a trie's own syntax holds none: each letter of it is a name's.)
        alternation = re.sub(r"[a-z]", lambda m: f"[{_caseless(m.group())}]", trie(name.lower() for name in names))
        firsts = "".join(sorted({_caseless(name[0]) for name in names}))
        return regex_cache.compile(rf"(?=[{firsts}\{{])(?:(?<![\w.])(?:{alternation})(?![\w])|{_CASELESS_PLACEHOLDER})")
    alternation = "|".join(re.escape(name) for name in names)
    return guarded(rf"(?<![\w.])(?:{alternation})(?![\w])|{_PLACEHOLDER_NAME.pattern}", re.IGNORECASE)


@lru_cache(maxsize=16)
def _number_words(targets: Targets) -> tuple[str, ...] | None:
    """The lower-cased names of the number settings, none holding another: a text without ``{{`` (which
    a placeholder needs) that holds none of them in any case names no number setting (see
    :func:`_may_number`). None when a name is not ASCII or a setting has no name (every text is searched)."""
    names = {*targets.env_names, *targets.key_names}
    if not all(name and name.isascii() for name in names) or "" in targets.by_setting:
        return None
    numbers = set()
    for name in names:
        target = targets.lookup(name)
        if target is not None and target.info.kind == "number":
            numbers.add(name.lower())
    return tuple(sorted(word for word in numbers if not any(other in word for other in numbers if other != word)))


def _may_number(text: str, words: tuple[str, ...]) -> bool:
    """Whether ``text`` may name a number setting as :func:`numbered_statements` finds them: it holds
    ``{{``, or one of ``words`` (see :func:`_number_words`) in any case. Asked of each block with a digit
    before the search, which costs ten times more. A name is a setting's when its match, lower-cased, is
    the setting's name (:meth:`Targets.lookup`), so the text lower-cased holds that name, and one of ``words``."""
    return "{{" in text or any(map(text.lower().__contains__, words))


def _values(text: str) -> set[float]:
    """What a written number may mean: ``1,5`` is 1.5 in German and 15 with a thousands comma.

    ``float`` reads digits of any script, and a number of 5,000 digits as infinity (``int`` would
    refuse it past 4,300 digits, and ``float(int(...))`` overflow).
    """
    for mark in (".", ",", "٫"):
        if mark in text:
            whole, _, fraction = text.partition(mark)
            return {float(f"{whole or 0}.{fraction or 0}"), float(whole + fraction)}
    return {float(text)}


def has_digit(text: str) -> bool:
    """Whether ``text`` holds a digit of any script (``\\d``), asked of every block: an ASCII digit is
    looked for character by character (each ``in`` a memchr, ten times faster than the search), and
    another digit only in a text that is not all ASCII."""
    if (
        "0" in text
        or "1" in text
        or "2" in text
        or "3" in text
        or "4" in text
        or "5" in text
        or "6" in text
        or "7" in text
        or "8" in text
        or "9" in text
    ):
        return True
    return not text.isascii() and _DIGIT.search(text) is not None


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def blanked(text: str, matches: list[re.Match[str]]) -> str:
    """``text`` with each of ``matches`` (a pattern's matches in it, in order) blanked: what
    ``pattern.sub(_blank, text)`` gives, without searching the text again."""
    if not matches:
        return text
    parts: list[str] = []
    at = 0
    for match in matches:
        start, end = match.span()
        parts += (text[at:start], " " * (end - start))
        at = end
    parts.append(text[at:])
    return "".join(parts)


def _blocks(
    doc: Document, starts: list[int], sections: Container[int] | None
) -> Iterator[tuple[int, str, list[int], bool]]:
    """(first line, text, offsets where each further line starts, whether it is prose) of every
    block that can hold a value, and holds a digit; with ``sections``, a table or code block
    wholly in another section is passed by at once (not row by row)."""
    digit = has_digit
    for block in doc.blocks:
        if isinstance(block, Prose):
            if (sections is None or bisect_right(starts, block.line) in sections) and digit(block.text):
                yield block.line, block.text, block.breaks, True
        elif isinstance(block, Table | Code):
            rows = block.rows if isinstance(block, Table) else block.lines
            if sections is not None and rows:
                section = bisect_right(starts, rows[0][0])
                if section not in sections and section == bisect_right(starts, rows[-1][0]):
                    continue
            if isinstance(block, Table):
                for line, cells in block.rows:
                    text = " | ".join(cells)
                    if digit(text):
                        yield line, text, [], False
            else:
                for line, text in block.lines:
                    if digit(text):
                        yield line, text, [], False


Statements = dict[tuple[int, tuple[str, ...]], list[tuple[int, str]]]


def numbered_statements(doc: Document, targets: Targets, sections: Container[int] | None = None) -> Statements:
    """(section, settings) -> (line, number as written) for every number next to a setting (in
    ``sections`` only, when given)."""
    pattern = _names(targets)
    starts = [line for line, _ in doc.headings]
    found: Statements = defaultdict(list)
    if pattern is None:
        return found
    words = _number_words(targets)
    for first, text, breaks, prose in _blocks(doc, starts, sections):
        section = bisect_right(starts, first)
        if sections is not None and section not in sections:
            continue
        if prose:  # quoted prose is an example: blanked, it may hold no number
            text = _QUOTED.sub(_blank, text)
            if not has_digit(text):
                continue
        if words is not None and not _may_number(text, words):
            continue  # (most blocks with a digit name no number setting)
        mentions = []
        matches = list(pattern.finditer(text))
        for match in matches:
            target = targets.lookup(match.group(1) or match.group(0)) or targets.by_setting.get(match.group(1) or "")
            if target is not None and target.info.kind == "number" and target.info.name not in mentions:
                mentions.append(target.info.name)
        if not mentions:
            continue
        masked = blanked(text, matches)
        numbers = [(first + bisect_right(breaks, m.start()), m.group(0)) for m in _NUMBER.finditer(masked)]
        if len(mentions) > 1 and len(numbers) == len(mentions):
            for name, number in zip(mentions, numbers, strict=True):
                found[section, (name,)].append(number)
        else:
            found[section, tuple(mentions)] += numbers
    return found


def _unmatched(
    ours: list[tuple[int, str]], theirs: list[tuple[int, str]]
) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """The numbers of each side that the other side does not also state (as multisets)."""
    left = list(theirs)
    extra = []
    for number in ours:
        meanings = _values(number[1])
        match = next((i for i, other in enumerate(left) if _values(other[1]) & meanings), None)
        if match is None:
            extra.append(number)
        else:
            del left[match]
    return extra, left


def value_drift(english: Document | Statements, translation: Document, targets: Targets) -> list[Drift]:
    """Numbers the translation puts in place of English ones for a setting, section by section.

    Only a substitution counts: the translation states a number English does not, and
    English states one the translation lacks. A number added alone ("1 分あたり" for
    "per minute") is wording, not drift.
    """
    theirs = numbered_statements(english, targets) if isinstance(english, Document) else english
    # Only where English numbers a setting can the translation substitute a number: the rest of the
    # translation is not read (most pages number no setting at all).
    sections = {section for (section, _), numbers in theirs.items() if numbers}
    drifts: list[Drift] = []
    if not sections:
        return drifts
    for key, numbers in numbered_statements(translation, targets, sections).items():
        extra, missing = _unmatched(numbers, theirs.get(key, []))
        if not extra or not missing:
            continue
        label = targets.by_setting[key[1][0]].info.label
        for index, (line, text) in enumerate(extra):
            drifts.append(Drift(line, label, text, missing[min(index, len(missing) - 1)][1]))
    return drifts


def aligned_of(read: PageRead) -> list[Finding]:
    """The aligned value findings of a compared translation (value drift and translated values),
    found once for both checks."""

    def find() -> list[Finding]:
        english, doc = read.english, read.doc
        assert english is not None and english.doc is not None and doc is not None
        laid = english.laid or english.doc
        return aligned_findings(read.shown, read.page.lang, laid, english.text, doc, read.text)

    found: list[Finding] = read.once("aligned", find)
    return found


def drift_findings(read: PageRead, targets: Targets) -> list[Finding]:
    """A compared translation's value drift: numbers next to settings, section by section, then
    defaults in aligned places."""
    english, doc = read.english, read.doc
    assert english is not None and english.doc is not None and doc is not None
    found = []
    if len(english.doc.headings) == len(doc.headings):  # sections line up
        found += [
            drift_finding(read.shown, d.line, read.page.lang, d.setting, d.stated, d.expected)
            for d in value_drift(english.values, doc, targets)
        ]
    return found + [finding for finding in aligned_of(read) if finding.kind == VALUE_DRIFT]
