"""No key anywhere: logs of every HTTP logger, litellm's verbose mode, URLs with a password,
credentials in headers, keys typed into the wrong setting, exception attributes and pickles."""

from __future__ import annotations

import json
import logging
import os
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

import litellm
import pytest

import llm_backends
from llm_backends import ConfigError, LLMSettings, load
from llm_backends.settings import MASK
from tests.support.openai_server import API_KEY, OpenAIServer, Reply, bad_api_key
from tests.test_faults import _everything_printed

MESSAGES = [{"role": "user", "content": "Hello"}]
HEADER_KEY = "hdr-secret-value-98765"
PASSWORD = "url-password-0123456789"
# Shapes of real keys, typed where they do not belong.
PASTED = ["sk-proj-abcdEFGH12345678", "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6", "AIzaSyA1b2C3d4E5f6G7h8"]


def _links(exc: BaseException) -> list[BaseException]:
    found: list[BaseException] = []
    link: BaseException | None = exc
    while link is not None and link not in found:
        found.append(link)
        link = link.__cause__ or link.__context__
    return found


def _http_objects_text(exc: BaseException) -> str:
    """Everything the HTTP objects on the exceptions hold: headers, bodies, the request sent."""
    parts = []
    for link in _links(exc):
        for name in ("response", "request"):
            value = getattr(link, name, None)
            if value is None:
                continue
            parts.append(str(value.headers))
            parts.append(value.text if name == "response" else value.content.decode(errors="replace"))
            if name == "response":
                parts.append(str(value.request.headers))
    return "\n".join(parts)


# --- logs -------------------------------------------------------------------------------------


def test_a_key_echoed_in_a_response_header_is_masked_in_every_http_log(
    env: OpenAIServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    env.queue(Reply(headers={"X-Echo": f"Bearer {API_KEY}"}))
    assert llm_backends.completion(MESSAGES).choices[0].message.content
    children = {record.name for record in caplog.records if "X-Echo" in record.getMessage()}
    assert "httpcore.http11" in children  # the header was logged, by a child of a logger we filter
    assert API_KEY not in caplog.text
    assert f"Bearer {MASK}" in caplog.text


def test_litellm_set_verbose_never_prints_the_key(
    env: OpenAIServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    levels = {name: logging.getLogger(name).level for name in ("LiteLLM", "LiteLLM Router", "LiteLLM Proxy")}
    monkeypatch.setattr(litellm, "set_verbose", True)
    env.queue(bad_api_key(echo_key=True))
    try:
        with pytest.raises(litellm.AuthenticationError):
            llm_backends.completion(MESSAGES)
    finally:
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)
    printed = capsys.readouterr()
    assert API_KEY not in printed.out + printed.err
    assert litellm.set_verbose is False  # turned into litellm's debug logging, where keys are masked


# --- a password in base_url --------------------------------------------------------------------


def test_a_password_in_base_url_is_masked_in_config_json_and_repr(tmp_path: Path) -> None:
    url = f"http://user:{PASSWORD}@127.0.0.1:9/v1"
    environment = {k: v for k, v in os.environ.items() if not k.startswith("LLM_")}
    environment["LLM_BASE_URL"] = url
    for extra in ([], ["--format", "json"]):
        result = subprocess.run(
            [sys.executable, "-m", "llm_backends.cli", "config", *extra],
            capture_output=True,
            text=True,
            env=environment,
            cwd=tmp_path,
            timeout=60,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert PASSWORD not in result.stdout + result.stderr
        assert f"http://user:{MASK}@127.0.0.1:9/v1" in result.stdout
    settings = LLMSettings(base_url=url)
    assert PASSWORD not in repr(settings) + str(settings)
    assert settings.base_url == url  # the call still gets the real URL


def test_a_password_in_base_url_is_masked_in_a_connection_error(no_waits: None) -> None:
    settings = LLMSettings(
        model="openai/test-model", api_key=API_KEY, base_url=f"http://user:{PASSWORD}@127.0.0.1:9/v1"
    )
    with pytest.raises(Exception) as excinfo:
        llm_backends.completion(MESSAGES, settings=settings, num_retries=0)
    assert PASSWORD not in _everything_printed(excinfo.value)


# --- credentials in headers, exception attributes, pickles -------------------------------------


def test_a_key_in_extra_headers_is_in_no_exception_attribute_or_pickle(env: OpenAIServer) -> None:
    env.queue(Reply(**{**vars(bad_api_key(echo_key=True)), "echo_header": "X-Api-Key"}))
    with pytest.raises(litellm.AuthenticationError) as excinfo:
        llm_backends.completion(MESSAGES, extra_headers={"X-Api-Key": HEADER_KEY})
    assert env.requests[0].headers["X-Api-Key"] == HEADER_KEY  # it was sent, and echoed
    assert f"Key sent: {MASK}" in _everything_printed(excinfo.value)
    assert HEADER_KEY not in _everything_printed(excinfo.value)
    assert HEADER_KEY not in _http_objects_text(excinfo.value)
    assert HEADER_KEY.encode() not in pickle.dumps(excinfo.value)


def test_an_echoed_key_is_not_in_exc_response_request_or_pickle(env: OpenAIServer) -> None:
    env.queue(bad_api_key(echo_key=True))
    with pytest.raises(litellm.AuthenticationError) as excinfo:
        llm_backends.completion(MESSAGES)
    held = _http_objects_text(excinfo.value)
    assert "Key sent: Bearer" in held  # the body is still there, masked
    assert API_KEY not in held
    assert API_KEY.encode() not in pickle.dumps(excinfo.value)


# --- a key typed into the wrong setting ---------------------------------------------------------


@pytest.mark.parametrize("value", PASTED)
def test_a_key_typed_into_the_wrong_setting_is_not_echoed(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("LLM_TIMEOUT", value)
    with pytest.raises(ConfigError) as excinfo:
        load()
    [problem] = excinfo.value.problems
    assert problem.where == "LLM_TIMEOUT (environment)"
    assert value not in str(problem)
    assert "looks like an API key" in problem.message


@pytest.mark.parametrize("body", [f'timeout = "{PASTED[1]}"', f"{PASTED[0]} = 1", f'"{PASTED[2]}" = true'])
def test_a_key_pasted_into_config_toml_is_not_echoed(tmp_path: Path, body: str) -> None:
    config = tmp_path / "config.toml"
    config.write_text(f"[llm]\nmodel = 'openai/x'\n{body}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as excinfo:
        load(config)
    [problem] = excinfo.value.problems
    assert problem.where.startswith(f"{config}:3")
    assert not any(value in str(problem) for value in PASTED)


def test_ordinary_wrong_values_are_still_quoted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LLM_TIMEOUT", "gpt-4o-mini-2024-07-18")
    with pytest.raises(ConfigError, match="got 'gpt-4o-mini-2024-07-18'"):
        load()


def _cli_json(*args: str, **env: str) -> Any:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("LLM_")}
    environment.update(env)
    done = subprocess.run(
        [sys.executable, "-m", "llm_backends.cli", *args], capture_output=True, text=True, env=environment, check=False
    )
    return done.returncode, done.stdout + done.stderr, json.loads(done.stdout) if done.returncode == 0 else None


def test_the_config_command_never_echoes_a_pasted_key() -> None:
    code, output, _ = _cli_json("config", LLM_NUM_RETRIES=PASTED[0])
    assert code == 2
    assert PASTED[0] not in output
    assert output.startswith("llm-backends: LLM_NUM_RETRIES (environment): ")


def test_the_providers_own_key_variable_is_masked_too(
    openai_server: OpenAIServer, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    monkeypatch.setenv("OPENAI_API_KEY", HEADER_KEY)
    monkeypatch.setenv("LLM_MODEL", "openai/test-model")
    monkeypatch.setenv("LLM_BASE_URL", openai_server.url)
    openai_server.queue(bad_api_key(echo_key=True))
    with pytest.raises(litellm.AuthenticationError) as excinfo:
        llm_backends.completion(MESSAGES)
    assert openai_server.requests[0].headers["Authorization"] == f"Bearer {HEADER_KEY}"
    assert HEADER_KEY not in _everything_printed(excinfo.value) + _http_objects_text(excinfo.value) + caplog.text
