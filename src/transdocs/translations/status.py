"""Where every translation stands: one row per English page, one cell per language.

The same data feeds ``llm-backends translation-status`` and the site's status page.
A cell is, in this order of precedence: ``missing`` (no file: the site shows the
English page), ``untranslated`` (a file still in English), ``broken`` (the checker's
encoding, structure or stale-default findings), ``outdated`` (its ``source_hash``
is not the English page's: how many English lines changed, and since when, come from
git history), else ``up to date``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from transdocs.languages import DEFAULT_LANGUAGE, LANGUAGES, split_docs_path
from transdocs.pages.discover import InputError
from transdocs.report import findings as kinds
from transdocs.report.findings import Finding
from transdocs.translations.diff import UP_TO_DATE as SAME_HASH
from transdocs.translations.diff import EnglishChange, english_change
from transdocs.translations.frontmatter import recorded_hash
from transdocs.translations.history import GitHistory, HistoryUnavailable

UP_TO_DATE, OUTDATED, MISSING, UNTRANSLATED, BROKEN = "up-to-date", "outdated", "missing", "untranslated", "broken"
STATES = (UP_TO_DATE, OUTDATED, MISSING, UNTRANSLATED, BROKEN)
UNTRANSLATED_KIND = "untranslated"  # the checker's finding for a translation still in English
BROKEN_KINDS = frozenset({kinds.ENCODING, kinds.STRUCTURE, kinds.STALE})


class _Folders:
    """The static-i18n folder layout (``docs/<lang>/page.md``), with the names of the Layout
    API of ``pages/layout.py``: the status code switches to that module without changes."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def english_pages(self) -> list[Path]:
        return sorted(p for p in (self.root / DEFAULT_LANGUAGE).rglob("*.md") if p.is_file())

    def languages(self) -> list[str]:
        return [DEFAULT_LANGUAGE, *(lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE)]

    def translations_of(self, english: Path) -> dict[str, Path]:
        name = english.relative_to(self.root / DEFAULT_LANGUAGE)
        return {lang: self.root / lang / name for lang in self.languages()[1:]}

    def english_of(self, path: Path) -> Path | None:
        located = split_docs_path(path, self.root)
        if located is None or located[0] == DEFAULT_LANGUAGE:
            return None
        return self.root / DEFAULT_LANGUAGE / located[1]


def layout_of(path: Path) -> _Folders:
    """The layout of the docs ``path`` is in (a docs folder, or a page in it)."""
    for folder in (path, *path.parents) if path.is_dir() else path.parents:
        if (folder / DEFAULT_LANGUAGE).is_dir() and (folder == path or split_docs_path(path, folder)):
            return _Folders(folder)
    raise InputError(f"{path}: not in a docs folder with an {DEFAULT_LANGUAGE}/ folder of English pages")


def read_text(path: Path) -> str:
    """A page's text (UTF-8, BOM removed); :class:`InputError` when it cannot be read as that."""
    try:
        return path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not valid UTF-8; fix the encoding first") from None


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
    docs: Path
    languages: list[str]  # the translations' languages, in column order
    rows: list[Row]
    history_problem: str | None = None  # why no date is known (no git, no repository, ...)
    shallow: bool = False
    problems: list[str] = field(default_factory=list)  # pages that could not be read

    def cells(self) -> list[Cell]:
        return [row.cells[lang] for row in self.rows for lang in self.languages]

    def cell(self, language: str, name: PurePosixPath) -> Cell | None:
        row = next((row for row in self.rows if row.name == name), None)
        return row.cells.get(language) if row else None


def _findings_by_path(docs: Path) -> dict[Path, list[Finding]]:
    from transdocs.runner import check_paths

    grouped: dict[Path, list[Finding]] = {}
    for finding in check_paths([str(docs)]):
        grouped.setdefault(Path(finding.path).resolve(), []).append(finding)
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
    untranslated = tuple(f for f in found if f.kind == UNTRANSLATED_KIND)
    if untranslated:
        return Cell(language, path, UNTRANSLATED, findings=untranslated)
    broken = tuple(f for f in found if f.kind in BROKEN_KINDS)
    try:
        stamp = recorded_hash(read_text(path))
    except InputError:
        return Cell(language, path, BROKEN, findings=broken)
    change = english_change(english, english_text, stamp, history)
    if broken:
        return Cell(language, path, BROKEN, change, broken)
    return Cell(language, path, UP_TO_DATE if change.state == SAME_HASH else OUTDATED, change)


def translation_status(docs: Path, languages: Sequence[str] | None = None, *, history: bool = True) -> Status:
    """The status of every translation of every English page under ``docs``.

    ``history`` False, or no git history, leaves dates and changed lines unknown.
    Raises :class:`InputError` when ``docs`` is not a docs folder.
    """
    if not docs.is_dir():
        raise InputError(f"{docs}: no such folder")
    layout = layout_of(docs)
    columns = [lang for lang in layout.languages()[1:] if languages is None or lang in languages]
    git: GitHistory | None = None
    problem = None if history else "history not read"
    if history:
        try:
            git = GitHistory.of(layout.root)
            git.load(layout.root / DEFAULT_LANGUAGE)
        except HistoryUnavailable as exc:
            git, problem = None, str(exc)
    found = _findings_by_path(layout.root)
    rows, problems = [], []
    for english in layout.english_pages():
        try:
            english_text = read_text(english)
        except InputError as exc:
            problems.append(str(exc))
            continue
        translations = layout.translations_of(english)
        cells = {
            lang: _cell(lang, path, english, english_text, found.get(path.resolve(), []), git)
            for lang, path in translations.items()
            if lang in columns
        }
        name = PurePosixPath(english.relative_to(layout.root / DEFAULT_LANGUAGE).as_posix())
        rows.append(Row(english, name, cells))
    return Status(layout.root, columns, rows, problem, bool(git and git.shallow), problems)
