"""``completion``, ``acompletion`` and ``embedding``: litellm calls under one retry policy.

litellm and the retry loop are imported on the first call, not when this package is
imported: litellm takes seconds to load, and programs that only read settings should
not pay for it.
"""

from __future__ import annotations

import functools
import os
from typing import Any

from .config import current_settings, with_overrides
from .settings import LLMSettings

_SETTING_NAMES = frozenset(LLMSettings.model_fields)


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
    """Arguments every litellm call gets; litellm's and the SDK's own retries are off."""
    arguments: dict[str, Any] = {
        "timeout": settings.timeout,
        "drop_params": settings.drop_params,
        "num_retries": 0,
        "max_retries": 0,
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


def completion(messages: list[dict[str, Any]], *, settings: LLMSettings | None = None, **kwargs: Any) -> Any:
    """``litellm.completion`` with our retries.

    Keyword arguments named like a setting (``num_retries``, ``model``, ``timeout``...)
    override it for this call; the rest go to litellm unchanged.
    """
    settings, kwargs = _resolve(settings, kwargs)
    arguments = _completion_arguments(messages, settings, kwargs)
    litellm = _litellm()
    from .retrying import call_with_retries

    return call_with_retries(lambda: litellm.completion(**arguments), settings, settings.model)


async def acompletion(messages: list[dict[str, Any]], *, settings: LLMSettings | None = None, **kwargs: Any) -> Any:
    """``litellm.acompletion`` with our retries; arguments as for :func:`completion`."""
    settings, kwargs = _resolve(settings, kwargs)
    arguments = _completion_arguments(messages, settings, kwargs)
    litellm = _litellm()
    from .retrying import acall_with_retries

    return await acall_with_retries(lambda: litellm.acompletion(**arguments), settings, settings.model)


def embedding_model_name(settings: LLMSettings) -> str:
    """The litellm model string for embeddings: an Azure deployment when one is set."""
    if settings.embedding_deployment_name:
        return f"azure/{settings.embedding_deployment_name}"
    return settings.embedding_model


def embedding(input: list[str] | str, *, settings: LLMSettings | None = None, **kwargs: Any) -> Any:
    """``litellm.embedding`` with our retries, using ``embedding_model``."""
    settings, kwargs = _resolve(settings, kwargs)
    model = embedding_model_name(settings)
    arguments = {"model": model, "input": input, **_connection(settings), **kwargs}
    arguments.pop("drop_params")
    litellm = _litellm()
    from .retrying import call_with_retries

    return call_with_retries(lambda: litellm.embedding(**arguments), settings, model)
