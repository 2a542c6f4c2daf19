#!/usr/bin/env bash
# Pictures of the rendered example for the README (not part of the tests):
#   docs/report-2023-html.png  the HTML page in headless Chromium
#   docs/report-2023-docx.png  the first page of the .docx, converted by LibreOffice to PDF, then PNG
#   docs/register-review.png   the top of the register walk-through's review page, in Chromium
#   docs/screenshots/*.png     every page of `govreport serve`, taken by the browser test
# Installs Chromium, LibreOffice Writer, poppler and CJK fonts from Debian if they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v chromium >/dev/null || need+=(chromium)
command -v soffice >/dev/null || need+=(libreoffice-writer)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK\|Noto Serif CJK" || need+=(fonts-noto-cjk)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
out=$(mktemp -d)
cargo run -q --release -p govreport-cli -- render examples/report-2023.json --to html -o "$out/report.html"
cargo run -q --release -p govreport-cli -- render examples/report-2023.json --to docx -o "$out/report.docx"
mkdir -p docs
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$out/profile" --hide-scrollbars \
  --window-size=1000,2400 --screenshot=docs/report-2023-html.png "file://$out/report.html" 2>/dev/null
soffice --headless --convert-to pdf --outdir "$out" "$out/report.docx" >/dev/null
pdftoppm -png -r 80 -f 2 -l 2 "$out/report.pdf" "$out/page"
cp "$(ls "$out"/page*.png | head -1)" docs/report-2023-docx.png
# The register walk-through's review page (README, "The register").
db="$out/govreport.db"
cargo run -q --release -p govreport-cli -- register --db "$db" add tests/fixtures/county/2022 tests/fixtures/county/2023 >/dev/null
cargo run -q --release -p govreport-cli -- register --db "$db" review dismiss 4 --reason "按县统一口径撰写，与上年相同属正常" >/dev/null
cargo run -q --release -p govreport-cli -- register --db "$db" add examples/county/education-2023-corrected.json --reason "按上年结转数更正" >/dev/null
cargo run -q --release -p govreport-cli -- register --db "$db" review --year 2023 --region 360124 -o "$out/review.html" 2>/dev/null
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$out/profile" --hide-scrollbars \
  --window-size=1000,1500 --screenshot=docs/register-review.png "file://$out/review.html" 2>/dev/null
# The web application's pages, as the browser test walks through them.
GOVREPORT_SCREENSHOTS="$PWD/docs/screenshots" bash tests/web/run.sh
echo "wrote docs/report-2023-html.png, docs/report-2023-docx.png, docs/register-review.png and docs/screenshots/"
