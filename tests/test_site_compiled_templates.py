"""Templates are compiled once per process; an edit or another environment never gets stale code."""

from __future__ import annotations

from pathlib import Path

import jinja2

from transdocs.site.compiled_templates import fingerprint, share_compiled_templates


def _env(folder: Path, **options: object) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(folder), auto_reload=False, **options)
    share_compiled_templates(env)
    return env


def test_a_second_environment_reuses_the_compiled_template(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "page.html").write_text("<p>{{ title }}</p>")
    assert _env(tmp_path).get_template("page.html").render(title="one") == "<p>one</p>"
    compiled = []
    original = jinja2.Environment.compile

    def counting(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        compiled.append(args)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    assert _env(tmp_path).get_template("page.html").render(title="two") == "<p>two</p>"
    assert compiled == []
    (tmp_path / "page.html").write_text("<h1>{{ title }}</h1>")  # an edited template is compiled again
    assert _env(tmp_path).get_template("page.html").render(title="three") == "<h1>three</h1>"
    assert len(compiled) == 1


def test_environments_that_compile_differently_do_not_share(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("<p>[[ title ]]{{ title }}</p>")
    plain = _env(tmp_path)
    other = _env(tmp_path, variable_start_string="[[", variable_end_string="]]")
    assert fingerprint(plain) != fingerprint(other)
    assert plain.bytecode_cache is not other.bytecode_cache
    assert plain.get_template("page.html").render(title="x") == "<p>[[ title ]]x</p>"
    assert other.get_template("page.html").render(title="x") == "<p>x{{ title }}</p>"
    escaping = _env(tmp_path, autoescape=lambda name: True)
    assert escaping.bytecode_cache is None  # what it compiles to depends on a function: not shared
