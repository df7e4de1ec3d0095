"""Section pairing passes over the gaps between two anchors that hold no section on one page or the
other (most gaps) without slicing them: it pairs what the plain pairing, every gap read, pairs."""

from __future__ import annotations

import random
from collections.abc import Hashable
from itertools import pairwise
from typing import Any

from tests.support.real_corpus import CORPUS, read_document
from transdocs.align import sections as pairing
from transdocs.align.sections import Section, pair_sections, sections


def _plain_anchors(
    english: list[Section], translation: list[Section], memo: dict[Hashable, Any] | None
) -> list[tuple[int, int]]:
    """``_anchors`` as it was: the weak candidates filtered for every gap between strong anchors."""
    theirs = pairing._unique(translation)
    ours: dict[str, int] = pairing._english(memo, "unique", lambda: pairing._unique(english))
    candidates = sorted({(index, theirs[key]) for key, index in ours.items() if key in theirs})
    strong = pairing._increasing([c for c in candidates if english[c[0]].key is not None])
    bounds = [(0, 0), *strong, (len(english), len(translation))]
    weak = [c for c in candidates if english[c[0]].key is None]
    if weak:
        foreign: set[int] = pairing._english(memo, "foreign", lambda: pairing._foreign_headings(english))
        weak = [c for c in weak if c[0] not in foreign]
    found = []
    for (e0, t0), (e1, t1) in pairwise(bounds):
        found += pairing._increasing([(e, t) for e, t in weak if e0 < e < e1 and t0 < t < t1])
    return sorted([*strong, *found])


def _plain_pairs(english: list[Section], translation: list[Section]) -> list[tuple[Section, Section]]:
    """``pair_sections`` as it was: every gap between two anchors sliced on both pages and compared."""
    anchors = [(0, 0), *_plain_anchors(english, translation, None), (len(english), len(translation))]
    pairs: list[tuple[Section, Section]] = []
    for (e0, t0), (e1, t1) in pairwise(anchors):
        if e0 < len(english) and t0 < len(translation) and (e0, t0) != (len(english), len(translation)):
            pairs.append((english[e0], translation[t0]))
        between_e, between_t = english[e0 + 1 : e1], translation[t0 + 1 : t1]
        if len(between_e) == len(between_t) and all(
            a.level == b.level and (a.key is None or b.key is None or a.key == b.key)
            for a, b in zip(between_e, between_t, strict=True)
        ):
            pairs += zip(between_e, between_t, strict=True)
    return pairs


_KEYS = ["#intro", "#server", "build.client", "platformProxy.enabled", "--port", None, None, None, None]
_NAMES = ["Introduction", "Options", "AWS", "Vagrant", "选项", "開始", "build.client", "Usage"]
_OPTIONS = ["", "", "", "full_symbol\ncharging_symbol", "a\nb"]


def _random_sections(rng: random.Random) -> list[Section]:
    found = [Section(1, 2, 0, None, "", rng.choice(_OPTIONS))]
    for index in range(rng.randint(0, 14)):
        key = rng.choice(_KEYS)
        name = key.lstrip("#") if key is not None and rng.random() < 0.5 else rng.choice(_NAMES)
        options = rng.choice(_OPTIONS)
        parent = rng.choice(["", "#intro", "=vagrant"]) if options else ""
        found.append(Section(index + 2, index + 3, rng.randint(1, 3), key, name, options, parent))
    return found


def _a_translation(rng: random.Random, english: list[Section]) -> list[Section]:
    """``english`` with sections dropped, added, moved or renamed (keys too: doubled, lost, changed)."""
    translated = list(english)
    for _ in range(rng.randint(0, 4)):
        at = rng.randrange(1, len(translated) + 1)
        change = rng.random()
        if change < 0.3 and at < len(translated):
            del translated[at]
        elif change < 0.6:
            translated.insert(at, _random_sections(rng)[-1])
        elif at < len(translated):
            translated[at] = translated[at]._replace(key=rng.choice(_KEYS), name=rng.choice(_NAMES))
    return translated


def _both_ways(english: list[Section], translation: list[Section]) -> None:
    expected = _plain_pairs(english, translation)
    assert pair_sections(english, translation) == expected
    memo: dict[Hashable, Any] = {}
    assert pair_sections(english, translation, memo) == expected
    assert pair_sections(english, translation, memo) == expected  # (what the memo kept of English)


def test_random_sections_pair_as_when_every_gap_is_read() -> None:
    rng = random.Random(15)
    for _ in range(20_000):
        english = _random_sections(rng)
        other = _a_translation(rng, english) if rng.random() < 0.8 else _random_sections(rng)
        _both_ways(english, other)


def test_the_real_corpus_pairs_as_when_every_gap_is_read() -> None:
    """Each page of a snapshot against every page of the same name in it (an English page and its
    translations, each way)."""
    if CORPUS is None:
        return
    checked = 0
    for snapshot in sorted(CORPUS.glob("*/*/")):
        named: dict[str, list[list[Section]]] = {}
        for page in sorted([*snapshot.rglob("*.md"), *snapshot.rglob("*.mdx")]):
            doc = read_document(page)
            lines = page.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n").split("\n")
            named.setdefault(page.name, []).append(sections(doc, lines, len(lines)))
        for found in named.values():
            for english in found[:3]:
                for translation in found[:8]:
                    _both_ways(english, translation)
                    checked += 1
    assert checked > 500
