"""Every value the package returns pickles, so results cross multiprocessing."""

from __future__ import annotations

import multiprocessing
import pathlib
import pickle
from typing import Any

import govreport
from conftest import SEED, minimal_2021


def check_path(path: pathlib.Path) -> list[govreport.Finding]:
    """What a worker of a multiprocessing.Pool runs (module level, so that it pickles)."""
    return govreport.check(path, lang="en", today="2030-01-01")


def test_findings_and_rules_round_trip() -> None:
    findings = govreport.check(SEED, lang="en")
    assert findings, "the seed document has findings"
    back = pickle.loads(pickle.dumps(findings))
    assert back == findings
    assert [f.to_dict() for f in back] == [f.to_dict() for f in findings]
    rule = govreport.rule("GR201", lang="en")
    again = pickle.loads(pickle.dumps(rule))
    assert (again.code, again.lang, again.title) == ("GR201", "en", rule.title)
    assert again == rule and again != govreport.rule("GR201")


def test_report_parts_round_trip() -> None:
    report = govreport.Report(minimal_2021())
    report["/requests/new/total"] = None
    done = report.complete()
    assert pickle.loads(pickle.dumps(done)) == done
    back = pickle.loads(pickle.dumps(done))
    assert back.to_dict() == done.to_dict() and "/requests/new/total" in back.filled + back.left_empty
    node = report.requests.new
    assert isinstance(node, govreport.Node)
    copy = pickle.loads(pickle.dumps(node))
    assert isinstance(copy, govreport.Node)
    assert copy.pointer == "/requests/new" and copy.to_python() == node.to_python()


def test_rollup_gap_and_imported_round_trip() -> None:
    a, b = minimal_2021(), minimal_2021()
    a["agency"] = {"name": "甲局", "kind": "department"}
    b["agency"] = {"name": "乙局", "kind": "department"}
    del b["requests"]["new"]["natural_person"]
    up = govreport.aggregate([a, b], agency="某县人民政府")
    assert up.gaps, "a cell one unit leaves absent is a gap"
    back = pickle.loads(pickle.dumps(up))
    assert back.to_dict() == up.to_dict()
    assert back.gaps == up.gaps and back.units == ["甲局", "乙局"]
    page = "2023年度某局政府信息公开工作年度报告\n一、总体情况\n本年度我局主动公开信息12条。\n"
    imported = govreport.import_document(page.encode("utf-8"), year=2023)
    again = pickle.loads(pickle.dumps(imported))
    assert again.to_dict() == imported.to_dict()
    assert (again.source, again.encoding, again.file) == (imported.source, imported.encoding, None)
    assert again.findings == imported.findings


def test_restore_refuses_what_it_did_not_write() -> None:
    from govreport import _native

    for kind, state in [("Finding", "{}"), ("Rule", ("GR000", "en")), ("Nothing", None)]:
        try:
            _native._restore(kind, state)
        except ValueError:
            continue
        raise AssertionError(f"{kind} restored from {state!r}")


def test_multiprocessing_pool_map(tmp_path: pathlib.Path) -> None:
    paths: list[pathlib.Path] = []
    for i, total in enumerate([4, 5, 9]):
        doc: dict[str, Any] = minimal_2021()
        doc["requests"]["new"]["total"] = total
        path = tmp_path / f"unit-{i}.json"
        path.write_text(govreport.Report(doc).to_json(), encoding="utf-8")
        paths.append(path)
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        results = pool.map(check_path, paths)
    assert results == [check_path(p) for p in paths]
    assert any(f.code == "GR201" for f in results[1])
