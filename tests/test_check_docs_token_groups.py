"""The token pattern with each kind's empty groups merged (regex_cache.compile's ``kinds``) gives
tokenize the tokens of the pattern as written, one group per name."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

import pytest

from tests.support.docs_tree import our_lexicon, real_prose
from tests.test_check_docs_token_dispatch import _random_texts, _words
from transdocs import regex_cache
from transdocs.languages import LANGUAGES
from transdocs.statements.lexicon import Lexicon
from transdocs.statements.tokens import tokenize

# The groups tokenize reads besides the kind (none of them empty).
_PARTS = ("digits", "unit", "cjknum", "cjkunit")


@pytest.fixture
def fresh() -> Iterator[None]:
    """A process that has not read the cache file yet."""
    regex_cache._entries = None
    yield
    regex_cache._entries = None


def _matches(lex: Lexicon, text: str) -> list[tuple[object, ...]]:
    """Each match's span, kind (as tokenize reads it) and the spans of the groups tokenize reads."""
    found = []
    for match in lex.tokens.finditer(text):
        kind = lex.token_kinds.get(match.lastgroup or "", match.lastgroup)
        parts = [match.span(p) if p in lex.tokens.groupindex else None for p in _PARTS]
        found.append((match.span(), kind, parts))
    return found


@pytest.mark.parametrize("lang", [*LANGUAGES, None])
def test_merged_groups_give_the_tokens_of_the_pattern_as_written(lang: str | None) -> None:
    lex = our_lexicon(lang)
    written = re.compile(lex.tokens.pattern, lex.tokens.flags)  # the same text, one group per name
    assert lex.tokens.groups < written.groups / 2  # merged: most groups were a kind's empty ones
    plain = dataclasses.replace(lex, tokens=written)
    texts = [*real_prose(), *_random_texts(_words(lang), 13, 3000)]
    assert [_matches(lex, t) for t in texts] == [_matches(plain, t) for t in texts]
    assert [tokenize(t, lex) for t in texts] == [tokenize(t, plain) for t in texts]


def test_only_a_kind_s_empty_groups_are_merged_and_numbered_in_order() -> None:
    pattern = r"a(?P<x>)|(?P<x_1>b)|c(?P<y>)|d(?P<x_2>)|(e)(?P<y_1>)|f(?P<z>)"
    kinds = {"x_1": "x", "x_2": "x", "y_1": "y"}
    merged = regex_cache.compile(pattern, kinds=kinds)
    assert merged.groupindex == {"x": 1, "x_1": 2, "y": 3, "z": 5}  # x_2 as x, y_1 as y; (e) is 4
    text = "abcdef"
    assert [kinds.get(m.lastgroup or "", m.lastgroup) for m in merged.finditer(text)] == list("xxyxyz")
    assert [m.span(2) for m in merged.finditer(text)] == [(-1, -1), (1, 2), (-1, -1), (-1, -1), (-1, -1), (-1, -1)]
    assert re.compile(pattern).groups == 7 and merged.groups == 5
    # A pattern referring to a group keeps its groups.
    assert regex_cache.compile(r"(?P<x>)a(?P<x_1>)(?P=x)", kinds={"x_1": "x"}).groups == 2


def test_an_entry_kept_unmerged_is_not_read_for_merged_groups(fresh: None) -> None:
    pattern, kinds = r"a(?P<x>)|b(?P<x_1>)", {"x_1": "x"}
    assert regex_cache.compile(pattern).groups == 2
    regex_cache.save()
    regex_cache._entries = None  # the next run
    assert regex_cache.compile(pattern, kinds=kinds).groups == 1
    assert regex_cache.compile(pattern, kinds={}).groups == 2  # other kinds: another entry
    keys = {key for key in regex_cache._entries or {} if key[0] == pattern}
    assert len(keys) == 3
