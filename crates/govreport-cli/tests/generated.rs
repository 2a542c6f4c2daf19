//! Generated files are committed and must match the code.
//!
//! Regenerate them all with `GOVREPORT_BLESS=1 cargo test -p govreport-cli --test generated`.

use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn pretty(v: &serde_json::Value) -> String {
    serde_json::to_string_pretty(v).expect("a schema serializes") + "\n"
}

fn check_file(rel: &str, want: String) {
    let path = root().join(rel);
    if std::env::var_os("GOVREPORT_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().expect("has a parent")).expect("create dir");
        std::fs::write(&path, &want).expect("write generated file");
        return;
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(have == want, "{rel} is stale: regenerate with `GOVREPORT_BLESS=1 cargo test -p govreport-cli --test generated` and commit it");
}

#[test]
fn report_schema_is_current() {
    check_file("schema/report.schema.json", pretty(&govreport::json_schema()));
}

#[test]
fn options_schema_is_current() {
    check_file("schema/options.schema.json", pretty(&govreport::options_schema()));
}

#[test]
fn findings_schema_is_current() {
    check_file("schema/findings.schema.json", pretty(&govreport::findings_schema()));
}

#[test]
fn rule_docs_are_current() {
    check_file("docs/rules.md", govreport::rules_markdown());
}
