"""The retry policy on its own: classification, Retry-After parsing, wait bounds, the schedule."""

from __future__ import annotations

import email.utils
import subprocess
import sys
import time

import pytest

from llm_backends import LLMSettings, is_retryable, retry_schedule, wait_bounds
from llm_backends.retry import retry_after

DEFAULTS = LLMSettings()


class FakeStatusError(Exception):
    def __init__(self, status: int, message: str = "", headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status_code = status
        self.litellm_response_headers = headers


@pytest.mark.parametrize("status", [408, 429, 500, 502, 503, 504, 520, 529])
def test_transient_statuses_are_retried(status: int) -> None:
    assert is_retryable(FakeStatusError(status))


@pytest.mark.parametrize("status", [400, 401, 403, 404, 422, 501, 505])
def test_client_errors_are_not_retried(status: int) -> None:
    assert not is_retryable(FakeStatusError(status))


def test_quota_exhausted_429_is_not_retried() -> None:
    assert not is_retryable(FakeStatusError(429, "You exceeded your current quota: insufficient_quota"))


def test_network_errors_are_retried_by_class() -> None:
    assert is_retryable(TimeoutError())
    assert is_retryable(ConnectionError())
    assert not is_retryable(ValueError())


def test_context_window_and_content_policy_never_retried_whatever_the_status() -> None:
    class ContextWindowExceededError(FakeStatusError):
        pass

    class ContentPolicyViolationError(FakeStatusError):
        pass

    assert not is_retryable(ContextWindowExceededError(500))
    assert not is_retryable(ContentPolicyViolationError(503))


def test_retry_after_seconds_ms_and_http_date() -> None:
    assert retry_after(FakeStatusError(429, headers={"retry-after": "7"})) == 7
    assert retry_after(FakeStatusError(429, headers={"retry-after": "1.5"})) == 1.5
    assert retry_after(FakeStatusError(429, headers={"retry-after-ms": "250", "retry-after": "9"})) == 0.25
    now = time.time()
    date = email.utils.formatdate(now + 30, usegmt=True)
    assert retry_after(FakeStatusError(429, headers={"retry-after": date}), now=now) == pytest.approx(30, abs=1)
    past = email.utils.formatdate(now - 30, usegmt=True)
    assert retry_after(FakeStatusError(429, headers={"retry-after": past}), now=now) == 0
    assert retry_after(FakeStatusError(429, headers={"retry-after": "soon"})) is None
    assert retry_after(FakeStatusError(429)) is None


def test_wait_bounds_follow_the_formula() -> None:
    for n in range(1, 12):
        shortest, longest = wait_bounds(DEFAULTS, n)
        assert shortest == DEFAULTS.retry_min_wait
        expected = min(DEFAULTS.retry_max_wait, DEFAULTS.retry_multiplier * 2 ** (n - 1))
        assert longest == max(DEFAULTS.retry_min_wait, expected)
    # a multiplier below the minimum wait never produces an upper bound under it
    tiny = LLMSettings(retry_multiplier=DEFAULTS.retry_min_wait / 4)
    assert wait_bounds(tiny, 1) == (tiny.retry_min_wait, tiny.retry_min_wait)


def test_schedule_has_one_row_per_retry_with_running_total() -> None:
    rows = retry_schedule()
    assert [r.retry for r in rows] == list(range(1, DEFAULTS.num_retries + 1))
    total = 0.0
    for row in rows:
        total += row.longest
        assert (row.shortest, row.longest) == wait_bounds(DEFAULTS, row.retry)
        assert row.longest_total == total
    assert retry_schedule(LLMSettings(num_retries=0)) == []


def test_import_does_not_import_litellm_or_the_retry_loop() -> None:
    heavy = ["litellm", "openai", "tenacity", "pydantic_settings"]
    code = f"import sys, llm_backends; print(*[m in sys.modules for m in {heavy!r}])"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False"] * len(heavy)


def test_every_public_name_resolves() -> None:
    import llm_backends

    assert sorted(llm_backends.__all__) == sorted(llm_backends._WHERE)
    for name in llm_backends.__all__:
        assert getattr(llm_backends, name) is not None
    assert set(llm_backends.__all__) <= set(dir(llm_backends))


def test_longest_call_adds_every_timeout_and_every_retry_after_then_caps_it() -> None:
    from llm_backends.retry import longest_call

    for settings in (DEFAULTS, LLMSettings(total_timeout=DEFAULTS.total_timeout * 100), LLMSettings(num_retries=0)):
        bound = longest_call(settings)
        n = settings.num_retries
        assert bound.requests == n + 1
        assert bound.without_limit == (n + 1) * settings.timeout + n * settings.retry_max_wait
        assert bound.longest == min(bound.without_limit, settings.total_timeout)
        assert bound.backoff_waits <= bound.longest_waits


@pytest.mark.parametrize(
    "values",
    [
        {"timeout": float("inf")},
        {"timeout": float("nan")},
        {"total_timeout": float("inf")},
        {"total_timeout": 10**9},
        {"num_retries": 10**6},
        {"retry_max_wait": float("inf")},
        {"base_url": "api.openai.com/v1"},
        {"base_url": "ftp://example.com"},
    ],
)
def test_settings_refuse_endless_or_unusable_values(values: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        LLMSettings(**values)
