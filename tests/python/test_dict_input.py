"""A report given as a dict: read straight into the core's model (no JSON text), the same
answer as the same document given as text, the GIL let go while a batch of dicts is checked,
errors() with pointers, line and column, and the schema's patterns strict under Python's re."""

from __future__ import annotations

import copy
import json
import pickle
import threading
from typing import Any

import pytest

import govreport

from conftest import CLEAN_2021, FIXTURES, SCHEMA, minimal_2021

TODAY = "2024-06-30"


def documents() -> list[dict[str, Any]]:
    paths = [CLEAN_2021, *sorted((FIXTURES / "county" / "2023").glob("*.json"))]
    return [json.loads(p.read_text(encoding="utf-8")) for p in paths]


def findings(report: Any) -> list[dict[str, Any]]:
    return [f.to_dict() for f in govreport.check(report, today=TODAY)]


def test_a_dict_reads_as_its_json_text() -> None:
    docs = documents()
    assert len(docs) >= 2
    for d in docs:
        text = json.dumps(d, ensure_ascii=False)
        assert govreport.Report(d).to_json() == govreport.Report(text).to_json()
        assert findings(d) == findings(text)
        # The dict is read, not changed.
        assert d == json.loads(text)


def test_dict_values_the_text_way_decides_give_the_same_answer() -> None:
    # A whole float is its integer; a float count past 2^53 and a negative count keep the
    # core's messages and pointers, whichever way the dict is read.
    doc = minimal_2021()
    doc["year"] = 2023.0
    doc["requests"]["new"]["total"] = 4.0
    assert govreport.Report(doc).year == 2023
    assert govreport.Report(doc)["/requests/new/total"] == 4
    for bad in (1.0e16, -1, -1.0, 2**64, 0.5):
        doc["requests"]["new"]["total"] = bad
        with pytest.raises(govreport.ReportError) as from_dict:
            govreport.Report(doc)
        with pytest.raises(govreport.ReportError) as from_text:
            govreport.Report(json.dumps(doc))
        assert from_dict.value.pointer == from_text.value.pointer == "/requests/new/total"
        if repr(bad) in ("-1", "0.5"):  # written alike as text (json.dumps writes -1.0 and 1e+16)
            assert str(from_dict.value) == str(from_text.value)
    doc["requests"]["new"]["total"] = 1.0e16
    with pytest.raises(govreport.ReportError) as e:
        govreport.Report(doc)
    assert "18446744073709551615" not in e.value.messages["en"]


def test_a_list_where_the_document_has_an_object_is_refused() -> None:
    doc = minimal_2021()
    doc["requests"]["new"] = [3, 0, 0, 0, 0, 0, 3]
    with pytest.raises(govreport.ReportError) as e:
        govreport.Report(doc)
    assert e.value.pointer == "/requests/new"


def test_deep_nesting_in_a_known_field_is_refused_not_a_crash() -> None:
    doc = minimal_2021()
    deep: dict[str, Any] = {}
    doc["requests"]["new"] = deep
    for _ in range(10_000):
        deep["total"] = {}
        deep = deep["total"]
    with pytest.raises(govreport.ReportError) as e:
        govreport.Report(doc)
    assert e.value.kind in ("structure", "syntax")


def test_other_threads_run_while_a_batch_of_dicts_is_checked() -> None:
    docs = documents()
    batch = [copy.deepcopy(docs[i % len(docs)]) for i in range(3000)]
    inside = threading.Event()
    done = threading.Event()
    ticks_inside = 0

    def tick() -> None:
        nonlocal ticks_inside
        while not done.is_set():
            if inside.is_set():
                ticks_inside += 1
            # Pure Python work: it needs the GIL for every step.
            sum(range(200))

    ticker = threading.Thread(target=tick)
    ticker.start()
    try:
        inside.set()
        results = govreport.check_many(batch, today=TODAY, disable="GR7")
        inside.clear()
    finally:
        done.set()
        ticker.join()
    assert len(results) == len(batch)
    assert all(isinstance(r, govreport.Checked) for r in results)
    assert ticks_inside > 0, "the other thread made no progress while the batch was checked"


def test_other_threads_run_while_one_dict_is_checked_many_times() -> None:
    doc = documents()[0]
    done = threading.Event()
    ticks = 0

    def tick() -> None:
        nonlocal ticks
        while not done.is_set():
            ticks += 1
            sum(range(200))

    ticker = threading.Thread(target=tick)
    ticker.start()
    try:
        for _ in range(300):
            govreport.check(doc, today=TODAY)
    finally:
        done.set()
        ticker.join()
    assert ticks > 0


def test_errors_is_a_method_with_pointer_line_and_column() -> None:
    doc = minimal_2021()
    doc["requests"]["new"]["total"] = -1
    doc["requests"]["new"]["natural_person"] = -2
    with pytest.raises(govreport.ReportError) as e:
        govreport.Report(doc)
    problems = e.value.errors()
    assert [p["pointer"] for p in problems] == ["/requests/new/natural_person", "/requests/new/total"]
    assert all(p["type"] == "negative_count" and p["line"] is None and p["column"] is None for p in problems)
    # A new list each time: changing one leaves the exception as it was.
    problems.clear()
    assert len(e.value.errors()) == 2
    # It survives pickling (a result crossing a process boundary).
    again = pickle.loads(pickle.dumps(e.value))
    assert again.errors() == e.value.errors()

    with pytest.raises(govreport.ReportError) as s:
        govreport.Report('{\n  "format": "2021",\n  "year": ,\n}')
    [syntax] = s.value.errors()
    assert (syntax["type"], syntax["line"], syntax["column"]) == ("json_syntax", 3, 11)
    assert (s.value.line, s.value.column) == (3, 11)

    with pytest.raises(govreport.ReportError) as o:
        govreport.check(doc, lang="fr")
    [option] = o.value.errors()
    assert o.value.kind == "invalid" and option["pointer"] is None and option["line"] is None

    # One made by hand has no problems listed.
    assert govreport.ReportError("x").errors() == []


def test_schema_patterns_refuse_a_final_newline() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    doc = minimal_2021()
    doc["published_on"] = "2024-01-20"
    assert validator.is_valid(doc)
    govreport.Report(doc)
    doc["published_on"] = "2024-01-20\n"
    assert not validator.is_valid(doc)
    with pytest.raises(govreport.ReportError) as e:
        govreport.Report(doc)
    assert e.value.pointer == "/published_on"
    doc["published_on"] = "2024-01-20"
    doc["proactive"]["fees_10k_yuan"] = "0.092\n"
    assert not validator.is_valid(doc)
    with pytest.raises(govreport.ReportError) as e:
        govreport.Report(doc)
    assert e.value.pointer == "/proactive/fees_10k_yuan"


def test_a_dict_over_the_input_limit_is_too_large() -> None:
    doc = minimal_2021()
    doc["sections"] = {"overview": "x" * (33 * 1024 * 1024)}
    with pytest.raises(govreport.ReportError) as e:
        govreport.Report(doc)
    assert e.value.kind == "too_large"
    # Under the limit, even where a worst-case estimate would pass it, it is read.
    doc["sections"] = {"overview": "x" * (8 * 1024 * 1024)}
    assert len(govreport.Report(doc)["/sections/overview"]) == 8 * 1024 * 1024


def test_mutated_dicts_read_as_their_json_text() -> None:
    """Fixtures with values changed at random places (seeded): the dict and its JSON text give
    the same report, or errors of the same kind at the same pointer."""
    import random

    values: list[Any] = [0, 1, -1, 2**63, 2**64 - 1, 2**64, 1.0, 2.5, -0.0, 1e16, None, True, "/", "0.5", "2024-01-20", "x", [], {}, [1, 2], {"a": 1}, "0.092", 2023.0]
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(FIXTURES.glob("*.json"))]
    rng = random.Random(7)

    def places(v: Any, p: str = "") -> list[str]:
        if isinstance(v, dict):
            return [p, *(q for k, x in v.items() for q in places(x, f"{p}/{k}"))]
        if isinstance(v, list):
            return [p, *(q for i, x in enumerate(v) for q in places(x, f"{p}/{i}"))]
        return [p]

    def put(d: Any, pointer: str, value: Any) -> None:
        *head, last = pointer.split("/")[1:]
        for k in head:
            if not isinstance(d, (dict, list)) or (isinstance(d, list) and not (k.isdigit() and int(k) < len(d))) or (isinstance(d, dict) and k not in d):
                return  # an earlier change replaced the way there
            d = d[int(k)] if isinstance(d, list) else d[k]
        if isinstance(d, list) and last.isdigit() and int(last) < len(d):
            d[int(last)] = value
        elif isinstance(d, dict):
            d[last] = value

    def outcome(source: Any) -> tuple[Any, ...]:
        try:
            return ("ok", govreport.Report(source).to_json())
        except govreport.ReportError as e:
            return ("error", e.kind, e.pointer)

    compared = 0
    for _ in range(600):
        d = copy.deepcopy(rng.choice(docs))
        where = [p for p in places(d) if p]
        for _ in range(rng.randint(1, 3)):
            put(d, rng.choice(where), rng.choice(values))
        if rng.random() < 0.2:
            put(d, rng.choice(where) + "/extra", 1)
        assert outcome(d) == outcome(json.dumps(d)), d
        compared += 1
    assert compared == 600


def fresh_keys(v: Any) -> Any:
    """The same document with every key a str object of its own (json.loads shares one object
    per distinct key, which the reading remembers by address)."""
    if isinstance(v, dict):
        return {"".join(list(k)): fresh_keys(x) for k, x in v.items()}
    if isinstance(v, list):
        return [fresh_keys(x) for x in v]
    return v


def test_keys_shared_or_not_read_alike() -> None:
    for d in documents():
        text = json.dumps(d, ensure_ascii=False)
        fresh = fresh_keys(d)
        assert fresh == d and fresh["requests"] is not d["requests"]
        assert govreport.Report(fresh).to_json() == govreport.Report(d).to_json() == govreport.Report(text).to_json()
    # One key object where a field of that name is known, then where it is not.
    doc = minimal_2021()
    total = "".join(["to", "tal"])
    doc["requests"]["new"] = {total: 4}
    doc["agency"][total] = 1
    with pytest.raises(govreport.ReportError) as e:
        govreport.Report(doc)
    assert e.value.pointer == "/agency/total"


def test_a_key_without_utf8_is_refused_where_it_stands() -> None:
    doc = minimal_2021()
    doc["requests"]["new"] = {"total": 4, "\ud800": 1}
    with pytest.raises(govreport.ReportError) as e:
        govreport.Report(doc)
    # Refused at the object that holds it, as a value with a lone surrogate is.
    assert (e.value.kind, e.value.pointer) == ("structure", "/requests/new")
