"""One source of truth for LLM connection settings, and litellm calls with retries that are right.

Importing this package does not import litellm (seconds of start-up); the first call does.
"""

from .client import acompletion, completion, embedding
from .config import LoadedSettings, load, load_settings
from .errors import ConfigError, Problem
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

__all__ = [
    "ConfigError",
    "LLMSettings",
    "LoadedSettings",
    "Problem",
    "RetryEvent",
    "ScheduleRow",
    "SettingInfo",
    "acompletion",
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
