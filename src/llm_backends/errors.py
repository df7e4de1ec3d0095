"""Errors raised for bad configuration: every problem at once, each naming where it came from."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One bad value: where it was written (env var or file:line) and what is wrong with it."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class ConfigError(ValueError):
    """The configuration cannot be used; ``problems`` lists every reason, one line each."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class MissingCredentialsError(ConfigError):
    """No API key for a provider that needs one: raised before any request is sent."""


class ConfigWarning(UserWarning):
    """A setting written where it is not read: a misspelt ``LLM_*`` variable, ``[LLM]`` for ``[llm]``."""
