"""Score the checker on the labelled corpus (tests/fixtures/corpus): recall and precision.

Each corpus page is a template (see templates.py): a mark is a statement of a default.
Written with wrong values, each mark's line should give a finding for its setting;
written with the defaults, the page should give none. Used by bench/recall.py and by a
test that holds precision at 100%.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from tests.support.templates import render
from transdocs import check_paths
from transdocs.project import Project, load_project, read_pyproject
from transdocs.report.findings import STALE

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "corpus"


@dataclass
class Score:
    found: int = 0
    missed: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        total = self.found + len(self.missed)
        return self.found / total if total else 1.0

    @property
    def precision(self) -> float:
        flagged = self.found + len(self.false_alarms)
        return self.found / flagged if flagged else 1.0


def corpus_pages() -> list[Path]:
    return sorted(p for p in CORPUS.glob("*/*/*.*") if p.suffix in (".md", ".mdx", ".markdown"))


def _stale(path: Path, lang: str, project: Project) -> set[tuple[int, str]]:
    return {(f.line, f.setting or "") for f in check_paths([str(path)], lang, project=project) if f.kind == STALE}


def _project(page: Path) -> Project:
    """A corpus project with a pyproject.toml checks against its own settings; the others, ours."""
    config = page.parent.parent / "pyproject.toml"
    return read_pyproject(config) if config.is_file() else load_project(CORPUS).override(allow_import=True)


def score(pages: list[Path] | None = None) -> dict[str, Score]:
    """Scores by language; each page is checked as a loose file in its folder's language."""
    scores: dict[str, Score] = {}
    with tempfile.TemporaryDirectory(prefix="corpus-") as tmp:
        for page in pages or corpus_pages():
            project = _project(page)
            targets = project.targets()  # the marks are rendered from this project's defaults
            lang, name = page.parent.name, f"{page.parent.parent.name}/{page.parent.name}/{page.name}"
            result = scores.setdefault(lang, Score())
            template = page.read_text(encoding="utf-8")
            target = Path(tmp) / f"{page.parent.parent.name}-{lang}-{page.name}"
            stale, expected = render(template, stale=True, targets=targets)
            target.write_text(stale, encoding="utf-8")
            marks = {(e.line, e.env) for e in expected}
            found = _stale(target, lang, project)
            result.found += len(marks & found)
            result.missed += [f"{name}:{line} {env}" for line, env in sorted(marks - found)]
            result.false_alarms += [f"{name}:{line} {env} (stale page)" for line, env in sorted(found - marks)]
            right, _ = render(template, stale=False, targets=targets)
            target.write_text(right, encoding="utf-8")
            result.false_alarms += [
                f"{name}:{line} {env} (right page)" for line, env in sorted(_stale(target, lang, project))
            ]
    return scores


def total(scores: dict[str, Score]) -> Score:
    whole = Score()
    for result in scores.values():
        whole.found += result.found
        whole.missed += result.missed
        whole.false_alarms += result.false_alarms
    return whole
