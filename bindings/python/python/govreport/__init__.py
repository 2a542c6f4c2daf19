"""govreport: model, check and render China's 政府信息公开工作年度报告.

The work is done by the Rust core (``govreport._native``); this package only re-exports it.

Inputs: ``Report(...)`` and ``check(...)`` take a ``Report``, a ``dict``, JSON text (``str``),
JSON ``bytes`` or a file path given as an ``os.PathLike`` (e.g. ``pathlib.Path``). A ``str``
is always JSON text, never a file name: use ``Report.from_path("a.json")`` or
``check(pathlib.Path("a.json"))`` for files. ``render(...)`` takes the same inputs and returns
the report in its official layout as bytes (HTML, Word, Markdown or text); ``compare(...)``
and ``aggregate(...)`` take them too.
"""

from govreport._native import (
    Completion,
    Finding,
    Gap,
    Node,
    Report,
    ReportError,
    RollUp,
    Rule,
    __version__,
    aggregate,
    check,
    check_many,
    compare,
    explain,
    json_schema,
    render,
    rule,
    rules,
)

__all__ = [
    "Completion",
    "Finding",
    "Gap",
    "Node",
    "Report",
    "ReportError",
    "RollUp",
    "Rule",
    "__version__",
    "aggregate",
    "check",
    "check_many",
    "compare",
    "explain",
    "json_schema",
    "render",
    "rule",
    "rules",
]
