#!/usr/bin/env bash
# The web application in a real browser: Debian's Chromium driven by Selenium (Python).
# From the repository root:
#
#   bash tests/web/run.sh
#
# Uses the release `govreport` binary (built here when missing or stale; GOVREPORT_BIN names
# another), Chromium and chromium-driver from Debian (installed when missing), and Selenium in
# the Python venv of tests/python (target/py-venv; GOVREPORT_PY_VENV moves it). Screenshots of
# each page go to target/web-screenshots/, so that a test run leaves the tree clean
# (GOVREPORT_SCREENSHOTS names another folder: scripts/screenshots.sh renews docs/screenshots/). The time
# from uploading a portal page to its findings page is printed, not asserted.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
start=$SECONDS

need=()
command -v chromium >/dev/null || need+=(chromium)
command -v chromedriver >/dev/null || need+=(chromium-driver)
fc-list 2>/dev/null | grep -qi "CJK" || need+=(fonts-noto-cjk)
if [ ${#need[@]} -gt 0 ]; then
    echo "== apt-get install ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if [ -z "${GOVREPORT_BIN:-}" ]; then
    echo "== cargo build --release -p govreport-cli"
    cargo build --release --locked -q -p govreport-cli
    export GOVREPORT_BIN="$PWD/target/release/govreport"
fi

venv="${GOVREPORT_PY_VENV:-target/py-venv}"
if [ ! -x "$venv/bin/python" ]; then
    echo "== creating $venv"
    "${PYTHON:-python3}" -m venv "$venv"
fi
py="$venv/bin/python"
echo "== installing selenium, pytest"
"$py" -m pip install --quiet "selenium>=4.25,<5" "pytest>=8"

echo "== pytest tests/web ($("$py" -c 'import selenium; print("selenium", selenium.__version__)'), $(chromium --version 2>/dev/null | head -1))"
status=0
SE_AVOID_STATS=true "$py" -m pytest -p no:cacheprovider -q -s tests/web "$@" || status=$?
if [ "$status" -eq 5 ]; then
    echo "tests/web/run.sh: pytest collected no tests" >&2
    exit 1
fi
echo "== tests/web/run.sh: exit $status after $((SECONDS - start)) s"
exit "$status"
