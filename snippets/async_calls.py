"""Many calls at once with acompletion, each with its own retries."""

# --8<-- [start:gather]
import asyncio

import llm_backends

QUESTIONS = [
    "What is a rate limit?",
    "What is exponential backoff?",
    "What is jitter?",
]


async def ask(question: str) -> str:
    reply = await llm_backends.acompletion(
        [{"role": "user", "content": question}]
    )
    return reply.choices[0].message.content


async def main() -> None:
    answers = await asyncio.gather(*(ask(q) for q in QUESTIONS))
    for question, answer in zip(QUESTIONS, answers, strict=True):
        print(f"{question}\n  {answer}")


asyncio.run(main())
# --8<-- [end:gather]
