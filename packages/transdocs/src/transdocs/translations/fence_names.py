"""When two code fences' languages name the same thing, for the structure comparison.

Translators retag blocks without changing them: ```` ``` ```` becomes ```` ```bash ````,
``txt`` becomes ``text``, ``javascript`` becomes ``js`` (real rspack and rsbuild
translations do all three). Aliases of one language are one language, and a fence with no
language (or a plain-text one) matches any: it only turns highlighting off. Different
languages (``js`` and ``ts``, ``toml`` and ``yaml``) still differ.
"""

from __future__ import annotations

_ALIASES = {
    "": ("text", "txt", "plain", "plaintext", "none", "nohighlight", "output", "log"),
    "shell": ("sh", "bash", "zsh", "console", "shellscript", "shell-session", "sh-session", "terminal"),
    "js": ("javascript", "mjs", "cjs", "node"),
    "ts": ("typescript", "mts", "cts"),
    "yaml": ("yml",),
    "markdown": ("md",),
    "python": ("py", "python3", "py3"),
    "json": ("jsonc", "json5"),
    "html": ("htm", "xhtml"),
    "powershell": ("ps1", "pwsh", "ps"),
    "dockerfile": ("docker",),
    "ini": ("cfg", "conf"),
}
_CANONICAL = {alias: name for name, aliases in _ALIASES.items() for alias in (name, *aliases)}


def canonical(lang: str) -> str:
    """One name for a fence language and its aliases; "" for none or plain text."""
    return _CANONICAL.get(lang.lower(), lang.lower())


def same_fence(english: str, translation: str) -> bool:
    """Whether two fences' languages are one, or either only turns highlighting off."""
    ours, theirs = canonical(english), canonical(translation)
    return ours == theirs or "" in (ours, theirs)


def as_english(english: list[tuple[int, str]], translation: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """``translation``'s fences, each written as English's where they are the same (so only real
    differences remain when the two lists are compared position by position)."""
    if [lang for _, lang in english] == [lang for _, lang in translation]:
        return translation  # the same fences throughout (most pages)
    return [
        (line, english[index][1] if index < len(english) and same_fence(english[index][1], lang) else lang)
        for index, (line, lang) in enumerate(translation)
    ]
