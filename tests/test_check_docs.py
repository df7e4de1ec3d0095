"""check-docs finds stale defaults written by hand, in every docs language, and nothing else.

Each language's fixture pages (tests/fixtures/check_docs, written natively) get stale
values in the forms a translator would type them; the findings must be exactly those
values, on those lines. Expected values come from the package, never from literals.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from llm_backends.settings import format_value, setting_infos
from tests.support.docs_tree import FIXTURE_DOCS, append_paragraph, copy_docs, insert_after, line_of
from tests.support.site import scalar_texts
from transdocs import check_paths
from transdocs.languages import LANGUAGES
from transdocs.placeholders import PLACEHOLDER, placeholder_name
from transdocs.report.findings import ENCODING, OUTDATED, STALE

INFO = {info.name: info for info in setting_infos()}
DEFAULT = {name: info.default for name, info in INFO.items()}
REPO_DOCS = Path(__file__).resolve().parent.parent / "docs"

ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
FULL_WIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


def text(value: float) -> str:
    """A number as a page writes it: 63.0 -> '63'."""
    return format_value(float(value))


@dataclass(frozen=True)
class Stale:
    """Values a stale page states; each differs from the package default."""

    max_wait: str = text(DEFAULT["retry_max_wait"] + 30)
    retries: str = text(DEFAULT["num_retries"] + 3)
    min_wait_ok: str = text(DEFAULT["retry_min_wait"])
    max_wait_2: str = text(DEFAULT["retry_max_wait"] + 15)
    timeout_toml: str = text(DEFAULT["timeout"] + 30)
    timeout_row: str = text(DEFAULT["timeout"] + 60)
    minutes: int = int(DEFAULT["retry_max_wait"] // 60) + 1
    half: float = DEFAULT["retry_min_wait"] + 0.5
    timeout_ok: str = text(DEFAULT["timeout"])


V = Stale()
MINUTES_IN_SECONDS = text(V.minutes * 60)


@dataclass(frozen=True)
class Form:
    """One way of writing a stale value, and the (env var, stated value) findings it gives."""

    where: str  # "prose": a new paragraph; "toml": a line in the defaults block; "table": a row
    line: str
    expected: tuple[tuple[str, str], ...]


def forms(lang: str) -> list[Form]:
    """Stale values as a translator of ``lang`` would write them."""
    toml = Form("toml", f"timeout = {V.timeout_toml}", (("LLM_TIMEOUT", V.timeout_toml),))
    max_wait = (("LLM_RETRY_MAX_WAIT", V.max_wait),)
    retries = (("LLM_NUM_RETRIES", V.retries),)
    second = (("LLM_RETRY_MAX_WAIT", V.max_wait_2),)
    row = (("LLM_TIMEOUT", V.timeout_row),)
    minutes = (("LLM_RETRY_MAX_WAIT", MINUTES_IN_SECONDS),)
    half = (("LLM_RETRY_MIN_WAIT", text(V.half)),)
    comma_half = text(V.half).replace(".", ",")
    return {
        "en": [
            Form(
                "prose",
                f"The default `LLM_RETRY_MAX_WAIT` is {V.max_wait} seconds, and HTTP 429 responses are retried.",
                max_wait,
            ),
            Form(
                "prose",
                f"`LLM_NUM_RETRIES` (default: {V.retries}) counts the retries after the first attempt.",
                retries,
            ),
            Form(
                "prose",
                f"`LLM_RETRY_MIN_WAIT` and `LLM_RETRY_MAX_WAIT` default to {V.min_wait_ok} and "
                f"{V.max_wait_2} seconds respectively.",
                second,
            ),
            toml,
            Form("table", f"| `LLM_TIMEOUT` | {V.timeout_row} | Time limit for one request, in seconds. |", row),
            Form("prose", f"By default, `retry_max_wait` is {V.minutes} minutes.", minutes),
        ],
        "zh": [
            Form("prose", f"`LLM_RETRY_MAX_WAIT` 的默认值为 {V.max_wait} 秒，遇到 HTTP 429 时也会重试。", max_wait),
            Form("prose", f"`LLM_NUM_RETRIES`（默认 {V.retries} 次）表示首次尝试之后的重试次数。", retries),
            Form(
                "prose",
                f"`LLM_RETRY_MIN_WAIT` 和 `LLM_RETRY_MAX_WAIT` 的默认值分别为 {V.min_wait_ok} 秒和 "
                f"{V.max_wait_2.translate(FULL_WIDTH_DIGITS)} 秒。",
                second,
            ),
            toml,
            Form("table", f"| `LLM_TIMEOUT` | {V.timeout_row} | 单个请求的时间上限，单位为秒。 |", row),
            Form("prose", f"默认情况下，`retry_max_wait` 为 {V.minutes} 分钟。", minutes),
        ],
        "ja": [
            Form(
                "prose",
                f"`LLM_RETRY_MAX_WAIT` の既定値は {V.max_wait} 秒です。HTTP 429 の場合も再試行されます。",
                max_wait,
            ),
            Form("prose", f"`LLM_NUM_RETRIES`（既定値: {V.retries}）は、最初の試行の後の再試行回数です。", retries),
            Form(
                "prose",
                f"`LLM_RETRY_MIN_WAIT` と `LLM_RETRY_MAX_WAIT` の既定値は、それぞれ {V.min_wait_ok} 秒と "
                f"{V.max_wait_2.translate(FULL_WIDTH_DIGITS)} 秒です。",
                second,
            ),
            toml,
            Form("table", f"| `LLM_TIMEOUT` | {V.timeout_row} | 1 回のリクエストの制限時間（秒）。 |", row),
            Form("prose", f"既定では、`retry_max_wait` は {V.minutes}分です。", minutes),
        ],
        "fr": [
            Form(
                "prose",
                f"La valeur par défaut de `LLM_RETRY_MAX_WAIT` est de {V.max_wait} secondes, et les "
                "réponses HTTP 429 sont relancées.",
                max_wait,
            ),
            Form(
                "prose",
                f"`LLM_NUM_RETRIES` (par défaut\u202f: {V.retries}) compte les nouvelles tentatives après la première.",
                retries,
            ),
            Form(
                "prose",
                f"`LLM_RETRY_MIN_WAIT` et `LLM_RETRY_MAX_WAIT` valent respectivement {V.min_wait_ok} "
                f"et {V.max_wait_2} secondes par défaut.",
                second,
            ),
            toml,
            Form("table", f"| `LLM_TIMEOUT` | {V.timeout_row} | Durée maximale d’une requête, en secondes. |", row),
            Form("prose", f"Par défaut, `retry_max_wait` vaut {V.minutes} minutes.", minutes),
            Form("prose", f"`LLM_RETRY_MIN_WAIT` vaut {comma_half} seconde par défaut.", half),
        ],
        "pt": [
            Form(
                "prose",
                f"O valor padrão de `LLM_RETRY_MAX_WAIT` é de {V.max_wait} segundos, e as respostas "
                "HTTP 429 são repetidas.",
                max_wait,
            ),
            Form(
                "prose",
                f"`LLM_NUM_RETRIES` (padrão: {V.retries}) conta as novas tentativas depois da primeira.",
                retries,
            ),
            Form(
                "prose",
                f"Por padrão, `LLM_RETRY_MIN_WAIT` e `LLM_RETRY_MAX_WAIT` são, respectivamente, "
                f"{V.min_wait_ok} e {V.max_wait_2} segundos.",
                second,
            ),
            toml,
            Form("table", f"| `LLM_TIMEOUT` | {V.timeout_row} | Tempo máximo de uma requisição, em segundos. |", row),
            Form("prose", f"Por padrão, `retry_max_wait` é de {V.minutes} minutos.", minutes),
            Form("prose", f"`LLM_RETRY_MIN_WAIT` é de {comma_half} segundo por padrão.", half),
        ],
        "ar": [
            Form(
                "prose",
                f"القيمة الافتراضية لـ `LLM_RETRY_MAX_WAIT` هي {V.max_wait.translate(ARABIC_DIGITS)} "
                "ثانية، وتُعاد محاولة استجابات HTTP 429 أيضًا.",
                max_wait,
            ),
            Form(
                "prose", f"يحدد `LLM_NUM_RETRIES` (الافتراضي: {V.retries}) عدد المحاولات بعد المحاولة الأولى.", retries
            ),
            Form(
                "prose",
                f"القيمتان الافتراضيتان لـ `LLM_RETRY_MIN_WAIT` و`LLM_RETRY_MAX_WAIT` هما "
                f"{V.min_wait_ok} و{V.max_wait_2} ثانية على التوالي.",
                second,
            ),
            toml,
            Form("table", f"| `LLM_TIMEOUT` | {V.timeout_row} | المهلة القصوى لطلب واحد، بالثواني. |", row),
            Form(
                "prose",
                "افتراضيًا، قيمة `retry_max_wait` هي " + ("دقيقتان." if V.minutes == 2 else f"{V.minutes} دقائق."),
                minutes,
            ),
        ],
    }[lang]


# Sentences with numbers that are not stale defaults: the right default written out, a
# tuning example, HTTP status codes, a version and a percentage.
NOT_FINDINGS = {
    "en": f"`LLM_TIMEOUT` defaults to {V.timeout_ok} seconds. For batch jobs, set `LLM_NUM_RETRIES` to 2. "
    "`LLM_NUM_RETRIES` also covers HTTP 429 and 503 responses. Tested with litellm 1.103.7; about 3% "
    "of calls are retried.",
    "zh": f"`LLM_TIMEOUT` 默认为 {V.timeout_ok} 秒。批处理任务可以把 `LLM_NUM_RETRIES` 设为 2。"
    "`LLM_NUM_RETRIES` 同样适用于 HTTP 429 和 503 响应。已在 litellm 1.103.7 上测试，约 3% 的调用会被重试。",
    "ja": f"`LLM_TIMEOUT` の既定値は {V.timeout_ok} 秒です。バッチ処理では `LLM_NUM_RETRIES` を 2 に設定できます。"
    "`LLM_NUM_RETRIES` は HTTP 429 と 503 の応答にも適用されます。litellm 1.103.7 で確認済みで、"
    "再試行される呼び出しは約 3% です。",
    "fr": f"`LLM_TIMEOUT` vaut {V.timeout_ok} secondes par défaut. Pour les traitements par lots, réglez "
    "`LLM_NUM_RETRIES` à 2. `LLM_NUM_RETRIES` s’applique aussi aux réponses HTTP 429 et 503. Testé avec "
    "litellm 1.103.7\u202f; environ 3\u202f% des appels sont relancés.",
    "pt": f"`LLM_TIMEOUT` é de {V.timeout_ok} segundos por padrão. Para tarefas em lote, defina "
    "`LLM_NUM_RETRIES` como 2. `LLM_NUM_RETRIES` também vale para respostas HTTP 429 e 503. Testado com "
    "litellm 1.103.7; cerca de 3% das chamadas são repetidas.",
    "ar": f"القيمة الافتراضية لـ `LLM_TIMEOUT` هي {V.timeout_ok} ثانية. لمهام الدفعات، اضبط `LLM_NUM_RETRIES` "
    "على 2. ينطبق `LLM_NUM_RETRIES` أيضًا على استجابات HTTP 429 و503. تم الاختبار مع litellm 1.103.7، "
    "ويُعاد نحو 3% من الاستدعاءات.",
}


def stale(findings: list) -> set[tuple[int, str, str]]:
    return {(f.line, f.setting, f.stated) for f in findings}


def test_fixture_docs_check_clean_even_strict() -> None:
    assert check_paths([str(FIXTURE_DOCS)]) == []


def test_our_own_docs_have_no_failing_findings() -> None:
    if not REPO_DOCS.is_dir():
        pytest.skip("docs/ does not exist yet")
    failing = [f.as_text() for f in check_paths([str(REPO_DOCS)]) if f.kind != OUTDATED]
    assert failing == []


def test_our_own_docs_read_with_the_package_values_have_no_stale_defaults(tmp_path: Path) -> None:
    """What readers see: every scalar placeholder replaced by its value, as the site build does."""
    if not REPO_DOCS.is_dir():
        pytest.skip("docs/ does not exist yet")
    docs = tmp_path / "docs"
    shutil.copytree(REPO_DOCS, docs)
    for page in docs.rglob("*.md"):
        values = scalar_texts(page.parent.name if page.parent.name in LANGUAGES else "en")
        text = page.read_text(encoding="utf-8")
        page.write_text(
            PLACEHOLDER.sub(lambda m, v=values: v.get(placeholder_name(m), m.group(0)), text), encoding="utf-8"
        )

    found = [f.as_text() for f in check_paths([str(docs)]) if f.kind in (STALE, ENCODING)]

    assert found == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_stale_values_in_every_form_are_found_on_their_lines(tmp_path: Path, lang: str) -> None:
    docs = copy_docs(tmp_path, [lang])
    page = docs / lang / "configuration.md"
    for form in forms(lang):
        if form.where == "toml":
            insert_after(page, "[llm]", form.line)
        elif form.where == "table":
            insert_after(page, "| --- |", form.line)
        else:
            append_paragraph(page, form.line)
    expected = {
        (line_of(page, form.line), setting, stated) for form in forms(lang) for setting, stated in form.expected
    }

    findings = check_paths([str(docs)])

    assert all(f.kind == STALE and f.lang == lang for f in findings), [f.as_text() for f in findings]
    assert stale(findings) == expected
    for finding in findings:
        assert finding.expected == format_value(INFO[finding.setting.removeprefix("LLM_").lower()].default)
        assert finding.path == str(page)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_numbers_that_are_not_stale_defaults_are_not_findings(tmp_path: Path, lang: str) -> None:
    docs = copy_docs(tmp_path, [lang])
    append_paragraph(docs / lang / "configuration.md", NOT_FINDINGS[lang])
    append_paragraph(docs / lang / "retries.md", NOT_FINDINGS[lang])

    assert check_paths([str(docs)]) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_tuning_example_block_is_not_a_finding_but_a_defaults_block_is(tmp_path: Path, lang: str) -> None:
    docs = copy_docs(tmp_path, [lang])
    page = docs / lang / "configuration.md"
    stale_min_wait = text(DEFAULT["retry_min_wait"] + 2)
    insert_after(page, "export LLM_RETRY_MAX_WAIT", f"export LLM_TIMEOUT={V.timeout_row}")
    assert check_paths([str(docs)]) == []

    line = insert_after(page, "retry_max_wait = ", f"retry_min_wait = {stale_min_wait}")
    assert stale(check_paths([str(docs)])) == {(line, "LLM_RETRY_MIN_WAIT", stale_min_wait)}


def test_arabic_diacritics_and_tatweel_do_not_hide_a_stale_value(tmp_path: Path) -> None:
    docs = copy_docs(tmp_path, ["ar"])
    page = docs / "ar" / "retries.md"
    stated = text(DEFAULT["retry_max_wait"] + 30)
    # Marks inside the words the rules need: the copula هِيَ and the unit ثَانِيَةً.
    paragraph = (
        f"تنتظرُ المحاولةُ طويلًا.\nالقيمةُ الافتراضيّةُ لـــ `LLM_RETRY_MAX_WAIT` هِيَ "
        f"{stated.translate(ARABIC_DIGITS)} ثَانِيَةً."
    )
    append_paragraph(page, paragraph)

    findings = check_paths([str(docs)])

    assert stale(findings) == {(line_of(page, "الافتراضيّةُ"), "LLM_RETRY_MAX_WAIT", stated)}
