"""The token scan makes an inline code's tokens in its own loop, from the tuples read once per lexicon
and code: the tokens are those of each code read afresh, moved to its place, as a separate call
returning a list made them."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from tests.support.docs_tree import our_lexicon, real_prose
from tests.support.real_corpus import snapshots_with_settings
from transdocs.languages.words import OURS
from transdocs.pages.document import Prose
from transdocs.statements import tokens as tokens_module
from transdocs.statements.lexicon import Lexicon, lexicon
from transdocs.statements.tokens import Token, tokenize
from transdocs.statements.word_patterns import strip_marks


def _plain_tokens(text: str, lex: Lexicon) -> list[Token]:
    """``tokenize``'s tokens with those of each inline code replaced by the code's tokens read afresh (no
    memo), moved to the code's place."""
    kinds = lex.token_kinds
    codes = [match for match in lex.tokens.finditer(text) if kinds.get(group := match.lastgroup or "", group) == "code"]
    spans = [match.span() for match in codes]
    found = [t for t in tokenize(text, lex) if not any(start <= t.start < end for start, end in spans)]
    for match in codes:
        at = match.start()
        found += [replace(t, start=t.start + at, end=t.end + at) for t in tokens_module._read_code(match[0], lex)]
    return sorted(found, key=lambda token: token.start)


def _texts(lex: Lexicon, seed: int) -> list[str]:
    """Our prose and fixtures, and random texts of codes: settings, values, placeholders, lists, objects,
    empty and spaced codes, codes that hold no value and codes glued to words and punctuation."""
    rng = random.Random(seed)
    names = [*lex.targets.env_names, *lex.targets.key_names, "LLM_API_KEY", "other_key"]
    codes = ["`gpt-4o`", "`5`", "` `", "`[400, 700]`", "`{ persist: true }`", "`{{ timeout.default }}`"]
    codes += ["`{{ timeout.env }}`", "`{{ api_key.env }}`", "`a: b`", "`X=`", "`2.5`", "`true`", "`مهلة`", "`秒`"]
    codes += [f"`{name}`" for name in names] + [f"`{name}=30`" for name in names] + [f"` {name} `" for name in names]
    pieces = [" ", ". ", "。", ", ", "\n", "(", ")", "`", " defaults to ", " is ", "8 seconds", "{{ retry.max }}"]
    pieces += ["x", "_", "ſ", "\u064e"]
    texts = list(real_prose())
    for _ in range(3000):
        texts.append("".join(rng.choice(codes if rng.random() < 0.5 else pieces) for _ in range(rng.randint(1, 12))))
    return texts


def _compare(lex: Lexicon, texts: list[str]) -> int:
    """Each text tokenized twice by a lexicon reading codes for the first time (the second reading from
    its memo), its tokens changed between them as the readers change theirs; how many codes were read."""
    lex = replace(lex, code_tokens={})
    codes = 0
    for text in texts:
        plain = _plain_tokens(text, lex)
        for _ in range(2):
            found = tokenize(text, lex)
            assert found == plain, text
            for token in found:  # the readers move and change tokens: the next reading is not touched
                token.start, token.end, token.value = -1, -1, None
        codes += text.count("`") // 2
    assert 0 < len(lex.code_tokens) < codes  # codes were kept, and repeat
    return codes


@pytest.mark.parametrize("lang", ["en", "fr", "ar", "zh", "ja", None])
def test_code_tokens_are_those_of_each_code_read_afresh(lang: str | None) -> None:
    lex = our_lexicon(lang)
    assert _compare(lex, _texts(lex, 41)) > 5000


def test_code_tokens_are_those_of_each_code_read_afresh_on_real_snapshots() -> None:
    corpus = snapshots_with_settings()
    if not corpus:
        pytest.skip("the real corpus is not beside the clone")
    codes = 0
    for targets, docs in corpus:
        texts = [strip_marks(b.text)[0] for doc in docs for b in doc.blocks if isinstance(b, Prose) and "`" in b.text]
        codes += _compare(lexicon("en", targets, OURS), texts)
    assert codes > 5000
