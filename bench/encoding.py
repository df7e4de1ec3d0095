"""Encoding and language checks: what they catch, what they cost, and ftfy for comparison.

Prints, for our docs pages passed through every code page of a list (bytes dropped or
replaced, as a wrong reader does) and for pages placed in another language's folder:
how many each method reports, false alarms on the clean pages, and the time per page on
a 6,000-page tree (our check vs the check before it, and ftfy's ``is_bad`` when it can be
imported, e.g. ``PYTHONPATH=/path/to/ftfy``). Ratios, never assertions.

    .venv/bin/python bench/encoding.py
"""

from __future__ import annotations

import subprocess
import sys
import time
import types
from collections.abc import Callable
from pathlib import Path

from transdocs.encoding.mojibake import check_text
from transdocs.languages import LANGUAGES
from transdocs.languages.detect import prose_of, read_language

REPO = Path(__file__).resolve().parent.parent

CODE_PAGES = ("cp874", "cp1255", "cp1251", "gbk", "shift_jis", "cp1256", "cp1252", "koi8_r", "big5", "euc_kr")
BEFORE = "9a75814"  # the checker before per-principle detection (enumerated code pages and scripts)


def _before() -> Callable[[str, str], object] | None:
    try:
        source = subprocess.run(
            ["git", "show", f"{BEFORE}:src/transdocs/encoding/mojibake.py"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    module = types.ModuleType("mojibake_before")
    sys.modules[module.__name__] = module
    exec(compile(source, "mojibake_before.py", "exec"), module.__dict__)
    return module.check_text  # type: ignore[no-any-return]


def _ftfy() -> Callable[[str], bool] | None:
    try:
        from ftfy.badness import is_bad
    except ImportError:
        return None
    return is_bad  # type: ignore[no-any-return]


def ours(text: str, lang: str) -> bool:
    return check_text(text, lang, read_language(prose_of(text), lang)) is not None


def main() -> None:
    pages = {
        (lang, name): (REPO / "docs" / lang / name).read_text("utf-8")
        for lang in LANGUAGES
        for name in ("retries.md", "configuration.md")
    }
    clean = {(p.parent.name, p.name): p.read_text("utf-8") for p in sorted((REPO / "docs").glob("*/*.md"))}
    broken = [
        (lang, page.encode("utf-8").decode(code_page, errors=errors))
        for (lang, _), page in pages.items()
        for code_page in CODE_PAGES
        for errors in ("ignore", "replace")
    ]
    before, ftfy = _before(), _ftfy()
    methods: dict[str, Callable[[str, str], bool]] = {"ours": ours}
    if before is not None:
        methods["before"] = lambda text, lang: before(text, lang) is not None
    if ftfy is not None:
        methods["ftfy.is_bad"] = lambda text, lang: ftfy(text)
    print(f"{len(broken)} broken pages ({len(pages)} pages x {len(CODE_PAGES)} code pages x ignore/replace)")
    for name, method in methods.items():
        caught = sum(method(text, lang) for lang, text in broken)
        false = sum(method(text, lang) for (lang, _), text in clean.items())
        print(
            f"  {name:12} caught {caught}/{len(broken)} ({caught / len(broken):.0%}), false alarms {false}/{len(clean)}"
        )
    misplaced = [(folder, clean[src, "retries.md"]) for src in LANGUAGES for folder in LANGUAGES if folder != src]
    told = sum(not read_language(prose_of(text), folder).reads_as_expected for folder, text in misplaced)
    print(f"pages in another language's folder reported untranslated: {told}/{len(misplaced)}")

    # Our pages, as many times as it takes for about 1,000 pages per language.
    tree = [(lang, text) for (lang, _), text in clean.items()] * (1000 // max(1, len(clean) // len(LANGUAGES)))
    for lang, text in tree[:50]:  # warm up caches (code pages, patterns) outside the timing
        for method in methods.values():
            method(text, lang)
    timings = {}
    for name, method in methods.items():
        start = time.perf_counter()
        for lang, text in tree:
            method(text, lang)
        timings[name] = (time.perf_counter() - start) / len(tree)
        print(f"  {name:12} {timings[name] * 1e6:7.1f} us/page on {len(tree)} pages")
    if "before" in timings:
        print(f"ours / before: {timings['ours'] / timings['before']:.2f}x")
    if "ftfy.is_bad" in timings:
        print(f"ours / ftfy.is_bad: {timings['ours'] / timings['ftfy.is_bad']:.2f}x")


if __name__ == "__main__":
    main()
