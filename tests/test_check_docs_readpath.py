"""The faster ways of reading a page answer exactly as the plain ones they replaced.

Each test keeps the plain version (a few lines) and compares it with the package's on real pages
(our docs and the fixtures, pages of other projects included) and on random texts mixing scripts.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path

import pytest

from transdocs import placeholders
from transdocs.encoding import mojibake
from transdocs.languages import detect
from transdocs.languages.scripts import SCRIPTS, ascii_words, count, foreign_letters, letters, non_ascii, utf8
from transdocs.languages.tags import base_language
from transdocs.languages.typography import Rule
from transdocs.languages.words import OURS
from transdocs.pages import markdown, reader_view
from transdocs.pages.document import Code, Document, Prose, introduces_list
from transdocs.pages.front_matter import front_matter_span
from transdocs.pages.jsx_props import OPENING
from transdocs.pages.markdown import _TAGS, is_include, read_markdown
from transdocs.placeholders import BLOCK_LINE, PLACEHOLDER, placeholder_name
from transdocs.spans import Kind, Scanner

ROOT = Path(__file__).parent.parent
# Characters of every kind the readers tell apart: ASCII letters, digits, marks and spaces, accented
# Latin, Greek, Cyrillic, Arabic (and its marks), CJK, full-width letters, junk, a lone surrogate.
_POOL = (
    "aZq09 _-.,;:!?'\"`<>{}[]()#&|*~\t\n\réÀçßſıİΑΣσЖжعربيةً中文字ひらがなカタカナｱｲＡＺａｚ"
    "\ufffd\u0085\ue000\u00ad\u200b\ud800"
)


def _texts() -> list[str]:
    pages = [*(ROOT / "docs").rglob("*.md"), *(ROOT / "tests" / "fixtures").rglob("*.md")]
    texts = [page.read_text(encoding="utf-8", errors="replace") for page in sorted(pages)]
    rng = random.Random(18)
    texts += ["".join(rng.choice(_POOL) for _ in range(rng.randint(0, 60))) for _ in range(5_000)]
    return texts


# A fence's opening line, as a plain pattern (the reader tells it by string work).
FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})\s*(.*)$")
TEXTS = _texts()


def _real_pages() -> list[str]:
    """The pages of other projects' docs in the shared real corpus beside the clone (a worktree's clone
    is two levels up), when there is one."""
    for base in (ROOT.parent, ROOT.parent.parent):
        corpus = base / "shared" / "corpora" / "real"
        if corpus.is_dir():
            pages = sorted(page for page in corpus.rglob("*") if page.suffix in (".md", ".mdx") and page.is_file())
            return [page.read_text(encoding="utf-8", errors="replace") for page in pages]
    return []


def test_ascii_words_and_non_ascii_letters_are_counted_as_the_plain_patterns_count_them() -> None:
    scripts = [(name,) for name in SCRIPTS] + [tuple(OURS.words(lang).scripts) for lang in OURS.available()]
    for text in TEXTS:
        assert ascii_words(text) == ascii_words(text, utf8(text)) == len(re.findall("[A-Za-z]+", text)), text[:80]
        rest = non_ascii(text)
        assert rest == non_ascii(text, utf8(text)) == "".join(c for c in text if not c.isascii())
        for names in scripts:
            for pattern in (letters(names), foreign_letters(names)):
                assert count(pattern, rest) == count(pattern, text) == len(pattern.findall(text))


def test_foreign_letters_are_the_letters_of_no_allowed_script_on_every_code_point() -> None:
    every = "".join(map(chr, range(0x110000)))
    scripts = [(name,) for name in SCRIPTS] + [tuple(OURS.words(lang).scripts) for lang in OURS.available()]
    for names in scripts:
        allowed = "A-Za-z\uff21-\uff3a\uff41-\uff5a" + "".join(SCRIPTS[name] for name in names)
        assert foreign_letters(names).findall(every) == re.findall(f"[^\\W\\d_{allowed}]", every), names


def _plain_quick_census(prose: str, scripts: tuple[str, ...]) -> detect.Census:
    units = {"Latin": float(len(re.findall("[A-Za-z]+", prose)))}
    own = len(letters(scripts).findall(prose)) * (0.5 if {"Han", "Hiragana", "Katakana"} & set(scripts) else 0.2)
    other = len(foreign_letters(scripts).findall(prose)) * 0.2
    units[scripts[0]] = units.get(scripts[0], 0.0) + own
    if other:
        units["other"] = other
    return detect.Census(units, sum(units.values()))


def _plain_census(prose: str) -> detect.Census:
    units: dict[str, float] = {}
    words = len(re.findall("[A-Za-z]+", prose))
    if words:
        units["Latin"] = float(words)
    for char, times in Counter(re.findall(r"(?![A-Za-z])[^\W\d_]", prose)).items():
        script = detect._script(char)
        units[script] = units.get(script, 0.0) + times * (0.5 if script in detect._CJK_SCRIPTS else 0.2)
    return detect.Census(units, sum(units.values()))


@pytest.mark.parametrize("lang", OURS.available())
def test_a_census_counts_as_the_plain_one(lang: str) -> None:
    scripts = OURS.words(lang).scripts
    for text in TEXTS:
        prose = detect.prose_of(text)
        assert detect.quick_census(prose, scripts) == _plain_quick_census(prose, scripts), prose[:80]
        assert detect.census(prose) == _plain_census(prose), prose[:80]


def _plain_reading(prose: str, expected: str | None) -> tuple[str | None, bool, detect.Census]:
    """read_language as it was before the letters of other scripts were bounded (every census counted)."""
    if expected is not None and not (OURS.has_words(expected) and OURS.words(expected).scripts):
        return None, True, detect.census(prose)
    if expected is not None:
        quick = detect.quick_census(prose, OURS.words(expected).scripts)
        if quick.total < detect.MIN_UNITS or detect._reaches_rate(prose, quick, expected, OURS):
            return expected, True, quick
    found = detect.census(prose)
    if found.total < detect.MIN_UNITS:
        return expected, True, found
    lang = detect.identify(prose, found, OURS)
    same = expected is not None and lang is not None and base_language(lang) == base_language(expected)
    return lang, expected is None or same, found


def test_a_page_reads_as_expected_from_bounds_as_from_the_census() -> None:
    """The letters of other scripts are counted only when a page does not read as expected with all
    its other non-ASCII characters taken for them; the reading and its census (counted when asked
    for) are the plain ones: our docs, the fixtures, the real corpus and random pages near the
    thresholds (few words, common words or not, foreign letters and CJK marks among them)."""
    rng = random.Random(18)
    soup = [word for lang in OURS.available() for word in OURS.words(lang).common_words]
    soup += ["x", "ab", "\n", "ΣΑΣ", "жж", "ع", "、", "。", "字", "ひ", "é", "«", "\u00a0", "①"]
    randoms = [" ".join(rng.choice(soup) for _ in range(rng.randint(20, 160))) for _ in range(3_000)]
    proses = [detect.prose_of(text) for text in [*TEXTS, *_real_pages()]] + randoms
    bounded = 0
    for prose in proses:
        for expected in [*OURS.available(), "pt-BR", None, "ko"]:
            reading = detect.read_language(prose, expected)
            want = _plain_reading(prose, expected)
            assert (reading.lang, reading.reads_as_expected, reading.census) == want, (expected, prose[:80])
            bounded += reading.reads_as_expected and reading.lang == expected
    assert bounded > len(proses)  # (the bounds decide most pages)


def test_common_words_between_spaces_are_counted_as_the_plain_counter_counts_them() -> None:
    """The words split in bytes (the non-ASCII characters that are not letters made spaces: pages in
    ASCII, Latin or another script) count what a Counter of every lower-cased word counts."""
    rng = random.Random(18)
    soup = [word for lang in OURS.available() for word in OURS.words(lang).common_words]
    soup += ["ab", "x", " ", ".", "\n", "’", "d'", "l’"]
    texts = list(TEXTS)
    for _ in range(5_000):  # mostly ASCII words, with a few characters of any kind among them
        words = [rng.choice(soup) for _ in range(rng.randint(0, 40))]
        for _ in range(rng.randint(0, 3)):
            words.insert(rng.randint(0, len(words)), rng.choice(_POOL + "ΣςİK²½٣\u0307\u00a0\U00020000"))
        texts.append(" ".join(words) if rng.random() < 0.5 else "".join(words))
    for lang in OURS.available():
        spaced, _ = detect._common_words(lang, OURS)
        for text in texts:
            counts = Counter(re.findall(r"[^\W\d_]+", text.lower()))
            assert detect._spaced_hits(text, lang, OURS) == sum(counts[word] for word in spaced), (lang, text[:80])


def _scanners() -> dict[str, Scanner]:
    return {"prose": detect._NOT_PROSE, "line": reader_view._LINE_SPANS, "html": reader_view._HTML_SPANS, "tags": _TAGS}


@pytest.mark.parametrize("name", ["prose", "line", "html", "tags"])
def test_the_guarded_search_for_openers_finds_the_spans_the_plain_one_finds(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = _scanners()[name]
    search = fast._search((1 << len(fast.kinds)) - 1)[0].pattern
    if name in ("prose", "tags"):  # every opener starts with known characters: one branch per character
        assert fast._dispatch((1 << len(fast.kinds)) - 1) is not None and not search.startswith("(?")
    else:  # every opener's first characters are known (a letter among them): behind a look-ahead
        assert search.startswith("(?=[") or search.startswith("(?:(?")
    guarded, plain = Scanner(fast.kinds), Scanner(fast.kinds)
    guarded.dispatch = plain.dispatch = False
    monkeypatch.setattr(plain, "_guard", lambda alternation: alternation)
    lines = [line for text in TEXTS[:400] for line in text.split("\n")]
    for text in [*TEXTS, *lines]:
        spans = list(plain.finditer(text))
        assert list(fast.finditer(text)) == list(guarded.finditer(text)) == spans, text[:80]


def test_an_opener_whose_first_character_is_unknown_leaves_the_search_unguarded() -> None:
    def search(*openers: re.Pattern[str]) -> str:
        scanner = Scanner([Kind(str(index), opener) for index, opener in enumerate(openers)])
        scanner.dispatch = False
        return scanner._search((1 << len(openers)) - 1)[0].pattern

    assert search(re.compile(r"^[ \t]*```", re.MULTILINE)).startswith("(?=[\\\t\\ `])")
    assert search(re.compile(r"<x|\{", re.IGNORECASE)).startswith(r"(?=[<\{])")
    assert search(re.compile(r"\A\ufeff?(?:-|\+)")).startswith("(?=[\\+\\-\ufeff])")
    for unknown in (r"h", r"[a-c]"):  # a letter under IGNORECASE: its other cases (İ for i) start matches too
        assert not search(re.compile(unknown, re.IGNORECASE)).startswith("(?="), unknown
    for unknown in (r"[^a]", r".", r"a?", r"()\1a"):
        assert not search(re.compile(unknown)).startswith("(?="), unknown
    scanner = Scanner([Kind("a", re.compile("<")), Kind("b", re.compile("h", re.IGNORECASE))])
    scanner.dispatch = False
    assert scanner._search(0b01)[0].pattern.startswith("(?=[<])")
    assert not scanner._search(0b11)[0].pattern.startswith("(?=")
    assert [span.start for span in scanner.finditer("a<hH")] == [1, 2, 3]


def test_line_patterns_opening_with_their_first_characters_find_what_the_plain_ones_find() -> None:
    """Markdown's marks are replaced where the plain pattern matches; each language's typography trigger
    finds something in a line where one of its patterns by first character does (those search pages)."""
    from transdocs.languages.typography import MARKUP, page_triggers, trigger

    rules = [OURS.words(lang).typography for lang in OURS.available() if OURS.words(lang).typography]
    rules += [
        (Rule("space-before", marks="?:", spaces="\u202f"), Rule("quotes", open="„", close="“", instead=('"',))),
        (Rule("full-width-after", scripts=("Han",), full_width=((",", "，"),)), Rule("inverted", open="¿", close="?!")),
    ]
    found_in_line = [(trigger(rule), page_triggers(rule)) for rule in rules]
    rng = random.Random(9)
    pool = 'a w:/.{}<>`]_-9 \t&;!?»«„“"¿¡中文ひらカタ、。，：\u3000\u00a0'
    lines = [line for text in TEXTS for line in text.split("\n")]
    lines += ["".join(rng.choice(pool) for _ in range(rng.randint(0, 12))) for _ in range(20_000)]
    lines += ["see www.example.org", "wwww.", "ww.", "a://b", ":/", "an :emoji_1+: here", "a:b c:", "字 x", "字&"]
    for pattern, by_char in found_in_line:
        found = [any(char in line and each.search(line) for char, each in by_char) for line in lines]
        assert [bool(pattern.search(line)) for line in lines] == found, pattern.pattern
        assert 100 < sum(found) < len(lines) - 1_000
    marks = reader_view._MARKUP
    plain_marks = re.compile(reader_view.MARKUP_MARKS)
    assert [[m.span() for m in marks.finditer(line)] for line in lines] == [
        [m.span() for m in plain_marks.finditer(line)] for line in lines
    ]
    assert all(marks.sub(MARKUP, line) == marks.sub(reader_view._markup, line) for line in lines if "\\" not in line)


def test_typography_rules_opening_with_their_first_characters_match_what_their_plain_patterns_match() -> None:
    """Each rule's first class names every character its matches start with: a class missing one
    (the no-break space of the CJK rule, a mark, the close of an inverted rule) fails this."""
    from transdocs.languages.typography import _compiled, plain_pattern

    rules = [rule for lang in OURS.available() for rule in OURS.words(lang).typography]
    rules += [
        Rule("space-before", marks=";:!?»]^-", spaces="\u202f\u00a0", missing=True),
        Rule("space-before", marks="?", spaces=""),
        Rule("space-after", marks="«[\\", spaces="\u202f", missing=True),
        Rule("no-space-between", scripts=("Han", "Hangul"), punctuation="、。]", allow=("Hangul",)),
        Rule("full-width-after", scripts=("Han",), full_width=((",", "，"), ("]", "］"), ("^", "＾"))),
        Rule("quotes", open="„", close="“", instead=('"', "]")),
        Rule("inverted", open="¿", close="?!"),
        Rule("inverted", open="¡", close="]"),
    ]
    rng = random.Random(18)
    pool = _POOL + "»«„“¿¡；：、。，\u202f\u00a0\u2060\u3000  " + "".join(rule.marks + rule.close for rule in rules)
    lines = [line for text in TEXTS for line in text.split("\n")]
    lines += ["".join(rng.choice(pool) for _ in range(rng.randint(0, 40))) for _ in range(20_000)]
    for rule in rules:
        first, plain = plain_pattern(rule)
        fast, unguarded = _compiled(rule), re.compile(plain)
        assert ("_end" in fast.groupindex) == bool(first)
        for line in lines:
            found, end = [], 0
            for m in fast.finditer(line):  # as slips reads them: none inside the last, its end from _end
                if m.start() >= end:
                    end = m.end("_end") if first else m.end()
                    found.append(((m.start(), end), {k: v for k, v in m.groupdict().items() if k != "_end"}))
            assert found == [(m.span(), m.groupdict()) for m in unguarded.finditer(line)], (rule, line)


def test_cut_sequences_and_broken_placeholders_are_found_as_the_plain_patterns_find_them() -> None:
    cut = re.compile(rb"[\xe0-\xef][\x80-\xbf](?![\x80-\xbf])|[\xf0-\xf4][\x80-\xbf]{1,2}(?![\x80-\xbf])")
    broken = re.compile(
        r"\{\{\s*(?P<open>[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)?)(?!\w|\.\w|\s*\}\})"
        r"|(?<![{\\])\{\s*(?P<close>[A-Za-z_]\w*\.[A-Za-z_]\w*)\s*\}\}"
    )
    rng = random.Random(18)
    data = [
        bytes(rng.choice(b"a \x80\xbf\xc3\xe3\xef\xf0\xf4\xf5") for _ in range(rng.randint(0, 12)))
        for _ in range(20_000)
    ]
    data += [text.encode(page, "ignore") for text in TEXTS[:300] for page in ("cp1252", "gbk", "shift_jis")]
    assert [mojibake._cut_bytes(d) for d in data] == [sum(map(len, cut.findall(d))) for d in data]
    texts = [
        "".join(rng.choice(["{", "}", "\\", " ", "a", "b", ".", "_", "1", "\n"]) for _ in range(24))
        for _ in range(20_000)
    ]
    texts += [line for text in TEXTS for line in text.split("\n") if "{" in line]
    for text in texts:
        found = [(m.span(), m.group("open"), m.group("close")) for m in placeholders._BROKEN.finditer(text)]
        assert found == [(m.span(), m.group("open"), m.group("close")) for m in broken.finditer(text)], text


_MARKDOWN_LINES = [
    "",
    "  ",
    "Text goes on",
    "  indented text",
    "Ça commence",
    "中文段落",
    "- item",
    "* item",
    "1. item",
    "2) item",
    "# Heading",
    "## Title {#id}",
    "```toml",
    "```",
    "~~~",
    "| a | b |",
    "|---|---|",
    "a | b",
    '!!! note "Defaults"',
    "??? tip",
    '=== "Tab"',
    ":::tip Title",
    ":::",
    ": definition",
    "> quote",
    "> - quoted item",
    "- > item quoting",
    "1.  [x] >quoted task",
    ": > defined quote",
    "<div>",
    "</div>",
    "<table>",
    "<!-- comment",
    "-->",
    "<!-- one -->",
    "<!--tight-->",
    '<kbd title="|">K</kbd>',
    '  --8<--"f.md"',
    "{{ settings_table }}",
    "{{ a.default }} text",
    '--8<-- "file.py"',
    "import x from 'y'",
    "export const a = 1",
    "    code-like",
    "[llm]",
    "num_retries = 4",
    "export LLM_X=4",
    "text <b>bold</b>",
    "{/* mdx */}",
    "text {/* mdx */} more",
    '<ParamField path="x"',
    'default="3">',
    "---",
    "title: x",
    "Term",
    "\tTabbed",
    "ab|cd",
    "**Bold** text",
    "#hashtag",
    "####### seven",
    "-dash",
    "   - nested item",
    "      1) deep item",
    "\u0663. item",
    "- [x] task",
    "+ plus",
    "- item <b>x</b>",
    "# Heading | pipe",
    "2024 was a year",
    '  ````\tpy title="x"',
    "~~~~ ",
    "``` \x1c",
    "``x",
    "\u2003```{.toml}",
]


def test_plain_prose_lines_read_as_every_other_line_is(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(18)
    texts = [text for text in TEXTS if "\n" in text]
    texts += ["\n".join(rng.choice(_MARKDOWN_LINES) for _ in range(rng.randint(1, 40))) for _ in range(4_000)]
    fast = [(read_markdown(text), read_markdown(text, mdx=True)) for text in texts]
    monkeypatch.setattr(markdown, "PLAIN_PROSE", False)
    assert fast == [(read_markdown(text), read_markdown(text, mdx=True)) for text in texts]


def _markdown_texts(count: int) -> list[str]:
    rng = random.Random(8)
    lines = [*_MARKDOWN_LINES, "<!-- open", "x --> y", "  text", "more text"]
    return [text for text in TEXTS if "\n" in text] + [
        "\n".join(rng.choice(lines) for _ in range(rng.randint(1, 40))) for _ in range(count)
    ]


def test_a_block_of_several_lines_records_where_each_line_after_the_first_starts() -> None:
    # (the reader joins a block's lines and sums their lengths in one step a block)
    for text in _markdown_texts(3_000):
        for block in read_markdown(text).blocks:
            if isinstance(block, Prose) and block.kind in ("paragraph", "item"):
                assert block.breaks == [at.end() for at in re.finditer("\n", block.text)], repr(text)


def test_an_html_comment_hides_every_line_up_to_the_one_that_closes_it() -> None:
    # (the reader skips a comment's lines at once instead of asking each line whether one is open)
    def read(text: str) -> list[tuple[str, str, int]]:
        return [
            (block.kind, block.text, block.line) for block in read_markdown(text).blocks if isinstance(block, Prose)
        ]

    hidden = "Before\n<!-- note\nHidden text\n- hidden item\n\n--> tail hidden\nAfter\n- item"
    assert read(hidden) == [("paragraph", "Before", 1), ("paragraph", "After", 7), ("item", "  item", 8)]
    assert read("One\n  <!-- one -->\nTwo\n<!--\nnever closed\n") == [("paragraph", "One", 1), ("paragraph", "Two", 3)]
    assert read("<!--\n-->\n<!-- a\n-->\nText") == [("paragraph", "Text", 5)]


def test_placeholders_and_includes_are_found_in_the_page_as_each_line_alone_holds_them() -> None:
    pieces = ["{{", "}}", " ", "\t", "\r", "\n", "\r\n", "a", "a.b", "--8<--", '"f"', "\u2003", "\x1c", "\x85", "---"]
    rng = random.Random(18)
    texts = [*TEXTS, *("".join(rng.choice(pieces) for _ in range(rng.randint(0, 16))) for _ in range(20_000))]
    for text in texts:
        skip = front_matter_span(text)
        first = text.count("\n", 0, skip) + 1
        lines = text[skip:].replace("\r\n", "\n").split("\n")
        doc = read_markdown(text)
        found = [(first + i, placeholder_name(m)) for i, line in enumerate(lines) for m in PLACEHOLDER.finditer(line)]
        assert doc.placeholders == found, repr(text)
        includes = [(first + i, line.strip()) for i, line in enumerate(lines) if is_include(line)]
        assert doc.includes == includes, repr(text)


def test_a_search_branches_on_first_characters_only_when_each_is_one_known_character() -> None:
    def dispatched(*openers: re.Pattern[str]) -> bool:
        scanner = Scanner([Kind(str(index), opener) for index, opener in enumerate(openers)])
        return scanner._dispatch((1 << len(openers)) - 1) is not None

    assert dispatched(re.compile(r"^[ \t]*```", re.MULTILINE), re.compile(r"<x|\{", re.IGNORECASE))
    assert dispatched(re.compile(r"\A\ufeff?(?:-|\+)"), re.compile(r"[hH](?i:ttps?)://"))
    for unknown in (r"[a-c]", r"\w", r"a?", r".", r"[^a]"):
        assert not dispatched(re.compile("<"), re.compile(unknown)), unknown
    assert not dispatched(re.compile("h", re.IGNORECASE))  # its other cases (İ for i) start matches too
    scanner = Scanner([Kind("a", re.compile("<")), Kind("b", re.compile("<b")), Kind("c", re.compile("b"))])
    assert [(span.kind, span.start, span.end) for span in scanner.finditer("<b<<bb")] == [
        ("a", 0, 1),
        ("c", 1, 2),
        ("a", 2, 3),
        ("a", 3, 4),
        ("c", 4, 5),
        ("c", 5, 6),
    ]


def _pieces(pieces: list[str], count: int, longest: int) -> list[str]:
    rng = random.Random(18)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, longest))) for _ in range(count)]


def test_a_heading_is_read_from_its_end_as_the_plain_pattern_reads_it() -> None:
    pieces = ["#", "##", " ", "\t", "\u00a0", "\u2003", "\x1c", "\x85", "\r", "{", "}", "{#id}", " #", "a", "é", "中"]
    lines = [line for text in TEXTS for line in text.split("\n")] + _pieces(pieces, 100_000, 14)
    headings = 0
    for line in lines:
        stripped = line.lstrip()
        if not stripped.startswith("#"):
            continue
        plain = markdown.HEADING.match(line)
        assert markdown.heading(stripped) == ((len(plain.group(1)), plain.group(2)) if plain else None), repr(line)
        headings += plain is not None
    assert headings > 10_000


def test_table_cells_are_split_as_the_plain_split_splits_them() -> None:
    def plain(row: str) -> list[str]:
        cells, cursor, current = [], 0, ""
        row = row.strip()
        for match in re.finditer(r"`[^`]*`|\\\||\|", row):
            if match.group(0) == "|":
                cells.append(current + row[cursor : match.start()])
                current, cursor = "", match.end()
        cells.append(current + row[cursor:])
        cells = cells[1:] if cells and not cells[0].strip() else cells
        cells = cells[:-1] if cells and not cells[-1].strip() else cells
        return [cell.strip().replace("\\|", "|") for cell in cells]

    rows = [line for text in TEXTS for line in text.split("\n") if "|" in line]
    rows += _pieces(["|", "|", "`", "``", "\\", "\\|", " ", "\t", "\u00a0", "a", "bc"], 100_000, 14)
    for row in rows:
        assert markdown.split_cells(row) == plain(row), repr(row)


def test_a_tag_without_the_word_default_states_no_default() -> None:
    """The reader asks :func:`prop_default` only about tags holding "default"."""
    from transdocs.pages.jsx_props import prop_default

    pieces = ["<Field ", "name", "path", "=", '"x"', "'4'", "{4}", "{`a`}", " ", "-", "Default", "defaul", "t", ">"]
    tags = _pieces(pieces, 50_000, 10)
    props = _pieces([" name=", " path=", '"x"', "{4}", "'y'", " a"], 5_000, 6)
    tags += [f"<Field{tag} default={{4}}>" for tag in props]
    said = {tag: found[1] for tag in tags if (found := prop_default(tag)) is not None}
    assert said and all("default" in tag for tag in said)
    whole = [(tag, sentence) for tag, sentence in said.items() if (span := _TAGS.match(tag)) and span.end == len(tag)]
    assert len(whole) > 100
    for tag, sentence in whole[:2_000]:  # and the reader reads what it says of a tag alone on its line
        assert sentence in [block.text for block in read_markdown(f"Text\n\n{tag}\n").blocks], tag


def _plain_strip_tags(line: str) -> str:
    return markdown._TAGS.sub(
        lambda span: line[span.start : span.end] if span.kind == "code" else " " * (span.end - span.start), line
    )


def test_tags_are_blanked_as_the_plain_substitution_blanks_them() -> None:
    lines = [line for text in TEXTS for line in text.split("\n")]
    lines += _pieces(["<a>", "</b>", "<", ">", "`", "{/*", "*/}", '"', "'", "{", "}", " ", "x", "<br/>"], 50_000, 12)
    for line in lines:
        assert markdown.strip_tags(line) == _plain_strip_tags(line), repr(line)


class _PlainReader(markdown._Reader):
    """The reader's loop, flush and start of a block as they were before the shortcuts (a line's first
    character tells which patterns to try; plain prose lines and one-line blocks taken as such; a block
    started with nothing open or no item around; the prose before a code block found by one loop, not
    from the last block first): every line asks every question."""

    def intro_text(self) -> str:
        texts: list[str] = []
        for block in reversed(self.doc.blocks):
            if not isinstance(block, Prose):
                break
            texts.insert(0, block.text)
            if block.kind != "title":
                break
        return "\n".join(texts)

    def start_block(self, kind: str, indent: int) -> None:
        self.flush()
        self.close_items(indent)
        self.open_kind, self.open_indent = kind, indent
        self.open_parent = self.items[-1][1].text if self.items else ""

    def flush(self) -> None:
        if not self.open:
            return
        parts, breaks, offset = [], [], 0
        for n, (_, line) in enumerate(self.open):
            if n:
                breaks.append(offset)
            parts.append(line)
            offset += len(line) + 1
        text = "\n".join(parts)
        kind = self.open_kind
        # (a paragraph of config lines sets something: without "=", it is prose)
        config = (
            markdown._config_language(parts) if kind == "paragraph" and not self.open_parent and "=" in text else None
        )
        if config is not None:
            intro = self.intro_text()
            self.doc.blocks.append(Code(config, self.open[0][0], list(self.open), intro, unfenced=True))
            self.open, self.list_intro, self.last_paragraph = [], "", None
            return
        intro = self.list_intro if kind == "item" else ""
        if not intro and self.admonition is not None:
            intro = self.admonition[1]  # "!!! note "Defaults"" introduces what it contains
        block = Prose(kind, text, self.open[0][0], breaks, intro, self.open_parent, self.section)
        self.doc.blocks.append(block)
        if kind == "item":
            self.items.append((self.open_indent, block))
        else:
            self.term = None
            if not self.open_parent:  # (only a paragraph ending in a colon, "。" or a space may introduce one)
                end = text[-1:]
                self.list_intro = text if (end in ":：。" or end.isspace()) and introduces_list(text) else ""
        self.last_paragraph = block if kind == "paragraph" else None
        self.open = []

    def read(self) -> Document:
        i, lines, comment = 0, self.lines, False
        while i < len(lines):
            line = lines[i]
            stripped = line.lstrip()
            if comment or stripped.startswith("<!--"):
                comment = "-->" not in line
                if self.open:
                    self.flush()
                i += 1
                continue
            if not stripped:
                self.read_blank_line(blank=True)
                i += 1
                continue
            fence = FENCE.match(line) if stripped[:3] in ("```", "~~~") else None
            if fence:
                i = self.read_fence(i, fence.group(2), fence.group(3))
                continue
            if "<" in line or "{/*" in line:
                if not self.open and markdown._HTML_BLOCK.match(line):
                    i = self.read_html_block(i)
                    continue
                end = self.tag_end(i) if OPENING.match(line) else None
                if end is not None:
                    self.read_props(i, "\n".join(lines[i : end + 1]))
                    self.read_tag_line(i, " ".join(lines[i : end + 1]))
                    i = end + 1
                    continue
                for tag in markdown._TAGS.finditer(line):
                    self.read_props(i, line[tag.start : tag.end])
                text = _plain_strip_tags(line)
                if line.strip() and not text.strip():
                    self.read_tag_line(i, line)
                    i += 1
                    continue
                line, stripped = text, text.lstrip()
            if self.mdx and not self.open and markdown._ESM.match(line):
                line = stripped = ""
            if not stripped or (stripped.startswith("{{") and BLOCK_LINE.match(line)) or markdown.is_include(stripped):
                self.read_blank_line(blank=not stripped)
                i += 1
                continue
            if self.admonition is not None and self.admonition[0] >= 0 and markdown._indent(line) <= self.admonition[0]:
                self.flush()
                self.admonition = None
            heading = markdown.HEADING.match(line) if stripped.startswith("#") else None
            if heading:
                self.doc.headings.append((self.first + i, len(heading.group(1))))
                self.items.clear()
                self.add(Prose("heading", heading.group(2), self.first + i))
                self.section = heading.group(2)
                i += 1
                continue
            if markdown._is_table_start(lines, i):
                self.flush()
                self.close_items(markdown._indent(line))
                i = self.read_table(i)
                continue
            title = markdown._TITLE.match(line) if stripped[:3] in ("!!!", "???", "===") else None
            if title:
                self.flush()
                self.close_items(markdown._indent(line))
                named = title.group("title") or ""
                self.add(Prose("title", named, self.first + i, section=self.section))
                if stripped[:3] != "===":
                    self.admonition = (markdown._indent(line), named)
                i += 1
                continue
            directive = markdown._DIRECTIVE.match(line) if stripped.startswith(":::") else None
            if directive:
                self.flush()
                self.close_items(markdown._indent(line))
                named = directive.group("bracket") or directive.group("title") or ""
                self.add(Prose("title", named, self.first + i, section=self.section))
                opening = bool(directive.group("kind"))
                self.admonition = (-1, named) if opening else None
                i += 1
                continue
            item = markdown._ITEM.match(line) if stripped[0] in "-*+" or stripped[0].isdecimal() else None
            definition = markdown._DEFINITION.match(line) if not item and stripped.startswith(":") else None
            if definition and self.open and self.open_kind == "paragraph":
                self.flush()
            term = (self.last_paragraph or self.term) if definition else None
            if definition and term is not None:
                self.start_block("item", markdown._indent(line))
                self.open_parent, self.term = term.text, term
                line = " " * definition.end() + line[definition.end() :]
            elif item:
                self.start_block("item", markdown._indent(markdown._unquoted(line)))
                line = " " * item.end() + line[item.end() :]
            elif not self.open:
                self.start_block("paragraph", markdown._indent(markdown._unquoted(line)))
            self.open.append((self.first + i, markdown._unquoted(line)))
            i += 1
        self.flush()
        return self.doc


def test_the_reader_reads_every_page_as_the_plain_loop_reads_it() -> None:
    rng = random.Random(18)
    texts = [text for text in TEXTS if "\n" in text] + _real_pages()
    texts += ["\n".join(rng.choice(_MARKDOWN_LINES) for _ in range(rng.randint(1, 40))) for _ in range(4_000)]
    for text in texts:
        lines = text.replace("\r\n", "\n").split("\n")
        for mdx in (False, True):
            assert markdown._Reader(lines, 1, mdx).read() == _PlainReader(lines, 1, mdx).read(), repr(text[:200])


def _plain_introduces_list(text: str) -> bool:
    stripped = text.rstrip()
    following = ("次の", "以下", "下記", "如下")
    return stripped.endswith((":", "：")) or (stripped.endswith("。") and any(word in stripped for word in following))


def test_a_paragraph_introduces_a_list_as_the_plain_test_says() -> None:
    # (the four words that say "the following" are searched one by one)
    rng = random.Random(18)
    texts = [*TEXTS, *_real_pages()]
    paragraphs = [block.text for text in texts for block in read_markdown(text).blocks if isinstance(block, Prose)]
    pieces = ["次の", "以下", "下記", "如下", "次", "の", "以", "下", "如", "。", ":", "：", " ", "\n", "\u3000", "a"]
    paragraphs += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 8))) for _ in range(20_000)]
    assert any(map(_plain_introduces_list, paragraphs))
    for text in paragraphs:
        assert introduces_list(text) == _plain_introduces_list(text), repr(text)
