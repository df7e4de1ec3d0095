"""How ``re.IGNORECASE`` folds letters, read from ``re``'s own case tables.

The token pattern groups words by first letter and spells a letter's cases out in a class matched
case-sensitively (``re`` skips such a branch in one test); both are right only when the cases are
exactly those ``re`` compares. Without the tables (another Python) nothing is grouped.
"""

from __future__ import annotations

import importlib
from functools import cache
from typing import Any

# How re compares letters under IGNORECASE (private: missing means the words are not grouped).
_tolower: Any
_extra_cases: dict[int, tuple[int, ...]] | None
try:
    _tolower = importlib.import_module("_sre").unicode_tolower
    _extra_cases = importlib.import_module("re._casefix")._EXTRA_CASES
except (ImportError, AttributeError):  # pragma: no cover - another Python
    _tolower, _extra_cases = None, None


def class_char(char: str) -> str:
    return "\\" + char if char in "-]\\^[" else char


def ignorecase_key(char: str) -> int:
    """The letter ``re.IGNORECASE`` compares ``char`` as (apostrophes are one: ``flex`` matches both)."""
    if char in "'’":
        return ord("'")
    return int(_tolower(ord(char))) if _tolower is not None else ord(char)


def distinct_letters(keys: set[int]) -> bool:
    """No two of ``keys`` match one character under ``re.IGNORECASE`` (its extra cases: s/ſ, i/ı...)."""
    if _extra_cases is None:
        return False
    return not any(other in keys for key in keys for other in _extra_cases.get(key, ()))


# The characters whose lower case (as re folds them) is not reached from it by str.upper() or
# str.title(): with those, the cases of a lower-case letter are known without a search of every
# code point (test_check_docs_token_dispatch checks the list against every code point).
_ODD_CASES = "\u0130\u03f4\u1e9e\u2126\u212a\u212b"


@cache  # asked for each first letter of every lexicon's words and names
def cases_of(char: str) -> str | None:
    """Every character ``re.IGNORECASE`` matches ``char`` with (for a class matched case-sensitively);
    None when ``re``'s case tables are not at hand."""
    if _tolower is None or _extra_cases is None:
        return None
    if char in "'’":
        return "'’"  # flex matches both apostrophes
    lower = int(_tolower(ord(char)))
    folds = {lower, *_extra_cases.get(lower, ())}
    candidates = {char, *_ODD_CASES}
    for code in folds:
        candidates.update(c for c in (chr(code), chr(code).upper(), chr(code).title()) if len(c) == 1)
    return "".join(c for c in sorted(candidates) if int(_tolower(ord(c))) in folds)
