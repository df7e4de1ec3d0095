"""OpenRouter: one key for many providers' models.

Environment: LLM_MODEL=openrouter/<vendor>/<model>, LLM_API_KEY=sk-or-v1-...
"""

# --8<-- [start:example]
import llm_backends

reply = llm_backends.completion(
    [{"role": "user", "content": "Hello"}],
    # Optional: name your app in OpenRouter's statistics.
    extra_headers={"HTTP-Referer": "https://example.com", "X-Title": "My app"},
)
print(reply.choices[0].message.content)
# --8<-- [end:example]
