"""The Python API: reading reports every way, cells by pointer and attribute, checks, rules."""

from __future__ import annotations

import copy
import datetime
import json
import pathlib
import pickle
import re
from typing import Any

import pytest

import govreport
from conftest import CLEAN_2021, FIXTURES, SEED


def test_version_matches_the_package_metadata() -> None:
    from importlib.metadata import version

    assert re.fullmatch(r"\d+\.\d+\.\d+.*", govreport.__version__)
    assert version("govreport") == govreport.__version__


def test_public_names() -> None:
    for name in govreport.__all__:
        assert hasattr(govreport, name), name
    assert issubclass(govreport.ReportError, ValueError)
    assert govreport.Report.__module__ == "govreport"


# ---------------------------------------------------------------------------------------------
# Reading a report


def test_report_from_every_kind_of_input(doc: dict[str, Any], tmp_path: pathlib.Path) -> None:
    text = json.dumps(doc, ensure_ascii=False)
    path = tmp_path / "r.json"
    path.write_text(text, encoding="utf-8")
    reports = [
        govreport.Report(doc),
        govreport.Report(text),
        govreport.Report(text.encode()),
        govreport.Report(bytearray(text.encode())),
        govreport.Report(memoryview(text.encode())),
        govreport.Report(path),
        govreport.Report.from_json(text),
        govreport.Report.from_json(text.encode()),
        govreport.Report.from_dict(doc),
        govreport.Report.from_path(path),
        govreport.Report.from_path(str(path)),
    ]
    for r in reports:
        assert r == reports[0]
    assert govreport.Report(reports[0]) == reports[0]


def test_a_str_is_json_text_never_a_path() -> None:
    with pytest.raises(govreport.ReportError) as e:
        govreport.Report(str(SEED))
    assert e.value.kind == "syntax"
    # The message points the caller to the way to read a file.
    assert "pathlib.Path" in e.value.messages["en"]
    assert "from_path" in str(e.value)


def test_to_dict_and_to_json_round_trip(clean_doc: dict[str, Any]) -> None:
    r = govreport.Report(clean_doc)
    assert r.to_dict() == clean_doc
    assert json.loads(r.to_json()) == clean_doc
    pretty = r.to_json(pretty=True)
    assert "\n" in pretty and json.loads(pretty) == clean_doc
    assert govreport.Report(r.to_json()) == r


def test_meta_properties_and_repr() -> None:
    r = govreport.Report(SEED)
    assert r.format == "2007"
    assert r.year == 2012
    assert repr(r) == "Report(format='2007', year=2012, agency='长春经济技术开发区管理委员会')"


def test_copy_pickle_and_equality(doc: dict[str, Any]) -> None:
    r = govreport.Report(doc)
    for other in (r.copy(), copy.copy(r), copy.deepcopy(r), pickle.loads(pickle.dumps(r))):
        assert other == r and other is not r
    c = r.copy()
    c["/requests/new/total"] = 5
    assert c != r and r["/requests/new/total"] == 4
    assert r != doc


# ---------------------------------------------------------------------------------------------
# Cells by pointer and by attribute


def test_get_and_set_by_pointer(doc: dict[str, Any]) -> None:
    r = govreport.Report(doc)
    assert r["/requests/new/total"] == 4
    assert r.get("/requests/new/total") == 4
    assert r["/agency/name"] == "某市某局"
    assert r["/requests/new"] == {"natural_person": 3, "total": 4}
    r.set("/requests/new/commercial", 1)
    r["/requests/new/research"] = "/"
    r["/requests/new/other_org"] = None
    assert r.get("/requests/new") == {"natural_person": 3, "commercial": 1, "research": "/", "other_org": None, "total": 4}
    r["/proactive/fees_10k_yuan"] = "1.50"
    assert r["/proactive/fees_10k_yuan"] == "1.50"  # an amount keeps its written precision


def test_the_single_other_handling_row_of_a_2021_report(doc: dict[str, Any]) -> None:
    # A 2021 report may hold （六）其他处理 as one row (the older layout); its cells by pointer.
    r = govreport.Report(doc)
    r["/requests/other/natural_person"] = 1
    r["/requests/other/total"] = 1
    assert r["/requests/other/total"] == 1
    assert r["/requests/other"] == {"natural_person": 1, "total": 1}
    assert "/requests/other/no_correction/total" not in r
    with pytest.raises(govreport.ReportError) as e:
        r["/requests/other/fee_unpaid/total"] = 1
    assert e.value.kind == "invalid" and e.value.pointer == "/requests/other/fee_unpaid/total"
    assert r.to_dict()["requests"]["other"] == {"natural_person": 1, "total": 1}
    assert govreport.Report(r.to_dict()) == r
    # The row is a result of table B: B2 sums it with the others.
    broken = govreport.Report(FIXTURES / "2021-other-single-row-total-broken.json")
    assert broken["/requests/other/total"] == 1
    violated = {f.path for f in govreport.check(broken) if f.code == "GR202" and f.status == "violated"}
    assert violated == {"/requests/results_total/natural_person", "/requests/results_total/total"}


def test_a_roll_up_with_one_single_other_row_says_whose_sub_rows_it_summed() -> None:
    single = json.loads((FIXTURES / "2021-other-single-row.json").read_text(encoding="utf-8"))
    split = json.loads((FIXTURES / "2021-department-clean.json").read_text(encoding="utf-8"))
    split["year"] = single["year"]
    up = govreport.aggregate([single, split], agency={"name": "某市", "kind": "government"})
    assert up.merged_other == [split["agency"]["name"]]
    assert up.to_dict()["merged_other"] == [split["agency"]["name"]]
    assert "/requests/other/no_correction/total" not in up.report  # one row, as the single unit gives it
    again = pickle.loads(pickle.dumps(up))
    assert again.merged_other == up.merged_other and again.to_dict() == up.to_dict()
    # Units of one layout: nothing merged, no key.
    assert govreport.aggregate([split, split | {"agency": {"name": "乙局", "kind": "department"}}], agency={"name": "某市", "kind": "government"}).merged_other == []


def test_absent_blank_and_not_applicable_stay_distinct(doc: dict[str, Any]) -> None:
    r = govreport.Report(doc)
    r["/requests/new/research"] = None
    r["/requests/new/other_org"] = "/"
    assert "/requests/new/commercial" not in r  # absent
    assert "/requests/new/research" in r  # blank (null)
    with pytest.raises(KeyError):
        r["/requests/new/commercial"]
    assert r.get("/requests/new/commercial", "absent") == "absent"
    assert r["/requests/new/research"] is None
    assert r["/requests/new/other_org"] == "/"


def test_absent_blank_and_removed_round_trip(doc: dict[str, Any]) -> None:
    r = govreport.Report(doc)
    r["/requests/new/research"] = None  # blank: given, with no value
    r["/requests/new/other_org"] = "/"  # not applicable
    assert "/requests/new/research" in r and "/requests/new/other_org" in r
    del r["/requests/new/research"]  # removed: absent again, as if never given
    r.remove("/requests/new/other_org")
    assert "/requests/new/research" not in r and "/requests/new/other_org" not in r
    assert r.get("/requests/new/research", "absent") == "absent"
    with pytest.raises(KeyError):
        r["/requests/new/research"]
    assert r == govreport.Report(doc)
    assert r.to_dict()["requests"]["new"] == doc["requests"]["new"]
    # Each state survives the trip through JSON and through a dict.
    r["/requests/new/research"] = None
    del r["/requests/new/natural_person"]
    for again in (govreport.Report(r.to_json()), govreport.Report(r.to_dict())):
        assert again == r
        assert again["/requests/new/research"] is None
        assert "/requests/new/natural_person" not in again
    # Removing an absent cell does nothing.
    before = r.to_dict()
    r.remove("/requests/new/natural_person")
    del r["/requests/new/commercial"]
    assert r.to_dict() == before


def test_delete_by_attribute_and_through_nodes(doc: dict[str, Any]) -> None:
    r = govreport.Report(doc)
    new = r.requests.new
    del new.natural_person
    del new["total"]
    assert new.total is None
    assert "/requests/new" not in r  # a row with no cell left is itself absent
    assert new.to_python() is None and len(new) == 0
    s = govreport.Report(SEED)
    last = s.sections[3]
    del s.sections[0]  # later items move up
    assert len(s.sections) == 3 and s.sections[0].heading.startswith("二、")
    assert last.to_python() is None and len(last) == 0  # its item is gone
    del s.figures[-1].breakdown[-1]
    assert [p.count for p in s.figures[0].breakdown] == [326, 32, 1718, 21]


def test_pointers_that_name_no_field(doc: dict[str, Any]) -> None:
    r = govreport.Report(doc)
    assert r.is_field("/requests/new/commercial")  # a field, absent here
    assert r.is_field("/requests/new/total") and r.is_field("")
    assert not r.is_field("/requests/new/robots") and not r.is_field("requests")
    for call in (
        lambda: r["/requests/new/robots"],
        lambda: r.get("/requests/new/robots", 0),
        lambda: "/requests/new/robots" in r,
        lambda: r.remove("/requests/new/robots"),
    ):
        with pytest.raises(govreport.ReportError) as e:
            call()
        assert e.value.kind == "invalid" and "/requests/new/robots" in str(e.value)
    with pytest.raises(govreport.ReportError):
        del r["/requests/new/robots"]


def test_set_creates_objects_on_the_way(doc: dict[str, Any]) -> None:
    r = govreport.Report(doc)
    r["/review_litigation/review/upheld"] = 2
    assert r.to_dict()["review_litigation"]["review"] == {"upheld": 2}


def test_cells_by_attribute(doc: dict[str, Any]) -> None:
    r = govreport.Report(doc)
    new = r.requests.new
    assert isinstance(new, govreport.Node)
    assert new.pointer == "/requests/new"
    assert new.total == 4 and new["total"] == 4
    assert new.commercial is None  # absent reads as None by attribute
    new.commercial = 1
    r.requests.new.natural_person += 1
    assert r["/requests/new/natural_person"] == 4
    assert r["/requests/new/commercial"] == 1
    assert new == {"natural_person": 4, "commercial": 1, "total": 4}
    assert new.to_python() == {"natural_person": 4, "commercial": 1, "total": 4}
    assert sorted(new) == ["commercial", "natural_person", "total"]
    assert len(new) == 3 and "total" in new
    assert r.agency.name == "某市某局"
    r.agency.name = "某市另一局"
    assert r["/agency/name"] == "某市另一局"
    r.year = 2024
    assert r.year == 2024 and r["/year"] == 2024
    assert "Node('/requests/new'" in repr(new)


def test_unknown_attribute_is_an_attribute_error(doc: dict[str, Any]) -> None:
    r = govreport.Report(doc)
    with pytest.raises(AttributeError, match="neww"):
        r.requests.neww
    with pytest.raises(AttributeError):
        r.nothing_like_this
    with pytest.raises(KeyError):
        r.requests["neww"]
    assert not hasattr(r, "_private")


def test_lists_of_a_2007_report() -> None:
    r = govreport.Report(SEED)
    assert len(r.sections) == 4
    assert r.sections[0].heading == "一、概述"
    assert r.sections[-1].heading.startswith("四、")
    assert r.figures[0].total == 3025
    assert [p.count for p in r.figures[0].breakdown] == [326, 32, 1718, 21, 920]
    with pytest.raises(IndexError):
        r.sections[10]
    r.figures[0].breakdown[4].count = 928
    assert not [f for f in r.check() if f.code == "GR802"]


def test_complete_fills_derived_cells_and_never_overwrites(clean_doc: dict[str, Any]) -> None:
    r = govreport.Report(clean_doc)
    del clean_doc["requests"]["new"]["total"]
    blanked = govreport.Report(clean_doc)
    blanked["/review_litigation/review/total"] = None
    done = blanked.complete()
    assert isinstance(done, govreport.Completion)
    assert done.filled == ["/requests/new/total", "/review_litigation/review/total"]
    assert done.left_empty == []
    assert done.to_dict() == {"filled": done.filled, "left_empty": [], "too_large": []}
    assert "Completion(filled=['/requests/new/total'" in repr(done)
    assert blanked == r
    # A published total is never replaced by the sum.
    r["/requests/new/total"] = 999
    assert r.complete().filled == [] and r["/requests/new/total"] == 999


def test_complete_leaves_a_total_empty_when_a_part_is_missing(doc: dict[str, Any]) -> None:
    del doc["requests"]["new"]["total"]
    r = govreport.Report(doc)
    done = r.complete()
    assert "/requests/new/total" in done.left_empty
    assert "/requests/new/total" not in r


# ---------------------------------------------------------------------------------------------
# Checks


def test_check_accepts_every_input_kind(seed_text: str) -> None:
    expected = govreport.check(seed_text)
    assert expected
    for source in (SEED, seed_text.encode(), json.loads(seed_text), govreport.Report(SEED)):
        assert govreport.check(source) == expected
    assert govreport.Report(SEED).check() == expected


def test_finding_fields_repr_and_dict(seed_text: str) -> None:
    f = next(f for f in govreport.check(seed_text, lang="en") if f.code == "GR802")
    assert (f.code, f.severity, f.status, f.path) == ("GR802", "error", "violated", "/figures/0/total")
    # Typed: the ints a table sums, not their text.
    assert (f.expected, f.actual) == (3017, 3025)
    assert type(f.expected) is int and type(f.actual) is int
    assert isinstance(f.name, str) and f.name
    assert isinstance(f.related, list) and isinstance(f.params, dict)
    assert "3017" in f.message and "3025" in f.message
    d = f.to_dict()
    assert d["code"] == "GR802" and d["path"] == "/figures/0/total" and d["message"] == f.message
    assert set(d) <= {"code", "name", "severity", "status", "path", "related", "expected", "actual", "params", "message"}
    assert repr(f).startswith("Finding(code='GR802', severity='error', status='violated', path='/figures/0/total'")
    assert str(f).startswith("GR802 error [violated] /figures/0/total: ")
    again = govreport.check(seed_text, lang="en")
    assert f in again and hash(f) == hash(again[again.index(f)])
    assert len(set(again)) == len(again)


def test_findings_json_shape_matches_the_findings_schema(seed_text: str) -> None:
    import jsonschema

    from conftest import ROOT

    schema = json.loads((ROOT / "schema" / "findings.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate([f.to_dict() for f in govreport.check(seed_text)])


def test_lang_changes_the_messages(seed_text: str) -> None:
    zh = govreport.check(seed_text)
    en = govreport.check(seed_text, lang="en")
    assert [f.code for f in zh] == [f.code for f in en]
    assert all(re.search(r"[\u4e00-\u9fff]", f.message) for f in zh)
    assert any(re.fullmatch(r"[\x00-\x7f]*", f.message) for f in en)


def test_severity_override_and_disable(seed_text: str) -> None:
    fs = govreport.check(seed_text, severity={"GR802": "warning"})
    assert {f.severity for f in fs if f.code == "GR802"} == {"warning"}
    assert not [f for f in govreport.check(seed_text, disable=["GR802"]) if f.code == "GR802"]
    assert not [f for f in govreport.check(seed_text, disable="GR8") if f.code.startswith("GR8")]
    assert govreport.check(seed_text, disable=("GR801",)) == govreport.check(seed_text, disable=["GR801"])


def test_today_and_township_deadline_options() -> None:
    path = CLEAN_2021
    as_text = govreport.check(path, today="2030-01-01", township_deadline="02-20")
    as_date = govreport.check(path, today=datetime.date(2030, 1, 1), township_deadline="02-20")
    as_datetime = govreport.check(path, today=datetime.datetime(2030, 1, 1, 12, 0))
    assert as_text == as_date == as_datetime


def test_a_clean_report_has_no_violated_error() -> None:
    fs = govreport.check(CLEAN_2021, today="2030-01-01")
    assert not [f for f in fs if f.severity == "error" and f.status == "violated"]


# ---------------------------------------------------------------------------------------------
# Rules and schema


def test_rules_rule_and_explain() -> None:
    rules = govreport.rules()
    codes = [r.code for r in rules]
    assert codes == sorted(codes) and len(codes) == len(set(codes))
    assert {"GR201", "GR801", "GR802"} <= set(codes)
    for r in rules:
        assert r.severity in ("error", "warning", "info")
        assert r.code.startswith(r.family) and r.title and r.explanation and r.lang == "zh"
    en = govreport.rule("gr201", lang="en")
    assert en.code == "GR201" and en.lang == "en" and en.title != govreport.rule("GR201").title
    assert "Rule('GR201'" in repr(en)
    text = govreport.explain("GR201", lang="en")
    assert text.startswith(f"GR201 {en.name} ({en.severity})\n\n{en.title}\n\n")
    assert en.explanation in text
    assert govreport.rules("en")[0].lang == "en"


def test_json_schema_is_the_committed_schema() -> None:
    from conftest import SCHEMA

    schema = govreport.json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema == json.loads(SCHEMA.read_text(encoding="utf-8"))


def test_cells_of_absent_rows_are_set_by_attribute() -> None:
    report = govreport.Report({"format": "2021", "year": 2023, "agency": {"name": "某局", "kind": "department"}})
    assert "/requests/new" not in report
    new = report.requests.new
    assert isinstance(new, govreport.Node) and new.to_python() is None and len(new) == 0
    report.requests.new.total = 5
    assert report["/requests/new/total"] == 5
    assert report.requests.carried_over.total is None  # an absent cell still reads None
    assert report.published_on is None  # an absent text field is no Node


def test_to_dict_keeps_the_documents_order(seed_text: str) -> None:
    report = govreport.Report(seed_text)
    assert list(report.to_dict()) == list(json.loads(report.to_json()))
    assert list(report.to_dict())[:3] == ["format", "year", "agency"]
