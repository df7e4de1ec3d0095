"""The warning filters in pyproject.toml match every wording of the warnings they are for."""

from __future__ import annotations

import re
import tomllib
import warnings
from pathlib import Path

from pydantic import TypeAdapter
from typing_extensions import ReadOnly, TypedDict

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


class _OneReadOnly(TypedDict):
    a: ReadOnly[int]


class _TwoReadOnly(TypedDict):
    a: ReadOnly[int]
    b: ReadOnly[int]


def _ignored(message: str, category: type[Warning]) -> bool:
    """Whether an ``ignore`` entry of pytest's filterwarnings matches, as the warnings module matches."""
    entries = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["pytest"]["ini_options"]["filterwarnings"]
    for entry in entries:
        action, pattern, name = [*entry.split(":"), "", ""][:3]
        if action == "ignore" and name in ("", category.__name__) and re.match(pattern, message, re.IGNORECASE):
            return True
    return False


def test_the_readonly_filter_matches_one_item_and_several() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        TypeAdapter(_OneReadOnly)
        TypeAdapter(_TwoReadOnly)
    messages = [str(w.message) for w in caught if "ReadOnly" in str(w.message)]
    assert len(messages) == 2
    assert any(m.startswith("Items ") for m in messages)  # pydantic's plural wording
    for message in [*messages, "Extra items on TypedDict class 'T' are using the `ReadOnly` qualifier. Pydantic..."]:
        assert _ignored(message, UserWarning), message
