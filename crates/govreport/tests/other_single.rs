//! A 2021 document whose （六）其他处理 is one row of figures (the older layout some offices still
//! publish): the JSON shape, access by pointer, render, complete and aggregate.

use govreport::model::Layout;
use govreport::{Agency, AgencyKind, Format, Lang, RenderFormat, Report, aggregate, complete, parse_str, render};
use serde_json::{Value, json};

const COLUMNS: [&str; 7] = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total"];

fn row(values: [u64; 7]) -> Value {
    Value::Object(COLUMNS.iter().zip(values).map(|(c, v)| (c.to_string(), json!(v))).collect())
}

/// A 2021 report of `name` whose table B is every result row 0 but 予以公开 `granted` and （六）
/// `other` (one row, or the three sub-rows when `sub_rows` is given), with 新收 their sum.
fn report(name: &str, granted: [u64; 7], other: Option<[u64; 7]>, sub_rows: Option<[[u64; 7]; 3]>) -> Report {
    let mut requests = serde_json::Map::new();
    requests.insert("granted".into(), row(granted));
    if let Some(o) = other {
        requests.insert("other".into(), row(o));
    }
    if let Some([a, b, c]) = sub_rows {
        requests.insert("other".into(), json!({"no_correction": row(a), "fee_unpaid": row(b), "other": row(c)}));
    }
    let doc = json!({"format": "2021", "year": 2023, "agency": {"name": name, "kind": "department"}, "requests": requests});
    parse_str(&doc.to_string()).unwrap()
}

#[test]
fn either_shape_reads_and_writes_back_as_it_was() {
    let single = report("甲局", [1, 0, 0, 0, 0, 0, 1], Some([2, 1, 0, 0, 0, 0, 3]), None);
    assert_eq!(single.layout(), Layout::SingleOther);
    assert_eq!(single.get("/requests/other/commercial").unwrap(), Some(json!(1)));
    assert_eq!(single.get("/requests/other/no_correction/total").unwrap(), None);
    let text = single.to_json();
    assert!(text.contains(r#""other":{"natural_person":2,"commercial":1,"research":0"#), "{text}");
    assert_eq!(parse_str(&text).unwrap(), single);
    let split = report("乙局", [1, 0, 0, 0, 0, 0, 1], None, Some([[1, 0, 0, 0, 0, 0, 1], [0; 7], [0; 7]]));
    assert_eq!(split.layout(), Layout::Template);
    assert_eq!(parse_str(&split.to_json()).unwrap(), split);
    // Blank and "/" cells in the single row are kept as written.
    let doc = r#"{"format":"2021","year":2023,"agency":{"name":"丙局","kind":"department"},"requests":{"other":{"natural_person":null,"total":"/"}}}"#;
    let r = parse_str(doc).unwrap();
    assert_eq!(
        (r.layout(), r.get("/requests/other/natural_person").unwrap(), r.get("/requests/other/total").unwrap()),
        (Layout::SingleOther, Some(Value::Null), Some(json!("/")))
    );
    assert_eq!(serde_json::to_value(&r).unwrap()["requests"], serde_json::from_str::<Value>(doc).unwrap()["requests"]);
    // A document may not mix the shapes; the error names the place.
    let mixed = r#"{"format":"2021","year":2023,"agency":{"name":"丁局","kind":"department"},"requests":{"other":{"natural_person":1,"fee_unpaid":{"total":1},"total":1}}}"#;
    let e = parse_str(mixed).unwrap_err();
    assert_eq!((e.kind(), e.pointer()), ("structure", Some("/requests/other/fee_unpaid")), "{e:?}");
    // A cell of the single row with a wrong value is named at its place.
    let e = parse_str(&doc.replace(r#""total":"/""#, r#""total":-1"#)).unwrap_err();
    assert_eq!(e.pointer(), Some("/requests/other/total"), "{e:?}");
}

#[test]
fn the_schema_has_both_shapes() {
    let schema = govreport::json_schema();
    let other = &schema["$defs"]["Other2021"]["anyOf"];
    let refs: Vec<&str> = other.as_array().unwrap().iter().map(|b| b["$ref"].as_str().unwrap()).collect();
    assert_eq!(refs, ["#/$defs/OtherHandling", "#/$defs/RequestRow"]);
    let props = &schema["$defs"]["RequestsOther2021"]["properties"]["other"];
    assert_eq!((props["$ref"].as_str(), props["title"].as_str()), (Some("#/$defs/Other2021"), Some("（六）其他处理")));
}

#[test]
fn a_cell_set_by_pointer_takes_the_shape_of_its_row() {
    let mut r = Report::new(Format::F2021, 2023, Agency::new("某局", AgencyKind::Department));
    // An empty （六） takes either shape; the first cell set fixes it.
    r.set("/requests/other/total", json!(4)).unwrap();
    assert_eq!(r.layout(), Layout::SingleOther);
    assert_eq!(r.get("/requests/other/total").unwrap(), Some(json!(4)));
    let e = r.set("/requests/other/fee_unpaid/total", json!(1)).unwrap_err();
    assert_eq!((e.kind(), e.pointer()), ("invalid", Some("/requests/other/fee_unpaid/total")), "{e:?}");
    assert!(e.message(Lang::Zh).contains("先删除"), "{}", e.message(Lang::Zh));
    assert_eq!(r.get("/requests/other/total").unwrap(), Some(json!(4)), "the refused set changed nothing");
    // Removed, it is empty again, reads back as the template's shape, and takes the other.
    r.remove("/requests/other/total").unwrap();
    assert_eq!(r.layout(), Layout::Template);
    assert_eq!(parse_str(&r.to_json()).unwrap(), r);
    r.set("/requests/other/fee_unpaid/total", json!(1)).unwrap();
    assert_eq!(r.layout(), Layout::Template);
    let e = r.set("/requests/other/total", json!(1)).unwrap_err();
    assert_eq!(e.pointer(), Some("/requests/other/total"));
    // In 2019 the single row is the template's, and there are no sub-rows.
    let mut r = Report::new(Format::F2019, 2020, Agency::new("某局", AgencyKind::Department));
    r.set("/requests/other/total", json!(2)).unwrap();
    assert!(r.set("/requests/other/fee_unpaid/total", json!(1)).is_err());
}

#[test]
fn render_shows_the_row_the_document_holds() {
    let single = report("甲局", [1, 0, 0, 0, 0, 0, 1], Some([7, 0, 0, 0, 0, 0, 7]), None);
    let md = String::from_utf8(render(&single, RenderFormat::Markdown, Lang::Zh).unwrap()).unwrap();
    let line = md.lines().find(|l| l.contains("（六）其他处理")).expect("the row");
    assert!(line.contains('7'), "{line}");
    assert!(!md.contains("逾期不补正") && !md.contains("3.其他"), "{md}");
    let html = String::from_utf8(render(&single, RenderFormat::Html, Lang::Zh).unwrap()).unwrap();
    assert!(html.contains("（六）其他处理") && html.contains("/requests/other/total"), "the cell carries its pointer");
    assert!(!html.contains("/requests/other/no_correction"));
    // The template's shape renders the heading over its three sub-rows, as before.
    let split = report("乙局", [1, 0, 0, 0, 0, 0, 1], None, Some([[1, 0, 0, 0, 0, 0, 1], [0; 7], [0; 7]]));
    let md = String::from_utf8(render(&split, RenderFormat::Markdown, Lang::Zh).unwrap()).unwrap();
    assert!(md.contains("1.申请人无正当理由逾期不补正") && md.contains("3.其他"), "{md}");
    // A Word file of the single row imports back as the same document.
    let docx = render(&single, RenderFormat::Docx, Lang::Zh).unwrap();
    let back = govreport::import_document(&docx, &Default::default()).unwrap();
    assert_eq!(back.report.get("/requests/other/total").unwrap(), Some(json!(7)));
    assert_eq!(back.report.get("/requests/granted/total").unwrap(), Some(json!(1)));
}

#[test]
fn complete_fills_the_totals_from_the_single_row_and_invents_no_sub_row() {
    let mut doc = json!({"format": "2021", "year": 2023, "agency": {"name": "某局", "kind": "department"}, "requests": {
        "granted": row([1, 0, 0, 0, 0, 0, 1]),
        "other": {"natural_person": 2, "commercial": 1, "research": 0, "social_welfare": 0, "legal_service": 0, "other_org": 0},
    }});
    // Every other result row given as 0, so that （七） can be summed.
    let requests = doc["requests"].as_object_mut().unwrap();
    requests.insert("partially_granted".into(), row([0; 7]));
    for (group, rows) in [
        (
            "withheld",
            &[
                "state_secret",
                "prohibited_by_law",
                "security_stability",
                "third_party",
                "internal_affairs",
                "process_info",
                "enforcement_files",
                "inquiry_matters",
            ][..],
        ),
        ("unable", &["not_held", "needs_creation", "still_unclear"][..]),
        ("not_processed", &["petition", "duplicate", "publication", "excessive", "confirmation"][..]),
    ] {
        requests.insert(group.into(), Value::Object(rows.iter().map(|r| (r.to_string(), row([0; 7]))).collect()));
    }
    let mut r = parse_str(&doc.to_string()).unwrap();
    let done = complete(&mut r);
    assert!(done.filled.contains(&"/requests/other/total".to_string()), "{done:?}");
    assert_eq!(r.get("/requests/other/total").unwrap(), Some(json!(3)));
    // （七）总计 is the sum of the results, the single row among them.
    let total: Vec<Value> = COLUMNS.iter().map(|c| r.get(&format!("/requests/results_total/{c}")).unwrap().unwrap()).collect();
    assert_eq!(total, [3, 1, 0, 0, 0, 0, 4].map(Value::from));
    assert_eq!(r.layout(), Layout::SingleOther);
    assert!(!done.filled.iter().chain(&done.left_empty).any(|p| p.contains("no_correction") || p.contains("fee_unpaid")), "{done:?}");
    assert_eq!(r.get("/requests/other/no_correction/total").unwrap(), None);
}

#[test]
fn aggregate_sums_sub_rows_into_one_row_when_a_unit_gives_one() {
    let single = report("甲局", [1, 0, 0, 0, 0, 0, 1], Some([2, 1, 0, 0, 0, 0, 3]), None);
    let split = report("乙局", [4, 0, 0, 0, 0, 0, 4], None, Some([[1, 0, 0, 0, 0, 0, 1], [0, 2, 0, 0, 0, 0, 2], [3, 0, 0, 0, 0, 0, 3]]));
    let county = Agency::new("某县人民政府", AgencyKind::Government);
    for units in [vec![single.clone(), split.clone()], vec![split.clone(), single.clone()]] {
        let up = aggregate(&units, county.clone()).unwrap();
        assert_eq!(up.report.layout(), Layout::SingleOther);
        // 甲 2, 1, …, 3 plus 乙's sub-rows summed: 4, 2, …, 6.
        let other: Vec<Value> = COLUMNS.iter().map(|c| up.report.get(&format!("/requests/other/{c}")).unwrap().unwrap()).collect();
        assert_eq!(other, [6, 3, 0, 0, 0, 0, 9].map(Value::from));
        assert_eq!(up.report.get("/requests/granted/total").unwrap(), Some(json!(5)));
        assert_eq!(up.merged_other, ["乙局"], "the roll-up says whose sub-rows it summed");
        assert!(up.gaps.is_empty(), "{:?}", up.gaps);
        // Nothing is lost or counted twice: the roll-up's results add up as the units' do.
        let sum = |r: &Report| -> u64 {
            ["/requests/granted/total", "/requests/other/total"].iter().map(|p| r.get(p).unwrap().map_or(0, |v| v.as_u64().unwrap())).sum()
        };
        let subs = |r: &Report| -> u64 {
            ["no_correction", "fee_unpaid", "other"]
                .iter()
                .map(|s| r.get(&format!("/requests/other/{s}/total")).unwrap().map_or(0, |v| v.as_u64().unwrap()))
                .sum()
        };
        assert_eq!(sum(&up.report), sum(&single) + sum(&split) + subs(&split));
    }
    // Split units only: the template's sub-rows, as before, and nothing merged.
    let up = aggregate(&[split.clone(), split.clone()], county.clone()).unwrap();
    assert_eq!(up.report.layout(), Layout::Template);
    assert_eq!(up.report.get("/requests/other/fee_unpaid/commercial").unwrap(), Some(json!(4)));
    assert!(up.merged_other.is_empty());
    // A sub-row left blank makes the merged cell unknown: a gap named with its unit, never 0.
    let mut gappy = split.clone();
    gappy.set("/requests/other/fee_unpaid/natural_person", Value::Null).unwrap();
    let up = aggregate(&[single, gappy], county).unwrap();
    assert_eq!(up.report.get("/requests/other/natural_person").unwrap(), Some(Value::Null));
    assert_eq!(
        up.gaps.iter().map(|g| (g.pointer.as_str(), g.units.clone())).collect::<Vec<_>>(),
        [("/requests/other/natural_person", vec!["乙局".to_string()])]
    );
}

/// （六） is read by its first key (a column: one row; a sub-row: the three), not by trying
/// each shape: what either shape accepts reads as before, and what neither does is refused at
/// its place.
#[test]
fn the_first_key_of_other_handling_decides_its_shape() {
    let read = |other: &str| {
        parse_str(&format!(r#"{{"format":"2021","year":2023,"agency":{{"name":"某局","kind":"department"}},"requests":{{"other":{other}}}}}"#))
            .map(|r| r.layout())
            .map_err(|e| (e.kind().to_string(), e.pointer().map(str::to_string)))
    };
    let refused = |at: &str| Err(("structure".to_string(), Some(at.to_string())));
    assert_eq!(read("{}"), Ok(Layout::Template));
    assert_eq!(read(r#"{"other_org":5}"#), Ok(Layout::SingleOther));
    assert_eq!(read(r#"{"other":{"total":2},"no_correction":{"total":1}}"#), Ok(Layout::Template));
    assert_eq!(read(r#"{"fee_unpaid":{"total":1},"natural_person":1}"#), refused("/requests/other/natural_person"));
    assert_eq!(read(r#"{"natural_person":1,"fee_unpaid":{"total":1}}"#), refused("/requests/other/natural_person"));
    assert_eq!(read(r#"{"bogus":1}"#), refused("/requests/other/bogus"));
    assert_eq!(read(r#"{"total":1,"bogus":2}"#), refused("/requests/other/bogus"));
    assert_eq!(read(r#"{"total":1,"total":2}"#), refused("/requests/other/total"));
    assert_eq!(read(r#"{"other":5}"#), refused("/requests/other/other"));
    assert_eq!(read("null"), refused("/requests/other"));
    assert_eq!(read("[]"), refused("/requests/other"));
}
