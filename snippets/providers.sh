# Environment for each provider guide (docs/*/providers.md). Example values
# only: replace them with your own. tests/test_snippets.py checks that every
# variable exported here is a setting and that no value is its default.

# --8<-- [start:openai]
export LLM_MODEL=openai/gpt-4.1-mini
export LLM_API_KEY=sk-proj-...
# --8<-- [end:openai]

# --8<-- [start:azure]
# azure/ + the name of your chat deployment
export LLM_MODEL=azure/my-chat-deployment
export LLM_BASE_URL=https://my-resource.openai.azure.com
export LLM_API_KEY=...
export LLM_API_VERSION=2024-10-21
export LLM_EMBEDDING_DEPLOYMENT_NAME=my-embedding-deployment
# --8<-- [end:azure]

# --8<-- [start:gemini]
export LLM_MODEL=gemini/gemini-2.0-flash
# a Google AI Studio key
export LLM_API_KEY=...
# --8<-- [end:gemini]

# --8<-- [start:groq]
export LLM_MODEL=groq/llama-3.3-70b-versatile
export LLM_API_KEY=gsk_...
# --8<-- [end:groq]

# --8<-- [start:openrouter]
export LLM_MODEL=openrouter/meta-llama/llama-3.3-70b-instruct
export LLM_API_KEY=sk-or-v1-...
# --8<-- [end:openrouter]

# --8<-- [start:litellm_proxy]
# litellm_proxy/ + a model name from the proxy's configuration
export LLM_MODEL=litellm_proxy/my-model
export LLM_BASE_URL=http://localhost:4000
# a virtual key issued by the proxy
export LLM_API_KEY=sk-...
# --8<-- [end:litellm_proxy]

# --8<-- [start:ollama]
export LLM_MODEL=ollama/qwen2.5:14b
export LLM_BASE_URL=http://localhost:11434
# local models can be slow to answer
export LLM_TIMEOUT=600
# --8<-- [end:ollama]

# --8<-- [start:vllm]
export LLM_MODEL=hosted_vllm/Qwen/Qwen2.5-14B-Instruct
export LLM_BASE_URL=http://localhost:8000/v1
export LLM_TIMEOUT=600
# --8<-- [end:vllm]

# --8<-- [start:sglang]
# openai/ + the served model name
export LLM_MODEL=openai/Qwen/Qwen2.5-14B-Instruct
export LLM_BASE_URL=http://localhost:30000/v1
# any text, unless the server was started with --api-key
export LLM_API_KEY=none
export LLM_TIMEOUT=600
# --8<-- [end:sglang]
