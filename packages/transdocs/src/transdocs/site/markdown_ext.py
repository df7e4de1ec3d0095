"""Expand ``{{ ... }}`` placeholders in Markdown, after pymdownx.snippets has included files.

Scalars (``{{ num_retries.default }}``) become text; a block (``{{ settings_table }}``)
alone on its line becomes a table, a code block or the chart, in the page's language.
``\\{{ name }}`` is written literally as ``{{ name }}``. Anything that does not resolve is
reported as a :class:`Problem` and left in the page, so it shows where it is.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from transdocs.placeholders import BLOCK_LINE, PLACEHOLDER, unbalanced
from transdocs.site.blocks import renderers
from transdocs.site.site_text import SiteText
from transdocs.site.site_values import SiteValues

# After pymdownx.snippets (32) so included text is expanded too, and after Markdown's
# normalize_whitespace (30), which would delete the markers of stashed HTML; before fenced
# code (25) so that generated code blocks are fenced code like any other.
PRIORITY = 29
_ESCAPED_OR_PLAIN = re.compile(r"(\\)?(" + PLACEHOLDER.pattern + ")")


@dataclass(frozen=True)
class Problem:
    line: int
    name: str
    message: str


@dataclass
class PageContext:
    """What the expansion needs to know about the page being rendered."""

    text: SiteText
    site: SiteValues
    problems: list[Problem] = field(default_factory=list)


def _unknown(name: str, scalars: dict[str, str], blocks: Collection[str]) -> str:
    if name in blocks:
        return f"block placeholder {{{{ {name} }}}} must be alone on its own line"
    close = difflib.get_close_matches(name, [*scalars, *blocks], n=1)
    hint = f"; did you mean {{{{ {close[0]} }}}}?" if close else ""
    return f"unknown placeholder {{{{ {name} }}}}{hint}"


def expand(
    lines: list[str], context: PageContext, keep_html: Callable[[str], str], *, render: bool = True
) -> list[str]:
    """Expanded ``lines``; problems are appended to ``context.problems`` with 1-based line numbers.

    ``keep_html`` stores raw HTML and returns the line that stands for it (Markdown's stash).
    ``render`` False leaves a block's line empty: a block placeholder on its own line has no
    problem, so finding problems need not draw its table or chart.
    """
    scalars = context.site.scalar_texts(context.text)
    blocks = renderers(context.site)
    out: list[str] = []
    for number, line in enumerate(lines, start=1):
        block = BLOCK_LINE.match(line)
        name = block.group("name") if block else None
        if block and name in blocks:
            if not render:
                out.append("")
                continue
            rendered = blocks[name](context.site, context.text)
            indent = block.group("indent")
            if rendered.is_html:
                out += ["", indent + keep_html(rendered.text), ""]
            else:
                out += ["", *(indent + part for part in rendered.text.splitlines()), ""]
            continue

        def replace(match: re.Match[str], number: int = number) -> str:
            if match.group(1):  # backslash: keep the placeholder as written, minus the backslash
                return match.group(2)
            head, attribute = match.group(3), match.group(4)
            name = f"{head}.{attribute}" if attribute else head
            if name in scalars:
                return scalars[name]
            context.problems.append(Problem(number, name, _unknown(name, scalars, blocks)))
            return match.group(2)

        for broken in unbalanced(line):
            context.problems.append(
                Problem(number, broken, f"placeholder {{{{ {broken} }}}} is missing a brace (written {line.strip()!r})")
            )
        out.append(_ESCAPED_OR_PLAIN.sub(replace, line))
    return out


def find_problems(source: str, text: SiteText, site: SiteValues) -> list[Problem]:
    """Placeholders in a page's own source that will not resolve, with their line numbers.

    They do not depend on ``text`` (every language knows the same names), only on ``source``.
    """
    context = PageContext(text=text, site=site)
    expand(source.splitlines(), context, keep_html=lambda html: "", render=False)
    return context.problems


class _Preprocessor(Preprocessor):
    def __init__(self, md: Markdown, extension: PlaceholderExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        context = self.extension.page or self.extension.fallback()
        return expand(lines, context, keep_html=self.md.htmlStash.store)


class PlaceholderExtension(Extension):
    """Registered once; the site build sets :attr:`page` before each page is rendered.

    ``fallback`` gives the context for Markdown rendered outside a page (English texts).
    """

    def __init__(self, fallback: Callable[[], PageContext], **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.page: PageContext | None = None
        self.fallback = fallback

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(_Preprocessor(md, self), "transdocs_placeholders", PRIORITY)
