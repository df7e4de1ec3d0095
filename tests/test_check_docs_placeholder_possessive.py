"""The placeholder pattern of the Markdown reader, whose repeats are possessive, finds what the plain one
finds: on every page at hand, on random texts of its own characters, and in time linear in a long run."""

from __future__ import annotations

import random
import re
import time

from tests.support.real_corpus import page_texts
from transdocs.pages.line_search import within_lines
from transdocs.pages.markdown import NAMED_PLACEHOLDER, _placeholders

# The pattern before its repeats were made possessive.
PLAIN = within_lines(re.compile(r"\{\{\s*([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)?)\s*\}\}"))


def _same(text: str) -> None:
    assert NAMED_PLACEHOLDER.findall(text) == PLAIN.findall(text), text
    assert NAMED_PLACEHOLDER.split(text) == PLAIN.split(text), text


def test_real_pages() -> None:
    texts = page_texts()
    assert texts
    for text in texts:
        _same(text)


def test_random_texts() -> None:
    rng = random.Random(16)
    alphabet = ["{", "}", "{{", "}}", " ", "\t", "\n", ".", "a", "Z", "_", "1", "é", "x.y", "-", "\u00a0"]
    for _ in range(30_000):
        _same("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14))))


def test_lines_of_placeholders() -> None:
    text = "a {{ x }}\n{{y.z}} and {{ bad.1 }}\n\n  {{ _k }} {{ a.b.c }}"
    assert _placeholders(text, 3) == [(3, "x"), (4, "y.z"), (6, "_k")]


def test_long_runs_are_linear() -> None:
    # Runs of the pattern's own tokens and near misses: ten times longer must take not much more than ten times
    for unit in ("{{ a", "{{ " + "a" * 50, "{{a.b ", "{{ a.b.c }}", " " * 7 + "{{", "{{ x }}"):
        spans = []
        for repeats in (10_000, 100_000):
            start = time.perf_counter()
            NAMED_PLACEHOLDER.findall(unit * repeats)
            spans.append(time.perf_counter() - start)
        assert spans[1] < 40 * spans[0] + 0.05, (unit, spans)
