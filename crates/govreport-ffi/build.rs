//! Gives the shared library its SONAME, `libgovreport.so.<major>`, so that a program linked
//! against it records the ABI it was built for (a later incompatible library gets another
//! name), and links `libgovreport.so.<major>` next to `libgovreport.so` in the build tree so
//! that programs linked there run from there as before.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("linux") {
        return;
    }
    let major = std::env::var("CARGO_PKG_VERSION_MAJOR").unwrap_or_else(|_| "0".into());
    let soname = format!("libgovreport.so.{major}");
    println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,{soname}");
    // OUT_DIR is <target>/<profile>/build/<crate>-<hash>/out: the library goes to <profile>.
    if let Some(dir) = std::env::var_os("OUT_DIR").map(std::path::PathBuf::from).as_deref().and_then(|out| out.ancestors().nth(3)) {
        let link = dir.join(&soname);
        if std::fs::symlink_metadata(&link).is_err() {
            #[cfg(unix)]
            let _ = std::os::unix::fs::symlink("libgovreport.so", &link);
        }
    }
}
