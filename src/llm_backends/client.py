"""``completion``, ``acompletion``, ``embedding`` and ``aembedding``: litellm calls under one retry policy.

litellm and the retry loop are imported on the first call, not when this package is
imported (:mod:`.loading`): litellm takes seconds to load, and programs that only read
settings should not pay for it.
"""

from __future__ import annotations

import functools
import time
from typing import Any

from . import streams
from .config import current_settings, with_overrides
from .errors import MissingCredentialsError, Problem
from .loading import aload
from .loading import litellm as _litellm
from .secrets import remember
from .settings import LLMSettings

_SETTING_NAMES = frozenset(LLMSettings.model_fields)


class _NoSdkRetries(int):
    """Zero retries for the OpenAI SDK that litellm cannot turn back into its default.

    litellm's OpenAI embedding path reads ``max_retries or litellm.DEFAULT_MAX_RETRIES``,
    so a plain 0 becomes 2 and every request is sent three times (litellm issue #7003);
    a client passed in is overwritten the same way. This 0 is truthy, so it survives the
    ``or``; everywhere else it is the integer 0.
    """

    def __bool__(self) -> bool:
        return True


NO_SDK_RETRIES = _NoSdkRetries(0)


def _resolve(settings: LLMSettings | None, kwargs: dict[str, Any]) -> tuple[LLMSettings, dict[str, Any]]:
    """Split keyword arguments into setting overrides and arguments for litellm."""
    if "max_retries" in kwargs:
        # It would turn the OpenAI SDK's own retries back on, under ours.
        raise TypeError("max_retries is not supported: pass num_retries (retries after the first attempt)")
    overrides = {k: kwargs.pop(k) for k in list(kwargs) if k in _SETTING_NAMES}
    base = settings if settings is not None else current_settings()
    return with_overrides(base, **overrides), kwargs


def _connection(settings: LLMSettings) -> dict[str, Any]:
    """Arguments every litellm call gets; litellm's and the SDK's own retries are off.

    The request time limit is not here: the retry loop gives each attempt its own.
    """
    arguments: dict[str, Any] = {
        "drop_params": settings.drop_params,
        "num_retries": 0,
        "max_retries": NO_SDK_RETRIES,
    }
    if settings.api_key is not None:
        arguments["api_key"] = settings.api_key.get_secret_value()
    if settings.base_url:
        arguments["api_base"] = settings.base_url
    if settings.api_version:
        arguments["api_version"] = settings.api_version
    return arguments


def _without_images(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Drop image parts, keeping text, for models that cannot read images."""
    cleaned = []
    for message in messages:
        content = message.get("content")
        if isinstance(content, list):
            message = {**message, "content": [p for p in content if p.get("type") != "image_url"]}
        cleaned.append(message)
    return cleaned


def _with_cache_mark(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Mark the last message as a prompt-cache breakpoint (Anthropic-style cache_control)."""
    if not messages:
        return messages
    last = dict(messages[-1])
    content = last.get("content")
    if isinstance(content, str):
        last["content"] = [{"type": "text", "text": content, "cache_control": {"type": "ephemeral"}}]
    return [*messages[:-1], last]


@functools.lru_cache(maxsize=256)
def _supports_prompt_caching(model: str) -> bool:
    return bool(_litellm().utils.supports_prompt_caching(model=model))


def _completion_arguments(
    messages: list[dict[str, Any]], settings: LLMSettings, kwargs: dict[str, Any]
) -> dict[str, Any]:
    if settings.disable_vision:
        messages = _without_images(messages)
    if settings.caching_prompt and _supports_prompt_caching(settings.model):
        messages = _with_cache_mark(messages)
    return {"model": settings.model, "messages": messages, **_connection(settings), **kwargs}


def _require_key(settings: LLMSettings, model: str, kwargs: dict[str, Any]) -> None:
    """Fail before any request when the provider needs a key and none is configured anywhere.

    litellm would report it as a 500 "Missing credentials", which looks retryable.
    """
    if settings.api_key is not None or "api_key" in kwargs or any("token" in name for name in kwargs):
        return
    litellm = _litellm()
    try:
        found = litellm.validate_environment(model=model, api_base=settings.base_url)
        provider = litellm.get_llm_provider(model)[1]
    except Exception:  # an unknown provider: litellm's own error says it better
        return
    missing = [name for name in found.get("missing_keys", []) if name.endswith("_API_KEY")]
    if missing:
        message = f"not set, and {model} (provider {provider}) needs an API key: set LLM_API_KEY or {missing[0]}"
        raise MissingCredentialsError([Problem("LLM_API_KEY", message)])


def _prepare(settings: LLMSettings, model: str, kwargs: dict[str, Any]) -> None:
    remember(settings, kwargs)
    _require_key(settings, model, kwargs)


def completion(messages: list[dict[str, Any]], *, settings: LLMSettings | None = None, **kwargs: Any) -> Any:
    """``litellm.completion`` with our retries.

    Keyword arguments named like a setting (``num_retries``, ``model``, ``timeout``...)
    override it for this call; the rest go to litellm unchanged. With ``stream=True``
    the result is an iterator of chunks: attempts are retried until the first chunk
    arrives, and an error after it is raised with ``attempts`` set. ``total_timeout``
    runs from here (after litellm's one-time import) to the last chunk.
    """
    litellm = _litellm()
    started = time.monotonic()
    settings, kwargs = _resolve(settings, kwargs)
    arguments = _completion_arguments(messages, settings, kwargs)
    _prepare(settings, settings.model, kwargs)
    from .retrying import Budget, call_with_retries

    budget = Budget(settings, started)
    if not arguments.get("stream"):
        return call_with_retries(lambda t: litellm.completion(**arguments, timeout=t), settings, settings.model, budget)
    attempts = 0

    def attempt(timeout: float) -> streams.Opened:
        nonlocal attempts
        attempts += 1
        return streams.started(litellm.completion(**arguments, timeout=timeout))

    opened = call_with_retries(attempt, settings, settings.model, budget)
    return streams.rest(opened, budget, settings.model, lambda: attempts)


async def acompletion(messages: list[dict[str, Any]], *, settings: LLMSettings | None = None, **kwargs: Any) -> Any:
    """``litellm.acompletion`` with our retries; arguments and streaming as for :func:`completion`."""
    litellm = await aload(stream=bool(kwargs.get("stream")))
    started = time.monotonic()
    settings, kwargs = _resolve(settings, kwargs)
    arguments = _completion_arguments(messages, settings, kwargs)
    _prepare(settings, settings.model, kwargs)
    from .retrying import Budget, acall_with_retries

    budget = Budget(settings, started)
    if not arguments.get("stream"):

        async def call(timeout: float) -> Any:
            return await litellm.acompletion(**arguments, timeout=timeout)

        return await acall_with_retries(call, settings, settings.model, budget)
    attempts = 0

    async def attempt(timeout: float) -> streams.Opened:
        nonlocal attempts
        attempts += 1
        return await streams.astarted(await litellm.acompletion(**arguments, timeout=timeout))

    opened = await acall_with_retries(attempt, settings, settings.model, budget)
    return streams.arest(opened, budget, settings.model, lambda: attempts)


def embedding_model_name(settings: LLMSettings) -> str:
    """The litellm model string for embeddings: an Azure deployment when one is set."""
    if settings.embedding_deployment_name:
        return f"azure/{settings.embedding_deployment_name}"
    return settings.embedding_model


def _embedding_arguments(
    input: list[str] | str, settings: LLMSettings, kwargs: dict[str, Any]
) -> tuple[str, dict[str, Any]]:
    model = embedding_model_name(settings)
    arguments = {"model": model, "input": input, **_connection(settings), **kwargs}
    arguments.pop("drop_params")
    return model, arguments


def embedding(input: list[str] | str, *, settings: LLMSettings | None = None, **kwargs: Any) -> Any:
    """``litellm.embedding`` with our retries, using ``embedding_model``."""
    litellm = _litellm()
    started = time.monotonic()
    settings, kwargs = _resolve(settings, kwargs)
    model, arguments = _embedding_arguments(input, settings, kwargs)
    _prepare(settings, model, kwargs)
    from .retrying import Budget, call_with_retries

    budget = Budget(settings, started)
    return call_with_retries(lambda t: litellm.embedding(**arguments, timeout=t), settings, model, budget)


async def aembedding(input: list[str] | str, *, settings: LLMSettings | None = None, **kwargs: Any) -> Any:
    """``litellm.aembedding`` with our retries; arguments as for :func:`embedding`."""
    litellm = await aload()
    started = time.monotonic()
    settings, kwargs = _resolve(settings, kwargs)
    model, arguments = _embedding_arguments(input, settings, kwargs)
    _prepare(settings, model, kwargs)
    from .retrying import Budget, acall_with_retries

    budget = Budget(settings, started)

    async def call(timeout: float) -> Any:
        return await litellm.aembedding(**arguments, timeout=timeout)

    return await acall_with_retries(call, settings, model, budget)
