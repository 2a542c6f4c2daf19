#!/usr/bin/env bash
# Batch throughput: 100,000 generated reports as JSON Lines through `govreport check --summary`
# (release build, the core's one batch), on one core (pinned with taskset) and on two threads,
# with the CPU use of each run
# (so that a second core busy with other work is visible), the 2-thread rate against the
# 1-thread rate, and peak memory. From the repo root:
#
#   bash bench/batch.sh
#
# Also runs the first 1,000 and 10,000 of them on one core, so that peak memory can be compared
# across sizes: flat means it does not grow with the batch. Needs GNU time (/usr/bin/time; installed with
# apt-get when missing). Environment: GOVREPORT_BENCH_BATCH (100000).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD

count="${GOVREPORT_BENCH_BATCH:-100000}"
small=$((count / 10))
tiny=$((count / 100))
out=target/bench
mkdir -p "$out"

# shellcheck source=bench/common.sh
. bench/common.sh
need_gnu_time
print_machine

echo "== building (release): govreport, the generator"
cargo build --release --quiet -p govreport-cli -p govreport-ffi
CARGO_TARGET_DIR="$root/target" cargo build --release --quiet --manifest-path bench/rust/Cargo.toml

data="$out/batch-$count.jsonl"
data_small="$out/batch-$small.jsonl"
if [ ! -s "$data" ]; then
    echo "== generating $count reports: $data"
    target/release/govreport-bench gen "$count" "$data.tmp" 11
    mv "$data.tmp" "$data"
fi
head -n "$small" "$data" > "$data_small"
data_tiny="$out/batch-$tiny.jsonl"
head -n "$tiny" "$data" > "$data_tiny"
echo "$(wc -l < "$data") reports, $(du -m "$data" | cut -f1) MB"

# run LABEL THREADS FILE: prints reports/s, wall time and peak RSS.
run() {
    local label=$1 threads=$2 file=$3 n
    n=$(wc -l < "$file")
    local log="$out/batch-$label.time" summary="$out/batch-$label.summary"
    # Exit 1 means errors were found in the reports: expected, they carry defects.
    set +e
    # One thread: the whole command pinned to one core, so that its reader and writer threads do
    # not borrow the second one (the one-core rate); two threads: both cores.
    local pin=()
    if [ "$threads" = 1 ] && command -v taskset > /dev/null; then
        pin=(taskset -c 0)
    fi
    RAYON_NUM_THREADS=$threads "${pin[@]}" /usr/bin/time -v target/release/govreport check --summary "$file" > "$summary" 2> "$log"
    local status=$?
    set -e
    if [ "$status" -gt 1 ]; then
        echo "govreport check exited $status" >&2
        cat "$log" >&2
        exit 1
    fi
    local wall rss cpu user sys
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log")
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
    cpu=$(sed -n 's/.*Percent of CPU this job got: //p' "$log")
    user=$(sed -n 's/.*User time (seconds): //p' "$log")
    sys=$(sed -n 's/.*System time (seconds): //p' "$log")
    python3 - "$label" "$threads" "$n" "$wall" "$rss" "$cpu" "$user" "$sys" <<'EOF'
import sys
label, threads, n, wall, rss, cpu = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], int(sys.argv[5]), sys.argv[6]
used = float(sys.argv[7]) + float(sys.argv[8])
secs = 0.0
for part in wall.split(":"):
    secs = secs * 60 + float(part)
print(f"RESULT {label}: {n} reports, {threads} thread(s): {secs:.2f} s, {n / secs:,.0f} reports/s, CPU {cpu} of one core ({used:.2f} s), peak RSS {rss / 1024:.1f} MB")
EOF
}

echo "== govreport check --summary"
results="$out/batch-results.txt"
{
    run "${count}-1thread" 1 "$data"
    run "${count}-2threads" 2 "$data"
    run "${small}-1thread" 1 "$data_small"
    run "${tiny}-1thread" 1 "$data_tiny"
} | tee "$results"
python3 - "$results" <<'EOF'
import re, sys
rates = {}
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r"RESULT \S+: (\d+) reports, (\d+) thread\(s\): [\d.]+ s, ([\d,]+) reports/s, CPU (\d+)%", line)
    if m:
        rates[(int(m.group(1)), int(m.group(2)))] = (float(m.group(3).replace(",", "")), int(m.group(4)))
big = max(n for n, _ in rates)
if (big, 1) in rates and (big, 2) in rates:
    (r1, c1), (r2, c2) = rates[(big, 1)], rates[(big, 2)]
    print(f"RESULT 2 threads vs one core: {r2 / r1:.2f}x the rate ({r2:,.0f} against {r1:,.0f} reports/s), CPU {c2}% against {c1}% of one core")
EOF
echo "summary of the last run:"
tail -n 12 "$out/batch-${count}-1thread.summary"
echo "load after: $(uptime | sed 's/.*load average: //')"
