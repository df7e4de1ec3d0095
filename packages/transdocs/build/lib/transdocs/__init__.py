"""``llm-backends check-docs``: catch stale defaults, broken encodings and drifted translations.

Library use (tests, CI)::

    from transdocs import check_paths
    findings = check_paths(["docs"])

Kinds of finding:

- ``stale-default`` — a page states a value for a setting that differs from the package
  default. What counts as a statement: prose in ``prose.py``, tables in ``tables.py``,
  code blocks in ``codeblocks.py``; the words of each language in ``vocabulary.py``.
- ``encoding`` — the page is not UTF-8 or went through a wrong code page (``encoding.py``).
- ``structure`` / ``missing-translation`` — a translation's headings, code blocks,
  placeholders, snippet includes or pages differ from English (``structure.py``).
- ``outdated`` — the English page changed since the translation's ``source_hash``
  (``frontmatter.py``); reported, but failing only with ``--strict``.

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
