"""Structured output from a model that sometimes returns malformed JSON: check it, ask again."""

# --8<-- [start:reask]
import json

import llm_backends

messages = [
    {"role": "system", "content": "Reply with a JSON object with the keys city and country only."},
    {"role": "user", "content": "Where is the Eiffel Tower?"},
]

for _ in range(3):
    reply = llm_backends.completion(messages, response_format={"type": "json_object"})
    text = reply.choices[0].message.content
    try:
        answer = json.loads(text)
        break
    except json.JSONDecodeError as exc:
        # Show the model its mistake; a 200 reply with bad content is not retried for you.
        messages += [
            {"role": "assistant", "content": text},
            {"role": "user", "content": f"That is not valid JSON ({exc}). Reply with the JSON object only."},
        ]
else:
    raise ValueError("no valid JSON after 3 replies")

print(answer["city"], answer["country"])
# --8<-- [end:reask]
