"""Statements in code blocks: TOML, YAML, env and shell lines, only where the page shows defaults.

Code blocks are usually examples that set values on purpose (``export
APP_NUM_RETRIES=2`` in a tuning section), so a line that sets a setting counts only
when the block is presented as showing defaults:

- the prose right before the block (paragraph, heading, tab title) has a default word
  and no blocker word ("The defaults:", "默认配置如下：" — but not "To change the
  defaults, set:"), or
- the line's own trailing comment has a default word (``retry_max_wait = 60  # default``), or
- a comment line earlier in the block says only "defaults" (``# defaults``, ``# 默认值``);
  a later comment with a blocker word ends that. A comment that names a section
  (``# Default LLM configuration``) is not enough: it is read only with evidence, or
- evidence from values, whatever the prose says ("you can also set these in
  ``config.toml``:"): the English original's block at the same position, setting the
  same settings, shows defaults (it is marked so, holds ``{{ x.default }}`` placeholders,
  or its two or more values are the package defaults), or the values of the settings
  this page states elsewhere are the same here (two or more, none different): then the
  lines of those settings restate the page's defaults. A tuning example changes values,
  so it never agrees with the defaults the page states.

Read: ``key = value`` in TOML (at top level or in the configured table), ``key: value`` in
YAML (at top level or under the configured table's key, ``llm:``; an env var's name as a key
anywhere, or ``- NAME=value``, as in a compose file's ``environment:``), ``NAME=value``,
``export NAME=value``, ``set NAME=value`` and ``$env:NAME = "value"``, in fenced blocks
and in config lines that lost their fence. Python and other languages are never read:
a keyword argument in a call is an example.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from transdocs import regex_cache
from transdocs.fastscan import trie
from transdocs.pages.document import Code
from transdocs.statements.lexicon import Lexicon, says_default
from transdocs.statements.targets import Targets, stated_if_different
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
YAML_LANGUAGES = frozenset({"yaml", "yml"})
READ_LANGUAGES = TOML_LANGUAGES | SHELL_LANGUAGES | PLAIN_LANGUAGES | YAML_LANGUAGES

_COMMENT = re.compile(r"^\s*(?:#|;|//|::|rem\s)\s*(.*)$", re.IGNORECASE)
_TABLE = re.compile(r"^\s*\[\s*([^\]]+?)\s*\]\s*$")
_PROMPT = re.compile(r"^\s*(?:\$|>|PS>|PS [^>]*>)\s+")
_TOML_LINE = re.compile(r"""^\s*["']?(?P<name>[A-Za-z_][\w-]*)["']?\s*=\s*(?P<value>.+?)\s*$""")
_ENV_LINE = re.compile(
    r"""^\s*(?:export\s+|set\s+|\$env:)?(?P<name>[A-Za-z_]\w*)\s*=\s*"""
    r"""(?P<value>"[^"]*"|'[^']*'|[^\s#]*)""",
    re.IGNORECASE,
)
_YAML_LINE = re.compile(r"""^(?P<indent>\s*)["']?(?P<name>[A-Za-z_][\w-]*)["']?\s*:(?:\s+(?P<value>\S.*?))?\s*$""")
_YAML_ITEM = re.compile(r"^\s*-\s+(?P<rest>.*)$")
_TRAILING_COMMENT = re.compile(r"""^((?:[^#"']|"[^"]*"|'[^']*')*?)\s+#\s*(.*)$""")


def _setting_line(line: str, lang: str, table: str | None, targets: Targets) -> tuple[str, str] | None:
    """(name, raw value) when the line sets a setting in this kind of block."""
    if lang in TOML_LANGUAGES or lang in PLAIN_LANGUAGES:
        toml = _TOML_LINE.match(line)
        if toml and table in (None, targets.toml_table) and targets.is_key(toml.group("name")):
            return toml.group("name"), toml.group("value")
    if lang in SHELL_LANGUAGES or lang in PLAIN_LANGUAGES:
        env = _ENV_LINE.match(_PROMPT.sub("", line))
        if env and targets.is_env(env.group("name")):
            return env.group("name"), env.group("value")
    return None


class _YamlKeys:
    """The mapping each YAML line is in (``llm`` for ``num_retries`` under ``llm:``), by indent."""

    def __init__(self, targets: Targets) -> None:
        self.targets = targets
        self.parents: list[tuple[int, str]] = []

    def setting(self, line: str) -> tuple[str, str] | None:
        """(name, raw value) when the line sets a setting; remembers mapping keys."""
        if not line.strip():
            return None
        indent = len(line) - len(line.lstrip())
        while self.parents and self.parents[-1][0] >= indent:
            self.parents.pop()
        item = _YAML_ITEM.match(line)
        if item:  # "- LLM_NUM_RETRIES=8" in a list of variables
            env = _ENV_LINE.match(item.group("rest"))
            return (env.group("name"), env.group("value")) if env and self.targets.is_env(env.group("name")) else None
        match = _YAML_LINE.match(line)
        if match is None:
            return None
        name, value = match.group("name"), match.group("value")
        if value is None:
            self.parents.append((indent, name))
            return None
        table = ".".join(key for _, key in self.parents) or None
        targets = self.targets
        if targets.is_env(name) or (table in (None, targets.toml_table) and targets.is_key(name)):
            return name, value
        return None


@dataclass(frozen=True)
class SettingLine:
    """A line of a block that sets a setting, and what marks it as a default."""

    line: int
    setting: str
    value: Value
    marked: bool  # by the intro, a "defaults" comment, or its trailing comment
    by_comment: bool  # a comment that says "default" but names a section


def _only_default(comment: str, lex: Lexicon) -> bool:
    """``# defaults`` / ``# 默认值``: a default word and (almost) nothing else."""
    return says_default(comment, lex) and lex.units_between(lex.default.sub(" ", comment), skip_glue=True) <= 0.5


@lru_cache(maxsize=16)  # one project's settings: the same for every language
def _lowered_names(targets: Targets) -> re.Pattern[str] | None:
    """The settings' env vars and keys lower-cased, as one pattern matched case-sensitively; None when a
    name is not ASCII.

    A line sets a setting only under a name ``Targets`` finds lower-cased, and ``str.lower`` lowers each
    character alone (but the Greek capital sigma, in no ASCII name): a block's text lower-cased holds that
    name lower-cased. Matched case-sensitively, the search is three times as fast on a line of shell as
    ``lex.names``, whose ``IGNORECASE`` compared each letter's cases wherever a name may start."""
    names = [*targets.env_names, *targets.key_names]
    if not names or not all(name.isascii() for name in names):
        return None
    return regex_cache.compile(trie(name.lower() for name in names))


def _may_set(code: Code, lex: Lexicon) -> bool:
    """Whether a line of the block may set a setting: it holds one of their names (any case)."""
    lowered = _lowered_names(lex.targets)
    if lowered is None:
        return any(lex.names.search(line) for _, line in code.lines)
    return lowered.search("\n".join([line for _, line in code.lines]).lower()) is not None


def setting_lines(code: Code, lex: Lexicon) -> list[SettingLine]:
    """Every line of the block that sets a setting, in order."""
    if code.lang not in READ_LANGUAGES or not _may_set(code, lex):
        return []  # a line sets a setting only under one of its names (any case): most blocks hold none
    yaml = _YamlKeys(lex.targets) if code.lang in YAML_LANGUAGES else None
    marked = says_default(code.intro, lex)
    by_comment = False
    table: str | None = None
    found = []
    for number, line in code.lines:
        comment = _COMMENT.match(line)
        if comment:
            if _only_default(comment.group(1), lex):
                marked = True
            elif says_default(comment.group(1), lex):
                by_comment = True
            elif lex.has_blocker(comment.group(1)):
                marked = by_comment = False
            continue
        header = _TABLE.match(line) if yaml is None else None
        if header:
            table = header.group(1)
            continue
        trailing = _TRAILING_COMMENT.match(line)
        body, note = (trailing.group(1), trailing.group(2)) if trailing else (line, "")
        setting = yaml.setting(body) if yaml is not None else _setting_line(body, code.lang, table, lex.targets)
        if setting is None:
            continue
        target = lex.targets.lookup(setting[0])
        value = literal_value(setting[1])
        if target is not None and value is not None:
            found.append(SettingLine(number, target.info.name, value, marked or says_default(note, lex), by_comment))
    return found


def shows_defaults(code: Code, lex: Lexicon) -> frozenset[str]:
    """The settings of a block (an English original's) presented as, or evidently being, the
    defaults; empty when it is not such a block."""
    lines = setting_lines(code, lex)
    settings = frozenset(line.setting for line in lines)
    if any(line.marked or line.value.kind == "placeholder" for line in lines):
        return settings
    if len(lines) >= 2 and all(
        stated_if_different(lex.targets.by_setting[line.setting], line.value) is None for line in lines
    ):
        return settings
    return frozenset()


def same_value(a: Value, b: Value) -> bool:
    """Whether two written values are the same value ("60", "60.0", "1 minute")."""
    if a.kind != b.kind or a.kind == "placeholder":
        return False
    if a.kind == "number":
        assert a.number is not None and b.number is not None
        return abs(a.number * (a.unit or 1) - b.number * (b.unit or 1)) < 1e-9
    return a.flag == b.flag if a.kind == "bool" else a.text == b.text


def code_statements(
    code: Code,
    lex: Lexicon,
    stated: dict[str, list[Value]] | None = None,
    english: frozenset[str] = frozenset(),
) -> list[tuple[int, str, Value]]:
    """(line, setting field name, value) for every default the block states.

    ``stated``: the values this page states elsewhere, by setting; ``english``: the settings
    of the English original's block at the same position when that block shows defaults.
    """
    lines = setting_lines(code, lex)
    if not lines:
        return []  # most blocks set no setting (examples, other languages): nothing to weigh below
    if english and english == {line.setting for line in lines}:
        return [(line.line, line.setting, line.value) for line in lines]
    restated: set[str] = set()
    if stated:
        agree = {line.setting for line in lines if any(same_value(line.value, v) for v in stated.get(line.setting, []))}
        differ = {line.setting for line in lines if line.setting in stated} - agree
        if not differ and (len(agree) >= 2 or (agree and any(line.by_comment for line in lines))):
            restated = agree
    return [(line.line, line.setting, line.value) for line in lines if line.marked or line.setting in restated]
