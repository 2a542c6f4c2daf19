//! include/govreport.h is generated from this crate by cbindgen and committed; this test
//! fails when it drifts from the code. Regenerate it with
//!
//!     GOVREPORT_BLESS=1 cargo test -p govreport-ffi --test header
//!
//! (`cd crates/govreport-ffi && cbindgen -o ../../include/govreport.h .` writes the same file
//! but for two C89 details that [`c89`] fixes.)

use std::path::{Path, PathBuf};

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn header_path() -> PathBuf {
    crate_dir().join("../../include/govreport.h")
}

fn generate(crate_dir: &Path) -> String {
    let config = cbindgen::Config::from_root_or_default(crate_dir);
    let bindings = cbindgen::Builder::new().with_crate(crate_dir).with_config(config).generate().expect("cbindgen generates the header");
    let mut out = Vec::new();
    bindings.write(&mut out);
    c89(&String::from_utf8(out).expect("the header is UTF-8"))
}

/// cbindgen's output made valid C89 as well (old office systems compile with `-std=c89`):
/// `/* … */` instead of `// …` after `#endif`, and no comma after the last enumerator.
fn c89(header: &str) -> String {
    let lines: Vec<&str> = header.lines().collect();
    let mut out = String::with_capacity(header.len());
    for (i, line) in lines.iter().enumerate() {
        let line = match line.split_once("// ") {
            Some((code, comment)) if code.trim_start().starts_with("#endif") => format!("{code}/* {comment} */"),
            _ => line.to_string(),
        };
        let last_enumerator = line.ends_with(',') && lines.get(i + 1).is_some_and(|next| next.trim_start().starts_with('}'));
        out.push_str(if last_enumerator { &line[..line.len() - 1] } else { &line });
        out.push('\n');
    }
    out
}

#[test]
fn header_is_up_to_date() {
    let generated = generate(&crate_dir());
    let path = header_path();
    if std::env::var_os("GOVREPORT_BLESS").is_some_and(|v| v == "1") {
        std::fs::write(&path, &generated).expect("write include/govreport.h");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed != generated {
        let line =
            committed.lines().zip(generated.lines()).position(|(a, b)| a != b).unwrap_or_else(|| committed.lines().count().min(generated.lines().count()));
        panic!(
            "include/govreport.h differs from what cbindgen generates (first at line {}):\n  committed: {:?}\n  generated: {:?}\n\
             Regenerate it with: GOVREPORT_BLESS=1 cargo test -p govreport-ffi --test header",
            line + 1,
            committed.lines().nth(line).unwrap_or("<end of file>"),
            generated.lines().nth(line).unwrap_or("<end of file>"),
        );
    }
}

/// The value of `#define NAME value` in the header.
fn define<'a>(header: &'a str, name: &str) -> &'a str {
    let prefix = format!("#define {name} ");
    header.lines().find_map(|l| l.strip_prefix(prefix.as_str())).unwrap_or_else(|| panic!("the header defines {name}")).trim()
}

#[test]
fn version_macros_are_cargos_version() {
    let header = generate(&crate_dir());
    let version = env!("CARGO_PKG_VERSION");
    assert_eq!(define(&header, "GOVREPORT_VERSION"), format!("\"{version}\""), "GOVREPORT_VERSION (after_includes in cbindgen.toml)");
    let major: u32 = env!("CARGO_PKG_VERSION_MAJOR").parse().expect("major");
    let minor: u32 = env!("CARGO_PKG_VERSION_MINOR").parse().expect("minor");
    let patch: u32 = env!("CARGO_PKG_VERSION_PATCH").parse().expect("patch");
    assert_eq!(define(&header, "GOVREPORT_VERSION_MAJOR"), major.to_string());
    assert_eq!(define(&header, "GOVREPORT_VERSION_MINOR"), minor.to_string());
    assert_eq!(define(&header, "GOVREPORT_VERSION_PATCH"), patch.to_string());
    assert_eq!(define(&header, "GOVREPORT_VERSION_NUMBER"), (major * 10000 + minor * 100 + patch).to_string());
}

#[test]
fn header_is_c_and_cxx_ready() {
    let header = generate(&crate_dir());
    assert!(header.contains("#ifndef GOVREPORT_H\n#define GOVREPORT_H"), "include guard");
    assert!(header.contains("extern \"C\" {"), "extern \"C\" guard");
    // Every function has a doc comment right above it that says who owns what.
    let lines: Vec<&str> = header.lines().collect();
    for (i, l) in lines.iter().enumerate() {
        let is_decl = l.starts_with("const char *govreport_")
            || l.starts_with("enum govreport_status govreport_")
            || l.starts_with("void govreport_")
            || l.starts_with("size_t govreport_");
        if is_decl {
            assert_eq!(lines.get(i.wrapping_sub(1)).copied(), Some(" */"), "no doc comment above {l}");
            let start = lines[..i].iter().rposition(|x| *x == "/**").expect("doc comment start");
            let doc = lines[start..i].join("\n");
            assert!(doc.contains("Ownership"), "the doc of {l} does not say who owns what");
        }
    }
}
