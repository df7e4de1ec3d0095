"""``llm-backends check-docs``: catch stale defaults, broken encodings and drifted translations.

Library use (tests, CI)::

    from transdocs import check_paths
    findings = check_paths(["docs"])

Kinds of finding: one module each under ``transdocs/checks/`` (``check-docs --list-kinds``,
``check-docs --explain KIND``); how the package is cut: ARCHITECTURE.md.

Never imports litellm. The modules load on first use so that the CLI stays quick.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from transdocs.batch import check_paths
    from transdocs.errors import InputError
    from transdocs.report.findings import Finding, fails

__all__ = ["Finding", "InputError", "check_paths", "fails"]

_HOMES = {
    "check_paths": "transdocs.batch",
    "Finding": "transdocs.report.findings",
    "fails": "transdocs.report.findings",
    "InputError": "transdocs.errors",
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(name)
    from importlib import import_module

    return getattr(import_module(_HOMES[name]), name)
