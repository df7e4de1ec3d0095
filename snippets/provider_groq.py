"""Groq: fast replies, tight token budgets per minute.

Environment: LLM_MODEL=groq/llama-3.3-70b-versatile, LLM_API_KEY=gsk_...
"""

# --8<-- [start:example]
import llm_backends

question = {"role": "user", "content": "What is a token bucket?"}
reply = llm_backends.completion([question])
print(reply.choices[0].message.content)
# Groq limits tokens per minute: watch how many each call uses.
print(reply.usage.total_tokens, "tokens")
# --8<-- [end:example]
