"""Which files to check, in which language, and where their English originals are.

Markdown in the static-i18n layout (``docs/<lang>/page.md``) takes its language from
the folder; a loose file takes ``--lang``. Built HTML takes ``<html lang>`` (read
later, with the page), else a ``/<lang>/`` folder in its path, else ``--lang``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path, PurePath, PurePosixPath

from transdocs.languages import DEFAULT_LANGUAGE, LANGUAGES, split_docs_path

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
# Folders that hold no pages: docs/_data, hidden folders, theme overrides (Jinja, not HTML).
_SKIPPED_DIRS = frozenset({"node_modules", "__pycache__", "overrides"})


class InputError(Exception):
    """A path that cannot be checked (missing, unreadable, not a page): a usage error."""


@dataclass(frozen=True)
class Page:
    path: Path
    shown: str
    format: str  # "md" or "html"
    lang: str | None
    # For Markdown in the i18n layout: the docs folder and the page's path in its language folder.
    root: Path | None = None
    name: PurePosixPath | None = None

    @property
    def shown_root(self) -> PurePath | None:
        if self.name is None:
            return None
        return PurePath(self.shown).parents[len(self.name.parts)]


def _locate(path: Path, cache: dict[Path, tuple[Path, str] | None]) -> tuple[Path, str, PurePosixPath] | None:
    """(docs root, language, page name) when ``path`` is in a ``<root>/<lang>/`` folder."""
    resolved = path.resolve()
    folder = resolved.parent
    if folder not in cache:
        cache[folder] = None
        for parent in (folder, *folder.parents):
            if parent.name in LANGUAGES and (parent.parent / DEFAULT_LANGUAGE).is_dir():
                cache[folder] = (parent.parent, parent.name)
                break
    found = cache[folder]
    if found is None:
        return None
    split = split_docs_path(resolved, found[0])
    return (found[0], *split) if split else None


def _page(path: Path, shown: str, lang: str | None, cache: dict[Path, tuple[Path, str] | None]) -> Page:
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        parts = PurePath(shown).parts
        from_path = next((p for p in parts[:-1] if p in LANGUAGES), None)
        return Page(path, shown, "html", from_path or lang)
    located = _locate(path, cache)
    if located:
        root, page_lang, name = located
        return Page(path, shown, "md", page_lang, root, name)
    return Page(path, shown, "md", lang)


def _walk(folder: Path) -> list[Path]:
    found = []
    for directory, subdirs, files in os.walk(folder):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith((".", "_")) and d not in _SKIPPED_DIRS)
        for name in sorted(files):
            suffix = os.path.splitext(name)[1].lower()
            if suffix in MARKDOWN_SUFFIXES or suffix in HTML_SUFFIXES:
                found.append(Path(directory, name))
    return found


def discover(paths: list[str], lang: str | None) -> tuple[list[Page], set[tuple[Path, str]]]:
    """The pages to check, and the (docs root, language) folders checked as a whole."""
    pages: list[Page] = []
    cache: dict[Path, tuple[Path, str] | None] = {}
    folders: list[Path] = []
    for given in paths:
        path = Path(given)
        if not path.exists():
            raise InputError(f"{given}: no such file or directory")
        if path.is_dir():
            folders.append(path.resolve())
            pages += [_page(file, str(file), lang, cache) for file in _walk(path)]
        elif path.suffix.lower() in MARKDOWN_SUFFIXES | HTML_SUFFIXES:
            pages.append(_page(path, given, lang, cache))
        else:
            raise InputError(f"{given}: not a Markdown (.md) or HTML (.html) file")
    whole: set[tuple[Path, str]] = set()
    for root in {page.root for page in pages if page.root is not None}:
        for language in LANGUAGES:
            folder = root / language
            if (
                language != DEFAULT_LANGUAGE
                and folder.is_dir()
                and any(folder == f or f in folder.parents for f in folders)
            ):
                whole.add((root, language))
    return pages, whole
