"""One source of truth for LLM connection settings, and litellm calls with retries that are right.

Names are loaded on first use (PEP 562): ``import llm_backends`` costs about a
millisecond, the settings model loads pydantic when first touched, and litellm
(seconds) loads only on the first call.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .client import acompletion, aembedding, completion, embedding
    from .config import LoadedSettings, load, load_settings
    from .errors import ConfigError, ConfigWarning, MissingCredentialsError, Problem
    from .retry import (
        RetryEvent,
        ScheduleRow,
        capture_retries,
        is_retryable,
        retry_schedule,
        set_testing,
        wait_bounds,
    )
    from .settings import LLMSettings, SettingInfo, defaults, setting_infos

_WHERE = {
    "acompletion": "client",
    "aembedding": "client",
    "completion": "client",
    "embedding": "client",
    "LoadedSettings": "config",
    "load": "config",
    "load_settings": "config",
    "ConfigError": "errors",
    "ConfigWarning": "errors",
    "MissingCredentialsError": "errors",
    "Problem": "errors",
    "RetryEvent": "retry",
    "ScheduleRow": "retry",
    "capture_retries": "retry",
    "is_retryable": "retry",
    "retry_schedule": "retry",
    "set_testing": "retry",
    "wait_bounds": "retry",
    "LLMSettings": "settings",
    "SettingInfo": "settings",
    "defaults": "settings",
    "setting_infos": "settings",
}

__all__ = [
    "ConfigError",
    "ConfigWarning",
    "LLMSettings",
    "LoadedSettings",
    "MissingCredentialsError",
    "Problem",
    "RetryEvent",
    "ScheduleRow",
    "SettingInfo",
    "acompletion",
    "aembedding",
    "capture_retries",
    "completion",
    "defaults",
    "embedding",
    "is_retryable",
    "load",
    "load_settings",
    "retry_schedule",
    "set_testing",
    "setting_infos",
    "wait_bounds",
]


def __getattr__(name: str) -> Any:
    if name == "__version__":
        # Written once, in pyproject.toml; read from the installed package's metadata.
        from importlib.metadata import version

        return version("llm-backends")
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'llm_backends' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
