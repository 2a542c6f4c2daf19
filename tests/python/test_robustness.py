"""Random input never crashes the extension: the only exceptions are ReportError and TypeError."""

from __future__ import annotations

import copy
import json
import random
from typing import Any

import pytest

import govreport
from conftest import FIXTURES

DOCS = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(FIXTURES.glob("*.json"))]
TEXTS = [p.read_bytes() for p in sorted(FIXTURES.glob("*.json"))]
SEEDS = range(8)
ROUNDS = 300


def random_json(rng: random.Random, depth: int = 0) -> Any:
    """A random JSON value, biased towards what report cells look like."""
    choice = rng.randrange(16 if depth < 3 else 12)
    if choice == 0:
        return None
    if choice == 1:
        return rng.choice([True, False])
    if choice == 2:
        return rng.randint(-5, 10**6)
    if choice == 3:
        return rng.choice([0, 2**63 - 1, 2**63, 2**64 - 1, 2**64, -(2**63), -(2**63) - 1, 10**30, -(10**30)])
    if choice == 4:
        return rng.choice([0.0, -0.0, 1.5, 3.0, -2.0, 1e308, 5e-324, 2.0**53, 2.0**64, float("nan"), float("inf")])
    if choice == 5:
        return rng.choice(["/", "", "0", "0.092", "-1", "1e3", "2023-02-30", "2021", "2019", "2007", "zh"])
    if choice == 6:
        return rng.choice(["government", "department", "township", "other", "county", "某市某局", "\u0000\ud800"])
    if choice == 7:
        return "".join(chr(rng.randrange(0x20, 0x3000)) for _ in range(rng.randrange(8)))
    if choice in (8, 9, 10, 11):
        return rng.randint(0, 100)
    if choice in (12, 13):
        return [random_json(rng, depth + 1) for _ in range(rng.randrange(4))]
    return {rng.choice(["total", "new", "x", "", "~1", "a/b"]): random_json(rng, depth + 1) for _ in range(rng.randrange(4))}


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON value, as a tuple of keys and indexes."""
    out = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            out += paths(v, prefix + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += paths(v, prefix + (i,))
    return out


def pointer(path: tuple[Any, ...]) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)


def mutate(rng: random.Random, doc: Any) -> Any:
    doc = copy.deepcopy(doc)
    for _ in range(rng.randrange(1, 4)):
        places = [p for p in paths(doc) if p]
        if not places:
            break
        place = rng.choice(places)
        parent = doc
        for key in place[:-1]:
            parent = parent[key]
        op = rng.randrange(4)
        if op == 0 and isinstance(parent, dict):
            del parent[place[-1]]
        elif op == 1 and isinstance(parent, dict):
            parent[rng.choice(["extra", "total", "format", "notes"])] = random_json(rng)
        else:
            parent[place[-1]] = random_json(rng)
    return doc


def exercise(source: Any) -> None:
    """Reads and checks `source`; anything but success, ReportError or TypeError fails."""
    try:
        report = govreport.Report(source)
    except (govreport.ReportError, TypeError):
        with pytest.raises((govreport.ReportError, TypeError)):
            govreport.check(source)
        return
    findings = govreport.check(report, lang=random.choice(["zh", "en"]))
    for f in findings:
        assert f.severity in ("error", "warning", "info") and f.status in ("violated", "not_assessable")
        assert f.path == "" or f.path.startswith("/")
        assert f.message
    assert govreport.Report(report.to_json()) == report


@pytest.mark.parametrize("seed", SEEDS)
def test_random_mutations_of_fixtures(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(ROUNDS):
        exercise(mutate(rng, rng.choice(DOCS)))


@pytest.mark.parametrize("seed", SEEDS)
def test_random_and_damaged_bytes(seed: int) -> None:
    rng = random.Random(1000 + seed)
    for _ in range(ROUNDS):
        kind = rng.randrange(4)
        if kind == 0:
            data = bytes(rng.randrange(256) for _ in range(rng.randrange(64)))
        else:
            raw = bytearray(rng.choice(TEXTS))
            for _ in range(rng.randrange(1, 6)):
                i = rng.randrange(len(raw))
                if kind == 1:
                    raw[i] = rng.randrange(256)
                elif kind == 2:
                    del raw[i : i + rng.randrange(1, 40)]
                else:
                    raw[i:i] = rng.choice([b"{", b"[", b"]", b"}", b",", b'"', b"\\", b"-1", b"null", b"\xff", b"\xe4\xb8"])
            data = bytes(raw)
        exercise(data)
        try:
            text = data.decode("utf-8", "surrogateescape")
        except UnicodeDecodeError:
            continue
        exercise(text)


@pytest.mark.parametrize("seed", SEEDS)
def test_random_values_set_by_pointer(seed: int) -> None:
    rng = random.Random(2000 + seed)
    doc = rng.choice(DOCS)
    report = govreport.Report(doc)
    places = paths(doc)
    for _ in range(200):
        path = rng.choice(places)
        if rng.random() < 0.3:
            path = path + (rng.choice(["x", "total", 0, "new", "~", ""]),)
        ptr = pointer(path) if rng.random() < 0.95 else rng.choice(["", "x", "/", "//", "/~2"])
        value = random_json(rng) if rng.random() < 0.95 else rng.choice([{1, 2}, object(), b"x", 1j])
        before = report.to_dict()
        try:
            report[ptr] = value
        except (govreport.ReportError, TypeError):
            assert report.to_dict() == before
        else:
            govreport.check(report)
        try:
            report.get(ptr)
        except govreport.ReportError:
            pass


def test_random_non_documents_are_type_errors() -> None:
    rng = random.Random(7)
    for value in [1, 1.5, None, True, [1], (1,), {1}, frozenset(), object(), 1j, range(3), type]:
        with pytest.raises(TypeError):
            govreport.Report(value)  # type: ignore[arg-type]
    for _ in range(100):
        doc = mutate(rng, rng.choice(DOCS))
        doc[rng.choice(["agency", "requests", "year"])] = rng.choice([{1, 2}, object(), b"bytes", 1j, iter([])])
        with pytest.raises(TypeError):
            govreport.Report(doc)


@pytest.mark.parametrize("seed", SEEDS[:2])
def test_random_batches(seed: int) -> None:
    rng = random.Random(3000 + seed)
    batch = [mutate(rng, rng.choice(DOCS)) for _ in range(100)]
    results = govreport.check_many(batch, threads=2)
    assert len(results) == len(batch)
    for doc, result in zip(batch, results):
        if isinstance(result, list):
            # Besides what only the batch shows (GR7: copies, outliers), each its own check.
            assert [f for f in result if not f.code.startswith("GR7")] == govreport.check(doc)
        else:
            assert isinstance(result, govreport.ReportError)
