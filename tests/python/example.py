import pathlib
import govreport

report = govreport.Report(pathlib.Path("report.json"))  # or a dict, JSON text (str), bytes
report["/requests/new/total"] = None  # blank a cell by JSON pointer …
report.requests.new.natural_person += 1  # … or change one by attribute
print(report.complete().filled)  # the derived totals it filled in: ['/requests/new/total']
for finding in govreport.check(report, lang="en", today="2024-06-30"):
    print(finding.code, finding.severity, finding.path, finding.message)
pathlib.Path("report.docx").write_bytes(report.render("docx"))  # or "html", "md", "txt"
