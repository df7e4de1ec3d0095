"""A page's statements are read in one pass over its blocks, and the stale-default check reads them through
``stale.read_findings``; both find what the plain path finds.

``page_values`` used to read prose and tables from a generator, then find the page's code blocks by a
second pass over its blocks; the check itself read the English original's code evidence (once for every
translation) and called ``stale_findings``. Both plain forms are kept here and compared with the
production ones on our docs, the fixtures, the real corpus's pages (with their own settings) when it is
beside the clone, and random pages made of their blocks shuffled.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from tests.support.docs_tree import our_lexicon, our_targets
from tests.support.real_corpus import read_document, snapshots_with_settings
from transdocs.languages.words import OURS
from transdocs.pages.discover import Page
from transdocs.pages.document import Code, Document, Prose, Table
from transdocs.pages.markdown import read_markdown
from transdocs.statements import page as page_module
from transdocs.statements import stale
from transdocs.statements.codeblocks import code_statements
from transdocs.statements.lexicon import Lexicon, lexicon, says_default
from transdocs.statements.subject import named_setting, structural_subject
from transdocs.statements.tables import table_statements

ROOT = Path(__file__).parent.parent
LANGS = ("ar", "fr", "ja", "pt", "zh")


def _plain_prose_and_tables(doc: Document, lex: Lexicon) -> Iterator[page_module.Found]:
    for block in doc.blocks:
        if isinstance(block, Prose):
            subject = structural_subject(block, lex)
            if subject is not None and not lex.says_default(block.text):
                subject = None
            if subject is None and not lex.may_name(block.text):
                continue
            says = bool(block.intro) and says_default(block.intro, lex)
            context = page_module.Context(says, subject, from_structure=subject is not None)
            text = page_module._references_masked(block.text, lex.targets)
            for found in page_module.statements(text, lex, context):
                yield block.line_at(found.offset), found.setting, found.value
        elif isinstance(block, Table):
            section = named_setting(block.section, lex) if block.section else None
            for line, found in table_statements(block, lex, section):
                yield line, found.setting, found.value


def _plain_page_values(doc: Document, lex: Lexicon, english: Document | None) -> list[page_module.Found]:
    """``page_values`` as it was: prose and tables from a generator, then a second pass for the code blocks."""
    found = list(_plain_prose_and_tables(doc, lex))
    stated: dict[str, list[Any]] = {}
    for _, setting, value in found:
        stated.setdefault(setting, []).append(value)
    evidence = page_module.code_evidence(english, lex.targets, lex.languages) if english is not None else []
    for index, code in enumerate([block for block in doc.blocks if isinstance(block, Code)]):
        shown = evidence[index] if index < len(evidence) else frozenset()
        found += code_statements(code, lex, stated, shown)
    return sorted(found, key=lambda item: item[0])


@cache
def _our_pairs() -> list[tuple[str, Document, Document]]:
    """(language, translation, English original) for our docs and the fixture pages."""
    pairs = []
    for base in (ROOT / "docs", ROOT / "tests" / "fixtures" / "check_docs"):
        for english in sorted((base / "en").rglob("*.md")):
            for lang in LANGS:
                translated = base / lang / english.relative_to(base / "en")
                if translated.is_file():
                    pairs.append((lang, read_document(translated), read_document(english)))
    return pairs


def _shuffled(docs: Sequence[Document], count: int, seed: int) -> list[Document]:
    """Pages of blocks drawn from ``docs``, code blocks among prose and tables in any order."""
    rng = random.Random(seed)
    blocks = [block for doc in docs for block in doc.blocks]
    return [Document(rng.sample(blocks, min(len(blocks), rng.randint(1, 40)))) for _ in range(count)]


def _stating_page(seed: int) -> Document:
    """A page stating values of our settings in prose, a table and code blocks, some of them stale."""
    rng = random.Random(seed)
    keys = ["num_retries", "timeout", "retry_max_wait", "LLM_NUM_RETRIES", "LLM_TIMEOUT"]
    values = ["5", "8", "120", "30", "60"]
    parts = []
    for _ in range(rng.randint(1, 6)):
        key, value = rng.choice(keys), rng.choice(values)
        kind = rng.random()
        if kind < 0.3:
            parts.append(f"`{key}` defaults to {value}.")
        elif kind < 0.5:
            parts.append(f"| Setting | Default |\n| --- | --- |\n| `{key}` | {value} |")
        elif kind < 0.8:
            intro = rng.choice(["The defaults:", "Tune it:", "Par défaut :"])
            parts.append(f"{intro}\n\n```toml\n{key.lower().removeprefix('llm_')} = {value}\n```")
        else:
            parts.append(f"```bash\nexport {key.upper()}={value}  # default\n```")
    return read_markdown("\n\n".join(parts) + "\n")


def _compare(lex: Lexicon, docs: Sequence[Document], english: Sequence[Document | None]) -> int:
    found = [page_module.page_values(doc, lex, original) for doc, original in zip(docs, english, strict=True)]
    plain = [_plain_page_values(doc, lex, original) for doc, original in zip(docs, english, strict=True)]
    assert found == plain
    return sum(map(len, plain))


def test_one_pass_reads_what_two_passes_read_on_our_pages() -> None:
    pairs = _our_pairs()
    assert len(pairs) > 40
    stated = 0
    for lang in LANGS:
        mine = [(doc, english) for page_lang, doc, english in pairs if page_lang == lang]
        stated += _compare(our_lexicon(lang), [doc for doc, _ in mine], [english for _, english in mine])
        stated += _compare(our_lexicon(lang), [english for _, english in mine], [None] * len(mine))
    assert stated > 100


def test_one_pass_reads_what_two_passes_read_on_shuffled_pages() -> None:
    docs = [doc for _, doc, english in _our_pairs() for doc in (doc, english)]
    shuffled = _shuffled(docs, 600, 13)
    originals = _shuffled(docs, 600, 14)
    stating = [_stating_page(seed) for seed in range(300)]
    for lang in ("en", "zh", None):
        assert _compare(our_lexicon(lang), shuffled, originals) > 100
        assert _compare(our_lexicon(lang), stating, stating[::-1]) > 100


def test_one_pass_reads_what_two_passes_read_on_real_snapshots() -> None:
    corpus = snapshots_with_settings()
    if not corpus:
        pytest.skip("the real corpus is not beside the clone")
    for targets, docs in corpus:
        lex = lexicon("en", targets, OURS)
        _compare(lex, [*docs, *_shuffled(docs, 50, 15)], [None] * len(docs) + _shuffled(docs, 50, 16))


class _English(SimpleNamespace):
    """A page read's English page: ``once`` keeps what it computed under a name, as PageRead's does."""

    def once(self, name: str, compute: Callable[[], Any]) -> Any:
        if name not in self.shared:
            self.shared[name] = compute()
        return self.shared[name]


def _findings_both_ways(lang: str, doc: Document, english: Document, shared: dict[str, Any]) -> tuple[Any, Any]:
    page = Page(Path(f"{lang}/page.md"), f"{lang}/page.md", "md", lang, english=Path("en/page.md"))
    read: Any = SimpleNamespace(page=page, doc=doc, written_in=lang, english=_English(doc=english, shared=shared))
    found = stale.read_findings(read, our_targets(), OURS)
    plain = stale.stale_findings(page, doc, lang, english, our_targets(), OURS)
    return found, plain


def test_read_findings_states_what_stale_findings_states() -> None:
    stated = 0
    for lang, doc, english in _our_pairs():
        shared: dict[str, Any] = {}
        found, plain = _findings_both_ways(lang, doc, english, shared)
        assert found == plain
        stated += len(plain)
        assert list(shared) == ["code_evidence"]  # kept with the English page for its other translations
    for seed in range(300):
        doc, english = _stating_page(seed), _stating_page(seed + 1000)
        found, plain = _findings_both_ways("fr", doc, english, {})
        assert found == plain
        stated += len(plain)
    assert stated > 50


def test_read_findings_takes_the_evidence_kept_with_the_english_page() -> None:
    """A tuning example (values other than the defaults, nothing marks it) states no default, unless the
    English page's kept evidence says its block shows defaults: what is kept is what is read."""
    block = "Tune it:\n\n```toml\nnum_retries = 8\ntimeout = 30\n```\n"
    doc, english = read_markdown(block), read_markdown(block)
    shared: dict[str, Any] = {}
    found, plain = _findings_both_ways("fr", doc, english, shared)
    assert found == plain == [] and shared == {"code_evidence": [frozenset()]}
    shared["code_evidence"] = [frozenset({"num_retries", "timeout"})]
    assert len(_findings_both_ways("fr", doc, english, shared)[0]) == 2


def test_comparisons_here_fail_when_the_one_pass_drops_or_moves_a_code_block(monkeypatch: pytest.MonkeyPatch) -> None:
    """The comparison fails when the code blocks are read in another order, or one is left out."""
    docs = [_stating_page(seed) for seed in range(300)]
    assert _compare(our_lexicon("en"), docs, docs) > 100
    one_pass = page_module._prose_and_tables

    def reversed_codes(doc: Document, lex: Lexicon) -> tuple[list[page_module.Found], list[Code]]:
        found, codes = one_pass(doc, lex)
        return found, codes[::-1]

    def last_code_dropped(doc: Document, lex: Lexicon) -> tuple[list[page_module.Found], list[Code]]:
        found, codes = one_pass(doc, lex)
        return found, codes[:-1]

    def table_dropped(doc: Document, lex: Lexicon) -> tuple[list[page_module.Found], list[Code]]:
        return one_pass(Document([block for block in doc.blocks if not isinstance(block, Table)]), lex)

    for broken in (reversed_codes, last_code_dropped, table_dropped):
        monkeypatch.setattr(page_module, "_prose_and_tables", broken)
        with pytest.raises(AssertionError):
            _compare(our_lexicon("en"), docs, docs)
