"""``llm-backends check-docs`` as translators, CI and pre-commit run it: output, exit codes, HTML input."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from llm_backends.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, main
from llm_backends.settings import format_value, setting_infos
from tests.support.docs_tree import append_paragraph, copy_docs, read, write
from transdocs import check_paths
from transdocs.report.findings import LENIENT_KINDS, STALE

REPO = Path(__file__).resolve().parent.parent
DEFAULT = {info.name: info.default for info in setting_infos()}
MAX_WAIT = format_value(DEFAULT["retry_max_wait"])
STALE_MAX_WAIT = format_value(DEFAULT["retry_max_wait"] + 30)


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """``llm-backends check-docs ...`` with this repository's configuration (settings imported)."""
    if args[:1] == ["check-docs"]:
        args = ["check-docs", "--allow-import", *args[1:]]
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_done_when_a_stale_sentence_and_a_mangled_page_are_found_and_undoing_is_clean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = copy_docs(tmp_path)
    chinese, arabic = docs / "zh" / "retries.md", docs / "ar" / "retries.md"
    chinese_text, arabic_text = read(chinese), read(arabic)

    line = append_paragraph(chinese, f"`LLM_RETRY_MAX_WAIT` 的默认值为 {STALE_MAX_WAIT} 秒。")
    code, out, _ = run(["check-docs", str(docs)], capsys)
    assert code == EXIT_FINDINGS
    assert out == (
        f"{chinese}:{line}: [zh] stale-default LLM_RETRY_MAX_WAIT states {STALE_MAX_WAIT}, "
        f"the default in the code is {MAX_WAIT}\n"
    )

    write(arabic, arabic_text.encode("utf-8").decode("cp1252", errors="replace"))
    code, out, _ = run(["check-docs", str(docs)], capsys)
    assert code == EXIT_FINDINGS
    first_arabic_line = next(n for n, text in enumerate(arabic_text.split("\n"), 1) if not text.isascii())
    assert out.splitlines()[0].startswith(f"{arabic}:{first_arabic_line}: [ar] encoding ")
    assert out.splitlines()[1].startswith(f"{chinese}:{line}: [zh] stale-default ")
    assert len(out.splitlines()) == 2

    write(chinese, chinese_text)
    write(arabic, arabic_text)
    assert run(["check-docs", str(docs)], capsys) == (EXIT_OK, "", "")


def test_json_output_has_exactly_the_documented_keys(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = copy_docs(tmp_path, ["fr"])
    page = docs / "fr" / "retries.md"
    line = append_paragraph(page, f"`LLM_RETRY_MAX_WAIT` vaut {STALE_MAX_WAIT} secondes par défaut.")
    (docs / "fr" / "configuration.md").write_bytes("# Réglages\n\nDélai d’attente.\n".encode("cp1252"))

    code, out, _ = run(["check-docs", "--format", "json", str(docs)], capsys)

    assert code == EXIT_FINDINGS
    findings = json.loads(out)
    assert findings[-1] == {
        "path": str(page),
        "line": line,
        "lang": "fr",
        "kind": "stale-default",
        "setting": "LLM_RETRY_MAX_WAIT",
        "stated": STALE_MAX_WAIT,
        "expected": MAX_WAIT,
        "message": f"LLM_RETRY_MAX_WAIT states {STALE_MAX_WAIT}, the default in the code is {MAX_WAIT}",
    }
    encoding = findings[0]
    assert set(encoding) == {"path", "line", "lang", "kind", "setting", "stated", "expected", "message"}
    assert (encoding["kind"], encoding["line"], encoding["setting"]) == ("encoding", 1, None)


def test_clean_docs_exit_0_with_no_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = copy_docs(tmp_path)

    assert run(["check-docs", str(docs)], capsys) == (EXIT_OK, "", "")
    code, out, _ = run(["check-docs", "--format", "json", str(docs)], capsys)
    assert (code, json.loads(out)) == (EXIT_OK, [])


def test_a_path_that_does_not_exist_is_a_usage_error_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-docs"
    done = subprocess.run(
        [sys.executable, "-m", "llm_backends.cli", "check-docs", "--allow-import", str(missing)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert done.returncode == EXIT_USAGE
    assert str(missing) in done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout == ""


@pytest.mark.parametrize(
    "args", [["--format", "yaml", "docs"], ["--lang", "German", "docs"], ["--layout", "sphinx", "docs"]]
)
def test_bad_arguments_are_usage_errors(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["check-docs", *args])
    assert exit_.value.code == EXIT_USAGE
    assert "usage:" in capsys.readouterr().err


def test_no_path_given_or_configured_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check-docs"]) == EXIT_USAGE
    assert "no PATH given" in capsys.readouterr().err


def test_a_file_of_another_type_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "notes.txt"
    write(notes, "LLM_NUM_RETRIES defaults to 2.\n")

    code, out, err = run(["check-docs", str(notes)], capsys)

    assert (code, out) == (EXIT_USAGE, "")
    assert str(notes) in err


def test_a_loose_file_takes_its_language_from_lang(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "notes.md"
    write(notes, "# メモ\n")
    line = append_paragraph(notes, f"`LLM_RETRY_MAX_WAIT` の既定値は {STALE_MAX_WAIT} 秒です。")

    code, out, _ = run(["check-docs", "--lang", "ja", str(notes)], capsys)

    assert code == EXIT_FINDINGS
    assert out.startswith(f"{notes}:{line}: [ja] stale-default LLM_RETRY_MAX_WAIT states {STALE_MAX_WAIT},")


PAGE_HTML = """<!doctype html>
<html lang="{lang}" class="no-js">
<head><meta charset="utf-8"><title>Page</title></head>
<body>
<nav class="md-nav"><p>`LLM_NUM_RETRIES` defaults to 99.</p></nav>
<article class="md-content__inner md-typeset">
<h1 id="x">Título</h1>
<p>{sentence}</p>
<table>
<thead><tr><th>Configuração</th><th>Padrão</th></tr></thead>
<tbody>
<tr><td><code>LLM_TIMEOUT</code></td><td><code>{timeout}</code></td></tr>
<tr><td><code>LLM_NUM_RETRIES</code></td><td><code>{retries}</code></td></tr>
</tbody>
</table>
</article>
</body>
</html>
"""


def test_built_html_is_read_from_its_article_in_the_language_of_html_lang(tmp_path: Path) -> None:
    stale_retries = format_value(DEFAULT["num_retries"] + 2)
    page = tmp_path / "site" / "retries" / "index.html"
    page.parent.mkdir(parents=True)
    sentence = f"<code>LLM_RETRY_MAX_WAIT</code> é de {STALE_MAX_WAIT} segundos\npor padrão."
    html = PAGE_HTML.format(
        lang="pt", sentence=sentence, timeout=format_value(DEFAULT["timeout"]), retries=stale_retries
    )
    write(page, html)

    findings = check_paths([str(tmp_path / "site")])

    lines = html.split("\n")
    assert [(f.line, f.lang, f.setting, f.stated) for f in findings] == [
        (next(n for n, text in enumerate(lines, 1) if "é de" in text), "pt", "LLM_RETRY_MAX_WAIT", STALE_MAX_WAIT),
        (
            next(n for n, text in enumerate(lines, 1) if stale_retries in text and "<tr>" in text),
            "pt",
            "LLM_NUM_RETRIES",
            stale_retries,
        ),
    ]


def test_built_html_without_lang_takes_it_from_the_path(tmp_path: Path) -> None:
    page = tmp_path / "site" / "fr" / "retries" / "index.html"
    page.parent.mkdir(parents=True)
    sentence = f"<code>LLM_RETRY_MAX_WAIT</code> vaut {STALE_MAX_WAIT} secondes par défaut."
    write(
        page,
        PAGE_HTML.replace(' lang="{lang}"', "").format(
            sentence=sentence, timeout=format_value(DEFAULT["timeout"]), retries=format_value(DEFAULT["num_retries"])
        ),
    )

    assert [(f.lang, f.kind) for f in check_paths([str(tmp_path / "site")])] == [("fr", STALE)]


@pytest.fixture(scope="module")
def site_root(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site: the shared ``built_site`` build when there is one, else our own build."""
    try:
        return Path(request.getfixturevalue("built_site").root)
    except pytest.FixtureLookupError:
        pass
    if not (REPO / "mkdocs.yml").is_file():
        pytest.skip("mkdocs.yml does not exist yet: there is no site to build")
    site = tmp_path_factory.mktemp("site")
    mkdocs = Path(sys.executable).with_name("mkdocs")
    done = subprocess.run(
        [str(mkdocs), "build", "-q", "-f", str(REPO / "mkdocs.yml"), "-d", str(site)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return site


def test_the_built_site_checks_clean(site_root: Path) -> None:
    failing = [f.as_text() for f in check_paths([str(site_root)]) if f.kind not in LENIENT_KINDS]

    assert failing == []


def test_a_stale_sentence_in_a_built_page_is_found_in_its_language(site_root: Path, tmp_path: Path) -> None:
    built = site_root / "zh" / "retries" / "index.html"
    page = tmp_path / "site" / "zh" / "retries" / "index.html"
    page.parent.mkdir(parents=True)
    shutil.copy(built, page)
    html = read(page)
    start = html.index(">", html.index("<article")) + 1
    html = html[:start] + f"\n<p><code>LLM_RETRY_MAX_WAIT</code> 的默认值为 {STALE_MAX_WAIT} 秒。</p>" + html[start:]
    write(page, html)

    findings = check_paths([str(tmp_path / "site")])

    assert [(f.line, f.lang, f.setting, f.stated) for f in findings] == [
        (html[:start].count("\n") + 2, "zh", "LLM_RETRY_MAX_WAIT", STALE_MAX_WAIT)
    ]


@pytest.mark.parametrize(
    ("command", "path"),
    [("validate-config", ".pre-commit-config.yaml"), ("validate-manifest", ".pre-commit-hooks.yaml")],
)
def test_the_pre_commit_files_are_valid(command: str, path: str) -> None:
    pre_commit = Path(sys.executable).with_name("pre-commit")
    done = subprocess.run(
        [str(pre_commit), command, str(REPO / path)], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "check-docs" in (REPO / path).read_text(encoding="utf-8")
