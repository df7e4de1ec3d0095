"""The keys and values of a config code block that states defaults (under an empty ``Default:``).

``- **Default:**`` followed by a fenced block (``const defaultConfig = { port: '', ... }``,
YAML, TOML) states a default per key. Keys are read line by line with their parents
(``server.port``), so the English block and its translation compare key by key; comments
are dropped (a translated comment is no value), and a key whose value opens a nested
object or list is a parent, not a value.
"""

from __future__ import annotations

import re

_ENTRY = re.compile(
    r"""^(?P<indent>\s*)["']?(?P<key>[A-Za-z_$][\w$.-]*)["']?\s*(?:\??:|=)\s*(?P<value>.*?)\s*[,;]?\s*$"""
)
_COMMENT = re.compile(r"\s+(?://|#).*$")
_OPENS = ("{", "[", "(", "")


def _without_comment(value: str) -> str:
    found = _COMMENT.search(value)
    if found is None:
        return value
    kept = value[: found.start()]
    return kept if kept.count("'") % 2 == 0 and kept.count('"') % 2 == 0 else value


def block_values(lines: list[tuple[int, str]]) -> dict[str, tuple[int, str]]:
    """Key path -> (line, value as written), for keys that hold one value (unique paths only)."""
    found: dict[str, tuple[int, str]] = {}
    doubled: set[str] = set()
    parents: list[tuple[int, str]] = []
    for number, text in lines:
        entry = _ENTRY.match(text)
        if entry is None:
            continue
        indent = len(entry.group("indent").expandtabs(4))
        while parents and parents[-1][0] >= indent:
            parents.pop()
        key, value = entry.group("key"), _without_comment(entry.group("value")).rstrip(",; ")
        path = ".".join([*(name for _, name in parents), key])
        if value in _OPENS or value.endswith(("{", "[", "(")):
            parents.append((indent, key))
            continue
        if path in found:
            doubled.add(path)
        found[path] = (number, value)
    return {path: item for path, item in found.items() if path not in doubled}
