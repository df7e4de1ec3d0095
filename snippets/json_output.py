"""Structured output when a model sometimes returns malformed JSON."""

# --8<-- [start:reask]
import json

import llm_backends

messages = [
    {"role": "system", "content": "Reply with JSON: {city, country}."},
    {"role": "user", "content": "Where is the Eiffel Tower?"},
]

for _ in range(3):
    reply = llm_backends.completion(
        messages, response_format={"type": "json_object"}
    )
    text = reply.choices[0].message.content
    try:
        answer = json.loads(text)
        break
    except json.JSONDecodeError as exc:
        # A reply with bad content is a success for the provider:
        # it is not retried. Show the model its mistake and ask again.
        messages += [
            {"role": "assistant", "content": text},
            {"role": "user", "content": f"That is not valid JSON ({exc})."},
        ]
else:
    raise ValueError("no valid JSON after 3 replies")

print(answer["city"], answer["country"])
# --8<-- [end:reask]
