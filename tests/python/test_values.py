"""The values a DataFrame hands over, the one float policy, and errors with pointers."""

from __future__ import annotations

import collections
import types
from decimal import Decimal
from typing import Any

import pytest

import govreport
from conftest import minimal_2021


def with_total(value: Any) -> dict[str, Any]:
    doc: dict[str, Any] = minimal_2021()
    doc["requests"]["new"]["total"] = value
    return doc


def test_numpy_integers_and_floats() -> None:
    np = pytest.importorskip("numpy")
    for value in (np.int64(4), np.uint64(4), np.int32(4), np.float64(4.0), np.float32(4.0)):
        assert govreport.Report(with_total(value)).requests.new.total == 4, type(value)
    with pytest.raises(govreport.ReportError) as e:
        govreport.Report(with_total(np.int64(-1)))
    assert e.value.pointer == "/requests/new/total"


def test_decimal_is_exact() -> None:
    doc: dict[str, Any] = minimal_2021()
    doc["proactive"]["fees_10k_yuan"] = Decimal("0.123456789012")
    assert govreport.Report(doc)["/proactive/fees_10k_yuan"] == "0.123456789012"
    assert govreport.Report(with_total(Decimal("4"))).requests.new.total == 4
    with pytest.raises(govreport.ReportError) as e:
        govreport.Report(with_total(Decimal("4.5")))
    assert e.value.pointer == "/requests/new/total"


def test_missing_values_are_blank_only_when_asked() -> None:
    pd = pytest.importorskip("pandas")
    for missing in (float("nan"), Decimal("NaN"), pd.NA, pd.NaT):
        with pytest.raises(govreport.ReportError, match="blank_na=True") as e:
            govreport.Report(with_total(missing))
        assert e.value.pointer == "/requests/new/total" and e.value.kind == "structure"
        report = govreport.Report(with_total(missing), blank_na=True)
        assert "/requests/new/total" in report and report["/requests/new/total"] is None
    assert govreport.check(with_total(pd.NA), blank_na=True) == govreport.check(with_total(None))
    (result,) = govreport.check_many([with_total(float("nan"))])
    assert isinstance(result, govreport.ReportError) and result.pointer == "/requests/new/total"


def test_a_dataframe_row_as_a_report() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"natural_person": [3, None], "total": [4, 6]})
    row = frame.iloc[1].to_dict()  # numpy values, NaN for the missing one
    doc: dict[str, Any] = minimal_2021()
    doc["requests"]["new"] = row
    report = govreport.Report(doc, blank_na=True)
    assert report.requests.new.total == 6 and report.requests.new.natural_person is None


def test_mappings_are_documents() -> None:
    doc = types.MappingProxyType({**minimal_2021(), "requests": collections.OrderedDict(new={"total": 4})})
    assert govreport.Report(doc).requests.new.total == 4
    assert govreport.check(doc) == govreport.check(minimal_2021() | {"requests": {"new": {"total": 4}}})
    # A prebuilt dict[str, str] and a str variable type-check (mypy runs on this file) and work.
    lang: str = "en"
    assert "is missing" in govreport.check(minimal_2021(), lang=lang)[0].message
    severity: dict[str, str] = {"GR201": "info"}
    assert all(f.severity == "info" for f in govreport.check(minimal_2021(), severity=severity) if f.code == "GR201")
    assert all(f.severity == "info" for f in govreport.check(minimal_2021(), severity=types.MappingProxyType(severity)) if f.code == "GR201")


def test_one_float_policy() -> None:
    # Whole floats up to 2^53 are the number, for counts and the year alike.
    doc = with_total(4.0)
    doc["year"] = 2023.0
    report = govreport.Report(doc)
    assert (report.year, report.requests.new.total) == (2023, 4)
    assert govreport.Report(with_total(1962479495181233.0))["/requests/new/total"] == 1962479495181233
    # Past 2^53 a float's digits are not known: refused with the core's message, never "too large".
    for big in (1.0e16, 2.0**64):
        with pytest.raises(govreport.ReportError) as e:
            govreport.Report(with_total(big), )
        assert e.value.pointer == "/requests/new/total"
        assert "2^53" in e.value.messages["en"] and "larger than 18446744073709551615" not in e.value.messages["en"]
    # An int is exact at any size: 2**64 is quoted in full.
    with pytest.raises(govreport.ReportError) as e:
        govreport.Report(with_total(2**64))
    assert "18446744073709551616" in e.value.messages["en"]
    with pytest.raises(govreport.ReportError):
        govreport.Report(with_total(4.5))


def test_errors_lists_every_problem_with_pointers() -> None:
    doc = with_total(-1)
    doc["requests"]["new"]["natural_person"] = -2
    with pytest.raises(govreport.ReportError) as e:
        govreport.Report(doc)
    pointers = {p["pointer"] for p in e.value.errors()}
    assert {"/requests/new/total", "/requests/new/natural_person"} <= pointers


def test_syntax_errors_have_line_and_column() -> None:
    with pytest.raises(govreport.ReportError) as e:
        govreport.Report('{\n  "format": "2021",\n  "year": ,\n}')
    assert e.value.kind == "syntax"
    assert (getattr(e.value, "line"), getattr(e.value, "column")) == (3, 11)


def test_option_errors_in_the_language_asked() -> None:
    with pytest.raises(govreport.ReportError) as e:
        govreport.check(minimal_2021(), lang="fr")
    assert "fr" in str(e.value) and "variant" not in str(e.value) and "line 1" not in str(e.value)
    with pytest.raises(govreport.ReportError) as e:
        govreport.check(minimal_2021(), lang="en", severity={"GR201": "fatal"})
    text = str(e.value)
    assert "fatal" in text and "variant" not in text and "line 1" not in text
    assert text == e.value.messages["en"]
    with pytest.raises(govreport.ReportError) as e:
        govreport.check(minimal_2021(), severity={"GR201": "fatal"})
    assert str(e.value) == e.value.messages["zh"]


def test_every_missing_value_is_listed() -> None:
    doc = with_total(float("nan"))
    doc["requests"]["new"]["natural_person"] = float("inf")
    doc["year"] = Decimal("NaN")
    with pytest.raises(govreport.ReportError) as e:
        govreport.Report(doc)
    pointers = [p["pointer"] or "" for p in e.value.errors()]
    assert sorted(pointers) == ["/requests/new/natural_person", "/requests/new/total", "/year"]
    assert e.value.pointer == pointers[0] and "and 2 more" in e.value.messages["en"]
    assert all(p["type"] == "structure" for p in e.value.errors())
