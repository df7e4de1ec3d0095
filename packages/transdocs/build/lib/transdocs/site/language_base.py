"""Point Material's scripts at the language's root instead of the site's root.

Material's scripts read ``base`` from the ``<script id="__config">`` JSON of every page:
the search worker loads ``<base>search/search_index.json`` and search results link to
``<base><location>``. Giving a Chinese page ``base = <site>/zh/`` makes it load the
Chinese index and resolve its locations, with no change to Material's templates.
"""

from __future__ import annotations

import json
import posixpath
import re

_CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)
# Jinja's |tojson escapes these so the JSON cannot end the <script> element; do the same.
_HTML_SAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "'": "\\u0027"}


def language_base(base: str, language_root: str) -> str:
    """``"../.."`` + ``"zh/"`` -> ``"../../zh/"``; ``"/llm-backends/"`` + ``"zh/"`` -> ``"/llm-backends/zh/"``."""
    return posixpath.join(base, language_root).rstrip("/") + "/"


def rebase_config(html: str, language_root: str) -> str:
    """``html`` with its Material ``__config`` base moved to ``language_root`` (like ``"zh/"``)."""

    def replace(match: re.Match[str]) -> str:
        data = json.loads(match.group(2))
        data["base"] = language_base(data["base"], language_root)
        text = json.dumps(data, ensure_ascii=False, sort_keys=True)
        for char, escaped in _HTML_SAFE.items():
            text = text.replace(char, escaped)
        return match.group(1) + text + match.group(3)

    rebased, count = _CONFIG_SCRIPT.subn(replace, html, count=1)
    if count != 1:
        raise ValueError("Material's __config script was not found in the page")
    return rebased
