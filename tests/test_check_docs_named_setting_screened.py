"""A heading or parent item is tokenized for the setting it names only when the lexicon's setting screen
(``may_hold_setting``) says it may hold one, and names the same setting as when every text is tokenized.

The plain reader is kept here (``_plain_named_setting``: the text always tokenized, no memo). Compared with
the screened one on the headings, parent items and terms of our docs, the fixtures and the real corpus's
pages (with our settings and with each snapshot's own, whose keys are ordinary words), and random texts.
"""

from __future__ import annotations

import dataclasses
import random
from functools import cache
from pathlib import Path

import pytest

from tests.support.docs_tree import our_lexicon
from tests.support.real_corpus import CORPUS
from transdocs.languages.words import OURS
from transdocs.pages.document import Prose, Table
from transdocs.pages.markdown import read_markdown
from transdocs.settings.reader import load_settings
from transdocs.statements import subject
from transdocs.statements.lexicon import Lexicon, lexicon
from transdocs.statements.subject import named_setting
from transdocs.statements.targets import Targets
from transdocs.statements.tokens import tokenize
from transdocs.statements.word_patterns import strip_marks

ROOT = Path(__file__).parent.parent


def _plain_named_setting(text: str, lex: Lexicon) -> str | None:
    """``subject.named_setting`` with the text always tokenized (as it was), without the memo."""
    if not text:
        return None
    named = {t.setting for t in tokenize(strip_marks(text)[0], lex) if t.kind == "M" and t.setting}
    if len(named) == 1:
        return named.pop()
    if not named:
        bare = subject._DECORATION.sub("", text)
        target = lex.targets.lookup(bare)
        if target is not None and bare in (target.info.key, target.info.env):
            return target.info.name
    return None


def _texts(paths: list[Path]) -> list[str]:
    """Every section heading, parent item and term of the pages: what named_setting is asked."""
    found: set[str] = set()
    for path in sorted(paths):
        doc = read_markdown(path.read_text(encoding="utf-8", errors="replace"))
        for block in doc.blocks:
            if isinstance(block, (Prose, Table)):
                found.add(block.section)
            if isinstance(block, Prose):
                found.add(block.parent)
    return sorted(found)


@cache
def _page_texts() -> list[str]:
    paths = [*(ROOT / "docs").rglob("*.md"), *(ROOT / "tests" / "fixtures").rglob("*.md")]
    if CORPUS is not None and CORPUS.is_dir():
        paths += [*CORPUS.rglob("*.md"), *CORPUS.rglob("*.mdx")]
    return _texts(paths)


def _random_texts(lex: Lexicon, count: int, seed: int) -> list[str]:
    """Headings and items naming settings every way: bare, in code, as placeholders, in any case, with
    Arabic marks, decorations and other words."""
    rng = random.Random(seed)
    targets = lex.targets
    names = [*targets.env_names, *targets.key_names, "LLM_API_KEY", "other_key", "timeout", "Timeout", "model"]
    settings = [*targets.by_setting, "api_key", "unknown"]
    pieces = ["### ", "- ", "**", "`", " {#x}", " (int)", ":", "：", " and ", "الإعداد", "\u064e", "ـ", "默认值", " "]

    def name() -> str:
        kind = rng.random()
        if kind < 0.4:
            return rng.choice(names)
        if kind < 0.6:
            return f"`{rng.choice(names)}`"
        if kind < 0.7:
            return rng.choice(names).lower() if rng.random() < 0.5 else rng.choice(names).upper()
        if kind < 0.9:
            return f"{{{{ {rng.choice(settings)}.{rng.choice(['env', 'key', 'default', 'x'])} }}}}"
        return f"` {rng.choice(names)} `"

    return [
        "".join(rng.choice([name, lambda: rng.choice(pieces)])() for _ in range(rng.randint(1, 6)))
        for _ in range(count)
    ]


def _compare(lex: Lexicon, texts: list[str]) -> int:
    # A copy with a memo of its own: every text is asked anew, and the lexicon other tests share (cached by
    # lexicon()) keeps no answer given under a broken screen.
    lex = dataclasses.replace(lex, named={})
    screened = [named_setting(text, lex) for text in texts]
    plain = [_plain_named_setting(text, lex) for text in texts]
    assert screened == plain
    return sum(found is not None for found in plain)


@pytest.mark.parametrize("lang", ["en", "ar", "zh", None])
def test_screened_named_setting_names_what_the_tokens_name(lang: str | None) -> None:
    lex = our_lexicon(lang)
    assert _compare(lex, [*_page_texts(), *_random_texts(lex, 3000, 23)]) > 500


def test_screened_named_setting_on_real_snapshots_with_their_settings() -> None:
    settings_files = sorted(CORPUS.glob("*/*/settings.json")) if CORPUS is not None else []
    if not settings_files:
        pytest.skip("the real corpus is not beside the clone")
    named = 0
    for settings in settings_files:
        targets = Targets(load_settings(str(settings), base=settings.parent))
        texts = _texts([*settings.parent.rglob("*.md"), *settings.parent.rglob("*.mdx")])
        for lang in ("en", "zh"):
            named += _compare(lexicon(lang, targets, OURS), texts)
    assert named > 0


@pytest.mark.parametrize(
    "screen",
    [
        lambda self, text: False,  # no text may name one
        lambda self, text: "_" in text,  # only names holding "_" (not `timeout`, {{ x.env }})
        lambda self, text: "`" not in text,  # nothing in code
    ],
)
def test_plain_reader_here_is_the_one_compared(monkeypatch: pytest.MonkeyPatch, screen: object) -> None:
    """The comparison fails when the screen turns down a text that names a setting."""
    lex = our_lexicon("en")
    texts = [*_page_texts(), *_random_texts(lex, 500, 24)]
    monkeypatch.setattr(Lexicon, "may_hold_setting", screen)
    with pytest.raises(AssertionError):
        _compare(lex, texts)
