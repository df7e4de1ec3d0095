"""Local servers (Ollama, vLLM, SGLang): no cost per call, slower models.

Environment: LLM_MODEL=ollama/<model> | hosted_vllm/<model> | openai/<model>,
LLM_BASE_URL=<server URL>, LLM_TIMEOUT=600, LLM_API_KEY (SGLang only)
"""

# --8<-- [start:example]
import llm_backends

settings = llm_backends.load_settings()
print(f"Calling {settings.model} at {settings.base_url}")

reply = llm_backends.completion(
    [{"role": "user", "content": "Reply with one word: ready"}],
    settings=settings,
    # A request that timed out on a busy local server
    # is seldom faster the second time.
    num_retries=1,
)
print(reply.choices[0].message.content)
# --8<-- [end:example]
