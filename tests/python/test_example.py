"""The README's Python example (tests/python/example.py) runs as written from the repo root."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_readme_example_runs_as_written() -> None:
    example = ROOT / "tests" / "python" / "example.py"
    code = [line for line in example.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(code) <= 10, "the README quotes it as a ten-line example"
    done = subprocess.run([sys.executable, str(example)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "['/requests/new/total']"
    assert any(line.startswith("GR201 error /requests/new/total ") for line in lines)
    assert lines[-1].startswith("[Finding(code='GR802', severity='error'") and "3017" in lines[-1]
