"""Azure OpenAI: chat with one deployment, embeddings with another.

Environment: LLM_MODEL=azure/<chat deployment>,
LLM_BASE_URL=https://<resource>.openai.azure.com, LLM_API_KEY,
LLM_API_VERSION=2024-10-21, LLM_EMBEDDING_DEPLOYMENT_NAME=<deployment>
"""

# --8<-- [start:example]
import llm_backends

reply = llm_backends.completion([{"role": "user", "content": "Hello"}])
print(reply.choices[0].message.content)

# Uses azure/<LLM_EMBEDDING_DEPLOYMENT_NAME> when it is set.
result = llm_backends.embedding(["first text", "second text"])
print(len(result.data), "embeddings")
# --8<-- [end:example]
