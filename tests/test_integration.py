"""Real litellm, real HTTP, a local OpenAI-compatible server: exact request counts, errors and waits."""

from __future__ import annotations

import asyncio
import email.utils
import logging
import time

import litellm
import pytest

import llm_backends
from llm_backends import LLMSettings, capture_retries, wait_bounds
from tests.support.openai_server import API_KEY, OpenAIServer, Reply, bad_api_key, quota_exhausted, rate_limited

SECRET = API_KEY
MESSAGES = [{"role": "user", "content": "Hello"}]
DEFAULTS = LLMSettings()


def assert_waits_within_policy(events: list[llm_backends.RetryEvent], settings: LLMSettings) -> None:
    for event in events:
        shortest, longest = wait_bounds(settings, event.attempt)
        floor = max(shortest, event.retry_after or 0)
        assert floor <= event.wait <= max(longest, event.retry_after or 0), event


# --- the "done when" scenarios, with real sleeps ---------------------------------------------


def test_429_with_retry_after_twice_then_success_waits_and_sends_three(env: OpenAIServer) -> None:
    env.queue(rate_limited("1"), rate_limited("1"))
    started = time.monotonic()
    with capture_retries() as events:
        reply = llm_backends.completion(messages=MESSAGES)
    elapsed = time.monotonic() - started
    assert reply.choices[0].message.content == "Hello from the test server."
    assert env.count == 3
    assert elapsed >= 2
    assert [e.retry_after for e in events] == [1, 1]
    gaps = [b.at - a.at for a, b in zip(env.requests, env.requests[1:], strict=False)]
    assert all(gap >= 1 for gap in gaps), gaps


@pytest.mark.parametrize("status", [400, 401])
def test_client_errors_fail_after_exactly_one_request(env: OpenAIServer, status: int) -> None:
    env.queue(Reply(status))
    with capture_retries() as events, pytest.raises(Exception) as excinfo:
        llm_backends.completion(messages=MESSAGES)
    assert env.count == 1
    assert events == []
    assert excinfo.value.status_code == status  # type: ignore[attr-defined]
    assert excinfo.value.attempts == 1  # type: ignore[attr-defined]


# --- every failure mode, waits recorded not slept ---------------------------------------------

RETRIED = {
    "429 no Retry-After": (rate_limited(), "RateLimitError"),
    "429 Retry-After seconds": (rate_limited("2"), "RateLimitError"),
    "500": (Reply(500), "InternalServerError"),
    "502": (Reply(502), "BadGatewayError"),
    "503": (Reply(503), "ServiceUnavailableError"),
    "504": (Reply(504), "Timeout"),
    "connection closed mid-response": (Reply(drop=True), "InternalServerError"),
}


@pytest.mark.parametrize("case", list(RETRIED))
def test_transient_failures_are_retried_until_success(env: OpenAIServer, no_waits: None, case: str) -> None:
    reply, _ = RETRIED[case]
    env.queue(reply, reply)
    with capture_retries() as events:
        result = llm_backends.completion(messages=MESSAGES)
    assert result.choices[0].message.content
    assert env.count == 3
    assert [e.attempt for e in events] == [1, 2]
    assert all(e.max_attempts == DEFAULTS.num_retries + 1 for e in events)
    assert_waits_within_policy(events, DEFAULTS)


@pytest.mark.parametrize("case", list(RETRIED))
def test_transient_failures_give_up_after_one_plus_num_retries(env: OpenAIServer, no_waits: None, case: str) -> None:
    reply, exception_name = RETRIED[case]
    retries = 2
    env.queue(*[reply] * (retries + 5))
    with capture_retries() as events, pytest.raises(Exception) as excinfo:
        llm_backends.completion(messages=MESSAGES, num_retries=retries)
    assert env.count == retries + 1
    assert type(excinfo.value).__name__ == exception_name
    assert type(excinfo.value).__module__.startswith("litellm")
    assert excinfo.value.attempts == retries + 1  # type: ignore[attr-defined]
    assert len(events) == retries
    assert_waits_within_policy(events, DEFAULTS)


def test_429_with_http_date_retry_after_is_honoured(env: OpenAIServer, no_waits: None) -> None:
    asked = 5
    env.queue(rate_limited(email.utils.formatdate(time.time() + asked, usegmt=True)))
    with capture_retries() as events:
        llm_backends.completion(messages=MESSAGES)
    assert env.count == 2
    [event] = events
    assert event.retry_after == pytest.approx(asked, abs=1.5)
    assert event.wait >= event.retry_after


def test_retry_after_longer_than_max_wait_gives_up_at_once(env: OpenAIServer, no_waits: None) -> None:
    env.queue(rate_limited(str(DEFAULTS.retry_max_wait + 1)))
    with capture_retries() as events, pytest.raises(Exception) as excinfo:
        llm_backends.completion(messages=MESSAGES)
    assert env.count == 1
    assert events == []
    assert type(excinfo.value).__name__ == "RateLimitError"


def test_insufficient_quota_429_is_not_retried(env: OpenAIServer, no_waits: None) -> None:
    env.queue(quota_exhausted())
    with pytest.raises(Exception) as excinfo:
        llm_backends.completion(messages=MESSAGES)
    assert env.count == 1
    assert type(excinfo.value).__name__ == "RateLimitError"


@pytest.mark.parametrize("status", [403, 404, 422])
def test_other_client_errors_are_not_retried(env: OpenAIServer, no_waits: None, status: int) -> None:
    env.queue(Reply(status))
    with pytest.raises(Exception) as excinfo:
        llm_backends.completion(messages=MESSAGES)
    assert env.count == 1
    assert excinfo.value.status_code == status  # type: ignore[attr-defined]


def test_response_slower_than_timeout_is_retried_then_raises_timeout(env: OpenAIServer, no_waits: None) -> None:
    env.queue(Reply(delay=2), Reply(delay=2))
    with pytest.raises(Exception) as excinfo:
        llm_backends.completion(messages=MESSAGES, timeout=0.5, num_retries=1)
    assert type(excinfo.value).__name__ == "Timeout"
    assert env.count == 2


def test_slow_then_fast_succeeds(env: OpenAIServer, no_waits: None) -> None:
    env.queue(Reply(delay=2))
    result = llm_backends.completion(messages=MESSAGES, timeout=0.5)
    assert result.choices[0].message.content
    assert env.count == 2


def test_max_retries_is_refused_instead_of_stacking_sdk_retries(env: OpenAIServer) -> None:
    with pytest.raises(TypeError, match="pass num_retries"):
        llm_backends.completion(messages=MESSAGES, max_retries=3)
    assert env.count == 0


def test_zero_retries_means_one_request(env: OpenAIServer, no_waits: None) -> None:
    env.queue(Reply(503))
    with pytest.raises(litellm.ServiceUnavailableError):
        llm_backends.completion(messages=MESSAGES, num_retries=0)
    assert env.count == 1


# --- logging and secrets ---------------------------------------------------------------------


def test_each_retry_logs_one_warning_without_the_key(
    env: OpenAIServer, no_waits: None, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    env.queue(rate_limited("1"), Reply(503), Reply(401))
    with pytest.raises(Exception) as excinfo:
        llm_backends.completion(messages=MESSAGES)
    ours = [r for r in caplog.records if r.name == "llm_backends"]
    assert [r.levelno for r in ours] == [logging.WARNING, logging.WARNING]
    first, second = (r.getMessage() for r in ours)
    total = DEFAULTS.num_retries + 1
    assert first.startswith(f"openai/test-model: attempt 1 of {total} failed with 429 RateLimitError; retrying in ")
    assert first.endswith("(Retry-After: 1 s)")
    assert second.startswith(f"openai/test-model: attempt 2 of {total} failed with 503 ServiceUnavailableError")
    assert SECRET not in caplog.text
    assert SECRET not in str(excinfo.value)
    assert SECRET not in repr(excinfo.value)


def test_a_key_echoed_by_the_provider_is_masked_in_the_error(env: OpenAIServer) -> None:
    env.queue(bad_api_key(echo_key=True))
    with pytest.raises(litellm.AuthenticationError) as excinfo:
        llm_backends.completion(messages=MESSAGES)
    assert "Key sent: Bearer **********" in str(excinfo.value)
    for text in (str(excinfo.value), repr(excinfo.value), excinfo.value.message, *map(str, excinfo.value.args)):
        assert SECRET not in text


def test_the_key_reaches_the_server(env: OpenAIServer) -> None:
    llm_backends.completion(messages=MESSAGES)
    assert env.requests[0].headers.get("Authorization") == f"Bearer {SECRET}"


# --- async and embeddings ----------------------------------------------------------------------


async def test_acompletion_shares_the_policy(env: OpenAIServer, no_waits: None) -> None:
    env.queue(rate_limited("1"), Reply(502))
    with capture_retries() as events:
        result = await llm_backends.acompletion(messages=MESSAGES)
    assert result.choices[0].message.content
    assert env.count == 3
    assert len(events) == 2


async def test_acompletion_client_error_after_one_request(env: OpenAIServer, no_waits: None) -> None:
    env.queue(Reply(401))
    with pytest.raises(Exception) as excinfo:
        await llm_backends.acompletion(messages=MESSAGES)
    assert env.count == 1
    assert excinfo.value.attempts == 1  # type: ignore[attr-defined]


async def test_fifty_concurrent_calls_under_random_rate_limits(env: OpenAIServer, no_waits: None) -> None:
    env.rate_limit_probability = 0.3
    with capture_retries() as events:
        results = await asyncio.gather(
            *(llm_backends.acompletion(messages=MESSAGES, num_retries=20) for _ in range(50))
        )
    assert len(results) == 50
    assert all(r.choices[0].message.content for r in results)
    rate_limited_count = env.statuses.count(429)
    assert rate_limited_count > 0, "the server never rate-limited; the test proves nothing"
    assert env.statuses.count(200) == 50
    assert env.count == 50 + rate_limited_count
    assert len(events) == rate_limited_count


def test_embedding_uses_the_embedding_model_and_retries(
    env: OpenAIServer, no_waits: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LLM_EMBEDDING_MODEL", "openai/test-embedding")
    env.queue(Reply(503))
    result = llm_backends.embedding(input=["a", "b"])
    assert len(result.data) == 2
    assert env.count == 2
    assert env.requests[-1].path.endswith("/embeddings")
    assert env.requests[-1].body["model"] == "test-embedding"


def test_settings_object_and_per_call_overrides(openai_server: OpenAIServer, no_waits: None) -> None:
    settings = LLMSettings(model="openai/test-model", base_url=openai_server.url, api_key=SECRET)
    openai_server.queue(*[Reply(500)] * 3)
    with pytest.raises(litellm.InternalServerError):
        llm_backends.completion(MESSAGES, settings=settings, num_retries=1)
    assert openai_server.count == 2
    assert openai_server.requests[0].body["model"] == "test-model"


def test_disable_vision_drops_image_parts(env: OpenAIServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LLM_DISABLE_VISION", "true")
    content = [
        {"type": "text", "text": "What is this?"},
        {"type": "image_url", "image_url": {"url": "data:image/png;base64,AAAA"}},
    ]
    llm_backends.completion(messages=[{"role": "user", "content": content}])
    sent = env.requests[0].body["messages"][0]["content"]
    assert sent == [{"type": "text", "text": "What is this?"}]
