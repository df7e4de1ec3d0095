"""Computing a result once under a key, for everyone who asks it again.

What comparisons read of an English page alone (its sections' keys, its stated values, its tables)
is kept for each of its translations, all in the same way, here. (The checks' ``once`` methods keep
theirs alike; ``checks`` imports nothing but itself at the top, see test_check_docs_layers.)
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, MutableMapping
from typing import Any, TypeVar

K = TypeVar("K", bound=Hashable)


def once(memo: MutableMapping[K, Any], key: K, compute: Callable[[], Any]) -> Any:
    """``memo[key]``, set to ``compute()`` the first time ``key`` is asked."""
    if key in memo:
        return memo[key]
    value = memo[key] = compute()
    return value
