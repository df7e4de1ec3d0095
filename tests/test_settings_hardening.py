"""Settings that cannot fool you: a thread-safe cache, warnings for settings written where
they are not read, errors for a config.toml that is no file, and the right line every time."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import warnings
from pathlib import Path

import pytest

from llm_backends import ConfigError, ConfigWarning, LLMSettings, load, load_settings
from llm_backends.config import current_settings
from llm_backends.settings import MOST_RETRIES

DEFAULTS = LLMSettings()


def write(path: Path, body: str) -> Path:
    path.write_text(body, encoding="utf-8")
    return path


def problems_of(excinfo: pytest.ExceptionInfo[ConfigError]) -> list[str]:
    return [str(p) for p in excinfo.value.problems]


# --- the cache under threads that change the environment ----------------------------------


def test_cache_never_keeps_a_value_the_environment_no_longer_has(monkeypatch: pytest.MonkeyPatch) -> None:
    values = ["11", "22"]
    stop = threading.Event()
    failures: list[BaseException] = []

    def churn() -> None:
        n = 0
        while not stop.is_set():
            os.environ["LLM_TIMEOUT"] = values[n % 2]
            os.environ[f"LLM_NOISE_{n % 50}"] = "x"  # variables come and go while others iterate
            os.environ.pop(f"LLM_NOISE_{(n + 25) % 50}", None)
            n += 1

    def read() -> None:
        try:
            for _ in range(300):
                assert current_settings().timeout in (11.0, 22.0)
        except BaseException as exc:
            failures.append(exc)

    monkeypatch.setenv("LLM_TIMEOUT", values[0])
    writer = threading.Thread(target=churn)
    readers = [threading.Thread(target=read) for _ in range(3)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConfigWarning)
        writer.start()
        for thread in readers:
            thread.start()
        for thread in readers:
            thread.join()
        stop.set()
        writer.join()
    for name in [n for n in os.environ if n.startswith("LLM_NOISE_")]:
        monkeypatch.delenv(name)
    assert failures == []
    for value in ("33", "44", "33"):
        monkeypatch.setenv("LLM_TIMEOUT", value)
        assert current_settings().timeout == float(value) == load_settings().timeout


# --- warnings: written where it is not read ---------------------------------------------------


def test_a_misspelt_env_var_warns_naming_the_right_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LLM_NUM_RETRYS", "3")
    with pytest.warns(ConfigWarning, match=r"LLM_NUM_RETRYS \(environment\): .*did you mean LLM_NUM_RETRIES\?"):
        settings = load_settings()
    assert settings.num_retries == DEFAULTS.num_retries


def test_an_unrelated_llm_variable_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LLM_USER_PATH", "/somewhere")  # another tool's variable
    with warnings.catch_warnings():
        warnings.simplefilter("error", ConfigWarning)
        load_settings()


@pytest.mark.parametrize("table", ["LLM", "Llm"])
def test_a_table_in_the_wrong_case_warns_with_its_line(tmp_path: Path, table: str) -> None:
    path = write(tmp_path / "config.toml", f'title = "x"\n\n[{table}]\nnum_retries = 9\n')
    with pytest.warns(ConfigWarning, match=rf"config.toml:3: table \[{table}\] is not read; did you mean \[llm\]"):
        loaded = load(path)
    assert loaded.settings.num_retries == DEFAULTS.num_retries
    assert len(loaded.warnings) == 1


def test_a_setting_before_any_table_warns(tmp_path: Path) -> None:
    path = write(
        tmp_path / "config.toml", 'model = "openai/outside"\n\n[llm]\ntimeout = 5\n\n[other]\nnum_retries = 2\n'
    )
    with pytest.warns(ConfigWarning) as record:
        loaded = load(path)
    messages = [str(w.message) for w in record]
    assert any("config.toml:1: 'model' is outside the [llm] table" in m and "[llm] model" in m for m in messages)
    assert len(messages) == 1  # [other] belongs to another tool: its num_retries is not ours
    assert loaded.settings.timeout == 5


def test_config_command_prints_the_warnings_and_succeeds(tmp_path: Path) -> None:
    write(tmp_path / "config.toml", "[LLM]\ntimeout = 5\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("LLM_")}
    env["LLM_NUM_RETRYS"] = "3"
    result = subprocess.run(
        [sys.executable, "-m", "llm_backends.cli", "config"], capture_output=True, text=True, cwd=tmp_path, env=env
    )
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    warning = "LLM_NUM_RETRYS (environment): not a setting, so it is ignored; did you mean LLM_NUM_RETRIES?"
    assert f"llm-backends: warning: {warning}" in lines
    assert any(line.startswith("llm-backends: warning: config.toml:1: table [LLM] is not read") for line in lines)


# --- a config.toml that is no file ------------------------------------------------------------


def test_a_directory_named_config_toml_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "config.toml").mkdir()
    with pytest.raises(ConfigError) as excinfo:
        load()
    assert problems_of(excinfo) == ["config.toml: is a directory, not a config file"]


def test_a_broken_link_named_config_toml_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "config.toml").symlink_to(tmp_path / "gone.toml")
    with pytest.raises(ConfigError) as excinfo:
        load()
    [problem] = problems_of(excinfo)
    assert problem.startswith("config.toml: is a broken link")


# --- the right line, for any valid TOML ----------------------------------------------------


def test_error_lines_survive_multiline_strings_arrays_and_quoted_tables(tmp_path: Path) -> None:
    body = "\n".join(
        [
            'notes = """',  # 1
            "[llm]",  # 2: text inside a string, not a table
            "timeout = 1",  # 3: text inside a string, not a key
            '"""',  # 4
            "servers = [",  # 5
            "  [1, 2],",  # 6
            "]",  # 7
            '["llm"]',  # 8: a quoted table name
            "'model' = \"openai/x\"",  # 9
            "num_retries = -1",  # 10
            "timeout = 0",  # 11
        ]
    )
    with pytest.raises(ConfigError) as excinfo:
        load(write(tmp_path / "config.toml", body + "\n"))
    problems = problems_of(excinfo)
    assert any(p.startswith(f"{tmp_path / 'config.toml'}:10: num_retries") for p in problems), problems
    assert any(p.startswith(f"{tmp_path / 'config.toml'}:11: timeout") for p in problems), problems


def test_dotted_keys_at_the_top_level_are_found(tmp_path: Path) -> None:
    path = write(tmp_path / "config.toml", 'title = "x"\nllm.num_retries = "many"\n')
    with pytest.raises(ConfigError) as excinfo:
        load(path)
    assert problems_of(excinfo)[0].startswith(f"{path}:2: num_retries")


def test_an_over_long_bad_value_is_cut(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LLM_TIMEOUT", "x" * 5000)
    with pytest.raises(ConfigError) as excinfo:
        load()
    [problem] = problems_of(excinfo)
    assert problem.startswith("LLM_TIMEOUT (environment): ")
    assert len(problem) < 200
    assert problem.endswith("…")


def test_num_retries_has_an_upper_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LLM_NUM_RETRIES", str(MOST_RETRIES + 1))
    with pytest.raises(ConfigError, match=rf"LLM_NUM_RETRIES \(environment\): .*{MOST_RETRIES}"):
        load()
