import pathlib
import govreport

report = govreport.Report(pathlib.Path("tests/fixtures/2021-department-clean.json"))  # or a dict, JSON text, bytes
report["/requests/new/total"] = None  # blank a cell by JSON pointer …
report.requests.new.natural_person += 1  # … or change one by attribute
print(report.complete().filled)  # the derived totals it filled in: ['/requests/new/total']
for finding in govreport.check(report, lang="en", today="2024-06-30"):
    print(finding.code, finding.severity, finding.path, finding.message)
seed = open("tests/fixtures/seed-2012-changchun-etdz.json", encoding="utf-8").read()
print(govreport.check(seed, disable=["GR801"]))  # [Finding(code='GR802', …)]
