#!/usr/bin/env bash
# Regenerates every generated file from the code: schema/*.json, docs/rules.md, docs/metrics.md,
# tests/golden/*, include/govreport.h, and tests/fixtures/README.md from the fixtures' *.expect.toml.
# The same tests, run without GOVREPORT_BLESS, fail when a committed file is stale.
set -euo pipefail
cd "$(dirname "$0")/.."
GOVREPORT_BLESS=1 cargo test -q -p govreport-cli --test generated
GOVREPORT_BLESS=1 cargo test -q -p govreport --test render
GOVREPORT_BLESS=1 cargo test -q -p govreport --test metrics
GOVREPORT_BLESS=1 cargo test -q -p govreport-ffi --test header
GOVREPORT_BLESS=1 cargo test -q -p govreport --test fixtures the_readme_is_generated_from_the_declarations
git status --short schema docs include tests/golden tests/fixtures/README.md
