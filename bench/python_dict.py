"""A report given as a dict: govreport.check (structure and every rule) against jsonschema-rs
validating the same dict against schema/report.schema.json (structure only). From the repo
root, in the venv of tests/python/run.sh:

    target/py-venv/bin/pip install jsonschema-rs
    target/py-venv/bin/python bench/python_dict.py

Prints the time per report of each and the ratio govreport / jsonschema-rs (the target of issue
17: at most 1), beside the same reports given as JSON text and as a parsed Report. The dicts are
the repository's clean 2021 fixture and the 2023 county reports, each checked many times; the
median of several rounds is reported (CPU time of the process). A dict is read straight into
the core's model with the GIL held (as jsonschema-rs reads it); the check itself runs without
the GIL.
"""

from __future__ import annotations

import json
import pathlib
import statistics
import sys
import time

import govreport

ROOT = pathlib.Path(__file__).resolve().parents[1]
ROUNDS = 7
REPEAT = 300


def per_report(fn: object, docs: list[dict[str, object]]) -> float:
    call = fn  # type: ignore[assignment]
    times = []
    for _ in range(ROUNDS):
        start = time.process_time()
        for _ in range(REPEAT):
            for d in docs:
                call(d)  # type: ignore[operator]
        times.append((time.process_time() - start) / (REPEAT * len(docs)))
    return statistics.median(times)


def main() -> int:
    try:
        import jsonschema_rs
    except ImportError:
        print("bench/python_dict.py needs jsonschema-rs: pip install jsonschema-rs", file=sys.stderr)
        return 2
    schema = json.loads((ROOT / "schema" / "report.schema.json").read_text(encoding="utf-8"))
    paths = [ROOT / "tests" / "fixtures" / "2021-department-clean.json", *sorted((ROOT / "tests" / "fixtures" / "county" / "2023").glob("*.json"))]
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in paths]
    validator = jsonschema_rs.validator_for(schema)
    for d in docs:
        assert validator.is_valid(d), "the fixtures are valid documents"
    today = "2024-06-30"
    ours = per_report(lambda d: govreport.check(d, today=today), docs)
    theirs = per_report(validator.is_valid, docs)
    parse_only = per_report(govreport.Report, docs)
    texts = [json.dumps(d, ensure_ascii=False) for d in docs]
    from_text = per_report(lambda t: govreport.check(t, today=today), texts)
    reports = [govreport.Report(d) for d in docs]
    rules_only = per_report(lambda r: govreport.check(r, today=today), reports)
    print(f"govreport.check(dict), every rule: {ours * 1e6:8.1f} µs a report")
    print(f"govreport.check(JSON text):        {from_text * 1e6:8.1f} µs a report")
    print(f"govreport.check(Report), rules:    {rules_only * 1e6:8.1f} µs a report")
    print(f"govreport.Report(dict), parse only: {parse_only * 1e6:8.1f} µs a report")
    print(f"jsonschema-rs is_valid(dict):       {theirs * 1e6:8.1f} µs a report")
    print(f"ratio check / jsonschema-rs: {ours / theirs:.2f} (target ≤ 1)")
    print(f"ratio parse / jsonschema-rs: {parse_only / theirs:.2f}")
    print(f"longest stall of another Python thread during check_many(6,000 dicts): {stall(docs) * 1e3:.1f} ms")
    return 0


def stall(docs: list[dict[str, object]]) -> float:
    """The longest time a ticking Python thread waits for the GIL while check_many reads
    6,000 dicts (each dict is read with the GIL held, the batch lets other threads in every 64
    dicts, and the checks run without it)."""
    import threading

    batch = [docs[i % len(docs)] for i in range(6000)]
    gaps: list[float] = []
    done = threading.Event()

    def tick() -> None:
        last = time.perf_counter()
        while not done.is_set():
            time.sleep(0.0005)
            now = time.perf_counter()
            gaps.append(now - last)
            last = now

    ticker = threading.Thread(target=tick)
    ticker.start()
    govreport.check_many(batch, today="2024-06-30", disable="GR7")
    done.set()
    ticker.join()
    return max(gaps)


if __name__ == "__main__":
    sys.exit(main())
