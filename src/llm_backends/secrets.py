"""Keep API keys out of everything printed: exceptions, their whole chain, and log records.

Some providers echo the key they rejected in the error message; litellm copies that
message into the exception it raises, its cause and its context, and logs it. Every
key a call used is remembered here (in memory only) so that each of those places can
be masked, whoever prints them.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Iterator
from typing import Any

from .settings import MASK, LLMSettings

# Loggers whose records can carry a key: ours, litellm's, the OpenAI SDK's, the HTTP stack's.
LOGGERS = ("llm_backends", "LiteLLM", "LiteLLM Router", "LiteLLM Proxy", "openai", "httpx", "httpcore")
# A key shorter than this would mask ordinary words; no provider issues one.
SHORTEST_SECRET = 8

_secrets: set[str] = set()
_lock = threading.Lock()
_filter_installed = False


def mask(text: str) -> str:
    """``text`` with every remembered key replaced by the mask."""
    for secret in _secrets:
        if secret in text:
            text = text.replace(secret, MASK)
    return text


def _masked(value: Any, depth: int = 0) -> Any:
    """Strings, and strings inside dicts, lists and tuples, masked; anything else as it is."""
    if depth > 8:
        return value
    if isinstance(value, str):
        return mask(value)
    if isinstance(value, dict):
        return {k: _masked(v, depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_masked(v, depth + 1) for v in value)
    return value


class SecretFilter(logging.Filter):
    """Masks keys in a record's message and in the traceback it carries, at any level."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not _secrets:
            return True
        message = record.getMessage()
        record.msg, record.args = mask(message), None
        if record.exc_info and record.exc_info[1] is not None:
            _redact_chain(record.exc_info[1])
            record.exc_text = mask(logging.Formatter().formatException(record.exc_info))
        elif record.exc_text:
            record.exc_text = mask(record.exc_text)
        return True


def remember(settings: LLMSettings) -> None:
    """Remember the key of ``settings`` and make sure the log filter is installed."""
    global _filter_installed
    if settings.api_key is None:
        return
    secret = settings.api_key.get_secret_value()
    if len(secret) < SHORTEST_SECRET:
        return
    with _lock:
        _secrets.add(secret)
        if not _filter_installed:
            for name in LOGGERS:
                logging.getLogger(name).addFilter(SecretFilter())
            _filter_installed = True


def _redact_one(exc: BaseException) -> None:
    exc.args = _masked(exc.args)
    for name, value in list(vars(exc).items()):
        if isinstance(value, (str, dict, list, tuple)):
            with contextlib.suppress(AttributeError, TypeError):
                setattr(exc, name, _masked(value))
    notes = getattr(exc, "__notes__", None)
    if isinstance(notes, list):
        notes[:] = [mask(note) if isinstance(note, str) else note for note in notes]


def _linked(exc: BaseException) -> Iterator[BaseException]:
    """``exc`` and every exception reachable through ``__cause__`` and ``__context__``, once each."""
    seen: set[int] = set()
    pending: list[BaseException | None] = [exc]
    while pending:
        current = pending.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        pending += [current.__cause__, current.__context__]


def _redact_chain(exc: BaseException) -> None:
    for link in _linked(exc):
        _redact_one(link)


def redact(exc: BaseException, settings: LLMSettings) -> None:
    """Mask remembered keys (this call's included) in ``exc``, its causes and contexts."""
    remember(settings)
    if _secrets:
        _redact_chain(exc)


def attach_attempts(exc: BaseException, attempts: int) -> None:
    """The error raised is the provider's own; ``exc.attempts`` says how many requests were sent."""
    with contextlib.suppress(AttributeError):  # exceptions with __slots__
        exc.attempts = attempts  # type: ignore[attr-defined]
