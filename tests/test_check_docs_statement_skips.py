"""The statement readers skip work that cannot give a statement, and find the same statements."""

from __future__ import annotations

import itertools
import random
import re
from dataclasses import replace
from pathlib import Path

import pytest

from tests.support.code_blocks import CODE_LINE_SHAPES
from tests.support.docs_tree import our_lexicon, real_prose
from transdocs.fastscan import trie
from transdocs.pages.document import Code
from transdocs.pages.markdown import read_markdown
from transdocs.statements import codeblocks, word_patterns
from transdocs.statements.codeblocks import READ_LANGUAGES, setting_lines
from transdocs.statements.lexicon import Lexicon
from transdocs.statements.prose import (
    _LINKABLE,
    CARRY_REACH,
    DEFAULT_REACH,
    STRUCTURE_LEAD,
    STRUCTURE_REACH,
    Context,
    Statement,
    _fits,
    _is,
    _is_group,
    _leads,
    _may_link,
    _Sentence,
    by_place,
    statements,
)
from transdocs.statements.tokens import Group, Token, tokenize
from transdocs.statements.word_patterns import ARABIC_MARKS, strip_marks

ROOT = Path(__file__).parent.parent


def sentences(tokens: list[Token]) -> list[tuple[int, list[Token]]]:
    """The tokens split at sentence ends: (offset where the sentence starts, its tokens without END), as
    the prose reader cut them before it split its kinds (see ``prose.statements``)."""
    result: list[tuple[int, list[Token]]] = [(0, [])]
    for token in tokens:
        if token.kind == "END":
            result.append((token.end, []))
        else:
            result[-1][1].append(token)
    return [(start, found) for start, found in result if found]


def _codes() -> list[Code]:
    pages = [*(ROOT / "docs").rglob("*.md"), *(ROOT / "tests" / "fixtures").rglob("*.md")]
    found = []
    for page in pages:
        found += [b for b in read_markdown(page.read_text(errors="replace")).blocks if isinstance(b, Code)]
    return found


def _random_case(name: str, rng: random.Random) -> str:
    return "".join(c.upper() if rng.random() < 0.3 else c.lower() for c in name)


def _random_codes(names: list[str], count: int) -> list[Code]:
    """Config blocks of every kind the readers read, naming settings in any case (and other names)."""
    rng = random.Random(18)
    langs = sorted(READ_LANGUAGES)
    codes = []
    for _ in range(count):
        lines = []
        for number in range(rng.randint(1, 6)):
            name = rng.choice([*names, "unrelated_key", "PATH", "ſetting", "K"])
            value = rng.choice(["5", "60", "true", '"gpt-4o"', "2.5", "[1, 2]", ""])
            lines.append((number + 1, rng.choice(CODE_LINE_SHAPES).format(name=_random_case(name, rng), value=value)))
        codes.append(Code(rng.choice(langs), 1, lines, rng.choice(["", "The defaults:", "To change them:"])))
    return codes


def test_code_blocks_naming_no_setting_are_skipped_with_the_same_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    lex = our_lexicon("en")
    names = [*lex.targets.env_names, *lex.targets.key_names]
    codes = [*_codes(), *_random_codes(names, 3000)]
    read = [setting_lines(code, lex) for code in codes]
    skipped = [c for c in codes if c.lang in READ_LANGUAGES and not codeblocks._may_set(c, lex)]
    monkeypatch.setattr(codeblocks, "_may_set", lambda code, lex: True)  # every block read line by line
    assert read == [setting_lines(code, lex) for code in codes]
    assert sum(map(bool, read)) > 500  # the random blocks do set settings, in any case
    assert len(skipped) > 100  # and the screen does skip blocks


def test_the_hint_found_from_underscores_finds_a_name_where_the_plain_pattern_does() -> None:
    lex = our_lexicon("fr")
    targets = lex.targets
    named = [*targets.env_names, *(k for k in targets.key_names if "_" in k)]
    assert lex.hints and lex.hints[0][1].pattern.startswith("_(?:")
    plain = re.compile(rf"{trie(named)}|\.(?:env|key)\s*\}}\}}|`{trie(targets.key_names)}\b", re.IGNORECASE)
    rng = random.Random(5)
    pieces = [*named, *targets.key_names, "LLM", "llm_", "_", "retry", "RETRY_", "max_wait", "K", "ſ", "İ", "ı"]
    pieces += ["`", ".env }}", ".key}}", "{{ ", " ", "x", "é", "\n", "."]
    texts = list(real_prose()) + [
        _random_case("".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))), rng) for _ in range(5000)
    ]
    for text in rng.sample(texts, 2000):  # names whose letters re folds with other letters: K, ſ
        texts.append(text.replace("k", "\u212a").replace("s", "\u017f"))
    found = [plain.search(text) is not None for text in texts]
    assert 1000 < sum(found) < len(texts) - 1000
    # may_name searches each branch alone, where the text holds the string all its matches hold.
    assert [lex.may_name(text) for text in texts] == found
    assert [mark for mark, _ in lex.hints] == ["_", "}", "`"]
    for mark, branch in lex.hints:  # each branch finds names, and only in texts holding its mark
        hits = [text for text in texts if branch.search(text)]
        assert hits and all(mark in text for text in hits)


def test_the_code_hint_tries_only_the_keys_the_names_branch_misses() -> None:
    # A key holding "_" is found by the names' branch in code too: the code branch holds the other keys.
    lex = our_lexicon("en")
    code = dict(lex.hints)["`"]
    assert code.search("`model`") and code.search("`Timeout`") and not code.search("`base_url`")
    named = ["`base_url`", "`BASE_URL`", "x `retry_max_wait`", "`model`", "`TIMEOUT` s", "`\u212aey`.{{ a.key }}"]
    assert all(lex.may_name(text) for text in named)
    assert not any(lex.may_name(text) for text in ["`modeling`", "`base url`", "model", "`url`", "`timeouts`"])


def _random_prose(lex: Lexicon, count: int, seed: int) -> list[str]:
    """Sentences made of the pieces the readers link: settings named every way (and secrets, unknown
    names, names in any case and with letters ``re`` folds with others), values, default words."""
    rng = random.Random(seed)
    targets = lex.targets
    settings = [*targets.by_setting, "api_key", "retry", "unknown_setting"]
    names = [*targets.env_names, *targets.key_names, "LLM_API_KEY", "other_key"]
    links = [" defaults to ", " is ", " (default: ", " 默认值为 ", " vaut par défaut ", ": ", " = ", " "]
    values = ["8", "5 seconds", "2.5", "600 s", "true", "`gpt-4o`", "`5`", "429", "两分钟", "{{ timeout.default }}"]
    pieces = [" ", ". ", "。", ", ", "\n", "(", ")", "`", "_", "{{ ", " }}", ".env", "K", "ſ", "İ", "ı", "\u064e"]
    pieces += [" defaults to ", " is ", "Default: ", " if ", " and ", " respectively", *values]

    def name() -> str:
        kind = rng.random()
        if kind < 0.4:
            return _random_case(rng.choice(names), rng) if rng.random() < 0.3 else rng.choice(names)
        if kind < 0.7:
            attribute = rng.choice(["env", "key", "default", "with_unit", "type"])
            return f"{{{{ {rng.choice(settings)}.{attribute} }}}}"
        return f"`{rng.choice(['', ' '])}{name() if kind < 0.8 else rng.choice(names)}{rng.choice(['', ' ', '=5'])}`"

    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 8)):
            kind = rng.random()
            if kind < 0.3:
                parts.append(f"{name()}{rng.choice(links)}{rng.choice(values)}{rng.choice(['.', ' ', '。', ''])}")
            elif kind < 0.5:
                parts.append(name())
            else:
                parts.append(rng.choice(pieces))
        texts.append("".join(parts))
    return texts


@pytest.mark.parametrize("lang", ["en", "ar", None])
def test_prose_naming_no_setting_is_skipped_with_the_same_statements(lang: str | None) -> None:
    lex = our_lexicon(lang)
    unscreened = replace(lex, setting_token=re.compile(""))  # every text tokenized, as before the screen
    texts = [*real_prose(), *_random_prose(lex, 4000, 18)]
    contexts = [Context(), Context(says_default=True), Context(subject="timeout", subject_anywhere=True)]
    for context in contexts:
        found = [statements(text, lex, context) for text in texts]
        assert found == [statements(text, unscreened, context) for text in texts]
        assert sum(map(bool, found)) > 500  # the texts do state values
    skipped = [text for text in texts if not lex.may_hold_setting(strip_marks(text)[0])]
    assert len(skipped) > 500  # and the screen does skip texts, many holding values and default words
    assert sum(any(t.kind == "V" for t in tokenize(strip_marks(text)[0], lex)) for text in skipped) > 300


def _valueish_prose(lex: Lexicon, count: int, seed: int) -> list[str]:
    """Texts near the edge of holding a value: code and placeholders that are and are not values,
    numbers that are not values (status codes, versions, percentages), every value word of the language."""
    rng = random.Random(seed)
    targets = lex.targets
    settings = [*targets.by_setting, "api_key", "retry", "Retry", "unknown"]
    names = [*targets.env_names, *targets.key_names]
    words = [*lex.number_words, *lex.dual_units, *lex.units, "true", "false", "enabled", "désactivé"]
    words += ["十", "三秒", "两次"]
    pieces = [" ", " ", ". ", "。", "\n", "`", "{{ ", " }}", "ſ", "K", "İ", "\u064e", "429", "1.2.3", "50 %", "v2", "5"]
    pieces += [" defaults to ", " is ", " 默认值为 ", "gpt-4o", "="]

    def piece() -> str:
        kind = rng.random()
        if kind < 0.2:
            name = rng.choice(names)
            name = _random_case(name, rng) if rng.random() < 0.3 else name
            return f"`{rng.choice(['', ' '])}{name}{rng.choice(['', ' ', '=', '=5', 'x'])}`"
        if kind < 0.4:
            attribute = rng.choice(["env", "key", "default", "with_unit", "type", "max_requests", "", "Default"])
            inner = f"{{{{ {rng.choice(settings)}{'.' if attribute else ''}{attribute} }}}}"
            return f"`{inner}`" if rng.random() < 0.5 else inner
        if kind < 0.6:
            return rng.choice(words) + rng.choice(["", " ", " seconds", " 秒", " minutos", " fois", " مرات"])
        return rng.choice(pieces)

    return ["".join(piece() for _ in range(rng.randint(1, 10))) for _ in range(count)]


@pytest.mark.parametrize("lang", ["en", "ar", "zh", None])
def test_prose_holding_no_value_is_skipped_with_the_same_statements(lang: str | None) -> None:
    lex = our_lexicon(lang)
    unscreened = replace(lex, value_tokens=(re.compile(""),))  # every text tokenized, as before the screen
    texts = [*real_prose(), *_random_prose(lex, 3000, 19), *_valueish_prose(lex, 6000, 20)]
    stripped = [strip_marks(text)[0] for text in texts]
    # No value token where the screens find nothing: the screens are found wherever one can be.
    skipped = [text for text in stripped if not lex.may_hold_value(text)]
    assert not [text for text in skipped if any(t.kind == "V" for t in tokenize(text, lex))]
    for context in [Context(), Context(says_default=True), Context(subject="timeout", subject_anywhere=True)]:
        found = [statements(text, lex, context) for text in texts]
        assert found == [statements(text, unscreened, context) for text in texts]
        assert sum(map(bool, found)) > 500
    # The screens do skip texts that name a setting (those the setting screen lets through).
    assert sum(lex.may_hold_setting(text) for text in skipped) > 500


def _kinds(tokens: list[Token]) -> str:
    return "".join(t.kind for t in tokens)


def _every_sentence_read(text: str, lex: Lexicon, context: Context) -> list[Statement]:
    """prose.statements without any skip: every text tokenized, every sentence with a setting or a
    subject read by every rule (the reader as it was before the screens and the value test)."""
    text, kept = strip_marks(text)
    found: list[Statement] = []
    subject, strict = context.subject, context.from_structure
    every = tokenize(text, lex)
    for start, tokens in sentences(every):
        named = {t.setting for t in tokens if t.kind == "M"}
        if named or subject:
            found += _Sentence(start, tokens, _kinds(tokens), text, lex, context).statements(
                subject, context.subject_anywhere, strict
            )
        if named:
            subject = named.pop() if len(named) == 1 and _leads(tokens, start, text, lex) else None
            strict = False
    return by_place(found, kept)


@pytest.mark.parametrize("lang", ["en", "fr", "zh", None])
def test_statements_are_those_of_every_sentence_read(lang: str | None) -> None:
    lex = our_lexicon(lang)
    texts = [*real_prose(), *_random_prose(lex, 3000, 21), *_valueish_prose(lex, 3000, 22), *_rule_prose(lex, 2000, 26)]
    contexts = [Context(), Context(says_default=True), Context(subject="timeout", subject_anywhere=True)]
    contexts.append(Context(subject="num_retries", from_structure=True))
    for context in contexts:
        found = [statements(text, lex, context) for text in texts]
        assert found == [_every_sentence_read(text, lex, context) for text in texts]
        assert sum(map(bool, found)) > 300
    # Sentences the rules are not asked of (by their tokens' kinds), and subjects handed on without
    # asking _leads of every sentence naming one setting, are there to skip.
    sentence_kinds = [_kinds(tokens) for text in texts for _, tokens in sentences(tokenize(text, lex))]
    assert sum("M" in kinds and "V" in kinds and not _may_link(kinds) for kinds in sentence_kinds) > 300
    assert sum(kinds.count("M") == 1 for kinds in sentence_kinds) > 3000


# The shapes a rule may link a setting to a value in (prose._LINKABLE), as first written: from every
# setting, with repeats that backtrack (time quadratic in a long sentence of settings or default words).
_PLAIN_LINKABLE = re.compile(r"M[^M]*D[^M]*V|M[M&]*[CEDB]*[CRE]V|M[^M]*VD")


def test_the_linkable_shapes_are_those_written_plainly_on_every_short_sentence() -> None:
    """Every string of up to six kinds (settings, "and", copulas, default words, blockers, values...)."""
    for length in range(7):
        for kinds in map("".join, itertools.product("M&CEDBRVX(", repeat=length)):
            assert (_LINKABLE.search(kinds) is None) == (_PLAIN_LINKABLE.search(kinds) is None), kinds


@pytest.mark.parametrize("lang", ["en", "ar", "zh", None])
def test_inline_code_read_once_gives_the_tokens_of_a_first_reading(lang: str | None) -> None:
    lex = replace(our_lexicon(lang), code_tokens={})  # its own, empty memo
    texts = [*real_prose(), *_random_prose(lex, 2000, 21), *_valueish_prose(lex, 3000, 22)]
    # Read first by a lexicon that has read no code before: what the reading alone gives.
    first = [tokenize(text, replace(lex, code_tokens={})) for text in texts]
    assert sum("`" in text for text in texts) > 1000
    for text, expected in zip(texts, first, strict=True):
        found = tokenize(text, lex)
        assert found == expected
        for token in found:  # the readers move and change tokens: the next reading is not touched
            token.start, token.end, token.value = -1, -1, None
    assert [tokenize(text, lex) for text in texts] == first
    # A code read before, met at another place: its tokens are there (a space before a text moves
    # its tokens and changes none).
    moved = [[replace(t, start=t.start + 2, end=t.end + 2) for t in found] for found in first]
    assert [tokenize("  " + text, lex) for text in texts] == moved
    assert 300 < len(lex.code_tokens) < sum(text.count("`") for text in texts) // 2  # codes repeat


def test_marks_and_word_units_read_as_the_plain_patterns_do() -> None:
    # An ASCII text is answered without a search: it holds no Arabic mark and no CJK character.
    lex = our_lexicon(None)
    marks = re.compile(f"[{ARABIC_MARKS}]+")
    cjk, wordish = (
        re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]"),
        word_patterns.WORDISH,
    )
    rng = random.Random(23)
    pieces = ["a", "word", " ", "é", "\u064e", "\u0640", "مهلة", "秒", "两分钟", "5", "_", "\n", "の", "x\u0651y"]
    # Characters on either side of the marks' UTF-8 lead byte (U+0640-U+067F), and a lone surrogate.
    pieces += ["\u063f", "\u067f", "\u0680", "\u0670", "\ud800", "\U0001f600"]
    texts = [*real_prose(), *("".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(3000))]
    assert sum(text.isascii() for text in texts) > 100 and sum(bool(marks.search(t)) for t in texts) > 1000
    for text in texts:
        kept = [i for i, char in enumerate(text) if not marks.fullmatch(char)]
        stripped, where = strip_marks(text)
        assert stripped == marks.sub("", text) and (where is None) == (len(kept) == len(text))
        assert where is None or [where[i] for i in range(len(stripped))] == kept  # each character's place
        units = len(wordish.findall(text)) + len(cjk.findall(text)) / 2
        assert lex.units_between(text) == units and type(lex.units_between(text)) is float


def _every_rule_asked(sentence: _Sentence, carried: str | None, anywhere: bool, strict: bool) -> list[Statement]:
    """_Sentence.statements asking every rule of every setting, and rule 4 of every sentence (as before
    the kinds between a setting and the next told which rules may link it)."""
    found: list[Statement] = []
    used: set[int] = set()
    items = sentence.items
    settings = [i for i, item in enumerate(items) if isinstance(item, Group) and item.kind == "M"]
    previous: int | None = None
    for n, m in enumerate(settings):
        stop = settings[n + 1] if n + 1 < len(settings) else len(items)
        named = items[m]
        assert isinstance(named, Group)
        first = named.members[0].setting or ""
        linked: int | None = None
        for rule in (sentence.rule_default_between, sentence.rule_copula, sentence.rule_default_after):
            linked = rule(m, stop, first)
            if linked is not None:
                break
        if linked is None and previous is not None:
            linked = sentence.gapped(previous, m, stop, first)
        if linked is not None:
            used.add(linked)
            values = items[linked]
            assert isinstance(values, Group)
            found += sentence.pair(named.members, values)
        previous = linked
    found += sentence.value_then_setting(used)
    if not settings and carried:
        found += sentence.carried(carried, anywhere, strict)
    return found


def _rule_prose(lex: Lexicon, count: int, seed: int) -> list[str]:
    """Sentences shaped for each rule: a default word between, copulas, a default word after the value,
    gapping, the value then the setting in parentheses, and the same with the words of other rules."""
    rng = random.Random(seed)
    names = [f"`{name}`" for name in [*lex.targets.env_names, *lex.targets.key_names]] + ["{{ timeout.env }}"]
    values = ["8", "5 seconds", "2.5", "600 s", "true", "`gpt-4o`", "两分钟", "1 回", "{{ timeout.default }}"]
    shapes = [
        "{n} defaults to {v}", "{n} is {v}", "{n} is {v} by default", "{n} vaut {v} par défaut", "{n} = {v}",
        "{n} (default: {v})", "{n}: {v}", "{n} defaults to {v}, {n} to {v}", "{n} and {n} are {v} and {v} respectively",
        "waits {v} by default ({n})", "{v} ({n})", "{n}, which every call uses, is {v}", "不设置 {n} 时为 {v}",
        "{n} is {v} if set", "unlike litellm, {n} is {v}", "{n} {v}", "{n}", "{v} by default", "Default: {v}",
        "{n} is set to {v}", "{n} 的默认值为 {v}", "{n} は {v} です", "{n}, {v} by default", "{n} to {v}",
    ]  # fmt: skip
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 4)):
            shape = rng.choice(shapes)
            while "{n}" in shape or "{v}" in shape:
                shape = shape.replace("{n}", rng.choice(names), 1).replace("{v}", rng.choice(values), 1)
            parts.append(shape + rng.choice([". ", ", ", " ", "; ", "。", " and "]))
        texts.append("".join(parts))
    return texts


@pytest.mark.parametrize("lang", ["en", "zh", None])
def test_rules_asked_by_the_kinds_between_link_what_every_rule_asked_links(lang: str | None) -> None:
    lex = our_lexicon(lang)
    texts = [*real_prose(), *_random_prose(lex, 1500, 23), *_valueish_prose(lex, 1500, 24), *_rule_prose(lex, 3000, 25)]
    contexts = [Context(), Context(says_default=True)]
    compared = stated = skipping = 0
    for text in texts:
        text = strip_marks(text)[0]
        for start, tokens in sentences(tokenize(text, lex)):
            for context in contexts:
                sentence = _Sentence(start, tokens, _kinds(tokens), text, lex, context)
                skipping += "(M)" not in sentence.kinds or any(
                    not ({"V", "D", "C"} <= set(between) and "VD" in between)
                    for between in sentence.kinds.split("M")[1:]
                )
                for carried, strict in [(None, False), ("timeout", False), ("num_retries", True)]:
                    found = sentence.statements(carried, False, strict)
                    assert found == _every_rule_asked(sentence, carried, False, strict), text
                    compared += 1
                    stated += bool(found)
    assert stated > 2000 and compared > 3 * stated  # sentences that state values, and more that do not
    assert skipping > 10_000  # and most leave some rule unasked


class _ItemsWalked(_Sentence):
    """The rules that walk a sentence's items as they were: each item asked what it is (``_is``,
    ``_is_group``), where the rules now read its one-character kind."""

    def value_after_default(
        self, k: int, stop: int, setting: str, in_paren: bool, reach: int = DEFAULT_REACH
    ) -> int | None:
        for j in range(k + 1, stop):
            item = self.items[j]
            if _is(item, "F") or (in_paren and _is(item, ")")):
                return None
            if _is_group(item, "V") and _fits(setting, item, self.lex):
                gap = self.run_gap(k, j, skip_glue=True)
                if self.condition_after(j):
                    return None
                return j if gap <= reach or (reach == DEFAULT_REACH and self.long_reach(k, j, gap)) else None
        return None

    def rule_default_between(self, m: int, stop: int, setting: str) -> int | None:
        paren: int | None = None
        interrupted = foreign = False
        for k in range(m + 1, stop):
            item = self.items[k]
            if _is(item, "("):
                paren = k
            elif _is(item, ")"):
                paren = None
            elif paren is None and (_is(item, ("F", "B")) or (_is_group(item, "V") and _fits(setting, item, self.lex))):
                interrupted = True
                foreign = foreign or _is(item, "F")
            elif _is(item, "D"):
                in_paren = self.opens_with_default(paren, k)
                if foreign or (interrupted and not in_paren):
                    return None
                found = self.value_after_default(k, stop, setting, in_paren)
                if found is not None:
                    return found
        return None

    def carried(self, setting: str, anywhere: bool, strict: bool = False) -> list[Statement]:
        paren: int | None = None
        interrupted = foreign = False
        for k, item in enumerate(self.items):
            if _is_group(item, "M"):
                return []
            if _is(item, "("):
                paren = k
            elif _is(item, ")"):
                paren = None
            elif _is(item, ("F", "B")) and paren is None:
                interrupted = True
                foreign = foreign or _is(item, "F")
            elif _is(item, "D"):
                in_paren = self.opens_with_default(paren, k)
                lead = self.lex.units_between(self.text[self.start : item.start])
                limit = STRUCTURE_LEAD if strict else CARRY_REACH
                if foreign or (not in_paren and (interrupted or ((strict or not anywhere) and lead > limit))):
                    return []
                v = self.value_after_default(
                    k, len(self.items), setting, in_paren, STRUCTURE_REACH if strict else DEFAULT_REACH
                )
                if v is None:
                    return []
                values = self.items[v]
                assert isinstance(values, Group)
                token = values.members[0]
                return [Statement(setting, token.value, token.start)] if token.value else []
        return []


@pytest.mark.parametrize("lang", ["en", "zh", None])
def test_rules_reading_kinds_link_what_rules_walking_items_link(lang: str | None) -> None:
    lex = our_lexicon(lang)
    texts = [*real_prose(), *_random_prose(lex, 1500, 27), *_valueish_prose(lex, 1500, 28), *_rule_prose(lex, 3000, 29)]
    # Parentheses, other owners and conditions around the default word, which the walks keep track of.
    texts += [
        text.replace(", ", " (unlike litellm, ").replace(" by default", " if set) by default") for text in texts[-2000:]
    ]
    texts += [text.replace("defaults to", "defaults (see below) to") for text in texts[-2000:]]
    stated = carried = 0
    for text in texts:
        text = strip_marks(text)[0]
        for start, tokens in sentences(tokenize(text, lex)):
            for context in [Context(), Context(says_default=True)]:
                sentence = _Sentence(start, tokens, _kinds(tokens), text, lex, context)
                walked = _ItemsWalked(start, tokens, _kinds(tokens), text, lex, context)
                for subject, anywhere, strict in [
                    (None, False, False),
                    ("timeout", False, False),
                    ("timeout", True, False),
                ]:
                    found = sentence.statements(subject, anywhere, strict)
                    assert found == walked.statements(subject, anywhere, strict), text
                    stated += bool(found)
                    carried += bool(found) and "M" not in sentence.kinds
                found = sentence.statements("num_retries", False, True)
                assert found == walked.statements("num_retries", False, True), text
    assert stated > 2000 and carried > 500  # rules 1 to 4, and rule 5's carried subject, link values
