import multiprocessing
import pathlib
import govreport


def check_file(path: pathlib.Path) -> list[govreport.Finding]:
    return govreport.check(path, lang="en", today="2024-06-30")  # runs in a worker process


if __name__ == "__main__":
    folder = pathlib.Path("reports")  # a folder of .json (or .jsonl, .html, .docx) reports
    with multiprocessing.Pool(2) as pool:  # findings, reports and errors pickle across processes
        per_file = pool.map(check_file, sorted(folder.glob("*.json")))
    print(sum(len(found) for found in per_file), "findings")
    # Or one call on every core with the GIL released; each result knows its file and unit:
    results = govreport.check_many(folder, lang="en", today="2024-06-30")
    frame = govreport.findings_frame(results)  # a pandas DataFrame: pip install 'govreport[pandas]'
    errors = frame[frame["severity"] == "error"]
    print(errors.groupby("unit")["code"].count().to_dict())
    print(frame[["unit", "code", "path", "expected", "actual"]].head(3).to_string())
