"""Google Gemini (Google AI Studio).

Environment: LLM_MODEL=gemini/gemini-2.0-flash, LLM_API_KEY=<AI Studio key>
"""

# --8<-- [start:example]
import llm_backends

reply = llm_backends.completion(
    [
        {"role": "system", "content": "You are a concise assistant."},
        {"role": "user", "content": "Name three uses of text embeddings."},
    ],
    max_tokens=200,
)
print(reply.choices[0].message.content)
# --8<-- [end:example]
