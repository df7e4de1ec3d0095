"""One search index per language, so a reader searching in Japanese finds Japanese pages only.

mkdocs-static-i18n merges every language into one index with one configuration, and
Material segments all Han characters with jieba when it is installed, which is right for
Chinese and breaks Japanese kanji search. So each language gets its own
``<lang>/search/search_index.json`` (English keeps ``search/search_index.json``) with:

- only the pages written in that language (English fallbacks of untranslated pages are
  left out: they are found from the English site);
- Material's own search settings for that language (``search.config.lang``,
  ``separator``, ``pipeline``), as a single-language site would have;
- jieba's segmentation only in Chinese; elsewhere it is undone (jieba only inserts
  zero-width spaces between words).

Locations are relative to the language's root, which is the ``base`` the language's
pages give Material's search (see :mod:`.language_base`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from transdocs.languages.words import segmented

_ZERO_WIDTH_SPACE = "\u200b"


def material_search_config(config: MkDocsConfig, fields: Mapping[str, Any], env: Any = None) -> dict[str, Any]:
    """Material's search settings for the language being built (``theme.language``).

    ``env`` is the build's Jinja environment (from ``on_env``); making a new one per
    language costs more than the rest of the search hooks together.
    """
    env = env or config.theme.get_env()
    module = env.get_template("partials/language.html", None, {"config": config}).module
    translate = module.t
    return {
        "lang": [translate("search.config.lang")],
        "separator": translate("search.config.separator"),
        "pipeline": [step for step in re.split(r"\s*,\s*", translate("search.config.pipeline").strip()) if step],
        "fields": dict(fields),
    }


def _page_of(location: str) -> str:
    return location.split("#", 1)[0]


def language_entries(
    entries: Iterable[Mapping[str, Any]], language: str, prefix: str, page_urls: set[str]
) -> list[dict[str, Any]]:
    """Entries of ``page_urls`` (pages written in ``language``), located from the language root."""
    kept = []
    for entry in entries:
        if _page_of(entry["location"]) not in page_urls:
            continue
        item = dict(entry)
        item["location"] = entry["location"].removeprefix(prefix)
        if not segmented(language):  # the language file says whether search segments its words
            item["title"] = entry["title"].replace(_ZERO_WIDTH_SPACE, "")
            item["text"] = entry["text"].replace(_ZERO_WIDTH_SPACE, "")
        kept.append(item)
    return kept


def write_index(path: Path, search_config: Mapping[str, Any], entries: list[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"config": dict(search_config), "docs": entries}
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
