"""BCP 47 language tags (``zh-Hans``, ``pt-BR``, ``fr-CA``) and the base language whose words they use."""

from __future__ import annotations

import re

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


def base_language(tag: str) -> str:
    """The primary language of a tag, lower case: ``zh-Hans`` -> ``zh``, ``pt-BR`` -> ``pt``."""
    primary = re.split(r"[-_]", tag.strip(), maxsplit=1)[0].lower()
    return _ALIASES.get(primary, primary)


# A language subtag, then script / region / variant subtags: en, pt-BR, zh-Hans, zh_CN, es-419.
_TAG = re.compile(r"[a-z]{2,3}(?:[-_](?:[A-Za-z]{4}|[A-Za-z]{2}|[0-9]{3}|[A-Za-z0-9]{5,8}))*")


def is_language_tag(name: str) -> bool:
    """``zh-Hans``, ``pt-BR``, ``fr`` are tags; ``api``-like words of 4+ letters are not."""
    return _TAG.fullmatch(name) is not None
