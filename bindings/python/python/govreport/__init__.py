"""govreport: model, check and render China's 政府信息公开工作年度报告.

The work is done by the Rust core (``govreport._native``); this package only re-exports it.

Inputs: ``Report(...)`` and ``check(...)`` take a ``Report``, a ``dict``, JSON text (``str``),
JSON ``bytes`` or a file path given as an ``os.PathLike`` (e.g. ``pathlib.Path``). A ``str``
is always JSON text, never a file name: use ``Report.from_path("a.json")`` or
``check(pathlib.Path("a.json"))`` for files. ``render(...)`` takes the same inputs and returns
the report in its official layout as bytes (HTML, Word, Markdown or text); ``compare(...)``
and ``aggregate(...)`` take them too.

``Register(path)`` (in builds with the ``register`` feature) keeps every unit's reports across
the years in one SQLite file: versions, findings with their review, benchmarks, trends and the
supervisor's review page.

``import_document(...)`` reads a published report instead: the bytes of a page or a file, or
its text as a ``str`` (for import a ``str`` is the text of a page, never a file name: read
files with a ``pathlib.Path``).

``check_many(...)`` and ``import_many(...)`` take a list (any iterable) of those, a folder or a
JSON Lines file; each of their results says which file (``file``, ``"a.jsonl:3"`` for a line) and unit (``unit``, the
agency the report names) it is about. The containers here (``Checked``) and the tabular helpers
(``findings_frame``, ``to_records``) only arrange what the core returned.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any, Optional, Union

from govreport._native import (
    Completion,
    Finding,
    Gap,
    Imported,
    Node,
    Report,
    ReportError,
    RollUp,
    Rule,
    __version__,
    aggregate,
    indicators,
    check,
    check_many as _check_many,
    compare,
    explain,
    import_document,
    import_many,
    json_schema,
    render,
    rule,
    rules,
)

# The register (govreport.Register) is in builds made with the cargo feature `register`
# (MATURIN_PEP517_ARGS="--features register" pip install ./bindings/python).
try:
    from govreport._native import Register, RegisterError
except ImportError:  # pragma: no cover - a build without the register
    _HAS_REGISTER = False
else:
    _HAS_REGISTER = True

__all__ = [
    "Checked",
    "Completion",
    "Finding",
    "Gap",
    "Imported",
    "Node",
    "Report",
    "ReportError",
    "RollUp",
    "Rule",
    "__version__",
    "aggregate",
    "indicators",
    "check",
    "check_many",
    "compare",
    "explain",
    "findings_frame",
    "import_document",
    "import_many",
    "json_schema",
    "render",
    "rule",
    "rules",
    "to_records",
]


class Checked(list[Finding]):
    """The findings of one report of ``check_many`` (a list of ``Finding``), with its ``file``
    (the file it was read from, ``"a.jsonl:3"`` for a line of JSON Lines; None for a report
    given in memory) and ``unit`` (the agency its report names; None when it names none)."""

    file: Optional[str]
    unit: Optional[str]

    def __init__(self, findings: Iterable[Finding] = (), file: Optional[str] = None, unit: Optional[str] = None) -> None:
        super().__init__(findings)
        self.file = file
        self.unit = unit

    def __repr__(self) -> str:
        return f"Checked(file={self.file!r}, unit={self.unit!r}, findings={list.__repr__(self)})"


Result = Union[Checked, BaseException]
"""One result of ``check_many``: the report's findings, or the exception it raised on its own
(``ReportError``, ``OSError``), which has the same ``file`` and ``unit`` attributes."""


def check_many(
    reports: Union[Iterable[Any], str, "os.PathLike[str]"],
    *,
    lang: str = "zh",
    severity: Optional[Mapping[str, str]] = None,
    disable: Union[str, Iterable[str], None] = None,
    township_deadline: Optional[str] = None,
    today: Union[str, date, None] = None,
    copy_threshold: Optional[float] = None,
    threads: Optional[int] = None,
    blank_na: bool = False,
) -> list[Result]:
    """Checks many reports with the GIL released, on several threads, and adds what only the
    batch shows, as ``govreport check`` does: prose copied between them (GR701) and reports that
    stand out from their peers (GR702, GR703).

    ``reports`` is an iterable of anything ``check`` takes, or a folder or file (``os.PathLike``
    or a ``str`` path): a folder gives every report file under it (``.json``, ``.jsonl``,
    ``.ndjson``, and pages to import: ``.html``, ``.htm``, ``.shtml``, ``.txt``, ``.docx``), a
    JSON Lines file one report per line. A folder or JSON Lines file among the items is walked
    the same way. ``threads`` is None for one thread per core, else at least 1. ``blank_na``
    reads a table's missing values (NaN, ``pd.NA``, ``pd.NaT``) in dicts as blank cells.

    Returns one item per report, in order: a ``Checked`` list of its findings, or the exception
    that report raised on its own (a ``ReportError`` for a bad document, an ``OSError`` for an
    unreadable file given as an item), each with ``file`` and ``unit``. Bad options, and an item
    of no accepted type, raise for the whole call before any work is done.
    """
    out: list[Result] = []
    for file, unit, outcome in _check_many(
        reports,
        lang=lang,
        severity=severity,
        disable=disable,
        township_deadline=township_deadline,
        today=today,
        copy_threshold=copy_threshold,
        threads=threads,
        blank_na=blank_na,
    ):
        if isinstance(outcome, BaseException):
            setattr(outcome, "file", file)
            setattr(outcome, "unit", unit)
            out.append(outcome)
        else:
            out.append(Checked(outcome, file, unit))
    return out


def to_records(results: Union[Iterable[Union[Finding, Result]], Finding]) -> list[dict[str, Any]]:
    """The findings as rows (dicts) for a table: one per finding, with ``file`` and ``unit`` of
    the result it belongs to, then the finding's fields (``Finding.to_record()``). A
    result that is an exception is one row with its ``error`` and ``pointer``.

    Takes what ``check`` returns (a list of findings) or what ``check_many`` returns.
    """
    if isinstance(results, Finding):
        results = [results]
    rows: list[dict[str, Any]] = []
    for item in results:
        if isinstance(item, Finding):
            rows.append({"file": None, "unit": None, **item.to_record()})
        elif isinstance(item, BaseException):
            rows.append(
                {
                    "file": getattr(item, "file", None),
                    "unit": getattr(item, "unit", None),
                    "error": str(item),
                    "pointer": getattr(item, "pointer", None),
                }
            )
        else:
            file, unit = getattr(item, "file", None), getattr(item, "unit", None)
            rows.extend({"file": file, "unit": unit, **f.to_record()} for f in item)
    return rows


_COLUMNS: Sequence[str] = (
    "file",
    "unit",
    "code",
    "name",
    "severity",
    "status",
    "path",
    "related",
    "expected",
    "actual",
    "params",
    "message",
    "error",
    "pointer",
)


def findings_frame(results: Union[Iterable[Union[Finding, Result]], Finding]) -> Any:
    """The rows of ``to_records`` as a ``pandas.DataFrame``, one column per field in a fixed
    order (``file``, ``unit``, ``code`` … ``message``, then ``error`` and ``pointer`` for results
    that are exceptions); ``expected`` and ``actual`` hold ints, ``Decimal`` or None.

    Needs pandas (``pip install 'govreport[pandas]'``); ``to_records`` does not.
    """
    try:
        pd = importlib.import_module("pandas")
    except ImportError as e:
        raise ImportError(
            "govreport.findings_frame needs pandas: pip install 'govreport[pandas]' "
            "(or use govreport.to_records(results) for plain dicts)"
        ) from e
    return pd.DataFrame.from_records(to_records(results), columns=list(_COLUMNS))


if _HAS_REGISTER:
    __all__ += ["Register", "RegisterError"]
