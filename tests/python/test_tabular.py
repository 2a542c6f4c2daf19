"""Results as tables: typed values, rows per finding, rules as rows, a pandas frame."""

from __future__ import annotations

import json
import pathlib
from decimal import Decimal
from typing import Any

import pytest

import govreport
from conftest import SEED, minimal_2021


def test_expected_and_actual_are_typed(clean_doc: dict[str, Any]) -> None:
    clean_doc["requests"]["new"]["total"] += 5
    findings = govreport.check(clean_doc, lang="en", today="2030-01-01")
    (columns,) = [f for f in findings if f.code == "GR203"]
    assert (columns.expected, columns.actual) == (66, 71)
    assert type(columns.expected) is int and type(columns.actual) is int
    # The wire form stays the core's text.
    assert (columns.to_dict()["expected"], columns.to_dict()["actual"]) == ("66", "71")
    assert columns.to_record()["actual"] == 71


def test_decimal_and_text_values_keep_their_exact_form() -> None:
    # A fee cell the check compares gives a Decimal, never a float; a date stays a str.
    found = [f for f in govreport.check(SEED, lang="en") for v in (f.expected, f.actual) if v is not None]
    kinds = {type(v) for f in found for v in (f.expected, f.actual) if v is not None}
    assert kinds <= {int, Decimal, str}
    for f in found:
        for v, raw in ((f.expected, f.to_dict().get("expected")), (f.actual, f.to_dict().get("actual"))):
            if v is not None:
                assert str(v) == raw


def test_finding_record_has_every_field_in_order() -> None:
    f = govreport.check(minimal_2021(), lang="en")[0]
    record = f.to_record()
    assert list(record) == ["code", "name", "severity", "status", "path", "related", "expected", "actual", "params", "message"]
    assert record["code"] == f.code and record["related"] == f.related and record["params"] == f.params


def test_rule_to_dict() -> None:
    d = govreport.rule("GR201", lang="en").to_dict()
    assert d["code"] == "GR201" and d["family"] == "GR2" and d["lang"] == "en"
    assert d["severity"] in ("error", "warning", "info") and d["title"] and d["explanation"]
    assert [r.to_dict()["code"] for r in govreport.rules()] == [r.code for r in govreport.rules()]


def test_to_records_from_check_many(tmp_path: pathlib.Path) -> None:
    good = minimal_2021()
    (tmp_path / "a.json").write_text(json.dumps(good, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "b.json").write_text("{", encoding="utf-8")
    results = govreport.check_many(tmp_path, lang="en", disable="GR7")
    rows = govreport.to_records(results)
    a = [r for r in rows if r["file"].endswith("a.json")]
    assert a and all(r["unit"] == "某市某局" for r in a)
    assert [r["code"] for r in a] == [f.code for f in govreport.check(good, lang="en", disable="GR7")]
    (b,) = [r for r in rows if r["file"].endswith("b.json")]
    assert b["unit"] is None and "error" in b and b["pointer"] is None
    assert govreport.to_records(govreport.check(good)) == [{"file": None, "unit": None, **f.to_record()} for f in govreport.check(good)]


def test_findings_frame(tmp_path: pathlib.Path, clean_doc: dict[str, Any]) -> None:
    pd = pytest.importorskip("pandas")
    for i, more in enumerate([0, 5]):
        doc = json.loads(json.dumps(clean_doc))
        doc["agency"]["name"] = f"第{i}局"
        doc["requests"]["new"]["total"] += more
        (tmp_path / f"{i}.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    frame = govreport.findings_frame(govreport.check_many(tmp_path, lang="en", today="2030-01-01"))
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns)[:4] == ["file", "unit", "code", "name"]
    assert set(frame["unit"]) <= {"第0局", "第1局"} and "第1局" in set(frame["unit"])
    broken = frame[(frame["unit"] == "第1局") & (frame["code"] == "GR203")]
    assert list(broken["actual"]) == [71] and list(broken["expected"]) == [66]
    assert (frame[frame["unit"] == "第0局"]["code"] != "GR203").all()


def test_findings_frame_without_pandas_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    # None in sys.modules makes `import pandas` fail as if it were not installed.
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"govreport\[pandas\].*to_records"):
        govreport.findings_frame([])
