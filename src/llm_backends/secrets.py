"""Keep API keys out of everything printed: exceptions, their whole chain, pickles and log records.

Some providers echo the key they rejected in the error message or a response header;
litellm copies that message into the exception it raises, its cause and its context,
and logs it; the HTTP client logs every response header at DEBUG. Every key a call
used (the configured key, a per-call ``api_key=``, credentials in ``extra_headers``,
the password in ``base_url``) is remembered here, in memory only, so that each of
those places can be masked, whoever prints them.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sys
import threading
from collections.abc import Callable, Iterator
from typing import Any

from .settings import MASK, LLMSettings, url_userinfo_secret

# Loggers whose records can carry a key, with every logger under them (``httpcore.http11``,
# ``openai._base_client``...): ours, litellm's, the OpenAI SDK's and the HTTP stack's.
LOGGER_ROOTS = frozenset({"llm_backends", "litellm", "LiteLLM", "openai", "httpx", "httpcore", "aiohttp"})
# litellm's own loggers are named "LiteLLM", "LiteLLM Router", "LiteLLM Proxy".
LITELLM_LOGGER_PREFIX = "LiteLLM"
# A key shorter than this would mask ordinary words; no provider issues one.
SHORTEST_SECRET = 8
# Arguments and headers whose values are credentials, by a word in their name.
CREDENTIAL_WORDS = ("key", "token", "secret", "password", "credential", "authorization", "auth", "cookie", "signature")
HEADER_ARGUMENTS = ("extra_headers", "headers")
# Environment variables litellm reads a provider's key from (OPENAI_API_KEY, AZURE_AD_TOKEN...).
PROVIDER_KEY_SUFFIXES = ("_API_KEY", "_KEY", "_TOKEN", "_SECRET")
# What a key looks like, for values that are not remembered (a key typed into the wrong
# setting): a provider's prefix, or a long run of letters mixed with digits.
_KEY_PREFIX = re.compile(
    r"(?<![A-Za-z0-9])(?:sk|pk|rk|gsk|sk-ant|sk-proj|sk-or|hf|r8|fw|glpat|ghp|gho|ghs|ghu|github_pat|xox[abpr])[-_]"
    r"[A-Za-z0-9_-]{6,}|(?<![A-Za-z0-9])(?:AKIA|ASIA|AIza)[A-Za-z0-9_-]{12,}|eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]+"
)
_RANDOM_RUN = re.compile(r"[A-Za-z0-9]{16,}")

_secrets: set[str] = set()
_lock = threading.Lock()
_installed = False
_previous_factory: Callable[..., logging.LogRecord] = logging.getLogRecordFactory()
logger = logging.getLogger("llm_backends")


def looks_like_key(text: str) -> bool:
    """Whether ``text`` holds something shaped like an API key or token (or a remembered key)."""
    if any(secret in text for secret in _secrets):
        return True
    if _KEY_PREFIX.search(text):
        return True
    return any(_letters_and_digits(run) for run in _RANDOM_RUN.findall(text))


def _letters_and_digits(run: str) -> bool:
    return any(c.isdigit() for c in run) and any(c.isalpha() for c in run)


def mask(text: str) -> str:
    """``text`` with every remembered key replaced by the mask."""
    for secret in _secrets:
        if secret in text:
            text = text.replace(secret, MASK)
    return text


def _mask_bytes(data: bytes) -> bytes:
    for secret in _secrets:
        raw = secret.encode()
        if raw in data:
            data = data.replace(raw, MASK.encode())
    return data


def _masked_http(value: Any) -> Any:
    """httpx headers, requests and responses rebuilt with keys masked (the sent Authorization
    header, an echoed key in a header or the body), for exceptions that carry them."""
    httpx = sys.modules.get("httpx")
    if httpx is None:
        return value
    if isinstance(value, httpx.Headers):
        return httpx.Headers([(name, mask(text)) for name, text in value.multi_items()])
    if isinstance(value, httpx.Request):
        try:
            content = _mask_bytes(value.content)
        except Exception:  # a streamed body that was never read
            content = b""
        return httpx.Request(value.method, mask(str(value.url)), headers=_masked_http(value.headers), content=content)
    if isinstance(value, httpx.Response):
        try:
            content = _mask_bytes(value.content)
        except Exception:  # not read: nothing of it is kept
            content = b""
        request = None
        with contextlib.suppress(RuntimeError):  # a response built without a request
            request = _masked_http(value.request)
        return httpx.Response(value.status_code, headers=_masked_http(value.headers), content=content, request=request)
    return value


def _masked(value: Any, depth: int = 0) -> Any:
    """Strings and bytes, also inside dicts, lists and tuples, and HTTP objects, masked; anything else as it is."""
    if depth > 8:
        return value
    if isinstance(value, str):
        return mask(value)
    if isinstance(value, bytes):
        return _mask_bytes(value)
    if isinstance(value, dict):
        return {k: _masked(v, depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_masked(v, depth + 1) for v in value)
    return _masked_http(value)


def _mask_record(record: logging.LogRecord) -> None:
    """Mask a record's message (formatted now only when it holds a key) and the exception it carries."""
    try:
        message = record.getMessage()
    except Exception:  # a bad format string: logging reports it when the record is emitted
        return
    masked = mask(message)
    if masked != message:
        record.msg, record.args = masked, None
    if record.exc_info and record.exc_info[1] is not None:
        _redact_chain(record.exc_info[1])
        if record.exc_text:
            record.exc_text = mask(record.exc_text)


def _watched(name: str) -> bool:
    return name.split(".", 1)[0] in LOGGER_ROOTS or name.startswith(LITELLM_LOGGER_PREFIX)


def _masking_factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
    """The record factory in place before ours, then masking for every logger under LOGGER_ROOTS.

    A filter on ``httpcore`` does not see records of ``httpcore.http11``: filters belong
    to one logger, not its children. Records are masked where they are made instead.
    """
    record = _previous_factory(*args, **kwargs)
    if _secrets and _watched(record.name):
        _mask_record(record)
    return record


class SecretFilter(logging.Filter):
    """Masks keys in records logged straight to one of LOGGER_ROOTS, should another record factory replace ours."""

    def filter(self, record: logging.LogRecord) -> bool:
        if _secrets:
            _mask_record(record)
        return True


def _install() -> None:
    global _installed, _previous_factory
    if _installed:
        return
    _previous_factory = logging.getLogRecordFactory()
    logging.setLogRecordFactory(_masking_factory)
    for name in (*LOGGER_ROOTS, "LiteLLM Router", "LiteLLM Proxy"):
        logging.getLogger(name).addFilter(SecretFilter())
    _installed = True


def _credentials(kwargs: dict[str, Any]) -> Iterator[str]:
    """Credentials among a call's arguments: ``api_key=``, ``azure_ad_token=``..., and header values."""
    for name, value in kwargs.items():
        if isinstance(value, str) and any(word in name.lower() for word in CREDENTIAL_WORDS):
            yield value
        if name in HEADER_ARGUMENTS and isinstance(value, dict):
            for header, text in value.items():
                if isinstance(text, str) and (
                    any(word in str(header).lower() for word in CREDENTIAL_WORDS) or looks_like_key(text)
                ):
                    yield text
                    scheme, _, token = text.partition(" ")  # "Bearer <token>": the token alone too
                    if token and scheme.isalpha():
                        yield token.strip()


def _verbose_to_logging() -> None:
    """``litellm.set_verbose = True`` prints to stdout, past every logging filter: it becomes litellm's
    debug logging instead (what litellm itself recommends), where keys are masked."""
    litellm: Any = sys.modules.get("litellm")
    if litellm is None or getattr(litellm, "set_verbose", False) is not True:
        return
    litellm.set_verbose = False
    for name in (LITELLM_LOGGER_PREFIX, "LiteLLM Router", "LiteLLM Proxy"):
        logging.getLogger(name).setLevel(logging.DEBUG)
    logger.warning(
        "litellm.set_verbose prints keys to stdout: turned into litellm's debug logging (LITELLM_LOG=DEBUG), "
        "where llm_backends masks them"
    )


def _provider_keys_in_environment() -> list[str]:
    """``OPENAI_API_KEY`` and the like: what litellm sends when no key is configured here."""
    try:
        return [value for name, value in os.environ.items() if name.upper().endswith(PROVIDER_KEY_SUFFIXES)]
    except RuntimeError:  # another thread changed the environment meanwhile: the next call sees it
        return []


def remember(settings: LLMSettings, kwargs: dict[str, Any] | None = None) -> None:
    """Remember the keys a call uses (settings, arguments, else the provider's own variable) and make
    sure masking is installed."""
    found = [settings.api_key.get_secret_value()] if settings.api_key is not None else []
    if not found and not (kwargs or {}).get("api_key"):
        found += _provider_keys_in_environment()
    if settings.base_url:
        found.append(url_userinfo_secret(settings.base_url) or "")
    found += _credentials(kwargs or {})
    with _lock:
        _secrets.update(secret for secret in found if len(secret) >= SHORTEST_SECRET)
        if _secrets:
            _install()
    _verbose_to_logging()


def _redact_one(exc: BaseException) -> None:
    exc.args = _masked(exc.args)
    for name, value in list(vars(exc).items()):
        masked = _masked(value)
        if masked is not value:
            with contextlib.suppress(AttributeError, TypeError):
                setattr(exc, name, masked)
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
