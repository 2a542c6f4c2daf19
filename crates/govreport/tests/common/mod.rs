//! Shared by the core's tests of rendering and importing: what a rendered report can give
//! back, and where two documents differ.

#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};

use govreport::render::layout::{Block, layout};
use govreport::{Lang, Report};
use serde_json::Value;

/// The agency's fields the layout does not print. Every other field of the model must come back
/// from render → import (`every_agency_field_is_printed_or_said_not_to_be` in tests/import.rs),
/// so that a new field is not dropped unnoticed.
pub const NOT_PRINTED: [&str; 3] = ["level", "region_code", "credit_code"];

/// What a rendered report can give back: the renderer writes a blank and an absent cell
/// alike (an empty cell), and prints no agency level, region or credit code.
pub fn renderable(r: &Report) -> Report {
    let mut r = r.clone();
    let mut pointers = vec![];
    for part in layout(&r, Lang::Zh).parts {
        for b in part.blocks {
            if let Block::Table(g) = b {
                pointers.extend(g.rows.iter().flatten().filter_map(|c| c.pointer.clone()));
            }
        }
    }
    for p in pointers {
        if r.get(&p).unwrap().is_none() {
            r.set(&p, Value::Null).unwrap();
        }
    }
    let mut v = serde_json::to_value(&r).unwrap();
    let agency = v["agency"].as_object_mut().unwrap();
    for k in NOT_PRINTED {
        agency.remove(k);
    }
    govreport::parse_str(&v.to_string()).unwrap()
}

fn flat(v: &Value, at: String, out: &mut BTreeMap<String, String>) {
    match v {
        Value::Object(m) => m.iter().for_each(|(k, x)| flat(x, format!("{at}/{k}"), out)),
        Value::Array(a) => a.iter().enumerate().for_each(|(i, x)| flat(x, format!("{at}/{i}"), out)),
        _ => {
            out.insert(at, v.to_string());
        }
    }
}

/// The places where two documents differ, one per line.
pub fn diff(want: &Report, got: &Report) -> String {
    let (mut a, mut b) = (BTreeMap::new(), BTreeMap::new());
    flat(&serde_json::to_value(want).unwrap(), String::new(), &mut a);
    flat(&serde_json::to_value(got).unwrap(), String::new(), &mut b);
    let keys: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
    keys.into_iter()
        .filter(|k| a.get(*k) != b.get(*k))
        .map(|k| format!("\n  {k}: want {} got {}", a.get(k).map_or("(absent)", |s| s), b.get(k).map_or("(absent)", |s| s)))
        .collect()
}
