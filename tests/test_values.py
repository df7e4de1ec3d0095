"""Values as pages write them, normalised: each rule of issue 16 item 2."""

from __future__ import annotations

import pytest

from transdocs.values import from_json, parse, same
from transdocs.values.stated import difference, stated_values


def _same(a: str, b: str) -> bool:
    left, right = parse(a), parse(b)
    assert left is not None and right is not None
    return same(left, right)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("'x'", '"x"'),  # quote styles
        ("`x`", "'x'"),  # a code span and a quoted string
        ("x", "'x'"),  # quotes dropped by a translator
        ("true", "True"),  # booleans in any case
        ("'true'", "true"),
        ("'true'", "True"),
        ("null", "None"),  # "no default", however it is written
        ("undefined", "-"),
        ("_", "-"),
        ("—", "无"),
        ("なし", "없음"),
        ("['a', 'b']", '["a","b"]'),  # lists element by element
        ("[ 10, 20 ]", "[10,20]"),
        ("\\['10']", "['10']"),  # a Markdown escape
        # escaping layers (Markdown, a double-quoted TOML/JSON string) do not change the string
        ("'[\\($hash$tag\\)]($style) '", '"[\\\\($hash$tag\\\\)]($style) "'),
        ("'[$symbol \\[$name\\]]($style) '", '"[$symbol \\\\[$name\\\\]]($style) "'),
        ("'\\d+'", '"\\\\d+"'),
        ("{ a?: 1, b: 'x' }", '{b: "x", a: 1}'),  # objects by keys; the optional marker
        ("30s", "30 seconds"),  # numbers with units
        ("5000ms", "5 s"),
        ("2 minutes", "120s"),
        ("5 秒", "5s"),
        ("10 px", "10px"),
        ("``undefined``", "undefined"),  # double backticks
    ],
)
def test_the_same_value_written_two_ways_is_the_same(a: str, b: str) -> None:
    assert _same(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("'./client'", "'./dist/client'"),
        ("true", "'false'"),
        ("4321", "3000"),
        ("[]", "['default']"),
        ('["latin"]', '["latin", "greek"]'),
        ("{ images: true, edge: true }", "{ images: true }"),  # a key missing
        ("{checkOrigin: true}", "{}"),
        ("{ type: 'shiki' }", "shiki"),  # an object is not its field
        ("astro-session", "undefined"),  # a value is not "no default"
        ("30s", "30ms"),
        ("10px", "10em"),
        ("127.0.0.1", "localhost"),
        ("'\\d+'", "'d+'"),  # an escaped letter is another character, not a layer
        ("'[$name]'", "'[$name]($style)'"),
    ],
)
def test_different_values_differ(a: str, b: str) -> None:
    assert not _same(a, b)


@pytest.mark.parametrize("text", ["127.0.0.1", "0.0.0.0", "1.2.3", "v2", "./src", "2024-01-02", "example.com:8080"])
def test_addresses_paths_versions_and_dates_are_strings_never_numbers(text: str) -> None:
    value = parse(text)
    assert value is not None and value.kind == "str"


def test_a_settings_file_default_is_the_value_itself_never_parsed() -> None:
    stated = parse("'[hash][ext][query]'")
    assert stated is not None
    assert same(stated, from_json("[hash][ext][query]"))
    assert same(parse("['latin']") or stated, from_json(["latin"]))
    assert same(parse("null") or stated, from_json(None))
    assert not same(parse("'./src'") or stated, from_json("./dist"))


def test_a_cell_states_its_code_or_one_written_value_and_prose_states_nothing() -> None:
    assert [v.text for v in stated_values('`"."` (current working directory)')] == ['"."']
    assert [v.kind for v in stated_values("'false'")] == ["str"]
    assert [v.kind for v in stated_values("4321")] == ["number"]
    assert stated_values("auto-detect") == []
    assert stated_values("自动检测") == []
    # prose in a code span: only its literals count
    assert [v.key for v in stated_values("`Defaults to false for 1.x, true for 0.x`")] == [("b", False), ("b", True)]


def test_a_sentence_with_conditions_drifts_only_by_substitution() -> None:
    english = stated_values("`'auto'` when `target` is `'web'`. `undefined` otherwise")
    assert difference(english, stated_values("`target` 为 `'web'` 时为 `'auto'`")) is None  # a clause left out
    assert difference(english, stated_values("`target` 为 `'web'` 时为 `'manual'`")) is not None
    reordered = stated_values('`astro dev`の実行時は`"development"`、`astro build`の実行時は`"production"`')
    assert (
        difference(stated_values('`"development"` when running `astro dev`, `"production"` otherwise'), reordered)
        is None
    )


def test_a_translated_default_text_is_told_apart_from_a_changed_value() -> None:
    found = difference(stated_values("`'On this page'`"), stated_values("`'이 페이지에서'`"))
    assert found is not None and found.translated
    found = difference(stated_values("`'compile'`"), stated_values("`'passthrough'`"))
    assert found is not None and not found.translated


def test_hostile_nesting_is_compared_as_written_without_recursion_error() -> None:
    deep = "[" * 5000 + "]" * 5000
    value = parse(deep)
    assert value is not None and value.kind == "list"  # its innermost levels as written
    assert not same(value, parse("[" * 4999 + "]" * 4999) or value)


def test_an_object_type_with_semicolons_and_a_template_string_are_values() -> None:
    assert _same("{ minHeadingLevel: 2; maxHeadingLevel: 3; }", "{ minHeadingLevel: 2, maxHeadingLevel: 3 }")
    value = parse("v{raw}")
    assert value is not None and value.kind == "str"
    assert not _same('"v${raw}"', "v{raw}")
