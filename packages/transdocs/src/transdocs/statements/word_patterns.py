"""One language's words as regular expressions: spaces, apostrophes and Arabic marks, word
boundaries by script, and alternations ``re`` can reject at a position in one test.

The conventions of a word list are in ``languages/words.py``.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from functools import cache

from transdocs.statements.letter_cases import class_char, distinct_letters, ignorecase_key

ARABIC_MARKS = "\u064b-\u065f\u0670\u0640"  # harakat, superscript alef, tatweel
ARABIC_MARK = re.compile(f"[{ARABIC_MARKS}]")
_ARABIC_MARKS_RUN = re.compile(f"[{ARABIC_MARKS}]+")
_ARABIC_LETTER = "\u0620-\u064a\u066e-\u06d3"
ARABIC_LETTER_CHAR = re.compile(f"[{_ARABIC_LETTER}]")
# An Arabic word: not inside another, with or without a prefix ("and", "by", "the"...). The empty
# last alternative tries the same prefixes in the same order as a greedy ``?`` would; ``re`` runs
# ``(...)?`` around a branch as a repeat (a context allocated, the marks copied at every branch it
# holds) at every Arabic word start, which cost a third of reading Arabic prose.
ARABIC_PREFIX = "(?:[وفبل]|ال|)"
_ARABIC_LEAD = rf"(?<![{_ARABIC_LETTER}]){ARABIC_PREFIX}"
_ARABIC_TAIL = rf"(?![{_ARABIC_LETTER}])"
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
# What counts as one word when measuring how far apart a setting and a value are.
WORDISH = re.compile(rf"[A-Za-z\u00c0-\u024f{_ARABIC_LETTER}0-9]+")
CJK_CHAR = re.compile(f"[{_CJK}]")


def normalize(word: str) -> str:
    """Lower case, Arabic marks removed, spaces collapsed: the key of the word tables."""
    return " ".join(ARABIC_MARK.sub("", unicodedata.normalize("NFC", word)).lower().split())


@cache  # every lexicon merges English words with its own: each word is asked again
def script_of(word: str) -> str:
    if CJK_CHAR.search(word):
        return "cjk"
    if ARABIC_LETTER_CHAR.search(word):
        return "arabic"
    return "latin"


@cache
def flex(word: str) -> str:
    """Pattern for ``word`` that tolerates any spaces and both apostrophes.

    Arabic marks are removed from the entry here and from the text by :func:`strip_marks`,
    so patterns stay plain (tolerating marks inside every word made them 4x slower to compile).
    """
    parts = []
    for char in ARABIC_MARK.sub("", word):
        if char.isspace():
            parts.append(r"\s+")
        elif char in "'’":
            parts.append("['’]")
        else:
            parts.append(re.escape(char))
    return "".join(parts)


# The first byte of every character from U+0640 to U+067F in UTF-8, marks and tatweel among them, and of
# no other character (a byte of a longer sequence is 0x80-0xBF or a lead byte of its own length).
_MARKS_LEAD_BYTE = b"\xd9"
_MARK_CHARS = tuple(char for char in map(chr, range(0x640, 0x680)) if ARABIC_MARK.match(char))  # one by one


class Kept:
    """Where each character of a text without its Arabic marks was in the text: ``kept[i]`` for the
    character at ``i``. Told from the runs of marks when first asked (for a statement's offset): a list
    of every kept character's place cost more than stripping the marks, and most texts are never asked."""

    __slots__ = ("_shifts", "_starts", "_text")

    def __init__(self, text: str) -> None:
        """``text``: the text as written, marks and all."""
        self._text = text
        self._starts: list[int] = []  # where each piece between runs of marks starts without the marks
        self._shifts: list[int] = []  # how many marks stand before it

    def __getitem__(self, index: int) -> int:
        if not self._starts:
            self._starts.append(0)
            self._shifts.append(0)
            removed = 0
            for run in _ARABIC_MARKS_RUN.finditer(self._text):  # the piece after each run
                removed += run.end() - run.start()
                self._starts.append(run.end() - removed)
                self._shifts.append(removed)
        # The last piece starting at or before ``index`` holds it (an empty piece is passed by).
        return index + self._shifts[bisect_right(self._starts, index) - 1]


def strip_marks(text: str) -> tuple[str, Kept | None]:
    """``text`` without Arabic harakat and tatweel, and where each kept character came from
    (None when nothing was removed, the usual case; ``isascii`` tells it at once for an ASCII text).

    A text without their UTF-8 lead byte holds none: encoding it and finding a byte costs less than
    half of ``re`` testing each character against the class, and only Arabic prose holds the byte.
    Then each mark is looked for with ``in`` and removed with ``replace`` (both at memchr speed); a
    regex's ``sub`` or ``split`` cost several times more (each run of marks a match)."""
    if text.isascii() or _MARKS_LEAD_BYTE not in text.encode("utf-8", "surrogatepass"):
        return text, None
    stripped = text
    for mark in _MARK_CHARS:
        if mark in stripped:
            stripped = stripped.replace(mark, "")
    return (text, None) if len(stripped) == len(text) else (stripped, Kept(text))


def word_pattern(word: str, *, glued: bool = False) -> str:
    """One vocabulary entry as a regex (see the conventions in languages/words.py).

    ``glued`` drops the left word boundary, for units written against the number ("60s").
    """
    if word.startswith("~"):
        return flex(word[1:])
    script = script_of(word)
    if script == "cjk":
        return flex(word)
    if script == "arabic":
        lead = "" if glued else _ARABIC_LEAD
        return rf"{lead}{flex(word)}{_ARABIC_TAIL}"
    lead = "" if glued else r"(?<!\w)"
    tail = "" if word[-1] in "'’." else r"(?!\w)"
    return rf"{lead}{flex(word)}{tail}"


def alternation(words: Iterable[str], *, glued: bool = False) -> str:
    """Longest first, so "by default" wins over "default" and "不启用" over "启用".

    Whole Latin words share one pair of word-boundary checks: the regex then rejects a
    position inside a word once, not once per word (this is most of the checker's time).
    """
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    latin = [w for w in unique if not w.startswith("~") and script_of(w) == "latin" and w[-1] not in "'’."]
    whole = set(latin)
    others = [w for w in unique if w not in whole]
    branches = [word_pattern(w, glued=glued) for w in others]
    if not glued:
        branches = _arabic_screened(others, branches)
    if latin:
        lead = "" if glued else r"(?<!\w)"
        branches.insert(0, rf"{lead}{_first_letters(latin)}(?:{by_first_letter(latin)})(?!\w)")
    return "|".join(branches) or r"(?!x)x"


def _first_letters(words: list[str]) -> str:
    """A look-ahead on the letters ``words`` start with: one test rejects a word start that none of
    them can match, where ``re`` entered the branch of each first letter in turn (under
    ``IGNORECASE`` a class matches a character exactly when one of its letters written alone does)."""
    firsts = {ARABIC_MARK.sub("", word)[:1] for word in words}  # as flex writes them
    if len(firsts) < 2 or any(not c or c.isspace() for c in firsts):
        return ""  # one letter: the branch starts with it; a space: flex reads any space there
    if firsts & set("'’"):
        firsts |= set("'’")  # flex matches both apostrophes
    return f"(?=[{''.join(sorted(class_char(c) for c in firsts))}])"


def by_first_letter(words: list[str]) -> str:
    """``words`` as alternatives, those starting with the same letter together in one branch.

    With ``re.IGNORECASE`` a branch cannot be skipped on its first letter: ``re`` enters every
    word at every word start (most of the time of reading prose). Grouped, it enters one branch
    per first letter, and ``re`` factors the shared letter out of the group. Words starting with
    different letters never match at one position, so each match is the one of the plain
    alternation; where two first letters could (``s`` and ``ſ`` are one letter to ``re``), the
    words stay as they were.
    """
    groups: dict[int, list[str]] = {}
    for word in words:
        groups.setdefault(ignorecase_key(word[0]), []).append(flex(word))
    if len(groups) == len(words) or not distinct_letters(set(groups)):
        return "|".join(flex(w) for w in words)
    return "|".join(group[0] if len(group) == 1 else f"(?:{'|'.join(group)})" for group in groups.values())


def _arabic_screened(words: list[str], branches: list[str]) -> list[str]:
    """The Arabic words' branches behind one look-ahead that any of them must pass.

    Each Arabic branch opens with a look-behind and an optional prefix, so ``re`` cannot skip
    it on its first letter: at every Arabic word it tried every word in full. The look-ahead
    tries the words once, each rejected on its first letter, and the branches run (unchanged,
    in order) only where one of them can match. They move next to each other, which keeps
    every match only when no other branch can start on an Arabic letter; otherwise the
    branches stay as they are.
    """
    arabic = [i for i, word in enumerate(words) if not word.startswith("~") and script_of(word) == "arabic"]
    chosen = set(arabic)
    if len(arabic) < 2:
        return branches
    starts = (ARABIC_MARK.sub("", word.removeprefix("~"))[:1] for i, word in enumerate(words) if i not in chosen)
    if any(ARABIC_LETTER_CHAR.match(start) for start in starts):
        return branches
    screen = f"(?={_ARABIC_LEAD}(?:{'|'.join(flex(words[i]) for i in arabic)}){_ARABIC_TAIL})"
    group = f"{screen}(?:{'|'.join(branches[i] for i in arabic)})"
    rest = [branch for i, branch in enumerate(branches) if i not in chosen]
    return [*rest[: arabic[0]], group, *rest[arabic[0] :]]


NOT_ARABIC = f"(?:(?![{_ARABIC_LETTER}])|"  # how arabic_screen opens


def arabic_screen(words: list[str]) -> str:
    """A look-ahead that any of ``words`` starting with an Arabic letter passes where it matches.

    The word parts of the token pattern each open their Arabic words with a look-behind, so at
    every Arabic word ``re`` tried each part's words: one look-ahead over all of them
    (necessary for any to match) lets a word that is none of them past all the parts at once.
    """
    plain: set[str] = set()
    led: set[str] = set()
    for word in words:
        core = ARABIC_MARK.sub("", word.removeprefix("~"))
        if ARABIC_LETTER_CHAR.match(core[:1]):
            (led if not word.startswith("~") and script_of(word) == "arabic" else plain).add(core)
    if not plain and not led:
        return ""
    branches = [f"{_ARABIC_LEAD}(?:{by_first_letter(sorted(led))})"] if led else []
    branches += [flex(word) for word in sorted(plain)]
    return f"{NOT_ARABIC}(?=(?:{'|'.join(branches)})))"
