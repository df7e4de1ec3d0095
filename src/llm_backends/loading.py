"""litellm, imported on the first call and never on an event loop.

``import litellm`` takes 3-4 s, and litellm and the OpenAI SDK import more on their first
request. Programs that only read settings should not pay for any of it, so it happens on
the first call. An async first call imports in a thread: on the event loop it would stop
every other task for seconds.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import sys
import threading
from typing import TYPE_CHECKING, Any

from .errors import ConfigError

if TYPE_CHECKING:
    import concurrent.futures

# What litellm and the OpenAI SDK import on their first request (1.7 s measured here):
# imported with litellm, so that the first async call does not import it on the event loop,
# and the first call's total_timeout is spent on the call.
FIRST_CALL_MODULES = ("openai.resources", "httpcore")
# What a first stream adds (0.2 s, and 40 MB for the tokenizer): loaded only for async streams.
FIRST_STREAM_MODULES = ("litellm.litellm_core_utils.default_encoding",)

_loaded: Any = None
_loading: concurrent.futures.Future[Any] | None = None
_loading_lock = threading.Lock()


def litellm() -> Any:
    """The litellm module, with what every call needs loaded beside it."""
    global _loaded
    if _loaded is not None:
        return _loaded
    # Without this, importing litellm fetches the model price list from the network.
    os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
    import litellm as module

    from . import retrying  # noqa: F401  (tenacity, asyncio)
    from .config import current_settings

    module.suppress_debug_info = True  # its "Give Feedback" banner on every error
    _import_all(FIRST_CALL_MODULES)
    with contextlib.suppress(ConfigError):
        current_settings()  # the first read imports pydantic-settings
    _loaded = module
    return module


def _load_into(future: concurrent.futures.Future[Any]) -> None:
    try:
        future.set_result(litellm())
    except BaseException as exc:  # raised again where the call awaits it
        future.set_exception(exc)


def _import_all(names: tuple[str, ...]) -> None:
    for name in names:
        with contextlib.suppress(ImportError):  # another version of litellm or openai
            importlib.import_module(name)


async def aload(stream: bool = False) -> Any:
    """:func:`litellm` for async calls: imported in a thread, which concurrent first calls
    (from any event loop) wait for together; a failed import is tried again by the next call."""
    global _loading
    import asyncio

    if stream and not all(name in sys.modules for name in FIRST_STREAM_MODULES):
        await asyncio.to_thread(_import_all, FIRST_STREAM_MODULES)
    if _loaded is not None:
        return _loaded
    import concurrent.futures

    with _loading_lock:
        if _loading is None or (_loading.done() and _loading.exception() is not None):
            _loading = concurrent.futures.Future()
            threading.Thread(target=_load_into, args=(_loading,), name="llm_backends-import", daemon=True).start()
        loading = _loading
    return await asyncio.wrap_future(loading)
