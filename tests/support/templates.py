"""Fixture pages as templates: ``[[setting]]`` is replaced by the package default or a wrong value.

Tests never repeat a default: the right page is written from the package's defaults,
the stale page from values that differ from them, and each marker's line is where a
finding must be.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from llm_backends.settings import format_value
from tests.support.docs_tree import our_targets
from transdocs.statements.targets import Targets

MARKER = re.compile(r"\[\[(\w+)\]\]")


@dataclass(frozen=True)
class Expected:
    line: int
    env: str
    stated: str


def right_value(setting: str, targets: Targets | None = None) -> str:
    return format_value((targets or our_targets()).by_setting[setting].info.default)


def wrong_value(setting: str, targets: Targets | None = None) -> str:
    """A value of the setting's kind that differs from its default (not an HTTP status)."""
    target = (targets or our_targets()).by_setting[setting]
    default = target.info.default
    if target.kind == "bool":
        return format_value(not default)
    assert isinstance(default, int | float), setting
    return format_value(default + 3)


def render(template: str, *, stale: bool, targets: Targets | None = None) -> tuple[str, list[Expected]]:
    """The page, and the findings it must give (against ``targets``: by default this repository's settings)."""
    targets = targets or our_targets()
    expected: list[Expected] = []
    lines = []
    for number, line in enumerate(template.split("\n"), start=1):
        for match in MARKER.finditer(line):
            name = match.group(1)
            stated = wrong_value(name, targets)
            expected.append(Expected(number, targets.by_setting[name].info.env, format_value(float(stated))))
        lines.append(MARKER.sub(lambda m: (wrong_value if stale else right_value)(m.group(1), targets), line))
    return "\n".join(lines), (expected if stale else [])
