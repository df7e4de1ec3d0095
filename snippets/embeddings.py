"""Embeddings with the embedding model from the settings."""

# --8<-- [start:embeddings]
import llm_backends

documents = [
    "Rate limits protect the provider.",
    "Backoff spreads retries over time.",
]

result = llm_backends.embedding(documents)
vectors = [item["embedding"] for item in result.data]
print(f"{len(vectors)} vectors of {len(vectors[0])} numbers")
# --8<-- [end:embeddings]
