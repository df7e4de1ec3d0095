"""Value drift's setting-name pattern, written without IGNORECASE, finds what the plain pattern finds."""

from __future__ import annotations

import random
import re
from functools import cache
from pathlib import Path

import pytest

from tests.support.docs_tree import our_targets, real_prose
from transdocs.pages.document import Prose, Table
from transdocs.pages.markdown import read_markdown
from transdocs.settings.reader import Setting, load_settings
from transdocs.statements.targets import Targets
from transdocs.translations import value_drift

REPO = Path(__file__).resolve().parent.parent
CORPUS = next(
    (base / "shared" / "corpora" / "real" for base in (REPO.parent, REPO.parent.parent) if (base / "shared").is_dir()),
    None,
)


def _plain(targets: Targets) -> re.Pattern[str]:
    """The name pattern as it was: the names longest first, in one alternation, under IGNORECASE."""
    names = sorted({*targets.env_names, *targets.key_names}, key=len, reverse=True)
    alternation = "|".join(re.escape(name) for name in names)
    return re.compile(rf"(?<![\w.])(?:{alternation})(?![\w])|{value_drift._PLACEHOLDER_NAME.pattern}", re.IGNORECASE)


def _matches(pattern: re.Pattern[str], texts: list[str]) -> list[list[tuple[object, ...]]]:
    return [[(m.span(), m.groups()) for m in pattern.finditer(text)] for text in texts]


def test_the_folds_are_every_character_ignorecase_matches_with_an_ascii_letter() -> None:
    found: dict[str, str] = {}
    letter = re.compile("[a-z]", re.IGNORECASE)
    for code in range(0x80, 0x110000):
        char = chr(code)
        if not 0xD800 <= code <= 0xDFFF and letter.fullmatch(char):
            for ascii_letter in "abcdefghijklmnopqrstuvwxyz":
                if re.fullmatch(ascii_letter, char, re.IGNORECASE):
                    found[ascii_letter] = found.get(ascii_letter, "") + char
    assert found == value_drift._FOLDS


@cache
def _real_trees() -> list[tuple[Targets, list[str]]]:
    """Each real tree that has settings: its targets, and its blocks' texts as value drift reads them."""
    trees = []
    for settings in sorted(CORPUS.glob("*/*/settings.json")) if CORPUS is not None else ():
        texts: list[str] = []
        for page in sorted(settings.parent.rglob("*.md*")):
            doc = read_markdown(page.read_text(encoding="utf-8", errors="replace"), page.suffix == ".mdx")
            for block in doc.blocks:
                if isinstance(block, Prose):
                    texts.append(block.text)
                elif isinstance(block, Table):
                    texts += [" | ".join(cells) for _, cells in block.rows]
        trees.append((Targets(load_settings(str(settings))), texts))
    return trees


_NAMES = ["retry", "retry.max", "retry-max-wait", "RETRY_MAX", "max", "Max_Wait", "max_wait_s", "LLM_TIMEOUT", "_x"]
_NAMES += ["kiss", "Skin", "1st"]


def _random_texts(names: list[str], count: int) -> list[str]:
    rng = random.Random(13)
    pieces = [*names, *(name.upper() for name in names), *(name.swapcase() for name in names)]
    pieces += ["RETRY.MAX", "retry.maxi", "Retry-Max", ".retry", "x_retry", " ", ".", "-", "_", "é", "\n"]
    pieces += ["{{ retry.env }}", "{{ RETRY.ENV }}", "{{retry.Key}}", "{{ ſkin.default }}", "{{ \u212aiss.env }}", "{{"]
    pieces += ["\u0130", "\u0131", "\u017f", "\u212a", "K", "k", "s", "S", "i", "I", "İ", "ß", "ﬅ"]
    pieces += ["\u212aiss", "\u017fkin", "k\u0130ss", "RETRY_MAX", "max_wait_\u017f", "LLM_TIMEOUT", "llm_t\u0131meout"]
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(count)]


def test_value_drift_names_match_as_the_plain_pattern_under_ignorecase() -> None:
    targets = Targets([Setting(name, name if name.isupper() else None, name, 1, "number") for name in _NAMES])
    fast = value_drift._names(targets)
    assert fast is not None and not fast.flags & re.IGNORECASE
    texts = [*real_prose(), *_random_texts(_NAMES, 30_000)]
    assert _matches(fast, texts) == _matches(_plain(targets), texts)
    ours = value_drift._names(our_targets())
    assert ours is not None
    assert _matches(ours, texts) == _matches(_plain(our_targets()), texts)


def test_value_drift_names_match_as_the_plain_pattern_on_the_real_trees() -> None:
    if CORPUS is None:
        pytest.skip("the shared real-docs corpus is not beside this clone")
    matched = 0
    for targets, texts in _real_trees():
        fast = value_drift._names(targets)
        assert fast is not None
        found = _matches(fast, texts)
        assert found == _matches(_plain(targets), texts)
        matched += sum(map(len, found))
    assert matched > 1_000


def test_names_that_are_not_ascii_keep_the_pattern_under_ignorecase() -> None:
    names = ["größe", "Größe_max", "délai", "retry"]
    targets = Targets([Setting(name, None, name, 1, "number") for name in names])
    pattern = value_drift._names(targets)
    assert pattern is not None and pattern.flags & re.IGNORECASE
    texts = _random_texts([*names, "GRÖSSE", "DÉLAI"], 3_000)
    assert _matches(pattern, texts) == _matches(_plain(targets), texts)
