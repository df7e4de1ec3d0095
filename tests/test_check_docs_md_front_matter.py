"""A page's front matter is found a line at a time: where it ends must be where the plain pattern (a lazy
``.*?`` over the whole page, kept here) ends it, on our docs, the fixtures, the real corpus and random texts
built of the pieces that open, close and break it."""

from __future__ import annotations

import random
import re

from tests.support.real_corpus import page_texts
from transdocs.pages.front_matter import front_matter_span

# The pattern the reader used before: up to the first line that is "---" or "..." after the opening one.
_PLAIN = re.compile(r"\A---[ \t]*\r?\n(?:.*?\r?\n)??(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)


def _plain_span(text: str) -> int:
    match = _PLAIN.match(text)
    return match.end() if match else 0


def _texts() -> list[str]:
    pieces = ["---", "...", "----", "--- x", "-", ".", " ", "\t", "\r", "\n", "\r\n", "a", "key: v", "\x0b", "\x85"]
    rng = random.Random(15)
    texts = []
    for _ in range(30_000):
        body = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 16)))
        texts += [body, "---" + body, "---\n" + body]
    return texts


def test_front_matter_ends_where_the_plain_pattern_ends_it() -> None:
    texts = [*page_texts(), *_texts()]
    assert sum(1 for text in texts if _plain_span(text)) > 1000  # (front matter found, not only none)
    for text in texts:
        assert front_matter_span(text) == _plain_span(text), text[:200]
