"""Every file in ``snippets/`` works as the docs say, against the local OpenAI-compatible server.

The pages include these files, so what readers copy is what runs here (as in FastAPI's
``tests/test_tutorial/``). Python snippets run as scripts with ``LLM_*`` pointing at the test
server; shell snippets are sourced and checked with ``llm-backends config --json``; console
transcripts are replayed; the example log line is reproduced. A file without expectations here
fails, so a new snippet cannot go untested.
"""

from __future__ import annotations

import ast
import json
import logging
import os
import re
import runpy
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import llm_backends
from llm_backends.retry import is_testing
from llm_backends.settings import defaults, setting_infos
from tests.support.openai_server import OpenAIServer, Reply, rate_limited
from tests.support.snippet_files import (
    doc_pages,
    expand_includes,
    includes,
    section_names,
    section_text,
    snippet_files,
)

BIN_DIR = Path(sys.executable).parent
TEST_MODEL = "openai/test-model"
HELLO = Reply().text  # what the server answers when nothing is scripted
JSON_REPLY = '{"city": "Paris", "country": "France"}'


# --- Python snippets ----------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """What one Python snippet must do when run as a script against the test server."""

    requests: int  # requests the server must receive, retries included
    replies: tuple[Reply, ...] = ()  # scripted answers, in order; then 200 OK
    env: dict[str, str] = field(default_factory=dict)  # on top of LLM_BASE_URL/MODEL/API_KEY
    files: dict[str, str] = field(default_factory=dict)  # written to the working directory first
    output: tuple[str, ...] = ()  # text that must appear on stdout
    logged: tuple[str, ...] = ()  # text that must appear in the llm_backends log
    check: Callable[[OpenAIServer], None] | None = None  # more assertions on what the server saw


def _user_texts(server: OpenAIServer) -> list[str]:
    return [request.body["messages"][-1]["content"] for request in server.requests]


def _check_async(server: OpenAIServer) -> None:
    assert len(set(_user_texts(server))) == 3, "each question is its own request"


def _check_json_reask(server: OpenAIServer) -> None:
    first, second = (request.body["messages"] for request in server.requests)
    assert second[: len(first)] == first
    assert second[len(first)]["role"] == "assistant"
    assert "not valid JSON" in second[-1]["content"]


def _check_embeddings(server: OpenAIServer) -> None:
    (request,) = server.requests
    assert request.path.endswith("/embeddings")
    # The provider sees the model name without litellm's provider prefix.
    assert request.body["model"] == defaults()["embedding_model"].removeprefix("openai/")
    assert len(request.body["input"]) == 2


def _check_json_mode(server: OpenAIServer) -> None:
    assert server.requests[0].body["response_format"] == {"type": "json_object"}


def _check_azure(server: OpenAIServer) -> None:
    chat, embeddings = server.requests
    assert "/openai/deployments/test-chat-deployment/chat/completions" in chat.path
    assert "api-version=2024-10-21" in chat.path
    assert "/openai/deployments/test-embedding-deployment/embeddings" in embeddings.path
    assert "api-version=2024-10-21" in embeddings.path


def _check_openrouter(server: OpenAIServer) -> None:
    (request,) = server.requests
    assert request.body["model"] == "meta-llama/llama-3.3-70b-instruct"
    assert request.headers.get("X-Title") == "My app"


def _check_proxy(server: OpenAIServer) -> None:
    (request,) = server.requests
    assert request.body["model"] == "my-model"
    assert request.body["user"] == "reporting-job"


def _check_local(server: OpenAIServer) -> None:
    assert server.requests[0].body["model"] == "Qwen/Qwen2.5-14B-Instruct"


RUNS: dict[str, Run] = {
    "quickstart.py": Run(requests=1, output=(HELLO,)),
    "configure.py": Run(
        requests=1,
        files={"settings/llm.toml": "[llm]\nnum_retries = 3\n"},
        output=(TEST_MODEL, "model: env", "timeout: default"),
    ),
    # per_call, no_retries, then final_error: two 429s use up num_retries=1.
    "retries.py": Run(
        requests=4,
        replies=(Reply(), Reply(), rate_limited(), rate_limited()),
        output=(HELLO, "Still rate limited after 2 requests"),
    ),
    "testing.py": Run(requests=2, replies=(rate_limited(),), output=("ok",)),
    "retry_logging.py": Run(
        requests=2,
        replies=(rate_limited(),),
        logged=(f"{TEST_MODEL}: attempt 1 of", "failed with 429 RateLimitError; retrying in"),
    ),
    "async_calls.py": Run(requests=3, output=(HELLO,), check=_check_async),
    "async_bounded.py": Run(requests=20, output=("20 answers",)),
    "embeddings.py": Run(requests=1, output=("2 vectors",), check=_check_embeddings),
    "json_output.py": Run(
        requests=2,
        replies=(Reply(text="Sure! {city: Paris"), Reply(text=JSON_REPLY)),
        output=("Paris France",),
        check=_check_json_reask,
    ),
    "provider_openai.py": Run(requests=1, replies=(Reply(text=JSON_REPLY),), output=("Paris",), check=_check_json_mode),
    "provider_azure.py": Run(
        requests=2,
        env={
            "LLM_MODEL": "azure/test-chat-deployment",
            "LLM_API_VERSION": "2024-10-21",
            "LLM_EMBEDDING_DEPLOYMENT_NAME": "test-embedding-deployment",
        },
        output=(HELLO, "2 embeddings"),
        check=_check_azure,
    ),
    # Gemini and Groq do not speak the OpenAI wire format the test server answers in.
    "provider_gemini.py": Run(requests=1, output=(HELLO,)),
    "provider_groq.py": Run(requests=1, output=(HELLO, "tokens")),
    "provider_openrouter.py": Run(
        requests=1,
        env={"LLM_MODEL": "openrouter/meta-llama/llama-3.3-70b-instruct"},
        output=(HELLO,),
        check=_check_openrouter,
    ),
    "provider_litellm_proxy.py": Run(
        requests=1, env={"LLM_MODEL": "litellm_proxy/my-model"}, output=(HELLO,), check=_check_proxy
    ),
    "provider_local.py": Run(
        requests=1,
        env={"LLM_MODEL": "hosted_vllm/Qwen/Qwen2.5-14B-Instruct"},
        output=("Calling hosted_vllm/Qwen/Qwen2.5-14B-Instruct at http://127.0.0.1:", HELLO),
        check=_check_local,
    ),
}


@contextmanager
def _isolated_process_state() -> Iterator[None]:
    """Undo what a script may change in this process: the testing switch and logging levels."""
    was_testing = is_testing()
    root = logging.getLogger()
    ours = logging.getLogger("llm_backends")
    saved = (list(root.handlers), root.level, ours.level)
    try:
        yield
    finally:
        llm_backends.set_testing(was_testing)
        root.handlers[:], root.level, ours.level = saved[0], saved[1], saved[2]


def _run_python(
    path: Path,
    run: Run,
    server: OpenAIServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    environment = {"LLM_BASE_URL": server.url, "LLM_MODEL": TEST_MODEL, "LLM_API_KEY": "sk-test", **run.env}
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    for relative, text in run.files.items():
        Path(relative).parent.mkdir(parents=True, exist_ok=True)
        Path(relative).write_text(text, encoding="utf-8")
    server.queue(*run.replies)

    caplog.set_level(logging.WARNING, logger="llm_backends")
    with _isolated_process_state():
        llm_backends.set_testing(True)  # retries happen, waits are not slept
        runpy.run_path(str(path), run_name="__main__")
    output = capsys.readouterr().out

    assert server.count == run.requests, f"server saw {server.count} requests: {server.statuses}"
    for text in run.output:
        assert text in output
    for text in run.logged:
        assert text in caplog.text
    if run.check:
        run.check(server)


# --- shell snippets: export lines -----------------------------------------------------

EXPORT = re.compile(r"^export (\w+)=", re.MULTILINE)


def _check_exports(path: Path) -> None:
    """Each section's exports name real settings, with example values that are not the defaults."""
    infos = {info.env: info for info in setting_infos()}
    sections = section_names(path)
    assert sections, f"{path.name} has no --8<-- sections"
    for section in sections:
        script = section_text(path, section)
        exported = EXPORT.findall(script)
        assert exported, f"{path.name}:{section} exports nothing"
        unknown = sorted(set(exported) - infos.keys())
        assert not unknown, f"{path.name}:{section} exports {unknown}, which are not settings"
        result = subprocess.run(
            ["bash", "-c", f"set -e\n{script}\nexec llm-backends config --json"],
            env={**os.environ, "PATH": f"{BIN_DIR}{os.pathsep}{os.environ['PATH']}"},
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, f"{path.name}:{section}: {result.stderr}"
        shown = json.loads(result.stdout)
        for env in exported:
            assert shown[env]["source"] == "env", f"{path.name}:{section}: {env} was not read"
            assert shown[env]["value"] != shown[env]["default"], (
                f"{path.name}:{section}: {env} shows the default; examples must not state defaults"
            )


# --- console transcripts ----------------------------------------------------------------

_MARK = "@@snippet-command-done@@"


def _replay_transcript(path: Path) -> None:
    """Run the ``$ `` commands of each section in one bash session; the output must match."""
    for section in section_names(path):
        steps: list[tuple[str, list[str]]] = []
        for line in section_text(path, section).splitlines():
            if line.startswith("$ "):
                steps.append((line[2:], []))
            else:
                steps[-1][1].append(line)
        for command, expected in steps:  # `$ cat FILE` shows a file the transcript needs
            if command.startswith("cat "):
                Path(command[4:]).write_text("\n".join(expected) + "\n", encoding="utf-8")
        script = "".join(f"{command}\n__status=$?\necho {_MARK}\n(exit $__status)\n" for command, _ in steps)
        result = subprocess.run(
            ["bash", "-c", script],
            env={**os.environ, "PATH": f"{BIN_DIR}{os.pathsep}{os.environ['PATH']}"},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            check=False,
        )
        outputs = result.stdout.split(f"{_MARK}\n")[: len(steps)]
        for (command, expected), actual in zip(steps, outputs, strict=True):
            assert actual.splitlines() == expected, f"{path.name}:{section}: output of `{command}`"


# --- the example retry log line -----------------------------------------------------------

LOG_LINE = re.compile(
    r"^(?P<model>\S+): attempt 1 of (?P<attempts>\d+) failed with 429 RateLimitError; "
    r"retrying in [\d.]+ s \(Retry-After: (?P<after>\d+) s\)$"
)


def _reproduce_log_line(path: Path, server: OpenAIServer, caplog: pytest.LogCaptureFixture) -> None:
    """The line in the docs is the line the logger writes for the call it describes."""
    (line,) = section_text(path, "line").splitlines()
    described = LOG_LINE.match(line)
    assert described, f"{path.name}: not a retry line for a 429 with Retry-After: {line!r}"
    server.queue(rate_limited(described["after"]))
    caplog.set_level(logging.WARNING, logger="llm_backends")
    with _isolated_process_state():
        llm_backends.set_testing(True)
        llm_backends.completion(
            [{"role": "user", "content": "Hello"}],
            model=described["model"],
            num_retries=int(described["attempts"]) - 1,
            base_url=server.url,
            api_key="sk-test",
        )
    assert [r.getMessage() for r in caplog.records if r.name == "llm_backends"] == [line]


# --- one test per file ---------------------------------------------------------------------

TEXT_CHECKS = {"retry_log.txt"}


@pytest.mark.parametrize("path", snippet_files(), ids=lambda path: path.name)
def test_snippet(
    path: Path,
    openai_server: OpenAIServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    if path.suffix == ".py" and path.name in RUNS:
        _run_python(path, RUNS[path.name], openai_server, monkeypatch, capsys, caplog)
    elif path.suffix == ".sh":
        _check_exports(path)
    elif path.suffix == ".console":
        _replay_transcript(path)
    elif path.name in TEXT_CHECKS:
        _reproduce_log_line(path, openai_server, caplog)
    else:
        pytest.fail(f"snippets/{path.name} has no expectations in tests/test_snippets.py", pytrace=False)


def test_expectations_name_existing_snippets() -> None:
    """An entry for a snippet that was renamed or deleted is a test that no longer runs."""
    present = {path.name for path in snippet_files()}
    assert set(RUNS) | TEXT_CHECKS <= present


# --- includes in the docs ----------------------------------------------------------------


@pytest.mark.parametrize("page", doc_pages(), ids=lambda page: page.relative_to(page.parents[1]).as_posix())
def test_includes_name_existing_files_and_sections(page: Path) -> None:
    for target in includes(page):
        # pymdownx.snippets with check_paths raises for a missing file or section.
        assert expand_includes(f'--8<-- "{target}"').strip(), f"{target} is empty"


def test_every_snippet_section_is_shown_in_the_english_docs() -> None:
    """A section no page includes is code nobody reads; most likely a typo in a page."""
    shown = {target for page in doc_pages() if page.parent.name == "en" for target in includes(page)}
    assert shown, "the English pages include no snippets"
    sections = {f"{path.name}:{name}" for path in snippet_files() for name in section_names(path)}
    assert sections - shown == set()
    assert all(":" in target for target in shown), "include snippets by named section"


PYTHON_FENCE = re.compile(r"^(?P<indent>[ \t]*)```python\n(?P<body>.*?)^(?P=indent)```$", re.MULTILINE | re.DOTALL)


def _python_blocks(page: Path) -> list[str]:
    """The Python code blocks of a page as readers see them: includes expanded, indentation removed."""
    blocks = []
    for match in PYTHON_FENCE.finditer(page.read_text(encoding="utf-8")):
        lines = match.group("body").splitlines()
        blocks.append(expand_includes("\n".join(line.removeprefix(match.group("indent")) for line in lines)))
    return blocks


def _unused_imports(code: str) -> set[str]:
    tree = ast.parse(code)
    imported = {
        (alias.asname or alias.name).split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    used = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    return imported - used


@pytest.mark.parametrize("page", [page for page in doc_pages() if page.parent.name == "en"], ids=lambda page: page.name)
def test_code_blocks_use_what_they_import(page: Path) -> None:
    """A block that imports a module it never uses tells the reader a step is missing."""
    blocks = _python_blocks(page)
    unused = [(block.splitlines()[0], _unused_imports(block)) for block in blocks if _unused_imports(block)]
    assert not unused, f"{page.name}: blocks import names they never use: {unused}"
