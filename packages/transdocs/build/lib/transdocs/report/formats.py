"""Findings as people and CI tools read them: text lines, JSON, GitHub workflow annotations, SARIF 2.1.0.

``github`` prints one ``::error`` / ``::warning`` command per finding, which Actions shows on the
pull request's line; ``sarif`` is one log for code scanning (``github/codeql-action/upload-sarif``).
The severity of each kind comes from its check (:mod:`transdocs.checks`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from transdocs.checks import Check, all_checks, by_kind
from transdocs.report.findings import Finding

FORMATS = ("text", "json", "github", "sarif")
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://github.com/llm-backends/llm-backends/tree/main/packages/transdocs"


def _severity(kind: str) -> str:
    check = by_kind(kind)
    return check.severity if check is not None else "error"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github(findings: Sequence[Finding]) -> str:
    """One workflow command per finding: ``::error file=docs/fr/a.md,line=3,title=stale-default::...``."""
    lines = []
    for f in findings:
        title = f"{f.kind} [{f.lang}]" if f.lang else f.kind
        properties = f"file={_escape_property(f.path)},line={f.line},title={_escape_property(title)}"
        lines.append(f"::{_severity(f.kind)} {properties}::{_escape_data(f.message)}")
    return "\n".join(lines)


def _version() -> str:
    from importlib import metadata  # a tenth of a run's start: only SARIF output names the version

    try:
        return metadata.version("transdocs")
    except metadata.PackageNotFoundError:
        return "0"


def _rule(check: Check) -> dict[str, Any]:
    return {
        "id": check.kind,
        "name": check.kind,
        "shortDescription": {"text": check.description},
        "fullDescription": {"text": check.explain or check.description},
        "defaultConfiguration": {"level": check.severity},
    }


def sarif(findings: Sequence[Finding]) -> str:
    """A SARIF 2.1.0 log: one run of check-docs, a rule per kind, a result per finding."""
    checks = list(all_checks())
    index = {check.kind: number for number, check in enumerate(checks)}
    results = []
    for f in findings:
        result: dict[str, Any] = {
            "ruleId": f.kind,
            "level": _severity(f.kind),
            "message": {"text": f.message or f.kind},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": f.path.replace("\\", "/")},
                        "region": {"startLine": max(f.line, 1)},
                    }
                }
            ],
            "properties": {k: v for k, v in (("lang", f.lang), ("setting", f.setting)) if v is not None},
        }
        if f.kind in index:
            result["ruleIndex"] = index[f.kind]
        results.append(result)
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "check-docs",
                        "version": _version(),
                        "informationUri": INFORMATION_URI,
                        "rules": [_rule(check) for check in checks],
                    }
                },
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2)


def render(findings: Sequence[Finding], output: str) -> str | None:
    """The findings in ``output`` format; None when there is nothing to print (clean text output)."""
    if output == "json":
        return json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=2)
    if output == "sarif":
        return sarif(findings)
    text = github(findings) if output == "github" else "\n".join(f.as_text() for f in findings)
    return text or None


def list_kinds(output: str) -> str:
    """``check-docs --list-kinds``: every kind with its severity and description."""
    checks = all_checks()
    if output == "json":
        return json.dumps([check.as_dict() for check in checks], ensure_ascii=False, indent=2)
    width = max(len(check.kind) for check in checks)
    return "\n".join(f"{check.kind:<{width}}  {check.severity:<7}  {check.description}" for check in checks)


def explain(kind: str) -> str | None:
    """``check-docs --explain KIND``: what the kind means and what to do (None: no such kind)."""
    check = by_kind(kind)
    if check is None:
        return None
    affects = f"; a translation with it is {check.affects} in translation-status" if check.affects else ""
    return f"{check.kind} ({check.severity}{affects}): {check.description}\n\n{check.explain}"
