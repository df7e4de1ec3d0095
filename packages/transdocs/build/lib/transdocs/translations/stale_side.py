"""Which side is stale when a translation and its English page state different values.

Value drift blames the translation: it states what English no longer does. But when the
project's settings say the translation is right and the English page is the one that
states another default (a stale-default finding on the English page), the English page is
stale. The translation's finding then says so, and names the English line to fix.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from transdocs.report import findings as kinds
from transdocs.report.findings import Finding
from transdocs.statements.default_match import same_text


def english_is_stale(found: list[Finding], english_of: Mapping[str, str]) -> list[Finding]:
    """``found`` with the drift findings of translations that agree with the settings reworded.

    ``english_of`` maps a translated page (as shown) to its English page (as shown).
    """
    stale: dict[tuple[str, str], list[Finding]] = {}
    for finding in found:
        if finding.kind == kinds.STALE and finding.setting is not None:
            stale.setdefault((finding.path, finding.setting), []).append(finding)
    if not stale:
        return found
    result = []
    for finding in found:
        english = english_of.get(finding.path)
        if finding.kind == kinds.VALUE_DRIFT and english is not None and finding.setting is not None:
            for wrong in stale.get((english, finding.setting), []):
                if _agrees(finding.stated, wrong.expected) and _agrees(finding.expected, wrong.stated):
                    finding = replace(finding, message=_message(finding, wrong))
                    break
        result.append(finding)
    return result


def _agrees(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and same_text(a, b)


def _message(drift: Finding, wrong: Finding) -> str:
    return (
        f"{drift.setting} states {drift.stated} here, as the settings do; the English page is stale: "
        f"{wrong.path}:{wrong.line} states {wrong.stated} (fix the English page, not this one)"
    )
