"""The statement readers skip work that cannot give a statement, and find the same statements."""

from __future__ import annotations

import random
import re
from dataclasses import replace
from pathlib import Path

from tests.support.docs_tree import our_lexicon, real_prose
from transdocs.fastscan import trie
from transdocs.pages.document import Code
from transdocs.pages.markdown import read_markdown
from transdocs.statements.codeblocks import READ_LANGUAGES, setting_lines

ROOT = Path(__file__).parent.parent


def _codes() -> list[Code]:
    pages = [*(ROOT / "docs").rglob("*.md"), *(ROOT / "tests" / "fixtures").rglob("*.md")]
    found = []
    for page in pages:
        found += [b for b in read_markdown(page.read_text(errors="replace")).blocks if isinstance(b, Code)]
    return found


def _random_case(name: str, rng: random.Random) -> str:
    return "".join(c.upper() if rng.random() < 0.3 else c.lower() for c in name)


def _random_codes(names: list[str], count: int) -> list[Code]:
    """Config blocks of every kind the readers read, naming settings in any case (and other names)."""
    rng = random.Random(18)
    shapes = [
        "{name} = {value}",
        "export {name}={value}",
        "$ {name}={value}  # default",
        "$env:{name} = {value}",
        "set {name}={value}",
        "{name}: {value}",
        "  {name}: {value}",
        "llm:",
        "[llm]",
        "- {name}={value}",
        "# defaults",
        "# {name}",
        "{{{{ {name}.env }}}}={value}",
        "other_{name} = {value}",
        "{name}x = {value}",
        "",
    ]
    langs = sorted(READ_LANGUAGES)
    codes = []
    for _ in range(count):
        lines = []
        for number in range(rng.randint(1, 6)):
            name = rng.choice([*names, "unrelated_key", "PATH", "ſetting", "K"])
            value = rng.choice(["5", "60", "true", '"gpt-4o"', "2.5", "[1, 2]", ""])
            lines.append((number + 1, rng.choice(shapes).format(name=_random_case(name, rng), value=value)))
        codes.append(Code(rng.choice(langs), 1, lines, rng.choice(["", "The defaults:", "To change them:"])))
    return codes


def test_code_blocks_naming_no_setting_are_skipped_with_the_same_lines() -> None:
    lex = our_lexicon("en")
    unscreened = replace(lex, names=re.compile(""))  # every block read line by line, as before the screen
    names = [*lex.targets.env_names, *lex.targets.key_names]
    codes = [*_codes(), *_random_codes(names, 3000)]
    read = [setting_lines(code, lex) for code in codes]
    assert read == [setting_lines(code, unscreened) for code in codes]
    assert sum(map(bool, read)) > 500  # the random blocks do set settings, in any case
    skipped = [c for c in codes if c.lang in READ_LANGUAGES and not any(lex.names.search(t) for _, t in c.lines)]
    assert len(skipped) > 100  # and the screen does skip blocks


def test_the_hint_found_from_underscores_finds_a_name_where_the_plain_pattern_does() -> None:
    lex = our_lexicon("fr")
    targets = lex.targets
    named = [*targets.env_names, *(k for k in targets.key_names if "_" in k)]
    assert lex.hint_marks and lex.hint.pattern.startswith("_(?:")
    plain = re.compile(rf"{trie(named)}|\.(?:env|key)\s*\}}\}}|`{trie(targets.key_names)}\b", re.IGNORECASE)
    rng = random.Random(5)
    pieces = [*named, *targets.key_names, "LLM", "llm_", "_", "retry", "RETRY_", "max_wait", "K", "ſ", "İ", "ı"]
    pieces += ["`", ".env }}", ".key}}", "{{ ", " ", "x", "é", "\n", "."]
    texts = list(real_prose()) + [
        _random_case("".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))), rng) for _ in range(5000)
    ]
    for text in rng.sample(texts, 2000):  # names whose letters re folds with other letters: K, ſ
        texts.append(text.replace("k", "\u212a").replace("s", "\u017f"))
    found = [lex.hint.search(text) is not None for text in texts]
    assert found == [plain.search(text) is not None for text in texts]
    assert 1000 < sum(found) < len(texts) - 1000
