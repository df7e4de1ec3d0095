"""Hostile configuration gets one line naming the file and line (or the variable), never a traceback:
nesting 1,000 deep, a byte order mark, a 300-character file name, booleans and subnormal numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

import llm_backends
from llm_backends import ConfigError, LLMSettings, load
from llm_backends.settings import SHORTEST_TIMEOUT
from tests.test_cli import run

DEPTH = 1000
DEEP = {
    "array": "model = " + "[" * DEPTH + "]" * DEPTH,
    "inline table": "model = " + "{a = " * DEPTH + "1" + "}" * DEPTH,
    "dotted key": "model." + ".".join(["a"] * DEPTH) + " = 1",
    "dotted key, other name": ".".join(["a"] * DEPTH) + " = 1",
}


def _one_line(text: str) -> str:
    assert "Traceback" not in text
    [line] = text.strip().splitlines()
    return line


@pytest.mark.parametrize("case", list(DEEP))
def test_config_nested_1000_deep_is_one_line_with_its_line(tmp_path: Path, case: str) -> None:
    config = tmp_path / "config.toml"
    config.write_text(f"[llm]\n{DEEP[case]}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as excinfo:
        load(config)
    [problem] = excinfo.value.problems
    assert problem.where.startswith(f"{config}:2")
    result = run("config", cwd=tmp_path)
    assert result.returncode == 2
    assert _one_line(result.stderr).startswith(f"llm-backends: {config.name}:2")


def test_a_table_header_1000_deep_under_llm_is_one_line(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[llm." + ".".join(["a"] * DEPTH) + "]\nx = 1\n", encoding="utf-8")
    result = run("config", cwd=tmp_path)
    assert result.returncode == 2
    assert _one_line(result.stderr) == f"llm-backends: {config.name}:1: unknown setting 'a' in [llm]"


def test_a_call_with_a_deep_config_raises_the_config_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "config.toml").write_text(f"[llm]\n{DEEP['array']}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError, match=r"^config\.toml:2: values nested deeper than"):
        llm_backends.completion([{"role": "user", "content": "Hi"}])


def test_a_byte_order_mark_is_skipped(tmp_path: Path) -> None:
    retries = LLMSettings().num_retries + 1
    config = tmp_path / "config.toml"
    config.write_bytes(f"\ufeff[llm]\nnum_retries = {retries}\ntimeout = 'soon'\n".encode())
    with pytest.raises(ConfigError) as excinfo:
        load(config)
    assert [p.where for p in excinfo.value.problems] == [f"{config}:3: timeout"]
    config.write_bytes(f"\ufeff[llm]\nnum_retries = {retries}\n".encode())
    assert load(config).settings.num_retries == retries
    result = run("config", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr


def test_a_300_character_config_name_is_one_line(tmp_path: Path) -> None:
    name = "x" * 300 + ".toml"
    result = run("config", "--config", name, cwd=tmp_path)
    assert result.returncode == 2
    line = _one_line(result.stderr)
    assert line.startswith(f"llm-backends: {name}: cannot read the file")


@pytest.mark.parametrize(("key", "value"), [("num_retries", "true"), ("timeout", "false"), ("retry_max_wait", "true")])
def test_a_boolean_for_a_number_is_rejected(tmp_path: Path, key: str, value: str) -> None:
    config = tmp_path / "config.toml"
    config.write_text(f"[llm]\n{key} = {value}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as excinfo:
        load(config)
    assert [str(p) for p in excinfo.value.problems] == [f"{config}:2: {key}: must be a number, not {value}"]


@pytest.mark.parametrize("name", ["LLM_TIMEOUT", "LLM_TOTAL_TIMEOUT"])
@pytest.mark.parametrize("value", ["1e-320", "0.0000001"])
def test_a_timeout_shorter_than_any_request_is_rejected(monkeypatch: pytest.MonkeyPatch, name: str, value: str) -> None:
    monkeypatch.setenv(name, value)
    result = run("config", env={name: value})
    assert result.returncode == 2
    line = _one_line(result.stderr)
    assert line.startswith(f"llm-backends: {name} (environment): ")
    assert f"greater than or equal to {SHORTEST_TIMEOUT}" in line
    with pytest.raises(ConfigError):
        load()
