"""Which sentences state a setting's value, and which value: the rules of prose.py, one case each.

These check how a sentence is read (the value in seconds, a bool, a string), not
whether it is stale, so they hold whatever the package defaults are.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.support.docs_tree import FIXTURE_DOCS
from transdocs.statements.lexicon import lexicon
from transdocs.statements.prose import Context, statements
from transdocs.statements.values import Value


def read(value: Value) -> object:
    """The value as compared with a default: seconds for numbers with a unit."""
    if value.kind == "number":
        assert value.number is not None
        return value.number * (value.unit or 1)
    if value.kind == "bool":
        return value.flag
    return value.text


def found(lang: str, text: str, context: Context | None = None) -> list[tuple[str, object]]:
    return [(s.setting, read(s.value)) for s in statements(text, lexicon(lang), context or Context())]


STATED = [
    # rule 1: a default word between setting and value
    ("en", "`LLM_NUM_RETRIES` defaults to 8.", [("num_retries", 8)]),
    ("en", "`LLM_RETRY_MIN_WAIT` (default: 1500 ms) is the shortest wait.", [("retry_min_wait", 1.5)]),
    ("en", "Set `LLM_NUM_RETRIES` to 2 (the default is 7) for batch jobs.", [("num_retries", 7)]),
    ("en", "Parameters are dropped while `LLM_DROP_PARAMS` is on (default: `false`).", [("drop_params", False)]),
    ("en", "`LLM_MODEL` defaults to `gpt-4`.", [("model", "gpt-4")]),
    ("en", "`LLM_RETRY_MAX_WAIT` defaults to two minutes.", [("retry_max_wait", 120)]),
    ("zh", "`LLM_NUM_RETRIES`（默认 8 次）控制重试次数。", [("num_retries", 8)]),
    ("zh", "`LLM_RETRY_MAX_WAIT` 默认最多等待两分钟。", [("retry_max_wait", 120)]),
    ("zh", "`LLM_TIMEOUT` 的默认值为 ３００ 秒。", [("timeout", 300)]),
    ("zh", "`LLM_DROP_PARAMS` 默认关闭。", [("drop_params", False)]),
    ("ja", "`LLM_NUM_RETRIES` の既定値は 8 回です。", [("num_retries", 8)]),
    ("ja", "`LLM_RETRY_MAX_WAIT` は既定で 2分 です。", [("retry_max_wait", 120)]),
    ("fr", "`LLM_NUM_RETRIES` (par défaut : 8) compte les tentatives.", [("num_retries", 8)]),
    ("pt", "`LLM_DISABLE_VISION` é, por padrão, `true`.", [("disable_vision", True)]),
    ("ar", "يحدد `LLM_NUM_RETRIES` (الافتراضي: ٨) عدد المحاولات.", [("num_retries", 8)]),
    # rule 2: a plain copula
    ("en", "`LLM_NUM_RETRIES` is 8.", [("num_retries", 8)]),
    (
        "en",
        "`LLM_NUM_RETRIES` is 8 and `LLM_RETRY_MIN_WAIT`, `LLM_RETRY_MAX_WAIT` are respectively 3 and 90 seconds.",
        [("num_retries", 8), ("retry_min_wait", 3), ("retry_max_wait", 90)],
    ),
    ("en", "By default, `LLM_NUM_RETRIES=8`.", [("num_retries", 8)]),
    ("zh", "默认情况下，`retry_max_wait` 为 2 分钟。", [("retry_max_wait", 120)]),
    (
        "ja",
        "`LLM_RETRY_MIN_WAIT` と `LLM_RETRY_MAX_WAIT` の既定値はそれぞれ 3 秒と 90 秒です。",
        [("retry_min_wait", 3), ("retry_max_wait", 90)],
    ),
    ("fr", "La valeur par défaut de `LLM_TIMEOUT` est de 0,5 seconde.", [("timeout", 0.5)]),
    (
        "fr",
        "`LLM_RETRY_MIN_WAIT` et `LLM_RETRY_MAX_WAIT` valent respectivement 3 et 90 secondes.",
        [("retry_min_wait", 3), ("retry_max_wait", 90)],
    ),
    (
        "pt",
        "`LLM_RETRY_MIN_WAIT` e `LLM_RETRY_MAX_WAIT` são, respectivamente, 3 e 2 minutos.",
        [("retry_min_wait", 180), ("retry_max_wait", 120)],
    ),
    (
        "ar",
        "قيم `LLM_RETRY_MIN_WAIT` و`LLM_RETRY_MAX_WAIT` هي 3 و90 ثانية على التوالي.",
        [("retry_min_wait", 3), ("retry_max_wait", 90)],
    ),
    ("ar", "افتراضيًا، قيمة `retry_max_wait` هي دقيقتان.", [("retry_max_wait", 120)]),
    ("ar", "القيمة الافتراضية لـ `LLM_TIMEOUT` هي 3 دقائق.", [("timeout", 180)]),
    # rule 3: a default word right after the value
    ("fr", "`LLM_RETRY_MAX_WAIT` vaut 2 minutes par défaut.", [("retry_max_wait", 120)]),
    ("pt", "`LLM_CACHING_PROMPT` fica desligado por padrão.", [("caching_prompt", False)]),
    # rule 4: value, then the setting in parentheses
    ("en", "By default a call waits at most 90 seconds (`LLM_RETRY_MAX_WAIT`).", [("retry_max_wait", 90)]),
    ("zh", "默认最多等待 90 秒（`LLM_RETRY_MAX_WAIT`）。", [("retry_max_wait", 90)]),
    # rule 5: a carried subject
    ("en", "`LLM_RETRY_MAX_WAIT` caps each wait. Its default is 90 seconds.", [("retry_max_wait", 90)]),
    ("ja", "`LLM_RETRY_MAX_WAIT` は待ち時間の上限です。既定値は 90 秒です。", [("retry_max_wait", 90)]),
]

NOT_STATED = [
    ("en", "If `LLM_NUM_RETRIES` is 0, calls are not retried."),
    ("en", "With `LLM_NUM_RETRIES=2`, a call sends at most 3 requests."),
    ("en", "For batch jobs, set `LLM_NUM_RETRIES` to 2."),
    ("en", "`LLM_NUM_RETRIES` replaces litellm's default of 2 retries."),
    ("en", "`LLM_RETRY_MAX_WAIT` does not apply when a Retry-After of 120 seconds arrives by default."),
    ("en", "`LLM_NUM_RETRIES` also covers HTTP 429 and 503, for 50% of calls, with litellm 1.103.7."),
    ("en", "With the default `LLM_NUM_RETRIES`, the log says attempt 2 of 6."),
    ("en", "Calls send at most `num_retries` more: with the default settings, 6 requests."),
    ("en", "`LLM_BASE_URL` is `http://localhost:11434/v1` for Ollama."),
    ("en", "Retry n waits up to `LLM_RETRY_MULTIPLIER` * 2^(n-1) seconds."),
    ("en", "`LLM_API_KEY` defaults to `sk-123`."),  # a secret is never stated, nor repeated
    ("zh", "`LLM_NUM_RETRIES` 为 0 时不重试。"),
    ("zh", "批处理任务可以把 `LLM_NUM_RETRIES` 设为 2。"),
    ("zh", "一次调用最多再发送 `num_retries` 个：使用默认设置时，最多共发送 6 个请求。"),
    ("ja", "`LLM_NUM_RETRIES` が 0 の場合、再試行しません。"),
    ("ja", "バッチ処理では `LLM_NUM_RETRIES` を 2 に設定できます。"),
    ("fr", "Si `LLM_NUM_RETRIES` vaut 0, les appels ne sont pas relancés."),
    ("fr", "Pour les traitements par lots, réglez `LLM_NUM_RETRIES` à 2."),
    ("pt", "Se `LLM_NUM_RETRIES` for 0, não há novas tentativas."),
    ("pt", "no máximo mais `num_retries`: com as configurações padrão, são no máximo 6 requisições."),
    ("ar", "إذا كانت `LLM_NUM_RETRIES` هي 0 فلا إعادة للمحاولة."),
    ("ar", "لمهام الدفعات، اضبط `LLM_NUM_RETRIES` على 2."),
    # constraints are not values
    ("en", "`LLM_NUM_RETRIES` is 0 or more; `LLM_TIMEOUT` is greater than 0."),
    ("zh", "`LLM_NUM_RETRIES` 必须大于 0。"),
    ("ja", "`LLM_NUM_RETRIES` は 0 未満にできません。`LLM_NUM_RETRIES` は 0 にできます。"),
    ("fr", "`LLM_NUM_RETRIES` vaut au moins 0."),
    ("pt", "`LLM_NUM_RETRIES` é 0 ou mais."),
    ("ar", "`LLM_NUM_RETRIES` هي 0 أو أكثر."),
]


@pytest.mark.parametrize(("lang", "text", "expected"), STATED)
def test_a_statement_gives_each_setting_its_value(lang: str, text: str, expected: list) -> None:
    assert found(lang, text) == expected


@pytest.mark.parametrize(("lang", "text"), NOT_STATED)
def test_conditions_examples_and_other_numbers_are_not_statements(lang: str, text: str) -> None:
    assert found(lang, text) == []


def test_a_list_introduced_as_defaults_makes_colons_statements() -> None:
    item = "`LLM_NUM_RETRIES`: 8"
    assert found("en", item) == []
    assert found("en", item, Context(says_default=True)) == [("num_retries", 8)]


def test_a_table_cell_speaks_about_its_row_setting() -> None:
    cell = "Time limit for one request, in seconds (default: 300)."
    assert found("en", cell) == []
    assert found("en", cell, Context(subject="timeout", subject_anywhere=True)) == [("timeout", 300)]


def test_the_checker_never_imports_litellm() -> None:
    code = (
        f"import sys; from llm_backends.cli import main; code = main(['check-docs', {str(FIXTURE_DOCS)!r}]); "
        "print(code, 'litellm' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert done.stdout.split() == ["0", "False"], done.stdout + done.stderr
