"""The theme's files listed again under ``mkdocs serve`` only when one of its folders changed.

Every build, MkDocs asks the theme's Jinja environment for every file under the theme's folders
(to copy its assets): Material's hold about 14,500 files, nearly all icons, and walking them
was a tenth of a one-language rebuild's CPU. A folder's modification time changes whenever a
name in it is added, removed or renamed, so while every folder of the last listing has its
time of then, the list is the same and is given again. A listing whose folders changed in the
last seconds is not kept (a change within the file system's clock tick would not show), nor
is one that follows symbolic links (a linked folder's changes are not its link's).
"""

from __future__ import annotations

import os
import time
from typing import Any

from jinja2 import FileSystemLoader

_SETTLED_NS = 2_000_000_000  # a folder changed this long ago cannot change within the same tick
_Key = tuple[str, ...]
_LISTED: dict[_Key, tuple[dict[str, int], list[str]]] = {}  # searchpath -> (folder times, list)


def _folder_times(searchpath: _Key) -> dict[str, int]:
    """Every folder under the search path (links not followed, as the loader's walk) and its time."""
    times: dict[str, int] = {}
    for top in searchpath:
        for folder, _, _ in os.walk(top):
            times[folder] = os.stat(folder).st_mtime_ns
    return times


def _settled(times: dict[str, int], searchpath: _Key) -> bool:
    """Whether a listing may be kept: every search folder exists (one made later would not show)
    and none changed in the last seconds."""
    return all(top in times for top in searchpath) and max(times.values()) < time.time_ns() - _SETTLED_NS


def _unchanged(times: dict[str, int]) -> bool:
    try:
        return all(os.stat(folder).st_mtime_ns == then for folder, then in times.items())
    except OSError:
        return False


class ListedOnce(FileSystemLoader):
    """Jinja's file system loader whose list of templates is kept while its folders are unchanged."""

    def list_templates(self) -> list[str]:
        key = tuple(self.searchpath)
        kept = _LISTED.get(key)
        if kept is not None and _unchanged(kept[0]):
            return list(kept[1])
        times = _folder_times(key)  # before listing: a change while it lists shows next time
        names = super().list_templates()
        if _settled(times, key):
            _LISTED[key] = (times, list(names))
        else:
            _LISTED.pop(key, None)
        return names


def list_theme_once(config: Any) -> None:
    """Give the environments ``config.theme`` makes from now on a ``ListedOnce`` loader."""
    theme = config.theme
    make_env = type(theme).get_env.__get__(theme)

    def get_env() -> Any:
        env = make_env()
        loader = env.loader
        if type(loader) is FileSystemLoader and not loader.followlinks:
            env.loader = ListedOnce(loader.searchpath, loader.encoding)
        return env

    theme.get_env = get_env
