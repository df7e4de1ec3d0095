"""The typography check reads only the lines its triggers find something in, and no page they find
nothing in: it finds every slip reading every line finds.

A slip stands in a line as readers see it (code, URLs, markup, comments... taken out, entities read);
the triggers look at the source, so they must find something wherever what readers see of a line may
slip, whatever the reader's view took out around it. Compared on our docs, the fixtures, the pages of
the real corpus and random pages built of the pieces the reader's view handles, for the rules of our
language files and rules of every other kind; then line by line for built HTML pages' text.
"""

from __future__ import annotations

import random
from pathlib import Path

from transdocs.languages.typography import Rule, page_triggers, slips, trigger
from transdocs.languages.words import OURS
from transdocs.pages.markdown import read_markdown
from transdocs.pages.reader_view import html_line, lines_holding, markdown_lines

ROOT = Path(__file__).parent.parent
RULES = [OURS.words(lang).typography for lang in OURS.available() if OURS.words(lang).typography] + [
    (rule,)
    for rule in (
        Rule("space-before", marks=";:!?»", spaces="\u202f\u00a0", missing=True),
        Rule("space-before", marks="?", spaces=""),
        Rule("space-before", marks="(", spaces="\u00a0"),  # (a mark that ends a URL)
        Rule("space-after", marks="«", spaces="\u202f", missing=True),
        Rule("space-after", marks="«", spaces="\u202f"),
        Rule("no-space-between", scripts=("Han", "Hiragana"), punctuation="、。", allow=("Hiragana",)),
        Rule("no-space-between", scripts=("Han",), punctuation=" "),
        Rule("full-width-after", scripts=("Han",), full_width=((",", "，"), (":", "："))),
        Rule("quotes", open="„", close="“", instead=('"',)),
        Rule("inverted", open="¿", close="?"),
    )
]
# What the reader's view takes out or reads, and what rules read around it.
_PIECES = [
    *"中文ひカ字 \t:;!?»«,a9x`*_[]()<>{}&\\'\"。、，：…-|./!\r",
    *("  ", "\u00a0", "\u202f", "\u2060", "``", "**", "~~", "](", "][", "![", "<b>", "</b>", "<br/>"),
    *("<code>", "</code>", "<kbd>", "<!--", "-->", "<!-- c -->", "{{", "}}", "{%", "%}", "{#", "#}", "{:"),
    *("{ #id }", "{.c}", "{# n #}", "{% t %}", "{: .c}", "{{ v }}", "`c`", "\\:", "[l](u)", "[l][r]", "**b**"),
    *(":smile:", " :ok:", "*:ok:", ":a", ":::", "&nbsp;", "&lt;", "&gt;", "&amp;", "&quot;", "&#58;", "&eacute;"),
    *("&lt", "&LT;", "http://x.y/", "https://a", "www.a.b", "<pre>", "</pre>", '<a href="x"', "title='y'>"),
    *("import ", "中 ", " 文"),
]


def _pages() -> list[str]:
    paths = sorted([*(ROOT / "docs").rglob("*.md"), *(ROOT / "tests" / "fixtures").rglob("*.md")])
    real = [base / "shared" / "corpora" / "real" for base in (ROOT.parent, ROOT.parent.parent)]
    for corpus in [path for path in real if path.is_dir()][:1]:
        paths += sorted(path for path in corpus.rglob("*") if path.suffix in (".md", ".mdx") and path.is_file())
    pages = [path.read_text(encoding="utf-8", errors="replace") for path in paths]
    rng = random.Random(11)
    for _ in range(4_000):
        lines = ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 12))) for _ in range(rng.randint(1, 5))]
        if rng.random() < 0.2:
            lines.insert(rng.randint(0, len(lines)), "```")
            lines.insert(rng.randint(0, len(lines)), "```")
        pages.append(("---\na: b:\n---\n" if rng.random() < 0.1 else "") + "\n".join(lines))
    return pages


def _slips(lines: list[tuple[int, str]], rules: tuple[Rule, ...]) -> list[tuple[int, str, list[tuple[int, str]]]]:
    return [(number, line, found) for number, line in lines if (found := slips(line, rules))]


def test_the_lines_the_triggers_find_hold_every_slip_of_a_page() -> None:
    met = {"read, slips": 0, "read, none": 0, "passed by": 0}
    for text in _pages():
        doc = read_markdown(text)
        for mdx in (False, True):
            every = list(markdown_lines(text, doc, mdx))
            for rules in RULES:
                numbers = lines_holding(text, doc, page_triggers(rules))
                read = list(markdown_lines(text, doc, mdx, numbers=numbers)) if numbers else []
                expected = _slips(every, rules)
                assert _slips(read, rules) == expected, (rules, text)
                met["passed by" if not numbers else "read, slips" if expected else "read, none"] += 1
    assert min(met.values()) > 2_000, met


def test_a_built_pages_line_that_may_slip_is_found_by_the_trigger() -> None:
    """A built HTML page's text is read line by line (its code in backticks and its URLs taken out)."""
    lines = [line for text in _pages() for line in text.split("\n")]
    for rules in RULES:
        wanted = trigger(rules)
        assert all(wanted.search(line) for line in lines if slips(html_line(line), rules)), rules
