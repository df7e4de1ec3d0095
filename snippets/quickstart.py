"""Quick start: one chat completion, with settings from the environment."""

# --8<-- [start:quickstart]
import llm_backends

reply = llm_backends.completion(
    [{"role": "user", "content": "Say hello in one short sentence."}],
)
print(reply.choices[0].message.content)
# --8<-- [end:quickstart]
