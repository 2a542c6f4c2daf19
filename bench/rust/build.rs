//! Links the C library (target/release/libgovreport.so, built by `cargo build --release -p
//! govreport-ffi` first) so that the C ABI's one-shot call can be timed in the same process as
//! the Rust call, interleaved round by round.
fn main() {
    let dir = std::env::var("GOVREPORT_LIB_DIR").unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../../target/release").to_string());
    println!("cargo:rustc-link-search=native={dir}");
    println!("cargo:rustc-link-arg=-Wl,-rpath,{dir}");
    println!("cargo:rerun-if-env-changed=GOVREPORT_LIB_DIR");
}
