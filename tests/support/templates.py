"""Fixture pages as templates: ``[[setting]]`` is replaced by the package default or a wrong value.

Tests never repeat a default: the right page is written from the package's defaults,
the stale page from values that differ from them, and each marker's line is where a
finding must be.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from llm_backends.settings import format_value
from transdocs.statements.targets import targets

MARKER = re.compile(r"\[\[(\w+)\]\]")


@dataclass(frozen=True)
class Expected:
    line: int
    env: str
    stated: str


def right_value(setting: str) -> str:
    return format_value(targets()[setting].info.default)


def wrong_value(setting: str) -> str:
    """A value of the setting's kind that differs from its default (not an HTTP status)."""
    target = targets()[setting]
    default = target.info.default
    if target.kind == "bool":
        return format_value(not default)
    assert isinstance(default, int | float), setting
    return format_value(default + 3)


def render(template: str, *, stale: bool) -> tuple[str, list[Expected]]:
    """The page, and the findings it must give."""
    expected: list[Expected] = []
    lines = []
    for number, line in enumerate(template.split("\n"), start=1):
        for match in MARKER.finditer(line):
            name = match.group(1)
            stated = wrong_value(name)
            expected.append(Expected(number, targets()[name].info.env, format_value(float(stated))))
        lines.append(MARKER.sub(lambda m: (wrong_value if stale else right_value)(m.group(1)), line))
    return "\n".join(lines), (expected if stale else [])
