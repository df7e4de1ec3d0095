"""The encoding check's search for junk and foreign letters passes common marks by in its first class
(``mojibake._marks_apart``): it must find exactly what the plain pattern finds, a class of the characters
neither ASCII nor of the scripts, then junk or a letter."""

from __future__ import annotations

import random
import re
from functools import cache

import pytest

from tests.support.real_corpus import CORPUS
from transdocs.encoding import mojibake
from transdocs.languages.scripts import SCRIPTS, non_ascii, outside
from transdocs.languages.words import OURS

SCRIPT_SETS = sorted(
    {OURS.words(lang).scripts for lang in ("ar", "fr", "ja", "pt", "zh", "ko", "ru", "en")}
    | {(name,) for name in SCRIPTS}
)


@cache
def _plain(scripts: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(f"{outside(scripts)}(?<={mojibake._JUNK.pattern}|[^\\W\\d_])")


def _same(scripts: tuple[str, ...], text: str) -> None:
    assert mojibake._junk_or_foreign(scripts).findall(text) == _plain(scripts).findall(text), scripts


def test_marks_added_are_neither_letters_nor_junk() -> None:
    pattern = f"{outside(('Han',))}(?<={mojibake._JUNK.pattern}|[^\\W\\d_])"
    rewritten = mojibake._marks_apart(pattern, 0)
    added = rewritten[len(outside(("Han",))) - 1 : rewritten.index("](?<=")]
    assert rewritten.replace(added, "", 1) == pattern
    assert len(added) > 1000 and "、" in added and "«" in added and "\u00a0" in added
    assert not re.search(f"{mojibake._JUNK.pattern}|[^\\W\\d_]|[\\x00-\\x7f]", added)


@pytest.mark.parametrize("scripts", SCRIPT_SETS, ids="-".join)
def test_every_character_found_alike(scripts: tuple[str, ...]) -> None:
    every = "".join(chr(code) for code in range(0x80, 0x110000) if not 0xD800 <= code < 0xE000)
    _same(scripts, every)


def test_random_texts_found_alike() -> None:
    rng = random.Random(15)
    pools = [
        "".join(chr(code) for start, end in mojibake._MARK_BLOCKS for code in range(start, end)),
        "、。「」（）！？・ー々〆〻ㇰ中文日本語가나다éàçñßøÆ²³¹①Ⅻ\ufffd\u0085\ue000—–‘’“”«»…€™©",
        "".join(chr(code) for code in range(0x80, 0x3100)),
    ]
    for _ in range(300):
        pool = rng.choice(pools)
        text = "".join(rng.choice(pool) for _ in range(rng.randrange(1, 80)))
        for scripts in SCRIPT_SETS:
            _same(scripts, text)


@pytest.mark.skipif(CORPUS is None, reason="the real corpus is not beside the clone")
def test_real_pages_found_alike() -> None:
    assert CORPUS is not None
    rest = "".join(
        non_ascii(page.read_text(encoding="utf-8", errors="replace")) for page in sorted(CORPUS.glob("*/*/**/*.md*"))
    )
    assert len(rest) > 100_000
    for scripts in SCRIPT_SETS:
        _same(scripts, rest)
