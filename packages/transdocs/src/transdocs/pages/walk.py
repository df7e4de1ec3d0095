"""Find the page files under a folder without hanging or crashing on odd entries.

A page is a regular file named ``*.md``, ``*.mdx``, ``*.markdown`` (or ``*.html`` in a
built site). Entries a checker must not read silently are a usage error naming the
path: a symbolic-link loop, a broken link or a FIFO / device named like a page, a
folder named like a page, a folder that cannot be listed. Symlinked folders are
followed once; a link back to a folder above it is a loop.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from transdocs.errors import InputError

PAGE_SUFFIXES = (".md", ".mdx", ".markdown")
# Documentation files the checker cannot read: listed so that they are reported, not skipped.
UNREAD_SUFFIXES = frozenset(
    {".rst", ".adoc", ".asciidoc", ".org", ".textile", ".rdoc", ".pod", ".ipynb", ".tex", ".wiki", ".mediawiki"}
    | {".mdown", ".mkd", ".mkdn", ".mdwn", ".mdtxt", ".mdtext", ".rmd", ".qmd", ".djot"}
)
HTML_SUFFIXES = (".html", ".htm")
# Folders that hold no pages: docs/_data, hidden folders, theme overrides (Jinja, not HTML).
SKIPPED_DIRS = frozenset({"node_modules", "__pycache__", "overrides"})


_SEP, _ALTSEP = os.sep, os.altsep


def suffix_of(name: str | Path) -> str:
    """``os.path.splitext(name)[1].lower()``: the suffix of the last part of ``name`` (none when only dots
    come before it), by string work (this runs for every file walked and every page found)."""
    text = str(name)
    dot = text.rfind(".")
    start = text.rfind(_SEP) + 1
    if _ALTSEP:
        start = max(start, text.rfind(_ALTSEP) + 1)
    if dot < start or not text[start:dot].strip("."):
        return ""
    return text[dot:].lower()


def is_page_name(name: str | Path, html: bool = True) -> bool:
    suffix = suffix_of(name)
    return suffix in PAGE_SUFFIXES or (html and suffix in HTML_SUFFIXES)


_KINDS = {
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
}


def file_problem(path: Path | str) -> str | None:
    """Why ``path`` is not a page file that can be read, or None when it is one."""
    return stat_page(path)[1]


def stat_page(path: Path | str) -> tuple[os.stat_result | None, str | None]:
    """``path``'s status (None when it cannot be had) and why it is not a page file that can be
    read (None when it is one): a reader that needs the size too asks the system once."""
    try:
        found = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return None, "a symbolic link loop"
        if os.path.islink(path):
            return None, "a broken symbolic link"
        return None, f"cannot read ({exc.strerror or exc})"
    mode = found.st_mode
    if stat.S_ISDIR(mode):
        return found, "a folder named like a page; rename it (check-docs reads files only)"
    if not stat.S_ISREG(mode):
        return found, f"{_KINDS.get(stat.S_IFMT(mode), 'not a regular file')}, not a page"
    return found, None


def walk_pages(folder: Path, html: bool = True, unread: list[Path] | None = None) -> list[Path]:
    """Every page under ``folder`` (sorted, as ``folder / ...`` paths). Raises :class:`InputError`.

    ``unread`` collects the documentation files of types that are not read (``UNREAD_SUFFIXES``).
    """
    found: list[Path] = []
    _walk(Path(folder), html, found, above=set(), seen=set(), unread=unread)
    return found


def _walk(
    folder: Path,
    html: bool,
    found: list[Path],
    above: set[tuple[int, int]],
    seen: set[tuple[int, int]],
    unread: list[Path] | None = None,
) -> None:
    try:
        info = os.stat(folder)
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except FileNotFoundError:
        return
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError(f"{folder}: a symbolic link loop") from None
        raise InputError(f"{folder}: cannot read folder ({exc.strerror or exc})") from None
    here = (info.st_dev, info.st_ino)
    if here in above:
        raise InputError(f"{folder}: a symbolic link loop (it leads back to a folder above it)")
    if here in seen:
        return  # the same folder through a second link: its pages are already in
    seen.add(here)
    for entry in entries:
        path = folder / entry.name
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            if is_page_name(entry.name, html):
                raise InputError(f"{path}: {file_problem(path)}")
            if not entry.name.startswith((".", "_")) and entry.name not in SKIPPED_DIRS:
                _walk(path, html, found, above | {here}, seen, unread)
            continue
        problem = file_problem(path) if entry.is_symlink() or not entry.is_file() else None
        if problem and "loop" in problem:
            raise InputError(f"{path}: {problem}")
        if is_page_name(entry.name, html):
            if problem:
                raise InputError(f"{path}: {problem}")
            found.append(path)
        elif unread is not None and suffix_of(entry.name) in UNREAD_SUFFIXES and not problem:
            unread.append(path)
