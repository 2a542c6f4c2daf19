//! Across reports: a unit against its previous year ([`compare`]), units rolled up into the
//! 本级 report ([`aggregate`]), and near-duplicate prose between reports ([`similarity`]).

pub mod aggregate;
pub mod compare;
pub mod copies;
pub mod indicators;
pub mod similarity;

pub use aggregate::{Gap, RollUp, aggregate};
pub use compare::compare;
pub use copies::{CopyDetector, CopyPair, copy_findings};
pub use indicators::{Indicators, PeerFigures, indicators};
