"""A foreign letter is a sign of a code page only when UTF-8 read through it can give the letter.

GB18030 writes every character, but those outside GBK in four bytes whose second and fourth are ASCII
digits, which no UTF-8 text holds there: a Chinese or Japanese page quoting an Arabic word is no
evidence of GB18030. These tests read what each code page gives from UTF-8 (every character of the
BMP, in UTF-8, read through it), and compare the check with weighing the weak evidence of every code
page that writes a page's foreign letters, on our pages, the fixtures, garbled and random texts, and
pages with a line of another script garbled through that script's code page.
"""

from __future__ import annotations

import random
import re

import pytest

from tests.test_check_docs_encoding_fast import GARBLING, OTHER_SCRIPTS, TEXTS, _pages
from transdocs.encoding import mojibake
from transdocs.encoding.codepages import code_pages

_LETTER = re.compile(r"[^\W\d_]")


def _given_from_utf8(code_page: str) -> set[str]:
    """The non-ASCII letters UTF-8 read through ``code_page`` gives: every BMP character (surrogates
    aside) in UTF-8, in three orders, and some of them after every ASCII character, read through it."""
    chars = [chr(code) for code in range(0x80, 0x10000) if not 0xD800 <= code < 0xE000]
    rng = random.Random(11)
    given: set[str] = set()
    for order in range(3):
        if order:
            rng.shuffle(chars)
        text = "".join(chars) + "".join(chr(code).join(chars[:500]) for code in range(0x20, 0x7F))
        given |= set(text.encode("utf-8").decode(code_page, errors="ignore"))
    return {char for char in given if not char.isascii() and _LETTER.match(char)}


def test_gb18030_gives_from_utf8_only_the_characters_of_its_short_codes() -> None:
    """Every code of one or two bytes reads as a character GB18030 writes in fewer than four bytes (one
    code a character); a code of four bytes cannot stand in UTF-8 (an ASCII digit, a byte above ASCII,
    an ASCII digit: never so in UTF-8); and UTF-8 read through GB18030 gives short characters only."""
    for lead in range(0x81, 0xFF):
        for trail in [*range(0x40, 0x7F), *range(0x80, 0xFF)]:
            try:
                char = bytes([lead, trail]).decode("gb18030")
            except UnicodeDecodeError:
                continue
            assert mojibake._gb18030_short(char), (lead, trail)
    for byte in range(0x80, 0x100):
        with pytest.raises(UnicodeDecodeError):
            (b"0" + bytes([byte]) + b"9").decode("utf-8")
    given = _given_from_utf8("gb18030")
    assert len(given) > 10_000 and all(mojibake._gives("gb18030", char) for char in given)


def test_gb18030_writes_arabic_letters_but_utf8_read_through_it_gives_none() -> None:
    arabic = "ثانيتان"
    assert "gb18030" in (mojibake._writers(arabic) or ())
    assert not mojibake._gives("gb18030", arabic)
    assert not set(arabic) & _given_from_utf8("gb18030")
    assert mojibake._gives("gb18030", "é中") and mojibake._gives("gb18030", "ث中")
    assert all(mojibake._gives(code_page, arabic) for code_page in code_pages() if code_page != "gb18030")


# A word of another script, and a code page of that script that UTF-8 read through gives letters of it.
_GARBLED_WORDS = (("العربية", "cp1256"), ("Русский", "cp1251"), ("Ελληνικά", "cp1253"), ("中文字", "gbk"))


def _texts() -> list[tuple[str, str | None]]:
    """TEXTS, with our pages quoting a word of another script (garbled before or after the word was
    added), and our pages holding a line that went through a wrong code page (the page reads as its
    language: only the garbled line's letters make it suspect)."""
    rng = random.Random(12)
    texts = list(TEXTS)
    for text, lang in _pages():
        word = rng.choice(OTHER_SCRIPTS)
        quoted = f"{text}\n{word}\n"
        texts.append((quoted, lang))
        for code_page in rng.sample(GARBLING, 2):
            texts.append((quoted.encode("utf-8").decode(code_page, errors="replace"), lang))
            texts.append((text.encode("utf-8").decode(code_page, errors="replace") + f"\n{word}\n", lang))
        line, code_page = rng.choice(_GARBLED_WORDS)
        garbled = f"{line} {line} {line}".encode().decode(code_page, errors="ignore")
        cut = text.find("\n\n", len(text) // 2) + 1
        texts.append((f"{text[:cut]}\n{garbled}\n{text[cut:]}", lang))
    return texts


def test_the_check_answers_as_weighing_every_code_page_that_writes_a_foreign_letter(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    texts = _texts()
    found = [mojibake.check_text(text, lang) for text, lang in texts]
    monkeypatch.setattr(mojibake, "_gives", lambda code_page, foreign: True)
    assert found == [mojibake.check_text(text, lang) for text, lang in texts]
    assert sum(problem is not None and "mojibake" in problem.message for problem in found) > 100
