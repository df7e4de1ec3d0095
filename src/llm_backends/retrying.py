"""The loop that owns every attempt of a call, built on tenacity.

litellm and the OpenAI SDK retry on their own, without backoff; the client switches
theirs off so that this loop is the only one and a call sends at most
``1 + num_retries`` requests. It also keeps the call inside ``total_timeout``: each
attempt's time limit is cut to the time left, an attempt still running at the limit is
cut there (:mod:`.deadline`), and a wait that would end past the limit is not started.
Imported on the first call: tenacity brings asyncio, which programs that only read
settings should not pay for.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from tenacity import (
    AsyncRetrying,
    RetryCallState,
    Retrying,
    retry_if_exception,
    wait_random_exponential,
)

from . import retry
from .deadline import cut_at
from .retry import RetryEvent, describe, is_retryable, retry_after
from .secrets import attach_attempts, redact
from .settings import LLMSettings

logger = logging.getLogger("llm_backends")
T = TypeVar("T")
# An attempt given less time than this could not even connect: the call stops instead.
SHORTEST_ATTEMPT = 0.05


def _jitter(settings: LLMSettings) -> wait_random_exponential:
    """Full jitter: uniform between min wait and min(max wait, multiplier * 2^(n-1))."""
    return wait_random_exponential(
        multiplier=settings.retry_multiplier,
        min=settings.retry_min_wait,
        max=settings.retry_max_wait,
    )


class Budget:
    """The time one call may still use: ``total_timeout`` minus what has passed.

    In testing mode the waits are not slept, so they are added here instead: the call
    stops after the same attempts as it would with real sleeps.
    """

    def __init__(self, settings: LLMSettings, started: float | None = None) -> None:
        self.settings = settings
        self.started = time.monotonic() if started is None else started
        self.skipped = 0.0

    def elapsed(self) -> float:
        return time.monotonic() - self.started + self.skipped

    def remaining(self) -> float:
        return self.settings.total_timeout - self.elapsed()

    def attempt_timeout(self) -> float:
        """The request time limit for the next attempt: ``timeout``, or less near the end."""
        return max(0.0, min(self.settings.timeout, self.remaining()))

    def deadline(self) -> float:
        """When the call must end, on the ``time.monotonic()`` clock."""
        return time.monotonic() + self.remaining()

    def passed(self, model: str) -> Exception:
        """The error a call cut at ``total_timeout`` raises: litellm's Timeout, as for a request timeout."""
        from litellm.exceptions import Timeout

        message = f"total_timeout ({self.settings.total_timeout:g} s) passed before the call ended"
        return Timeout(message=message, model=model, llm_provider=_provider(model))

    def run(self, fn: Callable[[float], T], model: str) -> T:
        """``fn(request_timeout)`` in this thread, cut at the deadline however slowly the server answers."""
        timeout = self.attempt_timeout()
        with cut_at(self.deadline()) as guard:
            try:
                return fn(timeout)
            except Exception as exc:
                if guard.cut:
                    raise self.passed(model) from exc
                raise

    async def arun(self, fn: Callable[[float], Awaitable[T]], model: str) -> T:
        """The async twin of :meth:`run`: the attempt is cancelled at the deadline."""
        timeout = self.attempt_timeout()
        scope = asyncio.timeout(self.remaining())
        try:
            async with scope:
                return await fn(timeout)
        except TimeoutError as exc:
            if scope.expired():
                raise self.passed(model) from exc
            raise

    def sleep(self, seconds: float) -> None:
        if retry.is_testing():
            self.skipped += seconds
        else:
            time.sleep(seconds)

    async def asleep(self, seconds: float) -> None:
        if retry.is_testing():
            self.skipped += seconds
            await asyncio.sleep(0)
        else:
            await asyncio.sleep(seconds)


class _Policy:
    """tenacity callbacks for one call: which errors to retry, how long to wait, when to stop, what to log."""

    def __init__(self, settings: LLMSettings, model: str, budget: Budget) -> None:
        self.settings = settings
        self.model = model
        self.budget = budget
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

    def stop(self, state: RetryCallState) -> bool:
        if state.attempt_number >= self.max_attempts:
            return True
        left_after_wait = self.budget.remaining() - state.upcoming_sleep
        if left_after_wait >= SHORTEST_ATTEMPT:
            return False
        logger.warning(
            "%s: attempt %d of %d failed; not waiting %.2f s: total_timeout (%g s) would pass",
            self.model,
            state.attempt_number,
            self.max_attempts,
            state.upcoming_sleep,
            self.settings.total_timeout,
        )
        return True

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
            "stop": self.stop,
            "retry": retry_if_exception(self.should_retry),
            "wait": self.wait,
            "before_sleep": self.before_sleep,
            "reraise": True,
        }


def _provider(model: str) -> str:
    from litellm import get_llm_provider

    try:
        return str(get_llm_provider(model)[1])
    except Exception:  # an unknown provider: the model string says enough
        return ""


def call_with_retries(fn: Callable[[float], T], settings: LLMSettings, model: str, budget: Budget | None = None) -> T:
    """Run ``fn(request_timeout)`` under the policy; re-raise its last error with ``.attempts`` set.

    The first attempt runs before any tenacity object exists: most calls succeed at
    once, and building the retry machinery for them costs a few percent of a fast call.
    A first failure is replayed into the loop, so it is judged and logged like the rest.
    ``budget`` is given by a caller that goes on reading (a stream) under the same deadline.
    """
    budget = budget or Budget(settings)
    try:
        return budget.run(fn, model)
    except Exception as exc:
        first_failure = exc
    policy = _Policy(settings, model, budget)
    attempts = 0
    try:
        for attempt in Retrying(sleep=budget.sleep, **policy.tenacity_options()):
            with attempt:
                attempts += 1
                if attempts == 1:
                    raise first_failure
                return budget.run(fn, model)
    except Exception as exc:
        attach_attempts(exc, attempts)
        redact(exc, settings)
        raise
    raise AssertionError("unreachable")  # pragma: no cover


async def acall_with_retries(
    fn: Callable[[float], Awaitable[T]], settings: LLMSettings, model: str, budget: Budget | None = None
) -> T:
    """The async twin of :func:`call_with_retries`."""
    budget = budget or Budget(settings)
    try:
        return await budget.arun(fn, model)
    except Exception as exc:
        first_failure = exc
    policy = _Policy(settings, model, budget)
    attempts = 0
    try:
        async for attempt in AsyncRetrying(sleep=budget.asleep, **policy.tenacity_options()):
            with attempt:
                attempts += 1
                if attempts == 1:
                    raise first_failure
                return await budget.arun(fn, model)
    except Exception as exc:
        attach_attempts(exc, attempts)
        redact(exc, settings)
        raise
    raise AssertionError("unreachable")  # pragma: no cover
