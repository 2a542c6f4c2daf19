"""check_many and import_document on folders, JSON Lines and iterables: each result says its
file (``file:line`` for a line) and unit."""

from __future__ import annotations

import json
import pathlib
import pickle
from typing import Any

import pytest

import govreport
from conftest import minimal_2021


def unit_doc(name: str, total: int = 4) -> dict[str, Any]:
    doc: dict[str, Any] = minimal_2021()
    doc["agency"]["name"] = name
    doc["requests"]["new"]["total"] = total
    return doc


def line(doc: dict[str, Any]) -> str:
    return json.dumps(doc, ensure_ascii=False)


def test_folder_as_path_and_str(tmp_path: pathlib.Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.json").write_text(line(unit_doc("甲局")), encoding="utf-8")
    (tmp_path / "sub" / "b.json").write_text(line(unit_doc("乙局", 9)), encoding="utf-8")
    (tmp_path / "notes.csv").write_text("not a report", encoding="utf-8")
    results = govreport.check_many(tmp_path, disable="GR7")
    assert [(pathlib.Path(r.file or "").name, r.unit) for r in results if isinstance(r, govreport.Checked)] == [("a.json", "甲局"), ("b.json", "乙局")]
    assert [list(r) for r in results if isinstance(r, list)] == [
        govreport.check(unit_doc("甲局"), disable="GR7"),
        govreport.check(unit_doc("乙局", 9), disable="GR7"),
    ]
    assert govreport.check_many(str(tmp_path), disable="GR7") == results


def test_json_lines_give_file_and_line(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "units.jsonl"
    path.write_text(line(unit_doc("甲局")) + "\n\n" + "{\n" + line(unit_doc("丙局")) + "\n", encoding="utf-8")
    first, bad, third = govreport.check_many(path, disable="GR7")
    assert isinstance(first, govreport.Checked) and first.file == f"{path}:1" and first.unit == "甲局"
    assert isinstance(bad, govreport.ReportError) and bad.kind == "syntax"
    assert getattr(bad, "file") == f"{path}:3" and getattr(bad, "unit") is None
    assert isinstance(third, govreport.Checked) and third.file == f"{path}:4" and third.unit == "丙局"
    # A JSON Lines file among the items of a list is read line by line too.
    mixed = govreport.check_many([unit_doc("乙局"), path], disable="GR7")
    assert [(r.file, r.unit) for r in mixed if isinstance(r, govreport.Checked)] == [(None, "乙局"), (f"{path}:1", "甲局"), (f"{path}:4", "丙局")]


def test_iterables_keep_their_items_and_name_units(tmp_path: pathlib.Path) -> None:
    docs = (unit_doc(f"第{i}局") for i in range(3))
    results = govreport.check_many(docs, disable="GR7")
    assert [(r.file, r.unit) for r in results if isinstance(r, govreport.Checked)] == [(None, "第0局"), (None, "第1局"), (None, "第2局")]
    one = tmp_path / "one.json"
    one.write_text(line(unit_doc("丁局")), encoding="utf-8")
    (checked,) = govreport.check_many([one], disable="GR7")
    assert isinstance(checked, govreport.Checked) and (checked.file, checked.unit) == (str(one), "丁局")


def test_results_pickle_with_their_source(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "units.jsonl"
    path.write_text(line(unit_doc("甲局")) + "\n" + "{\n", encoding="utf-8")
    results = govreport.check_many(path)
    back = pickle.loads(pickle.dumps(results))
    assert isinstance(back[0], govreport.Checked) and (back[0].file, back[0].unit) == (f"{path}:1", "甲局")
    assert isinstance(results[0], govreport.Checked) and list(back[0]) == list(results[0])
    assert isinstance(back[1], govreport.ReportError) and getattr(back[1], "file") == f"{path}:2"


def test_threads_must_be_at_least_one() -> None:
    with pytest.raises(govreport.ReportError, match="threads") as zh:
        govreport.check_many([minimal_2021()], threads=0)
    assert zh.value.kind == "invalid" and "至少" in str(zh.value)
    with pytest.raises(govreport.ReportError, match="at least 1 thread"):
        govreport.check_many([minimal_2021()], threads=-3, lang="en")
    with pytest.raises(TypeError):
        govreport.check_many([minimal_2021()], threads=1.5)  # type: ignore[arg-type]


def test_import_many_on_a_folder_and_a_list(tmp_path: pathlib.Path) -> None:
    page = "2023年度某局政府信息公开工作年度报告\n一、总体情况\n本年度我局主动公开信息12条。\n"
    (tmp_path / "a.txt").write_text(page, encoding="utf-8")
    (tmp_path / "b.html").write_text(f"<html><body><p>{page}</p></body></html>", encoding="utf-8")
    imported = govreport.import_many(tmp_path, year=2023)
    assert [pathlib.Path(i.file or "").name for i in imported if isinstance(i, govreport.Imported)] == ["a.txt", "b.html"]
    one = govreport.import_document((tmp_path / "a.txt").read_bytes(), year=2023)
    first = imported[0]
    assert isinstance(first, govreport.Imported) and first.report == one.report and first.findings == one.findings
    assert one.file is None
    listed = govreport.import_many([tmp_path / "a.txt", (tmp_path / "b.html").read_bytes(), tmp_path / "missing.txt"], year=2023)
    assert [getattr(i, "file", "?") for i in listed] == [str(tmp_path / "a.txt"), None, str(tmp_path / "missing.txt")]
    assert isinstance(listed[2], FileNotFoundError)
    # One source is import_document's; many are import_many's: each says so.
    with pytest.raises(TypeError, match="import_many"):
        govreport.import_document(tmp_path)
    with pytest.raises(TypeError, match="import_document"):
        govreport.import_many(page.encode("utf-8"))  # type: ignore[arg-type]


def test_a_json_lines_file_given_to_check_says_to_use_check_many(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "units.json"
    path.write_text(line(unit_doc("甲局")) + "\n" + line(unit_doc("乙局")) + "\n", encoding="utf-8")
    with pytest.raises(govreport.ReportError, match="check_many") as e:
        govreport.check(path, lang="en")
    assert e.value.kind == "syntax"
    assert len(govreport.check_many(path)) == 2


def test_unreadable_paths_are_results_not_raised(tmp_path: pathlib.Path) -> None:
    missing = tmp_path / "missing"
    (checked,) = govreport.check_many(missing)
    assert isinstance(checked, govreport.ReportError) and getattr(checked, "file") == str(missing)
    (imported,) = govreport.import_many(missing)
    assert isinstance(imported, govreport.ReportError) and getattr(imported, "file") == str(missing)
    one = tmp_path / "a.txt"
    one.write_text("2023年度某局政府信息公开工作年度报告\n", encoding="utf-8")
    (page,) = govreport.import_many(one, year=2023)
    assert isinstance(page, govreport.Imported) and page.file == str(one)
    assert govreport.check_many([]) == [] and govreport.import_many([]) == []
