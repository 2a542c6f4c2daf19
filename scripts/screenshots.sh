#!/usr/bin/env bash
# Pictures of the rendered example for the README (not part of the tests):
#   docs/report-2023-html.png  the HTML page in headless Chromium
#   docs/report-2023-docx.png  the first page of the .docx, converted by LibreOffice to PDF, then PNG
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
echo "wrote docs/report-2023-html.png and docs/report-2023-docx.png"
