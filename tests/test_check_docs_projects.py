"""check-docs on other projects: each layout with its own settings, env prefix and config table.

Each fixture project under tests/fixtures/projects carries its ``[tool.check-docs]``
configuration and the findings expected on it (``expected.json``): stale values in
several languages, and a German page (no German words in the checker) whose values
drifted from English. Fixing what was found leaves nothing to find.
"""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.support.docs_tree import read, write
from transdocs import check_paths
from transdocs.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, main
from transdocs.report.findings import MISSING, STALE, VALUE_DRIFT, Finding
from transdocs.tools.stamp import stamp_paths

PROJECTS = Path(__file__).resolve().parent / "fixtures" / "projects"
NAMES = sorted(p.name for p in PROJECTS.iterdir() if (p / "pyproject.toml").is_file())
KEYS = ("path", "line", "lang", "kind", "setting", "stated", "expected")


def copy_project(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    project = tmp_path / name
    shutil.copytree(PROJECTS / name, project)
    monkeypatch.chdir(project)
    return project


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict[str, Any]]]:
    """check-docs as the project's owner runs it: its settings class may be imported."""
    code = main(["--format", "json", "--allow-import", *args])
    out = capsys.readouterr().out
    return code, [{key: finding[key] for key in KEYS} for finding in json.loads(out)]


def expected(name: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = json.loads((PROJECTS / name / "expected.json").read_text(encoding="utf-8"))
    return found


def test_every_layout_and_kind_of_settings_has_a_fixture() -> None:
    texts = {name: (PROJECTS / name / "pyproject.toml").read_text(encoding="utf-8") for name in NAMES}
    assert {".json", ".toml", "pydantic", "dataclass"} <= {
        kind
        for name, text in texts.items()
        for kind in (".json", ".toml", "pydantic", "dataclass")
        if kind in name or kind in text
    }
    kinds = {finding["kind"] for name in NAMES for finding in expected(name)}
    assert {STALE, VALUE_DRIFT} <= kinds
    drifts = [f for name in NAMES for f in expected(name) if f["kind"] == VALUE_DRIFT]
    assert {f["lang"] for f in drifts} >= {"de"}
    assert all(
        f["stated"] != f["expected"] for name in NAMES for f in expected(name) if f["kind"] in (STALE, VALUE_DRIFT)
    )


@pytest.mark.parametrize("name", NAMES)
def test_a_project_gets_exactly_its_expected_findings_from_its_configuration_alone(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    copy_project(name, tmp_path, monkeypatch)
    code, found = check(capsys)
    assert found == expected(name)
    assert code == EXIT_FINDINGS


@pytest.mark.parametrize("name", NAMES)
def test_the_same_project_fixed_has_no_findings(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_project(name, tmp_path, monkeypatch)
    for finding in expected(name):
        page = project / finding["path"]
        if finding["kind"] == MISSING:
            english = Path(finding["path"]).name
            source = next(p for p in project.rglob(english) if "/i18n/" not in p.as_posix())
            page.parent.mkdir(parents=True, exist_ok=True)  # git keeps no empty folder
            write(page, read(source))
            stamp_paths([page])
            continue
        lines = read(page).split("\n")
        line = lines[finding["line"] - 1]
        assert finding["stated"] in line
        lines[finding["line"] - 1] = line.replace(finding["stated"], finding["expected"], 1)
        write(page, "\n".join(lines))
    code, found = check(capsys)
    assert found == []
    assert code == EXIT_OK


def test_done_when_a_new_docusaurus_project_is_checked_from_options_alone_as_from_its_configuration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_project("docusaurus_json", tmp_path, monkeypatch)
    (project / "pyproject.toml").unlink()
    code, found = check(capsys, "--settings", "defaults.json", "--env-prefix", "APP_", "docs", "i18n")
    assert code == EXIT_FINDINGS
    assert found == expected("docusaurus_json")
    assert {(f["lang"], f["kind"]) for f in found} >= {("de", VALUE_DRIFT), ("zh-Hans", STALE)}


def test_the_readme_shows_what_check_docs_prints_on_that_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    command = "$ check-docs --settings defaults.json --env-prefix APP_ docs i18n\n"
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    shown = readme[readme.index(command) + len(command) :].split("```")[0]
    copy_project("docusaurus_json", tmp_path, monkeypatch)
    main(command.split()[2:])
    assert capsys.readouterr().out == shown


def test_command_line_options_win_over_the_configuration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_project("folder_json", tmp_path, monkeypatch)
    data = json.loads((project / "settings.json").read_text(encoding="utf-8"))
    data["timeout"] = 45  # what the French page states
    (tmp_path / "other.json").write_text(json.dumps(data), encoding="utf-8")
    _, found = check(capsys, "--settings", str(tmp_path / "other.json"))
    stale = {(f["path"], f["line"]) for f in found if f["kind"] == STALE}
    assert ("docs/en/index.md", 5) in stale and ("docs/fr/index.md", 5) not in stale
    _, found = check(capsys, "--env-prefix", "OTHER_")
    # With another prefix no SVC_ name is a setting: no stale default names one (drift from the
    # English page is found by alignment, with or without settings).
    assert not [f for f in found if f["kind"] == STALE and f["setting"].startswith("SVC_")]
    assert [f for f in found if f["kind"] == STALE]


def test_a_setting_with_no_env_var_is_named_by_its_config_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "settings.json").write_text('[{"name": "workers", "env": null, "key": "workers", "default": 4}]')
    (tmp_path / "page.md").write_text("# Workers\n\nThe defaults:\n\n```toml\n[app]\nworkers = 8\n```\n")
    code, found = check(capsys, "--settings", "settings.json", "--toml-table", "app", "page.md")
    assert code == EXIT_FINDINGS
    assert [(f["line"], f["setting"], f["stated"], f["expected"]) for f in found] == [(7, "workers", "8", "4")]
    _, found = check(capsys, "--settings", "settings.json", "--toml-table", "other", "page.md")
    assert found == []  # a block of another table is not about these settings


@pytest.mark.parametrize(
    ("file", "content", "message"),
    [
        ("pyproject.toml", '[tool.check-docs]\nsettngs = "settings.json"', "pyproject.toml:2: unknown key 'settngs'"),
        ("pyproject.toml", '[tool.check-docs]\nsettings = "nothing.json"', "nothing.json: settings file not found"),
        ("pyproject.toml", '[tool.check-docs]\nsettings = "no_such:Settings"', "run with --allow-import"),
        ("pyproject.toml", "[tool.check-docs]\nallow-import = true", "command-line option only"),
        ("pyproject.toml", '[tool.check-docs]\nsettings = "settings"', "expected module:object or a .json/.toml"),
        ("pyproject.toml", '[tool.check-docs]\nlayout = "sphinx"', "unknown layout 'sphinx'"),
        ("pyproject.toml", '[tool.check-docs]\nstrict = "yes"', "pyproject.toml:2: strict must be true or false"),
        ("settings.json", '{"timeout": 30,}', "settings.json:1: not valid JSON"),
        ("settings.json", '[{"env": "X"}]', 'needs a "name"'),
        ("settings.json", '[{"name": "x", "default": 1, "unti": "seconds"}]', "unknown field 'unti'"),
        ("settings.json", '[{"name": "x", "default": 1, "unit": "parsecs"}]', "unit 'parsecs'"),
        ("settings.json", "42", "expected a mapping"),
    ],
)
def test_a_bad_configuration_or_settings_file_is_one_line_naming_it(
    file: str,
    content: str,
    message: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    project = copy_project("folder_json", tmp_path, monkeypatch)
    (project / file).write_text(content + ('\npaths = ["docs"]\n' if file == "pyproject.toml" else ""), "utf-8")
    assert main([]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err, err


def test_a_settings_file_imports_neither_pydantic_nor_litellm(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy_project("folder_json", tmp_path, monkeypatch)
    code = (
        "import sys; from transdocs.cli import main; code = main([]); "
        "print(code, [m for m in ('pydantic', 'litellm', 'llm_backends', 'mkdocs', 'yaml') if m in sys.modules])"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert done.stdout.split("\n")[-2] == f"{EXIT_FINDINGS} []", done.stdout + done.stderr


def test_a_settings_class_is_read_once_until_its_package_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy_project("hugo_dataclass", tmp_path, monkeypatch)
    code = (
        "import sys, json; from transdocs.project import load_project; "
        "s = load_project().override(allow_import=True).settings_list(); "
        "print(json.dumps([{x.name: x.default for x in s}, 'hugo_fixture_settings' in sys.modules]))"
    )

    def settings() -> tuple[dict[str, Any], bool]:
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
        values, imported = json.loads(done.stdout)
        return values, imported

    first, imported = settings()
    assert imported and first["cache_ttl"] == 300
    assert settings() == (first, False)  # from the cache: the module is not imported
    module = project / "hugo_fixture_settings.py"
    module.write_text(read(module).replace("cache_ttl: int = 300", "cache_ttl: int = 301"), encoding="utf-8")
    os.utime(module, ns=(1, 1))  # a different modification time even on a coarse clock
    changed, imported = settings()
    assert imported and changed["cache_ttl"] == 301


def test_importing_the_runtime_imports_nothing_of_the_toolkit() -> None:
    code = "import sys, llm_backends; print(sorted(m for m in sys.modules if m.split('.')[0] == 'transdocs'))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert done.stdout.strip() == "[]", done.stdout + done.stderr


def _names_our_project(path: Path) -> list[int]:
    """Lines of ``path`` whose code (not comments or docstrings) imports llm_backends or names LLM_ / "llm"."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            modules = [alias.name for alias in node.names] + [getattr(node, "module", None) or ""]
            if any(m.split(".")[0] == "llm_backends" for m in modules):
                lines.append(node.lineno)
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
            and ("LLM_" in node.value or node.value == "llm" or "llm_backends" in node.value)
        ):
            lines.append(node.lineno)
    return lines


def test_the_toolkit_names_no_project_of_its_own() -> None:
    """Our package, env prefix and config table reach the checker through pyproject.toml only."""
    checker = Path(__file__).resolve().parent.parent / "packages" / "transdocs" / "src" / "transdocs"
    named = [
        f"{path.relative_to(checker)}:{line}"
        for path in sorted(checker.rglob("*.py"))
        if path.parts[len(checker.parts)] not in ("site", "placeholders.py", "cli.py")
        for line in _names_our_project(path)
    ]
    assert named == []


def test_a_pyproject_without_the_table_is_passed_over_for_the_one_above(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_project("folder_json", tmp_path, monkeypatch)
    inner = project / "tools"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[project.scripts]\ncheck-docs = "transdocs.cli:main"\n', "utf-8")
    monkeypatch.chdir(inner)
    code, found = check(capsys, "../docs")
    assert code == EXIT_FINDINGS and len(found) == len(expected("folder_json"))


def test_two_projects_checked_in_one_process_each_get_their_own_answer(tmp_path: Path) -> None:
    """Each run is configured by its own project (settings, table, languages), not by the run before it."""
    from transdocs.project import Project

    page = tmp_path / "page.md"
    page.write_text("# Workers\n\nBy default, `APP_WORKERS` is 8.\n", encoding="utf-8")
    projects = {}
    for name, workers in (("eight", 8), ("four", 4)):
        (tmp_path / f"{name}.json").write_text(f'{{"workers": {workers}}}', encoding="utf-8")
        projects[name] = Project(settings=str(tmp_path / f"{name}.json"), env_prefix="APP_", base=tmp_path)

    def stale(name: str) -> list[tuple[str | None, str | None]]:
        found = check_paths([str(page)], lang="en", project=projects[name])
        return [(f.stated, f.expected) for f in found if f.kind == STALE]

    assert stale("four") == [("8", "4")]
    assert stale("eight") == []
    assert stale("four") == [("8", "4")]


GERMAN_WORDS = 'scripts = ["Latin"]\ndefault = ["Standardwert"]\ncopula = ["ist"]\nglue = ["der", "von"]\n'
PAGES = {
    "en.md": "# Workers\n\nBy default, `APP_WORKERS` is 8.\n",
    "de.md": "# Arbeiter\n\nDer Standardwert von `APP_WORKERS` ist 2.\n",
    "config.md": "# Config\n\nThe defaults:\n\n```toml\n[tool.alpha]\nworkers = 6\n```\n",
    "threads.md": "# Reference\n\n### threads\n\nDefault: 3\n",
}


def test_two_projects_with_their_own_settings_table_and_languages_interleaved_each_get_their_own_answer(
    tmp_path: Path,
) -> None:
    """Nothing a run is configured with lives in a module: settings, the config file's table and a
    folder of language files travel with each run's context. Two projects checked page by page in
    turns, and whole runs of both at once in threads, give what each gives alone (the caches they
    share, compiled patterns and headings already read, are keyed by what they were built from)."""
    from concurrent.futures import ThreadPoolExecutor

    from transdocs.batch import project_context
    from transdocs.project import Project
    from transdocs.runner import Checker

    languages = tmp_path / "languages"
    languages.mkdir()
    (languages / "de.toml").write_text(GERMAN_WORDS, encoding="utf-8")
    for name, text in PAGES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "alpha.json").write_text('{"workers": 4}', encoding="utf-8")
    (tmp_path / "beta.json").write_text('{"workers": 8, "threads": 2}', encoding="utf-8")
    projects = {
        "alpha": Project(
            settings=str(tmp_path / "alpha.json"),
            env_prefix="APP_",
            toml_table="tool.alpha",
            languages=str(languages),
            base=tmp_path,
        ),
        "beta": Project(settings=str(tmp_path / "beta.json"), env_prefix="APP_", toml_table="tool.beta", base=tmp_path),
    }
    # alpha: German words of its own, its table, no threads setting; beta: none of these, a threads setting.
    alone = {
        "alpha": [
            ("config.md", "APP_WORKERS", "6", "4"),
            ("de.md", "APP_WORKERS", "2", "4"),
            ("en.md", "APP_WORKERS", "8", "4"),
        ],
        "beta": [("threads.md", "APP_THREADS", "3", "2")],
    }

    def lang(page: str) -> str:
        return "de" if page == "de.md" else "en"

    def stale(found: list[Finding]) -> list[tuple[str, str | None, str | None, str | None]]:
        return sorted((Path(f.path).name, f.setting, f.stated, f.expected) for f in found if f.kind == STALE)

    # Page by page, the two projects' checkers taking turns.
    checkers = {
        (name, page): Checker(project_context(project.override(lang=lang(page)), [str(tmp_path / page)]))
        for page in PAGES
        for name, project in projects.items()
    }
    found: dict[str, list[Finding]] = {"alpha": [], "beta": []}
    for (name, _), checker in checkers.items():
        found[name] += checker.check(checker.context.discovery.pages[0])[0]
    assert {name: stale(findings) for name, findings in found.items()} == alone

    # Whole runs, in turns and two at a time.
    def run(name: str) -> list[tuple[str, str | None, str | None, str | None]]:
        project = projects[name]
        return stale(
            [
                f
                for page in PAGES
                for f in check_paths([str(tmp_path / page)], lang(page), project=project, use_cache=False)
            ]
        )

    order = ["beta", "alpha", "beta", "alpha"]
    with ThreadPoolExecutor(2) as pool:
        assert list(pool.map(run, order)) == [alone[name] for name in order]
