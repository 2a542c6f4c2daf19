//! Import memory in proportion to the input (issue 16): an allocator that counts the bytes
//! held measures the peak of each import of generated inputs at 1×, 4× and 16× their size. The
//! peak must grow no faster than the input (loosely: a quadratic or per-cell-copy path grows 16×
//! and 256×) and stay within a small multiple of the input, as SECURITY.md says.
//!
//! The inputs are the shapes that once took gigabytes: a .docx of many empty elements, a line
//! of numbers or of words in text, an HTML table of many cells, entities in a .docx.

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use govreport::import::{ImportOptions, import_document};

/// The system allocator, counting the bytes held now and their peak since the last reset.
struct Counting;

static HELD: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = HELD.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        HELD.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                let now = HELD.fetch_add(new_size - layout.size(), Ordering::Relaxed) + new_size - layout.size();
                PEAK.fetch_max(now, Ordering::Relaxed);
            } else {
                HELD.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// One measurement at a time: the counters are global.
static ONE: Mutex<()> = Mutex::new(());

/// Bytes the import of `bytes` holds at its peak, above what was held before it.
fn import_peak(bytes: &[u8]) -> usize {
    let _one = ONE.lock().unwrap_or_else(|e| e.into_inner());
    let before = HELD.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let got = import_document(bytes, &ImportOptions::default());
    drop(got);
    PEAK.load(Ordering::Relaxed).saturating_sub(before)
}

/// Asserts that the import of `make(unit × k)` holds memory in proportion to its size: at 4×
/// and 16× no more than 2× the proportional peak (plus 1 MiB of fixed tables), and never more
/// than `per_byte` times the input plus 8 MiB. Returns the peaks, for the message.
fn assert_proportional(what: &str, make: impl Fn(usize) -> Vec<u8>, unit: usize, per_byte: usize) {
    let base_input = make(unit);
    let base = import_peak(&base_input);
    let mut seen = vec![(base_input.len(), base)];
    for k in [4usize, 16] {
        let input = make(unit * k);
        let peak = import_peak(&input);
        seen.push((input.len(), peak));
        assert!(peak <= base * k * 2 + (1 << 20), "{what}: {k}× input held {peak} bytes against {base} for 1× (input, peak): {seen:?}");
        assert!(peak <= input.len() * per_byte + (8 << 20), "{what}: {} bytes of input held {peak} bytes: {seen:?}", input.len());
    }
    eprintln!("{what}: (input bytes, peak bytes) {seen:?}");
}

/// A .docx whose body holds `body` after a title paragraph.
fn docx(body: &str) -> Vec<u8> {
    common::docx_with_body(body)
}

const TITLE: &str = "某市某局2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n";

#[test]
fn import_memory_grows_in_proportion_to_the_input() {
    // Text: a line of numbers (a token per number), a line of words, many table rows.
    assert_proportional(
        "a line of numbers",
        |n| format!("{TITLE}{}\n", (0..n).map(|i| (i % 97).to_string()).collect::<Vec<_>>().join(" ")).into_bytes(),
        4096,
        80,
    );
    let words = ["政府", "信息", "公开", "word", "abc"];
    assert_proportional(
        "a line of words",
        |n| format!("{TITLE}{}\n", (0..n).map(|i| words[i % words.len()]).collect::<Vec<_>>().join(" ")).into_bytes(),
        4096,
        80,
    );
    assert_proportional(
        "rows of a table in text",
        |n| format!("{TITLE}三、收到和处理政府信息公开申请情况\n{}", "（一）予以公开 1 0 0 0 0 0 1\n".repeat(n)).into_bytes(),
        256,
        80,
    );
    // HTML: a table of many cells (the element cap holds the largest).
    let row = format!("<tr>{}</tr>", (0..10).map(|i| format!("<td>{i}</td>")).collect::<String>());
    assert_proportional(
        "an HTML table",
        |n| format!("<html><body><h1>某市某局2023年政府信息公开工作年度报告</h1><table>{}</table></body></html>", row.repeat(n)).into_bytes(),
        250,
        80,
    );
    // Word: the compressed size is tiny, so the bound is on what the zip expands to: the
    // proportion between sizes still holds.
    assert_proportional("a .docx of empty elements", |n| docx(&format!("<w:p>{}</w:p>", "<a/>".repeat(n))), 4096, 4096);
    assert_proportional("a .docx of entities", |n| docx(&format!("<w:p><w:r><w:t>{}</w:t></w:r></w:p>", "&amp;".repeat(n))), 4096, 4096);
}
