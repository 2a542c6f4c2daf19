"""The README's pandas + multiprocessing recipe (tests/python/recipe.py) runs as written, and
the README quotes it exactly."""

from __future__ import annotations

import pathlib
import shutil
import subprocess
import sys

import pytest

import govreport
from conftest import FIXTURES, ROOT

RECIPE = ROOT / "tests" / "python" / "recipe.py"


def test_recipe_runs_as_written(tmp_path: pathlib.Path) -> None:
    pytest.importorskip("pandas")
    shutil.copytree(FIXTURES / "county" / "2023", tmp_path / "reports")
    done = subprocess.run([sys.executable, str(RECIPE)], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    paths = sorted((tmp_path / "reports").glob("*.json"))
    alone = sum(len(govreport.check(p, lang="en", today="2024-06-30")) for p in paths)
    assert lines[0] == f"{alone} findings"
    # The batch adds what only a batch shows; its errors are counted per unit, by agency name.
    results = govreport.check_many(tmp_path / "reports", lang="en", today="2024-06-30")
    per_unit: dict[str, int] = {}
    for r in results:
        assert isinstance(r, govreport.Checked) and r.unit
        n = sum(1 for f in r if f.severity == "error")
        if n:
            per_unit[r.unit] = n
    assert lines[1] == repr(per_unit)
    assert lines[2].split() == ["unit", "code", "path", "expected", "actual"]


def test_the_readme_quotes_the_recipe() -> None:
    recipe = RECIPE.read_text(encoding="utf-8")
    assert f"```python\n{recipe}```\n" in (ROOT / "README.md").read_text(encoding="utf-8")
