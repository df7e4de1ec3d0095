"""Faults as real providers answer them, over real HTTP: every promise counted at the server.

Each case checks the requests that arrived, the exception raised, its ``attempts``, and
that the OpenAI SDK never retried on its own (``x-stainless-retry-count`` stays 0).
"""

from __future__ import annotations

import asyncio
import logging
import os
import subprocess
import sys
import textwrap
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import litellm
import pytest

import llm_backends
from llm_backends import LLMSettings, MissingCredentialsError, capture_retries
from tests.support.openai_server import (
    API_KEY,
    OpenAIServer,
    Reply,
    bad_api_key,
    content_policy_violation,
    context_window_exceeded,
    model_not_found,
    quota_exhausted,
    rate_limited,
)

MESSAGES = [{"role": "user", "content": "Hello"}]
RETRIES = 2
REPO = Path(__file__).resolve().parents[1]


def _stream(**kwargs: Any) -> list[Any]:
    return list(llm_backends.completion(MESSAGES, stream=True, **kwargs))


async def _astream(**kwargs: Any) -> list[Any]:
    return [chunk async for chunk in await llm_backends.acompletion(MESSAGES, stream=True, **kwargs)]


CALLS: dict[str, Callable[..., Any]] = {
    "completion": lambda **kw: llm_backends.completion(MESSAGES, **kw),
    "acompletion": lambda **kw: asyncio.run(llm_backends.acompletion(MESSAGES, **kw)),
    "embedding": lambda **kw: llm_backends.embedding(["a", "b"], **kw),
    "aembedding": lambda **kw: asyncio.run(llm_backends.aembedding(["a", "b"], **kw)),
    "stream": _stream,
    "astream": lambda **kw: asyncio.run(_astream(**kw)),
}


def assert_sdk_never_retried(server: OpenAIServer) -> None:
    assert [r.headers.get("x-stainless-retry-count") for r in server.requests] == ["0"] * server.count


# --- exact attempts ------------------------------------------------------------------------


@pytest.mark.parametrize("call", list(CALLS))
def test_429_forever_sends_exactly_one_plus_num_retries(env: OpenAIServer, no_waits: None, call: str) -> None:
    env.queue(*[rate_limited("0")] * 20)
    with capture_retries() as events, pytest.raises(litellm.RateLimitError) as excinfo:
        CALLS[call](num_retries=RETRIES)
    assert env.count == RETRIES + 1
    assert excinfo.value.attempts == RETRIES + 1  # type: ignore[attr-defined]
    assert len(events) == RETRIES
    assert_sdk_never_retried(env)


@pytest.mark.parametrize("call", list(CALLS))
def test_default_num_retries_is_exact_too(env: OpenAIServer, no_waits: None, call: str) -> None:
    env.queue(*[Reply(503)] * 20)
    with pytest.raises(litellm.ServiceUnavailableError):
        CALLS[call]()
    assert env.count == LLMSettings().num_retries + 1
    assert_sdk_never_retried(env)


@pytest.mark.parametrize("call", list(CALLS))
def test_every_call_type_recovers_after_a_failure(env: OpenAIServer, no_waits: None, call: str) -> None:
    env.queue(Reply(502))
    result = CALLS[call]()
    assert result
    assert env.count == 2
    assert_sdk_never_retried(env)


# --- fail at once -------------------------------------------------------------------------

PERMANENT = {
    "quota exhausted": (quota_exhausted(), "RateLimitError"),
    "wrong key": (bad_api_key(), "AuthenticationError"),
    "invalid model": (model_not_found(), "NotFoundError"),
    "context window": (context_window_exceeded(), "ContextWindowExceededError"),
    # litellm up to 1.103 raises its subclass ContentPolicyViolationError; 1.110 a plain BadRequestError.
    "content policy": (content_policy_violation(), "BadRequestError"),
    "server says do not retry": (Reply(503, headers={"x-should-retry": "false"}), "ServiceUnavailableError"),
}


@pytest.mark.parametrize("case", list(PERMANENT))
def test_errors_that_retrying_cannot_fix_fail_after_one_request(env: OpenAIServer, no_waits: None, case: str) -> None:
    reply, name = PERMANENT[case]
    env.queue(*[reply] * 3)
    with capture_retries() as events, pytest.raises(Exception) as excinfo:
        llm_backends.completion(MESSAGES)
    assert env.count == 1
    assert events == []
    assert isinstance(excinfo.value, getattr(litellm, name))
    assert excinfo.value.attempts == 1  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "reply", [Reply(400, headers={"x-should-retry": "true"}), Reply(409)], ids=["server says retry", "409"]
)
def test_retried_on_the_servers_word_and_on_409(env: OpenAIServer, no_waits: None, reply: Reply) -> None:
    env.queue(reply)
    assert llm_backends.completion(MESSAGES).choices[0].message.content
    assert env.count == 2


def test_no_key_anywhere_fails_at_once_naming_llm_api_key(
    openai_server: OpenAIServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.setenv("LLM_MODEL", "openai/test-model")
    monkeypatch.setenv("LLM_BASE_URL", openai_server.url)
    started = time.monotonic()
    with pytest.raises(MissingCredentialsError) as excinfo:
        llm_backends.completion(MESSAGES)
    assert time.monotonic() - started < 1
    assert openai_server.count == 0
    message = str(excinfo.value)
    assert "\n" not in message
    assert message.startswith("LLM_API_KEY: ")
    assert "OPENAI_API_KEY" in message and "openai" in message


def test_the_providers_own_key_variable_is_enough(openai_server: OpenAIServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", API_KEY)
    monkeypatch.setenv("LLM_MODEL", "openai/test-model")
    monkeypatch.setenv("LLM_BASE_URL", openai_server.url)
    assert llm_backends.completion(MESSAGES).choices[0].message.content
    assert openai_server.requests[0].headers["Authorization"] == f"Bearer {API_KEY}"


def test_base_url_without_a_scheme_is_a_config_error(env: OpenAIServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LLM_BASE_URL", f"127.0.0.1:{env.port}/v1")
    with pytest.raises(llm_backends.ConfigError, match=r"^LLM_BASE_URL \(environment\): must start with http"):
        llm_backends.completion(MESSAGES)
    assert env.count == 0


def test_an_unsupported_protocol_is_not_retried(env: OpenAIServer, no_waits: None) -> None:
    settings = LLMSettings(model="openai/test-model", api_key=API_KEY, base_url=env.url)
    with capture_retries() as events, pytest.raises(Exception) as excinfo:
        llm_backends.completion(MESSAGES, settings=settings, api_base=env.url.replace("http", "ftp", 1))
    assert events == []
    assert excinfo.value.attempts == 1  # type: ignore[attr-defined]


# --- the total time limit ------------------------------------------------------------------


def test_total_timeout_bounds_a_call_against_retry_after_forever(
    env: OpenAIServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LLM_TOTAL_TIMEOUT", "3")
    env.queue(*[rate_limited("2")] * 20)
    started = time.monotonic()
    with pytest.raises(litellm.RateLimitError) as excinfo:
        llm_backends.completion(MESSAGES)
    elapsed = time.monotonic() - started
    assert elapsed < 3.5
    assert env.count == 2  # the second wait of 2 s would have ended past 3 s
    assert excinfo.value.attempts == 2  # type: ignore[attr-defined]


def test_total_timeout_counts_recorded_waits_in_testing_mode(env: OpenAIServer, no_waits: None) -> None:
    env.queue(*[rate_limited("2")] * 20)
    with capture_retries() as events, pytest.raises(litellm.RateLimitError):
        llm_backends.completion(MESSAGES, total_timeout=7, retry_min_wait=0, retry_multiplier=0.01)
    assert env.count == 4
    assert sum(e.wait for e in events) <= 7


def test_the_last_attempt_gets_only_the_time_left(env: OpenAIServer) -> None:
    env.queue(Reply(delay=3))
    started = time.monotonic()
    with pytest.raises(litellm.Timeout):
        llm_backends.completion(MESSAGES, total_timeout=1, timeout=30)
    assert time.monotonic() - started < 2.5
    assert env.count == 1


# --- streams ------------------------------------------------------------------------------


def test_a_stream_cut_before_its_first_chunk_is_retried(env: OpenAIServer, no_waits: None) -> None:
    env.queue(Reply(stream_end="cut_before_first_chunk"))
    chunks = _stream()
    text = "".join(c.choices[0].delta.content or "" for c in chunks)
    assert text == Reply().text
    assert env.count == 2


def test_a_stream_cut_after_its_first_chunk_raises_without_retrying(env: OpenAIServer, no_waits: None) -> None:
    env.queue(Reply(stream_end="cut_after_first_chunk"), Reply(503))
    stream = llm_backends.completion(MESSAGES, stream=True)
    first = next(stream)
    assert first.choices[0].delta.content == Reply().text.split(" ")[0]
    with pytest.raises(Exception) as excinfo:
        next(stream)
    assert env.count == 1
    assert excinfo.value.attempts == 1  # type: ignore[attr-defined]


async def test_an_async_stream_cut_after_its_first_chunk_raises(env: OpenAIServer, no_waits: None) -> None:
    env.queue(Reply(503), Reply(stream_end="cut_after_first_chunk"))
    stream = await llm_backends.acompletion(MESSAGES, stream=True)
    received = []
    with pytest.raises(Exception) as excinfo:
        async for chunk in stream:
            received.append(chunk)
    assert len(received) == 1
    assert env.count == 2
    assert excinfo.value.attempts == 2  # type: ignore[attr-defined]


# --- no secret anywhere -------------------------------------------------------------------


def _everything_printed(exc: BaseException) -> str:
    parts = ["".join(traceback.format_exception(exc))]
    link: BaseException | None = exc
    seen = set()
    while link is not None and id(link) not in seen:
        seen.add(id(link))
        parts += [str(link), repr(link), *map(repr, link.args), repr(vars(link))]
        link = link.__cause__ or link.__context__
    return "\n".join(parts)


def test_an_echoed_key_is_masked_in_the_whole_chain_and_in_logs(
    env: OpenAIServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    for name in ("LiteLLM", "openai", "httpx", "llm_backends"):
        caplog.set_level(logging.DEBUG, logger=name)
    env.queue(bad_api_key(echo_key=True))
    with pytest.raises(litellm.AuthenticationError) as excinfo:
        llm_backends.completion(MESSAGES)
    printed = _everything_printed(excinfo.value)
    assert "Key sent: Bearer **********" in printed
    assert excinfo.value.__cause__ is not None or excinfo.value.__context__ is not None
    logging.getLogger("llm_backends").exception("call failed", exc_info=excinfo.value)
    assert API_KEY not in printed
    assert API_KEY not in caplog.text
    assert API_KEY[:12] not in caplog.text


def test_an_uncaught_401_prints_a_traceback_without_the_key(env: OpenAIServer) -> None:
    env.queue(bad_api_key(echo_key=True))
    script = textwrap.dedent("""
        import llm_backends
        llm_backends.completion([{"role": "user", "content": "Hello"}])
    """)
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("LLM_", "OPENAI_"))}
    environment.update(
        LLM_MODEL="openai/test-model", LLM_BASE_URL=env.url, LLM_API_KEY=API_KEY, LITELLM_LOCAL_MODEL_COST_MAP="True"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=environment, cwd=REPO, timeout=120
    )
    assert result.returncode == 1
    assert "litellm.exceptions.AuthenticationError" in result.stderr
    assert "Key sent: Bearer **********" in result.stderr
    assert API_KEY not in result.stderr + result.stdout
    assert env.count == 1


@pytest.mark.parametrize("arguments", [{"apikey": API_KEY}, {"api_key": [API_KEY]}, {"model": [API_KEY]}])
def test_pydantic_errors_never_show_the_input(arguments: dict[str, Any]) -> None:
    with pytest.raises(Exception) as excinfo:
        LLMSettings(**arguments)
    assert API_KEY not in _everything_printed(excinfo.value)
