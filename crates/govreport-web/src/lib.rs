//! The web application of govreport, started by `govreport serve`: one binary, no external
//! services, the register (`govreport-register`) as its database.
//!
//! - **Check one report**: drop a file (HTML, .docx, text, JSON — and every other form the core
//!   imports) or paste text, and see the report in the official layout with every finding
//!   marked on its cell and listed beside it; edit a cell or a text and the findings follow at
//!   once; download the corrected JSON, .docx or HTML.
//! - **Fill in a report** in the template's layout, the derived totals filled as you type
//!   (the core's `complete`), findings live, saved to the register as a version.
//! - **The register**: units × years with their status, a unit's versions and history,
//!   findings to review, peer benchmarks and trends as charts, the supervisor's review page,
//!   CSV export.
//!
//! Pages are rendered on the server (maud) with one small hand-written script for live
//! editing; they work without it. Every asset is compiled into the binary, no request names a
//! file, and every error is a page with a message. The crate holds no domain logic: it calls
//! the public API of `govreport` and of `govreport-register`.
//!
//! ```no_run
//! let config = govreport_web::Config::new("govreport.db");
//! govreport_web::run(config, |addr| println!("http://{addr}/"))?;
//! # Ok::<(), govreport_web::StartError>(())
//! ```

mod app;
mod assets;
mod check;
mod drafts;
mod error;
mod findings_view;
mod i18n;
mod page;
mod register_pages;
mod report_view;
mod security;
mod stats_pages;

pub use app::{Config, StartError, router, run};
