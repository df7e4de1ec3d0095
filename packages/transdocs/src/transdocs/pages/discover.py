"""Which files to check, in which language, and which English page each translates.

Markdown pages take their language and original from the project's layout
(:mod:`transdocs.pages.layout`: folder, suffix, Docusaurus, Hugo, root); a loose file takes
``--lang``. Built HTML takes ``<html lang>`` (read later, with the page), else a
``/<lang>/`` folder in its path, else ``--lang``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePath
from typing import NamedTuple

from transdocs.errors import InputError
from transdocs.languages import LANGUAGES
from transdocs.pages.layout import Known, Layout, LayoutError, LooseLayout, detect_layout
from transdocs.pages.walk import HTML_SUFFIXES, PAGE_SUFFIXES, file_problem, suffix_of, walk_pages

__all__ = ["Discovery", "InputError", "Page", "discover"]


class Page(NamedTuple):
    path: Path
    shown: str
    format: str  # "md" or "html"
    lang: str | None
    layout: Layout | None = None
    # For a translated Markdown page: the source-language page it translates (it may not exist).
    english: Path | None = None

    @property
    def declares_language(self) -> bool:
        """Its language comes from where it is (a language folder, ``<html lang>``), not ``--lang``."""
        return self.format == "html" or (self.layout is not None and self.layout.name != "loose")


class Found(Mapping[str, Path]):
    """The pages found, by the text of their path made absolute (see :data:`~transdocs.pages.layout.Known`).

    A page found under a folder given by its absolute path is known as that very path; one given by a
    relative path gets its absolute path when first asked for it (only English pages are: a Path costs
    more to make than the look at the disk it saves)."""

    def __init__(self) -> None:
        self._paths: dict[str, Path | None] = {}

    def add(self, absolute: str, path: Path | None) -> None:
        """Know the page at ``absolute`` (its text), as ``path`` (None: made from the text when asked)."""
        self._paths[absolute] = path

    def get(self, absolute: str, default: Path | None = None) -> Path | None:  # type: ignore[override]
        if absolute not in self._paths:
            return default
        path = self._paths[absolute]
        if path is None:
            path = self._paths[absolute] = Path(absolute)
        return path

    def __getitem__(self, absolute: str) -> Path:
        path = self.get(absolute)
        if path is None:
            raise KeyError(absolute)
        return path

    def __contains__(self, absolute: object) -> bool:
        return absolute in self._paths

    def __iter__(self) -> Iterator[str]:
        return iter(self._paths)

    def __len__(self) -> int:
        return len(self._paths)


def working_folder() -> str:
    """The working folder, ending with a separator (for :func:`absolute_text`)."""
    return os.path.join(os.getcwd(), "")


def absolute_text(path: Path, here: str) -> str:
    """``str(path.absolute())``, ``here`` the :func:`working_folder` asked once by the caller
    (``Path.absolute`` asks the system each time and makes a new path)."""
    if path.is_absolute():
        return str(path)
    return str(path.absolute()) if path.drive else here + str(path)  # (a drive-relative path, on Windows)


def _absolute_texts(given: Path, absolute: Path, files: list[Path]) -> list[str]:
    """``os.path.abspath`` of each of ``files`` (``given``, or found under it), by string work: a file
    found is ``given`` joined with plain names, so it is ``absolute`` (``given`` made absolute) joined
    with them."""
    base, root = str(given), str(absolute)
    if base == root:
        return [str(file) for file in files]
    if root.endswith(os.sep):  # the file system's root: the general way
        return [os.path.abspath(file) for file in files]
    if base == os.curdir:  # (what is found under "." is written without it)
        return [root if file is given else root + os.sep + str(file) for file in files]
    cut = len(base)
    return [root + str(file)[cut:] for file in files]


@dataclass
class Discovery:
    """The pages to check, the layouts they belong to and the folders given as a whole."""

    pages: list[Page] = field(default_factory=list)
    layouts: list[Layout] = field(default_factory=list)
    folders: list[Path] = field(default_factory=list)
    given: list[tuple[str, Path]] = field(default_factory=list)
    _shown: dict[Path, str] = field(default_factory=dict, repr=False)
    # Documentation files in the folders that are of a type not read (reported, not skipped).
    unread: list[Path] = field(default_factory=list)
    # The pages found, by their absolute path's text: a page found needs no look at the disk (see layout.Known).
    known: Found = field(default_factory=Found, repr=False)

    def show(self, path: Path) -> str:
        """``path`` as the user would write it: under the folder they gave, else relative to here."""
        shown = self._shown.get(path)
        if shown is None:
            shown = self._shown[path] = self._show(path)
        return shown

    def _show(self, path: Path) -> str:
        absolute = os.path.abspath(path)
        for text, folder in self.given:
            shown = _shown_under(absolute, text, folder)
            if shown is not None:
                return shown
        if any(not os.path.isabs(text) for text, _ in self.given):
            return os.path.relpath(absolute)
        return absolute

    def covers(self, path: Path) -> bool:
        """Whether ``path`` lies in a folder given as a whole (so a missing page there is news)."""
        absolute = Path(os.path.abspath(path))
        return any(folder == absolute or folder in absolute.parents for folder in self.folders)


def _shown_under(absolute: str, given: str, folder: Path) -> str | None:
    """``str(PurePath(given) / Path(absolute).relative_to(folder))`` (``absolute`` the normalised text of an
    absolute path, ``folder`` the folder ``given`` names), or None when ``absolute`` is not in ``folder``:
    by string work on POSIX paths (case-sensitive, their text normalised) below the file system's root."""
    top = str(folder)
    if os.name != "posix" or top.endswith(os.sep):  # the general way
        try:
            return str(PurePath(given) / Path(absolute).relative_to(folder))
        except ValueError:
            return None
    if absolute == top:
        return _normal(given)
    if not absolute.startswith(top + os.sep):
        return None
    base, rest = _normal(given), absolute[len(top) + 1 :]
    return rest if base == os.curdir else base + rest if base.endswith(os.sep) else base + os.sep + rest


@lru_cache(maxsize=64)
def _normal(given: str) -> str:
    """``given`` as a path writes it (``./docs/`` is ``docs``)."""
    return str(PurePath(given))


def _html_page(path: Path, shown: str, lang: str | None) -> Page:
    parts = PurePath(shown).parts
    from_path = next((p for p in parts[:-1] if p in LANGUAGES), None)
    return Page(path, shown, "html", from_path or lang)


def _md_page(path: Path, absolute: str, shown: str, layout: Layout, lang: str | None, known: Known) -> Page:
    page_lang, english = layout.page_of(path, absolute, known)
    if page_lang is None:
        return Page(path, shown, "md", lang)
    return Page(path, shown, "md", page_lang, layout, english)


def discover(
    paths: Sequence[str],
    lang: str | None,
    layout: str | None = None,
    *,
    source: str | None = None,
    languages: Sequence[str] | None = None,
) -> Discovery:
    """The pages under ``paths``. Raises :class:`InputError` for paths that cannot be checked."""
    found = Discovery()
    options = {"source": source} if source else {}
    for given in paths:
        path = Path(given)
        absolute = Path(os.path.abspath(path))
        if not os.path.lexists(path):
            raise InputError(f"{given}: no such file or directory")
        try:
            project = detect_layout([path], layout, lang=lang, languages=languages, **options)
        except LayoutError as exc:
            raise InputError(str(exc)) from None
        if project not in found.layouts and not isinstance(project, LooseLayout):
            found.layouts.append(project)
        else:
            project = next((known for known in found.layouts if known == project), project)
        if path.is_dir() and suffix_of(path) not in PAGE_SUFFIXES:
            found.folders.append(absolute)
            found.given.append((given, absolute))
            files = walk_pages(path, unread=found.unread)
        else:
            problem = file_problem(path)
            if problem is not None:
                raise InputError(f"{given}: {problem}")
            if suffix_of(path) not in PAGE_SUFFIXES + HTML_SUFFIXES:
                raise InputError(f"{given}: not a page ({', '.join(PAGE_SUFFIXES + HTML_SUFFIXES)})")
            files = [path]
        known = found.known
        texts = _absolute_texts(path, absolute, files)
        for file, text in zip(files, texts, strict=True):
            known.add(text, file if text == str(file) else None)
        for file, text in zip(files, texts, strict=True):
            shown = given if file is path else str(file)
            if suffix_of(file) in HTML_SUFFIXES:
                found.pages.append(_html_page(file, shown, lang))
            else:
                found.pages.append(_md_page(file, text, shown, project, lang, known))
    return found
