#!/usr/bin/env python3
"""Times govreport's PDF import against `pdftotext -layout`, interleaved, per file (bench/pdf.sh).

usage: pdf.py GOVREPORT RUNS FILE...
"""
import os
import resource
import statistics
import subprocess
import sys
import time


def run(cmd):
    """Wall-clock and CPU seconds (user + system) of one run of `cmd`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main():
    govreport, runs, files = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    print(f"{'file':44} {'KB':>5} | {'govreport ms':>12} {'pdftotext ms':>12} {'ratio':>6} | {'CPU ratio':>9}")
    ratios, cpu_ratios = [], []
    for f in files:
        ours = [govreport, "import", f, "-o", os.devnull]
        theirs = ["pdftotext", "-layout", f, os.devnull]
        for cmd in (ours, theirs):  # warm the page cache and the dynamic loader
            run(cmd)
        a, b = [], []
        for _ in range(runs):
            a.append(run(ours))
            b.append(run(theirs))
        wa, wb = statistics.median(x[0] for x in a), statistics.median(x[0] for x in b)
        ca, cb = statistics.median(x[1] for x in a), statistics.median(x[1] for x in b)
        ratios.append(wa / wb)
        cpu_ratios.append(ca / cb if cb > 0 else float("nan"))
        name = os.path.basename(f)
        print(f"{name:44} {os.path.getsize(f) // 1000:>5} | {wa * 1000:>12.1f} {wb * 1000:>12.1f} {wa / wb:>6.2f} | {cpu_ratios[-1]:>9.2f}")
    print(f"median ratio (govreport / pdftotext): wall {statistics.median(ratios):.2f}, CPU {statistics.median(cpu_ratios):.2f}")


if __name__ == "__main__":
    main()
