"""The package's build backend refuses at once, with the way out, when Rust is missing."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT


def test_build_without_cargo_says_how_to_get_rust() -> None:
    code = (
        "import sys; sys.path.insert(0, 'build_backend'); import govreport_build as b; "
        "b.get_requires_for_build_wheel()"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("GOVREPORT_DOWNLOAD_RUST", "MATURIN_NO_INSTALL_RUST")}
    env["PATH"] = os.path.dirname(sys.executable)  # python, maturin; no cargo
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT / "bindings" / "python", env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    assert "needs Rust" in done.stderr and "rustup.rs" in done.stderr and "GOVREPORT_DOWNLOAD_RUST=1" in done.stderr
    env["GOVREPORT_DOWNLOAD_RUST"] = "1"
    allowed = subprocess.run([sys.executable, "-c", code], cwd=ROOT / "bindings" / "python", env=env, capture_output=True, text=True, timeout=60)
    assert allowed.returncode == 0, allowed.stderr
