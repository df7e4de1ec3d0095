"""Reading a page's language stops counting its CJK common words once the rate is reached: it must
answer as the whole count does, on real pages and on totals that put the rate at every word's count."""

from __future__ import annotations

import random

import pytest

from tests.support.real_corpus import page_texts
from transdocs.languages import detect
from transdocs.languages.words import OURS, LanguageFiles

_CJK = [lang for lang in OURS.available() if detect._common_words(lang, OURS)[1]]


def _whole(prose: str, found: detect.Census, lang: str, files: LanguageFiles = OURS) -> bool:
    """:func:`detect._reaches_rate` as the whole count answers it (every word counted in the whole prose)."""
    return detect._fits(prose, found, lang, files) >= detect.MIN_RATE


def _totals(prose: str, lang: str) -> list[float]:
    """Totals at which the rate is reached at each word's partial count, exactly, just above and just below."""
    _, unspaced = detect._common_words(lang, OURS)
    hits, totals = 0, [1.0, 1e9]
    for word in unspaced:
        hits += prose.count(word)
        if hits:
            exact = hits / detect.MIN_RATE
            totals += [exact, exact * (1 - 1e-12), exact * (1 + 1e-12), exact + 1, max(exact - 1, 0.5)]
    return totals


def _census(lang: str, total: float) -> detect.Census:
    """A census of ``total`` units all in ``lang``'s first script (full coverage)."""
    return detect.Census({OURS.words(lang).scripts[0]: total}, total)


def _check(prose: str) -> None:
    for lang in _CJK:
        found = detect.quick_census(prose, OURS.words(lang).scripts)
        assert detect._reaches_rate(prose, found, lang, OURS) == _whole(prose, found, lang), (lang, prose[:80])
        for total in _totals(prose, lang):
            census = _census(lang, total)
            assert detect._reaches_rate(prose, census, lang, OURS) == _whole(prose, census, lang), (lang, total)


def test_real_pages_reach_the_rate_as_the_whole_count_says() -> None:
    for text in page_texts():
        _check(detect.prose_of(text))


@pytest.mark.parametrize("piece", [detect._PIECE, 8, 64])
def test_random_texts_of_common_words_reach_the_rate_as_the_whole_count_says(
    piece: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(detect, "_PIECE", piece)
    rng = random.Random(17 + piece)
    soup = [w for lang in _CJK for w in detect._common_words(lang, OURS)[1]] + ["\n", " ", "x", "漢", "カ", "。"]
    for _ in range(600):
        _check("".join(rng.choice(soup) for _ in range(rng.randint(0, 400))))


def test_the_count_stops_at_the_rate_and_counts_every_word_below_it() -> None:
    """The partial count is the whole count below the rate, and at least the rate once it stops."""
    for lang in _CJK:
        _, unspaced = detect._common_words(lang, OURS)
        piece = "".join(w * (k + 1) for k, w in enumerate(unspaced))
        whole = detect._unspaced_hits(piece, lang, OURS)
        assert detect._unspaced_hits(piece, lang, OURS, 3, 1e9) == whole + 3
        first = piece.count(unspaced[0])
        stopped = detect._unspaced_hits(piece, lang, OURS, 0, first / detect.MIN_RATE)
        assert stopped == first < whole
        assert detect._unspaced_hits("abc\n", lang, OURS, 5, 1.0) == 5
