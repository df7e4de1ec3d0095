"""Fenced code is read as the plain reading reads it (issue 18: the reader's shortcuts change no block).

The plain versions are kept here: a fence's body runs up to the first line the closing pattern
matches (the reader tries the pattern only on lines holding the opening mark), and a fence's
language is read by stripping and splitting its info string (the reader lowers a one-word one).
"""

from __future__ import annotations

import random
import re

from tests.test_check_docs_readpath import FENCE, TEXTS, _real_pages
from transdocs.pages.document import Code
from transdocs.pages.front_matter import front_matter_span
from transdocs.pages.markdown import closes, fence_language, read_markdown


def _closing(mark: str) -> re.Pattern[str]:
    """The line closing a fence opened by ``mark``, as a plain pattern."""
    return re.compile(rf"^\s*{re.escape(mark[0])}{{{len(mark)},}}\s*$")


def _plain_language(info: str) -> str:
    word = info.strip().lstrip("{").strip().lstrip(".").split(maxsplit=1)
    return word[0].lower().rstrip("}") if word else ""


def _plain_body(lines: list[str], opening: int) -> list[str]:
    mark = FENCE.match(lines[opening])
    assert mark is not None
    closing = re.compile(rf"^\s*{re.escape(mark.group(2)[0])}{{{len(mark.group(2))},}}\s*$")
    body = []
    for line in lines[opening + 1 :]:
        if closing.match(line):
            break
        body.append(line)
    return body


def _fenced_texts() -> list[str]:
    pieces = ["```", "````", "~~~", "``", " ", "\t", "\u2003", "\n", "\n", "\n", "a", "toml", "{.x}", "`", "~", "-"]
    rng = random.Random(18)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 30))) for _ in range(20_000)]


def test_a_fence_body_ends_at_the_first_line_the_closing_pattern_matches() -> None:
    fences = 0
    rng = random.Random(17)
    lines = _fence_lines()[:100_000]  # (pages of the lines of the test below)
    pages = ["\n".join(rng.choice(lines) for _ in range(rng.randint(1, 12))) for _ in range(5_000)]
    for text in [*TEXTS, *_real_pages(), *_fenced_texts(), *pages]:
        skip = front_matter_span(text)
        first = text.count("\n", 0, skip) + 1
        lines = text[skip:].replace("\r\n", "\n").split("\n")
        for block in read_markdown(text).blocks:
            if isinstance(block, Code) and not block.unfenced and block.line - first < len(lines):
                opening = block.line - first
                if FENCE.match(lines[opening]) is None:
                    continue  # (a fence read by the HTML reader)
                body = _plain_body(lines, opening)
                assert block.lines == [(block.line + 1 + k, line) for k, line in enumerate(body)], repr(text)
                info = FENCE.match(lines[opening])
                assert info is not None and block.lang == _plain_language(info.group(3)), repr(text)
                fences += 1
    assert fences > 5_000
    assert _closing("```").match(" ```` ") and not _closing("````").match("```")


def test_a_fence_language_is_read_as_the_plain_strip_and_split_read_it() -> None:
    pieces = ["toml", "Bash", "py", "{", "}", ".", " ", "\t", "title=", '"x"', "1", "é", "İ", "ǅ", "中", "_", "-"]
    rng = random.Random(18)
    infos = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 6))) for _ in range(50_000)]
    infos += [match.group(3) for text in TEXTS for line in text.split("\n") if (match := FENCE.match(line))]
    for info in infos:
        assert fence_language(info) == _plain_language(info), repr(info)


def _fence_lines() -> list[str]:
    pieces = ["`", "```", "~", "~~~", " ", "\t", "\u2003", "\x1c", "\x85", "\r", "\x0b", "a", "{.x}", "-", "é", "中"]
    rng = random.Random(17)
    lines = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(100_000)]
    return lines + [line for text in [*TEXTS, *_real_pages()] for line in text.replace("\r\n", "\n").split("\n")]


def test_a_fence_opens_and_closes_where_the_plain_patterns_say() -> None:
    # (the reader strips the line instead of matching FENCE and the closing pattern: the same fences)
    opened = closed = 0
    for line in _fence_lines():
        opened += FENCE.match(line) is not None
        for mark in ("```", "````", "~~~", "~~~~~"):
            assert closes(line, mark) == bool(_closing(mark).match(line)), (repr(line), mark)
            closed += closes(line, mark)
    assert opened > 20_000 and closed > 5_000
