"""A labelled sample of real translated pages (tests/fixtures/real, NOTICE there): check-docs with
no settings file finds each stale default a project later fixed, and nothing else among the values.

The excerpts come from the projects of bench/ecosystem.py (starship, Starlight, Biome, naive-ui) in
de, es, ko, ru, fr and zh; the full measure runs over their git mirrors, this sample holds the line
in CI where the mirrors are not.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from transdocs import check_paths
from transdocs.checks.translated_value import KIND as TRANSLATED_VALUE
from transdocs.checks.value_drift import KIND as VALUE_DRIFT
from transdocs.report.findings import STALE

SAMPLE = Path(__file__).resolve().parent / "fixtures" / "real"
LABELS = json.loads((SAMPLE / "labels.json").read_text(encoding="utf-8"))
PROJECTS = sorted(path.name for path in SAMPLE.iterdir() if path.is_dir())
VALUE_KINDS = {VALUE_DRIFT, STALE, TRANSLATED_VALUE}


@pytest.mark.parametrize("project", PROJECTS)
def test_each_stale_default_is_found_and_no_agreeing_value_is_reported(
    project: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(SAMPLE / project, tmp_path / project)  # away from this repository's settings
    monkeypatch.chdir(tmp_path / project)
    found = {
        (f.path.replace("\\", "/"), f.line) for f in check_paths(["docs"], use_cache=False) if f.kind in VALUE_KINDS
    }
    expected = {(label["path"], label["line"]) for label in LABELS["stale"] if label["project"] == project}
    assert found == expected


def test_the_sample_covers_the_languages_issue_16_names_and_every_file_has_a_notice() -> None:
    langs = {label["path"].split("/")[1].split("-")[0] for label in LABELS["stale"]}
    assert {"de", "es", "ko", "ru"} <= langs
    notice = (SAMPLE / "NOTICE").read_text(encoding="utf-8")
    pages = sorted(str(p.relative_to(SAMPLE)) for p in SAMPLE.rglob("*.md"))
    assert pages and all(page in notice for page in pages)
