"""Settings: precedence, provenance, every kind of bad input, and the secret key."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from llm_backends import ConfigError, LLMSettings, load, load_settings, setting_infos
from llm_backends.config import with_overrides

INFOS = {info.name: info for info in setting_infos()}
DEFAULTS = LLMSettings()
SECRET = "sk-test-very-secret-0123456789"


def write_toml(path: Path, body: str) -> Path:
    path.write_text(body, encoding="utf-8")
    return path


def problems_of(excinfo: pytest.ExceptionInfo[ConfigError]) -> list[str]:
    return [str(p) for p in excinfo.value.problems]


# --- metadata ----------------------------------------------------------------------


def test_every_setting_has_env_key_type_default_and_description() -> None:
    for info in setting_infos():
        assert info.env == "LLM_" + info.name.upper()
        assert info.key == info.name
        assert info.type in {"str", "int", "float", "bool"}
        assert info.description.endswith(".")
    required = {
        "model",
        "api_key",
        "base_url",
        "api_version",
        "embedding_model",
        "embedding_deployment_name",
        "drop_params",
        "disable_vision",
        "caching_prompt",
        "timeout",
        "num_retries",
        "retry_min_wait",
        "retry_max_wait",
        "retry_multiplier",
    }
    assert required <= INFOS.keys()


def test_defaults_load_when_nothing_is_configured() -> None:
    loaded = load()
    assert loaded.settings == DEFAULTS
    assert set(loaded.sources.values()) == {"default"}
    assert loaded.config_file is None


# --- precedence --------------------------------------------------------------------


def test_precedence_arguments_over_env_over_toml_over_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    n = DEFAULTS.num_retries
    config = write_toml(
        tmp_path / "config.toml",
        f"[llm]\nnum_retries = {n + 1}\nretry_max_wait = {DEFAULTS.retry_max_wait + 1}\n"
        f"timeout = {DEFAULTS.timeout + 1}\n",
    )
    monkeypatch.setenv("LLM_NUM_RETRIES", str(n + 2))
    monkeypatch.setenv("LLM_RETRY_MAX_WAIT", str(DEFAULTS.retry_max_wait + 2))
    loaded = load(config, num_retries=n + 3)

    assert loaded.settings.num_retries == n + 3
    assert loaded.sources["num_retries"] == "argument"
    assert loaded.settings.retry_max_wait == DEFAULTS.retry_max_wait + 2
    assert loaded.sources["retry_max_wait"] == "env"
    assert loaded.settings.timeout == DEFAULTS.timeout + 1
    assert loaded.sources["timeout"] == "toml"
    assert loaded.settings.retry_min_wait == DEFAULTS.retry_min_wait
    assert loaded.sources["retry_min_wait"] == "default"


def test_config_toml_in_working_directory_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_toml(tmp_path / "config.toml", '[llm]\nmodel = "openai/from-toml"\n\n[other]\nmodel = "ignored"\n')
    loaded = load()
    assert loaded.settings.model == "openai/from-toml"
    assert loaded.config_file == Path("config.toml")


def test_env_names_are_case_insensitive_and_empty_values_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("llm_model", "openai/lower")
    monkeypatch.setenv("LLM_BASE_URL", "")
    settings = load_settings()
    assert settings.model == "openai/lower"
    assert settings.base_url == DEFAULTS.base_url


def test_booleans_from_env_and_toml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LLM_DROP_PARAMS", "false" if DEFAULTS.drop_params else "true")
    config = write_toml(tmp_path / "c.toml", f"[llm]\ndisable_vision = {str(not DEFAULTS.disable_vision).lower()}\n")
    settings = load_settings(config)
    assert settings.drop_params is not DEFAULTS.drop_params
    assert settings.disable_vision is not DEFAULTS.disable_vision


def test_with_overrides_validates() -> None:
    assert with_overrides(DEFAULTS, num_retries=0).num_retries == 0
    with pytest.raises(ConfigError) as excinfo:
        with_overrides(DEFAULTS, num_retries=-1)
    assert problems_of(excinfo) == ["num_retries (argument): input should be greater than or equal to 0, got -1"]


# --- bad input ---------------------------------------------------------------------


def test_wrong_type_in_env_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LLM_NUM_RETRIES", "abc")
    with pytest.raises(ConfigError) as excinfo:
        load()
    [line] = problems_of(excinfo)
    assert line.startswith("LLM_NUM_RETRIES (environment): ")
    assert "'abc'" in line


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("num_retries", "-1"),
        ("timeout", "0"),
        ("retry_max_wait", "0"),
        ("retry_multiplier", "-2"),
        ("retry_min_wait", "-1"),
    ],
)
def test_out_of_range_values_are_rejected(monkeypatch: pytest.MonkeyPatch, name: str, value: str) -> None:
    monkeypatch.setenv(INFOS[name].env, value)
    with pytest.raises(ConfigError) as excinfo:
        load()
    [line] = problems_of(excinfo)
    assert line.startswith(f"{INFOS[name].env} (environment): input should be greater than")


def test_min_wait_above_max_wait_names_both(tmp_path: Path) -> None:
    config = write_toml(
        tmp_path / "config.toml",
        f"[llm]\nretry_min_wait = {DEFAULTS.retry_max_wait + 1}\nretry_max_wait = {DEFAULTS.retry_max_wait}\n",
    )
    with pytest.raises(ConfigError) as excinfo:
        load(config)
    [line] = problems_of(excinfo)
    assert f"{config}:2: retry_min_wait" in line
    assert f"{config}:3: retry_max_wait" in line
    assert "greater than" in line


def test_unknown_toml_key_suggests_the_right_one(tmp_path: Path) -> None:
    config = write_toml(tmp_path / "config.toml", '[llm]\nmodel = "x"\n\nnum_retry = 3\n')
    with pytest.raises(ConfigError) as excinfo:
        load(config)
    assert problems_of(excinfo) == [f"{config}:4: unknown setting 'num_retry' in [llm]; did you mean 'num_retries'?"]


def test_malformed_toml_names_file_and_line(tmp_path: Path) -> None:
    config = write_toml(tmp_path / "config.toml", "[llm]\nmodel = 'ok'\ntimeout = = 3\n")
    with pytest.raises(ConfigError) as excinfo:
        load(config)
    [line] = problems_of(excinfo)
    assert line.startswith(f"{config}:3: malformed TOML")


def test_missing_config_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as excinfo:
        load(tmp_path / "nope.toml")
    assert problems_of(excinfo) == [f"{tmp_path / 'nope.toml'}: config file not found"]


def test_all_problems_are_reported_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = write_toml(
        tmp_path / "config.toml",
        f'[llm]\nretry_min_wait = {DEFAULTS.retry_max_wait + 5}\ntimout = 3\ntimeout = "soon"\n',
    )
    monkeypatch.setenv("LLM_NUM_RETRIES", "many")
    monkeypatch.setenv("LLM_RETRY_MULTIPLIER", "0")
    with pytest.raises(ConfigError) as excinfo:
        load(config)
    lines = problems_of(excinfo)
    assert len(lines) == 5, lines
    joined = "\n".join(lines)
    for expected in (
        "LLM_NUM_RETRIES (environment)",
        "LLM_RETRY_MULTIPLIER (environment)",
        f"{config}:3: unknown setting 'timout'",
        f"{config}:4: timeout",
        f"{config}:2: retry_min_wait",
    ):
        assert expected in joined


def test_unknown_argument_is_an_error() -> None:
    with pytest.raises(ConfigError) as excinfo:
        load(num_retry=3)
    assert problems_of(excinfo) == ["num_retry (argument): unknown setting; did you mean 'num_retries'?"]


# --- the secret ----------------------------------------------------------------------


def test_api_key_never_appears_in_repr_str_or_dump(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LLM_API_KEY", SECRET)
    settings = load_settings()
    assert settings.api_key is not None
    assert settings.api_key.get_secret_value() == SECRET
    for text in (repr(settings), str(settings), str(settings.model_dump()), settings.model_dump_json()):
        assert SECRET not in text


def test_api_key_not_in_error_messages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LLM_API_KEY", SECRET)
    monkeypatch.setenv("LLM_TIMEOUT", "never")
    with pytest.raises(ConfigError) as excinfo:
        load()
    assert SECRET not in str(excinfo.value)
    config = write_toml(tmp_path / "config.toml", "[llm]\napi_key = 12345678901\n")
    monkeypatch.delenv("LLM_API_KEY")
    monkeypatch.delenv("LLM_TIMEOUT")
    with pytest.raises(ConfigError) as excinfo:
        load(config)
    [line] = problems_of(excinfo)
    assert line.startswith(f"{config}:2: api_key")
    assert "12345678901" not in line


def test_settings_are_immutable() -> None:
    with pytest.raises(Exception, match="frozen"):
        DEFAULTS.num_retries = 0  # type: ignore[misc]


def test_loading_logs_nothing_secret(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    monkeypatch.setenv("LLM_API_KEY", SECRET)
    load_settings()
    assert SECRET not in caplog.text
