"""The theme's templates compiled once per process, not once per language and per rebuild.

MkDocs makes a new Jinja environment for every build; mkdocs-static-i18n builds each language
as a build of its own and ``mkdocs serve`` builds again on every save, so Material's templates
were compiled six times a site build (about a fifth of its time) and again on every save.
Jinja's bytecode cache is its documented way to keep them. An entry is found by the template's
name, file and a checksum of its source, so an edited template is compiled again; environments
that could compile the same source differently (delimiters and other options, extensions,
filters and tests and how they are called) each get a cache of their own, and an environment
with a callable ``autoescape`` or ``finalize`` gets none. The compiled code is the same either
way: the pages are the same HTML.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket

_SIMPLE = (bool, int, str, type(None))


class _InMemory(BytecodeCache):
    """Compiled templates by (name and file, source checksum), for the life of the process."""

    def __init__(self) -> None:
        self._code: dict[tuple[str, str], Any] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        bucket.code = self._code.get((bucket.key, bucket.checksum))

    def dump_bytecode(self, bucket: Bucket) -> None:
        if bucket.code is not None:
            self._code[(bucket.key, bucket.checksum)] = bucket.code


_CACHES: dict[Hashable, _InMemory] = {}


def _callables(functions: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    """Names and how Jinja passes arguments to them (decided when a template is compiled)."""
    return tuple(sorted((name, repr(getattr(f, "jinja_pass_arg", None))) for name, f in functions.items()))


def fingerprint(env: Environment) -> Hashable | None:
    """What compiling a template depends on besides its source; None when it cannot be told."""
    if callable(env.autoescape) or env.finalize is not None:
        return None
    options = tuple(sorted((k, v) for k, v in vars(env).items() if isinstance(v, _SIMPLE)))
    policies = tuple(sorted((k, v) for k, v in env.policies.items() if isinstance(v, _SIMPLE)))
    classes = tuple(f"{c.__module__}.{c.__qualname__}" for c in (type(env), env.code_generator_class))
    extensions = tuple(sorted(env.extensions))
    return options, policies, classes, extensions, _callables(env.filters), _callables(env.tests)


def share_compiled_templates(env: Environment) -> None:
    """Give ``env`` the process's compiled templates (unless it has a bytecode cache of its own)."""
    if env.bytecode_cache is not None:
        return
    key = fingerprint(env)
    if key is not None:
        env.bytecode_cache = _CACHES.setdefault(key, _InMemory())
