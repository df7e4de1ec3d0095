"""Settings in code: effective values, overrides, another file, errors."""

# --8<-- [start:load]
import llm_backends

# arguments > LLM_* environment > config.toml > defaults
settings = llm_backends.load_settings()
print(settings.model, settings.timeout, settings.num_retries)
# --8<-- [end:load]

# --8<-- [start:overrides]
# Values passed in code win over the environment and config.toml.
settings = llm_backends.load_settings(num_retries=2, timeout=30)
reply = llm_backends.completion(
    [{"role": "user", "content": "Hello"}],
    settings=settings,
)
# --8<-- [end:overrides]

# --8<-- [start:config_file]
# Read another file instead of ./config.toml (it must exist).
settings = llm_backends.load_settings(config_file="settings/llm.toml")
# --8<-- [end:config_file]

# --8<-- [start:sources]
loaded = llm_backends.load()
for name, source in loaded.sources.items():
    print(f"{name}: {source}")  # "argument", "env", "toml" or "default"
# --8<-- [end:sources]

# --8<-- [start:errors]
try:
    settings = llm_backends.load_settings()
except llm_backends.ConfigError as exc:
    # Every problem at once, each naming where the value came from.
    for problem in exc.problems:
        print(problem)
    raise SystemExit(2) from None
# --8<-- [end:errors]
