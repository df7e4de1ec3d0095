"""A LiteLLM proxy: the proxy holds the provider keys; you send a virtual key.

Environment: LLM_MODEL=litellm_proxy/<model name in the proxy>,
LLM_BASE_URL=<proxy URL>, LLM_API_KEY=<virtual key>
"""

# --8<-- [start:example]
import llm_backends

reply = llm_backends.completion(
    [{"role": "user", "content": "Hello"}],
    user="reporting-job",  # the proxy tracks spend per user
)
print(reply.choices[0].message.content)
# --8<-- [end:example]
