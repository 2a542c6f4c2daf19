#!/usr/bin/env bash
# The comparison of issue 8, in one run on the same generated reports. From the repo root:
#
#   bash bench/compare.sh
#
# Generates 1,000 varied 2021 reports (bench/rust, the generator in
# crates/govreport/benches/support/generator.rs; about three in ten carry a defect), then times on
# the same texts:
#   - bare serde_json parsing into serde_json::Value (the floor), and serde into the typed
#     2021 model in one pass;
#   - govreport from Rust: parse_json, check, check_json (parse + check), and check_json with
#     the findings written as JSON (what the C call returns);
#   - govreport from C: the one-shot govreport_check_json against target/release/libgovreport.so,
#     from a C program (bench/check_c.c) and, interleaved with the Rust call, from the Rust
#     process itself (the stage c_abi_in_process: the C layer's own cost without the noise
#     between two programs);
#   - govreport from Python: check_many (1 thread, and all cores) and a loop of check;
#   - the stock Python jsonschema validator (Draft 2020-12) on schema/report.schema.json plus
#     B1/B2/B3/C1 written plainly in Python (bench/baseline.py);
# and prints each time and the ratios against the targets (bench/summary.py). Takes about four
# minutes on 2 cores once built.
#
# Times are CPU time of the process (all threads) and wall clock; the ratios use CPU time, which
# other programs on a shared machine disturb far less than wall clock (see BENCHMARKS.md).
#
# Environment: GOVREPORT_BENCH_COUNT (1000), GOVREPORT_BENCH_PASSES (3) of GOVREPORT_BENCH_ROUNDS
# (7) rounds each (the jsonschema path runs once, GOVREPORT_BENCH_BASELINE_ROUNDS (3) rounds),
# GOVREPORT_BENCH_VENV (the venv of
# tests/python/run.sh, target/py-venv, made if missing). The Python package is reinstalled from
# ./bindings/python each run so that the binding measured is the one checked out; set
# GOVREPORT_BENCH_REUSE_PY=1 to measure the one already installed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD

count="${GOVREPORT_BENCH_COUNT:-1000}"
rounds="${GOVREPORT_BENCH_ROUNDS:-7}"
passes="${GOVREPORT_BENCH_PASSES:-3}"
baseline_rounds="${GOVREPORT_BENCH_BASELINE_ROUNDS:-3}"
venv="${GOVREPORT_BENCH_VENV:-target/py-venv}"
out=target/bench
mkdir -p "$out"

echo "== machine"
model=$(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1)
echo "cpu: ${model:-unknown}, $(nproc) cores; memory: $(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
echo "$(rustc --version); $(cc --version | head -1); $(python3 --version)"
echo "load before: $(uptime | sed 's/.*load average: //')"

echo "== building (release): libgovreport, the Rust bench, the C driver"
cargo build --release --quiet -p govreport-ffi
CARGO_TARGET_DIR="$root/target" cargo build --release --quiet --manifest-path bench/rust/Cargo.toml
cc -O2 -std=c99 -Wall bench/check_c.c -Iinclude -Ltarget/release -lgovreport -Wl,-rpath,"$root/target/release" -o "$out/check_c"

echo "== Python: $venv"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
py="$venv/bin/python"
if ! "$py" -c 'import jsonschema' 2>/dev/null; then
    "$py" -m pip install --quiet "jsonschema>=4.18"
fi
if [ "${GOVREPORT_BENCH_REUSE_PY:-0}" = 1 ] && "$py" -c 'import govreport' 2>/dev/null; then
    echo "reusing the installed govreport"
else
    "$py" -m pip install --quiet --force-reinstall --no-deps ./bindings/python
fi
"$py" -c 'import govreport; from importlib.metadata import version; print("govreport", govreport.__version__, "| jsonschema", version("jsonschema"))'

data="$out/reports-$count.jsonl"
echo "== generating $count reports: $data"
target/release/govreport-bench gen "$count" "$data"

results="$out/compare-results.txt"
: > "$results"
# The fast paths run in $passes passes, Rust, C and Python in turn, so that load from other
# programs falls on each alike; each pass prints medians of $rounds rounds.
for pass in $(seq 1 "$passes"); do
    echo "== pass $pass/$passes: Rust, C, Python ($rounds rounds each); load $(uptime | sed 's/.*load average: //')"
    target/release/govreport-bench time "$data" "$rounds" | tee -a "$results"
    "$out/check_c" "$data" "$rounds" | tee -a "$results"
    "$py" bench/compare.py fast "$data" schema/report.schema.json "$rounds" | tee -a "$results"
done
echo "== the jsonschema path ($baseline_rounds rounds)"
"$py" bench/compare.py baseline "$data" schema/report.schema.json "$baseline_rounds" | tee -a "$results"
echo "load after: $(uptime | sed 's/.*load average: //')"

echo
echo "== summary"
"$py" bench/summary.py "$results"
