#!/usr/bin/env bash
# Every test of govreport: Rust (core, command, C ABI crate), C programs under valgrind, Python.
# Installs what it needs on a fresh machine (valgrind from Debian, a Python venv from PyPI).
# Run from anywhere: bash scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."

# Formatting (rustfmt.toml), where the toolchain has rustfmt: a file that drifts fails here.
if cargo fmt --version >/dev/null 2>&1; then
    echo "== Rust: cargo fmt --check"
    cargo fmt --all --check
fi

echo "== Rust: cargo test (core, govreport command, C ABI crate; includes drift checks of schema/, docs/rules.md and include/govreport.h)"
cargo test --workspace --exclude govreport-python --locked

echo "== C: libgovreport under valgrind"
bash tests/c/run.sh

echo "== Python: the govreport package"
bash tests/python/run.sh

echo "== Web: govreport serve in Chromium (Selenium)"
bash tests/web/run.sh
