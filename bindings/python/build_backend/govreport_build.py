"""The build backend of the govreport package: maturin's, refusing at once when Rust is missing.

Without ``cargo`` on the PATH, maturin quietly downloads a Rust toolchain (about 1 GB) while pip
shows nothing for minutes. This says so instead, before anything is downloaded: install Rust
(https://rustup.rs), or set GOVREPORT_DOWNLOAD_RUST=1 to let maturin fetch it.
"""

from __future__ import annotations

import os
import shutil
from typing import Any, Mapping, Optional

import maturin
from maturin import *  # noqa: F403  (the PEP 517 hooks this module does not wrap)


def _need_cargo() -> None:
    if shutil.which("cargo") or os.environ.get("GOVREPORT_DOWNLOAD_RUST") or os.environ.get("MATURIN_NO_INSTALL_RUST"):
        return
    raise RuntimeError(
        "building govreport needs Rust (cargo was not found on PATH). Install it from "
        "https://rustup.rs, or set GOVREPORT_DOWNLOAD_RUST=1 to let maturin download a toolchain "
        "(about 1 GB; pip shows no progress unless run with -v)."
    )


def get_requires_for_build_wheel(config_settings: Optional[Mapping[str, Any]] = None) -> list[str]:
    _need_cargo()
    return list(maturin.get_requires_for_build_wheel(config_settings))


def get_requires_for_build_editable(config_settings: Optional[Mapping[str, Any]] = None) -> list[str]:
    _need_cargo()
    return list(maturin.get_requires_for_build_editable(config_settings))
