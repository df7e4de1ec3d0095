"""Writing systems by Unicode ranges: which script a letter belongs to.

Language files name the scripts their language is written in (``scripts = ["Han"]``);
the encoding check and language detection count letters per script with these ranges.
ASCII letters (and their fullwidth forms) belong to every language: code, names, units.
"""

from __future__ import annotations

import re
from functools import cache

from transdocs import regex_cache

SCRIPTS: dict[str, str] = {
    "Latin": "A-Za-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff",
    "Greek": "\u0370-\u03ff\u1f00-\u1fff",
    "Cyrillic": "\u0400-\u052f",
    "Armenian": "\u0530-\u058f",
    "Hebrew": "\u0590-\u05ff\ufb1d-\ufb4f",
    "Arabic": "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff",
    "Devanagari": "\u0900-\u097f",
    "Bengali": "\u0980-\u09ff",
    "Tamil": "\u0b80-\u0bff",
    "Thai": "\u0e00-\u0e7f",
    "Lao": "\u0e80-\u0eff",
    "Georgian": "\u10a0-\u10ff",
    "Ethiopic": "\u1200-\u139f",
    "Hangul": "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af",
    "Hiragana": "\u3040-\u309f",
    "Katakana": "\u30a0-\u30ff\u31f0-\u31ff",
    "Halfwidth Katakana": "\uff66-\uff9f",
    "Han": "\u3005\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f",
}
# Letters every page may hold whatever its language: ASCII and fullwidth ASCII letters.
UNIVERSAL = "A-Za-z\uff21-\uff3a\uff41-\uff5a"


def script_of(char: str) -> str | None:
    """The script of one letter, None when it is in none of :data:`SCRIPTS`."""
    for name in SCRIPTS:
        if _script_class(name).match(char):
            return name
    return None


# The classes of letters are kept on disk (regex_cache): re builds a class in Python a character at a
# time, and a run reading Japanese pages built Han's (about 28,000 characters, about 30 M instructions
# a pattern) in each of these patterns, the runs' twice: about a tenth of a run of 120 pages.


@cache
def _script_class(name: str) -> re.Pattern[str]:
    return regex_cache.compile(f"[{SCRIPTS[name]}]")


@cache
def letters(scripts: tuple[str, ...]) -> re.Pattern[str]:
    """Letters of any of ``scripts``, ASCII letters excluded."""
    ranges = "".join(SCRIPTS[name] for name in scripts).replace("A-Za-z", "")
    return regex_cache.compile(f"[{ranges}]" if ranges else r"(?!x)x")


@cache
def foreign_letters(scripts: tuple[str, ...]) -> re.Pattern[str]:
    """Letters of no script in ``scripts`` (ASCII letters are never foreign): a character that is not
    ASCII nor allowed, and then a letter (a word character, not a digit or ``_``). re checks the first
    class, ranges only, as a table at every character it scans; the letter test (a Unicode category)
    runs only where that class matched (a class holding both cost three times as much)."""
    return regex_cache.compile(f"{outside(scripts)}(?<=[^\\W\\d_])")


def outside(scripts: tuple[str, ...]) -> str:
    """A class of the characters neither ASCII nor letters of ``scripts`` (universal letters are of every
    script): where a letter foreign to them, or junk, may stand."""
    return f"[^\\x00-\\x7f{UNIVERSAL}{''.join(SCRIPTS[name] for name in scripts)}]"


@cache
def _runs(pattern: re.Pattern[str]) -> re.Pattern[str]:
    # "x(?:x)*", not "(?:x)+": re skips to a run's first character only when the pattern starts with
    # a character (class); a repeat first makes it try a match at every position.
    return regex_cache.compile(f"(?:{pattern.pattern})(?:{pattern.pattern})*", pattern.flags)


def count(pattern: re.Pattern[str], text: str) -> int:
    """How many characters of ``text`` a one-character ``pattern`` matches, counted by runs
    (``len(pattern.findall(text))`` makes a string of every character of a CJK page)."""
    return sum(map(len, _runs(pattern).findall(text)))


_ASCII = bytes(range(128))


def utf8(text: str) -> bytes:
    """``text`` in UTF-8, lone surrogates kept: what :func:`non_ascii` and :func:`ascii_words` read (a
    caller asking both of one text passes it to both: encoding a page not in ASCII costs as much as
    reading it)."""
    return text.encode("utf-8", "surrogatepass")


def non_ascii(text: str, encoded: bytes | None = None) -> str:
    """The characters of ``text`` that are not ASCII, in order: counting letters of a script (none
    of them ASCII, see :func:`letters` and :func:`foreign_letters`) in them gives the count in
    ``text``, and most pages in Latin script are nearly all ASCII. Taken from the UTF-8 bytes
    (``encoded``: :func:`utf8` of ``text``, when the caller has it), the ASCII ones deleted (every
    byte of another character is above them): three times faster than joining a pattern's runs."""
    if text.isascii():
        return ""
    return (utf8(text) if encoded is None else encoded).translate(None, _ASCII).decode("utf-8", "surrogatepass")


# ASCII letters become "a", every other byte (those of non-ASCII characters too) a space.
_ASCII_LETTER_OR_SPACE = bytes(0x61 if chr(byte).isascii() and chr(byte).isalpha() else 0x20 for byte in range(256))


def ascii_words(text: str, encoded: bytes | None = None) -> int:
    """How many runs of ASCII letters (``[A-Za-z]+``) ``text`` holds, counted in its UTF-8 bytes
    (``encoded``, as for :func:`non_ascii`): each run starts the text or follows a space once the
    bytes are mapped (``findall`` made a string of every word, three times slower)."""
    mapped = (utf8(text) if encoded is None else encoded).translate(_ASCII_LETTER_OR_SPACE)
    return mapped.count(b" a") + mapped.startswith(b"a")
