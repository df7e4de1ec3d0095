"""The statement readers read a text once where they used to read it again, and find the same statements.

A table cell that names a setting is tokenized once to know what it names; when it holds a value, the
prose reader takes those tokens instead of reading the cell again (``prose.read_tokens``). Compared
here with the cell read again from its text (screens, ``strip_marks``, ``tokenize``), on the tables of
our docs, the fixtures, the real corpus's pages when it is beside the clone, and random tables.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tests.support.docs_tree import our_lexicon
from tests.support.real_corpus import CORPUS
from transdocs.pages.document import Table
from transdocs.pages.markdown import read_markdown
from transdocs.statements import tables
from transdocs.statements.lexicon import Lexicon
from transdocs.statements.prose import Context, Statement, by_place, statements
from transdocs.statements.subject import named_setting
from transdocs.statements.tokens import Token
from transdocs.statements.word_patterns import Kept

ROOT = Path(__file__).parent.parent


def _page_tables() -> list[Table]:
    paths = [*(ROOT / "docs").rglob("*.md"), *(ROOT / "tests" / "fixtures").rglob("*.md")]
    if CORPUS is not None and CORPUS.is_dir():
        paths += [*CORPUS.rglob("*.md"), *CORPUS.rglob("*.mdx")]
    found = []
    for path in sorted(paths):
        doc = read_markdown(path.read_text(encoding="utf-8", errors="replace"))
        found += [block for block in doc.blocks if isinstance(block, Table)]
    return found


def _random_tables(lex: Lexicon, count: int, seed: int) -> list[Table]:
    """Tables of every shape the reader knows (a default column, a default row, key-value), with cells
    naming settings every way, values, default words, conditions and Arabic marks."""
    rng = random.Random(seed)
    targets = lex.targets
    names = [*targets.env_names, *targets.key_names, "LLM_API_KEY", "other_key"]
    settings = [*targets.by_setting, "api_key", "unknown"]
    values = ["8", "5 seconds", "2.5", "600 s", "`true`", "true", "`gpt-4o`", "`5`", "429", "两分钟", "٣٠ ثانية"]
    values += ["{{ timeout.default }}", "-", "`[1, 2]`", "1 回", "3 and 60 seconds"]
    words = ["Default", "默认值", "既定値", "Défaut", "Padrão", "القيمة الافتراضية", "Setting", "Type", "Description"]
    words += ["(default: ", "defaults to ", " if ", "litellm's ", " is ", " and ", "; ", ". ", "。", "\u064e", "ـ"]

    def name() -> str:
        kind = rng.random()
        if kind < 0.5:
            return f"`{rng.choice(names)}`" if rng.random() < 0.7 else rng.choice(names)
        if kind < 0.8:
            return f"`{{{{ {rng.choice(settings)}.{rng.choice(['env', 'key', 'default'])} }}}}`"
        return rng.choice(names).lower()

    links = [" defaults to ", " (default: ", " is ", ": ", " 默认值为 ", " vaut par défaut ", " = ", " "]

    def cell() -> str:
        parts = []
        for _ in range(rng.randint(1, 4)):
            kind = rng.random()
            if kind < 0.25:
                parts.append(f"{name()}{rng.choice(links)}{rng.choice(values)}{rng.choice(['', ')', '.', ' '])}")
            elif kind < 0.4:
                parts.append(
                    f"{rng.choice(['Default: ', '(default: ', '默认值：', 'Par défaut '])}{rng.choice(values)}"
                )
            else:
                parts.append(name() if kind < 0.6 else rng.choice(values) if kind < 0.75 else rng.choice(words))
        return "".join(parts)

    found = []
    for _ in range(count):
        width = rng.randint(2, 4)
        header = [cell() if rng.random() < 0.4 else rng.choice(words) for _ in range(width)]
        rows = [(line, [cell() for _ in range(width)]) for line in range(2, rng.randint(3, 7))]
        if rng.random() < 0.3:  # the same cell in several rows, read once and used again
            rows.append((9, list(rows[0][1])))
        section = rng.choice(["", "", name(), "Timeouts"])
        found.append(Table(header, 1, rows, section))
    return found


def _read_again(text: str, kept: Kept | None, every: list[Token], lex: Lexicon, context: Context) -> list[Statement]:
    """The cell read again from its text, as before: screens, tokenize, every rule; offsets as written."""
    return by_place(statements(text, lex, context), kept)


@pytest.mark.parametrize("lang", ["en", "ar", "zh", None])
def test_table_cells_read_once_state_what_cells_read_again_state(
    lang: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    lex = our_lexicon(lang)
    every = [*_page_tables(), *_random_tables(lex, 1500, 18)]
    sections = [named_setting(table.section, lex) if table.section else None for table in every]
    found = [tables.table_statements(table, lex, section) for table, section in zip(every, sections, strict=True)]
    stated_by_cells: list[list[Statement]] = []

    def read_again(
        text: str, kept: Kept | None, tokens: list[Token], lex: Lexicon, context: Context
    ) -> list[Statement]:
        stated_by_cells.append(_read_again(text, kept, tokens, lex, context))
        stated_by_cells[-1] and kept and marked.append(text)
        return stated_by_cells[-1]

    marked: list[str] = []
    monkeypatch.setattr(tables, "read_tokens", read_again)
    assert found == [
        tables.table_statements(table, lex, section) for table, section in zip(every, sections, strict=True)
    ]
    assert sum(map(len, stated_by_cells)) > 400  # the cells read once do state values
    assert len(marked) > 20  # some of them holding Arabic marks: their offsets are the text's as written
