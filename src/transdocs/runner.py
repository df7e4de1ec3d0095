"""Check pages: stale defaults, broken encoding, drifted structure, outdated translations."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from transdocs.encoding.mojibake import check_text, decode
from transdocs.languages import DEFAULT_LANGUAGE
from transdocs.pages.discover import InputError, Page, discover
from transdocs.pages.document import Code, Document, Prose, Table
from transdocs.pages.html import html_language, read_html
from transdocs.pages.markdown import read_markdown
from transdocs.report import findings as kinds
from transdocs.report.findings import Finding, stale_default
from transdocs.statements.codeblocks import code_statements, says_default
from transdocs.statements.lexicon import Lexicon, lexicon
from transdocs.statements.prose import Context, statements
from transdocs.statements.tables import table_statements
from transdocs.statements.targets import stated_if_different, targets
from transdocs.statements.values import Value
from transdocs.translations.frontmatter import recorded_hash
from transdocs.translations.source_hash import source_hash
from transdocs.translations.structure import compare


@dataclass(frozen=True)
class _English:
    """An English page, read once for all its translations."""

    text: str
    doc: Document | None  # None when the English page itself is unreadable


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def _values(doc: Document, lex: Lexicon) -> Iterable[tuple[int, str, Value]]:
    """(line, setting, value) for every statement of a value in the page."""
    for block in doc.blocks:
        if isinstance(block, Prose):
            if not lex.hint.search(block.text):
                continue
            context = Context(says_default=bool(block.intro) and says_default(block.intro, lex))
            for found in statements(block.text, lex, context):
                yield block.line_at(found.offset), found.setting, found.value
        elif isinstance(block, Table):
            if any(lex.hint.search(cell) for _, cells in block.rows for cell in cells):
                for line, found in table_statements(block, lex):
                    yield line, found.setting, found.value
        elif isinstance(block, Code):
            yield from code_statements(block, lex)


def stale_findings(page: Page, doc: Document, lang: str | None) -> list[Finding]:
    found = []
    for line, setting, value in _values(doc, lexicon(lang)):
        target = targets()[setting]
        stated = stated_if_different(target, value)
        if stated is not None:
            found.append(stale_default(page.shown, line, lang, target.info.env, stated, target.expected))
    return found


class Checker:
    """Checks pages one by one, reading each English original once."""

    def __init__(self) -> None:
        self.english: dict[Path, _English | None] = {}

    def english_page(self, path: Path) -> _English | None:
        if path not in self.english:
            if not path.is_file():
                self.english[path] = None
            else:
                text, _ = decode(read_bytes(path))
                self.english[path] = _English(text or "", read_markdown(text) if text else None)
        return self.english[path]

    def check(self, page: Page) -> list[Finding]:
        text, problem = decode(read_bytes(page.path))
        lang = page.lang
        if text is not None and page.format == "html":
            lang = html_language(text) or lang
        if problem is None and text is not None:
            problem = check_text(text, lang)
        found = []
        if problem is not None:
            found.append(Finding(page.shown, problem.line, lang, kinds.ENCODING, message=problem.message))
        if text is None:
            return found
        doc = read_html(text) if page.format == "html" else read_markdown(text)
        if problem is None:
            found += stale_findings(page, doc, lang)
        if page.root is not None and page.name is not None and lang != DEFAULT_LANGUAGE:
            # Garbled text breaks placeholders and headings too; its encoding finding says it all.
            found += self.translation_findings(page, text, doc, structure=problem is None)
        return found

    def translation_findings(self, page: Page, text: str, doc: Document, structure: bool) -> list[Finding]:
        assert page.root is not None and page.name is not None
        english_path = page.root / DEFAULT_LANGUAGE / page.name
        shown_english = str(page.shown_root / DEFAULT_LANGUAGE / page.name) if page.shown_root else str(english_path)
        english = self.english_page(english_path)
        if english is None:
            message = f"no English page {shown_english}: remove this page or write the English one first"
            return [Finding(page.shown, 1, page.lang, kinds.STRUCTURE, message=message)]
        if english.doc is None:
            return []
        found = [
            Finding(page.shown, line, page.lang, kinds.STRUCTURE, message=message)
            for line, message in (compare(english.doc, doc, shown_english) if structure else [])
        ]
        current, recorded = source_hash(english.text), recorded_hash(text)
        if recorded != current:
            reason = (
                "has no source_hash"
                if recorded is None
                else f"translates an older {shown_english} (source_hash {recorded}, English is now {current})"
            )
            message = f"{reason}; update it, then run: llm-backends stamp-translation {page.shown}"
            found.append(
                Finding(page.shown, 1, page.lang, kinds.OUTDATED, stated=recorded, expected=current, message=message)
            )
        return found


def _missing(whole: set[tuple[Path, str]], pages: list[Page]) -> list[Finding]:
    """English pages that a fully checked language folder lacks."""
    found = []
    for root, lang in sorted(whole):
        english = sorted(
            PurePosixPath(p.relative_to(root / DEFAULT_LANGUAGE).as_posix())
            for p in (root / DEFAULT_LANGUAGE).rglob("*.md")
        )
        shown_root = next((p.shown_root for p in pages if p.root == root and p.shown_root), root)
        for name in english:
            if not (root / lang / name).is_file():
                shown = str(shown_root / lang / name)
                message = f"no translation of {shown_root / DEFAULT_LANGUAGE / name}"
                found.append(Finding(shown, 1, lang, kinds.MISSING, message=message))
    return found


def check_paths(paths: Iterable[str], lang: str | None = None) -> list[Finding]:
    """Every finding for the given files and folders, sorted by path and line.

    Raises :class:`InputError` for paths that do not exist or cannot be read.
    """
    pages, whole = discover(list(paths), lang)
    checker = Checker()
    found: list[Finding] = []
    for page in pages:
        found += checker.check(page)
    found += _missing(whole, pages)
    return sorted(set(found))
