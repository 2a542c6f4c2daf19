"""Across reports: compare with last year, roll units up, a batch's copies and outliers (GR6, GR7).

The county fixtures (tests/fixtures/county/{2022,2023}/) are three units of 进贤县 in two
years; crates/govreport/tests/across.rs states what the core finds in them, and these tests
check that the Python calls give the same.
"""

from __future__ import annotations

import json
import math
import pathlib
import threading
from typing import Any

import pytest

import govreport
from conftest import FIXTURES, SEED

COUNTY = FIXTURES / "county"
TODAY = "2026-11-26"
COUNTY_GOVERNMENT = {"name": "进贤县人民政府", "kind": "government", "region_code": "360124"}


def unit(year: int, name: str) -> pathlib.Path:
    return COUNTY / str(year) / f"{name}.json"


def violated(findings: list[govreport.Finding]) -> list[tuple[str, str]]:
    return [(f.code, f.path) for f in findings if f.status == "violated"]


# ---------------------------------------------------------------------------------------------
# compare


def test_carried_over_must_match_last_years_carried_forward() -> None:
    findings = govreport.compare(unit(2022, "education"), unit(2023, "education"), today=TODAY)
    assert violated(findings) == [
        ("GR601", "/requests/carried_over/natural_person"),
        ("GR601", "/requests/carried_over/total"),
    ]
    first = findings[0]
    assert isinstance(first, govreport.Finding)
    assert (first.expected, first.actual) == (2, 3)
    assert "自然人" in first.message


def test_copied_prose_and_a_sudden_jump() -> None:
    findings = govreport.compare(unit(2022, "health"), unit(2023, "health"), today=TODAY)
    found = violated(findings)
    assert ("GR606", "/sections/overview") in found
    assert ("GR606", "/sections/problems") in found
    (jump,) = [f for f in findings if f.code == "GR605"]
    assert (jump.path, jump.params["previous"], jump.actual) == ("/requests/new/total", "3", 19)
    copy = next(f for f in findings if f.code == "GR606")
    assert copy.params["similarity"] == "1.00"


def test_compare_takes_every_input_kind_and_gives_the_same() -> None:
    old, new = unit(2022, "health"), unit(2023, "health")
    expected = govreport.compare(old, new, today=TODAY)
    old_text = old.read_text(encoding="utf-8")
    new_doc: dict[str, Any] = json.loads(new.read_text(encoding="utf-8"))
    pairs: list[tuple[Any, Any]] = [
        (govreport.Report(old), govreport.Report(new)),
        (old_text, new_doc),
        (old.read_bytes(), bytearray(new.read_bytes())),
        (memoryview(old.read_bytes()), govreport.Report(new_doc)),
    ]
    for previous, current in pairs:
        assert govreport.compare(previous, current, today=TODAY) == expected


def test_compare_options() -> None:
    old, new = unit(2022, "health"), unit(2023, "health")
    en = govreport.compare(old, new, lang="en", today=TODAY)
    assert any("last year" in f.message for f in en if f.code == "GR606")
    # The copies are identical: found at any threshold up to 1; disable and severity apply.
    assert len([f for f in govreport.compare(old, new, today=TODAY, copy_threshold=1) if f.code == "GR606"]) == 2
    assert not [f for f in govreport.compare(old, new, today=TODAY, disable="GR606") if f.code == "GR606"]
    raised = govreport.compare(old, new, today=TODAY, severity={"GR606": "error"})
    assert {f.severity for f in raised if f.code == "GR606"} == {"error"}
    # The education bureau rewrote half its overview (similarity 0.51): a copy only from 0.51 down.
    def copied(threshold: float | None) -> list[tuple[str, str]]:
        found = govreport.compare(unit(2022, "education"), unit(2023, "education"), today=TODAY, copy_threshold=threshold)
        return [(f.path, f.params["similarity"]) for f in found if f.code == "GR606"]

    assert copied(None) == copied(0.6) == []
    assert copied(0.5) == [("/sections/overview", "0.51")]


def test_comparing_different_units_says_so() -> None:
    codes = {c for c, _ in violated(govreport.compare(unit(2022, "education"), unit(2022, "health"), today=TODAY))}
    assert {"GR603", "GR604"} <= codes


@pytest.mark.parametrize("bad", [1.5, -0.1, math.nan, math.inf])
def test_copy_threshold_out_of_range_is_an_invalid_option(bad: float) -> None:
    for call in (
        lambda: govreport.compare(unit(2022, "health"), unit(2023, "health"), copy_threshold=bad),
        lambda: govreport.check(SEED, copy_threshold=bad),
        lambda: govreport.check_many([SEED], copy_threshold=bad),
        lambda: govreport.Report(SEED).check(copy_threshold=bad),
    ):
        with pytest.raises(govreport.ReportError) as e:
            call()
        assert e.value.kind == "invalid"
        assert "copy_threshold" in str(e.value)


def test_copy_threshold_of_the_wrong_type() -> None:
    for bad in ("0.8", True, object(), [0.8]):
        with pytest.raises(TypeError, match="copy_threshold"):
            govreport.check(SEED, copy_threshold=bad)  # type: ignore[arg-type]


def test_compare_errors_name_the_argument(tmp_path: pathlib.Path) -> None:
    good = unit(2023, "health")
    with pytest.raises(govreport.ReportError) as e:
        govreport.compare("{", good)
    assert e.value.kind == "syntax"
    assert str(e.value).startswith("previous")
    with pytest.raises(govreport.ReportError) as e:
        govreport.compare(good, {"format": "2021", "year": 2023, "agency": {"name": "x", "kind": "department"}, "requests": {"new": {"total": -1}}}, lang="en")
    assert e.value.pointer == "/requests/new/total"
    assert str(e.value).startswith("current: ")
    with pytest.raises(TypeError, match="current"):
        govreport.compare(good, 42)  # type: ignore[arg-type]
    with pytest.raises(FileNotFoundError):
        govreport.compare(tmp_path / "missing.json", good)
    with pytest.raises(govreport.ReportError):
        govreport.compare(good, good, disable="XX")
    with pytest.raises(govreport.ReportError):
        govreport.compare(good, good, lang="fr")


# ---------------------------------------------------------------------------------------------
# aggregate


def test_the_county_rolls_up_exactly_and_names_its_gap() -> None:
    up = govreport.aggregate(sorted((COUNTY / "2023").glob("*.json")), agency=COUNTY_GOVERNMENT)
    assert isinstance(up, govreport.RollUp)
    assert isinstance(up.report, govreport.Report)
    assert sorted(up.units) == sorted(["进贤县教育体育局", "进贤县卫生健康委员会", "进贤县民和镇人民政府"])
    r = up.report
    assert (r.format, r.year, r["/agency/name"], r["/agency/region_code"]) == ("2021", 2023, "进贤县人民政府", "360124")
    assert r["/requests/new/total"] == 38
    assert r["/proactive/penalty"] == 41
    assert r["/proactive/fees_10k_yuan"] == "0"
    # The township left 行政许可 blank: the sum is unknown, not zero.
    assert r["/proactive/licensing"] is None
    (gap,) = up.gaps
    assert isinstance(gap, govreport.Gap)
    assert (gap.pointer, gap.units) == ("/proactive/licensing", ["进贤县民和镇人民政府"])
    assert gap.to_dict() == {"pointer": "/proactive/licensing", "units": ["进贤县民和镇人民政府"]}
    assert repr(gap) == "Gap(pointer='/proactive/licensing', units=['进贤县民和镇人民政府'])"
    found = {f.code for f in govreport.check(r, today=TODAY)}
    assert not found & {"GR201", "GR202", "GR203", "GR301"}


def test_rollup_to_dict_and_the_report_object() -> None:
    up = govreport.aggregate([unit(2023, "education"), unit(2023, "health")], agency="进贤县人民政府")
    assert up.report is up.report  # one object: a change to it stays
    up.report["/requests/new/total"] = 1
    assert up.report["/requests/new/total"] == 1
    d = up.to_dict()
    assert set(d) == {"report", "units", "gaps"}
    assert d["report"] == up.report.to_dict()
    assert d["report"]["agency"] == {"name": "进贤县人民政府", "kind": "government"}
    assert d["units"] == up.units == ["进贤县教育体育局", "进贤县卫生健康委员会"]
    assert d["gaps"] == [g.to_dict() for g in up.gaps]
    assert repr(up).startswith("RollUp(report=Report(format='2021', year=2023")


def test_aggregate_takes_every_input_kind_and_generators() -> None:
    paths = [unit(2023, n) for n in ("education", "health", "minhe-town")]
    expected = govreport.aggregate(paths, agency=COUNTY_GOVERNMENT).to_dict()
    mixed: list[Any] = [
        govreport.Report(paths[0]),
        json.loads(paths[1].read_text(encoding="utf-8")),
        paths[2].read_bytes(),
    ]
    assert govreport.aggregate(iter(mixed), agency=COUNTY_GOVERNMENT).to_dict() == expected
    assert govreport.aggregate((p.read_text(encoding="utf-8") for p in paths), agency=COUNTY_GOVERNMENT).to_dict() == expected


def test_mixed_years_raise_the_cores_message() -> None:
    with pytest.raises(govreport.ReportError) as e:
        govreport.aggregate([unit(2023, "education"), unit(2022, "health")], agency=COUNTY_GOVERNMENT)
    assert e.value.kind == "invalid"
    assert "reports[1]" in str(e.value)
    assert "reports[1] (进贤县卫生健康委员会)" in e.value.messages["en"]


def test_what_cannot_be_rolled_up() -> None:
    with pytest.raises(govreport.ReportError):
        govreport.aggregate([], agency=COUNTY_GOVERNMENT)
    with pytest.raises(govreport.ReportError):  # 2007 reports are prose
        govreport.aggregate([SEED], agency=COUNTY_GOVERNMENT)
    # A report that cannot be read names its place in the list.
    with pytest.raises(govreport.ReportError) as e:
        govreport.aggregate([unit(2023, "health"), "{"], agency=COUNTY_GOVERNMENT, lang="en")
    assert e.value.kind == "syntax"
    assert str(e.value).startswith("reports[1]: ")


def test_aggregate_argument_errors(tmp_path: pathlib.Path) -> None:
    good = [unit(2023, "health")]
    with pytest.raises(TypeError, match=r"reports\[1\]"):
        govreport.aggregate([unit(2023, "health"), 5], agency=COUNTY_GOVERNMENT)  # type: ignore[list-item]
    for one in (unit(2023, "health").read_text(encoding="utf-8"), govreport.Report(unit(2023, "health")), {"format": "2021"}, 5):
        with pytest.raises(TypeError):
            govreport.aggregate(one, agency=COUNTY_GOVERNMENT)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="agency"):
        govreport.aggregate(good, agency=5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        govreport.aggregate(good)  # type: ignore[call-arg]
    for bad_agency in ({"name": "x"}, {"name": "x", "kind": "county"}, {"name": "x", "kind": "government", "colour": "red"}):
        with pytest.raises(govreport.ReportError) as e:
            govreport.aggregate(good, agency=bad_agency)
        assert e.value.kind == "invalid"
    with pytest.raises(FileNotFoundError):
        govreport.aggregate([tmp_path / "missing.json"], agency=COUNTY_GOVERNMENT)
    with pytest.raises(govreport.ReportError):
        govreport.aggregate(good, agency=COUNTY_GOVERNMENT, lang="fr")


# ---------------------------------------------------------------------------------------------
# check_many: what only a batch shows (GR7), as `govreport check` gives it for a folder


def test_the_county_folder_as_one_batch() -> None:
    paths = sorted(COUNTY.glob("*/*.json"))
    results = govreport.check_many(paths, today=TODAY)
    batch_only = {
        str(path.relative_to(COUNTY)): [(f.code, f.path) for f in result if f.code.startswith("GR7")]
        for path, result in zip(paths, results)
        if isinstance(result, list)
    }
    assert batch_only == {
        "2022/education.json": [],
        "2022/health.json": [],
        # 0 licensing decisions where its five peers' median is 131.
        "2022/minhe-town.json": [("GR702", "/proactive/licensing")],
        "2023/education.json": [],
        "2023/health.json": [("GR701", "/sections/overview"), ("GR701", "/sections/problems")],
        "2023/minhe-town.json": [],
    }
    township = results[2]
    assert isinstance(township, list)
    (outlier,) = [f for f in township if f.code == "GR702"]
    assert (outlier.actual, outlier.params["median"], outlier.params["peers"]) == (0, "131", "5")


def test_a_batch_finds_prose_copied_between_its_reports() -> None:
    # The health bureau copied its 2022 text into 2023 (GR606 above): in one batch, GR701.
    batch = [unit(2022, "health"), unit(2023, "education"), unit(2023, "health")]
    results = govreport.check_many(batch, today=TODAY)
    copies = [[(f.path, f.params["other"]) for f in r if f.code == "GR701"] for r in results if isinstance(r, list)]
    assert copies[0] == [] and copies[1] == []
    assert copies[2] == [("/sections/overview", "进贤县卫生健康委员会"), ("/sections/problems", "进贤县卫生健康委员会")]
    # The rest of each result is the report's own check.
    for path, result in zip(batch, results):
        assert isinstance(result, list)
        assert [f for f in result if not f.code.startswith("GR7")] == govreport.check(path, today=TODAY)
    # Switched off like any rule.
    assert govreport.check_many(batch, today=TODAY, disable="GR7") == [govreport.check(p, today=TODAY, disable="GR7") for p in batch]


def test_a_batch_names_a_report_without_an_agency_by_its_place(doc: dict[str, Any]) -> None:
    text = "本机关认真贯彻落实政府信息公开条例，围绕中心工作，扎实推进主动公开、依申请公开和政策解读，不断提升政务公开质量和实效，全年未发生行政复议和诉讼。"
    nameless = {**doc, "agency": {"name": "", "kind": "department"}, "sections": {"overview": text}}
    results = govreport.check_many([nameless, nameless])
    assert isinstance(results[1], list)
    (copy,) = [f for f in results[1] if f.code == "GR701"]
    assert copy.params["other"] == "reports[0]"
    assert "reports[0]" in copy.message


def test_copy_threshold_in_a_batch() -> None:
    batch = [unit(2022, "health"), unit(2023, "health")]
    at_one = govreport.check_many(batch, today=TODAY, copy_threshold=1.0)
    assert isinstance(at_one[1], list) and len([f for f in at_one[1] if f.code == "GR701"]) == 2
    # check takes it too (one report has nothing to be a copy of), and Report.check.
    assert govreport.check(batch[1], today=TODAY, copy_threshold=0.5) == govreport.check(batch[1], today=TODAY)
    assert govreport.Report(batch[1]).check(today=TODAY, copy_threshold=0) == govreport.check(batch[1], today=TODAY)


def test_calls_across_reports_run_in_parallel_threads() -> None:
    errors: list[BaseException] = []
    expected = govreport.compare(unit(2022, "health"), unit(2023, "health"), today=TODAY)

    def work() -> None:
        try:
            for _ in range(20):
                assert govreport.compare(unit(2022, "health"), unit(2023, "health"), today=TODAY) == expected
                govreport.aggregate([unit(2023, "education"), unit(2023, "health")], agency="进贤县人民政府")
        except BaseException as e:  # noqa: BLE001 - any exception fails the test
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors


def test_indicators_are_the_cores_figures() -> None:
    import pathlib

    root = pathlib.Path(__file__).resolve().parents[2]
    figures = govreport.indicators(root / "tests/fixtures/county/2023/education.json")
    assert figures["disclosure_rate"] == pytest.approx(14 / 19)
    assert figures["review_litigation_rate"] == pytest.approx(1 / 17)
    assert figures["correction_rate"] is None
    with pytest.raises(TypeError):
        govreport.indicators(42)  # type: ignore[arg-type]
