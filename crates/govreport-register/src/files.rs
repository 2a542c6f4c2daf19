//! Inputs of an ingest from files and folders: every readable file of a folder (recursively,
//! in name order), each line of a JSON Lines file as one input (`file:line`), and a file that
//! cannot be read as an input that failed, so that it is recorded in the batch.
//!
//! (When the core's file walking lands behind its `fs` feature, this module becomes a call
//! to it.)

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use govreport::limits::MAX_INPUT_BYTES;

use crate::error::Error;

/// What a folder's files may be: report documents, JSON Lines, and published pages.
pub const READABLE: &[&str] = &["json", "jsonl", "ndjson", "html", "htm", "shtml", "txt", "docx"];

/// One input of an ingest: its name and its bytes, or why they could not be read.
#[derive(Debug)]
pub struct Input {
    /// A file, `file:line` for a line of JSON Lines, or any name the caller gives.
    pub name: String,
    /// The bytes, or why there are none.
    pub bytes: Result<Vec<u8>, Error>,
}

impl Input {
    /// An input of bytes the caller already has (an upload, a document built in memory).
    pub fn bytes(name: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Input {
        Input { name: name.into(), bytes: Ok(bytes.into()) }
    }
}

fn io(path: &Path, source: std::io::Error) -> Error {
    Error::Io { path: path.display().to_string(), source }
}

fn is_lines(p: &Path) -> bool {
    p.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"))
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), Error> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir).map_err(|e| io(dir, e))?.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, out)?;
        } else if p.extension().and_then(|x| x.to_str()).is_some_and(|x| READABLE.contains(&x.to_ascii_lowercase().as_str())) {
            out.push(p);
        }
    }
    Ok(())
}

/// Reads a whole file, refusing one over the core's input limit.
pub fn read_file(path: &Path) -> Result<Vec<u8>, Error> {
    let file = File::open(path).map_err(|e| io(path, e))?;
    let size = file.metadata().map_err(|e| io(path, e))?.len();
    if size > MAX_INPUT_BYTES {
        return Err(Error::Report(govreport::Error::from(govreport::ErrorType::TooLarge { size, limit: MAX_INPUT_BYTES })));
    }
    let mut buf = Vec::with_capacity(size as usize);
    file.take(MAX_INPUT_BYTES + 1).read_to_end(&mut buf).map_err(|e| io(path, e))?;
    Ok(buf)
}

/// The inputs named by `paths` (files and folders), read lazily one by one.
pub fn inputs(paths: &[PathBuf]) -> impl Iterator<Item = Input> + '_ {
    paths.iter().flat_map(|p| -> Box<dyn Iterator<Item = Input>> {
        if p.is_dir() {
            let mut files = vec![];
            if let Err(e) = walk(p, &mut files) {
                return Box::new(std::iter::once(Input { name: p.display().to_string(), bytes: Err(e) }));
            }
            Box::new(files.into_iter().flat_map(file_inputs))
        } else {
            file_inputs(p.clone())
        }
    })
}

fn file_inputs(path: PathBuf) -> Box<dyn Iterator<Item = Input>> {
    if !is_lines(&path) {
        let bytes = read_file(&path);
        return Box::new(std::iter::once(Input { name: path.display().to_string(), bytes }));
    }
    match File::open(&path) {
        Ok(f) => Box::new(Lines { path, reader: BufReader::new(f), line: 0, done: false }),
        Err(e) => Box::new(std::iter::once(Input { name: path.display().to_string(), bytes: Err(io(&path, e)) })),
    }
}

/// The non-empty lines of a JSON Lines file, each at most the input limit.
struct Lines {
    path: PathBuf,
    reader: BufReader<File>,
    line: usize,
    done: bool,
}

impl Iterator for Lines {
    type Item = Input;

    fn next(&mut self) -> Option<Input> {
        while !self.done {
            self.line += 1;
            let name = format!("{}:{}", self.path.display(), self.line);
            let mut buf = Vec::new();
            let read = (&mut self.reader).take(MAX_INPUT_BYTES + 1).read_until(b'\n', &mut buf);
            match read {
                Err(e) => {
                    self.done = true;
                    return Some(Input { name, bytes: Err(io(&self.path, e)) });
                }
                Ok(0) => self.done = true,
                Ok(_) if buf.len() as u64 > MAX_INPUT_BYTES && buf.last() != Some(&b'\n') => {
                    // Skip the rest of the over-long line.
                    let mut rest = Vec::new();
                    loop {
                        rest.clear();
                        match (&mut self.reader).take(1 << 20).read_until(b'\n', &mut rest) {
                            Ok(0) | Err(_) => break,
                            Ok(_) if rest.last() == Some(&b'\n') => break,
                            Ok(_) => {}
                        }
                    }
                    let size = buf.len() as u64;
                    return Some(Input {
                        name,
                        bytes: Err(Error::Report(govreport::Error::from(govreport::ErrorType::TooLarge { size, limit: MAX_INPUT_BYTES }))),
                    });
                }
                Ok(_) => {
                    if buf.iter().all(|b| b.is_ascii_whitespace()) {
                        continue;
                    }
                    return Some(Input { name, bytes: Ok(buf) });
                }
            }
        }
        None
    }
}
