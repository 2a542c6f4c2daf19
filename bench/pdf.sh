#!/usr/bin/env bash
# PDF import against `pdftotext -layout` (poppler), on the same files in one run (issue 13):
#
#   bash bench/pdf.sh
#
# Times `govreport import FILE.pdf` (the whole import: PDF layout, tables, the document, the
# import findings, written as JSON) and `pdftotext -layout FILE.pdf` (text only) as whole
# processes, interleaved, on the real 洪泽区 PDF and the generated ones of tests/fixtures/pdf,
# and prints per file the median wall-clock and CPU time of each and their ratio (target:
# govreport no slower, ratio ≤ 1). Installs poppler-utils from Debian when pdftotext is missing.
# Environment: GOVREPORT_BENCH_RUNS (30 runs of each command per file).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if ! command -v pdftotext >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends poppler-utils
fi
cargo build -q --release -p govreport-cli
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "pdftotext: $(pdftotext -v 2>&1 | head -1)"
python3 bench/pdf.py target/release/govreport "${GOVREPORT_BENCH_RUNS:-30}" \
  tests/fixtures/corpus/pdf/2024-hongze-district.pdf \
  tests/fixtures/pdf/lo-docx-department-2023.pdf \
  tests/fixtures/pdf/lo-docx-2019-repeated-header.pdf \
  tests/fixtures/pdf/chromium-government-noto.pdf \
  tests/fixtures/pdf/chromium-stream-no-rules.pdf
