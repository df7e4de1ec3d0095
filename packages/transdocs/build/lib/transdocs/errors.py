"""The one error every part of the toolkit raises for bad input: exit code 2, one line, no traceback."""

from __future__ import annotations


class InputError(Exception):
    """A path, option or file that cannot be used (missing, unreadable, malformed): a usage error."""
