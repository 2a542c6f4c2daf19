"""check_many: one result per report, errors per item, the GIL released.

The batch also gives what only a batch shows, as ``govreport check`` does: prose copied between
its reports (GR701) and reports that stand out from their peers (GR702, GR703). Tests about
something else switch the GR7 family off where they repeat a report; test_across.py tests it.
"""

from __future__ import annotations

import pathlib
import threading
import time
from typing import Any

import pytest

import govreport
from conftest import CLEAN_2021, FIXTURES, SEED


def test_results_are_in_order_and_equal_single_checks() -> None:
    paths = sorted(FIXTURES.glob("*.json"))
    results = govreport.check_many(paths, lang="en", today="2030-01-01")
    assert len(results) == len(paths)
    for path, result in zip(paths, results):
        assert isinstance(result, list)
        # Many fixtures are variants of one document: their prose is the same (GR701).
        own = [f for f in result if not f.code.startswith("GR7")]
        assert own == govreport.check(path, lang="en", today="2030-01-01"), path
    alone = govreport.check_many(paths, lang="en", today="2030-01-01", disable="GR7")
    assert alone == [govreport.check(p, lang="en", today="2030-01-01", disable="GR7") for p in paths]


def test_every_input_kind_and_generators(seed_text: str, doc: dict[str, Any]) -> None:
    sources: list[Any] = [SEED, seed_text, seed_text.encode(), doc, govreport.Report(doc)]
    results = govreport.check_many(iter(sources), disable="GR7")
    assert results == [govreport.check(s, disable="GR7") for s in sources]


def test_errors_are_returned_per_item_not_raised(seed_text: str, doc: dict[str, Any], tmp_path: pathlib.Path) -> None:
    negative = {**doc, "requests": {"new": {"total": -1}}}
    nan = {**doc, "year": float("nan")}
    results = govreport.check_many(["{", seed_text, negative, tmp_path / "missing.json", nan, b'{"format": "1999"}'])
    syntax, ok, structure, missing, not_json, unknown = results
    assert isinstance(syntax, govreport.ReportError) and syntax.kind == "syntax"
    assert isinstance(ok, list) and ok == govreport.check(seed_text)
    assert isinstance(structure, govreport.ReportError) and structure.pointer == "/requests/new/total"
    assert isinstance(missing, FileNotFoundError)
    assert isinstance(not_json, govreport.ReportError) and not_json.pointer == "/year"
    assert isinstance(unknown, govreport.ReportError) and unknown.kind == "unknown_format"


def test_messages_follow_lang_in_errors_too() -> None:
    (err,) = govreport.check_many(["{"], lang="en")
    assert isinstance(err, govreport.ReportError)
    assert str(err) == err.messages["en"]


def test_whole_call_errors(seed_text: str) -> None:
    # Bad options and items of no accepted type are the caller's mistakes: raised at once.
    with pytest.raises(govreport.ReportError):
        govreport.check_many([seed_text], disable=["XX"])
    with pytest.raises(TypeError, match=r"reports\[1\]"):
        govreport.check_many([seed_text, 42])
    for one in (seed_text, seed_text.encode(), {"format": "2021"}, govreport.Report(SEED), 5):
        with pytest.raises(TypeError):
            govreport.check_many(one)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        govreport.check_many([seed_text], threads=0)


def test_empty_batch_and_thread_counts(seed_text: str) -> None:
    assert govreport.check_many([]) == []
    many = [seed_text] * 50
    one = govreport.check_many(many, threads=1, disable="GR7")
    assert govreport.check_many(many, threads=4, disable="GR7") == one == [govreport.check(seed_text, disable="GR7")] * 50
    # What the batch finds across its items does not depend on the threads either.
    assert govreport.check_many(many, threads=4) == govreport.check_many(many, threads=1)


def test_the_gil_is_released_while_checking() -> None:
    data = CLEAN_2021.read_bytes()
    batch = [data] * 3000
    state = {"done": False, "ticks": 0, "seconds": 0.0}

    def work() -> None:
        start = time.perf_counter()
        govreport.check_many(batch, threads=1, disable="GR7")
        state["seconds"] = time.perf_counter() - start
        state["done"] = True

    t = threading.Thread(target=work)
    t.start()
    while not state["done"]:
        state["ticks"] += 1
    t.join()
    # With the GIL held for the whole call this loop could not run while the batch is checked.
    assert state["ticks"] > 1000, state


def test_concurrent_calls_from_python_threads(seed_text: str) -> None:
    expected = govreport.check(seed_text, disable="GR7")
    out: list[Any] = []

    def work() -> None:
        out.append(govreport.check_many([seed_text] * 20, threads=2, disable="GR7"))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert out == [[expected] * 20] * 4


def test_a_report_can_be_changed_while_another_thread_checks_it(clean_doc: dict[str, Any]) -> None:
    report = govreport.Report(clean_doc)
    errors: list[BaseException] = []
    stop = threading.Event()

    def checker() -> None:
        try:
            while not stop.is_set():
                report.check()
        except BaseException as e:  # noqa: BLE001 - any exception fails the test
            errors.append(e)

    t = threading.Thread(target=checker)
    t.start()
    try:
        for n in range(300):
            report["/requests/new/natural_person"] = n
    finally:
        stop.set()
        t.join()
    assert not errors
    assert report["/requests/new/natural_person"] == 299
