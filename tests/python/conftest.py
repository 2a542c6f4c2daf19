"""Shared paths and documents for the govreport Python tests."""

from __future__ import annotations

import json
import pathlib
from typing import Any

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
SEED = FIXTURES / "seed-2012-changchun-etdz.json"
CLEAN_2021 = FIXTURES / "2021-department-clean.json"
SCHEMA = ROOT / "schema" / "report.schema.json"


def minimal_2021() -> dict[str, Any]:
    """A small, structurally valid 2021 document (it has findings, but it parses)."""
    return {
        "format": "2021",
        "year": 2023,
        "agency": {"name": "某市某局", "kind": "department"},
        "proactive": {"fees_10k_yuan": "0.092"},
        "requests": {"new": {"natural_person": 3, "total": 4}},
    }


@pytest.fixture
def doc() -> dict[str, Any]:
    return minimal_2021()


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def clean_doc() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(CLEAN_2021.read_text(encoding="utf-8"))
    return loaded
