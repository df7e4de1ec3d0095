"""Value drift's number pattern, written to open with its first digit, finds what the plain one finds.

The plain pattern opens with a look-behind, so ``re`` tried a match at every position of a text; the one the
package uses opens with ``\\d`` and looks behind past that digit. Both are compared on every page of our docs,
the fixtures, the shared real-docs corpus when it is beside the clone, and random texts made of the
characters either may stop at.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from transdocs.translations.value_drift import _NUMBER

REPO = Path(__file__).resolve().parent.parent
PLAIN = re.compile(r"(?<![A-Za-z_\d.\-/\\])\d+(?:[.,٫]\d+)?(?![.,٫]?\d)(?!\.\d)")


def _pages() -> list[str]:
    roots = [REPO / "docs", REPO / "tests" / "fixtures"]
    roots += [base / "shared" / "corpora" / "real" for base in (REPO.parent, REPO.parent.parent)]
    texts = []
    for root in roots:
        if root.is_dir():
            texts += [page.read_text(encoding="utf-8", errors="replace") for page in sorted(root.rglob("*.md*"))]
    return texts


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], str]]:
    return [(match.span(), match.group(0)) for match in pattern.finditer(text)]


def test_numbers_of_our_pages_fixtures_and_real_pages_are_the_plain_patterns() -> None:
    pages = _pages()
    assert len(pages) > 100
    for text in pages:
        assert _spans(_NUMBER, text) == _spans(PLAIN, text)


def test_numbers_of_random_texts_are_the_plain_patterns() -> None:
    rng = random.Random(18)
    # Digits of three scripts, every character the look-arounds name, letters, spaces and line ends.
    alphabet = "0123456789٣３.,٫-/\\_aZé x\n"
    for _ in range(30_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert _spans(_NUMBER, text) == _spans(PLAIN, text), text
