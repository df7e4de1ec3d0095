"""The words, in each docs language, that turn a sentence into a statement of a default.

The checker does not understand grammar; it recognises a handful of word classes
(see ``prose.py`` for how they combine). The words themselves are data, one file per
language in ``transdocs/languages/data/<lang>.toml`` (read by :mod:`transdocs.languages.words`),
so a translator can see and extend what the check understands for their language.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from transdocs.languages.words import Words, available_languages, has_words, words

__all__ = ["WORDS", "Words"]


class _Vocabulary(Mapping[str, Words]):
    """Language tag -> words, each file read on first use.

    Any tag can be looked up (``zh-Hans`` reads ``zh.toml``); a language without a file
    has no words, so its pages still get the checks that need none.
    """

    def __getitem__(self, tag: str) -> Words:
        return words(tag)

    def __contains__(self, tag: object) -> bool:
        return isinstance(tag, str) and has_words(tag)

    def __iter__(self) -> Iterator[str]:
        return iter(available_languages())

    def __len__(self) -> int:
        return len(available_languages())


WORDS: Mapping[str, Words] = _Vocabulary()
