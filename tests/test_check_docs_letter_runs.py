"""The encoding check finds a page's runs of non-ASCII characters holding a letter by one search for the
letterless ones (``mojibake._letter_runs``): it must give exactly the runs the plain pattern gives, in order,
the old call a run told apart."""

from __future__ import annotations

import itertools
import random
import re

from tests.support.real_corpus import page_texts
from transdocs.encoding import mojibake
from transdocs.languages.scripts import utf8

_LETTER = re.compile(r"[^\W\d_]")


def _plain(text: str) -> list[str]:
    return [run for run in re.findall(r"[^\x00-\x7f]+", text) if _LETTER.search(run)]


def _same(text: str) -> None:
    assert mojibake._letter_runs(utf8(text)) == _plain(text), text[:80]


def test_real_pages_give_the_plain_runs() -> None:
    texts = page_texts()
    assert len(texts) > 50
    for text in texts:
        _same(text)


def test_every_character_alone_and_in_runs_gives_the_plain_runs() -> None:
    chars = [chr(code) for code in range(0x80, 0x110000)]
    for start in range(0, len(chars), 4096):
        block = chars[start : start + 4096]
        _same(" ".join(block))  # each a run of its own
        _same("x".join(f"{a}{b}" for a, b in itertools.pairwise(block)))  # pairs
        _same("".join(block))  # one long run


def test_random_and_adversarial_texts_give_the_plain_runs() -> None:
    rng = random.Random(16)
    pool = "a \n_1xé├─→١²٣０ａⅫ。、「日本\u0301\u00a0\ufffd\ud800\U0001f600\U00020000"
    for _ in range(20_000):
        _same("".join(rng.choice(pool) for _ in range(rng.randint(0, 16))))
    for text in ("", "a", "─", " ─ ", "─a", "a─", "é", "─é", "é─", "─" * 10_000, "a─" * 10_000 + "é"):
        _same(text)


def test_long_runs_stay_linear() -> None:
    for text in ("─" * 200_000, " ─" * 100_000, "─é " * 50_000, "é" * 200_000):
        assert mojibake._letter_runs(utf8(text)) == _plain(text)
    assert len(mojibake._LETTERLESS_RUN.sub("", "a" + "a".join(["─"] * 100_000) + "a")) == 1
