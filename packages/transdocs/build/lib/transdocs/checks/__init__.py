"""Every kind of finding, one module each: its name, severity, description and what it does to a translation.

A module here declares ``CHECK = Check(...)``; the registry finds the modules present, so a
new kind is one new file (README's table of kinds is tested against ``check-docs --list-kinds``).
The modules import nothing but this one: the report, the translator tools and the CLI read
them without loading the checker.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from functools import cache
from typing import Literal

Severity = Literal["error", "warning"]
# What a finding makes of a translation in translation-status (None: nothing).
Affects = Literal["broken", "untranslated", "outdated", "missing"] | None


@dataclass(frozen=True)
class Check:
    """One kind of finding. A ``warning`` fails the run only with ``--strict``."""

    kind: str
    severity: Severity
    description: str
    affects: Affects
    explain: str = ""

    def as_dict(self) -> dict[str, str | None]:
        return {
            "kind": self.kind,
            "severity": self.severity,
            "description": self.description,
            "affects": self.affects,
        }


@cache
def all_checks() -> tuple[Check, ...]:
    """The checks of the modules present, by kind."""
    found = []
    for module in pkgutil.iter_modules(__path__):
        check = getattr(importlib.import_module(f"{__name__}.{module.name}"), "CHECK", None)
        if isinstance(check, Check):
            found.append(check)
    return tuple(sorted(found, key=lambda c: c.kind))


def by_kind(kind: str) -> Check | None:
    return next((check for check in all_checks() if check.kind == kind), None)


def lenient_kinds() -> frozenset[str]:
    """Kinds reported always but failing the run only with ``--strict``."""
    return frozenset(check.kind for check in all_checks() if check.severity == "warning")


def kinds_affecting(state: str) -> frozenset[str]:
    """Kinds that give a translation this state in translation-status."""
    return frozenset(check.kind for check in all_checks() if check.affects == state)
