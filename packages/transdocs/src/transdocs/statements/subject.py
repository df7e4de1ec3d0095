"""Which setting a block is about when it names none: read from the page's structure.

A reference often names the setting once, in a list item, a definition's term or a
heading, and states the value in the blocks below it ("- `X`" then "  - 默认值：8";
"### `X`" then "**Default:** 8"; "`X`" then ": Default: 8"). The nearest of these that
names exactly one setting gives the subject; a parent item comes before the heading.
"""

from __future__ import annotations

import re

from transdocs.pages.document import Prose
from transdocs.statements.lexicon import Lexicon
from transdocs.statements.tokens import tokenize
from transdocs.statements.word_patterns import strip_marks

# Marks around a name in a heading or item: "### `X` {#x}", "- **X** (int)", "X:".
_DECORATION = re.compile(r"\{[^}]*\}|\([^)]*\)|[`*_#:：\s]")


# How many texts a lexicon keeps the answer for (headings and parent items repeat from page to page).
_NAMED_LIMIT = 50_000


def named_setting(text: str, lex: Lexicon) -> str | None:
    """The one setting ``text`` names, else None.

    A bare word that is also an ordinary word ("timeout", "model") counts only when it is
    the whole text, spelled exactly as the setting: a heading "### timeout", not "Timeouts".
    """
    if text in lex.named:
        return lex.named[text]
    if len(lex.named) > _NAMED_LIMIT:
        lex.named.clear()
    found: str | None = None
    if text:
        stripped = strip_marks(text)[0]
        # Most headings and parent items name none: the lexicon's screen tells so without the scan.
        named: set[str | None] = set()
        if lex.may_hold_setting(stripped):
            named = {t.setting for t in tokenize(stripped, lex) if t.kind == "M" and t.setting}
        if len(named) == 1:
            found = named.pop()
        elif not named:
            bare = _DECORATION.sub("", text)
            target = lex.targets.lookup(bare)
            if target is not None and bare in (target.info.key, target.info.env):
                found = target.info.name
    lex.named[text] = found
    return found


def structural_subject(block: Prose, lex: Lexicon) -> str | None:
    """The setting of the block's parent item or term, else of its section's heading."""
    if block.parent:
        return named_setting(block.parent, lex)
    if block.section and block.kind != "heading":
        return named_setting(block.section, lex)
    return None
