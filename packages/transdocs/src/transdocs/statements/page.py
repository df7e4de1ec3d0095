"""Every statement of a value on a page: prose, tables, then code blocks with their evidence.

Code blocks come last because whether a block restates defaults may depend on the rest
of the page (the values its prose and tables state) and on the English original (its
block at the same position), see ``codeblocks.py``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from transdocs.languages.words import LanguageFiles
from transdocs.pages.document import Code, Document, Prose, Table
from transdocs.statements.codeblocks import code_statements, shows_defaults
from transdocs.statements.lexicon import Lexicon, lexicon
from transdocs.statements.prose import Context, statements
from transdocs.statements.subject import named_setting, structural_subject
from transdocs.statements.tables import table_statements
from transdocs.statements.targets import Targets
from transdocs.statements.values import Value

Found = tuple[int, str, Value]  # (line, setting field name, value)

_LINK_TEXT = re.compile(r"\[([^\[\]\n]*)\]\([^()\s]*\)")
_CODE = re.compile(r"`[^`\n]+`")
# Where a link's text can hold code: a "[" and then a backtick before the next bracket or line end. A link's
# text is what follows its "[" up to a "]" with neither bracket nor line end between, so a text where this
# finds nothing has no link with code in its text.
_CODE_IN_LINK = re.compile(r"\[[^\[\]\n]*`")


def _references_masked(text: str, targets: Targets) -> str:
    """Code in a link's text names what the link points to (``[`object-position` property](url)``),
    it states no value: blanked, same length, unless it is one of the settings."""
    if "](" not in text or _CODE_IN_LINK.search(text) is None:
        return text  # no link, or none with code in its text (most links'): nothing to blank

    def blank(code: re.Match[str]) -> str:
        return code.group(0) if targets.lookup(code.group(0)[1:-1]) else " " * len(code.group(0))

    def link(found: re.Match[str]) -> str:
        inner = _CODE.sub(blank, found.group(1))
        return found.group(0)[:1] + inner + found.group(0)[1 + len(inner) :]

    return _LINK_TEXT.sub(link, text)


# The context of most prose blocks (no list introduction saying default, no subject from structure):
# one, not one a block (a page of real docs has hundreds of blocks).
_PLAIN = Context()


def _prose_and_tables(doc: Document, lex: Lexicon) -> tuple[list[Found], list[Code]]:
    """The statements of the page's prose and tables, in page order, and its code blocks (read after
    them, see ``page_values``): one pass over the blocks."""
    found: list[Found] = []
    codes: list[Code] = []
    for block in doc.blocks:
        if isinstance(block, Prose):
            subject = structural_subject(block, lex)
            if subject is not None and not lex.says_default(block.text):
                subject = None  # only "Default: 8" below "- `X`" or "### `X`" needs the subject
            if subject is None and not lex.may_name(block.text):
                continue
            context = _PLAIN
            if block.intro or subject is not None:
                context = Context(intro=block.intro, subject=subject, from_structure=subject is not None)
            for stated in statements(_references_masked(block.text, lex.targets), lex, context):
                found.append((block.line_at(stated.offset), stated.setting, stated.value))
        elif isinstance(block, Table):
            section = named_setting(block.section, lex) if block.section else None
            for line, stated in table_statements(block, lex, section):
                found.append((line, stated.setting, stated.value))
        else:
            codes.append(block)
    return found, codes


def _codes(doc: Document) -> list[Code]:
    return [block for block in doc.blocks if isinstance(block, Code)]


def code_evidence(english: Document, targets: Targets, languages: LanguageFiles) -> list[frozenset[str]]:
    """For each code block of an English page, the settings it shows as defaults (``shows_defaults``):
    the same for each of its translations, so a caller may read it once for all of them."""
    english_lex = lexicon("en", targets, languages)
    return [shows_defaults(code, english_lex) for code in _codes(english)]


def page_values(
    doc: Document, lex: Lexicon, english: Document | None = None, evidence: Sequence[frozenset[str]] | None = None
) -> list[Found]:
    """(line, setting, value) for every statement of a value on the page, in page order.

    ``english``: the English original of a translated page, if there is one; ``evidence``: its
    ``code_evidence``, when the caller keeps it (else read here).
    """
    found, codes = _prose_and_tables(doc, lex)
    stated: dict[str, list[Value]] = {}
    for _, setting, value in found:
        stated.setdefault(setting, []).append(value)
    if evidence is None:
        evidence = code_evidence(english, lex.targets, lex.languages) if english is not None else []
    for index, code in enumerate(codes):
        shown = evidence[index] if index < len(evidence) else frozenset()
        found += code_statements(code, lex, stated, shown)
    return sorted(found, key=lambda item: item[0])
