"""Lines of config blocks in every form the code-block readers read (TOML, env, shell, YAML, a default
comment), for the tests that compare two readers on random blocks."""

from __future__ import annotations

# ``{name}`` and ``{value}`` are filled in by the test; the last shapes name no setting of ours.
CODE_LINE_SHAPES = (
    "{name} = {value}",
    "export {name}={value}",
    "$ {name}={value}  # default",
    "$env:{name} = {value}",
    "set {name}={value}",
    "{name}: {value}",
    "  {name}: {value}",
    "llm:",
    "[llm]",
    "- {name}={value}",
    "# defaults",
    "# {name}",
    "{{{{ {name}.env }}}}={value}",
    "other_{name} = {value}",
    "x{name} = {value}",
    "{name}x = {value}",
    "",
)
