"""The token pattern as the lexicon builds it (branches dispatched on their first character, see
dispatch.dispatched) finds exactly the tokens of the plain pattern (token_parts.joined)."""

from __future__ import annotations

import dataclasses
import random
import re
import sys

import pytest

from tests.support.docs_tree import our_lexicon, real_prose
from tests.test_check_docs_real_corpus import CORPUS
from transdocs.fastscan import skips_to_starts, trie
from transdocs.languages import LANGUAGES
from transdocs.languages.words import OURS, Words
from transdocs.settings.reader import Kind, Setting
from transdocs.statements import dispatch, letter_cases, token_parts, word_patterns
from transdocs.statements import lexicon as lexicons
from transdocs.statements.targets import Targets
from transdocs.statements.tokens import tokenize

# The groups tokenize reads besides the kind.
_PARTS = ("digits", "unit", "cjknum", "cjkunit", "wnumber", "wunit")

# Numbers in every digit and form the number branch reads, and what may stand before and after one.
_NUMBERS = "٣٠ ３０ 0 12 1.5 2,5 3٫5 10% ٥٪ ５％ v1.2.3 1.2.3 2^10 3*4 60s 5-min 1e3 a1 #1 $5 @2 -3 /4"
_NUMBERS += " +5 ×6 é7 x2 ٣ ٫ , . - 1,000 0.25"
# Digits of other scripts (Devanagari, Thai, Tibetan, Myanmar, Osmanya and mathematical past the BMP), and
# characters past the BMP that are none (an emoji, a CJK ideograph of plane 2).
_NUMBERS += " ५० ๕ ༣ ၅ \U000104a5 \U0001d7d3 \U0001d7d3s \U0001f600 \U00020000 7\U0001f600 \U0001d7ce\U0001d7cf"


def _tokens(
    pattern: re.Pattern[str], renamed: dict[str, str], text: str, number_word: re.Pattern[str] | None = None
) -> list[tuple[object, ...]]:
    found = []
    for match in pattern.finditer(text):
        groups = match.groupdict()
        kind = match.lastgroup
        kind = renamed.get(kind, kind) if kind else kind
        if groups.get("digits") is not None:  # the dispatched number leaves its first digit out of the group
            groups["digits"] = text[match.start() : match.end("digits")]
        if kind == "wnum" and number_word is not None:  # a dispatched number word: its groups, as tokenize reads them
            parts = number_word.match(text, match.start())
            assert parts is not None and parts.end() == match.end()
            groups.update(parts.groupdict())
        found.append((match.span(), kind, [groups.get(p) for p in _PARTS]))
    return found


def _words(lang: str | None) -> Words:
    return lexicons._merge(list(LANGUAGES) if lang is None else sorted({lang, "en"}), OURS)


def _plain(lang: str | None) -> re.Pattern[str]:
    lex = our_lexicon(lang)
    decimal_comma = lang is not None and OURS.words(lang).decimal_mark != "."
    return re.compile(
        token_parts.joined(token_parts.token_parts(_words(lang), decimal_comma, lex.targets)), lex.tokens.flags
    )


def _random_texts(words: Words, seed: int, count: int) -> list[str]:
    """Texts of the language's words in any case, with letters re folds with others (ſ for s, K for k,
    İ and ı for i), glued to letters or not, with numbers, code, placeholders, links and marks."""
    rng = random.Random(seed)
    vocabulary = [
        w.removeprefix("~")
        for f in dataclasses.fields(words)
        if isinstance(getattr(words, f.name), dict | list | tuple | set | frozenset)
        for w in getattr(words, f.name)
        if isinstance(w, str)
    ]
    pieces = [*vocabulary, " ", " ", "\n", "5", "30 s", ". ", "(", ")", "`", "`LLM_TIMEOUT`", "{{ timeout.env }}"]
    pieces += ["LLM_TIMEOUT", "llm_model", "retry_max_wait", "total_timeout", "etc.", "i.e.", "Vs.", "ex.", "env."]
    pieces += ["https://x.org/a", "](u)", "'", "’", "ſ", "\u212a", "İ", "ı", "é", "É", "x", "_", "、", "=", ":"]
    pieces += [*_NUMBERS.split(), "10 %", "8 GB", "30\u00a0ms", "50 percent", "12 per cent", "\u202f", "\u00a0"]
    # Number words before a unit or counter, spaced, hyphenated or glued ("two minutes", "three times").
    after, joints = [*words.units, *words.counters, "x"], [" ", "-", "\u00a0", "", " - "]
    pieces += [n + rng.choice(joints) + rng.choice(after) for n in words.number_words for _ in range(3)]
    texts = []
    for _ in range(count):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        text = "".join(c.upper() if rng.random() < 0.2 else c for c in text)
        if rng.random() < 0.3:
            text = text.replace("s", "ſ").replace("k", "\u212a").replace("i", "ı").replace("I", "İ")
        texts.append(text)
    return texts


@pytest.mark.parametrize("lang", [*LANGUAGES, None])
def test_the_dispatched_token_pattern_finds_the_plain_tokens(lang: str | None) -> None:
    lex = our_lexicon(lang)
    assert "D" in lex.token_kinds.values()  # the words are dispatched on their first letter
    assert lex.tokens.pattern.startswith("(?=(?-i:[")  # behind the dispatch guard
    assert "|\\d(?<!" in lex.tokens.pattern  # numbers dispatched on their first digit
    assert "wnum" in lex.token_kinds.values()  # and number words on their first letter
    assert lex.tokens.pattern.count("(?<!\\w)(?:(?-i:[") == 1  # names and words in one branch per letter
    plain = _plain(lang)
    texts = [*real_prose(), *_random_texts(_words(lang), 11, 4000)]
    fast = [_tokens(lex.tokens, lex.token_kinds, t, lex.number_word) for t in texts]
    assert fast == [_tokens(plain, {}, t) for t in texts]


@pytest.mark.parametrize("lang", ["zh", "ja"])
def test_words_starting_with_a_cjk_character_are_dispatched_on_it(lang: str) -> None:
    lex = our_lexicon(lang)
    dispatched = {kind for name, kind in lex.token_kinds.items() if "_c" in name}
    assert {"D", "C", "B"} <= dispatched
    assert "(?P<D>" not in lex.tokens.pattern  # no default word is left in its kind's own group


@pytest.mark.parametrize("lang", ["ar", None])
def test_the_arabic_words_alone_are_behind_their_screen(lang: str | None) -> None:
    pattern = our_lexicon(lang).tokens.pattern
    assert "(?=(?:(?<![" in pattern  # the Arabic words' screen...
    assert word_patterns.NOT_ARABIC not in pattern  # ...no longer passes every other position to them
    assert "[=:：＝](?P<E>)" in pattern  # the signs open with their class


def test_tokenize_reads_renamed_kinds() -> None:
    lex = our_lexicon("en")
    kinds = [t.kind for t in tokenize("LLM_TIMEOUT defaults to 30 s; if unset, it is true. (See `x`)", lex)]
    assert kinds == ["M", "D", "V", "END", "D", "C", "V", "END", "(", "V", ")"]


def test_the_cases_of_a_letter_are_what_re_matches_it_with() -> None:
    assert set(str(letter_cases.cases_of("k"))) == {"k", "K", "\u212a"}
    assert set(str(letter_cases.cases_of("s"))) == {"s", "S", "ſ"}
    assert set(str(letter_cases.cases_of("i"))) == {"i", "I", "İ", "ı"}
    assert letter_cases.cases_of("’") == "'’"
    letters = {w[0] for f in ("default", "blocker", "copula", "foreign") for w in getattr(_words(None), f)}
    for letter in letters | set("abcdefghijklmnopqrstuvwxyzàéèçãõ"):
        cases = letter_cases.cases_of(letter)
        assert cases is not None
        if letter not in "'’" and ord(letter) < 0x2200:  # the Latin words' first letters
            matching = {c for c in map(chr, range(0x2200)) if re.fullmatch(re.escape(letter), c, re.IGNORECASE)}
            extra = {c for c in "\u212a\u212b\u2126" if re.fullmatch(re.escape(letter), c, re.IGNORECASE)}
            assert set(cases) == matching | extra, letter


@pytest.mark.skipif(sys.version_info < (3, 11), reason="one pass over every code point is enough on one Python")
def test_the_odd_cases_are_all_the_characters_upper_and_title_do_not_reach() -> None:
    tolower = letter_cases._tolower
    odd = {
        chr(code)
        for code in range(0x110000)
        if tolower(code) != code and chr(code) not in (chr(tolower(code)).upper(), chr(tolower(code)).title())
    }
    assert odd == set(letter_cases._ODD_CASES)


def test_words_that_could_start_where_a_latin_word_starts_keep_the_plain_pattern() -> None:
    words = dataclasses.replace(Words(), default=("default", "dé"), copula=("d秒",))  # a CJK word starting with d
    assert dispatch._by_letter(words, {}, {}, ()) is None
    words = dataclasses.replace(words, copula=("秒",))
    assert dispatch._by_letter(words, {}, {}, ()) is not None
    # The branch is tried before numbers and the parts it passes (an Arabic dual, a CJK number).
    assert dispatch._by_letter(words, {}, {}, ("d",)) is None
    assert dispatch._by_letter(dataclasses.replace(words, default=("default", "5th")), {}, {}, ()) is None


def test_the_dispatch_guard_keeps_every_match_of_a_case_blind_pattern() -> None:
    # Letters under IGNORECASE (k also matches K, s also ſ, ǅ also Ǆ and ǆ), a range, a class with
    # a category, look-behinds of both kinds: the guard spells out every case and keeps each look-behind.
    pattern = r"(?<!\w)(?:kelvin|sun|ǅx)|(?<![a-c])[0-9]+|[d-f]y|\{\{|(?<![\u0621-\u064a])ب"
    guarded = dispatch.dispatch_guard(pattern, re.IGNORECASE)
    assert guarded.startswith("(?=(?-i:[")
    rng = random.Random(5)
    pieces = ["kelvin", "KELVIN", "\u212aelvin", "sun", "ſun", "ǅx", "Ǆx", "ǆx", "7", "a7", "Dy", "ey", "{{", "بب"]
    texts = ["".join(rng.choice([*pieces, " ب", " ", "x", "_"]) for _ in range(rng.randint(1, 8))) for _ in range(3000)]
    plain, fast = re.compile(pattern, re.IGNORECASE), re.compile(guarded, re.IGNORECASE)
    spans = [[m.span() for m in fast.finditer(t)] for t in texts]
    assert spans == [[m.span() for m in plain.finditer(t)] for t in texts]


def test_the_guards_digits_are_re_s_in_the_bmp_and_hold_every_digit_past_it() -> None:
    digits = re.compile(f"[{dispatch._digits()}]")
    for code in range(0x110000):
        char = chr(code)
        if code < 0x10000:
            assert (digits.match(char) is None) == (re.match(r"\d", char) is None), hex(code)
        else:
            assert digits.match(char) is not None, hex(code)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_token_pattern_finds_the_plain_tokens_in_the_real_corpus(lang: str | None) -> None:
    lex = our_lexicon(lang)
    texts = _real_corpus_prose()
    fast = [_tokens(lex.tokens, lex.token_kinds, t, lex.number_word) for t in texts]
    assert fast == [_tokens(_plain(lang), {}, t) for t in texts]


@pytest.mark.parametrize("lang", ["en", "ar", "fr", "zh", None])
def test_the_lexicons_other_patterns_behind_the_dispatch_guard_match_as_plain(lang: str | None) -> None:
    lex, words = our_lexicon(lang), _words(lang)
    decimal_comma = lang is not None and OURS.words(lang).decimal_mark != "."
    parts = token_parts.token_parts(words, decimal_comma, lex.targets)
    pairs = [
        (lex.default, word_patterns.alternation([*words.default, *words.default_header])),
        (lex.blocker, word_patterns.alternation([*words.blocker, *words.foreign])),
        (lex.glue, word_patterns.alternation(words.glue)),
        (lex.names, trie([*lex.targets.env_names, *lex.targets.key_names])),
        *zip(lex.value_tokens, token_parts.value_screens(parts, lex.targets), strict=True),
    ]
    texts = [*real_prose(), *_random_texts(words, 13, 2000)]
    for fast, source in pairs:
        # Behind the guard, or unguarded where re skips to a match's first character on its own.
        assert fast.pattern.startswith("(?=(?-i:[") != skips_to_starts(fast.pattern, re.IGNORECASE)
        plain = re.compile(source, re.IGNORECASE)
        spans = [[m.span() for m in fast.finditer(t)] for t in texts]
        assert spans == [[m.span() for m in plain.finditer(t)] for t in texts], source


def test_tokenize_reads_each_number_from_its_first_digit() -> None:
    # The dispatched number branch matches its first digit outside the ``digits`` group.
    lex = our_lexicon("en")
    values = [t.value for t in tokenize("It waits 30 s, then 1.5 minutes, ３０ ms or 7.", lex) if t.value]
    assert [(v.number, v.unit) for v in values] == [(30.0, 1.0), (1.5, 60.0), (30.0, 0.001), (7.0, None)]


def _camel_case_targets() -> Targets:
    """Settings as the real corpus' projects name them: no env var, keys without an underscore."""
    keys = {"port": 3000, "cacheDirectory": "node_modules/.cache", "output.charset": "ascii", "dev.hmr": True}
    kinds: dict[type, Kind] = {int: "number", str: "str", bool: "bool"}
    return Targets([Setting(key, None, key, value, kinds[type(value)]) for key, value in keys.items()])


def _with_empty_names(lex: lexicons.Lexicon, lang: str) -> lexicons.Lexicon:
    """``lex`` with the token pattern it had before settings without names got no name branches: the
    ``env`` and ``key`` parts an empty alternation (a match of the empty string between non-word
    characters, and no guard)."""
    decimal_comma = OURS.words(lang).decimal_mark != "."
    parts = token_parts.token_parts(_words(lang), decimal_comma, lex.targets)
    parts["env"] = r"(?P<env>(?<!\w)(?:)(?!\w))"
    parts["key"] = r"(?P<key>(?<![\w.])(?:)(?!\w))"
    pattern, kinds = dispatch.dispatched(parts, _words(lang), lex.targets)
    tokens = re.compile(dispatch.dispatch_guard(pattern, lex.tokens.flags), lex.tokens.flags)
    return dataclasses.replace(lex, tokens=tokens, token_kinds=kinds, code_tokens={}, named={})


@pytest.mark.parametrize("lang", ["en", "fr", "zh", "ar"])
def test_settings_without_names_give_no_empty_name_branches(lang: str) -> None:
    targets = _camel_case_targets()
    assert not targets.env_names and not any("_" in key for key in targets.key_names)
    lex = lexicons.lexicon(lang, targets, OURS)
    assert lex.tokens.pattern.startswith("(?=")  # it can no longer match empty: guarded
    assert not any(m.start() == m.end() for m in lex.tokens.finditer(" . ( ) ,  - a "))
    before = _with_empty_names(lex, lang)
    assert any(m.start() == m.end() for m in before.tokens.finditer(" . ( ) ,  - a "))
    names = [f"`{key}`" for key in targets.key_names] + [f"{{{{ {key}.default }}}}" for key in targets.key_names]
    rng = random.Random(3)
    texts = [*real_prose(), *_real_corpus_prose(), *_random_texts(_words(lang), 12, 3000)]
    texts += [" ".join(rng.choice([*names, *texts[:50]]) for _ in range(4)) for _ in range(500)]

    def read(text: str, reader: lexicons.Lexicon) -> list[tuple[object, ...]]:
        return [(t.kind, t.start, t.end, t.setting, t.value) for t in tokenize(text, reader)]

    assert [read(t, lex) for t in texts] == [read(t, before) for t in texts]


def _real_corpus_prose() -> list[str]:
    """The prose blocks of a few real corpus snapshots' pages (English and translated), when the corpus
    is beside the clone (see test_check_docs_real_corpus)."""
    from transdocs.pages.document import Prose
    from transdocs.pages.markdown import read_markdown

    texts: list[str] = []
    if CORPUS is None:
        return texts
    for snapshot in ("rsbuild/2026-08-22-64c8af5", "astro-docs/2026-06-23-655f164", "rspack/2024-10-22-1c0a56f"):
        for page in sorted((CORPUS / snapshot / "docs").rglob("*.md*")):
            blocks = read_markdown(page.read_text(errors="replace")).blocks
            texts += [b.text for b in blocks if isinstance(b, Prose)]
    return texts


@pytest.mark.parametrize("lang", ["en", "fr", "zh", "ar"])
def test_settings_without_names_are_found_by_may_name_where_tokenize_finds_them(lang: str) -> None:
    """With no env var and no key holding "_" (the real corpus' projects), a setting is named only in
    code or a placeholder: ``may_name`` says so where ``tokenize`` finds one, and is false for prose
    naming none (an empty branch in its pattern made it true for every block of such a project)."""
    targets = _camel_case_targets()
    lex = lexicons.lexicon(lang, targets, OURS)
    names = [f"`{key}`" for key in targets.key_names] + [f"{{{{ {key}.key }}}}" for key in targets.key_names]
    rng = random.Random(5)
    texts = [*real_prose(), *_real_corpus_prose(), *_random_texts(_words(lang), 12, 3000)]
    texts += [" ".join(rng.choice([*names, *texts[:50]]) for _ in range(4)) for _ in range(500)]
    named = [text for text in texts if any(t.kind == "M" for t in tokenize(text, lex))]
    assert len(named) > 100 and all(lex.may_name(text) for text in named)
    assert not lex.may_name("The port is 3000 by default; set output.charset and dev.hmr as you like.")
    assert sum(map(lex.may_name, texts)) < len(texts) / 2
