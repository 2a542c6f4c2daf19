"""Pythonic errors: ReportError (a ValueError) with kind and pointer, TypeError, OSError."""

from __future__ import annotations

import json
import pathlib
from typing import Any

import pytest

import govreport
from conftest import SEED


def raises_report_error(source: Any) -> govreport.ReportError:
    with pytest.raises(govreport.ReportError) as e:
        govreport.Report(source)
    with pytest.raises(govreport.ReportError):
        govreport.check(source)
    err = e.value
    assert isinstance(err, ValueError)
    assert str(err) == err.message == err.messages["zh"]
    assert set(err.messages) == {"zh", "en"}
    return err


def test_bad_json_text_and_bytes() -> None:
    for source in ('{"format": "2021",', b"{]", "", "not json"):
        err = raises_report_error(source)
        assert err.kind == "syntax" and err.pointer is None
    err = raises_report_error('{\n  "format": "2021",\n  oops\n}')
    assert "line 3" in err.messages["en"]


def test_negative_count_names_the_pointer(doc: dict[str, Any]) -> None:
    doc["requests"]["new"]["total"] = -1
    for source in (doc, json.dumps(doc)):
        err = raises_report_error(source)
        assert err.kind == "structure"
        assert err.pointer == "/requests/new/total"
        assert "/requests/new/total" in str(err)
        assert "negative" in err.messages["en"]


def test_a_list_where_an_object_belongs(doc: dict[str, Any]) -> None:
    # Numbers are never placed by position: a row written as a list of its values is refused.
    doc["requests"]["new"] = [3, 0, 0, 0, 0, 0, 3]
    for source in (doc, json.dumps(doc), json.dumps(doc).encode()):
        err = raises_report_error(source)
        assert err.kind == "structure" and err.pointer == "/requests/new"
    doc["requests"]["new"] = {"total": 4}
    doc["agency"] = ["某市某局", "department"]
    assert raises_report_error(doc).pointer == "/agency"


def test_unknown_format(doc: dict[str, Any]) -> None:
    doc["format"] = "2020"
    err = raises_report_error(doc)
    assert err.kind == "unknown_format" and err.pointer == "/format"
    doc["format"] = 2021
    assert raises_report_error(doc).pointer == "/format"
    del doc["format"]
    err = raises_report_error(doc)
    assert err.kind == "structure" and err.pointer == ""


def test_not_utf8() -> None:
    data = '{"format": "2021", "agency": {"name": "某局"}}'.encode("gb18030")
    err = raises_report_error(data)
    assert err.kind == "utf8" and err.pointer is None


def test_lone_surrogates_are_report_errors(doc: dict[str, Any]) -> None:
    assert raises_report_error('{"format": "2021", "year": "\ud800"}').kind == "utf8"
    doc["agency"]["name"] = "某\udc00局"
    err = raises_report_error(doc)
    assert err.kind == "structure" and err.pointer == "/agency/name"


def test_non_json_numbers_and_deep_nesting_from_python(doc: dict[str, Any]) -> None:
    doc["requests"]["new"]["total"] = float("nan")
    err = raises_report_error(doc)
    assert err.pointer == "/requests/new/total"
    doc["requests"]["new"]["total"] = 10**40
    err = raises_report_error(doc)
    assert err.pointer == "/requests/new/total"
    doc["requests"]["new"]["total"] = 4
    deep: dict[str, Any] = {}
    doc["sections"] = deep
    for _ in range(100):
        deep["x"] = {}
        deep = deep["x"]
    assert raises_report_error(doc).kind == "structure"
    # A cycle is refused, not followed forever.
    cyclic: dict[str, Any] = {"format": "2021"}
    cyclic["self"] = cyclic
    raises_report_error(cyclic)


def test_too_large() -> None:
    huge = b'{"format": "2021", "sections": {"overview": "' + b"x" * (33 * 1024 * 1024) + b'"}}'
    assert raises_report_error(huge).kind == "too_large"


def test_english_messages_on_request(doc: dict[str, Any]) -> None:
    doc["requests"]["new"]["total"] = -1
    with pytest.raises(govreport.ReportError) as e:
        govreport.check(doc, lang="en")
    assert str(e.value) == e.value.messages["en"]


def test_wrong_types_are_type_errors(doc: dict[str, Any]) -> None:
    for source in (None, 42, 4.2, ["format"], {"format"}, object()):
        with pytest.raises(TypeError):
            govreport.Report(source)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            govreport.check(source)  # type: ignore[arg-type]
    doc["requests"]["new"]["total"] = {4}
    with pytest.raises(TypeError, match="/requests/new/total"):
        govreport.Report(doc)
    with pytest.raises(TypeError, match="keys"):
        govreport.Report({"format": "2021", 1: 2})  # type: ignore[dict-item]
    with pytest.raises(TypeError):
        govreport.Report.from_json(doc)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        govreport.Report.from_dict("{}")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        govreport.Report.from_path(b"x")  # type: ignore[arg-type]
    r = govreport.Report(SEED)
    with pytest.raises(TypeError):
        r[0]  # type: ignore[index]
    with pytest.raises(TypeError):
        r.set("/year", object())
    with pytest.raises(TypeError):
        govreport.explain(201)  # type: ignore[arg-type]


def test_wrong_option_types_and_values() -> None:
    with pytest.raises(TypeError):
        govreport.check(SEED, lang=1)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        govreport.check(SEED, severity=["GR802"])  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        govreport.check(SEED, disable=8)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        govreport.check(SEED, today=20300101)  # type: ignore[arg-type]
    for bad in (
        {"lang": "fr"},
        {"severity": {"GR999": "error"}},
        {"severity": {"GR802": "fatal"}},
        {"disable": ["XX"]},
        {"township_deadline": "13-45"},
        {"today": "2030/01/01"},
    ):
        with pytest.raises(govreport.ReportError) as e:
            govreport.check(SEED, **bad)
        assert e.value.kind == "invalid", bad


def test_a_bad_date_is_refused_alike_alone_or_with_other_options() -> None:
    # Dates alone are handed to the core directly; with other options, in an options document.
    cases: list[dict[str, Any]] = [{"today": "2030/01/01"}, {"today": "2030-02-30"}, {"township_deadline": "13-45"}]
    for bad in cases:
        with pytest.raises(govreport.ReportError) as alone:
            govreport.check(SEED, **bad)
        with pytest.raises(govreport.ReportError) as together:
            govreport.check(SEED, disable=["GR7"], **bad)
        assert (alone.value.kind, alone.value.pointer, alone.value.messages) == (together.value.kind, together.value.pointer, together.value.messages), bad
        assert alone.value.message.startswith("options." + next(iter(bad))), bad


def test_unknown_rule_code() -> None:
    for call in (lambda: govreport.explain("GR999"), lambda: govreport.rule("nope"), lambda: govreport.rules("fr")):
        with pytest.raises(govreport.ReportError) as e:
            call()
        assert e.value.kind == "invalid"


def test_pointer_errors_leave_the_report_unchanged(doc: dict[str, Any]) -> None:
    r = govreport.Report(doc)
    before = r.to_dict()
    cases: list[tuple[str, Any, str]] = [
        ("requests/new/total", 1, "invalid"),  # not a pointer
        ("", {}, "invalid"),  # the whole document
        ("/format", "2019", "invalid"),  # the format cannot change
        ("/requests/new/total", -3, "structure"),
        ("/requests/new/total", "12", "structure"),
        ("/requests/new/total", 1.5, "structure"),
        ("/requests/new/bogus", 1, "invalid"),  # no such field: as for a get
        ("/proactive/fees_10k_yuan", 0.5, "structure"),
        ("/agency/kind", "ministry", "structure"),
    ]
    for pointer, value, kind in cases:
        with pytest.raises(govreport.ReportError) as e:
            r[pointer] = value
        assert e.value.kind == kind, (pointer, value)
        assert r.to_dict() == before
    with pytest.raises(govreport.ReportError):
        r["no-slash"]
    with pytest.raises(govreport.ReportError) as e:
        r.format = "2019"  # type: ignore[misc]
    assert r.format == "2021"
    with pytest.raises(govreport.ReportError) as e:
        r.requests.new.total = -1
    assert e.value.pointer == "/requests/new/total"


def test_removing_a_required_field_raises_and_leaves_the_report_unchanged(doc: dict[str, Any]) -> None:
    r = govreport.Report(doc)
    before = r.to_json()
    for pointer in ("/agency/name", "/agency/kind", "/agency", "/year", "/format"):
        with pytest.raises(govreport.ReportError) as e:
            del r[pointer]
        assert e.value.kind == "structure", pointer
        assert r.to_json() == before
        with pytest.raises(govreport.ReportError):
            r.remove(pointer)
        assert r.to_json() == before
    with pytest.raises(govreport.ReportError):
        del r.agency.name
    with pytest.raises(govreport.ReportError):
        del r.year
    with pytest.raises(govreport.ReportError) as e:
        r.remove("")  # the whole document
    assert e.value.kind == "invalid"
    with pytest.raises(govreport.ReportError) as e:
        r.remove("agency")  # not a pointer
    assert e.value.kind == "invalid"
    with pytest.raises(TypeError):
        del r[0]  # type: ignore[arg-type]
    assert r.to_json() == before


def test_missing_file_is_the_usual_os_error(tmp_path: pathlib.Path) -> None:
    missing = tmp_path / "missing.json"
    with pytest.raises(FileNotFoundError) as e:
        govreport.Report(missing)
    assert e.value.filename == str(missing)
    with pytest.raises(FileNotFoundError):
        govreport.check(missing)
    with pytest.raises(FileNotFoundError):
        govreport.Report.from_path(str(missing))
    with pytest.raises(IsADirectoryError):
        govreport.Report(tmp_path)


def test_errors_pickle_with_their_attributes(doc: dict[str, Any]) -> None:
    import pickle

    doc["requests"]["new"]["total"] = -1
    with pytest.raises(govreport.ReportError) as e:
        govreport.Report(doc)
    again = pickle.loads(pickle.dumps(e.value))
    assert isinstance(again, govreport.ReportError)
    assert (again.kind, again.pointer, str(again)) == (e.value.kind, e.value.pointer, str(e.value))
