"""Under mkdocs serve, a rebuild imports the settings package afresh only when one of its files changed."""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

from transdocs.site.plugin import _stamps


def test_the_stamps_change_when_a_file_of_the_package_does(tmp_path: Path, monkeypatch) -> None:
    package = tmp_path / "stamped_settings"
    (package / "data").mkdir(parents=True)
    (package / "__init__.py").write_text("TIMEOUT = 30\n", encoding="utf-8")
    (package / "data" / "defaults.toml").write_text("timeout = 30\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "stamped_settings", raising=False)
    assert _stamps({"stamped_settings"}) is None  # not imported: nothing can be said
    importlib.import_module("stamped_settings")
    before = _stamps({"stamped_settings"})
    assert before is not None and before == _stamps({"stamped_settings"})
    data = package / "data" / "defaults.toml"
    data.write_text("timeout = 60\n", encoding="utf-8")  # data files count too
    os.utime(data, ns=(1, 1))
    assert _stamps({"stamped_settings"}) != before
    sys.modules.pop("stamped_settings", None)
