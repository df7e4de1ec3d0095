"""The first async calls import litellm (and what its first request and first stream import) off the event loop."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from llm_backends.loading import FIRST_CALL_MODULES, FIRST_STREAM_MODULES
from tests.support.openai_server import API_KEY, OpenAIServer

REPO = Path(__file__).resolve().parents[1]

# Records the thread that imports each module; then 20 first calls at once on one loop, and a stream.
SCRIPT = textwrap.dedent("""
    import asyncio, sys, threading
    watched = set(sys.argv[1:])
    importers = {}

    class Watcher:  # a finder that finds nothing: it sees every import, in the thread that does it
        @staticmethod
        def find_spec(name, path=None, target=None):
            if name in watched:
                importers.setdefault(name, threading.current_thread().name)

    sys.meta_path.insert(0, Watcher)
    import llm_backends

    async def main():
        loop_thread = threading.current_thread().name
        calls = [llm_backends.acompletion([{"role": "user", "content": "Hi"}]) for _ in range(20)]
        replies = await asyncio.gather(*calls)
        assert all(reply.choices[0].message.content for reply in replies)
        stream = await llm_backends.acompletion([{"role": "user", "content": "Hi"}], stream=True)
        assert [chunk async for chunk in stream]
        return loop_thread

    loop_thread = asyncio.run(main())
    print(loop_thread)
    for name in sorted(importers):
        print(name, importers[name])
""")


def test_the_first_async_calls_import_litellm_in_another_thread(openai_server: OpenAIServer) -> None:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("LLM_", "OPENAI_"))}
    environment.update(LLM_MODEL="openai/test-model", LLM_BASE_URL=openai_server.url, LLM_API_KEY=API_KEY)
    watched = ["litellm", *FIRST_CALL_MODULES, *FIRST_STREAM_MODULES]
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, *watched],
        capture_output=True,
        text=True,
        env=environment,
        cwd=REPO,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    loop_thread, *lines = result.stdout.split("\n")
    importers = dict(line.split(" ", 1) for line in lines if line)
    assert importers.keys() == set(watched)
    assert loop_thread not in importers.values()
    assert openai_server.count == 21
