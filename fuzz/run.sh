#!/usr/bin/env bash
# Runs every fuzz target (or those named) for a set time each and prints, per target, the
# executions, the time and what it found.
#
#   fuzz/run.sh [SECONDS] [TARGET...]       SECONDS per target, default 60 (or $FUZZ_SECONDS)
#
# Needs the nightly toolchain (skips, exit 0, without it) and cargo-fuzz (installed from
# crates.io when missing). $FUZZ_SANITIZER picks the sanitizer (default "none": the code is
# safe Rust apart from the C ABI's pointer handling, which Miri and valgrind cover, and
# without ASan the targets run about twice as fast; "address" for ASan). FUZZ_TRACE_COMPARES=0
# builds without compare tracing (`cargo fuzz build --no-trace-compares`, in target/fast/):
# three to four times the executions a second, with less guidance past magic values; for long
# runs from a corpus grown with it (README.md, "Ten million executions"). Seeds come from
# tests/fixtures (fuzz/seed.sh); the corpora grow in fuzz/corpus/<target>/, crashing inputs
# are kept in fuzz/artifacts/<target>/, logs in fuzz/logs/<target>.log. Exits 1 when any
# target found something, 2 when the targets do not build.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"

secs=${1:-${FUZZ_SECONDS:-60}}
shift || true
all=(json_check html_import text_import docx_import prose2007_import ffi_check_json ffi_import input_detect across complete_render options_json ffi_bytes pdf_import)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")
sanitizer=${FUZZ_SANITIZER:-none}
build_flags=()
bin=target/x86_64-unknown-linux-gnu/release
if [ "${FUZZ_TRACE_COMPARES:-1}" = 0 ]; then
    build_flags=(--no-trace-compares --target-dir target/fast)
    bin=target/fast/x86_64-unknown-linux-gnu/release
fi

if ! rustup toolchain list | grep -q nightly; then
    echo "fuzz/run.sh: no nightly toolchain here; skipping the fuzz targets"
    exit 0
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    cargo install cargo-fuzz --locked || exit 2
fi

./seed.sh >/dev/null
mkdir -p logs
build() {
    cargo +nightly fuzz build -s "$sanitizer" "${build_flags[@]}" "$@" >logs/build.log 2>&1 || { tail -n 30 logs/build.log; echo "fuzz/run.sh: the targets do not build"; exit 2; }
}
if [ $# -eq 0 ]; then
    build
else
    for t in "${targets[@]}"; do build "$t"; done
fi

# Largest input per target: a rendered report is about 20 KB as HTML or text and 10 KB as a
# .docx; a larger limit makes every execution slower without reaching more code.
max_len() {
    case $1 in
        json_check | ffi_check_json) echo 65536 ;;
        html_import | docx_import | ffi_import | pdf_import | input_detect) echo 32768 ;;
        across | complete_render | ffi_bytes) echo 65536 ;;
        options_json) echo 4096 ;;
        *) echo 16384 ;;
    esac
}

found=0
printf '%-18s %12s %8s %8s %8s  %s\n' target executions seconds exec/s findings artifacts
for t in "${targets[@]}"; do
    mkdir -p "artifacts/$t"
    before=$(ls "artifacts/$t" | wc -l)
    start=$(date +%s)
    # -timeout: an input that takes 10 s is a finding (a page from the web must not hang the
    # caller); -rss_limit_mb: so is one that needs 2 GiB.
    "$bin/$t" "corpus/$t" -max_total_time="$secs" -max_len="$(max_len "$t")" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="artifacts/$t/" >"logs/$t.log" 2>&1
    rc=$?
    took=$(( $(date +%s) - start ))
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "logs/$t.log" | grep -o '[0-9]*$' | tail -n1)
    rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "logs/$t.log" | grep -o '[0-9]*$' | tail -n1)
    new=$(( $(ls "artifacts/$t" | wc -l) - before ))
    if [ "$rc" -ne 0 ] && [ "$new" -eq 0 ]; then new="rc=$rc"; fi
    [ "$new" = 0 ] || found=1
    printf '%-18s %12s %8s %8s %8s  %s\n' "$t" "${execs:-?}" "$took" "${rate:-?}" "$new" "$(ls "artifacts/$t" | tr '\n' ' ')"
done
exit $found
