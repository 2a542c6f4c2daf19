//! The metric dictionary: the formula it shows gives the value the core computes, on every
//! fixture; docs/metrics.md is generated from it (`GOVREPORT_BLESS=1` rewrites it).

use std::path::PathBuf;

use govreport::across::metrics::{self, METRICS};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn fixtures(dir: &std::path::Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            fixtures(&p, out);
        } else if p.extension().is_some_and(|x| x == "json") {
            out.push(p);
        }
    }
}

#[test]
fn the_formula_shown_gives_the_value_computed_on_every_fixture() {
    let mut files = vec![];
    fixtures(&root().join("tests/fixtures"), &mut files);
    let mut valued = 0;
    for f in &files {
        let Ok(report) = govreport::parse_json(&std::fs::read(f).unwrap()) else { continue };
        let evaluations = metrics::evaluate(&report);
        assert_eq!(evaluations.len(), METRICS.len());
        for e in evaluations {
            assert_eq!(e.from_operands(), e.value, "{} of {}: {}", e.metric.id, f.display(), e.worked(govreport::Lang::En));
            valued += usize::from(e.value.is_some());
        }
    }
    assert!(valued > 100, "only {valued} values: the fixtures should give most metrics a value");
}

#[test]
fn metric_docs_are_current() {
    let path = root().join("docs/metrics.md");
    let want = metrics::markdown();
    if std::env::var_os("GOVREPORT_BLESS").is_some() {
        std::fs::write(&path, &want).unwrap();
        return;
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(have == want, "docs/metrics.md is stale: regenerate with `bash scripts/regen.sh` and commit it");
}
