"""``completion``, ``acompletion``, ``embedding`` and ``aembedding``: litellm calls under one retry policy.

litellm and the retry loop are imported on the first call, not when this package is
imported: litellm takes seconds to load, and programs that only read settings should
not pay for it.
"""

from __future__ import annotations

import functools
import os
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

from .config import current_settings, with_overrides
from .errors import MissingCredentialsError, Problem
from .secrets import attach_attempts, redact, remember
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


def _litellm() -> Any:
    # Without this, importing litellm fetches the model price list from the network.
    os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
    import litellm

    litellm.suppress_debug_info = True  # its "Give Feedback" banner on every error
    return litellm


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


def _prepare(settings: LLMSettings, model: str, kwargs: dict[str, Any]) -> Any:
    remember(settings)
    _require_key(settings, model, kwargs)
    return _litellm()


def _started(stream: Any) -> Iterator[Any]:
    """Read the first chunk inside the attempt: an error before it is retried like any call."""
    chunks = iter(stream)
    for first in chunks:
        return _prepend(first, chunks)
    return iter(())


def _prepend(first: Any, rest: Iterator[Any]) -> Iterator[Any]:
    yield first
    yield from rest


def _rest_of_stream(chunks: Iterator[Any], settings: LLMSettings, attempts: Callable[[], int]) -> Iterator[Any]:
    """After the first chunk an error is raised, never retried: it would repeat output already read."""
    try:
        yield from chunks
    except Exception as exc:
        attach_attempts(exc, attempts())
        redact(exc, settings)
        raise


async def _astarted(stream: Any) -> AsyncIterator[Any]:
    chunks = stream.__aiter__()
    try:
        first = await chunks.__anext__()
    except StopAsyncIteration:
        first = None
    return _aprepend(first, chunks)


async def _aprepend(first: Any, rest: AsyncIterator[Any]) -> AsyncIterator[Any]:
    if first is None:
        return
    yield first
    async for chunk in rest:
        yield chunk


async def _arest_of_stream(
    chunks: AsyncIterator[Any], settings: LLMSettings, attempts: Callable[[], int]
) -> AsyncIterator[Any]:
    try:
        async for chunk in chunks:
            yield chunk
    except Exception as exc:
        attach_attempts(exc, attempts())
        redact(exc, settings)
        raise


def completion(messages: list[dict[str, Any]], *, settings: LLMSettings | None = None, **kwargs: Any) -> Any:
    """``litellm.completion`` with our retries.

    Keyword arguments named like a setting (``num_retries``, ``model``, ``timeout``...)
    override it for this call; the rest go to litellm unchanged. With ``stream=True``
    the result is an iterator of chunks: attempts are retried until the first chunk
    arrives, and an error after it is raised with ``attempts`` set.
    """
    settings, kwargs = _resolve(settings, kwargs)
    arguments = _completion_arguments(messages, settings, kwargs)
    litellm = _prepare(settings, settings.model, kwargs)
    from .retrying import call_with_retries

    if not arguments.get("stream"):
        return call_with_retries(lambda t: litellm.completion(**arguments, timeout=t), settings, settings.model)
    attempts = 0

    def attempt(timeout: float) -> Iterator[Any]:
        nonlocal attempts
        attempts += 1
        return _started(litellm.completion(**arguments, timeout=timeout))

    chunks = call_with_retries(attempt, settings, settings.model)
    return _rest_of_stream(chunks, settings, lambda: attempts)


async def acompletion(messages: list[dict[str, Any]], *, settings: LLMSettings | None = None, **kwargs: Any) -> Any:
    """``litellm.acompletion`` with our retries; arguments and streaming as for :func:`completion`."""
    settings, kwargs = _resolve(settings, kwargs)
    arguments = _completion_arguments(messages, settings, kwargs)
    litellm = _prepare(settings, settings.model, kwargs)
    from .retrying import acall_with_retries

    if not arguments.get("stream"):

        async def call(timeout: float) -> Any:
            return await litellm.acompletion(**arguments, timeout=timeout)

        return await acall_with_retries(call, settings, settings.model)
    attempts = 0

    async def attempt(timeout: float) -> AsyncIterator[Any]:
        nonlocal attempts
        attempts += 1
        return await _astarted(await litellm.acompletion(**arguments, timeout=timeout))

    chunks = await acall_with_retries(attempt, settings, settings.model)
    return _arest_of_stream(chunks, settings, lambda: attempts)


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
    settings, kwargs = _resolve(settings, kwargs)
    model, arguments = _embedding_arguments(input, settings, kwargs)
    litellm = _prepare(settings, model, kwargs)
    from .retrying import call_with_retries

    return call_with_retries(lambda t: litellm.embedding(**arguments, timeout=t), settings, model)


async def aembedding(input: list[str] | str, *, settings: LLMSettings | None = None, **kwargs: Any) -> Any:
    """``litellm.aembedding`` with our retries; arguments as for :func:`embedding`."""
    settings, kwargs = _resolve(settings, kwargs)
    model, arguments = _embedding_arguments(input, settings, kwargs)
    litellm = _prepare(settings, model, kwargs)
    from .retrying import acall_with_retries

    async def call(timeout: float) -> Any:
        return await litellm.aembedding(**arguments, timeout=timeout)

    return await acall_with_retries(call, settings, model)
