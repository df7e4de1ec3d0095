"""Code in a link's text is blanked before a prose block is read (``page._references_masked``); a text where no
"[" is followed by a backtick before the next bracket or line end is returned as it is, without the
substitution and its call back for every link.

The plain form (every text with "](" goes through the substitution) is kept here and compared with the
production one on our docs and the fixtures, the real corpus's prose blocks (with each snapshot's settings)
when it is beside the clone, and random texts of brackets, parentheses, backticks, line ends and names.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator, Sequence

import pytest

from tests.support.docs_tree import our_targets, real_prose
from tests.support.real_corpus import snapshots_with_settings
from transdocs.pages.document import Prose
from transdocs.statements import page as page_module
from transdocs.statements.targets import Targets


def _plain_masked(text: str, targets: Targets) -> str:
    """``_references_masked`` before the screen: every link found, and its text's code blanked."""

    def blank(code: re.Match[str]) -> str:
        return code.group(0) if targets.lookup(code.group(0)[1:-1]) else " " * len(code.group(0))

    def link(found: re.Match[str]) -> str:
        inner = page_module._CODE.sub(blank, found.group(1))
        return found.group(0)[:1] + inner + found.group(0)[1 + len(inner) :]

    return page_module._LINK_TEXT.sub(link, text) if "](" in text else text


_PIECES = ["[", "]", "(", ")", "](", "`", "``", "\n", " ", "a", "x[", "http://x", "`num_retries`", "`tip`", "timeout"]
_PIECES += ["[`tip` ", "[a `", "](x)", "`](x)"]  # link-shaped, so that many texts have links


def _random_texts(count: int, seed: int) -> list[str]:
    """Texts of link-like pieces: links with code in their text or their address, brackets in addresses,
    unclosed code, line ends inside links ("[a](x[)`c`](y)" and the like)."""
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 30))) for _ in range(count)]


def _real_texts() -> Iterator[tuple[Targets, Sequence[str]]]:
    yield our_targets(), real_prose()
    for targets, docs in snapshots_with_settings():
        yield targets, [block.text for doc in docs for block in doc.blocks if isinstance(block, Prose)]


def _compare(texts: Sequence[str], targets: Targets) -> int:
    """How many texts the mask changes; fails where the production form differs from the plain one."""
    plain = [_plain_masked(text, targets) for text in texts]
    assert [page_module._references_masked(text, targets) for text in texts] == plain
    return sum(text != masked for text, masked in zip(texts, plain, strict=True))


def test_screened_mask_blanks_what_the_plain_mask_blanks_on_real_pages() -> None:
    changed = sum(_compare(texts, targets) for targets, texts in _real_texts())
    assert changed > 5  # the comparison reaches texts the mask changes


def test_screened_mask_blanks_what_the_plain_mask_blanks_on_random_texts() -> None:
    texts = [*_random_texts(20_000, 18), "[a](x[)`c`](y)", "[`a`](x[)`c`](y)", "[a\n`b`](c)", "[`tip`](x)"]
    assert _compare(texts, our_targets()) > 1000


@pytest.mark.parametrize(
    "screen",
    [
        r"\[`",  # only code right after the "["
        r"\[[^\[\]\n]*`[^`\n]*`\]\(",  # only code right before the "]("
        r"\[[^\[\]\n ]*`",  # the text's first word only
        r"\[[^\[\]\n]*``",  # only doubled backticks
    ],
)
def test_comparisons_here_fail_when_the_screen_misses_a_link(monkeypatch: pytest.MonkeyPatch, screen: str) -> None:
    monkeypatch.setattr(page_module, "_CODE_IN_LINK", re.compile(screen))
    texts = [*_random_texts(20_000, 18), *real_prose()]
    with pytest.raises(AssertionError):
        _compare(texts, our_targets())
