"""The Python side of bench/compare.sh: times govreport from Python and the jsonschema + plain
Python path (bench/baseline.py) on the same JSON Lines file.

    python bench/compare.py fast IN.jsonl SCHEMA [ROUNDS]       govreport from Python
    python bench/compare.py baseline IN.jsonl SCHEMA [ROUNDS]   the jsonschema path, and whether
                                                               both find the same problems

Prints, like the Rust and C sides, the median over the rounds of the time per report (CPU
time of the process, all its threads, and wall-clock time); lines starting RESULT or FLAGGED
are read by the script.
"""

import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import baseline  # noqa: E402
import govreport  # noqa: E402

ARITH = {"GR201", "GR202", "GR203", "GR301"}


def timed(name, rounds, n, fn, warm=True):
    if warm:
        fn()  # warm-up, not counted
    cpu, wall = [], []
    for _ in range(rounds):
        c, t = time.process_time(), time.perf_counter()
        fn()
        cpu.append(time.process_time() - c)
        wall.append(time.perf_counter() - t)
    cpu.sort()
    wall.sort()
    us = lambda s: s / n * 1e6
    print(f"RESULT {name} {us(cpu[len(cpu) // 2]):.3f} {us(wall[len(wall) // 2]):.3f} us/report cpu, wall (median of {rounds} rounds)", flush=True)


def main():
    mode, path, schema = sys.argv[1], sys.argv[2], sys.argv[3]
    rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 7
    with open(path, encoding="utf-8") as f:
        texts = [line for line in (raw.strip() for raw in f) if line]
    n = len(texts)

    if mode == "fast":
        timed("py_check_loop", rounds, n, lambda: [govreport.check(t) for t in texts])
        timed("py_check_many_1thread", rounds, n, lambda: govreport.check_many(texts, threads=1))
        timed("py_check_many", rounds, n, lambda: govreport.check_many(texts))
        timed("py_json_loads", rounds, n, lambda: [json.loads(t) for t in texts])
        docs = [json.loads(t) for t in texts]
        timed("py_arithmetic_only", rounds, n, lambda: [baseline.arithmetic(d) for d in docs])
        return

    validator = baseline.make_validator(schema)
    # Both paths must find the same arithmetic problems in the same reports; this first pass
    # over the jsonschema path is also its warm-up.
    ours = govreport.check_many(texts, threads=1)
    flagged = sum(1 for fs in ours if any(f.status == "violated" and f.code in ARITH for f in fs))
    theirs = [baseline.check(validator, json.loads(t)) for t in texts]
    schema_errors = sum(1 for ps in theirs if any(p[0] == "schema" for p in ps))
    base_flagged = sum(1 for ps in theirs if any(p[0] in ARITH for p in ps))
    print(f"govreport {govreport.__version__}; reports flagged by B1/B2/B3/C1: govreport {flagged}, "
          f"jsonschema+Python {base_flagged}; schema errors: {schema_errors}")
    print(f"FLAGGED python {flagged}")
    print(f"FLAGGED baseline {base_flagged}")
    timed("py_jsonschema_baseline", rounds, n, lambda: [baseline.check(validator, json.loads(t)) for t in texts], warm=False)


if __name__ == "__main__":
    main()
