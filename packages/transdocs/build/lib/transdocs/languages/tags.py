"""BCP 47 language tags (``zh-Hans``, ``pt-BR``, ``fr-CA``) and the base language whose words they use."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

# Deprecated ISO 639 codes still found in old sites; the other codes of the languages we ship
# (three-letter ones) are in their files, ``aliases = [...]``.
_ALIASES = {"iw": "he", "in": "id", "ji": "yi", "jw": "jv"}
_DATA = Path(__file__).parent / "data"


@cache
def _file_aliases() -> dict[str, str]:
    """Other code -> language, from the ``aliases`` of every language file we ship."""
    found: dict[str, str] = {}
    for path in sorted(_DATA.glob("*.toml")):
        try:
            aliases = tomllib.loads(path.read_text(encoding="utf-8")).get("aliases", [])
        except (OSError, ValueError):
            continue  # words.py reports a broken file with its name when the language is used
        found.update({alias.lower(): path.stem for alias in aliases if isinstance(alias, str)})
    return found


def base_language(tag: str) -> str:
    """The primary language of a tag, lower case: ``zh-Hans`` -> ``zh``, ``pt-BR`` -> ``pt``, ``fra`` -> ``fr``."""
    primary = re.split(r"[-_]", tag.strip(), maxsplit=1)[0].lower()
    if primary in _ALIASES:
        return _ALIASES[primary]
    return _file_aliases().get(primary, primary) if len(primary) == 3 else primary


# A language subtag, then script / region / variant subtags: en, pt-BR, zh-Hans, zh_CN, es-419.
_TAG = re.compile(r"[a-z]{2,3}(?:[-_](?:[A-Za-z]{4}|[A-Za-z]{2}|[0-9]{3}|[A-Za-z0-9]{5,8}))*")


def is_language_tag(name: str) -> bool:
    """``zh-Hans``, ``pt-BR``, ``fr`` are tags; ``api``-like words of 4+ letters are not."""
    return _TAG.fullmatch(name) is not None
