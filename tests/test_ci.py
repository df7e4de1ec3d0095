"""CI is what the README and CONTRIBUTING say it is: one script, on every pull request, with tested versions."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

REPO = Path(__file__).resolve().parent.parent
RUN = (REPO / ".ci" / "run").read_text(encoding="utf-8")
WORKFLOW = yaml.safe_load((REPO / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))
PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _readme_commands() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    return re.findall(r"^python3 -m venv \.venv && .*$", readme, flags=re.MULTILINE)


def _pins(name: str) -> dict[str, str]:
    lines = (REPO / ".ci" / name).read_text(encoding="utf-8").splitlines()
    pairs = [line.split("==") for line in lines if line.strip() and not line.startswith("#")]
    return {canonicalize_name(package): version.strip() for package, version in pairs}


def _declared() -> list[tuple[Requirement, str]]:
    """Every dependency with where it is declared ("" for the package itself, else the extra's name);
    the extras' reference to the package itself is left out."""
    groups = {"": PROJECT["dependencies"], **PROJECT["optional-dependencies"]}
    return [
        (requirement, group)
        for group, texts in groups.items()
        for requirement in map(Requirement, texts)
        if canonicalize_name(requirement.name) != canonicalize_name(PROJECT["name"])
    ]


def test_ci_runs_the_readme_test_command_and_every_gate() -> None:
    [docs, tests] = _readme_commands()
    assert tests.endswith(".venv/bin/python -m pytest") and tests in RUN
    assert docs.endswith(".venv/bin/mkdocs serve")
    for gate in (
        "ruff check src packages tests bench snippets docs/_extras",
        "ruff format --check src packages tests bench snippets docs/_extras",
        "mypy --strict src packages/transdocs/src docs/_extras\n",  # the runtime, the docs toolkit, our site glue
        "check-docs --allow-import --strict docs",
    ):
        assert gate in RUN, gate


def _steps(job: dict[str, Any]) -> list[str]:
    return [step.get("run") or step["uses"] for step in job["steps"]]


def test_every_pull_request_runs_ci_and_pages_deploys_only_what_passed() -> None:
    triggers = WORKFLOW[True]  # YAML 1.1 reads the key `on` as True
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    jobs = WORKFLOW["jobs"]
    pythons = {entry["python"] for entry in jobs["test"]["strategy"]["matrix"]["include"]}
    assert pythons == {"3.11", "3.12", "3.13"}
    assert "bash .ci/run" in _steps(jobs["test"])
    assert "bash .ci/run lowest" in _steps(jobs["lowest"])
    assert "bash .ci/run site" in _steps(jobs["build"])
    assert set(jobs["build"]["needs"]) == {"test", "lowest"}
    assert jobs["deploy"]["needs"] == "build"
    assert "refs/heads/main" in jobs["deploy"]["if"]
    for job in jobs.values():
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["fetch-depth"] == 0


def test_dependencies_are_ranges_whose_lower_bounds_ci_tests() -> None:
    lowest, tested = _pins("lowest.txt"), _pins("constraints.txt")
    for requirement, group in _declared():
        name = canonicalize_name(requirement.name)
        lower = [spec.version for spec in requirement.specifier if spec.operator in (">=", "==")]
        assert lower, f"{requirement} has no lower bound"
        # What users install (the package, its docs extra) is tested at its lower bounds; the
        # contributors' tools (dev) only at the versions CI pins.
        if group != "dev" and all(spec.operator != "==" for spec in requirement.specifier):
            pinned = lowest.get(name)
            assert pinned and Version(pinned) == Version(lower[0]), (
                f"{requirement}: pin {name}=={lower[0]} in .ci/lowest.txt"
            )
        assert name in tested, f"{requirement}: pin the version CI tests in .ci/constraints.txt (bash .ci/run freeze)"
        assert requirement.specifier.contains(tested[name], prereleases=True), (requirement, tested[name])
