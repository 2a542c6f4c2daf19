//! C ABI of govreport (being built).
