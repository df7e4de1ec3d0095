"""A language's typography as data: the spaces and punctuation its readers expect.

A language file lists its rules under ``[[typography]]``, one table each, named by ``rule``::

    [[typography]]                 # French: a no-break space before ; : ! ? »
    rule = "space-before"
    marks = ";:!?»"
    spaces = "\u202f\u00a0"        # the spaces that count (narrow no-break, no-break)
    missing = true                 # "mot:" (no space at all) is a slip too

    [[typography]]                 # Japanese, Chinese: no space between two CJK characters
    rule = "no-space-between"
    scripts = ["Han", "Hiragana", "Katakana"]
    punctuation = "、。「」"         # characters that count as CJK text besides the scripts' letters
    allow = ["Katakana"]           # a space between two letters of one of these is a convention

Rules: ``space-before`` and ``space-after`` (``marks``, ``spaces``, ``missing``),
``no-space-between`` (``scripts``, ``punctuation``, ``allow``), ``full-width-after`` (``scripts``,
``punctuation``, ``marks``: a table of ASCII mark -> its full-width form), ``quotes``
(``open``, ``close``, ``instead``: German „…“ for "…") and ``inverted`` (``open``, ``close``:
Spanish ¿…? and ¡…!). :func:`slips` applies them to one line as readers see it (code, URLs
and markup already taken out, see :mod:`transdocs.pages.reader_view`). Where Markdown markup
stood (a link, emphasis, a tag), the line holds :data:`MARKUP`: French spacing reads through it
("**Note** :" is a slip), while a space beside a link or emphasis between CJK words ("参考
[文档](…) 了解") is a house style many projects keep, not a slip. Every pattern is a
character class or a fixed-length lookaround: linear in the line, compiled once per rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from transdocs import regex_cache
from transdocs.errors import InputError
from transdocs.languages.scripts import SCRIPTS

MARKUP = "\u2060"  # where markup stood in a line as readers see it (a word joiner: invisible)
RULES = ("space-before", "space-after", "no-space-between", "full-width-after", "quotes", "inverted")
_KEYS: dict[str, frozenset[str]] = {
    "space-before": frozenset({"marks", "spaces", "missing"}),
    "space-after": frozenset({"marks", "spaces", "missing"}),
    "no-space-between": frozenset({"scripts", "punctuation", "allow"}),
    "full-width-after": frozenset({"scripts", "punctuation", "marks"}),
    "quotes": frozenset({"open", "close", "instead"}),
    "inverted": frozenset({"open", "close"}),
}
# What may follow a mark for it to be punctuation, not part of a token ("http:", "10:30", "?q=").
_AFTER = r"\s)\]}\"'’”»*_.,…<`"
# Spaces that are not one a rule accepts: any horizontal whitespace (U+0020, tab, thin space...).
_SPACE = r"[^\S\n\r{allowed}]"
_EXCERPT = 12  # characters of context either side of a slip


class TypographyError(InputError):
    """A ``[[typography]]`` table that cannot be used (its file and rule named)."""


@dataclass(frozen=True)
class Rule:
    """One rule of a language file (see the module's docstring for what each kind wants)."""

    rule: str
    marks: str = ""
    spaces: str = ""
    missing: bool = False
    scripts: tuple[str, ...] = ()
    punctuation: str = ""
    full_width: tuple[tuple[str, str], ...] = ()
    open: str = ""
    close: str = ""
    instead: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """The rule's pattern, looked up once per rule (hashing a rule's eleven fields at every line cost
        more than the search)."""
        return _compiled(self)

    @cached_property
    def hint(self) -> re.Pattern[str]:
        """A pattern that finds something in a text wherever :attr:`pattern` does, and maybe elsewhere
        (:func:`may_slip` asks it of a page's lines joined); looked up once per rule as :attr:`pattern`."""
        return _hint(self)


def _fail(path: Path, index: int, message: str) -> TypographyError:
    return TypographyError(f"{path}: typography rule {index + 1}: {message}")


def _text(path: Path, index: int, table: dict[str, Any], key: str, required: bool = True) -> str:
    value = table.get(key, "")
    if not isinstance(value, str) or (required and not value):
        raise _fail(path, index, f"{key}: expected a non-empty string")
    return value


def parse(path: Path, data: object) -> tuple[Rule, ...]:
    """The ``typography`` array of a language file, checked (one error line naming file and rule)."""
    if data is None:
        return ()
    if not isinstance(data, list) or not all(isinstance(table, dict) for table in data):
        raise TypographyError(f"{path}: key 'typography': expected [[typography]] tables")
    rules = []
    for index, table in enumerate(data):
        kind = table.get("rule")
        if kind not in RULES:
            raise _fail(path, index, f"rule: expected one of {', '.join(RULES)}")
        unknown = sorted(set(table) - _KEYS[kind] - {"rule"})
        if unknown:
            raise _fail(path, index, f"unknown key {unknown[0]!r} for {kind} (known: {', '.join(sorted(_KEYS[kind]))})")
        scripts, allow = table.get("scripts", []), table.get("allow", [])
        for key, names in (("scripts", scripts), ("allow", allow)):
            if not isinstance(names, list) or not all(s in SCRIPTS for s in names):
                raise _fail(path, index, f"{key}: expected a list of script names ({', '.join(SCRIPTS)})")
        if not isinstance(table.get("missing", False), bool):
            raise _fail(path, index, "missing: expected true or false")
        full_width: tuple[tuple[str, str], ...] = ()
        if kind == "full-width-after":
            marks = table.get("marks")
            if not isinstance(marks, dict) or not all(isinstance(v, str) and len(k) == 1 for k, v in marks.items()):
                raise _fail(path, index, 'marks: expected a table of one ASCII mark = its full-width form ("," = "，")')
            full_width = tuple(marks.items())
        instead = table.get("instead", [])
        if not isinstance(instead, list) or not all(isinstance(i, str) and len(i) == 1 for i in instead):
            raise _fail(path, index, "instead: expected a list of single characters")
        if kind in ("no-space-between", "full-width-after") and not scripts:
            raise _fail(path, index, "scripts: expected at least one script")
        rules.append(
            Rule(
                kind,
                marks=_text(path, index, table, "marks") if kind.startswith("space-") else "",
                spaces=_text(path, index, table, "spaces", required=False),
                missing=bool(table.get("missing", False)),
                scripts=tuple(scripts),
                punctuation=_text(path, index, table, "punctuation", required=False),
                full_width=full_width,
                open=_text(path, index, table, "open") if kind in ("quotes", "inverted") else "",
                close=_text(path, index, table, "close") if kind in ("quotes", "inverted") else "",
                instead=tuple(instead),
                allow=tuple(allow),
            )
        )
    return tuple(rules)


def _class(chars: str) -> str:
    return "".join(re.escape(c) for c in chars)


def _script_class(rule: Rule) -> str:
    return "".join(SCRIPTS[name] for name in rule.scripts).replace("A-Za-z", "") + _class(rule.punctuation)


def _names(chars: str) -> str:
    return " or ".join(f"U+{ord(c):04X}" for c in chars)


@cache
def _compiled(rule: Rule) -> re.Pattern[str]:
    """The rule's pattern (:func:`plain_pattern`) as the character its matches start with, then the
    plain pattern from that character (looking back at it), its end in the group ``_end``: every rule
    but ``quotes`` opens with a look-behind testing a Unicode category, which re tried at every position
    of the line; the pattern opens with a character class, so re skips in C to where a space or a mark
    stands. Each match is one character long, and matches may start inside the one before: :func:`slips`
    reads the end from ``_end`` and passes those by, as ``finditer`` of the plain pattern does."""
    first, pattern = plain_pattern(rule)
    # (kept on disk between runs: re compiles the CJK rules' large classes in Python, ~120 M instructions)
    return regex_cache.compile(rf"[{first}](?<=(?=(?:{pattern})(?P<_end>))[\s\S])" if first else pattern)


@cache
def _hint(rule: Rule) -> re.Pattern[str]:
    """:attr:`Rule.hint`. A ``space-before`` rule's pattern starts at a space (``mot :``), so its search
    stopped at every space of a page to look for a mark after it; the hint stands on the mark and
    looks back one character, at a space or a letter (with ``missing``): where the rule's pattern
    matches, the character before the mark is one of those. It looks no further back (a line may
    start with `` :``, no slip): such a page is then read line by line, as any page that may slip."""
    if rule.rule != "space-before":
        return rule.pattern
    marks, space = _class(rule.marks), _SPACE.format(allowed=_class(rule.spaces))
    before = rf"(?:{space}|[^\W_])" if rule.missing else space
    return regex_cache.compile(rf"[{marks}](?<={before}[{marks}]){_ends_word(marks)}")


def plain_pattern(rule: Rule) -> tuple[str, str]:
    """(a class body holding every character a match can start with, or "" for none needed; the
    rule's pattern): each match is one slip (its ``slip`` group, or the whole match)."""
    if rule.rule in ("space-before", "space-after"):
        marks, space = _class(rule.marks), _SPACE.format(allowed=_class(rule.spaces))
        if rule.rule == "space-before":
            # "mot :" (a wrong space) or "mot:" (none); the mark ends a word: "10:30", "a:b" are not slips.
            follows = _ends_word(marks)
            wrong = rf"(?<=\S)(?P<slip>{space}+)[{marks}]{follows}"
            none = rf"|(?<=[^\W_])(?P<none>[{marks}]){follows}" if rule.missing else ""
            return rf"\s{marks}", wrong + none  # a space of _SPACE is one of \s
        wrong = rf"[{marks}](?P<slip>{space}+)(?=\S)"
        none = rf"|(?P<none>[{marks}])(?=[^\W_])" if rule.missing else ""
        return marks, wrong + none
    cjk = _script_class(rule)
    if rule.rule == "no-space-between":
        return r" \t\u00a0", rf"(?<=[{cjk}])(?P<slip>[ \t\u00a0]+)(?=[{cjk}])"
    if rule.rule == "full-width-after":
        marks = _class("".join(mark for mark, _ in rule.full_width))
        # Between CJK text ("设置,然后", "例: 設定") or ending a line ("次のとおり:"); a label before a
        # value in code or Latin letters ("类型: `string`", "型: Array") is a convention of reference pages.
        return marks, rf"(?<=[{cjk}])(?P<slip>[{marks}])(?=[ \t]*(?:[{cjk}]|$))"
    if rule.rule == "quotes":
        straight = _class("".join(rule.instead))
        return "", rf"(?P<slip>[{straight}])(?=[^\W_])[^{straight}\n]*[{straight}]"  # (re skips to its class)
    # inverted: a question or exclamation (the close mark ending it), to look back for the open mark.
    return _class(rule.close[0]), rf"(?<=[^\W_])(?P<slip>{re.escape(rule.close)})(?=[{_AFTER}]|$)"


def _ends_word(marks: str) -> str:
    """After a mark of ``marks`` (a class body): it ends a word ("10:30", "a:b" go on)."""
    return rf"(?=[{marks}]*(?:[{_AFTER}]|$))"


@cache
def _letters(script: str) -> re.Pattern[str]:
    return re.compile(f"[{SCRIPTS[script]}]")


def _excerpt(line: str, start: int, end: int) -> str:
    return line[max(0, start - _EXCERPT) : end + _EXCERPT].replace(MARKUP, "").strip()


def _message(rule: Rule, match: re.Match[str], end: int, line: str, sentence_start: int) -> str | None:
    """The message of a slip: ``match`` of the rule's pattern, the plain pattern's match ending at ``end``."""
    excerpt = repr(_excerpt(line, match.start(), end))
    if rule.rule in ("space-before", "space-after"):
        where = "before" if rule.rule == "space-before" else "after"
        want = f"a no-break space ({_names(rule.spaces)})" if rule.spaces else "no space"
        none = match.group("none") if rule.missing else None  # (the group only a "missing" rule has)
        if none is not None:
            if not rule.spaces:
                return None
            return f"{excerpt}: no space {where} {none!r}; write {want}"
        mark = line[match.end("slip")] if where == "before" else line[match.start("slip") - 1]
        return f"{excerpt}: an ordinary space {where} {mark!r}; write {want}"
    if rule.rule == "no-space-between":
        before, after = line[match.start() - 1], line[end]
        if any(_letters(name).match(before) and _letters(name).match(after) for name in rule.allow):
            return None  # "ターゲット フレームワーク": a convention of the script
        pair = f"{line[match.start() - 1]}{match.group('slip')}{line[end]}"
        return f"{excerpt}: a space between two CJK characters ({pair!r}); remove it"
    if rule.rule == "full-width-after":
        mark = match.group("slip")
        return f"{excerpt}: ASCII {mark!r} after CJK text; write {dict(rule.full_width)[mark]!r}"
    if rule.rule == "quotes":
        return f"{excerpt}: straight quotes {match.group('slip')}…{match.group('slip')}; write {rule.open}…{rule.close}"
    if rule.open in line[sentence_start : match.start()]:
        return None
    return f"{excerpt}: {rule.close!r} ends a sentence that does not open with {rule.open!r}"


# What the reader's view (transdocs.pages.reader_view) does to a line, as :func:`trigger` needs it. Code,
# <code>, <kbd>, <samp>, {{ values }} and URLs become "x"; a link's target "]"; tags and Markdown's marks
# (* _ ~~ [ ] ! before [) MARKUP, which every rule but no-space-between reads as nothing; comments,
# {% templates %}, {# notes #}, attribute lists, :emoji: and an escape's backslash become nothing;
# entities their characters. So the character readers see beside a mark is the source's character
# beside it, or one the source holds past a piece that went. Such a piece ends with one of _GONE_END
# (or an emoji's ":" after its letters) and starts with one of _GONE_START, an emoji's ":" before a
# letter of its name, or the "{" of a template or an attribute list; the head or tail a line loses to
# a tag, <pre> or comment going on over lines starts or ends at a "<". A URL takes in every mark a rule
# names (; : ! ? » , ...): none stands right after one. "x" is a letter of no script the CJK rules read.
_GONE_END = r">}\\)\]*_~\[\u2060"
_GONE_START = r"<\[\]!*~_\\&\u2060"
_GONE_START_OTHER = r":[a-z0-9_+-]|\{(?=[%#:]|[ \t]*[#.])"
_AFTER_EMOJI = "(?<=[a-z0-9_+-]:{mark})"  # (a mark after an emoji's closing ":")
# A piece of a line that readers see as nothing in no-space-between's reading (MARKUP stays there).
_GONE_WHOLE = r"<!--|\{[%#]|\{:?[ \t]*[#.][\w-]|:[a-z0-9_+-]+:|\\"
# The characters of a URL that ends before a mark: a rule naming one reads any character before it.
_ENDS_URL = frozenset(" \t<>()[]\"'`")
# Entities that give a character no rule reads (when none of the rules names it): any other may give one.
_PLAIN_ENTITIES = {"lt;": "<", "gt;": ">", "amp;": "&", "quot;": '"'}


@cache
def trigger(rules: tuple[Rule, ...]) -> re.Pattern[str]:
    """What a raw line must hold for any of ``rules`` to find a slip in what readers see of it (most lines
    are passed by without building their reader's view): one search of each line.

    Each rule's piece (:func:`_slip_may_stand`) is where its pattern's match may stand once the reader's
    view took its pieces out (see above): a mark after a letter or a space and before a space, a line's
    end or one of _AFTER (French), a mark or a space after CJK text (CJK). Besides, an entity may give
    any character. The pattern opens with a character class, so re skips to those characters in C."""
    pieces = _pieces(rules)
    firsts = _class("".join(first for first, _ in pieces))
    return regex_cache.compile(rf"[{firsts}](?<=(?=(?:{'|'.join(piece for _, piece in pieces)}))[\s\S])", re.MULTILINE)


@cache
def page_triggers(rules: tuple[Rule, ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """:func:`trigger` as one pattern for each character its matches start with, to search a whole page:
    a page is searched only for the characters it holds (``in``, in C), and re skips to a literal first
    character at a few instructions a character of the page, where it tests a class at some thirty. No
    pattern looks past a line end, and one is read as a line's end: a page's lines need not be split."""
    by_char: dict[str, list[str]] = {}
    for first, piece in _pieces(rules):
        for char in first:
            by_char.setdefault(char, []).append(piece)
    return tuple(
        (char, regex_cache.compile(rf"{re.escape(char)}(?<=(?=(?:{'|'.join(pieces)}))[\s\S])", re.MULTILINE))
        for char, pieces in by_char.items()
    )


def _pieces(rules: tuple[Rule, ...]) -> list[tuple[str, str]]:
    """(the characters a match starts with, the pattern) for an entity and for each rule."""
    named = "".join(rule.marks + rule.spaces + rule.punctuation + rule.open + rule.close for rule in rules)
    named += "".join(char for rule in rules for char in rule.instead)
    named += "".join(mark + wide for rule in rules for mark, wide in rule.full_width)
    plain = "|".join(name for name, char in _PLAIN_ENTITIES.items() if char not in named)
    return [("&", rf"&(?!{plain})[#A-Za-z]" if plain else "&[#A-Za-z]"), *map(_slip_may_stand, rules)]


def _slip_may_stand(rule: Rule) -> tuple[str, str]:
    """(the characters a match starts with, a pattern that matches in a raw line wherever ``rule`` may slip
    in what readers see of it): see :func:`trigger`."""
    if rule.rule in ("space-before", "space-after"):
        marks, space = _class(rule.marks), _SPACE.format(allowed=_class(rule.spaces))
        if rule.rule == "space-after":  # a space, a letter (missing), or a piece that may hide or give one
            letter = r"\w`{" if rule.missing else ""
            return rule.marks, rf"[{marks}](?:{space}|[{_GONE_START}{letter}]|{_GONE_START_OTHER})"
        follows = rf"(?=[{marks}]*(?:[{_AFTER}{_GONE_START}]|{_GONE_START_OTHER}|$))"
        if any(mark in _ENDS_URL or mark.isspace() for mark in rule.marks):
            return rule.marks, rf"[{marks}]{follows}"
        letter = r"\w" if rule.missing else ""
        before = rf"(?<={space}[{marks}])|(?<=[{_GONE_END}`{letter}][{marks}])|{_AFTER_EMOJI.format(mark=f'[{marks}]')}"
        return rule.marks, rf"[{marks}](?:{before}){follows}"
    if rule.rule == "no-space-between":  # spaces or pieces that went between two CJK characters
        cjk = _script_class(rule)
        gap = rf"(?<=[{cjk}])(?:[ \t\u00a0]+(?=[{cjk}])|[ \t\u00a0]*(?:{_GONE_WHOLE})(?=[^\n{cjk}]*[{cjk}]))"
        return " \t\u00a0<{:\\", gap
    if rule.rule == "full-width-after":
        cjk, marks = _script_class(rule), "".join(mark for mark, _ in rule.full_width)
        before = rf"(?<=[{cjk}{_GONE_END}][{_class(marks)}])|{_AFTER_EMOJI.format(mark=f'[{_class(marks)}]')}"
        return marks, rf"[{_class(marks)}](?:{before})(?=[ \t]*(?:[{cjk}{_GONE_START}]|{_GONE_START_OTHER}|$))"
    if rule.rule == "quotes":
        return "".join(rule.instead), f"[{_class(''.join(rule.instead))}]"
    return rule.close[0], re.escape(rule.close)


_SENTENCE_END = re.compile(r"[.!?…:;](?=\s|$)")


def may_slip(lines: list[str], rules: tuple[Rule, ...]) -> bool:
    """Whether :func:`slips` may find something in one of ``lines``: each rule's :attr:`~Rule.hint` (its
    pattern, or more) asked once of them all, joined by line ends, instead of once a line (most pages
    hold no slip at all).

    A match in a line is one in the joined text: no line holds a line end, and every look-around of the
    patterns is positive (at a line's edge it found nothing in the line alone), but for ``$``: where a
    rule may end a slip at a line's end, a line end is one of the characters it then reads as going on
    (a space, :data:`_AFTER`), or for ``full-width-after`` the lines are joined by a letter of its
    scripts, read as the line's end is (:func:`_line_end`). The joined text may hold a match no line
    holds: it only says "maybe".
    """
    given = "\n".join(lines)
    plain = given.replace(MARKUP, "") if MARKUP in given else given
    for rule in rules:
        text = given if rule.rule == "no-space-between" else plain
        if rule.rule == "full-width-after":
            text = text.replace("\n", _line_end(rule))
        if rule.hint.search(text):
            return True
    return False


def _line_end(rule: Rule) -> str:
    """A letter of the rule's first script (the first one its ranges name: one of its class)."""
    return SCRIPTS[rule.scripts[0]].replace("A-Za-z", "")[0]


def slips(given: str, rules: tuple[Rule, ...]) -> list[tuple[int, str]]:
    """(offset, message) for every slip of ``rules`` in one line of text as readers see it."""
    line = given
    found: list[tuple[int, str]] = []
    plain = line.replace(MARKUP, "") if MARKUP in line else line
    for rule in rules:
        # Markup stands between words only for the spaces between CJK words (see the module's docstring).
        line = given if rule.rule == "no-space-between" else plain
        starts: list[int] = []
        if rule.rule == "inverted":
            # Where each sentence of the line starts: the open mark is looked for from there (linear).
            starts = [m.end() for m in _SENTENCE_END.finditer(line)]
        index = end = 0
        pattern = rule.pattern
        ends = "_end" in pattern.groupindex  # (see _compiled)
        for match in pattern.finditer(line):
            start = match.start()
            if start < end:
                continue  # inside the last match: the plain pattern's search goes on from its end
            end = match.end("_end") if ends else match.end()
            sentence = 0
            if starts:
                while index < len(starts) and starts[index] <= start:
                    index += 1
                sentence = starts[index - 1] if index else 0
            message = _message(rule, match, end, line, sentence)
            if message is not None:
                found.append((start, message))
    return sorted(found)
