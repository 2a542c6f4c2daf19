#!/usr/bin/env bash
# Runs the C ABI's pointer handling under Miri (issue 9): the unit tests of crates/govreport-ffi
# that call every exported function as C would (every_entry_point_once_on_a_small_report) and
# share one handle between threads (a_report_handle_is_shared_by_threads). The other tests of
# that crate check whole reports, which Miri interprets at a few minutes each; they run natively
# in `cargo test` and under valgrind and ASan in tests/c/run.sh.
#
#   bash scripts/miri.sh        # about 6 minutes once built (332 s on 2 cores); needs the nightly toolchain
#
# Strict provenance: no pointer is made from an integer. Isolation is off because a check reads
# the clock for "today". Skips (exit 0) when there is no nightly with Miri.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! rustup +nightly component list --installed 2>/dev/null | grep -q '^miri'; then
    echo "scripts/miri.sh: no nightly toolchain with the miri component; skipping"
    exit 0
fi
export MIRIFLAGS="-Zmiri-disable-isolation -Zmiri-strict-provenance"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target/miri-build}"
cargo +nightly miri test -p govreport-ffi --lib -- every_entry_point_once_on_a_small_report a_report_handle_is_shared_by_threads
