"""Typography slips found with the rules' fast patterns are those the plain patterns find, and the
lines read as the reader's loop read them when it asked every pattern of every line.

The fast pattern of a rule matches one character where a match of the plain one starts, and may
match again inside it; :func:`transdocs.languages.typography.slips` reads each plain match's end
and passes those by. The plain reading is kept here and compared on our docs' lines as readers see
them, the fixtures' and random lines, for every rule of our language files and a few more.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from transdocs.languages import typography
from transdocs.languages.typography import MARKUP, Rule, plain_pattern
from transdocs.languages.words import OURS
from transdocs.pages import reader_view
from transdocs.pages.document import Document
from transdocs.pages.front_matter import front_matter_span
from transdocs.pages.markdown import read_markdown
from transdocs.pages.reader_view import markdown_lines

ROOT = Path(__file__).parent.parent
RULES = [rule for lang in OURS.available() for rule in OURS.words(lang).typography] + [
    Rule("space-before", marks=";:!?»", spaces="\u202f\u00a0", missing=True),
    Rule("space-before", marks="?", spaces=""),
    Rule("space-after", marks="«", spaces="\u202f", missing=True),
    Rule("no-space-between", scripts=("Han", "Hiragana"), punctuation="、。", allow=("Hiragana",)),
    Rule("full-width-after", scripts=("Han",), full_width=((",", "，"), (":", "："))),
    Rule("quotes", open="„", close="“", instead=('"',)),
    Rule("inverted", open="¿", close="?"),
    Rule("inverted", open="¡", close="!!"),
    Rule("no-space-between", scripts=("Han",), punctuation=" "),  # (a match may start inside the last)
]
_POOL = "ab Z9 \t:;!?»«,.\"'`*_[]()<>„“¿¡中文字ひらがな、。，：\u202f\u00a0\u3000" + MARKUP


def _plain_slips(given: str, rules: tuple[Rule, ...]) -> list[tuple[int, str]]:
    """slips as it read each rule's plain pattern (every match, its own end)."""
    line, found = given, []
    plain = line.replace(MARKUP, "")
    for rule in rules:
        line = given if rule.rule == "no-space-between" else plain
        starts = [m.end() for m in typography._SENTENCE_END.finditer(line)] if rule.rule == "inverted" else []
        index = 0
        for match in re.finditer(plain_pattern(rule)[1], line):
            sentence = 0
            if starts:
                while index < len(starts) and starts[index] <= match.start():
                    index += 1
                sentence = starts[index - 1] if index else 0
            message = typography._message(rule, match, match.end(), line, sentence)
            if message is not None:
                found.append((match.start(), message))
    return sorted(found)


def _lines() -> list[str]:
    lines = []
    for path in sorted([*(ROOT / "docs").rglob("*.md"), *(ROOT / "tests" / "fixtures").rglob("*.md")]):
        text = path.read_text(encoding="utf-8", errors="replace")
        lines += text.split("\n")
        doc = read_markdown(text)
        lines += [seen for _, seen in markdown_lines(text, doc)]
    rng = random.Random(19)
    lines += ["".join(rng.choice(_POOL) for _ in range(rng.randint(0, 30))) for _ in range(15_000)]
    return lines


def test_slips_are_those_the_plain_patterns_find() -> None:
    lines = _lines()
    found = 0
    for rule in RULES:
        rules = (rule,)
        for line in lines:
            slipped = typography.slips(line, rules)
            assert slipped == _plain_slips(line, rules), (rule, line)
            found += bool(slipped)
    assert found > 1_000
    for lang in OURS.available():
        rules = OURS.words(lang).typography
        assert all(typography.slips(line, rules) == _plain_slips(line, rules) for line in lines[:5_000])


def _plain_markdown_lines(text: str, doc: Document, mdx: bool, wanted: re.Pattern[str] | None) -> list[tuple[int, str]]:
    """markdown_lines as it was: every pattern asked of every line it reaches."""
    skip = front_matter_span(text)
    first = text.count("\n", 0, skip) + 1
    code = reader_view._code_lines(doc)
    in_comment = in_tag = False
    raw_block: str | None = None
    found = []
    for index, line in enumerate(text[skip:].split("\n")):
        number = first + index
        if number in code:
            continue
        if raw_block is not None:
            if f"</{raw_block}" in line.lower():
                raw_block = None
            continue
        if in_comment:
            in_comment = "-->" not in line
            continue
        if in_tag:
            end = line.find(">")
            if end < 0:
                continue
            in_tag, line = False, line[end + 1 :]
        if wanted is not None and not wanted.search(line) and "<" not in line:
            continue
        if reader_view._DELIMITER_ROW.match(line) or reader_view._REFERENCE.match(line):
            continue
        if mdx and reader_view._ESM.match(line):
            continue
        opened = reader_view._RAW_BLOCK.search(line)
        if opened and f"</{opened.group(1).lower()}" not in line[opened.end() :].lower():
            raw_block, line = opened.group(1).lower(), line[: opened.start()]
        if "<!--" in line and "-->" not in line[line.rindex("<!--") :]:
            in_comment, line = True, line[: line.rindex("<!--")]
        seen = reader_view.markdown_line(line)
        unclosed = reader_view._OPEN_TAG.search(seen) if "<" in seen else None
        if unclosed:
            in_tag, seen = True, seen[: unclosed.start()]
        if seen.strip():
            found.append((number, seen))
    return found


_MARKDOWN = [
    "| a | b |",
    "|---|:-:|",
    "--- | ---",
    " --- ",
    "-:",
    "[t]:	x",
    "  - item: a - b",
    "[ref]: https://example.org",
    "   [a b]: x",
    "see [ref]: here",
    "<pre>",
    "code <b>x</b>",
    "</pre>",
    "<PRE class='x'>a</PRE> b :",
    "<script>x = 1 ;",
    "</script>",
    "<!-- a",
    "b -->",
    'text <a href="x"',
    'title="y"> after :',
    "import x from 'y'",
    "mot : fin ; « a »",
    "字 字，中文: 字",
    "```",
]


def test_reader_lines_are_read_as_every_pattern_asked_of_every_line_reads_them() -> None:
    """markdown_lines asks each line pattern only of a line holding a character it needs."""
    texts = [path.read_text(encoding="utf-8", errors="replace") for path in sorted((ROOT / "docs").rglob("*.md"))]
    texts += [
        path.read_text(encoding="utf-8", errors="replace") for path in sorted(ROOT.glob("tests/fixtures/**/*.md"))
    ]
    rng = random.Random(23)
    texts += ["\n".join(rng.choice(_MARKDOWN) for _ in range(rng.randint(1, 12))) for _ in range(3_000)]
    patterns = [None, *(typography.trigger(OURS.words(lang).typography) for lang in ("fr", "ja"))]
    for text in texts:
        doc = read_markdown(text)
        for mdx in (False, True):
            for wanted in patterns:
                assert list(markdown_lines(text, doc, mdx, wanted)) == _plain_markdown_lines(text, doc, mdx, wanted)


CORPUS = next(
    (base / "shared" / "corpora" / "real" for base in (ROOT.parent, ROOT.parent.parent) if (base / "shared").is_dir()),
    None,
)


def _page_lines() -> list[list[str]]:
    """Each page's prose lines as readers see them: our docs, the fixtures, the real corpus's pages."""
    paths = sorted([*(ROOT / "docs").rglob("*.md"), *(ROOT / "tests" / "fixtures").rglob("*.md")])
    if CORPUS is not None and CORPUS.is_dir():
        paths += sorted([*CORPUS.rglob("*.md"), *CORPUS.rglob("*.mdx")])
    pages = []
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        pages.append([seen for _, seen in markdown_lines(text, read_markdown(text))])
    return pages


def test_a_page_whose_joined_lines_may_not_slip_holds_no_slip_in_any_line() -> None:
    """may_slip asks each rule once of a page's lines joined: wherever a line holds a match of a rule's
    pattern (a slip or not), the page may slip. Pages of every language with every rule set, and groups of
    random lines (slips at line ends among them); both answers are met often."""
    rng = random.Random(20)
    groups = _page_lines()
    groups += [["".join(rng.choice(_POOL) for _ in range(rng.randint(0, 20))) for _ in range(rng.randint(1, 6))]]
    groups += [
        ["".join(rng.choice(_POOL) for _ in range(rng.randint(0, 20))) for _ in range(rng.randint(1, 6))]
        for _ in range(4_000)
    ]
    rule_sets = [OURS.words(lang).typography for lang in OURS.available()] + [(rule,) for rule in RULES]
    answers = {True: 0, False: 0}
    for rules in rule_sets:
        if not rules:
            continue
        for lines in groups:
            may = typography.may_slip(lines, rules)
            if not may:
                for line in lines:
                    plain = line.replace(MARKUP, "")
                    for rule in rules:
                        matched = re.search(plain_pattern(rule)[1], line if rule.rule == "no-space-between" else plain)
                        assert matched is None, (rule, line, lines)
            answers[may] += 1
    assert min(answers.values()) > 1_000, answers


def test_a_rules_hint_finds_something_wherever_its_pattern_does() -> None:
    """may_slip asks each rule's hint of a page's lines joined: it must find something wherever the rule's
    pattern does (a ``space-before`` hint stands on the mark, its pattern on the space before it), in
    pages of every language, groups of random lines and random texts; in real pages it rarely finds more."""
    rng = random.Random(22)
    texts = ["\n".join(lines) for lines in _page_lines()]
    pages = len(texts)
    texts += ["".join(rng.choice(_POOL + "\n") for _ in range(rng.randint(0, 40))) for _ in range(20_000)]
    found = {"both": 0, "hint alone": 0, "hint alone in a page": 0}
    for rule in RULES:
        for number, text in enumerate(texts):
            text = text.replace(MARKUP, "") if rule.rule != "no-space-between" else text
            hinted = rule.hint.search(text) is not None
            if rule.pattern.search(text):
                assert hinted, (rule, text)
                found["both"] += 1
            elif hinted:
                found["hint alone"] += 1
                found["hint alone in a page"] += number < pages
    assert found["both"] > 5_000 and found["hint alone"] > 100 and found["hint alone in a page"] < 10, found
