"""The retry policy: what is retried, how long to wait, and the loop that owns every attempt.

litellm and the OpenAI SDK retry on their own, without backoff; the client switches
theirs off so that this loop is the only one and a call sends at most
``1 + num_retries`` requests. Nothing here imports litellm: exceptions are classified
by their status code and class names.
"""

from __future__ import annotations

import asyncio
import contextlib
import email.utils
import logging
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar

from tenacity import (
    AsyncRetrying,
    RetryCallState,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
    wait_random_exponential,
)

from .settings import LLMSettings

logger = logging.getLogger("llm_backends")
T = TypeVar("T")

RETRIED_STATUS = frozenset({408, 429, 500, 502, 503, 504})
# 5xx that will not get better by asking again.
PERMANENT_5XX = frozenset({501, 505})
# Errors that are permanent whatever status code the provider reports for them.
NEVER_RETRIED = frozenset({"ContextWindowExceededError", "ContentPolicyViolationError"})
# Network-level failures: litellm's, the OpenAI SDK's, httpx's and the standard library's.
NETWORK_ERRORS = frozenset(
    {"APIConnectionError", "APITimeoutError", "Timeout", "TimeoutError", "ConnectionError",
     "TimeoutException", "NetworkError", "RemoteProtocolError"}
)


@dataclass(frozen=True)
class RetryEvent:
    """One decision to retry: the attempt that failed, why, and the wait chosen."""

    model: str
    attempt: int
    max_attempts: int
    cause: str
    wait: float
    retry_after: float | None


@dataclass(frozen=True)
class ScheduleRow:
    """Bounds of the wait before one retry (seconds), and of the total waited up to it."""

    retry: int
    shortest: float
    longest: float
    longest_total: float


# --- testing switch ----------------------------------------------------------------

_testing = False
_collectors: list[list[RetryEvent]] = []


def set_testing(testing: bool) -> None:
    """Skip the sleeps between retries (waits are still chosen, logged and recorded)."""
    global _testing
    _testing = testing


def is_testing() -> bool:
    return _testing


@contextmanager
def capture_retries() -> Iterator[list[RetryEvent]]:
    """Collect every retry decision made inside the block, in order."""
    events: list[RetryEvent] = []
    _collectors.append(events)
    try:
        yield events
    finally:
        _collectors.remove(events)


# --- classification ----------------------------------------------------------------


def _class_names(exc: BaseException) -> set[str]:
    return {cls.__name__ for cls in type(exc).__mro__}


def status_code(exc: BaseException) -> int | None:
    """The HTTP status an exception reports, if any."""
    code = getattr(exc, "status_code", None)
    if code is None:
        code = getattr(getattr(exc, "response", None), "status_code", None)
    return code if isinstance(code, int) else None


def _is_quota_exhausted(exc: BaseException) -> bool:
    """A 429 that means 'out of credit', which waiting will not fix."""
    return "insufficient_quota" in str(exc) or getattr(exc, "code", None) == "insufficient_quota"


def is_retryable(exc: BaseException) -> bool:
    """Rate limits, timeouts, connection errors and transient 5xx: yes. Client errors: no."""
    names = _class_names(exc)
    if names & NEVER_RETRIED:
        return False
    code = status_code(exc)
    if code == 429:
        return not _is_quota_exhausted(exc)
    if names & NETWORK_ERRORS:
        return True
    if code is None:
        return False
    return code in RETRIED_STATUS or (500 <= code < 600 and code not in PERMANENT_5XX)


def _headers(exc: BaseException) -> Any:
    """Response headers: litellm keeps them on ``litellm_response_headers``."""
    headers = getattr(exc, "litellm_response_headers", None)
    if headers is None:
        headers = getattr(getattr(exc, "response", None), "headers", None)
    return headers


def retry_after(exc: BaseException, now: float | None = None) -> float | None:
    """Seconds the server asked us to wait (retry-after-ms, or Retry-After as seconds or HTTP date)."""
    headers = _headers(exc)
    if not headers:
        return None
    try:
        millis = headers.get("retry-after-ms")
        if millis is not None:
            return max(0.0, float(millis) / 1000)
        value = headers.get("retry-after")
    except (AttributeError, TypeError, ValueError):
        return None
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    current = datetime.fromtimestamp(time.time() if now is None else now, tz=UTC)
    return max(0.0, (when - current).total_seconds())


def describe(exc: BaseException) -> str:
    """'429 RateLimitError' or 'APIConnectionError': for the retry log line."""
    code = status_code(exc)
    return f"{code} {type(exc).__name__}" if code else type(exc).__name__


# --- schedule ------------------------------------------------------------------------


def _jitter(settings: LLMSettings) -> wait_random_exponential:
    return wait_random_exponential(
        multiplier=settings.retry_multiplier,
        min=settings.retry_min_wait,
        max=settings.retry_max_wait,
    )


def wait_bounds(settings: LLMSettings, retry: int) -> tuple[float, float]:
    """Shortest and longest jittered wait before retry number ``retry`` (1-based)."""
    longest = min(settings.retry_max_wait, settings.retry_multiplier * 2 ** (retry - 1))
    return settings.retry_min_wait, max(settings.retry_min_wait, longest)


def retry_schedule(settings: LLMSettings | None = None) -> list[ScheduleRow]:
    """One row per retry: the docs' schedule table and chart, and ``llm-backends schedule``."""
    settings = settings or LLMSettings()
    rows, total = [], 0.0
    for retry in range(1, settings.num_retries + 1):
        shortest, longest = wait_bounds(settings, retry)
        total += longest
        rows.append(ScheduleRow(retry, shortest, longest, total))
    return rows


# --- the loop ----------------------------------------------------------------------


class _Policy:
    """tenacity callbacks for one call: which errors to retry, how long to wait, what to log."""

    def __init__(self, settings: LLMSettings, model: str) -> None:
        self.settings = settings
        self.model = model
        self.max_attempts = settings.num_retries + 1
        self._jitter = _jitter(settings)

    def should_retry(self, exc: BaseException) -> bool:
        if not is_retryable(exc):
            return False
        asked = retry_after(exc)
        # Sleeping less than asked is pointless; sleeping past our own limit is useless.
        return asked is None or asked <= self.settings.retry_max_wait

    def wait(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        asked = retry_after(exc) if exc else None
        return max(self._jitter(state), asked or 0.0)

    def before_sleep(self, state: RetryCallState) -> None:
        exc = state.outcome.exception() if state.outcome else None
        wait = state.next_action.sleep if state.next_action else 0.0
        event = RetryEvent(
            model=self.model,
            attempt=state.attempt_number,
            max_attempts=self.max_attempts,
            cause=describe(exc) if exc else "unknown",
            wait=wait,
            retry_after=retry_after(exc) if exc else None,
        )
        for events in _collectors:
            events.append(event)
        asked = f" (Retry-After: {event.retry_after:g} s)" if event.retry_after is not None else ""
        logger.warning(
            "%s: attempt %d of %d failed with %s; retrying in %.2f s%s",
            self.model, event.attempt, event.max_attempts, event.cause, wait, asked,
        )

    def tenacity_options(self) -> dict[str, Any]:
        return {
            "stop": stop_after_attempt(self.max_attempts),
            "retry": retry_if_exception(self.should_retry),
            "wait": self.wait,
            "before_sleep": self.before_sleep,
            "reraise": True,
        }


def _sleep(seconds: float) -> None:
    if not _testing:
        time.sleep(seconds)


async def _asleep(seconds: float) -> None:
    await asyncio.sleep(0 if _testing else seconds)


def _attach_attempts(exc: BaseException, attempts: int) -> None:
    """The error raised is the provider's own; ``exc.attempts`` says how many requests were sent."""
    with contextlib.suppress(AttributeError):  # exceptions with __slots__
        exc.attempts = attempts  # type: ignore[attr-defined]


def call_with_retries(fn: Callable[[], T], settings: LLMSettings, model: str) -> T:
    """Run ``fn`` under the policy; re-raise its last error with ``.attempts`` set."""
    policy = _Policy(settings, model)
    retrying = Retrying(sleep=_sleep, **policy.tenacity_options())
    attempts = 0
    try:
        for attempt in retrying:
            with attempt:
                attempts += 1
                return fn()
    except Exception as exc:
        _attach_attempts(exc, attempts)
        raise
    raise AssertionError("unreachable")  # pragma: no cover


async def acall_with_retries(fn: Callable[[], Awaitable[T]], settings: LLMSettings, model: str) -> T:
    """The async twin of :func:`call_with_retries`."""
    policy = _Policy(settings, model)
    retrying = AsyncRetrying(sleep=_asleep, **policy.tenacity_options())
    attempts = 0
    try:
        async for attempt in retrying:
            with attempt:
                attempts += 1
                return await fn()
    except Exception as exc:
        _attach_attempts(exc, attempts)
        raise
    raise AssertionError("unreachable")  # pragma: no cover
