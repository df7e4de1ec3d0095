"""OpenAI: a reply in JSON mode.

Environment: LLM_MODEL=openai/gpt-4.1-mini, LLM_API_KEY=sk-proj-...
"""

# --8<-- [start:example]
import json

import llm_backends

reply = llm_backends.completion(
    [
        {"role": "system", "content": "Reply with JSON: {city, country}."},
        {"role": "user", "content": "Where is the Eiffel Tower?"},
    ],
    response_format={"type": "json_object"},
)
answer = json.loads(reply.choices[0].message.content)
print(answer["city"])
# --8<-- [end:example]
