"""Material's search entries of a page, made again under ``mkdocs serve`` only when the page changed.

Every rebuild gives Material's search each page's HTML: it parses it into sections and, with
jieba installed, segments every run of Han characters (Chinese and Japanese pages). That was a
quarter of a one-language rebuild's CPU, nearly all of it for pages the save did not touch.
A page's entries are made from its URL, title, HTML, table of contents and the ``title``,
``tags`` and ``search`` of its front matter (read in Material's ``SearchIndex``), so while all
of those are what they were at the last build, the entries are the ones that build made: they
are appended again, copied, instead of being made again.

Only for the Material versions whose ``SearchIndex`` was read, and only without jieba
dictionaries of the project's own (``jieba_dict``, ``jieba_dict_user``: a file that may change).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

# Versions of mkdocs-material whose SearchIndex.add_entry_from_context and create_entry_for_section
# read nothing of a page but what _inputs takes (and no state of the index but its entries list).
TESTED_MATERIAL = frozenset({"9.8.2"})
_MARK = "_transdocs_reused"  # set on an index whose add_entry_from_context is wrapped


def _toc(items: Any) -> tuple[Any, ...]:
    """What the entries read of a table of contents: each item's id and URL, nested."""
    return tuple((item.id, item.url, _toc(item.children)) for item in items)


def _inputs(page: Page) -> tuple[Any, ...]:
    meta = page.meta
    wanted = (repr(meta.get("search")), repr(meta.get("tags")), str(meta.get("title", page.title)))
    return page.url, page.content, _toc(page.toc), *wanted


class SearchEntries:
    """Each page's entries at the last build (by URL), kept for the life of the plugin."""

    def __init__(self) -> None:
        self._made: dict[str, tuple[tuple[Any, ...], list[dict[str, Any]]]] = {}

    def reuse(self, config: MkDocsConfig) -> None:
        """Wrap this build's search index (made by Material's search in its ``on_config``)."""
        plugin = config.plugins.get("material/search") or config.plugins.get("search")
        index = getattr(plugin, "search_index", None)
        if index is None or getattr(index, _MARK, False) or not _reusable(plugin):
            return
        index.add_entry_from_context = self._wrap(index, index.add_entry_from_context)
        setattr(index, _MARK, True)

    def _wrap(self, index: Any, add: Callable[[Page], None]) -> Callable[[Page], None]:
        def add_entry_from_context(page: Page) -> None:
            inputs = _inputs(page)
            made = self._made.get(page.url)
            if made is not None and made[0] == inputs:
                index.entries.extend(copy.deepcopy(made[1]))
                return
            before = len(index.entries)
            add(page)
            self._made[page.url] = (inputs, copy.deepcopy(index.entries[before:]))

        return add_entry_from_context


def _reusable(plugin: Any) -> bool:
    if type(plugin).__module__ != "material.plugins.search.plugin":
        return False
    try:
        if version("mkdocs-material") not in TESTED_MATERIAL:
            return False
    except PackageNotFoundError:
        return False
    options = plugin.config
    return not (options.get("jieba_dict") or options.get("jieba_dict_user"))
