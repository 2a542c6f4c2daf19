//! Schema migrations: a file of every earlier schema version, with data in it, upgrades to the
//! latest, keeps its data, ends with the same schema as a new file, and works with the new
//! calls; a newer file or a file that is not a register is refused.

mod common;

use common::*;
use govreport_register::{FindingQuery, IngestOptions, Register, UnitRef, schema};
use rusqlite::{Connection, params};

/// Data as a file of schema version `version` holds it, written with that version's SQL: the
/// education bureau's 2022 report as version 1 (with two of its cells), and from version 2 a
/// finding of it with a review.
fn seed(conn: &Connection, version: u32) {
    if version == 0 {
        return;
    }
    let doc = std::fs::read_to_string(county_file(2022, "education")).unwrap();
    let doc = govreport::parse_str(&doc).unwrap().to_json();
    conn.execute_batch(
        "INSERT INTO batches (id, started_at, finished_at, note, inputs, added) VALUES (1, '2025-03-01T08:00:00.000000Z', '2025-03-01T08:00:01.000000Z', 'old', 1, 1);
         INSERT INTO sources (id, sha256, name, kind, encoding, size, batch_id) VALUES (1, 'aa', 'education.json', 'json', 'UTF-8', 6905, 1);
         INSERT INTO units (id, credit_code, name, region_code, kind, level, created_at) VALUES (1, NULL, '进贤县教育体育局', '360124', 'department', 'county', '2025-03-01T08:00:00.000000Z');
         INSERT INTO unit_names (name_key, region_code, unit_id, name) VALUES ('进贤县教育体育局', '360124', 1, '进贤县教育体育局');
         INSERT INTO reports (id, unit_id, year) VALUES (1, 1, 2022);",
    )
    .unwrap();
    conn.execute(
        "INSERT INTO versions (id, report_id, number, created_at, origin, batch_id, source_id, reason, format, agency_name, published_on, document)
         VALUES (1, 1, 1, '2025-03-01T08:00:00.500000Z', 'file', 1, 1, '文件 education.json', '2021', '进贤县教育体育局', '2023-01-18', ?1)",
        [doc],
    )
    .unwrap();
    conn.execute_batch(
        "INSERT INTO batch_inputs (batch_id, seq, name, sha256, outcome, version_id) VALUES (1, 1, 'education.json', 'aa', 'added', 1);
         INSERT INTO cells (version_id, field_id, state, value) SELECT 1, id, 0, 13 FROM fields WHERE format = '2021' AND pointer = '/requests/new/total';
         INSERT INTO cells (version_id, field_id, state, value) SELECT 1, id, 0, 2 FROM fields WHERE format = '2021' AND pointer = '/requests/carried_forward/natural_person';
         UPDATE reports SET current_version = 1 WHERE id = 1;",
    )
    .unwrap();
    if version >= 2 {
        conn.execute_batch(
            "INSERT INTO findings (id, version_id, origin, code, name, severity, status, path, message_zh, message_en, fingerprint)
             VALUES (1, 1, 'check', 'GR402', 'problems-perfunctory', 'warning', 'violated', '/sections/problems', '旧', 'old', 'ff');
             INSERT INTO reviews (report_id, version_id, finding_id, fingerprint, code, path, decision, reason, at)
             VALUES (1, 1, 1, 'ff', 'GR402', '/sections/problems', 'dismissed', '旧的排除', '2025-03-02T08:00:00.000000Z');",
        )
        .unwrap();
    }
}

/// The fields the seed's cells point at must exist in an old file too: they are written when
/// a register is opened, which an old govreport did as this one does.
fn old_file(path: &std::path::Path, version: u32) -> Connection {
    let conn = Register::open_at_version(path, version).unwrap();
    if version >= 1 {
        for (i, p) in ["/requests/new/total", "/requests/carried_forward/natural_person"].iter().enumerate() {
            conn.execute(
                "INSERT INTO fields (format, pointer, part, ord, row_pointer, row_label, column_key, column_label, label, label_en, kind)
                 VALUES ('2021', ?1, '三', ?2, '', '', '', '', '', '', 'count')",
                params![p, i as i64],
            )
            .unwrap();
        }
    }
    conn
}

fn schema_of(conn: &Connection) -> Vec<(String, String, Option<String>)> {
    let mut stmt = conn.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap().map(Result::unwrap).collect()
}

#[test]
fn every_earlier_version_upgrades_with_its_data() {
    let (_fresh_dir, fresh_path) = temp_register();
    drop(Register::open(&fresh_path).unwrap());
    let fresh = schema_of(&Connection::open(&fresh_path).unwrap());
    assert!(schema::latest() >= 2);
    for version in 0..schema::latest() {
        let (_dir, path) = temp_register();
        {
            let conn = old_file(&path, version);
            let at: u32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
            assert_eq!(at, version);
            seed(&conn, version);
        }
        // Read-only, an old file cannot be used: it must be upgraded once.
        if version > 0 {
            assert_eq!(Register::open_read_only(&path).unwrap_err().kind(), "needs_upgrade");
        }
        let mut r = Register::open(&path).unwrap();
        assert_eq!(r.schema_version().unwrap(), schema::latest(), "from {version}");
        assert_eq!(schema_of(r.connection()), fresh, "schema after upgrading from {version}");
        r.set_check_options(options()).unwrap();
        if version == 0 {
            continue;
        }
        // The old data is all there.
        let unit = UnitRef::parse("进贤县教育体育局");
        let v1 = r.current(&unit, 2022).unwrap().unwrap();
        assert_eq!((v1.id, v1.reason.as_deref(), v1.source.as_ref().map(|s| s.name.as_str())), (1, Some("文件 education.json"), Some("education.json")));
        let cells = r.cells(1).unwrap();
        assert_eq!(
            cells.iter().map(|c| (c.pointer.as_str(), c.value.as_deref())).collect::<Vec<_>>(),
            [("/requests/new/total", Some("13")), ("/requests/carried_forward/natural_person", Some("2"))]
        );
        assert_eq!(r.batch(1).unwrap().items.len(), 1);
        // Metrics the old file never had are made on opening it.
        let n: i64 = r.connection().query_row("SELECT count(*) FROM metric_values WHERE version_id = 1", [], |x| x.get(0)).unwrap();
        assert_eq!(n as usize, govreport::across::metrics::METRICS.len());
        if version >= 2 {
            let old = r.findings(&FindingQuery { version: Some(1), ..Default::default() }).unwrap();
            assert_eq!(old.len(), 1);
            assert_eq!(old[0].review.as_ref().and_then(|x| x.reason.as_deref()), Some("旧的排除"));
        }
        // New data joins it: this year's report is compared with the old file's last year.
        let b = r.add_paths(&[county_file(2023, "education")], &IngestOptions::default()).unwrap();
        assert_eq!(b.added, 1, "{b:?}");
        let gr601 = r.findings(&FindingQuery { unit: Some(unit.clone()), year: Some(2023), code: Some("GR601".into()), ..Default::default() }).unwrap();
        assert_eq!(gr601.len(), 2, "from {version}");
        assert_eq!(gr601[0].against_version, Some(1));
        // Upgrading again does nothing.
        drop(r);
        assert_eq!(Register::open_read_only(&path).unwrap().schema_version().unwrap(), schema::latest());
    }
}

#[test]
fn a_newer_file_or_another_sqlite_file_is_refused() {
    let (_dir, path) = temp_register();
    drop(Register::open(&path).unwrap());
    Connection::open(&path).unwrap().execute_batch(&format!("PRAGMA user_version = {}", schema::latest() + 1)).unwrap();
    let e = Register::open(&path).unwrap_err();
    assert_eq!(e.kind(), "newer_schema", "{e}");
    assert!(e.message(govreport::Lang::Zh).contains("新版 govreport"), "{}", e.message(govreport::Lang::Zh));
    assert_eq!(Register::open_read_only(&path).unwrap_err().kind(), "newer_schema");

    let (_dir2, other) = temp_register();
    Connection::open(&other).unwrap().execute_batch("CREATE TABLE accounts (id INTEGER PRIMARY KEY)").unwrap();
    let e = Register::open(&other).unwrap_err();
    assert_eq!(e.kind(), "invalid", "{e}");
    assert!(e.to_string().contains("not a govreport register"), "{e}");

    let (_dir3, text) = temp_register();
    std::fs::write(&text, "not a database at all, just text that is long enough to have a header ....................................").unwrap();
    assert_eq!(Register::open(&text).unwrap_err().kind(), "database");
    assert_eq!(Register::open_existing(text.with_file_name("none.db")).unwrap_err().kind(), "not_found");
}
