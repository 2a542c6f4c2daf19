"""Type stubs of govreport._native, the Rust extension re-exported by ``govreport``."""

from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from datetime import date
from os import PathLike
from typing import Any, Literal, Optional, TypedDict, Union, final

Lang = Literal["zh", "en"]
SeverityName = Literal["error", "warning", "info"]
StatusName = Literal["violated", "not_assessable"]
FormatName = Literal["2021", "2019", "2007"]
#: What ``render`` writes: HTML, a Word document, Markdown or plain text (aliases accepted).
RenderTo = Literal["html", "docx", "md", "markdown", "txt", "text"]
ErrorKind = Literal["too_large", "utf8", "syntax", "structure", "unknown_format", "invalid"]
#: What ``import_document`` read: a report document, an HTML page, text, or a Word file.
SourceKind = Literal["json", "html", "text", "docx", "pdf"]
#: What ``import_document(source_kind=…)`` accepts (aliases included).
SourceKindArg = Literal["json", "html", "htm", "text", "txt", "docx", "word", "pdf"]
#: The kind of body that publishes a report (``agency.kind``).
AgencyKindName = Literal["government", "department", "township", "other"]

#: Anything ``Report(...)`` and ``check(...)`` read: a Report, a dict, JSON text (a ``str``
#: is always JSON text), JSON bytes, or a file path as an ``os.PathLike``.
ReportInput = Union["Report", Mapping[str, Any], str, bytes, bytearray, memoryview, PathLike[str]]
#: What ``import_document`` reads: the bytes of a page or a file, the text of a page (a
#: ``str`` is always text, never a file name), or a file path as an ``os.PathLike``.
ImportSource = Union[str, bytes, bytearray, memoryview, PathLike[str]]
#: The body a roll-up is for: the document's ``agency`` object as a dict, or a name (a str,
#: for a 人民政府 of kind ``"government"``).
AgencyInput = Union[Mapping[str, Any], str]
#: A value of a finding (``expected``, ``actual``): an int for a count, a ``Decimal`` for an
#: amount, a str for anything else (a date, a text).
FindingValue = Union[int, Decimal, str]

class ErrorDetail(TypedDict):
    """One problem of a ``ReportError`` (``ReportError.errors()``)."""

    #: What is wrong, for programs to match on (e.g. ``"negative_count"``).
    type: str
    #: RFC 6901 pointer of the value in the document ("" for the whole), when there is one.
    pointer: Optional[str]
    #: What the caller gave (an option, a pointer …), when the problem is about it.
    what: Optional[str]
    #: The message, in the language of the call.
    message: str
    #: The problem's typed values, by name (e.g. ``{"value": "-1"}``).
    context: dict[str, Any]
    #: Where text that is not JSON (or not UTF-8) goes wrong (1-based); None otherwise.
    line: Optional[int]
    column: Optional[int]

__version__: str

class ReportError(ValueError):
    """Input that is not a valid report document, or an invalid option, pointer or rule code."""

    #: What went wrong, for programs to match on.
    kind: ErrorKind
    #: RFC 6901 pointer of the offending value ("" for the whole document), when there is one.
    pointer: Optional[str]
    #: The message (the text of the exception), in the language of the call.
    message: str
    #: The message in both languages: ``{"zh": …, "en": …}``.
    messages: dict[str, str]
    def errors(self) -> list[ErrorDetail]:
        """Every problem found, in document order (a document's structural problems all, up to
        100; ``more`` counts those past them): a new list of dicts with ``type``, ``pointer``,
        ``what``, ``message``, ``context``, ``line`` and ``column`` (1-based, for text that is not
        JSON or not UTF-8; else None)."""
    #: How many problems were found past those listed by ``errors()``.
    more: int
    #: Where text that is not JSON (or not UTF-8) goes wrong (1-based); None otherwise.
    line: Optional[int]
    column: Optional[int]
    #: The file (``file:line`` for JSON Lines) of a result of ``check_many`` or of an import of
    #: many sources, when it came from one.
    file: Optional[str]
    #: The unit of a result of ``check_many`` (None for a report that could not be read).
    unit: Optional[str]

@final
class Finding:
    """One finding of a check."""

    @property
    def code(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def severity(self) -> SeverityName: ...
    @property
    def status(self) -> StatusName: ...
    @property
    def path(self) -> str: ...
    @property
    def related(self) -> list[str]: ...
    @property
    def expected(self) -> Optional[FindingValue]:
        """What the rule expects there: an int, a Decimal or a str; None when it names no value."""
    @property
    def actual(self) -> Optional[FindingValue]:
        """What the document has there, typed as ``expected``; None when there is no value."""
    @property
    def params(self) -> dict[str, str]: ...
    @property
    def message(self) -> str: ...
    def to_dict(self) -> dict[str, Any]:
        """The finding as in the JSON output (empty related/params, absent expected/actual left out)."""
    def to_record(self) -> dict[str, Any]:
        """One row of a table: every field in a fixed order, expected/actual typed."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Rule:
    """A rule of the registry, with its texts in one language."""

    @property
    def code(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def severity(self) -> SeverityName: ...
    @property
    def family(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def explanation(self) -> str: ...
    @property
    def lang(self) -> Lang: ...
    def to_dict(self) -> dict[str, str]:
        """``code``, ``name``, ``severity``, ``family``, ``title``, ``explanation``, ``lang``."""
    def __eq__(self, other: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Completion:
    """What ``Report.complete()`` filled, and which derived cells it had to leave empty."""

    @property
    def filled(self) -> list[str]: ...
    @property
    def left_empty(self) -> list[str]: ...
    @property
    def too_large(self) -> list[str]: ...
    def to_dict(self) -> dict[str, list[str]]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Node:
    """A view of one object or list inside a Report, by its JSON pointer.

    Attributes and items give values (a ``Node`` for an object or a list, also for an object the
    report leaves out, so that ``report.requests.new.total = 5`` works on any report; None for a
    blank or absent cell); setting them sets the cell in the report, deleting them makes it
    absent (as ``Report.remove``). A cell reads as an ``int`` (a count), a ``str`` (``"/"``, an
    amount as its decimal text such as ``"0.092"``, a text or a date) or None. Attributes and
    items are typed ``Any``: whether a name gives a ``Node`` or a cell is known only at run time
    (a union would make every chained access, ``report.requests.new.total``, a type error).
    """

    @property
    def pointer(self) -> str: ...
    def to_python(self) -> Any:
        """The current value as a dict or a list."""
    def __getattr__(self, name: str) -> Any: ...
    def __setattr__(self, name: str, value: Any, /) -> None: ...
    def __getitem__(self, key: Union[str, int], /) -> Any: ...
    def __setitem__(self, key: Union[str, int], value: Any, /) -> None: ...
    def __delattr__(self, name: str, /) -> None: ...
    def __delitem__(self, key: Union[str, int], /) -> None: ...
    def __len__(self) -> int: ...
    def __contains__(self, key: object, /) -> bool: ...
    def __iter__(self) -> Iterator[Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Report:
    """A report document, parsed and checked for structure by the core.

    ``Report(source)`` reads a dict, JSON text (str), JSON bytes or an os.PathLike, or copies
    a Report. Cells are read and set by JSON pointer (``report["/requests/new/total"]``,
    ``report.get(p)``, ``report.set(p, v)``, ``del report[p]``) or by attribute
    (``report.requests.new.total``). A pointer that names no field of the format is a
    ReportError of kind ``"invalid"`` (an AttributeError, KeyError or IndexError by attribute
    or through a ``Node``).
    """

    def __new__(cls, source: ReportInput, *, blank_na: bool = False) -> Report:
        """``blank_na``: a table's missing values (NaN, ``pd.NA``, ``pd.NaT``) in a dict are
        blank cells; without it they are a ReportError naming their pointer."""
    @staticmethod
    def from_json(data: Union[str, bytes, bytearray, memoryview]) -> Report: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> Report: ...
    @staticmethod
    def from_path(path: Union[str, PathLike[str]]) -> Report: ...
    @property
    def format(self) -> FormatName: ...
    @property
    def year(self) -> int: ...
    @year.setter
    def year(self, value: int) -> None: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self, *, pretty: bool = False) -> str: ...
    def get(self, pointer: str, default: Any = None) -> Any:
        """The value at ``pointer``, or ``default`` when the document does not give it (an absent
        cell). A pointer that names no field of the format raises ReportError."""
    def set(self, pointer: str, value: Any) -> None:
        """Sets the value at ``pointer``; raises ReportError (report unchanged) if invalid."""
    def remove(self, pointer: str) -> None:
        """Makes the cell at ``pointer`` absent (``None`` would leave it blank).

        Removing an absent cell does nothing. A pointer that names no field, or a field the
        document must have (format, year, agency name …), raises ReportError and leaves the
        report unchanged. Removing a list item moves the later items up.
        """
    def is_field(self, pointer: str) -> bool:
        """Whether ``pointer`` names a field a document of this format can hold, given or not."""
    def __getitem__(self, pointer: str, /) -> Any:
        """The value at ``pointer``; KeyError for an absent cell, ReportError for no such field."""
    def __setitem__(self, pointer: str, value: Any, /) -> None: ...
    def __delitem__(self, pointer: str, /) -> None:
        """``del report[p]``: the same as ``report.remove(p)``."""
    def __contains__(self, pointer: object, /) -> bool:
        """Whether the document gives the cell (blank and "/" count, absent does not)."""
    def __getattr__(self, name: str) -> Any: ...
    def __setattr__(self, name: str, value: Any, /) -> None: ...
    def __delattr__(self, name: str, /) -> None: ...
    def complete(self) -> Completion: ...
    def check(
        self,
        *,
        lang: str = "zh",
        severity: Optional[Mapping[str, str]] = None,
        disable: Union[str, Iterable[str], None] = None,
        township_deadline: Optional[str] = None,
        today: Union[str, date, None] = None,
        copy_threshold: Optional[float] = None,
    ) -> list[Finding]: ...
    def render(self, to: RenderTo = "html", *, lang: str = "zh") -> bytes:
        """The report in its official layout: the same as ``govreport.render(report, …)``."""
    def copy(self) -> Report: ...
    def __copy__(self) -> Report: ...
    def __deepcopy__(self, memo: Any, /) -> Report: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

def check(
    report: ReportInput,
    *,
    lang: str = "zh",
    severity: Optional[Mapping[str, str]] = None,
    disable: Union[str, Iterable[str], None] = None,
    township_deadline: Optional[str] = None,
    today: Union[str, date, None] = None,
    copy_threshold: Optional[float] = None,
    blank_na: bool = False,
) -> list[Finding]:
    """Checks a report and returns its findings (messages in ``lang``).

    A path to a file that is no JSON document (a page, text, a .docx or PDF file) is imported
    and checked as ``Imported.check`` does: the import's findings first, and nothing the source
    does not show counted against the report.

    ``copy_threshold`` is validated and accepted so that one set of options serves ``check``,
    ``check_many`` and ``compare``; one report has nothing to be a copy of.
    """

def check_many(
    reports: Union[Iterable[Any], str, PathLike[str]],
    *,
    lang: str = "zh",
    severity: Optional[Mapping[str, str]] = None,
    disable: Union[str, Iterable[str], None] = None,
    township_deadline: Optional[str] = None,
    today: Union[str, date, None] = None,
    copy_threshold: Optional[float] = None,
    threads: Optional[int] = None,
    blank_na: bool = False,
) -> list[tuple[Optional[str], Optional[str], Union[list[Finding], ReportError, OSError]]]:
    """The batch under ``govreport.check_many``: one ``(file, unit, findings or exception)`` per
    report, in order. Use ``govreport.check_many``."""

def _restore(kind: str, state: Any) -> Any:
    """Rebuilds a pickled value (private: what ``__reduce__`` names)."""

def rules(lang: str = "zh") -> list[Rule]: ...
def rule(code: str, lang: str = "zh") -> Rule: ...
def explain(code: str, lang: str = "zh") -> str: ...
def json_schema() -> dict[str, Any]: ...
def render(report: ReportInput, to: RenderTo = "html", *, lang: str = "zh") -> bytes:
    """Writes a report in its format's official layout (the national template's tables).

    ``to``: ``"html"`` (one self-contained UTF-8 file), ``"docx"`` (a Word document),
    ``"md"``/``"markdown"`` or ``"txt"``/``"text"`` (UTF-8 text). ``lang``: the language of
    the labels. Blank cells stay empty and "/" stays "/"; nothing is filled in (call
    ``Report.complete()`` first for the derived totals). An unknown ``to`` or ``lang`` is a
    ReportError of kind ``"invalid"``; a bad report raises as ``check`` does. The GIL is
    released while the report is read and written.
    """

def compare(
    previous: ReportInput,
    current: ReportInput,
    *,
    lang: str = "zh",
    severity: Optional[Mapping[str, str]] = None,
    disable: Union[str, Iterable[str], None] = None,
    today: Union[str, date, None] = None,
    copy_threshold: Optional[float] = None,
) -> list[Finding]:
    """Checks ``current`` against ``previous``, the same unit's report of the year before (GR6xx).

    Findings point into ``current``. ``copy_threshold`` (0–1; 0.8 when None) is how similar
    prose must be to last year's to count as copied (GR606). A report that cannot be read
    raises as ``check`` does, its message starting ``previous:`` or ``current:``.
    """

@final
class Gap:
    """A cell of a roll-up left blank because some units leave it blank or absent."""

    @property
    def pointer(self) -> str: ...
    @property
    def units(self) -> list[str]: ...
    def __reduce__(self) -> tuple[Any, ...]: ...
    def to_dict(self) -> dict[str, Any]:
        """``{"pointer": …, "units": […]}``."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class RollUp:
    """What ``aggregate`` gives: the summed report, its units, and the cells it could not sum."""

    @property
    def report(self) -> Report:
        """The summed report (tables only); the same object on every access."""
    @property
    def units(self) -> list[str]:
        """The agency names of the units that contributed, in order."""
    @property
    def gaps(self) -> list[Gap]: ...
    @property
    def merged_other(self) -> list[str]:
        """The units whose （六）其他处理 sub-rows were summed into one row, because another unit
        gives （六） as one row (the roll-up then has that one row); empty otherwise."""
    def __reduce__(self) -> tuple[Any, ...]: ...
    def to_dict(self) -> dict[str, Any]:
        """``{"report": {…}, "units": […], "gaps": [{"pointer": …, "units": […]}, …]}``, and
        ``"merged_other": […]`` when some units' sub-rows were summed into one row."""

class Indicators(TypedDict):
    """What ``indicators`` returns: each a fraction (0–1), or None when a number it needs is
    missing or zero."""

    disclosure_rate: Optional[float]
    review_litigation_rate: Optional[float]
    correction_rate: Optional[float]

def indicators(report: ReportInput) -> Indicators:
    """公开率, 复议诉讼率, 纠错率 as fractions (None when a number they need is missing or zero)."""
    ...

def aggregate(reports: Iterable[ReportInput], *, agency: AgencyInput, lang: str = "zh") -> RollUp:
    """Rolls units' reports (one format, one year) up into one report of ``agency``.

    Every cell is summed exactly; a cell some unit leaves blank or absent is blank in the
    roll-up and named in ``gaps``, never zeroed; "/" units are left out of a sum. Mixed formats
    or years, 2007-regime reports and an empty list raise ReportError with the core's message;
    a report that cannot be read raises its error, its message starting ``reports[i]:``.
    """

class CellSource(TypedDict, total=False):
    """Where one imported cell came from (``Imported.provenance``): the keys the source gives."""

    line: int
    column: int
    paragraph: int
    table: int
    row: int
    page: int
    box: str
    text: str
    unreadable: bool

@final
class Imported:
    """What ``import_document`` gives."""

    @property
    def report(self) -> Report:
        """The report as the source states it; the same object on every access."""
    @property
    def findings(self) -> list[Finding]:
        """Import findings (GR9xx), each with its place in the source in ``params``."""
    @property
    def source(self) -> SourceKind: ...
    @property
    def encoding(self) -> str:
        """The encoding the text was read in ("UTF-8", "GBK", "gb18030" …)."""
    @property
    def file(self) -> Optional[str]:
        """The file it was read from, when a folder or a list of sources was imported."""
    @property
    def unseen(self) -> list[str]:
        """Places of the document the source does not show (the parts after a table it stops
        inside, a name or date it does not state): ``check`` does not count them against it."""
    @property
    def provenance(self) -> dict[str, CellSource]:
        """Where each cell the importer read came from and its text as published, by pointer."""
    def check(
        self,
        *,
        lang: str = "zh",
        severity: Optional[Mapping[str, str]] = None,
        disable: Union[str, Iterable[str], None] = None,
        township_deadline: Optional[str] = None,
        today: Union[str, date, None] = None,
        copy_threshold: Optional[float] = None,
    ) -> list[Finding]:
        """The import findings, then the check's, with each cell's place in ``params`` (``source_*``).

        What the source does not show (the parts after a table it stops inside, a name or date it
        does not state) is not assessable, never an error of the report."""
    def __reduce__(self) -> tuple[Any, ...]: ...
    def to_dict(self) -> dict[str, Any]:
        """``{"source": …, "encoding": …, "report": {…}, "findings": [{…}, …], "provenance": {…}}``."""

def import_document(
    source: ImportSource,
    *,
    encoding: Optional[str] = None,
    source_kind: Optional[SourceKindArg] = None,
    format: Optional[FormatName] = None,
    year: Optional[int] = None,
    agency_kind: Optional[AgencyKindName] = None,
    lang: str = "zh",
) -> Imported:
    """Reads a published report (HTML page, copied text, .docx, PDF, 2007-era prose, or JSON).

    ``source``: bytes (their encoding found from the content, or ``encoding``), a ``str`` (the
    text of a page, already decoded; never a file name, and a one-line str naming a file is
    refused) or an ``os.PathLike`` to read. The kind of source, format and year are found from
    the content unless given; the agency kind is taken from its name unless given (GR918 says
    which). Import findings only: run ``check`` on ``.report`` for the rest.

    A folder or a list of sources is ``import_many``'s.
    """

def import_many(
    sources: Union[Iterable[ImportSource], PathLike[str]],
    *,
    encoding: Optional[str] = None,
    source_kind: Optional[SourceKindArg] = None,
    format: Optional[FormatName] = None,
    year: Optional[int] = None,
    agency_kind: Optional[AgencyKindName] = None,
    lang: str = "zh",
) -> list[Union[Imported, ReportError, OSError]]:
    """Reads many published reports: a folder (every report file under it), a JSON Lines file,
    or a list (any iterable) of sources and folders. One ``Imported`` per report (``file`` says
    which; a line of JSON Lines is ``file:line``) or the exception that source raised on its own
    (with ``file`` too), in order."""

# --- The register (a build with the cargo feature ``register``) ------------------------------

#: A unit of the register: its id, or its 统一社会信用代码 or a name it published under.
UnitArg = Union[int, str]
#: A reviewer's decision on a finding.
DecisionName = Literal["confirmed", "dismissed", "fixed"]
#: Where a finding stands.
ReviewStateName = Literal["open", "confirmed", "dismissed", "fixed"]

class RegisterError(Exception):
    """The register could not do what was asked (its database failed or is busy, the file is
    from a newer govreport, or there is no such unit, report, version, finding or batch)."""

    #: ``"database"``, ``"busy"``, ``"newer_schema"``, ``"needs_upgrade"`` or ``"not_found"``.
    kind: str
    #: The message, in Chinese unless the call asked for English.
    message: str
    #: The message in both languages: ``{"zh": …, "en": …}``.
    messages: dict[str, str]

@final
class Register:
    """The register: every unit's reports across the years in one SQLite file.

    Made when missing; immutable versions, every cell as a row, findings with their review,
    benchmarks, trends and the supervisor's review page. Answers are plain dicts and lists in
    the JSON shapes of the Rust API (``govreport_register``). A document or value the core
    refuses raises ``ReportError``; the register's own failures ``RegisterError``.
    """

    def __new__(cls, path: Union[str, PathLike[str], None] = None) -> "Register":
        """Opens the register at ``path`` ("govreport.db" when None), making or upgrading it."""
    @property
    def path(self) -> str: ...
    @property
    def closed(self) -> bool:
        """Whether the register was closed."""
    def close(self) -> None:
        """Closes the register file; again does nothing. Any other call on a closed register
        raises ``RegisterError`` (kind ``"closed"``)."""
    def __enter__(self) -> "Register": ...
    def __exit__(self, *args: object) -> bool:
        """Closes the register."""
    def set_check_options(
        self,
        *,
        today: Union[str, date, None] = None,
        township_deadline: Optional[str] = None,
        severity: Optional[dict[str, SeverityName]] = None,
        disable: Union[str, Iterable[str], None] = None,
        copy_threshold: Optional[float] = None,
    ) -> None:
        """The options checks run with when versions are made or rechecked."""
    def add(
        self,
        *paths: Union[str, PathLike[str]],
        reason: Optional[str] = None,
        author: Optional[str] = None,
        note: Optional[str] = None,
        encoding: Optional[str] = None,
        year: Optional[int] = None,
        skip_peer_checks: bool = False,
    ) -> dict[str, Any]:
        """Ingests files and folders as one batch; a bad input is recorded as failed. The batch."""
    def add_bytes(
        self,
        name: str,
        data: Union[bytes, str],
        *,
        reason: Optional[str] = None,
        author: Optional[str] = None,
        encoding: Optional[str] = None,
        year: Optional[int] = None,
        skip_peer_checks: bool = False,
    ) -> dict[str, Any]:
        """Ingests one document held in memory under ``name``. The batch."""
    def set(self, unit: UnitArg, year: int, pointer: str, value: Any, *, reason: str, author: Optional[str] = None) -> dict[str, Any]:
        """Corrects one field of a unit's current report as a new version with ``reason``."""
    def history(self, unit: UnitArg, year: Optional[int] = None, *, lang: Lang = "zh") -> dict[str, Any]:
        """Every version (with its changes and what it resolved) and every review, oldest first."""
    def findings(
        self,
        *,
        year: Optional[int] = None,
        unit: Optional[UnitArg] = None,
        region: Optional[str] = None,
        code: Optional[str] = None,
        state: Optional[ReviewStateName] = None,
        version: Optional[int] = None,
        violated_only: bool = False,
        lang: Lang = "zh",
        limit: Optional[int] = None,
    ) -> list[dict[str, Any]]:
        """Findings of the current versions (or of ``version``) with the review that holds."""
    def review(self, finding: int, decision: DecisionName, *, reason: Optional[str] = None, reviewer: Optional[str] = None) -> dict[str, Any]:
        """A reviewer's decision; it holds in later versions while the finding's cells are unchanged."""
    def units(self, *, region: Optional[str] = None) -> list[dict[str, Any]]: ...
    def status(self, year: int, *, region: Optional[str] = None) -> list[dict[str, Any]]:
        """Every unit expected for ``year``: published, late or missing, with finding counts."""
    def benchmarks(self, year: int, *, region: Optional[str] = None, metrics: Optional[list[str]] = None, lang: Lang = "zh") -> list[dict[str, Any]]:
        """P25/P50/P75 and rank per metric and peer group (kind and level)."""
    def trends(
        self,
        *,
        unit: Optional[UnitArg] = None,
        region: Optional[str] = None,
        metrics: Optional[list[str]] = None,
        to_year: Optional[int] = None,
        years: int = 5,
        lang: Lang = "zh",
    ) -> list[dict[str, Any]]:
        """Metrics over 3 to 5 years, of a unit or of a region's units."""
    def export(
        self,
        what: Literal["reports", "cells", "findings"] = "reports",
        format: Literal["csv", "jsonl"] = "csv",
        *,
        year: Optional[int] = None,
        region: Optional[str] = None,
        unit: Optional[UnitArg] = None,
        lang: Lang = "zh",
    ) -> str:
        """CSV (with a byte-order mark, headings in ``lang``) or JSON Lines text."""
    def review_page(self, year: int, *, region: Optional[str] = None, to: Literal["html", "docx", "json"] = "html", lang: Lang = "zh") -> bytes:
        """The supervisor's review of ``year``: an HTML page with SVG charts, a Word file, or JSON."""
    def recheck(self, *years: int) -> dict[str, Any]:
        """Makes the findings of the current versions again (all years when none given)."""
    def batches(self, id: Optional[int] = None) -> Any:
        """Ingest batches, newest first; with an id, that batch with every input."""
