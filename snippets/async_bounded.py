"""Many calls, but only a few in flight at once: fewer 429 answers."""

# --8<-- [start:bounded]
import asyncio

import llm_backends

limit = asyncio.Semaphore(4)  # at most 4 requests in flight


async def ask(question: str) -> str:
    async with limit:
        reply = await llm_backends.acompletion(
            [{"role": "user", "content": question}]
        )
    return reply.choices[0].message.content


async def main(questions: list[str]) -> list[str]:
    return await asyncio.gather(*(ask(q) for q in questions))


questions = [f"Summarise chapter {n} of Moby-Dick." for n in range(1, 21)]
answers = asyncio.run(main(questions))
print(len(answers), "answers")
# --8<-- [end:bounded]
