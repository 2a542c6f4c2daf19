//! SARIF 2.1.0 output for code-scanning tools.

use serde_json::{Value, json};

use crate::finding::{Findings, Severity, Status};
use crate::options::Lang;
use crate::rules::RULES;

fn level(s: Severity, status: Status) -> &'static str {
    match (status, s) {
        (Status::NotAssessable, _) => "note",
        (_, Severity::Error) => "error",
        (_, Severity::Warning) => "warning",
        (_, Severity::Info) => "note",
    }
}

/// One SARIF log for the findings of several files (`uri`, findings).
pub fn to_sarif(files: &[(String, Findings)], lang: Lang) -> Value {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|r| {
            json!({
                "id": r.code,
                "name": r.name,
                "shortDescription": { "text": r.title(lang) },
                "fullDescription": { "text": r.explanation(lang) },
                "defaultConfiguration": { "level": level(r.severity, Status::Violated) },
            })
        })
        .collect();
    let mut results = vec![];
    for (uri, findings) in files {
        for f in findings.iter() {
            let index = RULES.iter().position(|r| r.code == f.code);
            let mut result = json!({
                "ruleId": f.code,
                "level": level(f.severity, f.status),
                "message": { "text": f.message },
                "locations": [{
                    "physicalLocation": { "artifactLocation": { "uri": uri } },
                    "logicalLocations": [{ "fullyQualifiedName": f.path, "kind": "member" }],
                }],
                "properties": { "status": f.status, "related": f.related, "expected": f.expected, "actual": f.actual },
            });
            if let Some(i) = index {
                result["ruleIndex"] = json!(i);
            }
            results.push(result);
        }
    }
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "govreport",
                "version": crate::VERSION,
                "informationUri": "https://example.invalid/govreport",
                "rules": rules,
            }},
            "results": results,
        }],
    })
}
