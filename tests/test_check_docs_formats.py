"""Kinds of finding as units (``--list-kinds``, ``--explain``, README's table) and the CI formats
(``--format github`` annotations, ``--format sarif`` validated against the SARIF 2.1.0 schema)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.support.docs_tree import copy_docs, read, write
from transdocs.checks import all_checks, lenient_kinds
from transdocs.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, main
from transdocs.report.findings import LENIENT_KINDS, OUTDATED, STALE

REPO = Path(__file__).resolve().parent.parent
# The OASIS schema, unchanged (tests/fixtures/sarif/NOTICE says where from and under which terms).
SARIF_SCHEMA = REPO / "tests" / "fixtures" / "sarif" / "sarif-schema-2.1.0.json"
ANNOTATION = re.compile(r"^::(error|warning) file=([^,:]+),line=(\d+),title=([^:]+)::(.+)$")


def _out(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().out


def test_list_kinds_json_lists_every_check_with_its_description(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _out(capsys, "--list-kinds", "--format", "json")
    listed = json.loads(out)
    assert code == EXIT_OK
    assert [k["kind"] for k in listed] == [c.kind for c in all_checks()]
    assert all(k["description"] and k["severity"] in ("error", "warning") for k in listed)
    assert {k["kind"] for k in listed} >= {STALE, OUTDATED} and lenient_kinds() == LENIENT_KINDS


def test_the_readme_table_of_kinds_is_what_list_kinds_says(capsys: pytest.CaptureFixture[str]) -> None:
    readme = read(REPO / "README.md")
    rows = re.findall(r"^\| `([a-z-]+)` \| (error|warning) \| (.+) \|$", readme, re.MULTILINE)
    _, out = _out(capsys, "--list-kinds", "--format", "json")
    assert rows == [(k["kind"], k["severity"], k["description"]) for k in json.loads(out)]


def test_explain_says_what_each_kind_means(capsys: pytest.CaptureFixture[str]) -> None:
    for check in all_checks():
        code, out = _out(capsys, "--explain", check.kind)
        assert code == EXIT_OK and out.startswith(f"{check.kind} ({check.severity}") and check.explain in out
    assert main(["--explain", "no-such-kind"]) == EXIT_USAGE
    assert "--list-kinds" in capsys.readouterr().err


def _stale_tree(tmp_path: Path) -> Path:
    """Our fixture docs with one stale default typed into the French page, one outdated translation."""
    docs = copy_docs(tmp_path)
    page = docs / "fr" / "retries.md"
    write(page, read(page).replace("{{ num_retries.default }}", "97", 1))
    english = docs / "en" / "configuration.md"
    write(english, read(english) + "\nOne more English line.\n")
    return docs


def test_github_format_is_one_annotation_per_finding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = _stale_tree(tmp_path)
    _, found = _out(capsys, "--allow-import", "--format", "json", str(docs))
    findings = json.loads(found)
    code, out = _out(capsys, "--allow-import", "--format", "github", str(docs))
    lines = out.splitlines()
    assert code == EXIT_FINDINGS and len(lines) == len(findings) > 1
    for line, finding in zip(lines, findings, strict=True):
        match = ANNOTATION.match(line)
        assert match, line
        level, path, number, title, message = match.groups()
        assert (path, int(number), message) == (finding["path"], finding["line"], finding["message"])
        assert title.startswith(finding["kind"])
        assert level == ("warning" if finding["kind"] in LENIENT_KINDS else "error")
    assert {"error", "warning"} <= {ANNOTATION.match(line).group(1) for line in lines}  # type: ignore[union-attr]


def test_github_format_escapes_what_would_end_the_command() -> None:
    from transdocs.report.findings import Finding
    from transdocs.report.formats import github

    line = github([Finding("docs/a,b:c.md", 2, "fr", STALE, message="50%\nnext")])
    assert line == "::error file=docs/a%2Cb%3Ac.md,line=2,title=stale-default [fr]::50%25%0Anext"


def _sarif(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[dict[str, object], list[dict[str, object]]]:
    docs = _stale_tree(tmp_path)
    _, found = _out(capsys, "--allow-import", "--format", "json", str(docs))
    code, out = _out(capsys, "--allow-import", "--format", "sarif", str(docs))
    assert code == EXIT_FINDINGS
    log: dict[str, object] = json.loads(out)
    return log, json.loads(found)


def test_sarif_has_a_result_per_finding_and_a_rule_per_kind(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log, findings = _sarif(tmp_path, capsys)
    [run] = log["runs"]  # type: ignore[misc]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [c.kind for c in all_checks()]
    results = run["results"]
    assert len(results) == len(findings)
    for result, finding in zip(results, findings, strict=True):
        location = result["locations"][0]["physicalLocation"]
        assert (location["artifactLocation"]["uri"], location["region"]["startLine"]) == (
            finding["path"],
            finding["line"],
        )
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == finding["kind"]


def test_sarif_validates_against_the_sarif_2_1_0_schema(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import jsonschema

    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)  # the draft its $schema names
    log, _ = _sarif(tmp_path, capsys)
    assert list(validator.iter_errors(log)) == []
    broken = json.loads(json.dumps(log))
    broken["runs"][0]["results"][0]["level"] = "fatal"  # the schema can fail: a level SARIF does not have
    assert list(validator.iter_errors(broken)) != []
