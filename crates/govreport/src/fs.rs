//! The one place the core touches the file system (cargo feature `fs`, on by default): reading a
//! file or standard input within the size limit, and the inputs of a batch from files, folders
//! (every report file inside, in name order) and JSON Lines (one report per line, named
//! `file:line`, read lazily so that memory stays flat). The command, Python and a register all
//! read through it; everything else in the core takes bytes.
//!
//! Folders are walked following symbolic links, as the command always has; a link that makes a
//! loop is not detected yet (this walker is the one place to fix that).

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};

use crate::error::{Error, ErrorType};
use crate::limits::MAX_INPUT_BYTES;

/// What a folder's files may be: documents, JSON Lines, and published pages to import.
pub const READABLE: &[&str] = &["json", "jsonl", "ndjson", "html", "htm", "shtml", "txt", "docx", "pdf"];

/// Where inputs come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// One file: one report.
    File(PathBuf),
    /// A JSON Lines file: one report per line.
    Lines(PathBuf),
    /// Standard input: one document, or JSON Lines.
    Stdin,
}

/// Reads `path` whole, refusing (without reading it all) more than [`MAX_INPUT_BYTES`]; the
/// error is the system's.
pub fn read_limited(path: &Path) -> std::io::Result<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::new();
    file.take(MAX_INPUT_BYTES + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn io_error(name: &str, e: std::io::Error) -> Error {
    Error::about(ErrorType::Io { message: e.to_string() }, name)
}

fn too_large(size: u64) -> Error {
    crate::parse::too_large(size)
}

/// Reads `path` (`-` for standard input), refusing more than [`MAX_INPUT_BYTES`].
pub fn read_file(path: &Path) -> Result<Vec<u8>, Error> {
    let name = path.display().to_string();
    let io = |e| io_error(&name, e);
    let buf = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin().lock().take(MAX_INPUT_BYTES + 1).read_to_end(&mut buf).map_err(io)?;
        buf
    } else {
        let size = std::fs::metadata(path).map_err(io)?.len();
        if size > MAX_INPUT_BYTES {
            return Err(too_large(size));
        }
        read_limited(path).map_err(io)?
    };
    if buf.len() as u64 > MAX_INPUT_BYTES {
        return Err(too_large(buf.len() as u64));
    }
    Ok(buf)
}

/// The sources of `args`: `-` is standard input; a folder gives its report files (walked, in
/// name order); a `.jsonl`/`.ndjson` file is JSON Lines.
pub fn sources(args: &[PathBuf]) -> Vec<Source> {
    let mut out = vec![];
    for a in args {
        if a.as_os_str() == "-" {
            out.push(Source::Stdin);
        } else if a.is_dir() {
            let mut files = vec![];
            walk(a, &mut files);
            files.sort();
            out.extend(files.into_iter().map(|f| if is_lines(&f) { Source::Lines(f) } else { Source::File(f) }));
        } else if is_lines(a) {
            out.push(Source::Lines(a.clone()));
        } else {
            out.push(Source::File(a.clone()));
        }
    }
    out
}

fn is_lines(p: &Path) -> bool {
    p.extension().is_some_and(|e| e == "jsonl" || e == "ndjson")
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().and_then(|x| x.to_str()).is_some_and(|x| READABLE.contains(&x.to_ascii_lowercase().as_str())) {
            out.push(p);
        }
    }
}

/// One input of a batch: its name (the file, or `file:line`) and its bytes, or why they could
/// not be read.
pub type Input = (String, Result<Vec<u8>, Error>);

/// The inputs of `sources`, one at a time: files read when reached, JSON Lines read a line at a
/// time. It can be sent to another thread (a batch reads ahead while it checks).
pub fn inputs(sources: Vec<Source>) -> Inputs {
    Inputs { sources: sources.into(), lines: None }
}

/// The iterator of [`inputs`].
pub struct Inputs {
    sources: VecDeque<Source>,
    /// The JSON Lines being read: its name, the reader, the number of the last line read.
    lines: Option<(String, Box<dyn BufRead + Send>, usize)>,
}

impl Iterator for Inputs {
    type Item = Input;

    fn next(&mut self) -> Option<Input> {
        loop {
            if let Some((name, reader, n)) = &mut self.lines {
                if *n != usize::MAX
                    && let Some(item) = next_line(name, reader.as_mut(), n)
                {
                    return Some(item);
                }
                self.lines = None;
            }
            match self.sources.pop_front()? {
                Source::File(p) => return Some((p.display().to_string(), read_file(&p))),
                Source::Lines(p) => {
                    let name = p.display().to_string();
                    match std::fs::File::open(&p) {
                        Ok(file) => self.lines = Some((name, Box::new(BufReader::new(file)), 0)),
                        Err(e) => return Some((name.clone(), Err(io_error(&name, e)))),
                    }
                }
                Source::Stdin => {
                    // One document, or JSON Lines: one document per line.
                    let name = "<stdin>".to_string();
                    let mut buf = vec![];
                    match std::io::stdin().lock().take(MAX_INPUT_BYTES + 1).read_to_end(&mut buf) {
                        Err(e) => return Some((name.clone(), Err(io_error(&name, e)))),
                        Ok(_) if buf.len() as u64 > MAX_INPUT_BYTES => return Some((name, Err(too_large(buf.len() as u64)))),
                        Ok(_) if serde_json::from_slice::<serde::de::IgnoredAny>(&buf).is_ok() || !looks_like_lines(&buf) => return Some((name, Ok(buf))),
                        Ok(_) => self.lines = Some((name, Box::new(Cursor::new(buf)), 0)),
                    }
                }
            }
        }
    }
}

fn looks_like_lines(buf: &[u8]) -> bool {
    buf.split(|b| *b == b'\n').filter(|l| !l.iter().all(u8::is_ascii_whitespace)).count() > 1
}

/// The next report of JSON Lines: a line up to the size limit (a longer one is reported, not
/// held); blank lines are skipped. None at the end (or after a read error, which is reported).
fn next_line(name: &str, reader: &mut (dyn BufRead + Send), n: &mut usize) -> Option<Input> {
    let mut line = Vec::with_capacity(8 * 1024);
    loop {
        line.clear();
        *n += 1;
        match reader.take(MAX_INPUT_BYTES + 1).read_until(b'\n', &mut line) {
            Ok(0) => return None,
            Ok(_) if line.len() as u64 > MAX_INPUT_BYTES => {
                // Skip the rest of the line.
                let _ = reader.read_until(b'\n', &mut Vec::new());
                return Some((format!("{name}:{n}"), Err(too_large(line.len() as u64))));
            }
            Ok(_) if line.iter().all(u8::is_ascii_whitespace) => {}
            Ok(_) => return Some((format!("{name}:{n}"), Ok(line))),
            Err(e) => {
                let item = (format!("{name}:{n}"), Err(io_error(name, e)));
                // Nothing more is read from it.
                *n = usize::MAX;
                return Some(item);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_files_and_json_lines() {
        let dir = std::env::temp_dir().join(format!("govreport-fs-test-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("b.json"), b"{}").unwrap();
        std::fs::write(dir.join("sub/a.html"), b"<p>x</p>").unwrap();
        std::fs::write(dir.join("skip.doc"), b"\xD0\xCF").unwrap();
        std::fs::write(dir.join("c.jsonl"), b"{\"a\":1}\n\n{\"b\":2}\n").unwrap();
        let got: Vec<(String, bool)> = inputs(sources(std::slice::from_ref(&dir)))
            .map(|(n, b)| (n.strip_prefix(&format!("{}/", dir.display())).unwrap_or(&n).to_string(), b.is_ok()))
            .collect();
        assert_eq!(got, [("b.json".into(), true), ("c.jsonl:1".into(), true), ("c.jsonl:3".into(), true), ("sub/a.html".into(), true)]);
        let missing = inputs(sources(&[dir.join("nope.json")])).next().unwrap();
        assert_eq!(missing.1.unwrap_err().kind(), "invalid");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
