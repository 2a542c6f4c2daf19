#!/usr/bin/env bash
# Copies the seed corpora of the fuzz targets from tests/fixtures into fuzz/corpus/<target>/
# (generated, not committed; libFuzzer adds what it finds to the same folders). Files are
# named by content hash, so running it again adds nothing twice.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
fx="$here/../tests/fixtures"

seed() { # seed TARGET FILE...
    local target=$1; shift
    mkdir -p "$here/corpus/$target"
    local f
    for f in "$@"; do
        [ -f "$f" ] || continue
        cp "$f" "$here/corpus/$target/$(sha1sum "$f" | cut -c1-40)"
    done
}

shopt -s nullglob
json=("$fx"/*.json "$fx"/invalid/*.json "$fx"/county/*/*.json "$fx"/corpus/*.json "$fx"/corpus/dev/*.json "$fx"/pages/*.json)
html=("$fx"/pages/*.html)
text=("$fx"/corpus/*.txt "$fx"/corpus/dev/*.txt)
docx=("$fx"/pages/*.docx "$fx"/pages/*.document.xml)

seed json_check "${json[@]}"
seed ffi_check_json "${json[@]}"
seed html_import "${html[@]}"
seed text_import "${text[@]}"
seed prose2007_import "${text[@]}"
seed docx_import "${docx[@]}"
seed ffi_import "${html[@]}" "${text[@]}" "${docx[@]}" "$fx"/2021-department-clean.json
seed pdf_import "$here"/seeds/pdf/*.content "$here"/seeds/pdf/*.pdf
# Inputs that once broke something (fuzz/README.md) start the targets they belong to.
seed text_import "$here"/regressions/text-*.txt
seed ffi_import "$here"/regressions/text-*.txt
seed pdf_import "$here"/regressions/pdf-*.pdf

# More pages for the import targets: a few clean fixtures rendered by the govreport command
# in the official layout, when a built command is at hand (this script never builds one).
cli=""
for c in "$here/../target/release/govreport" "$here/../target/debug/govreport"; do
    if [ -x "$c" ]; then cli=$c; break; fi
done
if [ -n "$cli" ]; then
    tmp=$(mktemp -d)
    for f in "$fx"/2021-department-clean.json "$fx"/2021-government-clean.json "$fx"/2021-township-clean.json \
             "$fx"/2019-department-2020-clean.json "$fx"/2021-blank-cells.json "$fx"/2021-mixed-markers.json; do
        [ -f "$f" ] || continue
        b=$tmp/$(basename "$f" .json)
        "$cli" render "$f" --to html -o "$b.html" 2>/dev/null && seed html_import "$b.html" && seed ffi_import "$b.html"
        "$cli" render "$f" --to txt -o "$b.txt" 2>/dev/null && seed text_import "$b.txt"
        "$cli" render "$f" --to docx -o "$b.docx" 2>/dev/null && seed docx_import "$b.docx" && seed ffi_import "$b.docx"
    done
    "$cli" render "$fx"/2007-department-2010-clean.json --to txt -o "$tmp/2007.txt" 2>/dev/null && seed prose2007_import "$tmp/2007.txt"
    rm -rf "$tmp"
fi

# The command's input detection: every kind of document, and JSON Lines.
seed input_detect "${json[@]:0:20}" "${html[@]}" "${text[@]}" "${docx[@]}"
seed complete_render "${json[@]}"
seed options_json "$here"/seeds/options/*.json
# Two reports on two lines (compare and aggregate), and the same as JSON Lines for detection.
# ffi_bytes: a first byte for each of its twelve calls and encodings, then a document.
tmp=$(mktemp -d)
clean=("$fx"/2021-department-clean.json "$fx"/2021-government-clean.json "$fx"/2021-blank-cells.json "$fx"/2019-department-2020-clean.json)
i=0
for a in "${clean[@]}"; do
    for b in "${clean[@]}"; do
        [ -f "$a" ] && [ -f "$b" ] || continue
        i=$((i + 1))
        python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1])),ensure_ascii=False,separators=(",",":"))); print(json.dumps(json.load(open(sys.argv[2])),ensure_ascii=False,separators=(",",":")))' "$a" "$b" >"$tmp/pair$i"
        seed across "$tmp/pair$i"
        seed input_detect "$tmp/pair$i"
    done
done
for f in "${clean[@]}"; do
    [ -f "$f" ] || continue
    for pick in 0 2 4 6 8 10; do
        i=$((i + 1))
        { printf "\\x$(printf %02x "$pick")"; cat "$f"; } >"$tmp/ffi$i"
        seed ffi_bytes "$tmp/ffi$i"
    done
    # A handle with "pointer=value" after the NUL.
    i=$((i + 1))
    { printf '\x0a'; cat "$f"; printf '\x00/requests/new/natural_person=7'; } >"$tmp/ffi$i"
    seed ffi_bytes "$tmp/ffi$i"
done
rm -rf "$tmp"

for t in json_check ffi_check_json html_import text_import prose2007_import docx_import ffi_import input_detect across complete_render options_json ffi_bytes pdf_import; do
    echo "seed corpus $t: $(ls "$here/corpus/$t" | wc -l) files"
done
