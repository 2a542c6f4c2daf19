"""Prints the table and the ratios of bench/compare.sh from its collected output.

    python bench/summary.py target/bench/compare-results.txt

Reads the lines `RESULT name CPU_US WALL_US ...` and `FLAGGED path N` that the Rust, C and
Python sides print; a stage run in several passes counts with its median pass. Ratios use CPU time (the machine may be shared), wall clock where several
threads run.
"""

import re
import sys

runs, flagged = {}, {}
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r"RESULT (\S+) ([0-9.]+) ([0-9.]+) us/report", line)
    if m:
        runs.setdefault(m.group(1), []).append((float(m.group(2)), float(m.group(3))))
    m = re.match(r"FLAGGED (\S+) (\d+)", line)
    if m:
        flagged[m.group(1)] = int(m.group(2))

# A stage measured in several passes counts with its median pass.
median = lambda v: sorted(v)[len(v) // 2]
cpu = {k: median([c for c, _ in v]) for k, v in runs.items()}
wall = {k: median([w for _, w in v]) for k, v in runs.items()}
passes = max(len(v) for v in runs.values()) if runs else 0

ROWS = [
    ("serde_json_value", "Rust  serde_json::from_slice::<Value> (the floor)"),
    ("serde_typed_2021", "Rust  serde_json into the typed 2021 model, one pass"),
    ("parse_json", "Rust  govreport::parse_json"),
    ("check_only", "Rust  govreport::check (already parsed)"),
    ("check_json", "Rust  govreport::check_json (parse + check)"),
    ("check_json_to_json", "Rust  check_json + findings to JSON text"),
    ("check_batch", "Rust  check_json + the batch collector (GR701-703), as check_many"),
    ("c_check_json", "C     govreport_check_json (one-shot)"),
    ("c_abi_in_process", "C ABI govreport_check_json, called from the Rust process"),
    ("py_check_loop", "Py    [govreport.check(t) for t in texts]"),
    ("py_check_many_1thread", "Py    govreport.check_many(texts, threads=1)"),
    ("py_check_many", "Py    govreport.check_many(texts) (all cores: see wall)"),
    ("py_json_loads", "Py    json.loads alone"),
    ("py_arithmetic_only", "Py    B1/B2/B3/C1 in plain Python alone (on dicts)"),
    ("py_jsonschema_baseline", "Py    json.loads + jsonschema Draft 2020-12 + B1/B2/B3/C1"),
]
print(f"  {'cpu µs':>10}  {'wall µs':>10}  per report (median of {passes} passes of medians)")
for key, label in ROWS:
    if key in cpu:
        print(f"  {cpu[key]:10.1f}  {wall[key]:10.1f}  {label}")
details = [k for k in cpu if k.startswith("detail_")]
if details:
    print("  where the time goes (Rust):")
    for k in details:
        print(f"  {cpu[k]:10.1f}  {wall[k]:10.1f}    {k[len('detail_'):]}")


def ratio(name, a, b, target, low=True, clock=cpu):
    if a not in clock or b not in clock:
        print(f"  {name}: missing a measurement")
        return
    x = clock[a] / clock[b]
    ok = x <= target if low else x >= target
    print(f"  {name}: {x:.2f}×  (target {'≤' if low else '≥'} {target}×: {'holds' if ok else 'MISSES'})")


print("\n== ratios (CPU time; wall clock where several threads run)")
ratio("check vs parse: check_json / serde_json Value", "check_json", "serde_json_value", 1.5)
ratio("  parse alone: parse_json / serde_json Value", "parse_json", "serde_json_value", 1.5)
ratio("  check_json / serde into the typed model in one pass", "check_json", "serde_typed_2021", 1.5)
ratio("Python vs jsonschema path: baseline / loop of check", "py_jsonschema_baseline", "py_check_loop", 100, low=False)
ratio("  baseline / check_many, 1 thread", "py_jsonschema_baseline", "py_check_many_1thread", 100, low=False)
ratio("  baseline / check_many, all cores (wall)", "py_jsonschema_baseline", "py_check_many", 100, low=False, clock=wall)
ratio("  Python boundary: loop of check / Rust check_json", "py_check_loop", "check_json", 1.2)
ratio("  Python boundary: check_many 1 thread / Rust check_batch", "py_check_many_1thread", "check_batch", 1.2)
ratio("C vs Rust: govreport_check_json / check_json", "c_check_json", "check_json", 1.2)
ratio("  C / Rust check_json + findings to JSON (the same output)", "c_check_json", "check_json_to_json", 1.2)
ratio("  C ABI / Rust, in one process, interleaved (the same output)", "c_abi_in_process", "check_json_to_json", 1.2)
if len(set(flagged.values())) > 1:
    print(f"\nWARNING: the paths disagree on the reports with a B1/B2/B3/C1 violation: {flagged}")
else:
    print(f"\nagreement: every path flags the same {next(iter(flagged.values()), '?')} reports for B1/B2/B3/C1")
