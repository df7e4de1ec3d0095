"""The settings model: the one place where every LLM setting and its default is written.

Everything else (the loader, the CLI, the docs, the drift check) reads names,
types, defaults and descriptions from :class:`LLMSettings`, so they cannot disagree.
"""

from __future__ import annotations

import typing
import urllib.parse
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator, model_validator

ENV_PREFIX = "LLM_"
MASK = "**********"  # how a secret is shown everywhere: CLI, docs, errors
TOML_TABLE = "llm"
LONGEST_TIMEOUT = 86_400.0  # one day: a longer limit on an LLM call is a typo, not a choice
SHORTEST_TIMEOUT = 0.001  # a millisecond: no request fits in less; 1e-320 is a typo, not a choice
MOST_RETRIES = 100


def _setting(default: Any, description: str, *, unit: str | None = None, **constraints: Any) -> Any:
    """A field with the metadata the reference table needs (description and unit)."""
    extra: Any = {"unit": unit} if unit else None
    return Field(default, description=description, json_schema_extra=extra, **constraints)


class LLMSettings(BaseModel):
    """Connection and retry settings for every LLM call made through this package.

    Build it with :func:`llm_backends.load_settings` to read the environment and
    ``config.toml``; constructing it directly uses only the values you pass.
    """

    model_config = ConfigDict(
        extra="forbid", frozen=True, validate_default=True, allow_inf_nan=False, hide_input_in_errors=True
    )

    model: str = _setting(
        "openai/gpt-4o",
        "Model to call, as a litellm model string with a provider prefix (for example openai/gpt-4o).",
    )
    api_key: SecretStr | None = _setting(None, "API key sent to the provider. Never printed or logged.")
    base_url: str | None = _setting(None, "Base URL of the API, for proxies, Azure endpoints and local servers.")
    api_version: str | None = _setting(None, "API version, required by Azure OpenAI.")
    embedding_model: str = _setting(
        "openai/text-embedding-3-small",
        "Model used by embedding(), as a litellm model string with a provider prefix.",
    )
    embedding_deployment_name: str | None = _setting(
        None, "Azure deployment that serves the embedding model; when set, embeddings use azure/<name>."
    )
    drop_params: bool = _setting(True, "Drop parameters the provider does not support instead of failing the call.")
    disable_vision: bool = _setting(False, "Remove image parts from messages, for models that cannot read images.")
    caching_prompt: bool = _setting(
        True, "Mark the prompt for provider-side prompt caching where the model supports it."
    )
    timeout: float = _setting(
        120.0, "Time limit for one request, in seconds.", unit="seconds", ge=SHORTEST_TIMEOUT, le=LONGEST_TIMEOUT
    )
    total_timeout: float = _setting(
        300.0,
        "Time limit for a whole call, all attempts and waits included, in seconds. The default of five "
        "minutes fits every backoff wait and a slow request or two, then ends a call that would "
        "otherwise keep retrying for over a quarter of an hour.",
        unit="seconds",
        ge=SHORTEST_TIMEOUT,
        le=LONGEST_TIMEOUT,
    )
    num_retries: int = _setting(
        5,
        "Retries after the first attempt: a call sends at most 1 + num_retries requests.",
        ge=0,
        le=MOST_RETRIES,
    )
    retry_min_wait: float = _setting(
        1.0, "Shortest wait before a retry, in seconds.", unit="seconds", ge=0, le=LONGEST_TIMEOUT
    )
    retry_max_wait: float = _setting(
        60.0,
        "Longest wait before a retry, in seconds; a longer Retry-After gives up at once.",
        unit="seconds",
        gt=0,
        le=LONGEST_TIMEOUT,
    )
    retry_multiplier: float = _setting(
        2.0,
        "Scale of the exponential backoff: retry n waits up to multiplier * 2^(n-1) seconds.",
        unit="seconds",
        gt=0,
    )

    @field_validator(
        "timeout", "total_timeout", "num_retries", "retry_min_wait", "retry_max_wait", "retry_multiplier", mode="before"
    )
    @classmethod
    def _number_not_boolean(cls, value: Any) -> Any:
        """``num_retries = true`` in TOML would pass as 1 (pydantic reads a boolean as a number)."""
        if isinstance(value, bool):
            raise ValueError(f"must be a number, not {str(value).lower()}")
        return value

    @field_validator("base_url")
    @classmethod
    def _url_has_scheme(cls, value: str | None) -> str | None:
        """Without http:// or https:// every request fails as a 'connection error': say so now."""
        if value is None:
            return value
        parts = urllib.parse.urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError("must start with http:// or https:// and name a host, such as https://api.example.com/v1")
        return value

    def __repr_args__(self) -> Any:
        """The repr shows ``base_url`` with its user and password masked, like the key."""
        for name, value in super().__repr_args__():
            yield name, (url_for_display(value) if name == "base_url" and isinstance(value, str) else value)

    @model_validator(mode="after")
    def _waits_are_ordered(self) -> LLMSettings:
        if self.retry_min_wait > self.retry_max_wait:
            raise ValueError(
                f"retry_min_wait ({_plain(self.retry_min_wait)}) is greater than "
                f"retry_max_wait ({_plain(self.retry_max_wait)})"
            )
        return self


@dataclass(frozen=True)
class SettingInfo:
    """What the docs and the CLI need to know about one setting."""

    name: str
    env: str
    key: str
    type: str
    default: Any
    description: str
    unit: str | None
    secret: bool


def _type_name(annotation: Any) -> str:
    """The type a reader writes: ``str | None`` -> ``str``, ``SecretStr`` -> ``str``."""
    kinds = [kind for kind in typing.get_args(annotation) if kind is not type(None)] or [annotation]
    return "str" if kinds[0] is SecretStr else kinds[0].__name__


def setting_infos() -> list[SettingInfo]:
    """Every setting, in declaration order, with its env var, TOML key and default."""
    infos = []
    for name, field in LLMSettings.model_fields.items():
        extra = field.json_schema_extra if isinstance(field.json_schema_extra, dict) else {}
        infos.append(
            SettingInfo(
                name=name,
                env=ENV_PREFIX + name.upper(),
                key=name,
                type=_type_name(field.annotation),
                default=field.default,
                description=field.description or "",
                unit=extra.get("unit"),  # type: ignore[arg-type]
                secret="SecretStr" in str(field.annotation),
            )
        )
    return infos


def defaults() -> dict[str, Any]:
    """Default value of every setting, keyed by field name."""
    return {info.name: info.default for info in setting_infos()}


def _plain(value: Any) -> str:
    """A number as people write it: 60.0 -> '60', 0.5 -> '0.5'."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def url_userinfo_secret(url: str) -> str | None:
    """The secret in a URL's userinfo: the password of ``user:password@``, or a lone ``token@``."""
    try:
        parts = urllib.parse.urlsplit(url)
        return parts.password or parts.username or None
    except ValueError:
        return None


def url_for_display(url: str) -> str:
    """``http://user:KEY@host/v1`` -> ``http://user:**********@host/v1``; ``http://TOKEN@host`` masked whole."""
    try:
        parts = urllib.parse.urlsplit(url)
        if "@" not in parts.netloc:
            return url
        userinfo, host = parts.netloc.rsplit("@", 1)
    except ValueError:
        return url
    user, has_password, _ = userinfo.partition(":")
    shown = f"{user}:{MASK}" if has_password else MASK
    return urllib.parse.urlunsplit(parts._replace(netloc=f"{shown}@{host}"))


def shown_value(name: str, value: Any) -> Any:
    """A setting's value as output may show it: the key masked, a URL's userinfo masked."""
    if isinstance(value, SecretStr):
        return MASK
    if name == "base_url" and isinstance(value, str):
        return url_for_display(value)
    return value


def format_value(value: Any) -> str:
    """A value as the docs and the CLI show it; None is shown as 'not set'."""
    if value is None:
        return "not set"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, SecretStr):
        return MASK
    return _plain(value)
