#!/usr/bin/env bash
# The register at scale (issue 18): ingest rate, database size and query times for 10,000 and
# 300,000 generated reports of one year (300,000 is about a national year). From the repo root:
#
#   bash bench/register.sh                      # both sizes (the large one takes a while)
#   GOVREPORT_BENCH_REGISTER=10000 bash bench/register.sh
#
# For each size: the reports are made by crates/govreport/benches/support/generator.rs (all of
# one year, each a unit of its own), ingested with `govreport register add --no-peers` (one
# batch; every report parsed, checked in both languages, stored with its 220 cells, changes,
# findings and metrics, one transaction per input); then `register recheck` (every current
# report's own and year-on-year checks again, then the batch checks GR701-GR703 over the whole
# year); then one more report added the ordinary way (its own checks plus the batch checks of
# its year, which read every report of the year); then the queries a web page makes, timed in
# process by bench/register (median of 5). Needs GNU time (installed with apt-get when
# missing). Outputs go to target/bench/register/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD
sizes="${GOVREPORT_BENCH_REGISTER:-10000 300000}"
year=2023
out=target/bench/register
mkdir -p "$out"

# shellcheck source=bench/common.sh
. bench/common.sh
need_gnu_time
print_machine "$out"

echo "== building (release): govreport, bench/register"
cargo build --release --quiet -p govreport-cli
CARGO_TARGET_DIR="$root/target" cargo build --release --quiet --manifest-path bench/register/Cargo.toml
gov=target/release/govreport
bench=target/release/govreport-register-bench

# timed LABEL COMMAND...: runs COMMAND under GNU time; prints wall seconds and peak RSS in MB.
timed() {
    local label=$1
    shift
    local log="$out/$label.time"
    /usr/bin/time -v "$@" > "$out/$label.out" 2> "$log" || { cat "$log" >&2; return 1; }
    local wall rss
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log" | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
    echo "$wall $((rss / 1024))"
}

for n in $sizes; do
    data="$out/reports-$n.jsonl"
    db="$out/register-$n.db"
    if [ ! -s "$data" ]; then
        echo "== generating $n reports of $year: $data"
        "$bench" gen "$n" "$data.tmp" "$year" 11
        mv "$data.tmp" "$data"
    fi
    rm -f "$db" "$db-wal" "$db-shm"
    echo "== $n reports: $(du -m "$data" | cut -f1) MB of JSON Lines"
    read -r wall rss < <(timed "add-$n" "$gov" register --db "$db" add "$data" --no-peers --today 2026-11-26 --format json)
    rate=$(awk -v n="$n" -v w="$wall" 'BEGIN { printf "%.0f", n / w }')
    size=$(du -m "$db" | cut -f1)
    echo "RESULT ingest_$n wall_s=$wall reports_per_s=$rate peak_rss_mb=$rss db_mb=$size db_kb_per_report=$(awk -v s="$(du -k "$db" | cut -f1)" -v n="$n" 'BEGIN { printf "%.1f", s / n }')"
    read -r wall rss < <(timed "recheck-$n" "$gov" register --db "$db" recheck --year "$year" --today 2026-11-26)
    echo "RESULT recheck_$n wall_s=$wall peak_rss_mb=$rss ($(cat "$out/recheck-$n.out"))"
    head -n 1 "$data" | sed 's/"name":"/"name":"另一单位/' > "$out/one-more.json"
    read -r wall rss < <(timed "one-more-$n" "$gov" register --db "$db" add "$out/one-more.json" --today 2026-11-26)
    echo "RESULT add_one_to_a_year_of_$n wall_s=$wall peak_rss_mb=$rss"
    echo "== queries on $n reports (median of 5, ms; the last figure is what the query returned)"
    "$bench" queries "$db" "$year" 5 | tee "$out/queries-$n.txt"
done
echo "load after: $(uptime | sed 's/.*load average: //')"
