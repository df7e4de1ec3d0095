"""Statements in code blocks: TOML, env and shell lines, only where the page shows defaults.

Code blocks are usually examples that set values on purpose (``export
LLM_NUM_RETRIES=2`` in a tuning section), so a line that sets a setting counts only
when the block is presented as showing defaults:

- the prose right before the block (paragraph, heading, tab title) has a default word
  and no blocker word ("The defaults:", "默认配置如下：" — but not "To change the
  defaults, set:"), or
- a comment line earlier in the block has a default word and no blocker word
  (``# defaults``, ``# 默认值``); a later comment with a blocker word ends that, or
- the line's own trailing comment has a default word (``retry_max_wait = 60  # default``).

Read: ``key = value`` in TOML (at top level or in ``[llm]``), ``NAME=value``,
``export NAME=value``, ``set NAME=value`` and ``$env:NAME = "value"``. Python and other
languages are never read: a keyword argument in a call is an example.
"""

from __future__ import annotations

import re

from llm_backends.settings import TOML_TABLE
from transdocs.pages.document import Code
from transdocs.statements import targets
from transdocs.statements.lexicon import Lexicon
from transdocs.statements.values import Value, literal_value

TOML_LANGUAGES = frozenset({"toml", "ini", "cfg", "conf"})
SHELL_LANGUAGES = frozenset(
    {
        "bash",
        "sh",
        "shell",
        "zsh",
        "console",
        "shell-session",
        "powershell",
        "ps1",
        "pwsh",
        "bat",
        "cmd",
        "env",
        "dotenv",
    }
)
PLAIN_LANGUAGES = frozenset({"", "text", "txt", "plaintext"})

_COMMENT = re.compile(r"^\s*(?:#|;|//|::|rem\s)\s*(.*)$", re.IGNORECASE)
_TABLE = re.compile(r"^\s*\[\s*([^\]]+?)\s*\]\s*$")
_PROMPT = re.compile(r"^\s*(?:\$|>|PS>|PS [^>]*>)\s+")
_TOML_LINE = re.compile(r"""^\s*["']?(?P<name>[A-Za-z_][\w-]*)["']?\s*=\s*(?P<value>.+?)\s*$""")
_ENV_LINE = re.compile(
    r"""^\s*(?:export\s+|set\s+|\$env:)?(?P<name>[A-Za-z_]\w*)\s*=\s*"""
    r"""(?P<value>"[^"]*"|'[^']*'|[^\s#]*)""",
    re.IGNORECASE,
)
_TRAILING_COMMENT = re.compile(r"""^((?:[^#"']|"[^"]*"|'[^']*')*?)\s+#\s*(.*)$""")


def says_default(text: str, lex: Lexicon) -> bool:
    """A default word and no blocker word (condition, instruction, example, other owner)."""
    return lex.says_default(text) and not lex.has_blocker(text)


def _setting_line(line: str, lang: str, table: str | None) -> tuple[str, str] | None:
    """(name, raw value) when the line sets a setting in this kind of block."""
    if lang in TOML_LANGUAGES or lang in PLAIN_LANGUAGES:
        toml = _TOML_LINE.match(line)
        if toml and table in (None, TOML_TABLE) and not toml.group("name").upper().startswith("LLM_"):
            return toml.group("name"), toml.group("value")
    if lang in SHELL_LANGUAGES or lang in PLAIN_LANGUAGES:
        env = _ENV_LINE.match(_PROMPT.sub("", line))
        if env and env.group("name").upper().startswith("LLM_"):
            return env.group("name"), env.group("value")
    return None


def code_statements(code: Code, lex: Lexicon) -> list[tuple[int, str, Value]]:
    """(line, setting field name, value) for every default the block states."""
    if code.lang not in TOML_LANGUAGES | SHELL_LANGUAGES | PLAIN_LANGUAGES:
        return []
    marked = says_default(code.intro, lex)
    table: str | None = None
    found = []
    for number, line in code.lines:
        comment = _COMMENT.match(line)
        if comment:
            if says_default(comment.group(1), lex):
                marked = True
            elif lex.has_blocker(comment.group(1)):
                marked = False
            continue
        header = _TABLE.match(line)
        if header:
            table = header.group(1)
            continue
        trailing = _TRAILING_COMMENT.match(line)
        body, note = (trailing.group(1), trailing.group(2)) if trailing else (line, "")
        setting = _setting_line(body, code.lang, table)
        if setting is None or not (marked or says_default(note, lex)):
            continue
        target = targets.lookup(setting[0])
        value = literal_value(setting[1])
        if target is not None and value is not None:
            found.append((number, target.info.name, value))
    return found
