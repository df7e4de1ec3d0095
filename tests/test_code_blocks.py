"""Python code in the docs passes ruff, as readers see it, in every language.

pytest-examples finds the ```py / ```python blocks of every ``docs/<lang>/*.md``; a block made of
``--8<--`` lines is checked with the snippet sections it includes, so what is linted is what the
site shows. Each snippet file is also linted whole with the project's rules, so the collection is
never empty even if the pages had no Python blocks at all. (Running the code is
tests/test_snippets.py's job.)
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_examples import CodeExample, EvalExample, find_examples

from tests.support.snippet_files import DOCS_DIR, ROOT, doc_pages, expand_includes, snippet_files

# A block shows one section of a longer file: its names may come from an earlier block
# (F821), and its imports may serve a later one (F401). A block as a page shows it has no final
# newline (W292).
SECTION_IGNORE = ["F401", "F821", "W292"]
PROJECT_RULES = ["E", "W", "F", "I", "UP", "B", "SIM", "RUF"]  # as in pyproject.toml


def _doc_examples() -> list[CodeExample]:
    return [example for page in doc_pages() for example in find_examples(page)]


def _example_id(example: CodeExample) -> str:
    return f"{example.path.relative_to(DOCS_DIR).as_posix()}:{example.start_line}"


def _lint(eval_example: EvalExample, example: CodeExample) -> None:
    # pytest.fail from inside an except block crashes pytest on Python 3.11 (INTERNALERROR).
    try:
        eval_example.lint_ruff(example)
    except pytest.fail.Exception as exc:
        failure = str(exc)
    else:
        return
    pytest.fail(failure, pytrace=False)


@pytest.mark.parametrize("example", _doc_examples(), ids=_example_id)
def test_python_blocks_in_docs(
    example: CodeExample, eval_example: EvalExample, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = expand_includes(example.source)
    assert shown.strip(), f"{_example_id(example)} is an empty code block"
    monkeypatch.chdir(ROOT)  # ruff reads pyproject.toml: rules, line length, first-party packages
    eval_example.set_config(target_version="py311", ruff_line_length=110, ruff_ignore=SECTION_IGNORE)
    _lint(eval_example, CodeExample.create(shown, path=example.path, start_line=example.start_line))


@pytest.mark.parametrize("path", [p for p in snippet_files() if p.suffix == ".py"], ids=lambda path: path.name)
def test_snippet_files_pass_project_lint(
    path: Path, eval_example: EvalExample, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)  # ruff reads pyproject.toml: line length, first-party packages
    eval_example.set_config(target_version="py311", ruff_line_length=110, ruff_select=PROJECT_RULES)
    _lint(eval_example, CodeExample.create(path.read_text(encoding="utf-8"), path=path))


def test_docs_have_python_blocks() -> None:
    """Guard against a parametrization that silently collects nothing."""
    assert any(example.path.parent.name == "en" for example in _doc_examples())
