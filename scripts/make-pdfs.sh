#!/usr/bin/env bash
# Makes the generated PDF fixtures of tests/fixtures/pdf/ in the shapes offices publish, each
# from a JSON fixture whose every cell is known (see tests/fixtures/pdf/README.md):
#   render → .docx → LibreOffice PDF (a table header marked to repeat, fonts swapped)
#   render → HTML → Chromium print-to-PDF (CJK fonts from Debian, a table split over two
#   pages with its header repeated, a table drawn without ruling lines, narrow label columns)
# and PDFs that give no report: a scan (a page as an image, no text layer) and one encrypted
# with a user password; one encrypted with an owner password only, which reads as any other.
# Not run by the tests or CI: they read the committed PDFs. Installs LibreOffice Writer,
# Chromium, poppler, qpdf and CJK fonts from Debian when they are missing.
#   bash scripts/make-pdfs.sh
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v chromium >/dev/null || need+=(chromium)
command -v soffice >/dev/null || need+=(libreoffice-writer)
command -v pdfinfo >/dev/null || need+=(poppler-utils)
command -v qpdf >/dev/null || need+=(qpdf)
fc-list | grep -qi "Noto Serif CJK" || need+=(fonts-noto-cjk)
fc-list | grep -qi "WenQuanYi Zen Hei" || need+=(fonts-wqy-zenhei)
fc-list | grep -qi "AR PL UMing" || need+=(fonts-arphic-uming)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
cargo build -q --release -p govreport-cli
gr=target/release/govreport
out=tests/fixtures/pdf
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

# A .docx with its fonts swapped and/or table B's three header rows marked to repeat on
# every page (w:tblHeader), as offices set them in Word.
docx_variant() { # in.docx out.docx font repeat-header(0|1)
  python3 - "$@" <<'EOF'
import sys, zipfile
src, dst, font, repeat = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "1"
zin = zipfile.ZipFile(src)
zout = zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED)
for item in zin.infolist():
    data = zin.read(item.filename)
    if item.filename in ("word/document.xml", "word/styles.xml"):
        xml = data.decode("utf-8")
        if font:
            for name in ("仿宋_GB2312", "仿宋", "宋体", "黑体", "楷体", "方正小标宋简体", "FangSong", "SimSun", "SimHei"):
                xml = xml.replace('"%s"' % name, '"%s"' % font)
        if repeat and item.filename == "word/document.xml":
            at = xml.find("申请人情况")
            start = xml.rfind("<w:tbl>", 0, at)
            pos = start
            for _ in range(3):
                pos = xml.find("<w:tr>", pos)
                if pos < 0:
                    break
                xml = xml[:pos] + "<w:tr><w:trPr><w:tblHeader/></w:trPr>" + xml[pos + len("<w:tr>"):]
                pos += 10
        data = xml.encode("utf-8")
    zout.writestr(item, data)
zout.close()
EOF
}

# LibreOffice: .docx → PDF.
lo_pdf() { # fixture.json name font repeat-header
  "$gr" render "$1" --to docx -o "$work/$2.orig.docx"
  docx_variant "$work/$2.orig.docx" "$work/$2.docx" "$3" "$4"
  soffice --headless -env:UserInstallation="file://$work/lo" --convert-to pdf --outdir "$work" "$work/$2.docx" >/dev/null 2>&1
  cp "$work/$2.pdf" "$out/$2.pdf"
}

# Chromium: HTML (with extra CSS) → PDF.
chromium_pdf() { # fixture.json name css
  "$gr" render "$1" --to html -o "$work/$2.html"
  python3 - "$work/$2.html" "$3" <<'EOF'
import sys
path, css = sys.argv[1], sys.argv[2]
html = open(path, encoding="utf-8").read().replace("</style>", css + "\n</style>", 1)
open(path, "w", encoding="utf-8").write(html)
EOF
  chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$work/profile" --no-pdf-header-footer \
    --print-to-pdf="$out/$2.pdf" "file://$work/$2.html" 2>/dev/null
}

lo_pdf examples/report-2023.json lo-docx-department-2023 "" 0
lo_pdf tests/fixtures/2019-department-2020-clean.json lo-docx-2019-repeated-header "WenQuanYi Zen Hei" 1
lo_pdf tests/fixtures/2021-blank-cells.json lo-docx-blank-cells-uming "AR PL UMing CN" 0
chromium_pdf tests/fixtures/2021-government-clean.json chromium-government-noto ""
chromium_pdf tests/fixtures/2021-township-clean.json chromium-township-repeated-header \
  'body, table { font-family: "WenQuanYi Zen Hei" !important; } th, td { padding: 7pt 3pt !important; }'
chromium_pdf tests/fixtures/2021-department-clean.json chromium-stream-no-rules \
  'body, table { font-family: "AR PL UMing CN" !important; } table, th, td { border: none !important; } td, th { padding: 3pt 6pt !important; }'
chromium_pdf tests/fixtures/2021-mixed-markers.json chromium-narrow-labels \
  'table { width: 72% !important; } td, th { font-size: 10.5pt; }'
# A scan: page 3 of the real 洪泽区 PDF as a picture, printed by Chromium.
pdftoppm -f 3 -l 3 -r 50 -png tests/fixtures/corpus/pdf/2024-hongze-district.pdf "$work/scan"
echo "<!DOCTYPE html><html><body style='margin:0'><img src='scan-3.png' style='width:100%'></body></html>" >"$work/scan.html"
chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$work/profile" --no-pdf-header-footer \
  --print-to-pdf="$out/scanned-page.pdf" "file://$work/scan.html" 2>/dev/null
# Encrypted (AES-256): with an owner password only (opens without a password), and with a
# user password.
qpdf --encrypt "" owner-secret 256 -- "$out/lo-docx-department-2023.pdf" "$out/encrypted-owner-password-only.pdf"
qpdf --encrypt user-secret owner-secret 256 -- "$out/lo-docx-department-2023.pdf" "$out/encrypted-user-password.pdf"
for f in "$out"/*.pdf; do
  printf '%s: %s bytes\n' "$f" "$(stat -c %s "$f")"
done
