"""Retries are logged as WARNING records of the "llm_backends" logger."""

# --8<-- [start:logging]
import logging

import llm_backends

logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s")

reply = llm_backends.completion([{"role": "user", "content": "Hello"}])
# --8<-- [end:logging]

# --8<-- [start:quiet]
# Hide the retry lines; the error raised in the end is not affected.
logging.getLogger("llm_backends").setLevel(logging.ERROR)
# --8<-- [end:quiet]
