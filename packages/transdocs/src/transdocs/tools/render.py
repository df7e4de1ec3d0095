"""What ``translation-status`` and ``translation-diff`` print, as text for people and JSON for tools."""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path
from typing import Any

from transdocs.pages.discover import InputError
from transdocs.pages.reader import read_page, read_text
from transdocs.tools import translation_diff as diff
from transdocs.tools.history import GitHistory, HistoryUnavailable, Version
from transdocs.tools.translation_diff import EnglishChange, unified
from transdocs.tools.translation_status import (
    BROKEN,
    MISSING,
    OUTDATED,
    UNTRANSLATED,
    UP_TO_DATE,
    Cell,
    Status,
    layout_of,
)
from transdocs.translations.hash_stamp import recorded_hash


def day(date: datetime) -> str:
    return date.strftime("%Y-%m-%d")


def _count(number: int, noun: str) -> str:
    """``1 page``, ``2 pages``."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def diff_command(page: str) -> str:
    return f"translation-diff {page}"


def stamp_command(page: str) -> str:
    return f"stamp-translation {page}"


def _version(version: Version | None) -> dict[str, Any] | None:
    if version is None:
        return None
    return {"commit": version.commit, "date": version.date.isoformat(), "subject": version.subject}


# --- translation-status ------------------------------------------------------------------------


def outdated_detail(change: EnglishChange | None) -> str:
    """Why a translation is outdated, in the words of the status table."""
    if change is None:
        return ""
    if change.state == diff.UNSTAMPED:
        return "no source_hash: which English version it translates is unknown"
    if change.state == diff.UNMATCHED:
        return f"source_hash {change.stamp} matches no version of the English page in git history"
    if change.state == diff.NO_HISTORY:
        return "the English page changed; date unknown (no git history)"
    if change.state != diff.OUTDATED:
        return ""
    lines = change.lines_changed
    when = f"since {day(change.since.date)}" if change.since else "not committed yet"
    return f"{lines} line{'s' if lines != 1 else ''} changed in English, {when}"


def cell_text(cell: Cell) -> str:
    """The cell as the issue names it: ``outdated (3 lines changed in English, since 2026-12-01)``."""
    if cell.state == UP_TO_DATE:
        return "up to date"
    if cell.state == OUTDATED:
        return f"outdated ({outdated_detail(cell.change)})"
    if cell.state == MISSING:
        return "missing (the site shows the English page)"
    if cell.state == UNTRANSLATED:
        return "untranslated (still in English; the site shows English)"
    found = ", ".join(dict.fromkeys(f.kind for f in cell.findings))
    outdated = f"; also outdated ({outdated_detail(cell.change)})" if _outdated(cell) else ""
    return f"broken ({len(cell.findings)} finding{'s' if len(cell.findings) != 1 else ''}: {found}){outdated}"


def _outdated(cell: Cell) -> bool:
    return cell.change is not None and cell.change.state != diff.UP_TO_DATE


def _short(cell: Cell) -> str:
    return "up to date" if cell.state == UP_TO_DATE else cell.state


def status_text(status: Status) -> str:
    """The table (a row per page, a column per language), then what to do about each cell."""
    header = ["page", *status.languages]
    rows = [[row.name.as_posix(), *(_short(row.cells[lang]) for lang in status.languages)] for row in status.rows]
    widths = [max(len(line[i]) for line in [header, *rows]) for i in range(len(header))]
    out = [
        "  ".join(value.ljust(width) for value, width in zip(line, widths, strict=True)).rstrip()
        for line in [header, *rows]
    ]
    todo = [cell for cell in status.cells() if cell.state != UP_TO_DATE]
    if todo:
        out += ["", "Not up to date:"]
        for cell in todo:
            out.append(f"  {status.show(cell.path)}: {cell_text(cell)}")
            if cell.state == OUTDATED or (cell.state == BROKEN and _outdated(cell)):
                out.append(f"      see what changed: {diff_command(status.show(cell.path))}")
            for finding in cell.findings:
                out.append(f"      {finding.as_text()}")
    else:
        counted = f"{_count(len(status.rows), 'page')}, {_count(len(status.languages), 'language')}"
        out += ["", f"Every translation is up to date ({counted})."]
    if status.history_problem:
        out += ["", f"Dates unknown: {status.history_problem}."]
    out += [f"cannot read: {problem}" for problem in status.problems]
    return "\n".join(out)


def cell_dict(cell: Cell, shown: str) -> dict[str, Any]:
    change = cell.change
    facts: dict[str, Any] = {"state": cell.state, "path": shown, "text": cell_text(cell)}
    if change is not None:
        facts["english_hash"] = change.current_hash
        facts["source_hash"] = change.stamp
        if _outdated(cell):
            facts["change"] = change.state
            facts["diff_command"] = diff_command(shown)
        if change.state == diff.OUTDATED:
            facts["lines_changed"] = change.lines_changed
            facts["since"] = _version(change.since)
            facts["translated_version"] = _version(change.version)
    if cell.findings:
        facts["findings"] = [finding.as_dict() for finding in cell.findings]
    return facts


def status_json(status: Status) -> str:
    data = {
        "docs": status.docs.as_posix(),
        "languages": status.languages,
        "dates_known": status.history_problem is None,
        "history_problem": status.history_problem,
        "pages": [
            {
                "page": row.name.as_posix(),
                "english": status.show(row.english),
                "translations": {
                    lang: cell_dict(row.cells[lang], status.show(row.cells[lang].path)) for lang in status.languages
                },
            }
            for row in status.rows
        ],
        "problems": status.problems,
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


# --- translation-diff --------------------------------------------------------------------------


def page_change(page: Path, configured: str | None = None) -> tuple[Path, EnglishChange]:
    """The English page of translation ``page`` and how it changed since the stamped version.

    Raises :class:`InputError` for a page that is not a translation, and when git history
    is needed but cannot be read.
    """
    if not page.is_file():
        raise InputError(f"{page}: no such file")
    layout = layout_of(page, configured)
    english = layout.english_of(page)
    if english is None:
        raise InputError(f"{page}: an English page is the original, not a translation; give a translated page")
    english = Path(os.path.relpath(english)) if not page.is_absolute() else english
    if not english.is_file():
        raise InputError(f"{page}: no English page {english.as_posix()}")
    stamp = recorded_hash(read_page(page).text)
    english_text = read_text(english)
    history: GitHistory | None = None
    problem = None
    try:
        history = GitHistory.of(english)
    except HistoryUnavailable as exc:
        problem = str(exc)
    change = diff.english_change(english, english_text, stamp, history)
    if change.state == diff.NO_HISTORY:
        raise InputError(f"cannot read the history of {english.as_posix()}: {change.problem or problem}")
    return english, change


def _sections(change: EnglishChange) -> list[str]:
    out = []
    for item in change.changes:
        first, last = item.new
        where = f"line {first}" if first == last else f"lines {first}-{last}" if last > first else f"after line {last}"
        names = ", ".join(s.heading or "(top of the page)" for s in item.sections)
        out.append(f"  {where}: {names}")
    return out


def diff_text(page: Path, english: Path, change: EnglishChange) -> str:
    shown, source = page.as_posix(), english.as_posix()
    if change.state == diff.UP_TO_DATE:
        return f"{shown} is up to date: it translates {source} as it is now (source_hash {change.current_hash})."
    if change.state == diff.UNSTAMPED:
        return (
            f"{shown} has no source_hash, so which version of {source} it translates is unknown.\n"
            f"Compare it with {source} as a whole; when it says the same, run: {stamp_command(shown)}"
        )
    if change.state == diff.UNMATCHED:
        why = (
            "This clone is shallow, so older versions are missing: run `git fetch --unshallow` and try again."
            if change.shallow
            else "The history was rewritten, or the stamp was written by hand."
        )
        out = [
            f"{shown} says it translates the version of {source} whose source_hash is {change.stamp},",
            f"but no version of {source} in git history has that hash. {why}",
            "The English page's recent changes (newest first; source_hash of the page after each):",
        ]
        out += [f"  {v.short} {day(v.date)} {change.hashes.get(v.blob, '?')} {v.subject}" for v in change.recent] or [
            "  (no commit changed it)"
        ]
        out.append(
            f"Compare {shown} with {source} as it is now (source_hash {change.current_hash}); "
            f"when it says the same, run: {stamp_command(shown)}"
        )
        return "\n".join(out)
    assert change.version is not None and change.old_text is not None
    version = change.version
    since = (
        f"since {day(change.since.date)} (commit {change.since.short}: {change.since.subject})"
        if change.since
        else "in changes not committed yet"
    )
    lines = change.lines_changed
    out = [
        f"{shown} translates {source} as of commit {version.short} ({day(version.date)}: {version.subject}).",
        f"{source} changed {since}: {lines} line{'s' if lines != 1 else ''} changed, in:",
        *_sections(change),
        "",
        unified(
            change.old_text,
            change.new_text,
            f"{source} {version.short} (source_hash {change.stamp})",
            f"{source} now (source_hash {change.current_hash})",
        ).rstrip("\n"),
        "",
        f"Update those parts of {shown}, then run: {stamp_command(shown)}",
    ]
    return "\n".join(out)


def diff_json(page: Path, english: Path, change: EnglishChange) -> str:
    data: dict[str, Any] = {
        "page": page.as_posix(),
        "english": english.as_posix(),
        "state": change.state,
        "source_hash": change.stamp,
        "english_hash": change.current_hash,
        "translated_version": _version(change.version),
        "since": _version(change.since),
        "lines_changed": change.lines_changed,
        "changes": [item.as_dict() for item in change.changes],
        "old_text": change.old_text,
        "new_text": change.new_text,
        "diff": (
            unified(change.old_text, change.new_text, english.as_posix(), english.as_posix())
            if change.old_text is not None
            else None
        ),
        "shallow": change.shallow,
    }
    if change.state == diff.UNMATCHED:
        data["recent"] = [{**(_version(v) or {}), "source_hash": change.hashes.get(v.blob)} for v in change.recent]
    return json.dumps(data, ensure_ascii=False, indent=2)
