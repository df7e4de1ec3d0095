"""The retry policy: what is retried, how long to wait, and the testing switch.

The loop that applies it is in :mod:`.retrying` (loaded on the first call, with
tenacity). Nothing here imports litellm: exceptions are classified by their status
code and class names.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from .settings import LLMSettings

# 409 is retried as the OpenAI and Anthropic SDKs retry it: their APIs answer 409 to a
# request that collided with another one on the same resource (a lock timeout), which a
# later attempt does not meet.
RETRIED_STATUS = frozenset({408, 409, 429, 500, 502, 503, 504})
# 5xx that will not get better by asking again.
PERMANENT_5XX = frozenset({501, 505})
# Errors that are permanent whatever status code the provider reports for them.
NEVER_RETRIED = frozenset({"ContextWindowExceededError", "ContentPolicyViolationError"})
# Anywhere in the chain of causes: a URL the HTTP client cannot use (no scheme, ftp://...).
# litellm reports them as a 500 "Connection error", which asking again will not fix.
BAD_URL_ERRORS = frozenset({"UnsupportedProtocol", "InvalidURL", "LocalProtocolError"})
# How litellm reports a missing API key (a 500, although no request was sent).
MISSING_CREDENTIALS = ("Missing credentials", "api_key client option must be set")
# OpenAI's error type or code for "out of credit": a 429 that waiting will not fix.
QUOTA_CODES = frozenset({"insufficient_quota"})
# Network-level failures: litellm's, the OpenAI SDK's, httpx's and the standard library's.
NETWORK_ERRORS = frozenset(
    {
        "APIConnectionError",
        "APITimeoutError",
        "Timeout",
        "TimeoutError",
        "ConnectionError",
        "TimeoutException",
        "NetworkError",
        "RemoteProtocolError",
    }
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


@dataclass(frozen=True)
class CallBound:
    """The longest one call can take with given settings, in seconds, and what makes it up.

    Each wait is the larger of the jittered backoff and the server's ``Retry-After``;
    a ``Retry-After`` above ``retry_max_wait`` ends the call, so no wait exceeds
    ``retry_max_wait``. Every attempt may use its whole ``timeout``.
    """

    requests: int
    request_time: float  # requests x timeout
    backoff_waits: float  # the waits when no server sends Retry-After
    longest_waits: float  # num_retries x retry_max_wait: every wait a Retry-After at the limit
    without_limit: float  # request_time + longest_waits
    total_timeout: float
    longest: float  # what the call can really take: the smaller of the two


# --- testing switch ----------------------------------------------------------------

_testing = False
_collectors: list[list[RetryEvent]] = []


def set_testing(testing: bool) -> None:
    """Skip the sleeps between retries (waits are still chosen, logged and recorded)."""
    global _testing
    _testing = testing


def is_testing() -> bool:
    return _testing


def collectors() -> list[list[RetryEvent]]:
    """The lists that :func:`capture_retries` blocks currently open, innermost last."""
    return _collectors


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


def exception_chain(exc: BaseException) -> Iterator[BaseException]:
    """The exception and its causes (``__cause__``, else ``__context__``), without cycles."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def error_body(exc: BaseException) -> dict[str, Any]:
    """The provider's error object (``{"message", "type", "code"...}``), as the SDK parsed it."""
    for link in exception_chain(exc):
        body = getattr(link, "body", None)
        if isinstance(body, dict):
            inner = body.get("error")
            return inner if isinstance(inner, dict) else body
    return {}


def _is_quota_exhausted(exc: BaseException) -> bool:
    """A 429 that means 'out of credit': OpenAI says so in the body's type and code, not its message."""
    body = error_body(exc)
    return bool(QUOTA_CODES & {body.get("type"), body.get("code")}) or any(c in str(exc) for c in QUOTA_CODES)


def _server_says(exc: BaseException) -> bool | None:
    """The ``x-should-retry`` header: the server's own verdict, followed first as the OpenAI SDK does."""
    headers = _headers(exc)
    try:
        value = headers.get("x-should-retry") if headers else None
    except (AttributeError, TypeError):
        return None
    if value in ("true", "false"):
        return bool(value == "true")
    return None


def is_retryable(exc: BaseException) -> bool:
    """Rate limits, timeouts, connection errors and transient 5xx: yes. Client errors: no."""
    names = _class_names(exc)
    if names & NEVER_RETRIED:
        return False
    verdict = _server_says(exc)
    if verdict is not None:
        return verdict
    if any(BAD_URL_ERRORS & _class_names(link) for link in exception_chain(exc)):
        return False
    if any(phrase in str(exc) for phrase in MISSING_CREDENTIALS):
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


def longest_call(settings: LLMSettings | None = None) -> CallBound:
    """The honest worst case of one call: the docs' retries page and ``llm-backends schedule``."""
    settings = settings or LLMSettings()
    rows = retry_schedule(settings)
    requests = settings.num_retries + 1
    request_time = requests * settings.timeout
    longest_waits = settings.num_retries * settings.retry_max_wait
    without_limit = request_time + longest_waits
    return CallBound(
        requests=requests,
        request_time=request_time,
        backoff_waits=rows[-1].longest_total if rows else 0.0,
        longest_waits=longest_waits,
        without_limit=without_limit,
        total_timeout=settings.total_timeout,
        longest=min(without_limit, settings.total_timeout),
    )
