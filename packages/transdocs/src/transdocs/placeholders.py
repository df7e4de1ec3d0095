"""Placeholders: how pages write a value that belongs to the project.

Pages write ``{{ num_retries.default }}`` instead of the number, so every language
shows the project's own value. Grammar: ``{{ <setting>.<attribute> }}`` where attribute
is ``default``, ``with_unit``, ``env``, ``key`` or ``type``, or ``{{ <group>.<name> }}``
for a value the project's extras compute (``{{ retry.max_requests }}``). A block
(``{{ settings_table }}``) stands alone on its line. The grammar is shared by the site
build and the checker; the values are the site build's (``transdocs.site.site_values``).
"""

from __future__ import annotations

import re

PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][\w]*)(?:\.([A-Za-z_]\w*))?\s*\}\}")
# A block placeholder alone on its line (the only place a block may stand).
BLOCK_LINE = re.compile(r"^(?P<indent>[ \t]*)\{\{\s*(?P<name>[A-Za-z_]\w*)\s*\}\}[ \t]*$")
# What is left of a placeholder with a brace missing (``{{ retry.max_requests }``,
# ``{ retry.max_requests }}``) once the whole ones are taken out of a line. Both start with the
# brace (the second one not after ``{`` or ``\``), written first so re skips to the braces.
_ESCAPED = re.compile(r"\\" + PLACEHOLDER.pattern)
_BROKEN = re.compile(
    r"\{(?:\{\s*(?P<open>[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)?)(?!\w|\.\w|\s*\}\})"
    r"|(?<![{\\]\{)\s*(?P<close>[A-Za-z_]\w*\.[A-Za-z_]\w*)\s*\}\})"
)


# A placeholder only this grammar writes: a setting's attribute (``{{ num_retries.env }}``).
SETTING_PLACEHOLDER = re.compile(r"\{\{\s*[A-Za-z_]\w*\.(?:default|with_unit|env|key|type)\s*\}\}")


def uses_placeholders(text: str) -> bool:
    """Whether a page writes this project's placeholders, so that ``{{`` on it means one.

    Other projects' pages hold ``{{ error stack }}`` (templates), ``style={{ color: ... }}``
    (JSX) or ``{{ member }}`` (Handlebars): none of them is a placeholder missing a brace.
    """
    return "{{" in text and SETTING_PLACEHOLDER.search(text) is not None


def placeholder_name(match: re.Match[str]) -> str:
    """``{{ num_retries.default }}`` -> ``num_retries.default``; ``{{ config_toml }}`` -> ``config_toml``."""
    head, attribute = match.group(1), match.group(2)
    return f"{head}.{attribute}" if attribute else head


def unbalanced(line: str) -> list[str]:
    """Names of placeholders on ``line`` that miss a brace: ``{{ retry.max_requests }`` -> ``retry.max_requests``."""
    if "{" not in line:
        return []
    rest = PLACEHOLDER.sub(" ", _ESCAPED.sub(" ", line))
    return [match.group("open") or match.group("close") for match in _BROKEN.finditer(rest)]
