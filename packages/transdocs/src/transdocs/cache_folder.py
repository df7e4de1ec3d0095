"""Where check-docs keeps what it may reuse between runs, and how much of it it keeps.

One folder, ``~/.cache/check-docs`` (or ``$XDG_CACHE_HOME/check-docs``), for the three caches:
page findings (one file per set of checked folders), settings read from a class (one file per
state of the settings' package) and compiled patterns (one file per Python build).
``CHECK_DOCS_CACHE=0`` turns them all off.

Each set of folders and each edit of a settings package makes a new file, and nothing else
would ever remove the old ones: a writer calls :func:`prune`, which keeps the files of its kind
used last (a reader calls :func:`used`, as a file read but not rewritten keeps its old time).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).parent


def folder() -> Path | None:
    """The cache folder, or None when caching is off."""
    if os.environ.get("CHECK_DOCS_CACHE", "1") == "0":
        return None
    root = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(root, "check-docs")


@cache
def toolkit() -> bytes:
    """A digest of check-docs itself, part of every cache key: the Python and the bytes of every
    source and data file of this package (an edit anywhere, or a new version, is a miss)."""
    digest = hashlib.sha256(sys.version.encode())
    found = []
    for here, dirs, files in os.walk(_PACKAGE):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        found += [os.path.join(here, f) for f in files if f.endswith((".py", ".toml", ".json"))]
    for path in sorted(found):
        with open(path, "rb") as file:
            digest.update(os.path.relpath(path, _PACKAGE).encode() + b"\0" + file.read() + b"\0")
    return digest.digest()


def used(path: Path) -> None:
    """Mark a cache file as used now, so :func:`prune` keeps it (a read-only cache: left be)."""
    with contextlib.suppress(OSError):
        os.utime(path)


def prune(place: Path, pattern: str, keep: int) -> None:
    """Remove the files matching ``pattern`` in ``place`` beyond the ``keep`` used last.

    Called after a write, which is rare (a run that found nothing new writes nothing), so the
    listing costs a run only when it has just written a file anyway.
    """

    def last_used(path: Path) -> float:
        try:
            return path.stat().st_mtime
        except OSError:
            return float("inf")  # gone meanwhile: nothing to remove

    try:
        files = sorted(place.glob(pattern), key=last_used, reverse=True)
    except OSError:
        return
    for path in files[keep:]:
        with contextlib.suppress(OSError):
            path.unlink()
