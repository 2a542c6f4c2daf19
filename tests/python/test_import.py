"""import_document: published reports (pages, text, .docx, PDF, JSON) read into reports.

For import a ``str`` is the text of a page (already decoded) and a file is read from a
``pathlib.Path``; bytes are decoded by the core, which finds their encoding.
"""

from __future__ import annotations

import pathlib
import threading
import time
from typing import Any

import pytest

import govreport
from conftest import FIXTURES, ROOT

CORPUS = FIXTURES / "corpus"
SEED_PAGE = CORPUS / "seed-2012-changchun-etdz.txt"
SEED_DOCUMENT = CORPUS / "seed-2012-changchun-etdz.json"
EXAMPLE = ROOT / "examples" / "report-2023.json"
TODAY = "2026-11-26"
# The start of a page that stops inside table A (the core's own example).
PAGE = "某市某局2023年政府信息公开工作年度报告\n一、总体情况\n本年度……\n二、主动公开政府信息情况\n规章 | 0 | 0 | 0 |\n行政规范性文件 | 5 | 1 | 25 |"


@pytest.fixture(scope="module")
def printable() -> govreport.Report:
    """The example without what the rendered layout does not print (agency level and region)."""
    r = govreport.Report(EXAMPLE)
    del r["/agency/level"]
    del r["/agency/region_code"]
    return r


def test_the_seed_page_imports_as_transcribed_and_checks() -> None:
    imported = govreport.import_document(SEED_PAGE)
    assert isinstance(imported, govreport.Imported)
    assert (imported.source, imported.encoding) == ("text", "UTF-8")
    # The one import finding: the agency kind taken from the name (a zone reports as a government).
    assert [(f.code, f.params["kind"]) for f in imported.findings] == [("GR918", "人民政府")]
    assert imported.report == govreport.Report(SEED_DOCUMENT)
    assert (imported.report.format, imported.report.year) == ("2007", 2012)
    codes = sorted(f.code for f in govreport.check(imported.report, today=TODAY) if f.status == "violated")
    assert codes == ["GR801", "GR801", "GR801", "GR802"]


def test_bytes_text_and_path_import_alike() -> None:
    raw = SEED_PAGE.read_bytes()
    expected = govreport.import_document(SEED_PAGE)
    for source in (raw, bytearray(raw), memoryview(raw), raw.decode("utf-8")):
        got = govreport.import_document(source)
        assert got.report == expected.report
        assert got.findings == expected.findings


def test_a_rendered_page_gives_the_report_back(printable: govreport.Report, tmp_path: pathlib.Path) -> None:
    html = govreport.render(printable)
    page = tmp_path / "report.html"
    page.write_bytes(html)
    kind = printable["/agency/kind"]
    for source in (html, html.decode("utf-8"), page):
        # The layout does not print the kind: given, nothing is taken from the name.
        imported = govreport.import_document(source, agency_kind=kind)
        assert imported.source == "html"
        assert imported.report == printable
        assert imported.findings == []


def test_a_rendered_word_file_gives_the_report_back(printable: govreport.Report) -> None:
    imported = govreport.import_document(printable.render("docx"))
    assert (imported.source, imported.encoding) == ("docx", "UTF-8")
    assert imported.report == printable


def test_pdf_bytes_and_files_import_like_any_source() -> None:
    path = CORPUS / "pdf" / "2024-hongze-district.pdf"
    for source in (path, path.read_bytes(), bytearray(path.read_bytes())):
        imported = govreport.import_document(source)
        assert (imported.source, imported.encoding) == ("pdf", "UTF-8")
        assert imported.report.year == 2024
        assert imported.report["/agency/name"] == "淮安市洪泽区人民政府"
        assert imported.report["/requests/partially_granted/total"] == 9
        assert imported.report["/review_litigation/litigation_after_review/total"] == 3
        (single,) = [f for f in imported.findings if f.code == "GR908"]
        assert single.params["page"] == "4" and len(single.params["box"].split(",")) == 4
    scan = FIXTURES / "pdf" / "scanned-page.pdf"
    with pytest.raises(govreport.ReportError) as e:
        govreport.import_document(scan, lang="en")
    assert e.value.kind == "invalid" and "OCR" in e.value.messages["en"] and "扫描件" in e.value.messages["zh"]


def test_a_pdf_the_parser_panics_on_is_a_broken_pdf() -> None:
    # hayro-syntax divides by zero on this fuzzed file; the import says the PDF is broken.
    bad = ROOT / "fuzz" / "regressions" / "pdf-predictor-zero-columns.pdf"
    with pytest.raises(govreport.ReportError) as e:
        govreport.import_document(bad, lang="en")
    assert e.value.kind == "invalid" and "not a readable PDF" in e.value.messages["en"]


def test_a_report_document_imports_as_itself() -> None:
    example = govreport.Report(EXAMPLE)
    imported = govreport.import_document(EXAMPLE)
    assert imported.source == "json"
    assert imported.report == example
    assert imported.findings == []


def test_gbk_bytes_are_found_and_read() -> None:
    text = govreport.import_document(PAGE)
    choices: list[dict[str, Any]] = [{}, {"encoding": "gbk"}, {"encoding": "GB18030"}]
    for options in choices:
        got = govreport.import_document(PAGE.encode("gbk"), **options)
        assert got.encoding in ("GBK", "gb18030")
        assert got.report == text.report
        assert got.findings == text.findings
    # A whole page: its GBK bytes give what its text gives.
    gbk = SEED_PAGE.read_text(encoding="utf-8").encode("gbk", errors="replace")
    from_bytes = govreport.import_document(gbk)
    assert from_bytes.encoding in ("GBK", "gb18030")
    assert from_bytes.report == govreport.import_document(gbk.decode("gbk")).report


def test_a_wrong_encoding_is_a_finding_not_an_error() -> None:
    got = govreport.import_document(PAGE.encode("gbk"), encoding="utf-8", year=2023)
    assert got.encoding == "UTF-8"
    (gr914,) = [f for f in got.findings if f.code == "GR914"]
    assert int(gr914.params["count"]) > 0


def test_import_findings_and_what_is_not_in_the_source() -> None:
    imported = govreport.import_document(PAGE, lang="en")
    assert imported.source == "text"
    report = imported.report
    assert report["/proactive/normative_documents/in_force"] == 25
    assert "/requests/new/total" not in report  # not in the source: absent, never 0
    codes = [f.code for f in imported.findings]
    assert "GR904" in codes  # the page stops inside table A
    assert all(c.startswith("GR9") for c in codes)
    cut = next(f for f in imported.findings if f.code == "GR904")
    assert cut.params["line"] == "6"
    assert "stops at line 6" in cut.message
    zh = govreport.import_document(PAGE)
    assert [f.code for f in zh.findings] == codes
    assert "第6行" in next(f for f in zh.findings if f.code == "GR904").message


def test_options_over_what_the_source_states() -> None:
    assert govreport.import_document(PAGE, year=2020).report.year == 2020
    assert govreport.import_document(PAGE, format="2019").report.format == "2019"
    html = govreport.render(EXAMPLE)
    as_text = govreport.import_document(html, source_kind="text")
    assert as_text.source == "text"
    assert govreport.import_document(html, source_kind="htm").source == "html"
    # The agency kind: taken from the name and said so (GR918), or given.
    taken = govreport.import_document(PAGE)
    assert taken.report["/agency/kind"] == "department"
    assert [f.code for f in taken.findings if f.code == "GR918"] == ["GR918"]
    given = govreport.import_document(PAGE, agency_kind="government")
    assert given.report["/agency/kind"] == "government"
    assert all(f.code != "GR918" for f in given.findings)


def test_imported_to_dict_and_the_report_object() -> None:
    imported = govreport.import_document(PAGE)
    assert imported.report is imported.report
    imported.report["/requests/new/total"] = 1
    assert imported.report["/requests/new/total"] == 1
    d = imported.to_dict()
    assert set(d) == {"source", "encoding", "report", "findings", "provenance"}
    assert d["provenance"] == imported.provenance and d["provenance"]["/proactive/normative_documents/in_force"] == {"line": 6, "column": 19, "text": "25"}
    assert (d["source"], d["encoding"]) == ("text", "UTF-8")
    assert d["report"] == imported.report.to_dict()
    assert d["findings"] == [f.to_dict() for f in imported.findings]
    assert repr(imported).startswith("Imported(source='text', encoding='UTF-8', report=Report(format='2021', year=2023")


def test_a_str_is_the_text_of_a_page_never_a_file_name() -> None:
    with pytest.raises(govreport.ReportError) as e:
        govreport.import_document(str(SEED_PAGE))
    assert e.value.kind == "invalid"
    assert "pathlib.Path" in str(e.value) and "pathlib.Path" in e.value.messages["en"]
    # Text is already decoded: an encoding does not apply to it.
    with pytest.raises(govreport.ReportError) as e:
        govreport.import_document(PAGE, encoding="gbk")
    assert e.value.kind == "invalid" and "encoding" in str(e.value)


def test_a_lone_surrogate_is_read_as_the_core_reads_bad_utf8() -> None:
    got = govreport.import_document(PAGE + "\ud800")
    assert any(f.code == "GR914" for f in got.findings)
    assert got.report["/proactive/normative_documents/in_force"] == 25


@pytest.mark.parametrize(
    "source",
    [b"", b" \n\t", b"%PDF-1.7 ...", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 old word", b"PK\x03\x04 not a docx", "no year anywhere", b'{"format": "2021"'],
)
def test_what_is_no_report_at_all(source: Any) -> None:
    with pytest.raises(govreport.ReportError) as e:
        govreport.import_document(source)
    assert e.value.messages["zh"] and e.value.messages["en"]


def test_no_year_can_be_given() -> None:
    with pytest.raises(govreport.ReportError) as e:
        govreport.import_document("某局政府信息公开工作年度报告\n一、总体情况\n本年度……", lang="en")
    assert "year" in str(e.value)
    got = govreport.import_document("某局政府信息公开工作年度报告\n一、总体情况\n本年度……", year=2023)
    assert got.report.year == 2023


@pytest.mark.parametrize(
    "options",
    [
        {"source_kind": "pdf"},
        {"format": "2020"},
        {"year": -1},
        {"year": 70000},
        {"year": 10**30},
        {"agency_kind": "ministry"},
        {"lang": "fr"},
    ],
)
def test_bad_option_values_are_invalid(options: dict[str, Any]) -> None:
    with pytest.raises(govreport.ReportError) as e:
        govreport.import_document(PAGE, **options)
    assert e.value.kind == "invalid"


def test_an_unknown_encoding_is_invalid() -> None:
    with pytest.raises(govreport.ReportError) as e:
        govreport.import_document(PAGE.encode(), encoding="no-such-encoding")
    assert e.value.kind == "invalid"
    assert "no-such-encoding" in str(e.value)


@pytest.mark.parametrize(
    "call",
    [
        lambda: govreport.import_document(5),  # type: ignore[arg-type]
        lambda: govreport.import_document({"format": "2021"}),  # type: ignore[arg-type]
        lambda: govreport.import_document(govreport.Report(EXAMPLE)),
        lambda: govreport.import_document(PAGE, year="2023"),  # type: ignore[arg-type]
        lambda: govreport.import_document(PAGE, year=True),
        lambda: govreport.import_document(PAGE, year=2023.0),  # type: ignore[arg-type]
        lambda: govreport.import_document(PAGE, format=2021),  # type: ignore[arg-type]
        lambda: govreport.import_document(PAGE, source_kind=1),  # type: ignore[arg-type]
        lambda: govreport.import_document(PAGE, agency_kind=1),  # type: ignore[arg-type]
        lambda: govreport.import_document(PAGE.encode(), encoding=b"gbk"),  # type: ignore[arg-type]
        lambda: govreport.import_document(PAGE, lang=None),  # type: ignore[arg-type]
    ],
)
def test_wrong_types_are_type_errors(call: Any) -> None:
    with pytest.raises(TypeError):
        call()


def test_a_report_document_is_pointed_to_report() -> None:
    with pytest.raises(TypeError, match="govreport.Report"):
        govreport.import_document({"format": "2021"})  # type: ignore[arg-type]


def test_missing_file_is_the_usual_os_error(tmp_path: pathlib.Path) -> None:
    with pytest.raises(FileNotFoundError) as e:
        govreport.import_document(tmp_path / "missing.html")
    assert e.value.filename == str(tmp_path / "missing.html")


def test_the_gil_is_released_while_importing() -> None:
    page = govreport.render(EXAMPLE).decode("utf-8")
    state = {"done": False, "ticks": 0}

    def work() -> None:
        for _ in range(200):
            govreport.import_document(page)
        state["done"] = True

    t = threading.Thread(target=work)
    start = time.perf_counter()
    t.start()
    while not state["done"]:
        state["ticks"] += 1
    t.join()
    assert state["ticks"] > 1000, (state, time.perf_counter() - start)


def test_provenance_says_where_each_cell_was_read(tmp_path: pathlib.Path) -> None:
    page = PAGE.replace("| 5 | 1 | 25 |", "| 5件 | 1.5 | １２ |") + "\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 5 |\n"
    imported = govreport.import_document(page)
    prov = imported.provenance
    # Line 6 is "行政规范性文件 | 5件 | 1.5 | １２ |": the cells start at characters 11, 16, 22.
    assert prov["/proactive/normative_documents/issued"] == {"line": 6, "column": 11, "text": "5件"}
    assert prov["/proactive/normative_documents/in_force"] == {"line": 6, "column": 22, "text": "１２"}
    assert prov["/proactive/normative_documents/repealed"] == {"line": 6, "column": 16, "text": "1.5", "unreadable": True}
    assert imported.report.get("/proactive/normative_documents/repealed") is None
    assert imported.to_dict()["provenance"] == prov
    # Imported and checked: the wrong total says where it is.
    findings = imported.check(lang="en")
    assert [f.code for f in findings[: len(imported.findings)]] == [f.code for f in imported.findings]
    total = next(f for f in findings if f.code == "GR203" and f.path == "/requests/new/total")
    col = page.splitlines()[7].index("5 |") + 1
    assert (total.params["source_line"], total.params["source_column"], total.params["source_text"]) == ("8", str(col), "5")
    assert total.params["source_at"] == f"line 8, column {col}"
    # Pickled, the provenance stays.
    import pickle

    again = pickle.loads(pickle.dumps(imported))
    assert again.provenance == prov
    # A Word file: table, row and cell; a JSON document: none.
    docx = govreport.render(govreport.Report(EXAMPLE), to="docx")
    word = govreport.import_document(docx).provenance
    assert word["/requests/new/total"] == {"table": 2, "row": 4, "column": 8, "text": "112"}
    assert govreport.import_document(EXAMPLE).provenance == {}
    # A folder of pages checked as a batch: the same places.
    (tmp_path / "page.txt").write_text(page, encoding="utf-8")
    results = govreport.check_many(tmp_path)
    assert len(results) == 1
    batch = results[0]
    assert isinstance(batch, list), batch
    assert next(f for f in batch if f.code == "GR203" and f.path == "/requests/new/total").params["source_line"] == "8"


def test_check_of_a_page_file_imports_it_and_holds_nothing_unseen_against_it(tmp_path: pathlib.Path) -> None:
    # PAGE stops inside table A: parts 五 and 六 are not in it.
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    found = govreport.check(page, today=TODAY)
    assert [f.to_dict() for f in found] == [f.to_dict() for f in govreport.import_document(page).check(today=TODAY)]
    codes = {f.code for f in found}
    assert "GR904" in codes, codes  # the import's finding: the table is cut off
    assert "/sections/problems" in govreport.import_document(page).unseen
    gr401 = [f for f in found if f.code == "GR401"]
    assert gr401 and all(f.status == "not_assessable" for f in gr401), [f.to_dict() for f in gr401]
    assert not [f for f in found if f.severity == "error"], [f.to_dict() for f in found if f.severity == "error"]
    # The same report as a document of its own lacks part 五: an error there.
    own = govreport.check(govreport.import_document(page).report, today=TODAY)
    assert any(f.code == "GR401" and f.status == "violated" for f in own)
