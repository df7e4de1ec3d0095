"""The loop that owns every attempt of a call, built on tenacity.

litellm and the OpenAI SDK retry on their own, without backoff; the client switches
theirs off so that this loop is the only one and a call sends at most
``1 + num_retries`` requests. Imported on the first call: tenacity brings asyncio,
which programs that only read settings should not pay for.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from tenacity import (
    AsyncRetrying,
    RetryCallState,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
    wait_random_exponential,
)

from . import retry
from .retry import RetryEvent, describe, is_retryable, retry_after
from .settings import MASK, LLMSettings

logger = logging.getLogger("llm_backends")
T = TypeVar("T")


def _jitter(settings: LLMSettings) -> wait_random_exponential:
    """Full jitter: uniform between min wait and min(max wait, multiplier * 2^(n-1))."""
    return wait_random_exponential(
        multiplier=settings.retry_multiplier,
        min=settings.retry_min_wait,
        max=settings.retry_max_wait,
    )


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
        for events in retry.collectors():
            events.append(event)
        asked = f" (Retry-After: {event.retry_after:g} s)" if event.retry_after is not None else ""
        logger.warning(
            "%s: attempt %d of %d failed with %s; retrying in %.2f s%s",
            self.model,
            event.attempt,
            event.max_attempts,
            event.cause,
            wait,
            asked,
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
    if not retry.is_testing():
        time.sleep(seconds)


async def _asleep(seconds: float) -> None:
    await asyncio.sleep(0 if retry.is_testing() else seconds)


def _redact(exc: BaseException, settings: LLMSettings) -> None:
    """Remove our API key from the error's text: some providers echo the key they rejected."""
    if settings.api_key is None:
        return
    secret = settings.api_key.get_secret_value()
    if not secret or secret not in str(exc):
        return
    exc.args = tuple(a.replace(secret, MASK) if isinstance(a, str) else a for a in exc.args)
    message = getattr(exc, "message", None)
    if isinstance(message, str):
        with contextlib.suppress(AttributeError):
            exc.message = message.replace(secret, MASK)  # type: ignore[attr-defined]


def _attach_attempts(exc: BaseException, attempts: int) -> None:
    """The error raised is the provider's own; ``exc.attempts`` says how many requests were sent."""
    with contextlib.suppress(AttributeError):  # exceptions with __slots__
        exc.attempts = attempts  # type: ignore[attr-defined]


def call_with_retries(fn: Callable[[], T], settings: LLMSettings, model: str) -> T:
    """Run ``fn`` under the policy; re-raise its last error with ``.attempts`` set.

    The first attempt runs before any tenacity object exists: most calls succeed at
    once, and building the retry machinery for them costs a few percent of a fast call.
    A first failure is replayed into the loop, so it is judged and logged like the rest.
    """
    try:
        return fn()
    except Exception as exc:
        first_failure = exc
    policy = _Policy(settings, model)
    attempts = 0
    try:
        for attempt in Retrying(sleep=_sleep, **policy.tenacity_options()):
            with attempt:
                attempts += 1
                if attempts == 1:
                    raise first_failure
                return fn()
    except Exception as exc:
        _attach_attempts(exc, attempts)
        _redact(exc, settings)
        raise
    raise AssertionError("unreachable")  # pragma: no cover


async def acall_with_retries(fn: Callable[[], Awaitable[T]], settings: LLMSettings, model: str) -> T:
    """The async twin of :func:`call_with_retries`."""
    try:
        return await fn()
    except Exception as exc:
        first_failure = exc
    policy = _Policy(settings, model)
    attempts = 0
    try:
        async for attempt in AsyncRetrying(sleep=_asleep, **policy.tenacity_options()):
            with attempt:
                attempts += 1
                if attempts == 1:
                    raise first_failure
                return await fn()
    except Exception as exc:
        _attach_attempts(exc, attempts)
        _redact(exc, settings)
        raise
    raise AssertionError("unreachable")  # pragma: no cover
