"""A MkDocs hook for the site benchmark: a build without the transdocs plugin that still compiles
the theme's templates once (as the plugin does), so the plugin's own work shows apart from what
its template cache saves."""

from __future__ import annotations

from typing import Any

from transdocs.site.compiled_templates import share_compiled_templates


def on_env(env: Any, config: Any, files: Any) -> Any:
    share_compiled_templates(env)
    return env
