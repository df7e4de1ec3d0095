"""Where every translation stands: one row per English page, one cell per language.

The same data feeds ``llm-backends translation-status`` and the site's status page.
A cell is, in this order of precedence: ``missing`` (no file: the site shows the
English page), ``untranslated`` (a file still in English), ``broken`` (the checker's
encoding, structure, stale-default or value-drift findings), ``outdated`` (its ``source_hash``
is not the English page's: how many English lines changed, and since when, come from
git history), else ``up to date``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from transdocs.checks import kinds_affecting
from transdocs.pages.discover import InputError
from transdocs.pages.layout import Layout, LayoutError, LooseLayout, detect_layout
from transdocs.pages.reader import read_page, read_text
from transdocs.report.findings import Finding
from transdocs.tools.history import GitHistory, HistoryUnavailable
from transdocs.tools.translation_diff import UP_TO_DATE as SAME_HASH
from transdocs.tools.translation_diff import EnglishChange, english_change
from transdocs.translations.hash_stamp import recorded_hash

if TYPE_CHECKING:
    from transdocs.project import Project

UP_TO_DATE, OUTDATED, MISSING, UNTRANSLATED, BROKEN = "up-to-date", "outdated", "missing", "untranslated", "broken"
BROKEN_KINDS = kinds_affecting(BROKEN)
UNTRANSLATED_KINDS = kinds_affecting(UNTRANSLATED)


def layout_of(path: Path, configured: str | None = None) -> Layout:
    """The translation layout ``path`` (a docs folder, or a page) is in; every layout the checker reads."""
    try:
        layout = detect_layout([path], configured)
    except LayoutError as exc:
        raise InputError(str(exc)) from None
    if isinstance(layout, LooseLayout):
        raise InputError(
            f"{path}: not in a layout of translated pages (docs/<lang>/, page.<lang>.md, Docusaurus i18n/, "
            "Hugo content/<lang>/, <lang>/ folders beside English pages)"
        )
    return layout


def page_name(layout: Layout, english: Path) -> PurePosixPath:
    """The page's name in the table: its path in the English folder (``retries.md``)."""
    for base in (layout.root / layout.source, layout.root):
        try:
            return PurePosixPath(english.relative_to(base).as_posix())
        except ValueError:
            continue
    return PurePosixPath(english.name)


@dataclass(frozen=True)
class Cell:
    language: str
    path: Path  # the translation, or where it would be
    state: str
    change: EnglishChange | None = None  # how English changed since the translation's version
    findings: tuple[Finding, ...] = ()  # what makes it broken or untranslated


@dataclass(frozen=True)
class Row:
    english: Path
    name: PurePosixPath  # the page's path in its language folder: "retries.md"
    cells: dict[str, Cell]


@dataclass(frozen=True)
class Status:
    docs: Path  # as given: paths are shown relative to the working folder when it is relative
    source: str  # the language of the originals
    languages: list[str]  # the translations' languages, in column order
    rows: list[Row]
    history_problem: str | None = None  # why no date is known (no git, no repository, ...)
    shallow: bool = False
    problems: list[str] = field(default_factory=list)  # pages that could not be read

    def show(self, path: Path) -> str:
        """``path`` as the user would type it."""
        return os.path.relpath(path) if not self.docs.is_absolute() else path.as_posix()

    def cells(self) -> list[Cell]:
        return [row.cells[lang] for row in self.rows for lang in self.languages]

    def cell_at(self, path: Path | str) -> Cell | None:
        """The cell of the translation at ``path``."""
        wanted = os.path.abspath(path)
        return next((cell for cell in self.cells() if os.path.abspath(cell.path) == wanted), None)


def _findings_by_path(docs: Path, layout: str | None, config: Project | None) -> dict[str, list[Finding]]:
    from transdocs.batch import check_paths

    grouped: dict[str, list[Finding]] = {}
    for finding in check_paths([str(docs)], layout=layout, project=config):
        grouped.setdefault(os.path.abspath(finding.path), []).append(finding)
    return grouped


def _cell(
    language: str,
    path: Path,
    english: Path,
    english_text: str,
    found: list[Finding],
    history: GitHistory | None,
) -> Cell:
    if not path.is_file():
        return Cell(language, path, MISSING)
    untranslated = tuple(f for f in found if f.kind in UNTRANSLATED_KINDS)
    if untranslated:
        return Cell(language, path, UNTRANSLATED, findings=untranslated)
    broken = tuple(f for f in found if f.kind in BROKEN_KINDS)
    try:
        stamp = recorded_hash(read_page(path).text)
    except InputError:
        return Cell(language, path, BROKEN, findings=broken)
    change = english_change(english, english_text, stamp, history)
    if broken:
        return Cell(language, path, BROKEN, change, broken)
    return Cell(language, path, UP_TO_DATE if change.state == SAME_HASH else OUTDATED, change)


def translation_status(
    docs: Path,
    languages: Sequence[str] | None = None,
    *,
    layout: str | None = None,
    history: bool = True,
    config: Project | None = None,
    git: GitHistory | None = None,
) -> Status:
    """The status of every translation of every English page under ``docs``.

    ``config`` is the checker's configuration (default: the nearest ``[tool.check-docs]``,
    its settings imported as a library caller's choice; the command passes its own).

    ``languages`` chooses the columns and their order (default: every language present).
    ``history`` False, or no git history, leaves dates and changed lines unknown.
    ``git`` is a history already open (what it read is used again), else one is opened here.
    Raises :class:`InputError` when ``docs`` is not a folder of translated pages.
    """
    if not docs.is_dir():
        raise InputError(f"{docs}: no such folder")
    project = layout_of(docs, layout)
    present = project.languages()[1:]
    columns = present if languages is None else [lang for lang in languages if lang in present]
    problem = None if history else "history not read"
    if not history:
        git = None
    elif git is None:
        try:
            git = GitHistory.of(project.root)
        except HistoryUnavailable as exc:
            problem = str(exc)
    found = _findings_by_path(docs, layout, config)
    rows, problems = [], []
    for english in project.english_pages():
        try:
            english_text = read_text(english)
        except InputError as exc:
            problems.append(str(exc))
            continue
        cells = {
            lang: _cell(lang, path, english, english_text, found.get(os.path.abspath(path), []), git)
            for lang, path in project.translations_of(english).items()
            if lang in columns
        }
        rows.append(Row(english, page_name(project, english), cells))
    return Status(docs, project.source, columns, rows, problem, bool(git and git.shallow), problems)
