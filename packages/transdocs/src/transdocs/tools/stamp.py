"""``stamp-translation``: record in each translated page which English version it translates."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from transdocs.pages.discover import InputError, Page, discover
from transdocs.pages.front_matter import front_matter_problem
from transdocs.pages.reader import PageText, read_page
from transdocs.project import Project, load_project
from transdocs.translations.hash_stamp import stamped
from transdocs.translations.source_hash import source_hash


def _translations(paths: list[Path], project: Project) -> list[Page]:
    given = set(paths)
    chosen = []
    for page in discover([str(p) for p in paths], None, project.layout, source=project.source_lang).pages:
        if page.format != "md":
            continue
        if page.layout is None:
            if Path(page.shown) in given:
                raise InputError(
                    f"{page.shown}: not a translation in a known layout (docs/<lang>/ next to docs/en/...)"
                )
            continue
        if page.english is None:
            if Path(page.shown) in given:
                raise InputError(f"{page.shown}: an English page is the original, not a translation")
            continue
        chosen.append(page)
    return chosen


def _read(path: Path, shown: str) -> PageText:
    page = read_page(path)
    if page.problem is not None:
        raise InputError(f"{shown}:{page.problem.line}: not valid UTF-8; fix the encoding first")
    return page


def stamp_paths(paths: Iterable[Path], project: Project | None = None) -> list[tuple[str, str]]:
    """Stamp every translated page under ``paths``; (page, hash) for each, in order.

    Everything is read and checked before the first page is written. A page keeps its
    byte order mark and line endings; a page whose front matter is broken is refused
    (rewriting it would bury the problem under a second block). The layout comes from
    ``project`` (by default ``[tool.check-docs]`` of the nearest pyproject.toml), else is detected.
    """
    work = []
    for page in _translations(list(paths), project or load_project()):
        assert page.english is not None
        if not page.english.is_file():
            raise InputError(f"{page.shown}: no English page {page.english}")
        original = _read(page.english, str(page.english))
        translation = _read(page.path, page.shown)
        broken = front_matter_problem(translation.text)
        if broken is not None:
            raise InputError(f"{page.shown}:{broken[0]}: {broken[1]}; fix it before stamping")
        work.append((page, original.text, translation))
    done = []
    for page, english, translation in work:
        updated = stamped(translation.text, english)
        if updated != translation.text:
            page.path.write_bytes(translation.encode(updated))
        done.append((page.shown, source_hash(english)))
    return done
