"""Retries: tuning one call, and the error raised when every attempt failed."""

# --8<-- [start:import_litellm]
import litellm

# --8<-- [end:import_litellm]
# --8<-- [start:per_call]
import llm_backends

messages = [{"role": "user", "content": "Summarise Hamlet in a sentence."}]

# Keyword arguments named like a setting override it for this call only.
reply = llm_backends.completion(
    messages, num_retries=2, retry_max_wait=30, timeout=30
)
print(reply.choices[0].message.content)
# --8<-- [end:per_call]

# --8<-- [start:no_retries]
# A quick interactive call: fail at once instead of waiting.
reply = llm_backends.completion(messages, num_retries=0)
# --8<-- [end:no_retries]

# --8<-- [start:final_error]
try:
    reply = llm_backends.completion(messages, num_retries=1)
except litellm.RateLimitError as exc:
    # litellm's own exception, raised after the last attempt.
    # exc.attempts is the number of requests sent.
    print(f"Still rate limited after {exc.attempts} requests")
except litellm.AuthenticationError:
    # Never retried: a wrong key fails on the first request.
    print("Check LLM_API_KEY with: llm-backends config")
# --8<-- [end:final_error]
