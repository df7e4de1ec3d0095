"""Statements in tables: a row names a setting, the "default" column gives its value.

The header cell that contains a default word ("Default", "默认值", "既定値", "Défaut",
"Padrão", "القيمة الافتراضية") marks the column. Other cells of the row are read as
prose about the row's setting, so "| X | Longest wait (default: 8) |" is a statement
too. Tables whose header names settings (one column per setting, one row per
provider) state no defaults.
"""

from __future__ import annotations

from transdocs.pages.document import Table
from transdocs.statements.lexicon import Lexicon, strip_marks
from transdocs.statements.prose import Context, Statement, statements
from transdocs.statements.targets import compatible, targets
from transdocs.statements.tokens import tokenize


def _settings_named(cell: str, lex: Lexicon) -> set[str]:
    if not lex.hint.search(cell):
        return set()
    return {t.setting for t in tokenize(strip_marks(cell)[0], lex) if t.kind == "M" and t.setting}


def table_statements(table: Table, lex: Lexicon) -> list[tuple[int, Statement]]:
    """(line, statement) for every value the table states."""
    if any(_settings_named(cell, lex) for cell in table.header):
        return []
    default_column = next((i for i, cell in enumerate(table.header) if lex.says_default(cell)), None)
    found: list[tuple[int, Statement]] = []
    for line, cells in table.rows:
        named = set().union(*(_settings_named(c, lex) for i, c in enumerate(cells) if i != default_column))
        subject = named.pop() if len(named) == 1 else None
        for index, cell in enumerate(cells):
            if index == default_column and subject is not None:
                found += [(line, s) for s in _default_cell(cell, subject, lex)]
            elif index != default_column and (
                lex.hint.search(cell) or (subject is not None and lex.says_default(cell))
            ):
                context = Context(subject=subject, subject_anywhere=True)
                found += [(line, s) for s in statements(cell, lex, context)]
    return found


def _default_cell(cell: str, setting: str, lex: Lexicon) -> list[Statement]:
    target = targets().get(setting)
    if target is None:
        return []
    for token in tokenize(strip_marks(cell)[0], lex):
        if token.kind == "V" and token.value is not None and compatible(target, token.value):
            return [Statement(setting, token.value, token.start)]
    return []
