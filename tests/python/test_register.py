"""govreport.Register: the README's walk-through from Python (two years of a county, a finding
dismissed, a corrected version, the history, the review page with its charts) and errors."""

from __future__ import annotations

import json
import pathlib
import sqlite3
import threading
from typing import Any

import pytest

import govreport
from conftest import FIXTURES, ROOT

COUNTY = FIXTURES / "county"
CORRECTED = ROOT / "examples" / "county" / "education-2023-corrected.json"


@pytest.fixture
def register(tmp_path: pathlib.Path) -> govreport.Register:
    r = govreport.Register(tmp_path / "govreport.db")
    r.set_check_options(today="2026-11-26")
    batch = r.add(COUNTY / "2022", str(COUNTY / "2023"))
    assert (batch["added"], batch["failed"]) == (6, 0)
    return r


def copied_overview(r: govreport.Register) -> dict[str, Any]:
    found = r.findings(year=2023, code="GR606")
    return next(f for f in found if f["finding"]["path"] == "/sections/overview")


def test_the_walk_through(register: govreport.Register, tmp_path: pathlib.Path) -> None:
    r = register
    finding = copied_overview(r)
    assert finding["unit"] == "进贤县卫生健康委员会" and finding["state"] == "open"
    review = r.review(finding["id"], "dismissed", reason="按县统一口径撰写", reviewer="李审核")
    assert review["decision"] == "dismissed"
    batch = r.add(CORRECTED, reason="按上年结转数更正")
    assert batch["added"] == 1
    assert r.add(CORRECTED)["duplicates"] == 1
    history = r.history("进贤县教育体育局", 2023)
    versions = [e["version"] for e in history["events"] if e["event"] == "version"]
    assert [v["number"] for v in versions] == [1, 2]
    assert versions[1]["reason"] == "按上年结转数更正" and versions[1]["parent_id"] == versions[0]["id"]
    changed = {c["pointer"]: (c["before"], c["after"]) for c in versions[1]["changes"]}
    assert changed["/requests/carried_over/natural_person"] == (3, 2)
    resolved = [e["resolved"] for e in history["events"] if e["event"] == "version"][1]
    assert {x["code"] for x in resolved} == {"GR601"}
    # The dismissal holds: the health commission's cells did not change.
    assert copied_overview(r)["state"] == "dismissed"
    page = r.review_page(2023, region="360124")
    html = page.decode("utf-8")
    assert html.count("<svg ") >= 10 and "<script" not in html
    assert "附录 数据来源" in html
    assert r.review_page(2023, to="docx")[:2] == b"PK"
    data = json.loads(r.review_page(2023, to="json", lang="en"))
    assert len(data["coverage"]) == 3


def test_queries_answer_in_plain_python(register: govreport.Register) -> None:
    r = register
    status = r.status(2023, region="360124")
    assert [s["coverage"] for s in status] == ["published"] * 3
    bench = r.benchmarks(2023, metrics=["new_requests"], lang="en")
    departments = next(b for b in bench if b["group"]["kind"] == "department")
    assert departments["n"] == 2 and departments["units"][0]["rank"] == 1
    trends = r.trends(unit="进贤县教育体育局", metrics=["new_requests"], years=3)
    assert [p["year"] for p in trends[0]["points"]] == [2021, 2022, 2023]
    units = r.units(region="360124")
    assert len(units) == 3
    csv = r.export("reports", "csv", year=2023)
    assert csv.startswith("\ufeff单位编号,单位") and len(csv.splitlines()) == 4
    lines = [json.loads(line) for line in r.export("cells", "jsonl", year=2022, unit=units[0]["id"]).splitlines()]
    assert {line["state"] for line in lines} >= {"数字"}
    v = r.set("进贤县民和镇人民政府", 2023, "/proactive/licensing", 0, reason="电话核实")
    assert (v["number"], v["changes"][0]["before"], v["changes"][0]["after"]) == (2, None, 0)
    assert r.recheck(2023)["versions"] == 3
    assert r.batches()[0]["id"] == 1


def test_errors_are_exceptions_with_their_kind(register: govreport.Register, tmp_path: pathlib.Path) -> None:
    r = register
    with pytest.raises(govreport.ReportError) as e:
        r.review(copied_overview(r)["id"], "dismissed")
    assert e.value.kind == "invalid"
    with pytest.raises(govreport.RegisterError) as nf:
        r.review(10**9, "confirmed")
    assert nf.value.kind == "not_found" and "未找到" in nf.value.message
    with pytest.raises(govreport.RegisterError) as nf_en:
        r.history("没有的局", lang="en")
    assert "not found" in nf_en.value.messages["en"]
    with pytest.raises(govreport.ReportError) as bad:
        r.set("进贤县民和镇人民政府", 2023, "/requests/new/total", -1, reason="x")
    assert bad.value.pointer == "/requests/new/total"
    with pytest.raises(govreport.ReportError):
        r.findings(state="maybe")  # type: ignore[arg-type]
    with pytest.raises(govreport.ReportError):
        r.review(1, "ignored")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        r.history(3.5)  # type: ignore[arg-type]
    batch = r.add_bytes("broken.json", b'{"format": "2021", ')
    assert batch["failed"] == 1 and batch["items"][0]["error"]["kind"] == "syntax"
    notes = tmp_path / "notes.db"
    with sqlite3.connect(notes) as c:
        c.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY)")
    with pytest.raises(govreport.ReportError) as not_register:
        govreport.Register(notes)
    assert "not a govreport register" in not_register.value.messages["en"]


def test_threads_share_one_register(register: govreport.Register) -> None:
    results: list[int] = []

    def read() -> None:
        for _ in range(20):
            results.append(len(register.findings(year=2023)))

    threads = [threading.Thread(target=read) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 80 and len(set(results)) == 1


def test_close_is_idempotent_and_a_closed_register_says_so(register: govreport.Register, tmp_path: pathlib.Path) -> None:
    r = register
    units = r.units()
    assert not r.closed
    r.close()
    r.close()  # again: nothing happens
    assert r.closed and "(closed)" in repr(r) and r.path.endswith("govreport.db")
    for call in (lambda: r.units(), lambda: r.findings(year=2023), lambda: r.add_bytes("x.json", b"{}"), lambda: r.set_check_options(today="2026-11-26")):
        with pytest.raises(govreport.RegisterError) as closed:
            call()
        assert closed.value.kind == "closed" and "已关闭" in closed.value.message
        assert "is closed" in closed.value.messages["en"]
    # What was written is in the file: it opens again with the same units.
    with govreport.Register(tmp_path / "govreport.db") as again:
        assert again.units() == units
    assert again.closed
    with pytest.raises(govreport.RegisterError):
        again.units()
