"""check-docs on a tree it must not trust (a pull request from a fork): none of the tree's code
runs unless the command line asks, and no secret value of a setting is ever printed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from transdocs.cli import EXIT_FINDINGS, EXIT_USAGE
from transdocs.settings.reader import MASK, OPT_IN, format_value, load_settings, looks_secret

SECRET = "s3cr3t-value-of-the-ci"
KEY_SHAPED = "sk-proj-Ab12Cd34Ef56Gh78Ij90Kl12"


def _check_docs(folder: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The installed ``check-docs`` command in ``folder``, as CI runs it."""
    command = [sys.executable, "-c", "import sys; from transdocs.cli import main; sys.exit(main())", *args]
    return subprocess.run(
        command, cwd=folder, capture_output=True, text=True, timeout=120, check=False, env={**os.environ, **(env or {})}
    )


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """A repository whose configuration names its own package, which writes a file when imported."""
    repo = tmp_path / "repo"
    (repo / "src" / "evilpkg").mkdir(parents=True)
    (repo / "docs").mkdir()
    (repo / "pyproject.toml").write_text('[tool.check-docs]\nsettings = "evilpkg:Settings"\npaths = ["docs"]\n')
    (repo / "src" / "evilpkg" / "__init__.py").write_text(
        f"import pathlib\npathlib.Path({str(tmp_path / 'ran')!r}).write_text('ran')\nSettings = {{'workers': 4}}\n"
    )
    (repo / "docs" / "index.md").write_text("# Workers\n\nBy default, `workers` is `8`.\n")
    return repo


def test_a_module_named_by_the_checked_trees_configuration_is_not_imported(hostile: Path) -> None:
    done = _check_docs(hostile)
    assert not (hostile.parent / "ran").exists()
    assert done.returncode == EXIT_USAGE
    assert done.stdout == "" and done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert "pyproject.toml:2" in done.stderr and OPT_IN in done.stderr and "evilpkg:Settings" in done.stderr


def test_translation_status_does_not_import_it_either(hostile: Path) -> None:
    for lang in ("en", "fr"):
        (hostile / "docs" / lang).mkdir()
        (hostile / "docs" / lang / "index.md").write_text("# Workers\n")
    command = [sys.executable, "-m", "llm_backends.cli", "translation-status", "docs"]
    done = subprocess.run(command, cwd=hostile, capture_output=True, text=True, timeout=120, check=False)
    assert not (hostile.parent / "ran").exists()
    assert done.returncode == EXIT_USAGE and OPT_IN in done.stderr, done.stderr


def test_without_the_opt_in_nothing_of_the_tree_goes_on_the_import_path(
    hostile: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from transdocs.cli import main

    monkeypatch.chdir(hostile)
    before = list(sys.path)
    assert main([]) == EXIT_USAGE
    assert sys.path == before and "evilpkg" not in sys.modules


def test_the_command_line_opt_in_imports_it(hostile: Path) -> None:
    done = _check_docs(hostile, OPT_IN)
    assert (hostile.parent / "ran").exists()
    assert done.returncode == EXIT_FINDINGS and "workers states 8, the default in the code is 4" in done.stdout


def test_a_settings_file_needs_no_opt_in(hostile: Path) -> None:
    (hostile / "pyproject.toml").write_text('[tool.check-docs]\nsettings = "settings.json"\npaths = ["docs"]\n')
    (hostile / "settings.json").write_text('{"workers": 4}')
    done = _check_docs(hostile)
    assert not (hostile.parent / "ran").exists()
    assert done.returncode == EXIT_FINDINGS and "workers states 8" in done.stdout


@pytest.fixture
def environ_repo(tmp_path: Path) -> Path:
    """``settings = "os:environ"``: every CI variable a setting, a page stating values for them."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "pyproject.toml").write_text(
        '[tool.check-docs]\nsettings = "os:environ"\nenv-prefix = "CI_"\npaths = ["docs"]\n'
    )
    (tmp_path / "docs" / "index.md").write_text(
        "# CI\n\nBy default, `CI_SECRET_TOKEN` is `abc`.\n\nBy default, `CI_DEPLOY` is `abc`.\n"
    )
    return tmp_path


CI_ENV = {"CI_SECRET_TOKEN": SECRET, "CI_DEPLOY": KEY_SHAPED}


def test_settings_from_the_environment_named_by_the_tree_are_refused(environ_repo: Path) -> None:
    done = _check_docs(environ_repo, env=CI_ENV)
    assert done.returncode == EXIT_USAGE and OPT_IN in done.stderr
    assert SECRET not in done.stdout + done.stderr


@pytest.mark.parametrize("output", ["text", "json"])
def test_a_secret_or_key_shaped_default_is_never_printed(environ_repo: Path, output: str) -> None:
    for args in ([OPT_IN], ["--settings", "os:environ", "--env-prefix", "CI_", "docs"]):
        done = _check_docs(environ_repo, *args, "--format", output, env=CI_ENV)
        assert done.returncode in (0, 1), done.stderr
        shown = done.stdout + done.stderr
        assert SECRET not in shown and KEY_SHAPED not in shown and KEY_SHAPED[:12] not in shown


def test_a_secret_setting_is_marked_and_masked(tmp_path: Path) -> None:
    (tmp_path / "s.json").write_text(
        f'[{{"name": "api_key", "default": "{SECRET}"}}, {{"name": "endpoint", "default": "{KEY_SHAPED}"}},'
        ' {"name": "max_tokens", "default": 512}, {"name": "model", "default": "openai/text-embedding-3-small"}]'
    )
    settings = {s.name: s for s in load_settings(str(tmp_path / "s.json"))}
    assert settings["api_key"].secret and settings["endpoint"].secret
    assert not settings["max_tokens"].secret and not settings["model"].secret
    assert format_value(SECRET, secret=True) == MASK


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("api_key", "abc"),
        ("GITHUB_TOKEN", "abc"),
        ("dbPassword", "hunter2"),
        ("client_secret", "x"),
        ("endpoint", "sk-ant-api03-abcdefgh"),
        ("value", "ghp_abcdefghijklmnop"),
        ("url", "https://user:hunter2@example.com/path"),
        ("value", "AKIAIOSFODNN7EXAMPLE"),
        ("value", "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5"),
        ("digest", "0123456789abcdef0123456789abcdef"),
    ],
)
def test_credentials_are_recognised_by_name_or_shape(name: str, value: str) -> None:
    assert looks_secret(name, value)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("max_tokens", 4096),
        ("token_limit", 100),
        ("model", "gpt-4o-mini-2024-07-18"),
        ("model", "openai/text-embedding-3-small"),
        ("base_url", "https://api.example.com/v1"),
        ("region", "eu-west-1"),
        ("api_key", None),
    ],
)
def test_ordinary_values_are_not_taken_for_credentials(name: str, value: object) -> None:
    assert not looks_secret(name, value)


def _llm_backends(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``llm-backends <args>`` in ``folder``: check-docs as a command of the program it checks the docs of."""
    command = [sys.executable, "-m", "llm_backends.cli", *args]
    return subprocess.run(command, cwd=folder, capture_output=True, text=True, timeout=120, check=False)


def test_llm_backends_reads_its_own_settings_from_itself_with_no_opt_in(tmp_path: Path) -> None:
    """The tree names the settings of the program the user runs: read from that program (a stale
    default is found), nothing of the tree imported; its own package of that name is never run."""
    from llm_backends.cli import HOST_SETTINGS
    from llm_backends.settings import LLMSettings

    (tmp_path / "src" / "llm_backends").mkdir(parents=True)
    (tmp_path / "src" / "llm_backends" / "__init__.py").write_text(
        f"import pathlib\npathlib.Path({str(tmp_path / 'ran')!r}).write_text('ran')\n"
    )
    (tmp_path / "docs").mkdir()
    (tmp_path / "pyproject.toml").write_text(
        f'[tool.check-docs]\nsettings = "{HOST_SETTINGS}"\nenv-prefix = "LLM_"\npaths = ["docs"]\n'
    )
    stale = LLMSettings.model_fields["num_retries"].default + 1
    (tmp_path / "docs" / "index.md").write_text(f"# Retries\n\nBy default, `LLM_NUM_RETRIES` is {stale}.\n")
    done = _llm_backends(tmp_path, "check-docs")
    assert done.returncode == EXIT_FINDINGS, done.stderr
    assert f"LLM_NUM_RETRIES states {stale}" in done.stdout
    assert not (tmp_path / "ran").exists()
    # The standalone checker runs no such program: the opt-in is still needed there.
    alone = _check_docs(tmp_path)
    assert alone.returncode == EXIT_USAGE and OPT_IN in alone.stderr


def test_llm_backends_still_refuses_any_other_spec_of_the_tree(hostile: Path, environ_repo: Path) -> None:
    for repo in (hostile, environ_repo):
        done = _llm_backends(repo, "check-docs")
        assert done.returncode == EXIT_USAGE and OPT_IN in done.stderr, done.stderr
        assert SECRET not in done.stdout + done.stderr
    assert not (hostile.parent / "ran").exists()
