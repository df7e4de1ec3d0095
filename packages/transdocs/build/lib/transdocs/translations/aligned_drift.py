"""Value drift found by aligning a translation with its English page: no settings needed.

The settings-free half of the value-drift check (see :mod:`transdocs.align`): each default
the translation states in an aligned place (a ``Default`` line, a table's default cell, a
component prop) is compared with English's by the rules of :mod:`transdocs.values`. A
changed value is ``value-drift``; English's default text translated is ``translated-value``.
"""

from __future__ import annotations

from transdocs.align.compare import Laid, aligned_differences
from transdocs.pages.document import Document
from transdocs.report.findings import Finding, translated_value, value_drift


def aligned_findings(
    shown: str, lang: str | None, english: Document | Laid, english_text: str, doc: Document, text: str
) -> list[Finding]:
    """Findings for the translation ``shown`` (its document and text) against its English page."""
    found = []
    for aligned in aligned_differences(english, english_text, doc, text):
        difference = aligned.difference
        make = translated_value if difference.translated else value_drift
        found.append(make(shown, aligned.line, lang, aligned.setting, difference.stated.text, difference.expected.text))
    return found
