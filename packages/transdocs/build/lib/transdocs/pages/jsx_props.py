"""A default held only in a component's props: ``<ParamField name="num_retries" default={4}>``.

MDX reference pages (Mintlify, Docusaurus plugins...) often state a setting's default in
the props of the component that documents it, never in prose. Such a tag is read as the
sentence "`num_retries` default: `4`" about the setting the component names (``name=``,
``path=``, ``id=``, ...). A prop default with no setting named (``<Chart timeout={300} />``),
or an expression rather than a literal (``default={{ value: 5 }}``, ``default={x}``), says
nothing.
"""

from __future__ import annotations

import re

_ATTRIBUTE = re.compile(
    r"""(?<![\w-])(?P<name>[\w-]+)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|\{(?P<expr>[^{}]*)\})"""
)
# Props that name what a component documents, in the order they are trusted.
_NAMING = ("name", "path", "id", "field", "param", "setting", "env", "key")
# A JSX expression that is a plain literal: a number, a bool, a quoted string.
_LITERAL = re.compile(
    r"""\s*(?:(?P<plain>-?\d+(?:\.\d+)?|true|false)|"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|`(?P<bq>[^`$]*)`)\s*"""
)
# The opening of a tag that goes on past the end of its line.
OPENING = re.compile(r"^\s*<[A-Za-z][\w.:-]*(?:\s|$)")


def _text(match: re.Match[str]) -> str | None:
    for group in ("dq", "sq"):
        if match.group(group) is not None:
            return match.group(group)
    literal = _LITERAL.fullmatch(match.group("expr") or "")
    if literal is None:
        return None
    return next((literal.group(g) for g in ("plain", "dq", "sq", "bq") if literal.group(g) is not None), None)


def naming_prop(tag: str) -> tuple[str, str, int] | None:
    """(what the component documents, its ``default`` prop as written, offset of that prop), or None.

    The default keeps its JSX form (``"120"`` quoted, ``4`` or ``{ a: 1 }`` from braces) for
    comparing two languages' props value by value.
    """
    props = {match.group("name"): match for match in _ATTRIBUTE.finditer(tag)}
    default = props.get("default")
    named = next((props[name] for name in _NAMING if name in props), None)
    if default is None or named is None:
        return None
    setting = _text(named)
    if not setting:
        return None
    if default.group("expr") is not None:
        written = default.group("expr").strip()
    else:
        written = repr(default.group("dq") if default.group("dq") is not None else default.group("sq"))
    return setting, written, default.start()


def prop_default(tag: str) -> tuple[int, str] | None:
    """(offset of the ``default`` prop in ``tag``, the sentence it states), or None."""
    props = {match.group("name"): match for match in _ATTRIBUTE.finditer(tag)}
    default = props.get("default")
    named = next((props[name] for name in _NAMING if name in props), None)
    if default is None or named is None:
        return None
    setting, value = _text(named), _text(default)
    if not setting or value is None or "`" in value:
        return None
    # "llm.num_retries" / "[llm].num_retries": the key is the last part.
    setting = setting.rsplit(".", 1)[-1].strip("[]")
    return default.start(), f"`{setting}` default: `{value}`"
