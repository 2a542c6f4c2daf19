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
"""

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
    check_many,
    compare,
    explain,
    import_document,
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
    "import_document",
    "json_schema",
    "render",
    "rule",
    "rules",
]
if _HAS_REGISTER:
    __all__ += ["Register", "RegisterError"]
