"""Statements in tables: a row names a setting, the "default" column gives its value.

The header cell that contains a default word ("Default", "默认值", "既定値", "Défaut",
"Padrão", "القيمة الافتراضية") marks the column. Other cells of the row are read as
prose about the row's setting, so "| X | Longest wait (default: 8) |" is a statement
too.

Transposed tables work the other way round: the first cell of a row says "Default"
and the row gives values. When the header names one setting per column ("| |
`X` | `Y` |"), that row gives each column's default ("| Default | 5 | 60 |"); other
rows (one per provider) state no defaults. In a key-value table ("| Type | int |",
"| Default | 5 |") the row's value belongs to the one setting the table names, or else
to the setting of the section's heading.
"""

from __future__ import annotations

from transdocs.pages.document import Table
from transdocs.statements.lexicon import Lexicon
from transdocs.statements.prose import Context, Statement, read_tokens, statements
from transdocs.statements.targets import compatible
from transdocs.statements.tokens import Token, tokenize
from transdocs.statements.word_patterns import strip_marks


class _Cell:
    """A cell read once: the settings it names, and its text and the tokens the prose reader takes as
    they are. Most cells that pass ``may_name`` hold no setting token and no value token (the
    lexicon's ``may_hold_*`` tell without the scan): they are not tokenized, and a cell that may hold
    a value but no setting only when the prose reader needs its tokens (see ``table_statements``)."""

    __slots__ = ("_prose", "kept", "named", "text")

    def __init__(self, cell: str, lex: Lexicon | None) -> None:
        """``lex`` None: a cell not read (it names no setting, see ``may_name``)."""
        self.text, self.kept = strip_marks(cell) if lex is not None else (cell, None)
        self.named: set[str] = set()
        self._prose: list[Token] | None = None
        if lex is not None and lex.may_hold_setting(self.text):
            tokens = tokenize(self.text, lex)
            self.named = {t.setting for t in tokens if t.kind == "M" and t.setting}
            self._prose = _valued(tokens)
        elif lex is None or not lex.may_hold_value(self.text):
            self._prose = []  # neither a setting nor a value: the prose reader reads nothing

    def prose(self, lex: Lexicon) -> list[Token]:
        """The tokens the prose reader reads: none when the cell holds no value (it states nothing)."""
        if self._prose is None:
            self._prose = _valued(tokenize(self.text, lex))
        return self._prose


def _valued(tokens: list[Token]) -> list[Token]:
    return tokens if any(t.kind == "V" for t in tokens) else []


_NOTHING = _Cell("", None)


def _default_label(cell: str, lex: Lexicon) -> bool:
    """A row label that says "Default" and nothing more: "**Default**", "默认值", "Valeur par défaut"."""
    return lex.says_default(cell) and not lex.has_blocker(cell) and lex.units_between(cell) <= 3


def _default_rows(table: Table, lex: Lexicon, subjects: list[str | None]) -> list[tuple[int, Statement]]:
    """Rows labelled "Default": cell ``i`` states the default of ``subjects[i]``."""
    found: list[tuple[int, Statement]] = []
    for line, cells in table.rows:
        if not cells or not _default_label(cells[0], lex):
            continue
        for index, cell in enumerate(cells[1:], start=1):
            setting = subjects[index] if index < len(subjects) else None
            if setting is not None:
                found += [(line, s) for s in _default_cell(cell, setting, lex)]
    return found


def _one(named: set[str]) -> str | None:
    return next(iter(named)) if len(named) == 1 else None


def _naming(table: Table, lex: Lexicon) -> dict[str, bool]:
    """Whether each cell may name a setting, asked once: cells repeat ("`int`") and are asked again
    (a plain loop: a generator fed to ``update`` cost more than the tests)."""
    may_name = lex.may_name
    naming = {cell: may_name(cell) for cell in table.header}
    for _, cells in table.rows:
        for cell in cells:
            if cell not in naming:
                naming[cell] = may_name(cell)
    return naming


def table_statements(table: Table, lex: Lexicon, section: str | None = None) -> list[tuple[int, Statement]]:
    """(line, statement) for every value the table states; ``section`` is its heading's setting."""
    naming = _naming(table, lex)
    if section is None and True not in naming.values():
        return []  # no setting named and none from the heading: no row has a subject (see below)
    # Each cell is tokenized once: a cell repeated in rows is read by the rules from the same tokens again,
    # which state the same (grouping gives each value the unit of its group, the same each time).
    known = {cell: _NOTHING for cell, may in naming.items() if not may}
    get = known.get  # (a cell is looked up in a plain expression, and read only when new: most are known)

    def read(cell: str) -> _Cell:
        found = known[cell] = _Cell(cell, lex)
        return found

    by_column = [(get(cell) or read(cell)).named for cell in table.header]
    if any(by_column):
        return _default_rows(table, lex, [_one(named) for named in by_column])
    default_column = next((i for i, cell in enumerate(table.header) if lex.says_default(cell)), None)
    # Each row's cells, read once for the row's subject and for its prose (the default column's are values).
    rows = [
        [_NOTHING if i == default_column else (get(c) or read(c)) for i, c in enumerate(cells)]
        for _, cells in table.rows
    ]
    named_by_row = [set().union(*(cell.named for cell in cells)) for cells in rows]
    if default_column is None:
        named = set().union(*named_by_row)
        subject = _one(named) if named else section
        if subject is not None and len(table.header) == 2:
            defaults = _default_rows(table, lex, [None, subject])
            if defaults:
                return defaults
    found: list[tuple[int, Statement]] = []
    for (line, cells), read_cells, named in zip(table.rows, rows, named_by_row, strict=True):
        if not named:
            continue  # no subject, and no cell names a setting its prose could be about: nothing is read
        subject = _one(named)
        for index, cell in enumerate(cells):
            if index == default_column:
                if subject is not None:
                    found += [(line, s) for s in _default_cell(cell, subject, lex)]
                continue
            # Read as prose: a cell that may name a setting, from the tokens read above, when it names one
            # or the row has a subject (with neither, read_tokens reads no sentence of it) and it holds a
            # value; another when it says "default" about the row's setting.
            if naming[cell]:
                known_cell = read_cells[index]
                if (known_cell.named or subject is not None) and (tokens := known_cell.prose(lex)):
                    context = Context(subject=subject, subject_anywhere=True)
                    found += [(line, s) for s in read_tokens(known_cell.text, known_cell.kept, tokens, lex, context)]
            elif subject is not None and lex.says_default(cell):
                context = Context(subject=subject, subject_anywhere=True)
                found += [(line, s) for s in statements(cell, lex, context)]
    return found


def _default_cell(cell: str, setting: str, lex: Lexicon) -> list[Statement]:
    target = lex.targets.by_setting.get(setting)
    if target is None:
        return []
    for token in tokenize(strip_marks(cell)[0], lex):
        if token.kind in ("F", "B"):
            return []  # "litellm's 600", "if streaming: 30": the value is someone else's
        if token.kind == "V" and token.value is not None and compatible(target, token.value):
            return [Statement(setting, token.value, token.start)]
    return []
