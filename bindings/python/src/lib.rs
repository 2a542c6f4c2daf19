//! Python extension of govreport (being built).
