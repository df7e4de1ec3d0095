"""Table cells are tokenized only when the lexicon's screens say they may hold a setting (or, read as
prose, a value), and find the same statements as when every cell is tokenized.

The plain reader is kept here (``_plain_table_statements``: every cell that passes ``may_name`` is
tokenized, and read as prose when it holds a value). Compared with the screened one on the tables of our
docs, the fixtures, the real corpus's pages (with our settings and with each snapshot's own, whose names
are ordinary words: "append", "detail") when it is beside the clone, and random tables.
"""

from __future__ import annotations

import random
from functools import cache

import pytest

from tests.support.docs_tree import our_lexicon
from tests.support.real_corpus import snapshots_with_settings
from tests.test_check_docs_statements_read_once import _page_tables, _random_tables
from transdocs.languages.words import OURS
from transdocs.pages.document import Table
from transdocs.statements import tables
from transdocs.statements.lexicon import Lexicon, lexicon, strip_marks
from transdocs.statements.prose import Context, Statement, read_tokens, statements
from transdocs.statements.subject import named_setting
from transdocs.statements.tokens import tokenize


def _plain_table_statements(table: Table, lex: Lexicon, section: str | None) -> list[tuple[int, Statement]]:
    """``tables.table_statements`` with every cell that may name a setting tokenized, and every row's cells
    read, also a row whose cells name no setting (as it was)."""
    naming = {cell: lex.may_name(cell) for cell in [*table.header, *(c for _, cells in table.rows for c in cells)]}
    if section is None and not any(naming.values()):
        return []

    def named_in(cell: str) -> set[str]:
        if not naming[cell]:
            return set()
        return {t.setting for t in tokenize(strip_marks(cell)[0], lex) if t.kind == "M" and t.setting}

    by_column = [named_in(cell) for cell in table.header]
    if any(by_column):
        return tables._default_rows(table, lex, [tables._one(named) for named in by_column])
    default_column = next((i for i, cell in enumerate(table.header) if lex.says_default(cell)), None)
    if default_column is None:
        named = set().union(*(named_in(c) for _, cells in table.rows for c in cells))
        subject = tables._one(named) if named else section
        if subject is not None and len(table.header) == 2:
            rows = tables._default_rows(table, lex, [None, subject])
            if rows:
                return rows
    found: list[tuple[int, Statement]] = []
    for line, cells in table.rows:
        named = set().union(*(named_in(c) for i, c in enumerate(cells) if i != default_column))
        subject = named.pop() if len(named) == 1 else None
        context = Context(subject=subject, subject_anywhere=True)
        for index, cell in enumerate(cells):
            if index == default_column:
                if subject is not None:
                    found += [(line, s) for s in tables._default_cell(cell, subject, lex)]
            elif naming[cell]:
                text, kept = strip_marks(cell)
                tokens = tokenize(text, lex)
                if any(t.kind == "V" for t in tokens):
                    found += [(line, s) for s in read_tokens(text, kept, tokens, lex, context)]
            elif subject is not None and lex.says_default(cell):
                found += [(line, s) for s in statements(cell, lex, context)]
    return found


def _rows_about_a_setting(lex: Lexicon, count: int, seed: int) -> list[Table]:
    """Rows that name a setting in one cell and say its default in another, which passes ``may_name``
    without a setting token (a placeholder of another name: "`{{ api_key.key }}` defaults to 8")."""
    rng = random.Random(seed)
    names = [f"`{name}`" for name in [*lex.targets.env_names, *lex.targets.key_names]]
    others = ["{{ unknown.env }}", "`{{ api_key.key }}`", "{{ other.key }}"]
    says = ["{} defaults to {}", "{} (default: {})", "{}, default {}", "Default: {1} ({0})", "{} vaut {} par défaut"]
    values = ["8", "5 seconds", "`true`", "`gpt-4o`", "600 s", "两分钟", "none", "{{ timeout.default }}"]
    found = []
    for line in range(count):
        cell = rng.choice(says).format(rng.choice(others), rng.choice(values))
        row = [rng.choice(names), cell] if rng.random() < 0.8 else [cell, cell]
        found.append(Table(["Setting", rng.choice(["Description", "Default", "Notes"])], 1, [(line + 2, row)], ""))
    return found


@cache
def _snapshots() -> list[tuple[Lexicon, list[Table]]]:
    """Each real snapshot's tables with a lexicon of its own settings (zh: most of its translations)."""
    found = []
    for targets, docs in snapshots_with_settings():
        found_tables = [block for doc in docs for block in doc.blocks if isinstance(block, Table)]
        for lang in ("en", "zh"):
            found.append((lexicon(lang, targets, OURS), found_tables))
    return found


def _compare(lex: Lexicon, every: list[Table]) -> int:
    sections = [named_setting(table.section, lex) if table.section else None for table in every]
    screened = [tables.table_statements(table, lex, section) for table, section in zip(every, sections, strict=True)]
    plain = [_plain_table_statements(table, lex, section) for table, section in zip(every, sections, strict=True)]
    assert screened == plain
    return sum(map(len, plain))


@pytest.mark.parametrize("lang", ["en", "ar", "zh", None])
def test_screened_cells_state_what_every_cell_tokenized_states(lang: str | None) -> None:
    lex = our_lexicon(lang)
    every = [*_page_tables(), *_random_tables(lex, 1500, 19), *_rows_about_a_setting(lex, 400, 19)]
    assert _compare(lex, every) > 400


def test_screened_cells_on_real_snapshots_with_their_settings() -> None:
    snapshots = _snapshots()
    if not snapshots:
        pytest.skip("the real corpus is not beside the clone")
    stated = sum(_compare(lex, found) for lex, found in snapshots)
    assert stated > 0  # (their tables state few defaults in prose cells: the rows name no setting)
    cells = [c for _, found in snapshots for t in found for _, cells in t.rows for c in cells]
    assert len(cells) > 5000  # most of them pass may_name (ordinary words) and hold no setting token


def test_plain_reader_here_is_the_one_compared(monkeypatch: pytest.MonkeyPatch) -> None:
    """The comparison fails when the screened reader skips a cell it must read."""
    lex = our_lexicon("en")
    every = [*_page_tables(), *_random_tables(lex, 300, 20), *_rows_about_a_setting(lex, 100, 20)]
    monkeypatch.setattr(Lexicon, "may_hold_value", lambda self, text: False)
    with pytest.raises(AssertionError):
        _compare(lex, every)
