"""An Arabic word's optional prefix written as a branch with an empty last alternative
(``word_patterns.ARABIC_PREFIX``) matches exactly what the greedy optional group matched: the
token pattern, the value screens and the lexicon's other word patterns give the same matches on
our docs, the fixtures, the real corpus and random Arabic texts, for Arabic and for every language."""

from __future__ import annotations

import random
import re

import pytest

from tests.support.docs_tree import our_lexicon, real_prose
from tests.test_check_docs_real_corpus import CORPUS
from transdocs import regex_cache
from transdocs.languages.words import OURS
from transdocs.pages.document import Prose
from transdocs.pages.markdown import read_markdown
from transdocs.statements import word_patterns
from transdocs.statements.lexicon import Lexicon

# The plain form: a greedy optional group, which re runs as a repeat (a context allocated and the
# marks saved at every branch inside it) at every Arabic word start.
_OPTIONAL = "(?:[وفبل]|ال)?"
_PREFIXES = ["و", "ف", "ب", "ل", "ال", "وال", "ا", "لل", ""]


def _corpus_prose() -> list[str]:
    if CORPUS is None:
        return []
    texts: list[str] = []
    for page in sorted(CORPUS.rglob("*.md*")):
        texts += [b.text for b in read_markdown(page.read_text(errors="replace")).blocks if isinstance(b, Prose)]
    return texts


def _arabic_texts(lex: Lexicon, seed: int, count: int) -> list[str]:
    """Arabic words of every list with and without prefixes (and prefixes that are none), glued or
    spaced, with marks, numbers, units, Latin words and signs between them."""
    rng = random.Random(seed)
    words = OURS.words("ar")
    vocabulary = [*words.units, *words.dual_units, *words.number_words, *words.counters, *words.default]
    vocabulary += [*words.blocker, *words.foreign, *words.copula, *words.set_copula, *words.conjunction]
    vocabulary += [*words.true_words, *words.false_words, *words.respectively, *words.neutral, *words.glue]
    vocabulary = [w.removeprefix("~") for w in vocabulary if word_patterns.script_of(w.removeprefix("~")) == "arabic"]
    pieces = [" ", " ", "\n", "، ", ". ", "5", "٣٠", "(", ")", ":", "=", "x", "default", "\u064e", "\u0640", "ثانيةٌ"]
    texts = []
    for _ in range(count):
        parts = [rng.choice(_PREFIXES) + rng.choice(vocabulary) if rng.random() < 0.6 else rng.choice(pieces)]
        parts += [rng.choice(pieces) + rng.choice(_PREFIXES) + rng.choice(vocabulary) for _ in range(rng.randint(0, 8))]
        texts.append("".join(parts))
    return texts


def _plain(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` with every prefix written as the greedy optional group."""
    return re.compile(pattern.pattern.replace(word_patterns.ARABIC_PREFIX, _OPTIONAL), pattern.flags)


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], str | None, dict[str, str | None]]]:
    return [(m.span(), m.lastgroup, m.groupdict()) for m in pattern.finditer(text)]


def _patterns(lex: Lexicon) -> list[re.Pattern[str]]:
    # The token pattern with one group per name (its merged groups: test_check_docs_token_groups).
    tokens = regex_cache.compile(lex.tokens.pattern, lex.tokens.flags)
    return [tokens, *lex.value_tokens, lex.default, lex.blocker, lex.glue, lex.counter, lex.number_word]


@pytest.mark.parametrize("lang", ["ar", None])
def test_the_prefix_branch_matches_what_the_optional_group_matched(lang: str | None) -> None:
    assert word_patterns.ARABIC_PREFIX != _OPTIONAL
    lex = our_lexicon(lang)
    texts = [*real_prose(), *_corpus_prose(), *_arabic_texts(lex, 18, 1500)]
    assert word_patterns.ARABIC_PREFIX in lex.tokens.pattern
    for pattern in [p for p in _patterns(lex) if word_patterns.ARABIC_PREFIX in p.pattern]:
        plain = _plain(pattern)
        assert [_matches(pattern, t) for t in texts] == [_matches(plain, t) for t in texts], pattern.pattern[:80]


def test_a_prefixed_arabic_number_word_is_still_read() -> None:
    from transdocs.statements.tokens import tokenize

    lex = our_lexicon("ar")
    values = [t.value for t in tokenize("المهلة بثلاث دقائق و والثانية", lex) if t.kind == "V"]
    assert [(v.number, v.unit) for v in values if v is not None] == [(3.0, 60.0)]
