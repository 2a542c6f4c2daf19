"""render: the report in its official layout as HTML, Word, Markdown or text bytes."""

from __future__ import annotations

import io
import json
import pathlib
import threading
import time
import zipfile
from typing import Any

import pytest

import govreport
from conftest import ROOT, SEED

EXAMPLE = ROOT / "examples" / "report-2023.json"
GRANTED_TOTAL = b'data-pointer="/requests/granted/total">59</td>'
TABLE_B_HEADING = "三、收到和处理政府信息公开申请情况"


@pytest.fixture(scope="module")
def example() -> govreport.Report:
    return govreport.Report(EXAMPLE)


def test_html(example: govreport.Report) -> None:
    html = govreport.render(example)
    assert isinstance(html, bytes)
    assert html.startswith(b"<!DOCTYPE html>")
    assert GRANTED_TOTAL in html
    assert html == example.render() == govreport.render(example, "html", lang="zh") == example.render(to="html")


def test_every_input_kind_renders_alike(example: govreport.Report, tmp_path: pathlib.Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    copy = tmp_path / "copy.json"
    copy.write_text(text, encoding="utf-8")
    expected = example.render()
    for source in (EXAMPLE, copy, text, text.encode(), bytearray(text.encode()), json.loads(text), example):
        assert govreport.render(source) == expected, type(source)


def test_docx(example: govreport.Report) -> None:
    docx = govreport.render(EXAMPLE, "docx")
    assert docx.startswith(b"PK")
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        assert z.testzip() is None
        document = z.read("word/document.xml").decode("utf-8")
    assert document.count("<w:tbl>") == 4  # the 2021 template's four tables
    assert TABLE_B_HEADING in document
    assert example.render(to="docx").startswith(b"PK")


@pytest.mark.parametrize("to", ["md", "markdown", "txt", "text"])
def test_markdown_and_text_are_utf8(example: govreport.Report, to: Any) -> None:
    out = govreport.render(example, to)
    assert TABLE_B_HEADING in out.decode("utf-8")


def test_aliases_give_the_same_bytes(example: govreport.Report) -> None:
    assert example.render("md") == example.render("markdown")
    assert example.render("txt") == example.render("text")
    assert example.render("md") != example.render("txt")


def test_english_labels(example: govreport.Report) -> None:
    text = example.render("txt", lang="en").decode("utf-8")
    assert "1. New requests this year" in text
    assert "1. New requests this year" not in example.render("txt").decode("utf-8")
    assert b"New requests this year" in govreport.render(EXAMPLE, "html", lang="en")


def test_every_format_of_report_renders() -> None:
    for path in (SEED, ROOT / "tests" / "fixtures" / "2021-department-clean.json"):
        for to in ("html", "docx", "md", "txt"):
            assert govreport.render(path, to)
    assert "一、概述" in govreport.render(SEED, "md").decode("utf-8")


def test_render_reflects_changes_and_fills_nothing_in(example: govreport.Report) -> None:
    r = example.copy()
    r["/requests/granted/total"] = None
    html = r.render()
    assert GRANTED_TOTAL not in html
    assert b'data-pointer="/requests/granted/total"></td>' in html  # blank stays empty
    assert r.complete().filled == ["/requests/granted/total"]
    # The example publishes 59 where its parts sum to 60 (a finding of the check).
    assert b'data-pointer="/requests/granted/total">60</td>' in r.render()
    assert example.render() == govreport.render(EXAMPLE)  # the original is untouched


def test_unknown_to_or_lang_is_an_invalid_report_error(example: govreport.Report) -> None:
    calls: list[tuple[str, dict[str, Any]]] = [
        ("to", {"to": "pdf"}),
        ("to", {"to": ""}),
        ("lang", {"lang": "fr"}),
        ("lang", {"to": "docx", "lang": ""}),
    ]
    for what, kwargs in calls:
        errors = []
        with pytest.raises(govreport.ReportError) as e:
            govreport.render(EXAMPLE, **kwargs)
        errors.append(e.value)
        with pytest.raises(govreport.ReportError) as e:
            example.render(**kwargs)
        errors.append(e.value)
        for err in errors:
            assert isinstance(err, ValueError)
            assert err.kind == "invalid" and err.pointer is None
            assert err.messages["en"].startswith(f"{what}: expected ")
    with pytest.raises(govreport.ReportError) as e:
        example.render("pdf", lang="en")  # type: ignore[arg-type]
    assert str(e.value) == 'to: expected "html", "docx", "md" or "txt", found "pdf"'


def test_wrong_argument_types_are_type_errors(example: govreport.Report) -> None:
    for source in (None, 42, ["format"], object()):
        with pytest.raises(TypeError):
            govreport.render(source)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        govreport.render(EXAMPLE, to=1)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        govreport.render(EXAMPLE, lang=None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        example.render(b"html")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        govreport.render(EXAMPLE, "html", "en")  # type: ignore[call-arg]  # lang is keyword-only


def test_a_bad_report_raises_as_check_does(tmp_path: pathlib.Path) -> None:
    with pytest.raises(govreport.ReportError) as e:
        govreport.render('{"format": "2021", "year": 2023, "agency": {"name": "某局"}, "requests": {"new": [1]}}')
    assert e.value.kind == "structure" and e.value.pointer == "/requests/new"
    with pytest.raises(govreport.ReportError) as e:
        govreport.render("{", lang="en")
    assert e.value.kind == "syntax" and str(e.value) == e.value.messages["en"]
    with pytest.raises(FileNotFoundError):
        govreport.render(tmp_path / "missing.json")


def test_the_gil_is_released_while_rendering() -> None:
    doc: dict[str, Any] = json.loads(SEED.read_text(encoding="utf-8"))
    doc["sections"][1]["text"] = ("主动公开政府信息。" * 100 + "\n") * 4000
    report = govreport.Report(doc)
    start = time.perf_counter()
    report.render("docx")
    alone = time.perf_counter() - start
    done = threading.Event()

    def work() -> None:
        report.render("docx")
        done.set()

    t = threading.Thread(target=work)
    last = time.perf_counter()
    longest = 0.0
    t.start()
    while not done.is_set():
        now = time.perf_counter()
        longest = max(longest, now - last)
        last = now
    t.join()
    # With the GIL held for the whole call this thread would stall for about as long as it takes.
    assert longest < alone / 2, (longest, alone)
