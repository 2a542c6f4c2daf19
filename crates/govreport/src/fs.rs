//! The one place the core touches the file system (cargo feature `fs`, on by default): reading a
//! file or standard input within the size limit, and the inputs of a batch from files, folders
//! (every report file inside, in name order) and JSON Lines (one report per line, named
//! `file:line`, read lazily so that memory stays flat). The command, Python and a register all
//! read through it; everything else in the core takes bytes.
//!
//! Folders are walked following symbolic links, each real file once: a file reached again
//! (through a link, a second argument, or a folder given twice) is skipped and said so
//! ([`Skipped`]), a link back into a folder being walked is an unreadable input (a loop, never
//! walked again), and so is a folder or entry that cannot be read. Names are shown without loss:
//! bytes of a file name that are not UTF-8 are written `\xNN`.

use std::collections::{HashMap, HashSet, VecDeque};
use std::io::{BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};

use crate::error::{Error, ErrorType};
use crate::limits::MAX_INPUT_BYTES;

/// What a folder's files may be: documents, JSON Lines, and published pages to import.
pub const READABLE: &[&str] = &["json", "jsonl", "ndjson", "html", "htm", "shtml", "txt", "docx", "pdf"];

/// Where inputs come from.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// One file: one report, or JSON Lines when its content is (see [`is_json_lines`]).
    File(PathBuf),
    /// A JSON Lines file (`.jsonl`, `.ndjson`): one report per line.
    Lines(PathBuf),
    /// Standard input: one document (JSON, a page, a Word file), or JSON Lines.
    Stdin,
    /// A path that cannot be read (a folder the system refuses, a broken link, a link loop):
    /// an unreadable input of the batch, with its name.
    Unreadable(String, Error),
}

/// An input left out of a batch, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Skipped {
    /// The same file (device and inode, after links) was reached before, under `first`.
    Again {
        /// The name it was reached under this time.
        name: String,
        /// The name it was first reached under.
        first: String,
    },
    /// The file is one the caller excluded (the command's own output file).
    Excluded {
        /// Its name.
        name: String,
    },
}

impl Skipped {
    /// A line to tell the user, in `lang`.
    pub fn message(&self, lang: crate::Lang) -> String {
        match (self, lang) {
            (Skipped::Again { name, first }, crate::Lang::Zh) => format!("{name}：与 {first} 是同一个文件，跳过"),
            (Skipped::Again { name, first }, crate::Lang::En) => format!("{name}: the same file as {first}; skipped"),
            (Skipped::Excluded { name }, crate::Lang::Zh) => format!("{name}：是本命令的输出文件，跳过"),
            (Skipped::Excluded { name }, crate::Lang::En) => format!("{name}: this command's own output file; skipped"),
        }
    }
}

/// What the arguments of a batch name: its sources, in order, and what was left out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Walk {
    /// The sources, each real file once.
    pub sources: Vec<Source>,
    /// Files reached again, or excluded, with the reason.
    pub skipped: Vec<Skipped>,
}

/// A file's identity after links: device and inode where the system has them, else its
/// canonical path.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum FileId {
    #[cfg(unix)]
    Inode(u64, u64),
    #[cfg_attr(unix, allow(dead_code))]
    Path(PathBuf),
}

fn file_id(path: &Path) -> std::io::Result<FileId> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let m = std::fs::metadata(path)?;
        Ok(FileId::Inode(m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        Ok(FileId::Path(std::fs::canonicalize(path)?))
    }
}

/// A path as a name, without loss: bytes that are not UTF-8 are written `\xNN`, so that two
/// different names never print alike.
pub fn name_of(path: &Path) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let mut out = String::new();
        for chunk in path.as_os_str().as_bytes().utf8_chunks() {
            out.push_str(chunk.valid());
            for b in chunk.invalid() {
                out.push_str(&format!("\\x{b:02X}"));
            }
        }
        out
    }
    #[cfg(not(unix))]
    {
        path.display().to_string()
    }
}

/// Reads `path` whole, refusing (without reading it all) more than [`MAX_INPUT_BYTES`]; the
/// error is the system's.
pub fn read_limited(path: &Path) -> std::io::Result<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::new();
    file.take(MAX_INPUT_BYTES + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The system's error about an input; the input's name goes with it wherever it is shown.
fn io_error(_name: &str, e: std::io::Error) -> Error {
    Error::new(ErrorType::Io { message: e.to_string() })
}

fn too_large(size: u64) -> Error {
    crate::parse::too_large(size)
}

/// Reads `path` (`-` for standard input), refusing more than [`MAX_INPUT_BYTES`].
pub fn read_file(path: &Path) -> Result<Vec<u8>, Error> {
    let name = name_of(path);
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

/// Writes `bytes` to `path` so that the file is either the old one or the whole new one: a
/// temporary file beside it is written, synced and renamed over it. When any step fails (a full
/// disk, a file size limit) the old file is left as it was and the temporary one removed. A new
/// file gets the permissions any new file gets there; an existing one keeps its own.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomic_with(path, |w| w.write_all(bytes))
}

/// [`write_atomic`] of what `write` writes (through a buffer), for output made as it is
/// written (an export of many rows) rather than held whole; what `write` returns is given back
/// when the file is in place. An error of `write` leaves the old file as it was.
pub fn write_atomic_with<T>(path: &Path, write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<T>) -> std::io::Result<T> {
    use std::io::Write;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let (tmp_path, mut file) = {
        let mut n = 0u32;
        loop {
            let candidate = dir.join(format!(".{name}.{}.{n}.tmp", std::process::id()));
            match std::fs::OpenOptions::new().write(true).create_new(true).open(&candidate) {
                Ok(f) => break (candidate, f),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < 1000 => n += 1,
                Err(e) => return Err(e),
            }
        }
    };
    let written = (|| {
        let mut buffered = std::io::BufWriter::new(&mut file);
        let out = write(&mut buffered)?;
        buffered.flush()?;
        drop(buffered);
        if let Ok(old) = std::fs::metadata(path) {
            file.set_permissions(old.permissions())?;
        }
        file.sync_all()?;
        drop(file);
        std::fs::rename(&tmp_path, path)?;
        Ok(out)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp_path);
    }
    written
}

/// The sources of `args` (see [`walk`]), without telling what was skipped.
pub fn sources(args: &[PathBuf]) -> Vec<Source> {
    walk(args, &[]).sources
}

fn readable_name(p: &Path) -> bool {
    p.extension().and_then(|x| x.to_str()).is_some_and(|x| READABLE.contains(&x.to_ascii_lowercase().as_str()))
}

/// The sources of `args`: `-` is standard input; a folder gives its report files (walked, in
/// name order, each real file once, link loops and unreadable entries as unreadable inputs); a
/// `.jsonl`/`.ndjson` file is JSON Lines. Files in `exclude` (the command's output) are left
/// out and said so.
pub fn walk(args: &[PathBuf], exclude: &[PathBuf]) -> Walk {
    let mut out = Walk::default();
    let excluded: HashSet<FileId> = exclude.iter().filter_map(|p| file_id(p).ok()).collect();
    // Every real file reached, by identity, with the name it was first reached under.
    let mut seen: HashMap<FileId, String> = HashMap::new();
    let mut add_file = |p: PathBuf, id: Option<FileId>, out: &mut Walk| {
        let name = name_of(&p);
        if let Some(id) = id {
            if excluded.contains(&id) {
                out.skipped.push(Skipped::Excluded { name });
                return;
            }
            if let Some(first) = seen.get(&id) {
                out.skipped.push(Skipped::Again { name, first: first.clone() });
                return;
            }
            seen.insert(id, name);
        }
        out.sources.push(if is_lines(&p) { Source::Lines(p) } else { Source::File(p) });
    };
    for a in args {
        if a.as_os_str() == "-" {
            out.sources.push(Source::Stdin);
        } else if a.is_dir() {
            let mut found = vec![];
            walk_folder(a, &mut found);
            found.sort_by(|x, y| x.0.cmp(&y.0));
            for (p, entry) in found {
                match entry {
                    Ok(id) => add_file(p, Some(id), &mut out),
                    Err(e) => out.sources.push(Source::Unreadable(name_of(&p), e)),
                }
            }
        } else {
            // A file named on the command line is read even without a usual extension; one that
            // is not there is reported when read.
            let id = file_id(a).ok();
            add_file(a.clone(), id, &mut out);
        }
    }
    out
}

fn is_lines(p: &Path) -> bool {
    p.extension().is_some_and(|e| e == "jsonl" || e == "ndjson")
}

/// Every report file under `root` with its identity, or why it cannot be read. A folder whose
/// identity is one of the folders above it (a link back up) is a loop: reported, not entered.
/// A folder reached a second time by another way (two links to one folder) gives its files
/// again, and [`walk`] skips them as the same files.
fn walk_folder(root: &Path, out: &mut Vec<(PathBuf, Result<FileId, Error>)>) {
    // (folder, the identities of the folders above it and itself)
    let mut stack: Vec<(PathBuf, Vec<FileId>)> = vec![];
    match file_id(root) {
        Ok(id) => {
            // The folders that hold the root count as above it: a link up to one of them (`..`)
            // is a loop too.
            let mut chain: Vec<FileId> =
                std::fs::canonicalize(root).map(|c| c.ancestors().skip(1).filter_map(|a| file_id(a).ok()).collect()).unwrap_or_default();
            chain.push(id);
            stack.push((root.to_path_buf(), chain))
        }
        Err(e) => {
            out.push((root.to_path_buf(), Err(io_error(&name_of(root), e))));
            return;
        }
    }
    while let Some((dir, above)) = stack.pop() {
        let entries = match std::fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) => {
                out.push((dir.clone(), Err(io_error(&name_of(&dir), e))));
                continue;
            }
        };
        for entry in entries {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    out.push((dir.clone(), Err(io_error(&name_of(&dir), e))));
                    continue;
                }
            };
            let p = entry.path();
            match std::fs::metadata(&p) {
                Ok(m) if m.is_dir() => match file_id(&p) {
                    Ok(id) if above.contains(&id) => {
                        let target = std::fs::canonicalize(&p).map(|t| name_of(&t)).unwrap_or_else(|_| name_of(&p));
                        out.push((p.clone(), Err(Error::new(ErrorType::LinkLoop { target }))));
                    }
                    Ok(id) => {
                        let mut chain = above.clone();
                        chain.push(id);
                        stack.push((p, chain));
                    }
                    Err(e) => out.push((p.clone(), Err(io_error(&name_of(&p), e)))),
                },
                Ok(_) if readable_name(&p) => match file_id(&p) {
                    Ok(id) => out.push((p, Ok(id))),
                    Err(e) => out.push((p.clone(), Err(io_error(&name_of(&p), e)))),
                },
                Ok(_) => {}
                // A broken link, or an entry the system will not describe: unreadable when it
                // looks like a report file, ignored otherwise (as any other file is).
                Err(e) if readable_name(&p) => out.push((p.clone(), Err(io_error(&name_of(&p), e)))),
                Err(_) => {}
            }
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
                Source::Unreadable(name, e) => return Some((name, Err(e))),
                Source::File(p) => {
                    let name = name_of(&p);
                    match read_file(&p) {
                        Ok(buf) if is_json_lines(&buf) => self.lines = Some((name, Box::new(Cursor::new(buf)), 0)),
                        other => return Some((name, other)),
                    }
                }
                Source::Lines(p) => {
                    let name = name_of(&p);
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
                        Ok(_) if is_json_lines(&buf) => self.lines = Some((name, Box::new(Cursor::new(buf)), 0)),
                        Ok(_) => return Some((name, Ok(buf))),
                    }
                }
            }
        }
    }
}

/// Whether bytes are JSON Lines, by the one rule for standard input and files: more than one
/// line that is not blank, the first a whole JSON object, and the whole not one JSON value. A
/// page, text or a Word file piped in is one document, never split into lines.
pub fn is_json_lines(buf: &[u8]) -> bool {
    let mut lines = buf.split(|b| *b == b'\n').filter(|l| !l.iter().all(u8::is_ascii_whitespace));
    let Some(first) = lines.next() else { return false };
    let first = first.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(first);
    lines.next().is_some()
        && first.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
        && serde_json::from_slice::<serde::de::IgnoredAny>(first).is_ok()
        && serde_json::from_slice::<serde::de::IgnoredAny>(buf).is_err()
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
            Ok(_) => {
                // The line without its end, so that a message about it counts within the line.
                while line.last().is_some_and(|b| matches!(b, b'\n' | b'\r')) {
                    line.pop();
                }
                return Some((format!("{name}:{n}"), Ok(line)));
            }
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

    #[test]
    fn an_atomic_write_is_the_whole_new_file_or_the_old_one() {
        let dir = std::env::temp_dir().join(format!("govreport-fs-atomic-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("out.csv");
        write_atomic(&path, b"old\n").unwrap();
        // A writer that fails half-way: the old file stays, and no temporary file is left.
        let failed = write_atomic_with(&path, |w| {
            w.write_all(b"new rows")?;
            Err::<(), _>(std::io::Error::other("stopped"))
        });
        assert_eq!(failed.unwrap_err().to_string(), "stopped");
        assert_eq!(std::fs::read(&path).unwrap(), b"old\n");
        // One that finishes: the new file, and what the writer returned.
        let rows = write_atomic_with(&path, |w| {
            for i in 0..3 {
                writeln!(w, "row {i}")?;
            }
            Ok(3)
        });
        assert_eq!(rows.unwrap(), 3);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "row 0\nrow 1\nrow 2\n");
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1, "no temporary file is left");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
