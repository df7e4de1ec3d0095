"""One value as a page writes it, parsed into a typed value with a normalised key.

Pages write the same default in many ways: ``'x'``, ``"x"``, `` `x` `` and `` `'x'` `` are
one string; ``true`` and ``True`` one boolean; ``null``, ``None``, ``undefined``, ``-``,
``—``, ``无`` and ``なし`` all say "no default"; ``[ 10, 20 ]`` and ``[10,20]`` one list;
``{ a?: 1 }`` and ``{a: 1}`` one object; ``30s`` and ``30 seconds`` one duration. Two values
are the same when their keys are equal. IP addresses, hosts, paths and versions are strings,
never numbers.
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Literal

from transdocs.values.units import unit_of

Kind = Literal["str", "bool", "null", "number", "list", "object", "expr", "text"]


@dataclass(frozen=True)
class Value:
    """``key`` is what comparisons use; ``text`` is the value as written (for messages)."""

    kind: Kind
    key: Hashable
    text: str

    @property
    def is_literal(self) -> bool:
        """A value written as a value (not a bare word that may name something else)."""
        return self.kind not in ("text",)


# "No default" in code (null, None, undefined, nil), as a dash or a lone underscore (varlet's
# tables), or as a word in a language.
_NULL_CODE = frozenset({"null", "none", "undefined", "nil", "~", "-", "--", "_", "—", "–", "n/a", "void 0"})
_NULL_WORDS = frozenset(
    {
        "无",
        "無",
        "暂无",
        "なし",
        "無し",
        "없음",
        "нет",
        "отсутствует",
        "aucun",
        "aucune",
        "néant",
        "ninguno",
        "ninguna",
        "nenhum",
        "nenhuma",
        "keine",
        "kein",
        "nessuno",
        "لا يوجد",
        "لا شيء",
        "yok",
        "brak",
        "không",
    }
)
_BOOL = {"true": True, "false": False}
_NUMBER = re.compile(r"[+-]?(?:\d[\d_]*(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?")
_HEX = re.compile(r"0[xX][0-9a-fA-F]+")
_QUANTITY = re.compile(r"(?P<n>[+-]?\d+(?:\.\d+)?)\s*(?P<u>[^\W\d_][^\W\d]{0,11})")
# A bare word a config file would take as a string: shiki, ./dist/client, 127.0.0.1, v1.2.3, a-b
_BARE = re.compile(r"[\w./:@~+#%*$^&<>!{}-]+")
_OPERATOR = re.compile(r"===?|!==?|=>|&&|\|\||\?\?|\(\)|\w\(|\?\.|[<>]=|\s[+*/%?:]\s|^!|\bnew\s|\btypeof\s")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|'\"<>~])")
_SPACE = re.compile(r"\s+")
_QUOTES = {"'": "'", '"': '"', "`": "`", "‘": "’", "“": "”", "«": "»", "「": "」", "『": "』"}


def unescape(text: str) -> str:
    """Markdown backslash escapes removed: ``\\['10']`` -> ``['10']``."""
    return _ESCAPE.sub(r"\1", text) if "\\" in text else text


_ESCAPED_MARK = re.compile(r"\\+(?=[^\w\s\\])")
_BACKSLASHES = re.compile(r"\\{2,}")


def _unlayered(text: str) -> str:
    r"""A string's characters whatever layers of escaping wrote it: Markdown's (``\[``), a
    double-quoted TOML, JSON or JS string's (``"\\("`` holds ``\(``), or both. A page writes
    ``'[\($hash\)]'`` and its translation ``"[\\($hash\\)]"``: the same format string.
    Backslashes before a mark are dropped; a run of them before a letter is one (``\\d``, ``\d``)."""
    if "\\" not in text:
        return text
    return _BACKSLASHES.sub(r"\\", _ESCAPED_MARK.sub("", text))


def _split_top(inner: str, separators: str = ",") -> list[str] | None:
    """Comma-separated parts of a list or object body, brackets and quotes respected
    (an object type's members may end with ``;``: ``{ a: 2; b: 3; }``)."""
    parts, depth, quote, start = [], 0, "", 0
    for i, char in enumerate(inner):
        if quote:
            if char == quote and inner[i - 1] != "\\":
                quote = ""
        elif char in "'\"`":
            quote = char
        elif char in "[{(":
            depth += 1
        elif char in "]})":
            depth -= 1
            if depth < 0:
                return None
        elif char in separators and depth == 0:
            parts.append(inner[start:i])
            start = i + 1
    if quote or depth:
        return None
    parts.append(inner[start:])
    return [part.strip() for part in parts if part.strip()]


def _key_name(text: str) -> str | None:
    name = text.strip().rstrip("?").strip()
    if len(name) >= 2 and name[0] in "'\"" and name[-1] == name[0]:
        name = name[1:-1]
    return name if re.fullmatch(r"[\w$.-]+", name) else None


def _object(text: str, inner: str, depth: int) -> Value | None:
    parts = _split_top(inner, ",;")
    if parts is None:
        return None
    pairs = []
    for part in parts:
        if part.startswith("..."):
            return None  # a spread: not a literal
        name_text, colon, rest = part.partition(":")
        if not colon:
            name_text, colon, rest = part.partition("=")
        name = _key_name(name_text)
        if name is None:
            return None
        value = parse(rest, depth + 1) if colon else Value("str", ("s", name), name)  # {a} is {a: a}
        if value is None:
            return None
        pairs.append((name, value.key))
    return Value("object", ("o", frozenset(pairs)), text)


def _list(text: str, inner: str, depth: int) -> Value | None:
    parts = _split_top(inner)
    if parts is None:
        return None
    items = [parse(part, depth + 1) for part in parts]
    if any(item is None or item.kind == "text" for item in items):
        return None
    return Value("list", ("l", tuple(item.key for item in items if item is not None)), text)


def _number(text: str, plain: str) -> Value | None:
    if _HEX.fullmatch(plain):
        return Value("number", ("#", float(int(plain, 16)), ""), text)
    if _NUMBER.fullmatch(plain):
        return Value("number", ("#", float(plain.replace("_", "")), ""), text)
    quantity = _QUANTITY.fullmatch(plain)
    if quantity is not None:
        unit = unit_of(quantity.group("u"))
        if unit is not None:
            dimension, factor = unit
            amount = float(quantity.group("n")) * factor
            return Value("number", ("#", round(amount, 9), dimension), text)
    return None


# Deeper lists and objects are compared as written: no recursion without end on hostile input.
MAX_DEPTH = 20


def parse(written: str, depth: int = 0) -> Value | None:
    """The value ``written`` states (the text of a code span, a cell, a prop), or None if empty."""
    text = unescape(written.strip())
    if not text:
        return None
    while len(text) >= 2 and text[0] == "`" and text[-1] == "`":
        text = text[1:-1].strip()  # ``x`` (a code span written with double backticks)
    if not text:
        return None
    lower = _SPACE.sub(" ", text.lower())
    if lower in _NULL_CODE or lower in _NULL_WORDS:
        return Value("null", ("n",), text)
    if lower in _BOOL:
        return Value("bool", ("b", _BOOL[lower]), text)
    closing = _QUOTES.get(text[0])
    if closing and len(text) >= 2 and text[-1] == closing and closing not in text[1:-1]:
        return Value("str", ("s", _unlayered(text[1:-1])), text)
    if text[0] == "[" and text[-1] == "]" and depth < MAX_DEPTH:
        found = _list(text, text[1:-1], depth)
        if found is not None:
            return found
    if text[0] == "{" and text[-1] == "}" and depth < MAX_DEPTH:
        found = _object(text, text[1:-1], depth)
        if found is not None:
            return found
    number = _number(text, text)
    if number is not None:
        return number
    if _BARE.fullmatch(text):
        return Value("str", ("s", _unlayered(text)), text)
    normal = _SPACE.sub(" ", _unlayered(text).replace('"', "'"))
    if _OPERATOR.search(text) or text[0] in "[{(":
        return Value("expr", ("e", normal), text)
    return Value("text", ("t", normal), text)


def from_json(default: object) -> Value:
    """A default as a settings file holds it (any JSON value): ``"./src"`` is the string, never parsed."""
    if default is None:
        return Value("null", ("n",), "null")
    if isinstance(default, bool):
        return Value("bool", ("b", default), "true" if default else "false")
    if isinstance(default, int | float):
        number = float(default)
        return Value("number", ("#", number, ""), str(int(number)) if number.is_integer() else str(number))
    if isinstance(default, list):
        items = [from_json(item) for item in default]
        return Value("list", ("l", tuple(i.key for i in items)), "[" + ", ".join(i.text for i in items) + "]")
    if isinstance(default, dict):
        pairs = {str(k): from_json(v) for k, v in default.items()}
        text = "{" + ", ".join(f"{k}: {v.text}" for k, v in pairs.items()) + "}"
        return Value("object", ("o", frozenset((k, v.key) for k, v in pairs.items())), text)
    return Value("str", ("s", str(default)), str(default))


def same(a: Value, b: Value) -> bool:
    """Whether two stated values mean the same: ``'x'`` and `` `x` ``, ``true`` and ``'true'``."""
    if a.key == b.key:
        return True
    # A quoted word and the same word bare ('true' and true): a translator dropped or added quotes.
    scalars = ("str", "bool", "number", "null")
    if "str" in (a.kind, b.kind) and a.kind in scalars and b.kind in scalars:
        left, right = a.text.strip("'\"`"), b.text.strip("'\"`")
        if a.kind in ("bool", "null") or b.kind in ("bool", "null"):
            return left.lower() == right.lower()  # 'true' and True
        return left == right
    return False
