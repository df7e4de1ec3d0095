"""What a ``module:object`` settings spec gave last time, so the checker can skip importing it.

Importing a settings class means importing pydantic and the project's package: more
time than checking a docs tree. The result is kept in ``~/.cache/check-docs`` (or
``$XDG_CACHE_HOME``) under a key made of the spec, the env prefix, the Python version,
this toolkit's reading code, and the path, size and modification time of every Python
file of the spec's top-level package — editing a default there reads the class afresh.
``CHECK_DOCS_CACHE=0`` turns the cache off (a default computed from another package
is not seen to change).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sys
from pathlib import Path
from typing import Any

from transdocs.cache_folder import folder as _folder
from transdocs.cache_folder import prune, used

_KEEP_FILES = 64  # states of settings packages kept (each edit of one makes a new file)
# A cache file's name: the key's 32 hex digits.
_NAMES = "[0-9a-f]" * 32 + ".json"


def _files(top: str) -> list[str]:
    """path:size:mtime of every Python file of the top-level module or package ``top``."""
    try:
        spec = importlib.util.find_spec(top)
    except (ImportError, ValueError):
        return []
    if spec is None:
        return []
    places = list(spec.submodule_search_locations or []) or ([spec.origin] if spec.origin else [])
    found = []
    for place in places:
        if os.path.isfile(place):
            found.append(place)
            continue
        for folder, dirs, files in os.walk(place):
            dirs[:] = [d for d in dirs if d != "__pycache__"]
            found += [os.path.join(folder, f) for f in files if f.endswith(".py")]
    stamps = []
    for path in sorted(found):
        info = os.stat(path)
        stamps.append(f"{path}:{info.st_size}:{info.st_mtime_ns}")
    return stamps


def key(spec: str, env_prefix: str | None) -> str | None:
    """The cache key for this spec now, or None when it cannot be cached."""
    if _folder() is None:
        return None
    files = _files(spec.partition(":")[0].split(".")[0])
    if not files:
        return None
    # The reading code itself: every module of this package.
    readers = [f"{path.name}:{os.stat(path).st_mtime_ns}" for path in sorted(Path(__file__).parent.glob("*.py"))]
    text = "\n".join([spec, str(env_prefix), sys.version, *readers, *files])
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def load(cache_key: str | None) -> list[dict[str, Any]] | None:
    folder = _folder()
    if cache_key is None or folder is None:
        return None
    try:
        path = folder / f"{cache_key}.json"
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    used(path)
    return data if isinstance(data, list) else None


def save(cache_key: str | None, settings: list[dict[str, Any]]) -> None:
    """Keep ``settings`` (JSON-safe defaults only); a cache that cannot be written is skipped."""
    folder = _folder()
    if cache_key is None or folder is None:
        return
    try:
        text = json.dumps(settings)
    except (TypeError, ValueError):
        return  # a default JSON cannot hold: read the class each time
    try:
        folder.mkdir(parents=True, exist_ok=True)
        import tempfile  # only to write: its import is as long as a cached run's check

        with tempfile.NamedTemporaryFile("w", dir=folder, delete=False, suffix=".tmp", encoding="utf-8") as out:
            out.write(text)
        os.replace(out.name, folder / f"{cache_key}.json")
    except OSError:
        return
    prune(folder, _NAMES, _KEEP_FILES)
