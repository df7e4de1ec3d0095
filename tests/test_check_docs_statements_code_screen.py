"""A code block is read line by line only when its text, lower-cased, holds a setting's name lower-cased,
and a block that sets no setting states nothing at once; both give what reading every block gives.

The screen used to search each line for the names under ``IGNORECASE`` (``lex.names``, still the screen
when a name is not ASCII). Compared here with every block read (the screen off) on our docs, the
fixtures, the real corpus's code blocks with each snapshot's own settings when it is beside the clone,
and random blocks naming settings in any case, with the letters ``re`` and ``str.lower`` fold with
ASCII ones (the Kelvin sign, ſ, İ, ı).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

from tests.support.code_blocks import CODE_LINE_SHAPES
from tests.support.docs_tree import our_lexicon
from tests.test_check_docs_statements_read_once import CORPUS
from transdocs.languages.words import OURS
from transdocs.pages.document import Code
from transdocs.pages.markdown import read_markdown
from transdocs.settings.reader import Setting, load_settings
from transdocs.statements import codeblocks
from transdocs.statements.codeblocks import READ_LANGUAGES, code_statements, setting_lines
from transdocs.statements.lexicon import Lexicon, lexicon
from transdocs.statements.targets import Targets
from transdocs.statements.values import Value

ROOT = Path(__file__).parent.parent
_FOLDED = {"k": "\u212a", "s": "\u017f", "i": "\u0130"}  # what re (and for K, str.lower) folds with ASCII


def _blocks(paths: list[Path]) -> list[Code]:
    found = []
    for page in sorted(paths):
        blocks = read_markdown(page.read_text(encoding="utf-8", errors="replace")).blocks
        found += [block for block in blocks if isinstance(block, Code)]
    return found


@cache
def _our_codes() -> list[Code]:
    return _blocks([*(ROOT / "docs").rglob("*.md"), *(ROOT / "tests" / "fixtures").rglob("*.md")])


@cache
def _snapshots() -> list[tuple[Lexicon, list[Code]]]:
    found = []
    for settings in sorted(CORPUS.glob("*/*/settings.json")) if CORPUS is not None else []:
        targets = Targets(load_settings(str(settings), base=settings.parent))
        codes = _blocks([*settings.parent.rglob("*.md"), *settings.parent.rglob("*.mdx")])
        found.append((lexicon("en", targets, OURS), codes))
    return found


def _spelled(name: str, rng: random.Random) -> str:
    """``name`` in any case, some letters as those re or str.lower fold with them."""
    letters = []
    for char in name:
        kind = rng.random()
        if kind < 0.05 and char.lower() in _FOLDED:
            letters.append(_FOLDED[char.lower()] if char.lower() != "i" else rng.choice("\u0130\u0131"))
        else:
            letters.append(char.upper() if kind < 0.4 else char.lower())
    return "".join(letters)


def _random_codes(lex: Lexicon, count: int, seed: int) -> list[Code]:
    """Blocks of every language read, their lines setting settings (and other names) in every form read."""
    rng = random.Random(seed)
    names = [*lex.targets.env_names, *lex.targets.key_names, "unrelated_key", "PATH", "K"]
    values = ["5", "60", "8", "true", '"gpt-4o"', "2.5", "[1, 2]", ""]
    intros = ["", "The defaults:", "To change them:", "Par défaut :"]
    langs = sorted(READ_LANGUAGES)
    codes = []
    for _ in range(count):
        lines = []
        for number in range(rng.randint(1, 6)):
            name = _spelled(rng.choice(names), rng)
            lines.append((number + 1, rng.choice(CODE_LINE_SHAPES).format(name=name, value=rng.choice(values))))
        codes.append(Code(rng.choice(langs), 1, lines, rng.choice(intros)))
    return codes


def _every_block_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(codeblocks, "_may_set", lambda code, lex: True)


def _plain_code_statements(
    code: Code, lex: Lexicon, stated: dict[str, list[Value]], english: frozenset[str]
) -> list[tuple[int, str, Value]]:
    """``code_statements`` weighing a block's lines even when it sets no setting (as it was)."""
    lines = setting_lines(code, lex)
    if english and english == {line.setting for line in lines}:
        return [(line.line, line.setting, line.value) for line in lines]
    restated: set[str] = set()
    if stated:
        agree = {
            line.setting
            for line in lines
            if any(codeblocks.same_value(line.value, v) for v in stated.get(line.setting, []))
        }
        differ = {line.setting for line in lines if line.setting in stated} - agree
        if not differ and (len(agree) >= 2 or (agree and any(line.by_comment for line in lines))):
            restated = agree
    return [(line.line, line.setting, line.value) for line in lines if line.marked or line.setting in restated]


def _folded_lexicon(lang: str) -> Lexicon:
    """Settings whose names hold "k", "s" and "i": the Kelvin sign lower-cases to "k"; ſ, İ and ı do not
    lower-case to ASCII, but ``re`` folds them."""
    settings = [
        Setting("chunk_size", "APP_CHUNK_SIZE", "chunk_size", 512, "number"),
        Setting("keep_alive", "APP_KEEP_ALIVE", "keep_alive", 30, "number", unit="seconds"),
    ]
    return lexicon(lang, Targets(settings), OURS)


def _cases(lang: str) -> list[tuple[Lexicon, list[Code]]]:
    lex, folded = our_lexicon(lang), _folded_lexicon(lang)
    return [
        (lex, [*_our_codes(), *_random_codes(lex, 3000, 21)]),
        (folded, _random_codes(folded, 3000, 25)),
        *_snapshots(),
    ]


def _lines(cases: list[tuple[Lexicon, list[Code]]]) -> list[list[codeblocks.SettingLine]]:
    return [setting_lines(code, lex) for lex, codes in cases for code in codes]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_screened_blocks_give_the_lines_every_block_read_gives(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    cases = _cases(lang)
    screened = _lines(cases)
    with monkeypatch.context() as patched:
        _every_block_read(patched)
        assert screened == _lines(cases)
    assert sum(map(bool, screened)) > 500  # the random blocks do set settings, in every case and fold
    skipped = [c for lex, codes in cases for c in codes if c.lang in READ_LANGUAGES and not codeblocks._may_set(c, lex)]
    assert len(skipped) > 100  # and the screen does skip blocks


def test_names_not_ascii_are_screened_under_ignorecase(monkeypatch: pytest.MonkeyPatch) -> None:
    """A name ``str.lower`` may not lower as ``re`` folds it (not ASCII): the screen is ``lex.names``."""
    settings = [Setting("größe", "APP_GRÖSSE", "größe", 5, "number"), Setting("wait", "APP_WAIT", "wait", 8, "number")]
    lex = lexicon("en", Targets(settings), OURS)
    assert codeblocks._lowered_names(lex.targets) is None
    codes = _random_codes(lex, 1500, 22)
    screened = [setting_lines(code, lex) for code in codes]
    _every_block_read(monkeypatch)
    assert screened == [setting_lines(code, lex) for code in codes]
    assert sum(map(bool, screened)) > 100


def _stated_alike(read: Callable[..., list[tuple[int, str, Value]]]) -> int:
    """Compare ``read`` (``code_statements``) with the plain form on our blocks and random ones, with
    values the page states and English evidence drawn at random; how many statements both found."""
    lex = our_lexicon("en")
    rng = random.Random(23)
    shown = [frozenset(), frozenset({"num_retries"}), frozenset({"timeout", "num_retries"})]
    values = [Value("number", "5", 5.0), Value("number", "60", 60.0), Value("number", "8", 8.0)]
    count = 0
    for code in [*_our_codes(), *_random_codes(lex, 3000, 23)]:
        stated = {name: rng.sample(values, rng.randint(1, 2)) for name in rng.sample(["num_retries", "timeout"], 2)}
        english = rng.choice(shown)
        found = read(code, lex, stated, english)
        assert found == _plain_code_statements(code, lex, stated, english)
        count += len(found)
    return count


def test_a_block_setting_nothing_states_what_weighing_its_lines_states() -> None:
    assert _stated_alike(code_statements) > 200


def test_comparisons_here_fail_when_a_block_stating_values_states_nothing() -> None:
    def one_line_skipped(code: Code, lex: Lexicon, *args: object) -> list[tuple[int, str, Value]]:
        return [] if len(setting_lines(code, lex)) < 2 else code_statements(code, lex, *args)  # type: ignore[arg-type]

    with pytest.raises(AssertionError):
        _stated_alike(one_line_skipped)


def _broken_screens() -> list[Callable[[Code, Lexicon], bool]]:
    def ascii_lowered(code: Code, lex: Lexicon) -> bool:  # the Kelvin sign left as it is
        lowered = codeblocks._lowered_names(lex.targets)
        assert lowered is not None
        return any(lowered.search(line.encode().lower().decode()) for _, line in code.lines)

    def text_as_written(code: Code, lex: Lexicon) -> bool:  # the names lower-cased, the text not
        lowered = codeblocks._lowered_names(lex.targets)
        assert lowered is not None
        return any(lowered.search(line) for _, line in code.lines)

    def first_line_only(code: Code, lex: Lexicon) -> bool:
        lowered = codeblocks._lowered_names(lex.targets)
        assert lowered is not None
        return bool(code.lines) and lowered.search(code.lines[0][1].lower()) is not None

    return [ascii_lowered, text_as_written, first_line_only]


def test_comparisons_here_fail_with_a_screen_that_skips_a_block_it_must_read(monkeypatch: pytest.MonkeyPatch) -> None:
    lex = _folded_lexicon("en")
    codes = _random_codes(lex, 3000, 24)
    plain = [setting_lines(code, lex) for code in codes]
    for broken in _broken_screens():
        monkeypatch.setattr(codeblocks, "_may_set", broken)
        assert [setting_lines(code, lex) for code in codes] != plain, broken.__name__
