"""The scripts' letter patterns, kept on disk (transdocs.regex_cache), find what re.compile's find.

Their classes hold tens of thousands of characters (Han, Hangul): re builds such a class in Python,
a few million instructions each, in every run that reads a page of those scripts; the file keeps
them compiled. Each pattern is compiled, written, read back as the next run reads it, and compared
with the plain pattern on every character of the BMP and a sample past it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from transdocs import regex_cache
from transdocs.languages import scripts
from transdocs.languages.scripts import SCRIPTS, UNIVERSAL
from transdocs.languages.words import OURS

CHARS = "".join(chr(code) for code in [*range(0xD800), *range(0xE000, 0x10000), *range(0x10000, 0x110000, 61)])
SCRIPT_SETS = sorted(
    {OURS.words(lang).scripts for lang in OURS.available()} | {(name,) for name in SCRIPTS} | {("Latin", "Han")}
)
_CACHED = (scripts.letters, scripts.foreign_letters, scripts._runs, scripts._script_class)


@pytest.fixture
def next_run() -> Iterator[None]:
    """Patterns compiled and written, then asked for again as by the next run (read from the file)."""
    for cached in _CACHED:
        cached.cache_clear()
    regex_cache._entries = None
    yield
    for cached in _CACHED:
        cached.cache_clear()
    regex_cache._entries = None


def _again() -> None:
    regex_cache.save()
    for cached in _CACHED:
        cached.cache_clear()
    regex_cache._entries = None


def test_letter_patterns_read_back_find_what_the_plain_patterns_find(next_run: None) -> None:
    for names in SCRIPT_SETS:
        scripts.letters(names), scripts.foreign_letters(names), scripts._runs(scripts.letters(names))
    _again()
    for names in SCRIPT_SETS:
        ranges = "".join(SCRIPTS[name] for name in names).replace("A-Za-z", "")
        letters = re.compile(f"[{ranges}]" if ranges else r"(?!x)x")
        allowed = UNIVERSAL + "".join(SCRIPTS[name] for name in names)
        foreign = re.compile(f"[^\\x00-\\x7f{allowed}](?<=[^\\W\\d_])")
        assert scripts.letters(names).findall(CHARS) == letters.findall(CHARS), names
        assert scripts.foreign_letters(names).findall(CHARS) == foreign.findall(CHARS), names
        runs = re.compile(f"(?:{letters.pattern})(?:{letters.pattern})*")
        assert scripts._runs(scripts.letters(names)).findall(CHARS) == runs.findall(CHARS), names
    assert regex_cache._entries  # (read from the file)


def test_the_script_of_a_character_is_the_first_whose_ranges_hold_it(next_run: None) -> None:
    found = [scripts.script_of(char) for char in CHARS]
    _again()
    plain = [next((name for name, ranges in SCRIPTS.items() if re.match(f"[{ranges}]", char)), None) for char in CHARS]
    assert [scripts.script_of(char) for char in CHARS] == found == plain
    assert {"Han", "Hangul", "Latin", None} <= set(plain)
