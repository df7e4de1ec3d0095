"""BCP 47 language tags (``zh-Hans``, ``pt-BR``, ``fr-CA``) and the base language whose words they use."""

from __future__ import annotations

import re

# A BCP 47 tag as people write it in folder names and ``lang`` attributes ("pt_BR" too).
_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$")
# Deprecated ISO 639 codes still found in old sites, and three-letter codes of our languages.
_ALIASES = {
    "iw": "he",
    "in": "id",
    "ji": "yi",
    "jw": "jv",
    "eng": "en",
    "zho": "zh",
    "chi": "zh",
    "jpn": "ja",
    "fra": "fr",
    "fre": "fr",
    "por": "pt",
    "ara": "ar",
}


def is_language_tag(tag: str) -> bool:
    """``zh-Hans`` and ``pt_BR`` are tags; ``assets`` or ``v1`` are not (folder names are checked with it)."""
    return bool(_TAG.match(tag))


def base_language(tag: str) -> str:
    """The primary language of a tag, lower case: ``zh-Hans`` -> ``zh``, ``pt-BR`` -> ``pt``."""
    primary = re.split(r"[-_]", tag.strip(), maxsplit=1)[0].lower()
    return _ALIASES.get(primary, primary)
