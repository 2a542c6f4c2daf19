"""Fixtures: the seed report's findings, and agreement between the stock JSON Schema validator
(jsonschema, Draft 2020-12, on the committed schema/report.schema.json) and govreport on which
documents are structurally valid."""

from __future__ import annotations

import copy
import json
import pathlib
from collections import Counter
from typing import Any, Callable

import jsonschema
import pytest

import govreport
from conftest import FIXTURES, SCHEMA, SEED, minimal_2021

VALID = sorted(FIXTURES.glob("*.json"))
INVALID = sorted((FIXTURES / "invalid").glob("*.json"))


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def strict_json(data: bytes) -> Any:
    """Reads JSON as an interoperable document (RFC 8259): UTF-8, unique keys, no NaN/Infinity.

    What this refuses is not JSON a schema can judge, so it counts as invalid for the schema.
    """

    def unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in pairs:
            if key in out:
                raise ValueError(f"duplicate key {key!r}")
            out[key] = value
        return out

    def no_constant(name: str) -> Any:
        raise ValueError(f"{name} is not JSON")

    return json.loads(data.decode("utf-8"), object_pairs_hook=unique, parse_constant=no_constant)


def schema_accepts(validator: jsonschema.Draft202012Validator, data: bytes) -> bool:
    try:
        document = strict_json(data)
    except ValueError:  # includes UnicodeDecodeError and json.JSONDecodeError
        return False
    return bool(validator.is_valid(document))


def govreport_accepts(data: bytes) -> bool:
    try:
        govreport.Report(data)
    except govreport.ReportError:
        return False
    return True


def test_there_are_fixtures_of_both_kinds() -> None:
    assert SEED in VALID and len(VALID) >= 2
    assert INVALID, "tests/fixtures/invalid/ holds structurally invalid documents"


def test_seed_findings() -> None:
    findings = govreport.check(SEED)
    assert Counter(f.code for f in findings) == Counter({"GR801": 3, "GR802": 1})
    (gr802,) = [f for f in findings if f.code == "GR802"]
    assert "3017" in gr802.message and "3025" in gr802.message
    assert gr802.path == "/figures/0/total"
    assert all(f.severity == "error" and f.status == "violated" for f in findings)


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_fixture_agreement(validator: jsonschema.Draft202012Validator, path: pathlib.Path) -> None:
    data = path.read_bytes()
    assert schema_accepts(validator, data), [e.message for e in validator.iter_errors(strict_json(data))][:3]
    assert govreport_accepts(data)
    # And the document survives the trip through Python unchanged.
    report = govreport.Report(data)
    assert govreport.Report(report.to_dict()) == report
    assert report.to_dict() == json.loads(data)


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_invalid_fixture_agreement(validator: jsonschema.Draft202012Validator, path: pathlib.Path) -> None:
    data = path.read_bytes()
    assert not schema_accepts(validator, data)
    assert not govreport_accepts(data)


def _set(pointer: str, value: Any) -> Callable[[dict[str, Any]], None]:
    *parents, last = pointer.strip("/").split("/")

    def apply(doc: dict[str, Any]) -> None:
        at = doc
        for key in parents:
            at = at.setdefault(key, {})
        at[last] = value

    return apply


GENERATED: dict[str, Callable[[dict[str, Any]], None]] = {
    "negative-count": _set("/requests/new/total", -1),
    "string-count": _set("/requests/new/total", "4"),
    "unknown-field": _set("/requests/new/robots", 1),
    "unknown-top-level-field": _set("/colour", "blue"),
    "wrong-format": _set("/format", "2020"),
    "format-as-number": _set("/format", 2021),
    "fractional-count": _set("/requests/new/total", 4.5),
    "amount-as-number": _set("/proactive/fees_10k_yuan", 0.092),
    "amount-not-decimal": _set("/proactive/fees_10k_yuan", "about 1"),
    "year-as-string": _set("/year", "2023"),
    "agency-kind-unknown": _set("/agency/kind", "ministry"),
    "missing-agency-name": lambda d: d["agency"].pop("name"),
    "count-as-bool": _set("/requests/new/total", True),
    "count-as-list": _set("/requests/new/total", [4]),
    "date-with-slashes": _set("/published_on", "2024/01/20"),
    # An object written as a list of its values: the schema refuses it, and so must the
    # library (placing numbers by position alone is what it exists to avoid).
    "row-as-list": _set("/requests/new", [3, 0, 0, 0, 0, 0, 3]),
    "agency-as-list": _set("/agency", ["某市某局", "department"]),
    "sections-as-list-in-2021": _set("/sections", []),
}

def test_the_generated_base_document_is_valid(validator: jsonschema.Draft202012Validator) -> None:
    data = json.dumps(minimal_2021()).encode()
    assert schema_accepts(validator, data) and govreport_accepts(data)


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated_invalid_documents_are_rejected_by_both(validator: jsonschema.Draft202012Validator, name: str) -> None:
    doc = copy.deepcopy(minimal_2021())
    GENERATED[name](doc)
    data = json.dumps(doc).encode()
    assert not schema_accepts(validator, data), name
    assert not govreport_accepts(data), name
    with pytest.raises(govreport.ReportError):
        govreport.Report(doc)  # the same verdict from the dict itself
