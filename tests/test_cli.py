"""``llm-backends config`` and ``schedule``, run as a user runs them: a real process."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from llm_backends import LLMSettings, retry_schedule, setting_infos
from llm_backends.settings import format_value

SECRET = "sk-cli-secret-abcdef123456"


def run(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    executable = shutil.which("llm-backends", path=str(Path(sys.executable).parent))
    command = [executable] if executable else [sys.executable, "-m", "llm_backends.cli"]
    environment = {k: v for k, v in os.environ.items() if not k.upper().startswith("LLM_")}
    environment.update(env or {})
    return subprocess.run([*command, *args], capture_output=True, text=True, env=environment, cwd=cwd, timeout=60)


def test_config_prints_every_default_with_its_source() -> None:
    result = run("config")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    for info in setting_infos():
        [row] = [line for line in lines if line.startswith(info.env + " ")]
        assert row.split()[1] == info.key
        assert format_value(info.default) in row
        assert row.split()[-1] == "default"


def test_config_json_shape_sources_and_masking(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text(f"[llm]\nnum_retries = {LLMSettings().num_retries + 1}\n")
    result = run("config", "--json", env={"LLM_API_KEY": SECRET, "LLM_MODEL": "openai/x"}, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert SECRET not in result.stdout
    payload = json.loads(result.stdout)
    assert list(payload) == [info.env for info in setting_infos()]
    for info in setting_infos():
        assert set(payload[info.env]) == {"key", "value", "default", "source"}
        assert payload[info.env]["key"] == info.key
    assert payload["LLM_API_KEY"]["value"] == "**********"
    assert payload["LLM_API_KEY"]["source"] == "env"
    assert payload["LLM_MODEL"] == {
        "key": "model",
        "value": "openai/x",
        "default": LLMSettings().model,
        "source": "env",
    }
    assert payload["LLM_NUM_RETRIES"]["value"] == LLMSettings().num_retries + 1
    assert payload["LLM_NUM_RETRIES"]["source"] == "toml"
    assert payload["LLM_TIMEOUT"]["source"] == "default"


def test_config_with_explicit_path(tmp_path: Path) -> None:
    config = tmp_path / "elsewhere.toml"
    config.write_text('[llm]\nmodel = "groq/llama"\n')
    result = run("config", "--config", str(config))
    assert result.returncode == 0
    assert f"config file: {config}" in result.stdout
    [row] = [line for line in result.stdout.splitlines() if line.startswith("LLM_MODEL ")]
    assert row.split()[2:] == ["groq/llama", "toml"]


def test_bad_env_value_exits_2_with_one_line_naming_it() -> None:
    result = run("config", env={"LLM_NUM_RETRIES": "abc"})
    assert result.returncode == 2
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert "LLM_NUM_RETRIES" in line
    assert "Traceback" not in result.stderr


def test_several_problems_one_line_each_and_no_key(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text("[llm]\nretries = 3\n")
    result = run("config", env={"LLM_TIMEOUT": "x", "LLM_API_KEY": SECRET}, cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 2
    assert any("config.toml:2: unknown setting 'retries'" in line for line in lines)
    assert any("LLM_TIMEOUT (environment)" in line for line in lines)
    assert SECRET not in result.stderr


def test_malformed_toml_exits_2(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text("[llm\nmodel = 1\n")
    result = run("config", cwd=tmp_path)
    assert result.returncode == 2
    assert "config.toml:1: malformed TOML" in result.stderr
    assert "Traceback" not in result.stderr


def test_usage_error_exits_2() -> None:
    assert run("frobnicate").returncode == 2
    assert run("config", "--nope").returncode == 2


def test_schedule_matches_retry_schedule() -> None:
    result = run("schedule")
    assert result.returncode == 0, result.stderr
    assert f"at most {LLMSettings().num_retries + 1} requests" in result.stdout
    rows = [line.split() for line in result.stdout.splitlines() if line[:1].isdigit()]
    expected = retry_schedule()
    assert len(rows) == len(expected)
    for cells, row in zip(rows, expected, strict=True):
        assert cells == [
            str(row.retry),
            format_value(row.shortest),
            "s",
            format_value(row.longest),
            "s",
            format_value(row.longest_total),
            "s",
        ]


@pytest.mark.parametrize("command", [["config"], ["schedule"], ["config", "--json"]])
def test_cli_does_not_import_litellm(command: list[str]) -> None:
    code = (
        "import sys\nfrom llm_backends.cli import main\n"
        f"rc = main({command!r})\nassert 'litellm' not in sys.modules, 'litellm imported'\nsys.exit(rc)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_schedule_json_matches_retry_schedule() -> None:
    result = run("schedule", "--format", "json", env={"LLM_NUM_RETRIES": "2"})
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    settings = LLMSettings(num_retries=2)
    assert payload["model"] == settings.model
    assert payload["max_requests"] == 3
    assert payload["retries"] == [
        {"retry": r.retry, "shortest_wait": r.shortest, "longest_wait": r.longest, "longest_total": r.longest_total}
        for r in retry_schedule(settings)
    ]
    without_limit = 3 * settings.timeout + 2 * settings.retry_max_wait
    assert payload["longest_call_without_limit"] == without_limit
    assert payload["longest_call"] == min(without_limit, settings.total_timeout)


def test_config_json_alias_prints_what_format_json_prints() -> None:
    alias, option = run("config", "--json"), run("config", "--format", "json")
    assert alias.returncode == option.returncode == 0
    assert alias.stdout == option.stdout
    assert json.loads(option.stdout)["LLM_MODEL"]["source"] == "default"
    assert run("config", "--format", "yaml").returncode == 2


def test_version_is_the_installed_distribution_version() -> None:
    from importlib.metadata import version

    result = run("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"llm-backends {version('llm-backends')}\n"


def _commands() -> list[str]:
    from llm_backends.cli import build_parser

    [subparsers] = [a for a in build_parser()._actions if a.choices and isinstance(a.choices, dict)]
    return list(subparsers.choices)


@pytest.mark.parametrize("command", _commands())
def test_every_command_help_has_a_description_and_an_example(command: str) -> None:
    result = run(command, "--help")
    assert result.returncode == 0, result.stderr
    usage, description, *_ = result.stdout.split("\n\n")
    assert usage.startswith(f"usage: llm-backends {command}")
    assert description.strip() and not description.startswith(("positional", "options"))
    example = result.stdout.rstrip().split("\n\n")[-1].splitlines()
    assert example[0] in ("example:", "examples:")
    assert all(line.strip().startswith(("llm-backends ", "LLM_", "check-docs")) for line in example[1:] if line)


def test_standalone_check_docs_help_ends_with_examples() -> None:
    executable = shutil.which("check-docs", path=str(Path(sys.executable).parent))
    assert executable, "the check-docs console script is installed with the package"
    result = subprocess.run([executable, "--help"], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    example = result.stdout.rstrip().split("\n\n")[-1].splitlines()
    assert example[0] == "examples:" and all(line.strip().startswith("check-docs ") for line in example[1:])


@pytest.mark.parametrize("total", [None, "5000"])
def test_schedule_states_the_longest_call_with_retry_after_and_the_total_limit(total: str | None) -> None:
    env = {"LLM_TOTAL_TIMEOUT": total} if total else {}
    result = run("schedule", env=env)
    assert result.returncode == 0, result.stderr
    settings = LLMSettings(**({"total_timeout": float(total)} if total else {}))
    without_limit = (settings.num_retries + 1) * settings.timeout + settings.num_retries * settings.retry_max_wait
    longest = min(without_limit, settings.total_timeout)
    assert f"longest call: {format_value(longest)} s" in result.stdout
    assert f"without total_timeout: {format_value(without_limit)} s" in result.stdout
    assert ("capped by total_timeout" in result.stdout) == (settings.total_timeout < without_limit)


def test_a_command_set_that_cannot_be_loaded_is_one_line(tmp_path: Path) -> None:
    """An install older than its source (its entry point names a module that is gone): no traceback."""
    dist = tmp_path / "stale_commands-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: stale-commands\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[llm_backends.commands]\nstale = module_that_is_gone:add_commands\n")
    result = run("check-docs", "docs", env={"PYTHONPATH": str(tmp_path)})
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "commands of 'stale-commands' cannot be loaded (No module named 'module_that_is_gone')" in result.stderr
