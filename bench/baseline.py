"""What a user would write instead of govreport: the stock `jsonschema` validator (Draft 2020-12)
on the committed schema, then the arithmetic of tables B and C written plainly in Python.

    validator = make_validator("schema/report.schema.json")
    problems = check(validator, json.loads(text))

The rules are the four of the template's 勾稽关系, with the same treatment of cells as
govreport: a blank (null) or missing cell makes the sum unjudgeable and is skipped, "/" is
left out of a sum, and a side with no number at all is not judged.

  B1  一 + 二 = （七）总计 + 四, per applicant column and for 总计
  B2  （七）总计 = the sum of the result rows （一）…（六）, per column
  B3  every row's 总计 = its six applicant columns
  C1  each review/lawsuit group's 总计 = 维持 + 纠正 + 其他 + 尚未审结
"""

import json

from jsonschema import Draft202012Validator

COLUMNS = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org"]
RESULT_ROWS = [
    "granted",
    "partially_granted",
    "withheld/state_secret",
    "withheld/prohibited_by_law",
    "withheld/security_stability",
    "withheld/third_party",
    "withheld/internal_affairs",
    "withheld/process_info",
    "withheld/enforcement_files",
    "withheld/inquiry_matters",
    "unable/not_held",
    "unable/needs_creation",
    "unable/still_unclear",
    "not_processed/petition",
    "not_processed/duplicate",
    "not_processed/publication",
    "not_processed/excessive",
    "not_processed/confirmation",
    "other/no_correction",
    "other/fee_unpaid",
    "other/other",
]
ALL_ROWS = ["new", "carried_over"] + RESULT_ROWS + ["results_total", "carried_forward"]
CASE_GROUPS = ["review", "litigation_direct", "litigation_after_review"]
CASE_PARTS = ["upheld", "corrected", "other", "pending"]

MISSING = object()


def make_validator(schema_path):
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def get_row(requests, path):
    node = requests
    for key in path.split("/"):
        if not isinstance(node, dict) or key not in node:
            return None
        node = node[key]
    return node if isinstance(node, dict) else None


def side(cells):
    """The sum of some cells, or None when it cannot be judged."""
    total = 0
    numbers = 0
    for c in cells:
        if c is MISSING or c is None:
            return None
        if c == "/":
            continue
        total += c
        numbers += 1
    return total if numbers else None


def cell(row, key):
    if row is None:
        return MISSING
    return row.get(key, MISSING)


def arithmetic(doc):
    problems = []
    requests = doc.get("requests", {})
    rows = {p: get_row(requests, p) for p in ALL_ROWS}
    present = [p for p in ALL_ROWS if rows[p] is not None]
    for col in COLUMNS + ["total"]:
        # B1
        left = side([cell(rows["new"], col), cell(rows["carried_over"], col)])
        right = side([cell(rows["results_total"], col), cell(rows["carried_forward"], col)])
        if left is not None and right is not None and left != right:
            problems.append(("GR201", f"/requests/new/{col}", left, right))
        # B2
        results = side([cell(rows[p], col) for p in RESULT_ROWS if rows[p] is not None])
        stated = side([cell(rows["results_total"], col)])
        if results is not None and stated is not None and results != stated:
            problems.append(("GR202", f"/requests/results_total/{col}", results, stated))
    # B3
    for p in present:
        parts = side([cell(rows[p], c) for c in COLUMNS])
        total = side([cell(rows[p], "total")])
        if parts is not None and total is not None and parts != total:
            problems.append(("GR203", f"/requests/{p}/total", parts, total))
    # C1
    cases = doc.get("review_litigation", {})
    for g in CASE_GROUPS:
        group = cases.get(g)
        if not isinstance(group, dict):
            continue
        parts = side([group.get(k, MISSING) for k in CASE_PARTS])
        total = side([group.get("total", MISSING)])
        if parts is not None and total is not None and parts != total:
            problems.append(("GR301", f"/review_litigation/{g}/total", parts, total))
    return problems


def check(validator, doc):
    """Schema errors first; the arithmetic only on a document the schema accepts."""
    errors = [("schema", "/" + "/".join(map(str, e.absolute_path)), e.message, None) for e in validator.iter_errors(doc)]
    if errors:
        return errors
    return arithmetic(doc)
