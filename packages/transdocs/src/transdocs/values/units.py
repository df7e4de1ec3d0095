"""Units after a number in a value: ``30s``, ``5000 ms``, ``2 minutes``, ``10 MB``, ``5 秒``.

Durations come to seconds through the same unit words the statement reader uses (the
language files' ``[units]``, every language at once: a value is compared across two
languages; the files we ship: a project's own language files add words to its statements,
not units here), sizes to bytes. A unit neither knows is kept as written, so ``10 px`` equals
``10px`` and differs from ``10 em``.
"""

from __future__ import annotations

from functools import cache

from transdocs.languages.words import available_languages, words

_BYTES = {
    "b": 1.0,
    "byte": 1.0,
    "bytes": 1.0,
    "kb": 1e3,
    "mb": 1e6,
    "gb": 1e9,
    "kib": 1024.0,
    "mib": 1024.0**2,
    "gib": 1024.0**3,
}
# Short duration suffixes of config files (words come from the language files).
_SECONDS = {"ms": 0.001, "s": 1.0, "m": 60.0, "min": 60.0, "h": 3600.0, "d": 86400.0, "day": 86400.0, "days": 86400.0}


@cache
def _duration_words() -> dict[str, float]:
    found: dict[str, float] = {}
    for lang in available_languages():
        found.update(words(lang).units)
    found.update(_SECONDS)
    return found


def unit_of(word: str) -> tuple[str, float] | None:
    """(dimension, factor to the base unit) of a unit word; a unit nobody knows is its own dimension."""
    key = " ".join(word.lower().split())  # the language files' keys are lower case
    seconds = _duration_words().get(key)
    if seconds is not None:
        return "s", seconds
    if key in _BYTES:
        return "B", _BYTES[key]
    if key.isalpha() and len(key) <= 4 and key.isascii():
        return key, 1.0  # px, em, rem, %: compared as written
    return None
