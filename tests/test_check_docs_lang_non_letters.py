"""The common-word count's search for characters that are not letters, by the letters of a page's
scripts first (``detect._non_letters``), finds what the plain letter test finds."""

from __future__ import annotations

import random
import re
from collections import Counter

from transdocs.languages import detect
from transdocs.languages.scripts import SCRIPTS
from transdocs.languages.words import OURS

_SCRIPT_SETS = [
    *{OURS.words(lang).scripts for lang in OURS.available()},
    ("Latin",),
    ("Arabic",),
    ("Greek",),
    ("Cyrillic", "Latin"),
    ("Hebrew",),
    ("Thai",),
    ("Han",),
    ("Hangul",),
    (),
]


def _chars(scripts: tuple[str, ...]) -> str:
    """Every BMP character of ``scripts``' ranges, and some of no script at all."""
    found = []
    for name in scripts:
        for first, last in re.findall(r"(.)(?:-(.))?", SCRIPTS[name], re.DOTALL):
            found += [chr(code) for code in range(ord(first), min(ord(last or first), 0xFFFF) + 1)]
    return "".join(found) + "’«»—…،؛؟٣\u064b\u0640\u00a0\u0307²½ΣİжᐁΩ\ud800\ufffd中\U00020000"


def test_the_non_letters_found_past_a_scripts_letters_are_the_plain_search_s() -> None:
    rng = random.Random(14)
    for scripts in _SCRIPT_SETS:
        pattern = detect._non_letters(scripts)
        pool = _chars(scripts)
        texts = [pool, *("".join(rng.choice(pool) for _ in range(rng.randint(0, 300))) for _ in range(300))]
        for text in texts:
            assert pattern.findall(text) == detect._NON_LETTER.findall(text), (scripts, text[:40])


def test_scripts_of_many_letters_keep_the_plain_search() -> None:
    assert detect._non_letters(("Han",)) is detect._NON_LETTER
    assert detect._non_letters(OURS.words("ja").scripts) is detect._NON_LETTER
    assert detect._non_letters(()) is detect._NON_LETTER
    assert detect._non_letters(("Arabic",)) is not detect._NON_LETTER


def test_common_words_in_pages_of_other_scripts_are_counted_as_the_plain_counter_counts_them() -> None:
    """Arabic and Latin text with the marks, digits and punctuation of their blocks between the words."""
    rng = random.Random(14)
    for lang in OURS.available():
        spaced, _ = detect._common_words(lang, OURS)
        pool = _chars(OURS.words(lang).scripts or ("Latin",))
        soup = [*spaced, *(w.upper() for w in spaced), " ", " ", "\n"]
        for _ in range(400):
            words = [rng.choice(soup) if rng.random() < 0.7 else rng.choice(pool) for _ in range(rng.randint(0, 60))]
            text = "".join(words) if rng.random() < 0.3 else " ".join(words)
            counts = Counter(re.findall(r"[^\W\d_]+", text.lower()))
            assert detect._spaced_hits(text, lang, OURS) == sum(counts[word] for word in spaced), (lang, text[:80])
