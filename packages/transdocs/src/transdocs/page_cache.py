"""Findings of pages unchanged since the last run, kept on disk (as ruff keeps its cache).

A page's findings depend on its own bytes, on its English page's bytes, on where it is and how
it is shown, and on the run's context: the settings the run compares with, the language files,
the options, the Python and check-docs itself (the bytes of every file of this package). The key
of an entry is a hash of all of these, so any change to one of them is a miss and the page is
checked again: the cache can only skip work, never hide a finding. What a run finds across pages
(missing translations, unstamped pages, pages not read) is worked out afresh every run.

Entries live in ``~/.cache/check-docs`` (or ``$XDG_CACHE_HOME``), one JSON file per set of
checked folders, the 64 used last; ``CHECK_DOCS_CACHE=0`` or ``--no-cache`` turns the cache off.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path
from typing import Any, NamedTuple

from transdocs.cache_folder import folder, prune, toolkit, used
from transdocs.report.findings import Finding

_FORMAT = "1"
_KEEP_FILES = 64  # sets of checked folders whose findings are kept (a file each, the last used)


class PageResult(NamedTuple):
    """What checking one page gave: its findings, and what the run needs to know across pages.

    A named tuple: made for every page, and a worker hands it to the run as a plain tuple (pickled
    about eight times faster than a dataclass, which pickles its fields as a dict).
    """

    findings: tuple[Finding, ...]
    unstamped: bool  # a translation that records no source_hash
    stamped: bool  # a translation that records one
    english_of: str | None  # a translation's English page, as shown
    uses_placeholders: bool  # the page (an English one) or its English page writes our placeholders


def context_key(language_dirs: Iterable[Path], *parts: object) -> str:
    """The run's context: check-docs, the project's language files (``language_dirs``: ours are
    part of the package), and whatever the caller adds (the options and the settings, as text
    that changes whenever they change)."""
    digest = hashlib.sha256(toolkit())
    for directory in language_dirs:
        for path in sorted(directory.glob("*.toml")):
            digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    for part in parts:
        digest.update(repr(part).encode() + b"\0")
    return digest.hexdigest()


class PageCache:
    """Results by page key for one run; :meth:`save` keeps those of the pages this run saw (and
    of earlier runs, while they are not the most)."""

    def __init__(self, context: str, roots: Iterable[str], enabled: bool = True) -> None:
        self.context = context
        place = folder() if enabled else None
        name = hashlib.sha256("\0".join(sorted(os.path.abspath(r) for r in roots)).encode()).hexdigest()[:24]
        self.path = place / f"pages-{name}.json" if place else None
        self.old: dict[str, Any] = self._load()
        self.new: dict[str, Any] = {}
        self._bytes: dict[Path, bytes | None] = {}

    def _load(self) -> dict[str, Any]:
        if self.path is None:
            return {}
        try:
            data = json.loads(self.path.read_bytes())
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("format") != _FORMAT or data.get("context") != self.context:
            return {}
        used(self.path)
        pages = data.get("pages")
        return pages if isinstance(pages, dict) else {}

    def read(self, path: Path) -> bytes | None:
        if path not in self._bytes:
            try:
                self._bytes[path] = path.read_bytes()
            except OSError:
                self._bytes[path] = None
        return self._bytes[path]

    def key(self, page: Any, english_shown: str | None) -> str:
        """The page's key: its bytes, its English page's bytes, where it is and how it is shown."""
        digest = hashlib.sha256()
        where = (str(page.path), page.shown, page.format, page.lang, str(page.english), english_shown)
        digest.update(repr(where).encode())
        for path in (page.path, page.english):
            data = self.read(path) if path is not None else None
            digest.update(b"\1" + data if data is not None else b"\0")
        layout = page.layout
        digest.update(repr((type(layout).__name__, str(getattr(layout, "root", "")))).encode())
        return digest.hexdigest()

    def get(self, key: str) -> PageResult | None:
        entry = self.old.get(key)
        if not isinstance(entry, dict):
            return None
        try:
            english_of = entry["english_of"]
            result = PageResult(
                tuple(Finding(**f) for f in entry["findings"]),
                bool(entry["unstamped"]),
                bool(entry["stamped"]),
                english_of if isinstance(english_of, str) else None,
                bool(entry["uses_placeholders"]),
            )
        except (KeyError, TypeError):
            return None
        self.new[key] = entry
        return result

    def put(self, key: str, result: PageResult) -> None:
        self.new[key] = {**result._asdict(), "findings": [asdict(f) for f in result.findings]}

    def save(self) -> None:
        """Write this run's entries (the pages it saw), when anything differs from the file."""
        if self.path is None or self.new == self.old:
            return
        # Entries of other runs stay (the CLI and a site build show the same pages differently),
        # as long as they do not outnumber this run's.
        kept = {**self.old, **self.new} if len(self.old) <= 2 * len(self.new) + 1000 else self.new
        # ASCII JSON: a file name that is not UTF-8 (surrogate escapes) round-trips too.
        data = json.dumps({"format": _FORMAT, "context": self.context, "pages": kept})
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            import tempfile  # only to write: a run with nothing new never imports it

            with tempfile.NamedTemporaryFile("w", encoding="ascii", dir=self.path.parent, delete=False) as file:
                file.write(data)
            os.chmod(file.name, 0o600)
            os.replace(file.name, self.path)
        except OSError:
            return  # a read-only home: the next run checks every page again
        prune(self.path.parent, "pages-*.json", _KEEP_FILES)
