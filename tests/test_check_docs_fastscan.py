"""The faster patterns of fastscan.py match exactly what the plain ones match."""

from __future__ import annotations

import dataclasses
import random
import re
from pathlib import Path

import pytest

from tests.support.docs_tree import our_lexicon, our_targets, real_prose
from transdocs.fastscan import _trie as fastscan_trie
from transdocs.fastscan import guard, guarded, skips_to_starts, trie
from transdocs.languages import LANGUAGES
from transdocs.languages.words import OURS, Words
from transdocs.settings.reader import Setting
from transdocs.statements import dispatch, token_parts, word_patterns
from transdocs.statements import lexicon as lexicons
from transdocs.statements.targets import Targets
from transdocs.translations import value_drift

ROOT = Path(__file__).parent.parent


def _matches(pattern: re.Pattern[str], texts: list[str]) -> list[list[tuple[object, ...]]]:
    return [[(m.span(), m.lastgroup, m.groups()) for m in pattern.finditer(text)] for text in texts]


@pytest.mark.parametrize("lang", [*LANGUAGES, None])
def test_guarded_token_patterns_find_the_same_tokens(lang: str | None) -> None:
    lex = our_lexicon(lang)
    words = lexicons._merge(list(LANGUAGES) if lang is None else sorted({lang, "en"}), OURS)
    decimal_comma = lang is not None and OURS.words(lang).decimal_mark != "."
    parts = token_parts.token_parts(words, decimal_comma, lex.targets)
    plain = re.compile(dispatch.dispatched(parts, words, lex.targets)[0], lex.tokens.flags)  # without the guard
    assert lex.tokens.pattern != plain.pattern  # the guard is there
    # The lexicon's pattern with one group per name (its merged groups: test_check_docs_token_groups).
    tokens = dispatch.guarded(plain.pattern, re.IGNORECASE)
    assert tokens.pattern == lex.tokens.pattern
    texts = list(real_prose())
    assert _matches(tokens, texts) == _matches(plain, texts)


def test_a_pattern_that_can_match_empty_gets_no_guard() -> None:
    assert guarded("a*").pattern == "a*"
    assert guarded("(?:x|)y?").pattern == "(?:x|)y?"
    assert guarded(r"\bab|c").pattern.startswith("(?=[")
    # A branch opening with (?<!\w) is tried only where a word starts.
    assert guarded(r"(?<!\w)ab|c").pattern == r"(?:(?=[c])|(?<!\w)(?=[a]))(?:(?<!\w)ab|c)"
    # Any one-character look-behind works the same: an Arabic word is tried only where one starts,
    # and two look-behinds in a row reject both classes.
    arabic = r"(?<![ء-ي])(?:ال)?بعد|c"
    assert guarded(arabic).pattern == rf"(?:(?=[c])|(?<![ء-ي])(?=[اب]))(?:{arabic})"
    assert guarded(r"(?<![a-z])(?<!\d)7").pattern.startswith(r"(?<![a-z\d])(?=[7])")
    texts = ["بعد", "قبعد", "البعد", "c بعد", "7", "a7", "17"]
    for pattern in (arabic, r"(?<![a-z])(?<!\d)7"):
        assert [re.findall(guarded(pattern), t) for t in texts] == [re.findall(pattern, t) for t in texts]


def test_a_trie_matches_its_words_and_nothing_else() -> None:
    words = ["LLM_TIMEOUT", "LLM_TOTAL_TIMEOUT", "LLM_MODEL", "model", "mode"]
    pattern = re.compile(f"{trie(words)}$", re.IGNORECASE)
    assert all(pattern.match(word) for word in words)
    assert not any(pattern.match(word) for word in ["LLM_", "LLM_T", "mod", "models", "LLM_TIMEOUTS"])
    assert re.fullmatch(trie([]), "")


def _token_pattern_without(
    lang: str | None, monkeypatch: pytest.MonkeyPatch, module: object, rewrite: str, plain: object
) -> tuple[re.Pattern[str], re.Pattern[str], Words]:
    """The token pattern of ``lang`` as the lexicon builds it, then with ``<module>.<rewrite>``
    replaced by ``plain`` (the same words)."""
    lex = our_lexicon(lang)
    words = lexicons._merge(list(LANGUAGES) if lang is None else sorted({lang, "en"}), OURS)
    decimal_comma = lang is not None and OURS.words(lang).decimal_mark != "."
    built = re.compile(token_parts.joined(token_parts.token_parts(words, decimal_comma, lex.targets)), lex.tokens.flags)
    monkeypatch.setattr(module, rewrite, plain)
    return (
        built,
        re.compile(token_parts.joined(token_parts.token_parts(words, decimal_comma, lex.targets)), lex.tokens.flags),
        words,
    )


def _one_branch_a_word(words: list[str]) -> str:
    return "|".join(word_patterns.flex(w) for w in words)


@pytest.mark.parametrize("lang", [*LANGUAGES, None])
def test_words_grouped_by_first_letter_find_the_same_tokens(lang: str | None, monkeypatch: pytest.MonkeyPatch) -> None:
    grouped, plain, _ = _token_pattern_without(lang, monkeypatch, word_patterns, "by_first_letter", _one_branch_a_word)
    assert grouped.pattern != plain.pattern
    texts = list(real_prose())
    assert _matches(grouped, texts) == _matches(plain, texts)


@pytest.mark.parametrize("lang", [*LANGUAGES, None])
def test_the_first_letters_look_ahead_keeps_every_token(lang: str | None, monkeypatch: pytest.MonkeyPatch) -> None:
    ahead, plain, words = _token_pattern_without(lang, monkeypatch, word_patterns, "_first_letters", lambda words: "")
    assert ahead.pattern != plain.pattern
    # Every word of the language in any case, and with letters re folds with others (ſ for s, K for k).
    rng = random.Random(7)
    vocabulary = [w.removeprefix("~") for field in dataclasses.fields(words) for w in _entries(words, field.name)]
    pieces = [*vocabulary, " ", " ", "\n", "5", ". ", "(", "`", "'", "’", "ſ", "K", "İ", "ı", "é", "x"]
    texts = [*real_prose()]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        text = "".join(c.upper() if rng.random() < 0.2 else c for c in text)
        texts.append(text.replace("s", "ſ").replace("k", "\u212a") if rng.random() < 0.3 else text)
    assert _matches(ahead, texts) == _matches(plain, texts)


def _entries(words: object, name: str) -> list[str]:
    value = getattr(words, name)
    if isinstance(value, dict | list | tuple | set | frozenset):
        return [w for w in value if isinstance(w, str)]
    return []


def test_words_whose_first_letters_are_one_letter_to_re_stay_apart() -> None:
    assert word_patterns.by_first_letter(["sa", "sb", "ta"]) == "(?:sa|sb)|ta"
    assert word_patterns.by_first_letter(["it", "In", "ab"]) == "(?:it|In)|ab"  # one letter under IGNORECASE
    # s and ſ (long s) match each other under IGNORECASE: grouped, "sx" would be tried before "ſxy"
    # and win in "sxy"; so these words stay in their order.
    assert word_patterns.by_first_letter(["sxyz", "ſxy", "sx"]) == "sxyz|ſxy|sx"
    assert re.match("sxyz|ſxy|sx", "sxy", re.IGNORECASE).group(0) == "sxy"  # type: ignore[union-attr]
    assert word_patterns.by_first_letter(["l'a", "’b", "'c"]) == "l['’]a|(?:['’]b|['’]c)"


@pytest.mark.parametrize("lang", ["ar", "en", None])
def test_the_arabic_screen_keeps_every_token(lang: str | None, monkeypatch: pytest.MonkeyPatch) -> None:
    screened, plain, _ = _token_pattern_without(lang, monkeypatch, token_parts, "arabic_screen", lambda words: "")
    assert (screened.pattern != plain.pattern) == (lang != "en")
    texts = [*real_prose(), "وافتراضيًا تكون المهلة ستون ثانية، وبالقيمة الافتراضية صحيح", "لا يعاد المحاولة مرتين"]
    assert _matches(screened, texts) == _matches(plain, texts)


def _plain_names(names: list[str]) -> re.Pattern[str]:
    """value_drift's name pattern as it was: the names longest first, in one alternation."""
    alternation = "|".join(re.escape(name) for name in sorted(set(names), key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{alternation})(?![\w])|{value_drift._PLACEHOLDER_NAME.pattern}", re.IGNORECASE)


def test_value_drift_names_as_a_trie_find_the_same_names() -> None:
    # Names that are prefixes of others, with dots and dashes, and two differing only in case.
    names = ["retry", "retry.max", "retry-max-wait", "RETRY_MAX", "max", "Max_Wait", "max_wait_s", "LLM_TIMEOUT"]
    targets = Targets([Setting(name, name if name.isupper() else None, name, 1, "number") for name in names])
    fast = value_drift._names(targets)
    assert fast is not None
    plain = _plain_names([*targets.env_names, *targets.key_names])
    assert fast.pattern != plain.pattern
    rng = random.Random(7)
    pieces = [
        *names,
        "RETRY.MAX",
        "retry.maxi",
        "Retry-Max",
        ".retry",
        "x_retry",
        " ",
        ".",
        "-",
        "_",
        "{{ retry.env }}",
        "ſ",
        "é",
    ]
    texts = list(real_prose()) + ["".join(rng.choice(pieces) for _ in range(12)) for _ in range(3000)]
    assert _matches(fast, texts) == _matches(plain, texts)
    ours = value_drift._names(our_targets())
    assert ours is not None
    assert _matches(ours, texts) == _matches(_plain_names([*our_targets().env_names, *our_targets().key_names]), texts)


def test_re_skips_to_a_literal_or_a_class_it_can_read_without_case() -> None:
    # A literal or a class first: re's search skips to those characters itself, a guard would hide it.
    assert skips_to_starts(r"`[^`]+`", re.IGNORECASE)
    assert skips_to_starts(r"\{\{\s*x", re.IGNORECASE)
    assert skips_to_starts(r"\d(?<!a\d)x", re.IGNORECASE)
    assert skips_to_starts(r"_a|\.b|`c", re.IGNORECASE)
    assert skips_to_starts(r"(?P<x>`)y", re.IGNORECASE)  # a group around it too
    # Not behind a look-ahead or a look-behind, nor a letter under IGNORECASE, nor when it may be empty.
    for pattern in (r"(?=[a])b", r"(?<!\w)ab", "abc", "`?", r"(?-i:[Ll])x|(?-i:[Ee])y"):
        assert not skips_to_starts(pattern, re.IGNORECASE), pattern
    assert skips_to_starts("abc") and not skips_to_starts("[")  # case-sensitive letters do; no pattern does not
    lex = our_lexicon("fr")
    assert [skips_to_starts(p.pattern, p.flags) for p in lex.value_tokens] == [True, True, True, False]


def _plain_hint(targets: Targets) -> re.Pattern[str]:
    """Where a setting is named, as one plain pattern: a name, a placeholder ``.env }}``, a key in code."""
    named = [*targets.env_names, *(k for k in targets.key_names if "_" in k)]
    branches = [r"\.(?:env|key)\s*\}\}", rf"`{trie(targets.key_names)}\b"]
    return re.compile("|".join([trie(named), *branches] if named else branches), re.IGNORECASE)


@pytest.mark.parametrize("lang", [*LANGUAGES, None])
def test_may_name_answers_as_the_plain_hint_pattern(lang: str | None) -> None:
    lex = our_lexicon(lang)
    assert [mark for mark, _ in lex.hints] == ["_", "}", "`"]  # our names all hold "_"
    texts = list(real_prose())
    plain = _plain_hint(lex.targets)
    assert [lex.may_name(text) for text in texts] == [plain.search(text) is not None for text in texts]
    assert any(lex.may_name(text) for text in texts) and not all(lex.may_name(text) for text in texts)


@pytest.mark.parametrize(
    ("settings", "marks"),
    [
        ([Setting("port", "PORT", "port", 8, "number")], ["}", "`", ""]),  # a name without "_": searched anyway
        (
            [Setting("port", "PORT", "port", 8, "number"), Setting("max_wait", "MAX_WAIT", "max_wait", 5, "number")],
            ["}", "`", ""],
        ),
        ([Setting("dev.hmr", None, "dev.hmr", True, "bool"), Setting("port", None, "port", 8, "number")], ["}", "`"]),
    ],
)
def test_may_name_screens_by_mark_whatever_the_names(settings: list[Setting], marks: list[str]) -> None:
    # Keys without "_" (dev.hmr) are settings only in code and placeholders: every branch holds its mark.
    lex = lexicons.lexicon("en", Targets(settings), OURS)
    assert [mark for mark, _ in lex.hints] == marks
    plain = _plain_hint(lex.targets)
    rng = random.Random(11)
    pieces = ["PORT", "port", "pORt", "max_wait", "MAX_WAIT", "dev.hmr", "DEV.HMR", "`", ".env }}", ".key}}", "{{ "]
    pieces += [" ", "x", "_", ".", "\n", "K", "\u212a", "ſ", "dev", "hmr", "é", "portal", "sport"]
    texts = list(real_prose()) + ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))) for _ in range(5000)]
    found = [plain.search(text) is not None for text in texts]
    assert 500 < sum(found) < len(texts) - 500
    assert [lex.may_name(text) for text in texts] == found
    for mark, branch in lex.hints:  # each branch finds names, and only in texts holding its mark
        hits = [text for text in texts if branch.search(text)]
        assert hits and all(mark in text for text in hits)


@pytest.mark.parametrize(
    ("pattern", "flags"),
    [
        (r"(?i:ab)|c", 0),  # a letter under a local IGNORECASE: no guard (İ, K and the like start matches)
        (r"(?i:[0-9]x)|\{\{", 0),  # digits and braces have no other case: guarded
        (r"(?-i:ab)|c", re.IGNORECASE),  # a guard ignoring case is only wider
        (r"(?-i:(?<![a-z])x)|y", re.IGNORECASE),  # but not for a look-behind: it would reject more
        (r"(?i:(?<![a-z])x)|y", 0),
        (r"(?s:<!--)|(?m:^```)", 0),
        (r"(?a:\w)+z|é", re.IGNORECASE),
    ],
)
def test_a_guard_keeps_every_match_of_a_pattern_with_inline_flags(pattern: str, flags: int) -> None:
    rng = random.Random(3)
    pieces = ["a", "A", "b", "B", "c", "C", "x", "X", "y", "z", "é", "É", "0", "{{", "<!--", "```", "\n", " "]
    pieces += ["İ", "ı", "ſ", "K", "_", "ab", "AB", "Ab"]
    texts = ["".join(rng.choice(pieces) for _ in range(10)) for _ in range(3000)]
    guarded_text = guard(pattern, flags)
    compiled, plain = re.compile(guarded_text, flags), re.compile(pattern, flags)
    assert [compiled.findall(text) for text in texts] == [plain.findall(text) for text in texts]


def test_inline_flags_give_the_guard_they_allow() -> None:
    assert guard(r"(?i:ab)|c") == r"(?i:ab)|c"
    assert guard(r"(?i:[0-9]x)|\{\{").startswith(r"(?=[0-9\{])")
    assert guard(r"(?-i:ab)|c", re.IGNORECASE).startswith("(?=[ac])")
    assert guard(r"(?-i:(?<![a-z])x)|y", re.IGNORECASE).startswith("(?=[xy])")


def test_cached_helpers_give_what_they_compute() -> None:
    # Each lexicon asks again for the same names' trie and the same words' script: both are cached.
    names = ["LLM_TIMEOUT", "LLM_TOTAL_TIMEOUT", "LLM_MODEL", "model", "mode", ""]
    assert trie(names) == trie(reversed(names)) == f"(?:{fastscan_trie(sorted(set(names)))})"
    words = lexicons._merge(list(LANGUAGES), OURS)
    for word in [w for f in dataclasses.fields(words) for w in _entries(words, f.name)]:
        plain = "cjk" if any(re.match(f"[{word_patterns._CJK}]", c) for c in word) else None
        plain = plain or ("arabic" if re.search(f"[{word_patterns._ARABIC_LETTER}]", word) else "latin")
        assert word_patterns.script_of(word) == plain, word
