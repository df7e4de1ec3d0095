"""Shared fixtures: the local OpenAI-compatible server and clean settings."""

from __future__ import annotations

import os

# Before anything imports litellm: no network fetch of the model price list.
os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from collections.abc import Iterator

import pytest

import llm_backends
from tests.support.docs_tree import use_our_check_docs_config
from tests.support.openai_server import API_KEY, OpenAIServer
from tests.support.site import built_site  # noqa: F401  (session fixture: the docs site, built once)


@pytest.fixture(autouse=True)
def _clean_llm_environment(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """No test sees the developer's LLM_* variables or a config.toml in the working directory."""
    for name in list(os.environ):
        if name.upper().startswith("LLM_"):
            monkeypatch.delenv(name)
    cwd = tmp_path_factory.mktemp("cwd")
    monkeypatch.chdir(cwd)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))  # check-docs' settings cache
    # check-docs configured as this repository configures it ([tool.check-docs]), from the test's folder.
    use_our_check_docs_config(cwd)


@pytest.fixture(scope="session")
def _server_process() -> Iterator[OpenAIServer]:
    with OpenAIServer() as server:
        yield server


@pytest.fixture
def openai_server(_server_process: OpenAIServer) -> Iterator[OpenAIServer]:
    """The running test server, with an empty script and request log."""
    _server_process.reset()
    yield _server_process
    _server_process.reset()


@pytest.fixture
def env(openai_server: OpenAIServer, monkeypatch: pytest.MonkeyPatch) -> OpenAIServer:
    """The test server, configured the way users configure it: only environment variables."""
    monkeypatch.setenv("LLM_MODEL", "openai/test-model")
    monkeypatch.setenv("LLM_EMBEDDING_MODEL", "openai/test-embedding")
    monkeypatch.setenv("LLM_BASE_URL", openai_server.url)
    monkeypatch.setenv("LLM_API_KEY", API_KEY)
    return openai_server


@pytest.fixture
def no_waits() -> Iterator[None]:
    """Waits are chosen, logged and recorded, not slept."""
    llm_backends.set_testing(True)
    yield
    llm_backends.set_testing(False)
