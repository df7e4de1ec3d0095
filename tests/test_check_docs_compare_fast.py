"""The shortcuts of comparing a translation with its English page answer as the full comparison does.

Each test keeps the full way (or the plain version it replaced) and compares it with the package's on
pairs of real pages (our docs and the fixtures, pages of other projects included) and on random pages
built of the lines these comparisons read: labelled defaults, tables, props, headings naming options.
"""

from __future__ import annotations

import random
import re
from collections import defaultdict
from collections.abc import Hashable
from dataclasses import replace
from pathlib import Path
from typing import Any

from tests.support.docs_tree import our_targets
from transdocs.align.compare import (
    _DEFAULT,
    Aligned,
    Laid,
    _learned_labels,
    _rows,
    _section_pair,
    _table_cells,
    aligned_differences,
    lay_out,
    says_default,
)
from transdocs.align.places import _BOLD, _PLAIN, Labelled, Places, _labelled, key_cell, label_key
from transdocs.align.sections import _OPTION as _OPTION_NAME
from transdocs.align.sections import _key, pair_sections, section_starts
from transdocs.pages.broken_placeholders import broken_placeholders
from transdocs.pages.document import Document, Table
from transdocs.pages.front_matter import front_matter_problem
from transdocs.pages.markdown import read_markdown
from transdocs.placeholders import unbalanced
from transdocs.settings.reader import Setting
from transdocs.statements.targets import Targets
from transdocs.translations.structure_diff import _front_matter_part, compare, shape
from transdocs.translations.value_drift import (
    Drift,
    _may_number,
    _names,
    _number_words,
    _unmatched,
    blanked,
    has_digit,
    numbered_statements,
    value_drift,
)

ROOT = Path(__file__).parent.parent


def _real_pairs() -> list[tuple[str, str]]:
    """Every two pages of one tree with the same name (an English page and its translations, and
    translations with each other: a page that states defaults against one that may not)."""
    named: dict[tuple[str, str], list[Path]] = defaultdict(list)
    for tree in (ROOT / "docs", *(ROOT / "tests" / "fixtures").iterdir()):
        for page in sorted(tree.rglob("*.md*")) if tree.is_dir() else ():
            named[tree.name, page.name].append(page)
    pairs = []
    for pages in named.values():
        texts = [page.read_text(encoding="utf-8", errors="replace") for page in pages]
        pairs += [(a, b) for a in texts for b in texts if a is not b]
    return pairs


# Pieces of pages (a line, or a table's lines) as the comparisons read them.
_PIECES = [
    "# Configuration",
    "## `build.client`",
    "## `build.server` {#server}",
    "### platformProxy.enabled",
    "### Options",
    "## Vagrant",
    "## 选项",
    "**Default:** `'./client'`",
    "**Default:** `5`",
    "- **Default:** `true`",
    "**Standard:** `5`",
    "- **默认值：** `3`",
    "**기본값:** `'./dist/client'`",
    "**Type:** `string`",
    "**타입:** `number`",
    "Default: `x`",
    "> Default: `{ persist: true }`",
    "**Default:**",
    "**Default:** `{ persist: false }`",
    "  - `a`",
    "  - `b`",
    "```js",
    "```",
    "const defaultConfig = { port: 3000 }",
    "  port: 4000,",
    "host: 'localhost'",
    "| Option | Default | Description |\n|---|---|---|",
    "| 选项 | 默认值 | 说明 |\n|---|---|---|",
    "| Name | Type |\n|---|---|",
    "| Parameter | `alpha` | `beta` |\n|---|---|---|",
    "| 参数 | `alpha` | `beta` |\n|---|---|---|",
    "| Parameter | `alpha` | `beta` |\n|---|---|---|\n| Default | `1` | `2` |\n| Type | `int` | `str` |",
    "| `full_symbol` | `'x'` | the symbol |",
    "| `charging_symbol` | `5` | when charging |",
    "| `full_symbol` | `'y'` | 符号 |",
    "| Default | `1` | `2` |",
    "| 默认 | `1` | `3` |",
    "| Type | `int` | `str` |",
    '<ParamField path="timeout" default="5">',
    '<ParamField path="timeout" default="7">',
    '<Prop name="size" default="true" />',
    "Some prose with `build.client` set to `true`.",
    "",
    "",
    "",
]


_VALUES = ["`1`", "`2`", "`3`", "`5`", "`true`", "`'x'`", '"5"', '"true"', "3000", "Default", "默认"]


def _random_page(rng: random.Random) -> str:
    """A page of a few kinds of pieces (some pages hold only tables, or only props)."""
    pool = rng.sample(_PIECES, 6)
    return "\n".join(rng.choice(pool) for _ in range(rng.randint(0, 30))) + "\n"


def _random_pairs() -> list[tuple[str, str]]:
    rng = random.Random(18)
    pairs = []
    for _ in range(3_000):
        english = _random_page(rng)
        translated = english
        if rng.random() < 0.5:  # labels translated into words that do not say "default" (learned from other sections)
            translated = translated.replace("**Default:**", "**Predeterminado:**").replace("**Type:**", "**Tipo:**")
        if rng.random() < 0.3:  # two lines swapped: a label paired with another one where counts match
            lines = translated.split("\n")
            at = rng.randrange(len(lines))
            lines[at : at + 2] = lines[at : at + 2][::-1]
            translated = "\n".join(lines)
        for _ in range(rng.randint(0, 3)):  # a translation: values changed, lines dropped or added
            translated = translated.replace(rng.choice(_VALUES), rng.choice(_VALUES), 1)
            lines = translated.split("\n")
            at = rng.randrange(len(lines) + 1)
            lines[at : at + rng.randint(0, 1)] = [rng.choice(_PIECES)] * rng.randint(0, 1)
            translated = "\n".join(lines)
        pairs.append((english, translated))
    return pairs


class _Forgetful(dict[Hashable, Any]):
    """A memo that keeps nothing: every value is read where it is compared."""

    def __setitem__(self, key: Hashable, value: Any) -> None:
        pass


def _full_comparison(laid: Laid, theirs: Laid) -> list[Aligned]:
    """aligned_differences as it was: every pair of sections compared, the translation laid out whole
    and its labels learned before any pair is compared, English's values read at each comparison."""
    ours = Laid(laid.doc, laid.lines, replace(laid.places, read=_Forgetful()))
    index_e = {id(s): i for i, s in enumerate(ours.sections)}
    index_t = {id(s): i for i, s in enumerate(theirs.sections)}
    pairs = [(index_e[id(e)], index_t[id(t)]) for e, t in pair_sections(ours.sections, theirs.sections)]
    learned = _learned_labels(pairs, ours.places, theirs.places)
    found: list[Aligned] = []
    for e, t in pairs:
        found += _section_pair(ours.sections[e], ours.places, theirs.places, e, t, lambda: learned)
    return found


# A label learned in a section where English states no default ("Standard" for "Type" in `a`) keeps the
# same label from being read as "default" where the two pages hold different numbers of labelled lines.
_LEARNED_ELSEWHERE = (
    "## `a`\n\n**Type:** `string`\n\n## `b`\n\n**Default:** `5`\n**Since:** `1.0`\n",
    "## `a`\n\n**Standard:** `string`\n\n## `b`\n\n**Standard:** `6`\n",
)

# One English value read in two sections: as the option's own value where the section writes the
# option as that object (`{ persist: true }` is `true` under `platformProxy.persist`), as written elsewhere.
_OPTION = "## `platformProxy.persist`\n\n**Type:** `{ persist?: boolean }`\n\n**Default:** `{ persist: true }`\n\n"
_UNWRAPPED_IN_ONE_SECTION = (
    _OPTION + "## `other`\n\n**Default:** `{ persist: true }`\n",
    _OPTION + "## `other`\n\n**Default:** `true`\n",
)


def test_only_the_sections_where_english_states_a_default_are_compared_and_find_the_same() -> None:
    compared = 0
    for english, translated in [_LEARNED_ELSEWHERE, _UNWRAPPED_IN_ONE_SECTION, *_real_pairs(), *_random_pairs()]:
        for mdx in (False, True):
            english_doc, doc = read_markdown(english, mdx), read_markdown(translated, mdx)
            laid = lay_out(english_doc, english)
            # English's places are found from where its sections start, before (or without) its sections
            assert section_starts(english_doc) == [section.start for section in laid.sections]
            full = _full_comparison(laid, lay_out(doc, translated))
            for _ in range(2):  # English read anew, then as remembered for another translation
                assert aligned_differences(laid, english, doc, translated) == full, (english, translated)
            compared += bool(full)
    assert compared > 100  # the pages do differ: the comparison is not empty throughout


# Pieces of pages where value drift looks: settings named in each way next to numbers, quoted or not.
_NUMBERED = [
    "# Retries",
    "## Waiting",
    "## 等待",
    "Set `LLM_NUM_RETRIES` to 5.",
    "Set `LLM_NUM_RETRIES` to 7.",
    "`num_retries` defaults to 3, `timeout` to 120.",
    "`num_retries` defaults to 3, `timeout` to 90.",
    "The timeout is {{ timeout.env }} = 60 seconds.",
    'Write "timeout 30" as an example of `LLM_TIMEOUT`.',
    "Waits between 1 and 60 seconds (`retry_min_wait`, `retry_max_wait`).",
    "等待 1 到 30 秒（`retry_min_wait`、`retry_max_wait`）。",
    "| `LLM_TIMEOUT` | 120 |\n|---|---|\n| `LLM_NUM_RETRIES` | 5 |",
    "```toml\nnum_retries = 4\ntimeout = 30\n```",
    "No setting here, only 42.",
    "",
]


def _plain_drift(english: Document, translation: Document, targets: Targets) -> list[Drift]:
    """value_drift as it was: every section of the translation read."""
    theirs = numbered_statements(english, targets)
    drifts = []
    for key, numbers in numbered_statements(translation, targets).items():
        extra, missing = _unmatched(numbers, theirs.get(key, []))
        if extra and missing:
            label = targets.by_setting[key[1][0]].info.label
            drifts += [
                Drift(line, label, text, missing[min(i, len(missing) - 1)][1]) for i, (line, text) in enumerate(extra)
            ]
    return drifts


def test_value_drift_reads_only_the_sections_where_english_numbers_a_setting_and_finds_the_same() -> None:
    targets, rng = our_targets(), random.Random(18)
    pairs = _real_pairs()
    for _ in range(3_000):
        english = "\n".join(rng.choice(_NUMBERED) for _ in range(rng.randint(0, 12))) + "\n"
        translated = english
        for _ in range(rng.randint(0, 3)):
            translated = translated.replace(rng.choice("0123456789"), rng.choice("0123456789"), 1)
            lines = translated.split("\n")
            at = rng.randrange(len(lines) + 1)
            lines[at : at + rng.randint(0, 1)] = [rng.choice(_NUMBERED)] * rng.randint(0, 1)
            translated = "\n".join(lines)
        pairs.append((english, translated))
    drifted = 0
    for english, translated in pairs:
        english_doc, doc = read_markdown(english, False), read_markdown(translated, False)
        full = numbered_statements(doc, targets)
        sections = set(rng.sample(range(len(doc.headings) + 1), rng.randint(0, len(doc.headings) + 1)))
        assert numbered_statements(doc, targets, sections) == {k: v for k, v in full.items() if k[0] in sections}
        found = _plain_drift(english_doc, doc, targets)
        assert value_drift(english_doc, doc, targets) == found, (english, translated)
        drifted += bool(found)
    assert drifted > 100


def test_broken_placeholders_of_a_whole_page_are_what_each_line_holds() -> None:
    rng = random.Random(18)
    texts = [text for pair in _real_pairs() for text in pair[:1]]
    pieces = ["{", "}", "{{", "}}", "\\", " ", "\t", "\r", "\x85", "\u2028", "\n", "a", "b.c", "_", "1", "."]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 40))) for _ in range(30_000)]
    texts += ["{{ a.default }\n{ b.env }}\n\\{{ c.key }}\n{{\n d.env }}"]
    broken = 0
    for text in texts:
        by_line = [(n, name) for n, line in enumerate(text.split("\n"), start=1) for name in unbalanced(line)]
        assert broken_placeholders(text) == by_line, repr(text)
        broken += bool(by_line)
    assert broken > 1_000


def test_a_page_whose_double_braces_are_all_whole_placeholders_is_not_searched_for_broken_ones() -> None:
    """Told how many whole placeholders its document found, broken_placeholders answers as it does
    without (blanking them all), on our pages and on random ones built of braces, whole and escaped
    placeholders and front matter (whose placeholders the document does not count)."""
    rng = random.Random(18)
    texts = [text for pair in _real_pairs() for text in pair[:1]]
    pieces = ["{", "}", "{{", "}}", "{{ a.b }}", "{{c}}", "\\{{ d.e }}", "\\", " ", "\n", "a", "b.c", "---\n"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 30))) for _ in range(30_000)]
    skipped = 0
    for text in texts:
        whole = len(read_markdown(text).placeholders)
        assert broken_placeholders(text, whole) == broken_placeholders(text), repr(text)
        skipped += bool(whole) and text.count("{{") == whole == text.count("}}")
    assert skipped > 1_000


# Pieces of pages the structure comparison reads: headings, fences (aliases among them), placeholders, includes.
_STRUCTURED = [
    "# Title",
    "## Section",
    "### Part",
    "```py\nx = 1\n```",
    "```python\nx = 1\n```",
    "```\nx = 1\n```",
    "```toml\nx = 1\n```",
    "Wait {{ timeout.env }} seconds.",
    "Use {{ model.default }} and {{ timeout.env }}.",
    '--8<-- "snippets/settings.md"',
    '--8<-- "snippets/other.md"',
    "Prose without structure.",
    "",
]


def test_a_translation_of_the_same_shape_as_english_has_no_structure_difference() -> None:
    """structure_findings skips the comparison when the shapes match: the comparison finds nothing then."""
    rng = random.Random(18)
    pairs = _real_pairs()
    for _ in range(3_000):
        english = "\n\n".join(rng.choice(_STRUCTURED) for _ in range(rng.randint(0, 12))) + "\n"
        translated = english
        for _ in range(rng.randint(0, 2)):  # a piece dropped, added or swapped with its neighbour
            pieces = translated.split("\n\n")
            at = rng.randrange(len(pieces) + 1)
            pieces[at : at + rng.randint(0, 2)] = [rng.choice(_STRUCTURED) for _ in range(rng.randint(0, 2))]
            translated = "\n\n".join(pieces)
        pairs.append((english, translated))
    same = differ = 0
    for english, translated in pairs:
        english_doc, doc = read_markdown(english, False), read_markdown(translated, False)
        found = compare(english_doc, doc, "en/page.md")
        if shape(doc) == shape(english_doc):
            assert found == [], (english, translated)
            same += 1
        else:
            differ += bool(found)
    assert same > 500 and differ > 500


def test_front_matter_is_judged_from_its_own_lines_as_from_the_whole_page() -> None:
    rng = random.Random(18)
    pieces = ["---", "...", "--- ", "-- -", "key: value", "not key", " indented", "# x", "", "\r", "\x85", "\u2028"]
    opening = ["---", "---\n", "--- \n", "---\r\n"]
    texts = [text for pair in _real_pairs() for text in pair[:1]]
    texts += [
        rng.choice(opening) + "\n".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(30_000)
    ]
    broken = 0
    for text in texts:
        whole = front_matter_problem(text)
        assert front_matter_problem(_front_matter_part(text)) == whole, repr(text)
        broken += whole is not None
    assert broken > 1_000


_EXPLICIT_ID = re.compile(r"\{\s*#([\w:.-]+)[^}]*\}\s*$")


def _plain_key(line: str) -> tuple[str | None, str]:
    """sections._key as it was: every pattern searched in every heading."""
    explicit = _EXPLICIT_ID.search(line)
    heading = re.sub(r"^\s*#{1,6}\s+", "", line)
    title = (_EXPLICIT_ID.sub("", heading) if explicit else heading).strip().strip("#").strip()
    code = re.search(r"`([^`\n]+)`", title)
    found = code if code else _OPTION_NAME.search(title)
    option = None
    if found is not None:
        rest = re.sub(r"<[^<>]*>|\([^()]*\)|\[[^\]]*\]", "", title[: found.start()] + title[found.end() :])
        if not any(char.isalpha() for char in rest):
            option = found.group(1).strip() if code else found.group(0)
    if explicit:
        return "#" + explicit.group(1), option or title
    return option, option or title


def test_a_heading_is_keyed_as_by_searching_every_pattern_in_it() -> None:
    """sections._key searches a heading for an option only where one can be (its screen), and for an
    anchor and code only where their braces and backticks are."""
    rng = random.Random(18)
    lines = [line for pair in _real_pairs() for line in pair[0].split("\n") if line.lstrip().startswith("#")]
    pieces = [
        "#",
        "## ",
        " ",
        "a",
        "Z",
        "_",
        ".",
        "$",
        "-",
        "--",
        "`",
        "{",
        "}",
        "{#id}",
        "é",
        "選",
        "x1",
        "(",
        ")",
        "<b>",
    ]
    lines += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(30_000)]
    options = 0
    for line in lines:
        assert _key(line) == _plain_key(line), repr(line)
        options += _key(line)[0] is not None
    assert options > 3_000


def _plain_table_cells(english: Table, translated: Table) -> list[tuple[str, str, int, str]]:
    """compare._table_cells as it was: both tables' rows keyed and every header cell read at each comparison."""
    if len(english.header) != len(translated.header):
        return []
    found = []
    columns = [i for i, cell in enumerate(english.header) if i and says_default(cell)]
    theirs = _rows(translated)
    if columns:
        for key, (_, cells) in _rows(english).items():
            if key in theirs:
                line, other = theirs[key]
                found += [(key, cells[c], line, other[c]) for c in columns if c < len(cells) and c < len(other)]
    if len(english.rows) == len(translated.rows):
        named = [
            c for c in range(1, len(english.header)) if key_cell(english.header[c]) == key_cell(translated.header[c])
        ]
        for (_, cells), (line, other) in zip(english.rows, translated.rows, strict=True):
            if named and cells and says_default(cells[0]) and len(cells) == len(other):
                found += [(key_cell(english.header[c]), cells[c], line, other[c]) for c in named if c < len(cells)]
    return found


def test_the_default_cells_of_two_tables_are_those_read_anew_at_each_comparison() -> None:
    """_table_cells reads an English table once for all its translations (and a translated table's rows only
    when English has a default column)."""
    found = 0
    for english, translated in [*_real_pairs(), *_random_pairs()]:
        english_tables = [b for b in read_markdown(english, False).blocks if isinstance(b, Table)]
        tables = [b for b in read_markdown(translated, False).blocks if isinstance(b, Table)]
        ours = Places()
        for a, b in zip(english_tables, tables, strict=False):
            for _ in range(2):  # read, then remembered
                cells = _plain_table_cells(a, b)
                assert list(_table_cells(ours, a, b)) == cells, (english, translated)
                found += bool(cells)
    assert found > 1_000


def test_a_digit_is_found_where_the_digit_pattern_finds_one() -> None:
    rng = random.Random(18)
    texts = [block for pair in _real_pairs() for block in pair[0].split("\n\n")]
    # ASCII digits, digits of other scripts (Arabic-Indic, Devanagari, full-width), digit-like non-digits
    pieces = [*"0123456789", "٣", "۷", "५", "９", "²", "½", "Ⅻ", "a", " ", "é", "選", "\n", "-", "."]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 6))) for _ in range(30_000)]
    found = 0
    for text in texts:
        assert has_digit(text) == (re.search(r"\d", text) is not None), repr(text)
        found += has_digit(text)
    assert 1_000 < found < len(texts) - 1_000


def test_a_block_with_its_setting_names_blanked_is_what_substituting_them_gives() -> None:
    pattern = _names(our_targets())
    assert pattern is not None
    rng = random.Random(18)
    texts = [block for pair in _real_pairs() for block in pair[0].split("\n\n")]
    pieces = [*_NUMBERED, "timeout", "LLM_TIMEOUT", "{{ num_retries.env }}", "model.", "x", " ", "5", "\n"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 8))) for _ in range(20_000)]
    named = 0
    for text in texts:
        matches = list(pattern.finditer(text))
        assert blanked(text, matches) == pattern.sub(lambda m: " " * len(m.group(0)), text), repr(text)
        named += len(matches) > 1
    assert named > 1_000


# A setting whose placeholder name is no env var or key ({{ wait.env }} names it with neither word), and
# one with a k (written with the Kelvin sign).
_MORE = [Setting("wait", "APP_MAX_WAIT", "max_wait", 5, "number"), Setting("keep", None, "keep_alive", 5, "number")]


def test_a_block_said_to_name_no_number_setting_names_none_and_the_statements_are_the_same() -> None:
    """The screen of :func:`numbered_statements` (the number settings' names in the text lower-cased, or
    ``{{``) says no only where the names' search finds no number setting (letters that IGNORECASE folds to
    ASCII ones included), and the statements are those found with every block searched."""
    rng = random.Random(18)
    pieces = [
        *_NUMBERED,
        "LLM_TIMEOUT",
        "Llm_Num_Retries",
        "llm_num_retrieſ",  # ſ is s to IGNORECASE
        "TİMEOUT",  # İ is i
        "tımeout",  # ı is i
        "\u212aeep_alive",  # the Kelvin sign is k to IGNORECASE, and lower-cased
        "{{ wait.env }}",
        "{{ timeout.key }}",
        "APP_MAX_WAIT",
        "max_wait",
        "model",
        "LLM_MODEL",
        "timeout_x",
        "等待",
        "é",
        " ",
        "`",
        "5",
        "1,5",
        "\n",
        "|",
    ]
    texts = [block for pair in _real_pairs() for block in pair[0].split("\n\n")]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 8))) for _ in range(20_000)]
    said_no = 0
    for targets in (our_targets(), Targets([*our_targets().settings, *_MORE])):
        pattern, words = _names(targets), _number_words(targets)
        assert pattern is not None and words is not None
        for text in texts:
            named = [
                targets.lookup(m.group(1) or m.group(0)) or targets.by_setting.get(m.group(1) or "")
                for m in pattern.finditer(text)
            ]
            if not _may_number(text, words):
                assert not any(t is not None and t.info.kind == "number" for t in named), repr(text)
                said_no += 1
    assert said_no > 10_000
    # the statements, screened and with every block searched (no words: the screen is off)
    targets = Targets([*our_targets().settings, *_MORE])
    pages = [english for english, _ in _real_pairs()]
    pages += [
        "\n\n".join(rng.choice(pieces) * rng.randint(1, 2) for _ in range(rng.randint(0, 12))) for _ in range(3_000)
    ]
    stated = 0
    for page in pages:
        doc = read_markdown(page, False)
        found = numbered_statements(doc, targets)
        assert found == _plain_statements(doc, targets), page
        stated += bool(found)
    assert stated > 500


def _plain_statements(doc: Document, targets: Targets) -> Any:
    """numbered_statements with its screen off (every block with a digit searched)."""
    import transdocs.translations.value_drift as value_drift

    screen = value_drift._number_words
    value_drift._number_words = lambda targets: None  # type: ignore[assignment]
    try:
        return value_drift.numbered_statements(doc, targets)
    finally:
        value_drift._number_words = screen


def test_sections_pair_as_when_the_english_page_is_read_anew_for_each_translation() -> None:
    """pair_sections keeps what it reads of the English sections alone (unique keys, foreign headings) for
    the page's other translations."""
    by_english: dict[str, list[str]] = defaultdict(list)
    for english, translated in [*_real_pairs(), *_random_pairs()]:
        by_english[english].append(translated)
    paired = 0
    for english, translations in by_english.items():
        ours = lay_out(read_markdown(english, False), english)
        memo: dict[Hashable, Any] = {}
        for translated in translations * 2:
            theirs = lay_out(read_markdown(translated, False), translated)
            found = pair_sections(ours.sections, theirs.sections, memo)
            assert found == pair_sections(ours.sections, theirs.sections), (english, translated)
            paired += len(found) > 2
    assert paired > 1_000


def test_a_label_says_default_where_the_default_pattern_finds_it() -> None:
    pattern = _DEFAULT
    rng = random.Random(18)
    labels = [cell for pair in _real_pairs() for line in pair[0].split("\n") for cell in line.split("|")]
    words = ["default", "DEFAULT", "Defaults", "standard", "STANDARD", "defecto", "padrao", "PADRÃO", "padrão"]
    words += [
        "défaut",
        "DÉFAUT",
        "ſtandard",
        "默认",
        "既定",
        "기본",
        "умолчанию",
        "УМОЛЧАН",
        "defaul",
        "stand",
        "ard",
        "x",
    ]
    labels += ["".join(rng.choice([*words, " ", "-", "`"]) for _ in range(rng.randint(0, 4))) for _ in range(20_000)]
    said = 0
    for label in labels:
        assert says_default(label) == (pattern.search(label) is not None), repr(label)
        said += says_default(label)
    assert 1_000 < said < len(labels) - 1_000


def test_a_line_is_read_as_labelled_as_when_every_line_is_matched() -> None:
    """_labelled matches the plain label pattern only on a line with a colon before a backtick."""
    rng = random.Random(18)
    lines = [line for pair in _real_pairs() for line in pair[0].split("\n")]
    pieces = ["Default", "**", ":", "：", " ", "\u3000", "`x`", "`", "> ", "- ", "1. ", "a b c d e", "<b>", "|", "\t"]
    lines += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 8))) for _ in range(30_000)]
    labelled = 0
    for line in lines:
        plain = _PLAIN.match(line)
        bold = _BOLD.match(line)
        expected = None
        if bold is not None and (bold.group("inside") or bold.group("after")):
            expected = Labelled(7, label_key(bold.group("label")), bold.group("value").strip())
        elif plain is not None and len(plain.group("label").split()) <= 4:
            expected = Labelled(7, label_key(plain.group("label")), plain.group("value").strip())
        assert _labelled(7, line) == expected, repr(line)
        labelled += expected is not None
    assert labelled > 500
