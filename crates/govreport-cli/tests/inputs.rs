//! The command on hostile and broken inputs (issue 16): folders with link loops, a file given
//! twice, a roll-up written into its own folder, standard input of any kind, writes that fail,
//! interrupted batches and the messages each gives.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_govreport"))
}

fn example() -> Value {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/report-2023.json");
    serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap()
}

/// The example report as the report of the unit `name`.
fn unit(name: &str) -> Vec<u8> {
    let mut r = example();
    r["agency"]["name"] = Value::from(name);
    serde_json::to_vec_pretty(&r).unwrap()
}

/// A fresh, empty folder for one test, removed when the test ends (also when it fails: the
/// interrupted batch writes 277 MB).
fn folder(test: &str) -> Scratch {
    let dir = std::env::temp_dir().join(format!("govreport-inputs-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    Scratch(dir)
}

/// A folder removed on drop.
struct Scratch(PathBuf);

impl std::ops::Deref for Scratch {
    type Target = PathBuf;
    fn deref(&self) -> &PathBuf {
        &self.0
    }
}

impl AsRef<std::ffi::OsStr> for Scratch {
    fn as_ref(&self) -> &std::ffi::OsStr {
        self.0.as_os_str()
    }
}

impl AsRef<std::path::Path> for Scratch {
    fn as_ref(&self) -> &std::path::Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        // Make what a test made unreadable readable again, so that it can go.
        let _ = Command::new("chmod").args(["-R", "u+rwx"]).arg(&self.0).status();
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn run(args: &[&dyn AsRef<std::ffi::OsStr>]) -> Output {
    bin().args(args.iter().map(|a| a.as_ref())).output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = bin().args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

/// The `file` of every result of `check --format json`, each once (the part that compares units
/// comes after, under the same names).
fn checked_files(o: &Output) -> Vec<String> {
    let v: Value = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", text(&o.stdout)));
    let mut files: Vec<String> = vec![];
    for r in v.as_array().unwrap() {
        let f = r["file"].as_str().unwrap().to_string();
        if !files.contains(&f) {
            files.push(f);
        }
    }
    files
}

/// The number a roll-up holds at `pointer`.
fn number(report: &[u8], pointer: &str) -> u64 {
    let v: Value = serde_json::from_slice(report).unwrap();
    v.pointer(pointer).and_then(Value::as_u64).unwrap_or_else(|| panic!("no number at {pointer}"))
}

const NEW_REQUESTS: &str = "/requests/new/total";

#[cfg(unix)]
#[test]
fn link_loops_in_a_folder_change_no_count_and_are_reported() {
    let dir = folder("loops");
    std::fs::write(dir.join("a.json"), unit("甲局")).unwrap();
    std::fs::write(dir.join("b.json"), unit("乙局")).unwrap();
    // Two loops: before, every report was checked 41 times with one and never ended with two.
    std::os::unix::fs::symlink(".", dir.join("loop")).unwrap();
    std::os::unix::fs::symlink("..", dir.join("up")).unwrap();
    let o = run(&[&"check", &"--format", &"json", &dir]);
    let files = checked_files(&o);
    let reports: Vec<_> = files.iter().filter(|f| f.ends_with(".json")).collect();
    assert_eq!(reports.len(), 2, "{files:?}");
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let loops: Vec<_> = v.as_array().unwrap().iter().filter(|r| r["error"]["errors"][0]["type"] == "link_loop").collect();
    assert_eq!(loops.len(), 2, "{}", text(&o.stdout));
    // The two units are copies of each other (one GR701 each way), and nothing more: no report
    // was read again through a loop and compared with itself.
    assert!(text(&o.stdout).matches("\"GR701\"").count() <= 2, "{}", text(&o.stdout));
    assert!(!text(&o.stdout).contains("/loop/") && !text(&o.stdout).contains("/up/"));
    assert_eq!(o.status.code(), Some(2), "a loop is an unreadable input");

    // The roll-up counts each unit once; the loops are named on standard error.
    let o = run(&[&"aggregate", &"--name", &"某区", &dir]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert_eq!(number(&o.stdout, NEW_REQUESTS), 2 * number(&unit("甲局"), NEW_REQUESTS));
    assert!(text(&o.stderr).contains("不重复汇总"), "{}", text(&o.stderr));
}

#[cfg(unix)]
#[test]
fn the_same_file_given_twice_is_read_once_with_a_warning() {
    let dir = folder("twice");
    let a = dir.join("a.json");
    std::fs::write(&a, unit("甲局")).unwrap();
    std::os::unix::fs::symlink(&a, dir.join("link-to-a.json")).unwrap();
    let o = run(&[&"check", &"--format", &"json", &a, &a, &dir]);
    assert_eq!(checked_files(&o).len(), 1, "{}", text(&o.stdout));
    let err = text(&o.stderr);
    // The second `a.json` given, and in the folder: `a.json` again and the link to it.
    assert_eq!(err.matches("是同一个文件，跳过").count(), 3, "{err}");
}

#[test]
fn aggregate_refuses_the_same_unit_twice_unless_told() {
    let dir = folder("dup-units");
    std::fs::write(dir.join("a.json"), unit("甲局")).unwrap();
    std::fs::write(dir.join("a-copy.json"), unit("甲局")).unwrap();
    std::fs::write(dir.join("b.json"), unit("乙局")).unwrap();
    let o = run(&[&"aggregate", &"--name", &"某区", &dir]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o.stdout));
    let err = text(&o.stderr);
    assert!(err.contains("是同一单位") && err.contains("--allow-duplicate-units"), "{err}");
    assert!(o.stdout.is_empty(), "nothing is written when refused");

    let o = run(&[&"aggregate", &"--name", &"某区", &"--allow-duplicate-units", &dir]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert_eq!(number(&o.stdout, NEW_REQUESTS), 3 * number(&unit("甲局"), NEW_REQUESTS));
}

#[test]
fn a_roll_up_written_into_its_own_folder_is_not_summed_again() {
    let dir = folder("own-output");
    std::fs::write(dir.join("a.json"), unit("甲局")).unwrap();
    std::fs::write(dir.join("b.json"), unit("乙局")).unwrap();
    let out = dir.join("roll-up.json");
    for _ in 0..2 {
        let o = run(&[&"aggregate", &"--name", &"某区", &"-o", &out, &dir]);
        assert!(o.status.success(), "{}", text(&o.stderr));
    }
    let written = std::fs::read(&out).unwrap();
    assert_eq!(number(&written, NEW_REQUESTS), 2 * number(&unit("甲局"), NEW_REQUESTS));

    // Given back under another output name, the old roll-up is the region's own report.
    let o = run(&[&"aggregate", &"--name", &"某区", &"-o", &dir.join("again.json"), &dir]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("是“某区”自己的报告"), "{}", text(&o.stderr));
    assert!(!dir.join("again.json").exists());
}

#[cfg(unix)]
#[test]
fn unreadable_entries_of_a_folder_are_unreadable_inputs() {
    let dir = folder("unreadable");
    std::fs::write(dir.join("a.json"), unit("甲局")).unwrap();
    std::os::unix::fs::symlink(dir.join("gone.json"), dir.join("broken.json")).unwrap();
    let o = run(&[&"check", &dir]);
    assert_eq!(o.status.code(), Some(2));
    let out = text(&o.stdout);
    assert!(out.contains("broken.json") && out.contains("1 份无法读取"), "{out}");

    // A folder that cannot be listed (not for root, who reads every folder).
    let sub = dir.join("sub");
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(sub.join("c.json"), unit("丙局")).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read_dir(&sub).is_err() {
        let o = run(&[&"check", &sub]);
        assert_eq!(o.status.code(), Some(2), "{}", text(&o.stdout));
        assert!(!text(&o.stdout).contains("共检查 0 份"), "{}", text(&o.stdout));
    }
    std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn standard_input_is_detected_as_a_file_is() {
    // A rendered page piped in is one report, not one "report" per line.
    let dir = folder("stdin");
    let a = dir.join("a.json");
    std::fs::write(&a, unit("甲局")).unwrap();
    let page = run(&[&"render", &"--to", &"html", &a]).stdout;
    assert!(page.len() > 1000);
    let o = with_stdin(&["check", "--format", "json", "-"], &page);
    assert_eq!(checked_files(&o), vec!["<stdin>"], "{}", text(&o.stderr));

    // JSON Lines piped in are one report a line.
    let line = serde_json::to_string(&serde_json::from_slice::<Value>(&unit("甲局")).unwrap()).unwrap();
    let lines = format!("{line}\n{}\n", line.replace("甲局", "乙局"));
    let o = with_stdin(&["check", "--format", "json", "-"], lines.as_bytes());
    assert_eq!(checked_files(&o), vec!["<stdin>:1", "<stdin>:2"]);

    // JSON that is not an object says so.
    for doc in ["null", "123", "[1]"] {
        let o = with_stdin(&["check", "-"], doc.as_bytes());
        assert_eq!(o.status.code(), Some(2));
        assert!(text(&o.stdout).contains("报告文档应为 JSON 对象"), "{doc}: {}", text(&o.stdout));
    }
}

#[test]
fn a_cut_json_lines_line_says_where_the_line_ends() {
    let line = serde_json::to_string(&serde_json::from_slice::<Value>(&unit("甲局")).unwrap()).unwrap();
    let cut = &line[..line.find("\"proactive\"").unwrap()];
    let dir = folder("cut-line");
    let f = dir.join("units.jsonl");
    std::fs::write(&f, format!("{cut}\n{line}\n")).unwrap();
    let o = run(&[&"check", &f]);
    let out = text(&o.stdout);
    let first = out.lines().next().unwrap();
    assert!(first.contains("units.jsonl:1") && first.contains("第 1 行") && first.contains("中途结束"), "{first}");
    assert!(!out.contains("控制字符"), "{out}");
    assert!(out.contains("units.jsonl:2: "), "the next line is still read: {out}");
}

#[test]
fn numbers_too_large_or_not_whole_are_quoted_as_written() {
    let mut r = example();
    r["requests"]["new"]["total"] = serde_json::from_str("1.8e19").unwrap();
    let o = with_stdin(&["check", "--lang", "en", "-"], &serde_json::to_vec(&r).unwrap());
    let out = text(&o.stdout);
    assert_eq!(o.status.code(), Some(2));
    // serde_json writes the float back as 1.8e+19; the message quotes it as written.
    assert!(out.contains("1.8e+19") && out.contains("exact value cannot be known") && !out.contains("larger than"), "{out}");

    let json = text(&unit("甲局")).replacen("\"year\": 2023", "\"year\": 2023.0", 1);
    let o = with_stdin(&["check", "--format", "json", "-"], json.as_bytes());
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v[0]["error"].is_null() && v[0]["findings"].is_array(), "a whole year written 2023.0 is read: {v}");
}

#[test]
fn complete_says_a_total_is_too_large_instead_of_incomplete() {
    let mut r = example();
    let row = r["requests"]["granted"].as_object_mut().unwrap();
    row.remove("total");
    row.insert("natural_person".into(), Value::from(u64::MAX));
    row.insert("commercial".into(), Value::from(1));
    let dir = folder("complete");
    let f = dir.join("r.json");
    std::fs::write(&f, serde_json::to_vec(&r).unwrap()).unwrap();
    let o = run(&[&"complete", &f]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let err = text(&o.stderr);
    assert!(err.contains("/requests/granted/total：各分项之和超过最大的数量"), "{err}");
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v.pointer("/requests/granted/total").is_none(), "an overflowing total is left empty");
}

#[cfg(unix)]
#[test]
fn a_write_that_fails_leaves_the_old_file() {
    let dir = folder("atomic");
    let a = dir.join("a.json");
    std::fs::write(&a, unit("甲局")).unwrap();
    let out = dir.join("out.docx");
    std::fs::write(&out, b"the previous good file").unwrap();
    // A file size limit of 4 KiB: the .docx is larger, so writing it fails part way.
    let script = format!("trap '' XFSZ; ulimit -f 8; exec '{}' render --to docx -o '{}' '{}'", env!("CARGO_BIN_EXE_govreport"), out.display(), a.display());
    let o = Command::new("sh").args(["-c", &script]).output().unwrap();
    assert!(!o.status.success());
    assert!(text(&o.stderr).contains("原有文件未改动"), "{}", text(&o.stderr));
    assert_eq!(std::fs::read(&out).unwrap(), b"the previous good file");
    let left: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(left.len(), 2, "no temporary file is left: {left:?}");

    // Without the limit the new file replaces the old one whole.
    let o = run(&[&"render", &"--to", &"docx", &"-o", &out, &a]);
    assert!(o.status.success());
    assert!(std::fs::read(&out).unwrap().starts_with(b"PK"));
}

#[cfg(unix)]
#[test]
fn two_file_names_that_are_not_utf8_print_apart() {
    use std::os::unix::ffi::OsStrExt;
    let dir = folder("names");
    for b in [b"\xff.json", b"\xfe.json"] {
        std::fs::write(dir.join(std::ffi::OsStr::from_bytes(b)), b"not a report").unwrap();
    }
    let o = run(&[&"check", &"--format", &"json", &dir]);
    let mut files = checked_files(&o);
    files.sort();
    assert_eq!(files.len(), 2);
    assert_ne!(files[0], files[1], "{files:?}");
    assert!(files.iter().any(|f| f.ends_with("\\xFF.json")), "{files:?}");
}

#[cfg(unix)]
#[test]
fn an_interrupted_batch_closes_its_json() {
    let dir = folder("interrupt");
    let line = serde_json::to_string(&serde_json::from_slice::<Value>(&unit("甲局")).unwrap()).unwrap();
    let f = dir.join("many.jsonl");
    let mut w = std::io::BufWriter::new(std::fs::File::create(&f).unwrap());
    for i in 0..60_000 {
        writeln!(w, "{}", line.replace("甲局", &format!("单位{i}"))).unwrap();
    }
    drop(w);
    let mut child = bin().args(["check", "--format", "json"]).arg(&f).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    // Signal once the first results are out.
    let mut stdout = child.stdout.take().unwrap();
    let mut head = [0u8; 64];
    std::io::Read::read_exact(&mut stdout, &mut head).unwrap();
    let pid = child.id().to_string();
    assert!(Command::new("kill").args(["-INT", &pid]).status().unwrap().success());
    let mut rest = vec![];
    std::io::Read::read_to_end(&mut stdout, &mut rest).unwrap();
    let o = child.wait_with_output().unwrap();
    let json = [&head[..], &rest].concat();
    let v: Value = serde_json::from_slice(&json).unwrap_or_else(|e| panic!("the output is valid JSON: {e}"));
    let n = v.as_array().unwrap().len();
    assert!(n > 0 && n < 60_000, "stopped part way: {n}");
    assert_eq!(o.status.code(), Some(130));
    assert!(text(&o.stderr).contains("已中断"), "{}", text(&o.stderr));
}
