"""Tests of code that calls an LLM: retries without sleeping, recorded."""

# --8<-- [start:fixture]
import pytest

import llm_backends


@pytest.fixture(autouse=True)
def no_retry_sleeps():
    """Retries happen at once: waits are chosen and logged, not slept."""
    llm_backends.set_testing(True)
    yield
    llm_backends.set_testing(False)


# --8<-- [end:fixture]


# --8<-- [start:capture]
def test_answer_survives_a_rate_limit():
    # LLM_BASE_URL points at a fake server: 429 once, then 200.
    with llm_backends.capture_retries() as retries:
        reply = llm_backends.completion([{"role": "user", "content": "Hi"}])

    assert reply.choices[0].message.content
    assert [event.cause for event in retries] == ["429 RateLimitError"]
    assert retries[0].attempt == 1


# --8<-- [end:capture]


if __name__ == "__main__":
    llm_backends.set_testing(True)
    test_answer_survives_a_rate_limit()
    print("ok")
