//! Ingest and versions: batches with what failed and why, the same bytes never twice, units by
//! credit code or name and region, immutable versions with parent, reason and changed cells,
//! every cell with its state.

mod common;

use common::*;
use govreport_register::{CellState, ExportFormat, ExportKind, ExportQuery, IngestOptions, Input, Outcome, Register, UnitRef};
use serde_json::json;

#[test]
fn two_years_of_a_county_make_three_units_with_two_reports_each() {
    let (_dir, r) = county_register();
    let units = r.list_units(None).unwrap();
    let names: Vec<&str> = units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(names.contains(&"进贤县教育体育局"), "{names:?}");
    assert!(units.iter().all(|u| u.region_code == "360124"));
    for u in &units {
        for year in [2022, 2023] {
            let versions = r.versions(&UnitRef::Id(u.id), year).unwrap();
            assert_eq!(versions.len(), 1);
            assert!(versions[0].is_current && versions[0].parent_id.is_none() && versions[0].changes.is_empty());
            assert_eq!(versions[0].source.as_ref().unwrap().kind, "json");
        }
    }
    // Every cell of the 2021 template is stored, with its state.
    let edu = r.unit(&UnitRef::parse("进贤县 教育体育局")).unwrap();
    let v = r.current(&UnitRef::Id(edu.id), 2022).unwrap().unwrap();
    let cells = r.cells(v.id).unwrap();
    assert_eq!(cells.len(), govreport::cells::figures(govreport::Format::F2021).count());
    let new_total = cells.iter().find(|c| c.pointer == "/requests/new/total").unwrap();
    assert_eq!((new_total.state, new_total.value.as_deref(), new_total.part.as_str()), (CellState::Number, Some("13"), "三"));
    assert_eq!(new_total.row_label, "一、本年新收政府信息公开申请数量");
    assert_eq!(new_total.column_label, "总计");
    // The town's 2023 report leaves 行政许可 blank: blank, not 0.
    let town = r.list_units(None).unwrap().into_iter().find(|u| u.name.contains("民和")).unwrap();
    let v = r.current(&UnitRef::Id(town.id), 2023).unwrap().unwrap();
    let licensing = r.cells(v.id).unwrap().into_iter().find(|c| c.pointer == "/proactive/licensing").unwrap();
    assert_eq!((licensing.state, licensing.value), (CellState::Blank, None));
}

#[test]
fn the_same_bytes_are_not_ingested_twice_and_the_same_document_makes_no_version() {
    let (_dir, mut r) = county_register();
    let again = r.add_paths(&[county(2022), county(2023)], &IngestOptions::default()).unwrap();
    assert_eq!((again.inputs, again.duplicates, again.added), (6, 6, 0));
    assert!(again.items.iter().all(|i| i.outcome == Outcome::Duplicate && i.version_id.is_some() && i.year.is_some()));
    // The same document written differently (compact) is read, but is the current version.
    let compact = serde_json::to_vec(&serde_json::from_slice::<serde_json::Value>(&std::fs::read(county_file(2023, "health")).unwrap()).unwrap()).unwrap();
    let b = r.ingest([Input::bytes("health-compact.json", compact)], &IngestOptions::default()).unwrap();
    assert_eq!(b.items[0].outcome, Outcome::Unchanged);
    let health = r.unit(&UnitRef::parse("进贤县卫生健康委员会")).unwrap();
    assert_eq!(r.versions(&UnitRef::Id(health.id), 2023).unwrap().len(), 1);
    assert_eq!(b.items[0].version_id, r.current(&UnitRef::Id(health.id), 2023).unwrap().map(|v| v.id));
}

#[test]
fn a_corrected_file_is_a_new_version_with_its_parent_and_the_cells_it_changed() {
    let (_dir, mut r) = county_register();
    let edu = r.unit(&UnitRef::parse("进贤县教育体育局")).unwrap();
    let first = r.current(&UnitRef::Id(edu.id), 2023).unwrap().unwrap();
    let fixed = edited(2023, "education", &[("/requests/carried_over/natural_person", json!(2)), ("/requests/carried_over/total", json!(2))]);
    let b = r
        .ingest([Input::bytes("education-2023-corrected.json", fixed)], &IngestOptions { reason: Some("按上年结转更正".into()), ..Default::default() })
        .unwrap();
    assert_eq!(b.items[0].outcome, Outcome::Added);
    let versions = r.versions(&UnitRef::Id(edu.id), 2023).unwrap();
    assert_eq!(versions.len(), 2);
    let second = &versions[1];
    assert_eq!((second.number, second.parent_id, second.is_current, versions[0].is_current), (2, Some(first.id), true, false));
    assert_eq!(second.reason.as_deref(), Some("按上年结转更正"));
    let changed: Vec<(&str, Option<serde_json::Value>, Option<serde_json::Value>)> =
        second.changes.iter().map(|c| (c.pointer.as_str(), c.before.clone(), c.after.clone())).collect();
    assert_eq!(
        changed,
        [("/requests/carried_over/natural_person", Some(json!(3)), Some(json!(2))), ("/requests/carried_over/total", Some(json!(3)), Some(json!(2)))]
    );
    assert_eq!(second.changes[0].label, "二、上年结转政府信息公开申请数量「自然人」");
    // The old version is kept as it was.
    let old = r.cells(first.id).unwrap().into_iter().find(|c| c.pointer == "/requests/carried_over/total").unwrap();
    assert_eq!(old.value.as_deref(), Some("3"));
}

#[test]
fn a_cell_set_by_hand_needs_a_reason_and_makes_a_version() {
    let (_dir, mut r) = county_register();
    let unit = UnitRef::parse("进贤县民和镇人民政府");
    let v = r.set_cell(&unit, 2023, "/proactive/licensing", json!(0), "电话核实：本年无行政许可", Some("王审核")).unwrap();
    assert_eq!((v.number, v.origin.as_str(), v.author.as_deref()), (2, "edit", Some("王审核")));
    assert_eq!(v.changes.len(), 1);
    assert_eq!((v.changes[0].before.clone(), v.changes[0].after.clone()), (Some(json!(null)), Some(json!(0))));
    let e = r.set_cell(&unit, 2023, "/proactive/licensing", json!(0), "again", None).unwrap_err();
    assert_eq!(e.kind(), "invalid");
    assert_eq!(r.set_cell(&unit, 2023, "/proactive/licensing", json!(1), "  ", None).unwrap_err().kind(), "invalid");
    let e = r.set_cell(&unit, 2023, "/requests/new/nobody", json!(1), "x", None).unwrap_err();
    // A pointer to no field is the caller's mistake (invalid), as in set and get of the core.
    assert_eq!((e.kind(), e.pointer()), ("invalid", Some("/requests/new/nobody")), "{e}");
    let e = r.set_cell(&unit, 2023, "/requests/new/total", json!(-1), "x", None).unwrap_err();
    assert_eq!((e.kind(), e.pointer()), ("structure", Some("/requests/new/total")), "{e}");
    assert_eq!(r.set_cell(&unit, 2019, "/requests/new/total", json!(1), "x", None).unwrap_err().kind(), "not_found");
    assert_eq!(r.set_cell(&UnitRef::parse("不存在的局"), 2023, "/requests/new/total", json!(1), "x", None).unwrap_err().kind(), "not_found");
    assert_eq!(r.versions(&unit, 2023).unwrap().len(), 2);
}

#[test]
fn bad_inputs_are_recorded_as_failed_and_the_batch_goes_on() {
    let (dir, mut r) = county_register();
    let missing = dir.path().join("no-such-file.json");
    let lines = dir.path().join("units.jsonl");
    let good = serde_json::to_string(&serde_json::from_slice::<serde_json::Value>(&edited(2023, "health", &[("/requests/new/commercial", json!(1))])).unwrap())
        .unwrap();
    std::fs::write(&lines, format!("{good}\n\n{{\"format\": \"2021\", \"year\": 2023\n")).unwrap();
    let inputs = vec![
        Input::bytes("broken.json", b"{\"format\": \"2021\", ".to_vec()),
        Input::bytes("negative.json", edited(2023, "education", &[("/requests/new/natural_person", json!(-3))])),
        Input::bytes("scan.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj".to_vec()),
    ];
    let b = r.ingest(inputs.into_iter().chain(govreport_register::inputs(&[missing.clone(), lines.clone()])), &IngestOptions::default()).unwrap();
    let got: Vec<(&str, Outcome, Option<&str>)> = b.items.iter().map(|i| (i.name.as_str(), i.outcome, i.error.as_ref().map(|e| e.kind.as_str()))).collect();
    let lines_name = lines.display().to_string();
    assert_eq!(
        got,
        [
            ("broken.json", Outcome::Failed, Some("syntax")),
            ("negative.json", Outcome::Failed, Some("structure")),
            ("scan.pdf", Outcome::Failed, Some("invalid")),
            (missing.display().to_string().as_str(), Outcome::Failed, Some("io")),
            (format!("{lines_name}:1").as_str(), Outcome::Added, None),
            (format!("{lines_name}:3").as_str(), Outcome::Failed, Some("syntax")),
        ]
    );
    assert_eq!(b.items[1].error.as_ref().unwrap().pointer.as_deref(), Some("/requests/new/natural_person"));
    assert!(b.items[1].error.as_ref().unwrap().message_zh.contains("/requests/new/natural_person"));
    assert_eq!((b.inputs, b.added, b.failed), (6, 1, 5));
    assert!(b.finished_at.is_some());
    // The batch is kept with its failures.
    let again = r.batch(b.id).unwrap();
    assert_eq!(again, b);
    assert_eq!(r.batches().unwrap().len(), 3);
}

#[test]
fn units_by_credit_code_else_by_name_and_region() {
    let (_dir, path) = temp_register();
    let mut r = Register::open(&path).unwrap();
    let doc = |name: &str, region: Option<&str>, code: Option<&str>, year: u16| {
        let mut d: serde_json::Value = serde_json::from_slice(&std::fs::read(county_file(2023, "education")).unwrap()).unwrap();
        d["year"] = json!(year);
        d["agency"]["name"] = json!(name);
        d["agency"]["region_code"] = region.map_or(serde_json::Value::Null, |r| json!(r));
        if region.is_none() {
            d["agency"].as_object_mut().unwrap().remove("region_code");
        }
        if let Some(c) = code {
            d["agency"]["credit_code"] = json!(c);
        }
        serde_json::to_vec(&d).unwrap()
    };
    let code = "11360124MB1234567X";
    let b = r
        .ingest(
            [
                Input::bytes("a", doc("进贤县教育体育局", Some("360124"), None, 2021)),
                // Same name written with a space, same region: the same unit.
                Input::bytes("b", doc("进贤县 教育体育局", Some("360124"), None, 2022)),
                // Gives its credit code now: still the same unit, which learns the code.
                Input::bytes("c", doc("进贤县教育体育局", Some("360124"), Some(code), 2023)),
                // Renamed, but the same credit code: the same unit, under its new name.
                Input::bytes("d", doc("进贤县教育局", Some("360124"), Some(code), 2024)),
                // The same name in another county: another unit.
                Input::bytes("e", doc("进贤县教育体育局", Some("360125"), None, 2023)),
                // No region given and two units of that name: a new one (it cannot be told).
                Input::bytes("f", doc("进贤县教育体育局", None, None, 2020)),
            ],
            &IngestOptions::default(),
        )
        .unwrap();
    let unit_of: Vec<i64> = b.items.iter().map(|i| i.unit_id.unwrap()).collect();
    assert_eq!(unit_of[0], unit_of[1]);
    assert_eq!(unit_of[0], unit_of[2]);
    assert_eq!(unit_of[0], unit_of[3]);
    assert_ne!(unit_of[0], unit_of[4]);
    assert!(unit_of[5] != unit_of[0] && unit_of[5] != unit_of[4]);
    let unit = r.unit(&UnitRef::CreditCode(code.into())).unwrap();
    assert_eq!((unit.id, unit.name.as_str()), (unit_of[0], "进贤县教育局"));
    let names = r.unit_names(unit.id).unwrap();
    assert!(names.contains(&"进贤县教育体育局".to_string()) && names.contains(&"进贤县教育局".to_string()), "{names:?}");
    // By the old name it is ambiguous (two units published under it); by the new one it is not.
    assert_eq!(r.unit(&UnitRef::parse("进贤县教育体育局")).unwrap_err().kind(), "ambiguous");
    assert_eq!(r.unit(&UnitRef::parse("进贤县教育局")).unwrap().id, unit.id);
}

#[test]
fn versions_cells_and_sources_cannot_be_changed_by_sql() {
    let (_dir, r) = county_register();
    let c = r.connection();
    for sql in [
        "UPDATE versions SET reason = 'x'",
        "DELETE FROM versions",
        "UPDATE cells SET value = 0",
        "DELETE FROM cells",
        "UPDATE sources SET name = 'x'",
        "DELETE FROM batch_inputs",
    ] {
        let e = c.execute(sql, []).unwrap_err();
        assert!(e.to_string().contains("immutable") || e.to_string().contains("never deleted"), "{sql}: {e}");
    }
}

#[test]
fn plain_sql_over_the_views_per_table() {
    let (_dir, r) = county_register();
    let c = r.connection();
    // New requests of every unit in 2023, from the long view of table 三.
    let mut stmt =
        c.prepare("SELECT unit, value FROM table3_requests WHERE year = 2023 AND row_label LIKE '一、%' AND column_label = '总计' ORDER BY unit").unwrap();
    let rows: Vec<(String, i64)> = stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?))).unwrap().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3);
    assert!(rows.contains(&("进贤县教育体育局".to_string(), 17)), "{rows:?}");
    // The Chinese views say the same, and every cell's state is named.
    let n: i64 = c.query_row("SELECT count(*) FROM \"表三\" WHERE \"年度\" = 2023", [], |row| row.get(0)).unwrap();
    assert_eq!(n, 3 * 25 * 7);
    let blank: String = c
        .query_row("SELECT \"状态\" FROM \"表二\" WHERE \"年度\" = 2023 AND \"指针\" = '/proactive/licensing' AND \"单位\" LIKE '%民和%'", [], |row| row.get(0))
        .unwrap();
    assert_eq!(blank, "空白");
    let four: i64 = c.query_row("SELECT count(*) FROM table4_review_litigation WHERE year = 2022", [], |row| row.get(0)).unwrap();
    assert_eq!(four, 3 * 15);
}

#[test]
fn a_folder_with_a_published_pdf_is_read_through_the_core() {
    // The real 洪泽区 PDF in a folder: the core's walker takes .pdf files, its importer reads
    // the tables, and every figure cell is stored with its state (the row the PDF misspells,
    // "2.其他法律行政止公开", is read as its label: issue 13).
    let (dir, path) = temp_register();
    let folder = dir.path().join("published");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::copy(root().join("tests/fixtures/corpus/pdf/2024-hongze-district.pdf"), folder.join("hongze.pdf")).unwrap();
    let mut r = Register::open(&path).unwrap();
    r.set_check_options(options()).unwrap();
    let b = r.add_paths(&[folder], &IngestOptions::default()).unwrap();
    assert_eq!((b.inputs, b.added, b.failed), (1, 1, 0), "{b:?}");
    let v = r.version(b.items[0].version_id.unwrap()).unwrap();
    assert_eq!((v.source.as_ref().unwrap().kind.as_str(), v.year, v.agency_name.as_str()), ("pdf", 2024, "淮安市洪泽区人民政府"));
    let cells = r.cells(v.id).unwrap();
    // Its table 三 gives （六）其他处理 as one row: that row's cells in place of the sub-rows'.
    let layout = govreport::cells::layout(govreport::Format::F2021, govreport::model::Layout::SingleOther);
    assert_eq!(cells.len(), layout.iter().filter(|d| d.is_figure()).count());
    let cell = |p: &str| cells.iter().find(|c| c.pointer == p).unwrap();
    assert_eq!(cell("/requests/other/total").state, CellState::Number);
    assert_eq!((cell("/requests/new/total").state, cell("/requests/new/total").value.as_deref()), (CellState::Number, Some("95")));
    assert_eq!(cell("/review_litigation/litigation_after_review/total").value.as_deref(), Some("3"));
    let prohibited = cell("/requests/withheld/prohibited_by_law/total");
    assert_eq!((prohibited.state, prohibited.value.as_deref()), (CellState::Number, Some("0")));
    // Every cell read is stored with where it was read: the page and the box, and its text.
    let prov = cell("/requests/new/total").provenance.clone().unwrap();
    assert_eq!((prov.page, prov.text.as_deref()), (Some(3), Some("95")));
    let edges: Vec<f64> = prov.bbox.as_deref().unwrap().split(',').map(|v| v.parse().unwrap()).collect();
    assert!(edges.len() == 4 && edges[0] < edges[2] && edges[1] < edges[3], "{edges:?}");
    let read = cells.iter().filter(|c| c.state == CellState::Number).count();
    assert_eq!(cells.iter().filter(|c| c.state == CellState::Number && c.provenance.as_ref().is_some_and(|p| p.page.is_some())).count(), read);
    assert!(prohibited.provenance.is_some(), "the row read through its near label has its place too");
    // The export gives the whole place, the box included.
    let mut out = vec![];
    r.export(ExportKind::Cells, ExportFormat::Jsonl, &ExportQuery::default(), &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let line = text.lines().map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()).find(|l| l["pointer"] == "/requests/new/total").unwrap();
    assert_eq!((line["src_page"].as_i64(), line["src_box"].as_str(), line["src_text"].as_str()), (Some(3), prov.bbox.as_deref(), Some("95")), "{line}");
}

#[test]
fn a_2021_report_with_one_other_handling_row_keeps_that_row() {
    // The older layout of （六）其他处理 (one row of figures in a 2021 table): its cells are
    // stored by their pointers, in place of the three sub-rows, and read back as they were.
    let mut r = Register::open_in_memory().unwrap();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/2021-other-single-row.json");
    let bytes = std::fs::read(&path).unwrap();
    let b = r.ingest([Input::bytes("single.json", bytes.clone())], &IngestOptions::default()).unwrap();
    assert_eq!((b.added, b.failed), (1, 0), "{b:?}");
    let unit = r.list_units(None).unwrap().remove(0);
    let v = r.current(&UnitRef::Id(unit.id), 2022).unwrap().unwrap();
    let cells = r.cells(v.id).unwrap();
    let report = govreport::parse_json(&bytes).unwrap();
    assert_eq!(cells.len(), report.cells().filter(|(d, _)| d.is_figure()).count());
    let total = cells.iter().find(|c| c.pointer == "/requests/other/total").expect("the single row's total");
    assert_eq!((total.state, total.value.as_deref(), total.row_label.as_str()), (CellState::Number, Some("2"), "（六）其他处理"));
    assert!(!cells.iter().any(|c| c.pointer.starts_with("/requests/other/no_correction")));
    // The same document written compactly is the same report, not a new version.
    let compact = serde_json::to_vec(&serde_json::from_slice::<serde_json::Value>(&bytes).unwrap()).unwrap();
    let again = r.ingest([Input::bytes("single-compact.json", compact)], &IngestOptions::default()).unwrap();
    assert_eq!((again.added, again.unchanged), (0, 1), "{again:?}");
}
