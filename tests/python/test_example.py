"""The README's Python example (tests/python/example.py) runs as written, and the README quotes
it exactly."""

from __future__ import annotations

import io
import pathlib
import re
import shutil
import subprocess
import sys
import zipfile

from conftest import ROOT

EXAMPLE = ROOT / "tests" / "python" / "example.py"
README = ROOT / "bindings" / "python" / "README.md"


def test_readme_example_runs_as_written(tmp_path: pathlib.Path) -> None:
    code = [line for line in EXAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(code) <= 10, "the README quotes it as a ten-line example"
    # It reads report.json and writes report.docx in the current directory.
    shutil.copy(ROOT / "examples" / "report-2023.json", tmp_path / "report.json")
    done = subprocess.run([sys.executable, str(EXAMPLE)], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "['/requests/new/total']"
    assert any(line.startswith("GR201 error /requests/new/total ") for line in lines)
    assert any(line.startswith("GR404 warning /requests/new/total ") and "112" in line for line in lines)
    docx = (tmp_path / "report.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        assert z.read("word/document.xml").count(b"<w:tbl>") == 4


def test_the_readme_quotes_the_example() -> None:
    example = EXAMPLE.read_text(encoding="utf-8")
    assert f"```python\n{example}```\n" in README.read_text(encoding="utf-8")


def test_the_other_readme_examples_run_from_the_repository_root() -> None:
    blocks = re.findall(r"```python\n(.*?)```\n", README.read_text(encoding="utf-8"), flags=re.S)
    assert len(blocks) >= 3
    # The blocks after the first run in order, as one script, on the repository's fixtures.
    done = subprocess.run([sys.executable, "-c", "\n".join(blocks[1:])], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[:2] == ["GR601 /requests/carried_over/natural_person 2 3", "GR601 /requests/carried_over/total 2 3"]
    assert "38 ['进贤县教育体育局', '进贤县卫生健康委员会', '进贤县民和镇人民政府']" in lines
    assert "/proactive/licensing ['进贤县民和镇人民政府']" in lines
    assert "text UTF-8 Report(format='2007', year=2012, agency='长春经济技术开发区')" in lines
    assert lines[-1] == "['GR801', 'GR801', 'GR801', 'GR802']"
