"""A sentence's rules read its items' kinds as a string, one character an item: a longer kind is refused
(a real check, not an assert that ``python -O`` drops)."""

from __future__ import annotations

import pytest

from tests.support.docs_tree import our_lexicon
from transdocs.statements.prose import Context, _Sentence
from transdocs.statements.tokens import Token, tokenize


def _kinds(tokens: list[Token]) -> str:
    return "".join(t.kind for t in tokens)


def test_a_sentence_refuses_an_item_kind_of_two_characters() -> None:
    lex = our_lexicon("en")
    text = "`LLM_TIMEOUT` defaults to 8 seconds"
    tokens = tokenize(text, lex)
    assert "".join(_Sentence(0, tokens, _kinds(tokens), text, lex, Context()).kinds) == "MDV"
    tokens = tokenize(text, lex)
    tokens.insert(1, Token("XY", 14, 22))
    with pytest.raises(ValueError, match="more than one character"):
        _Sentence(0, tokens, _kinds(tokens), text, lex, Context())
