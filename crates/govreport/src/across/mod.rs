//! Across reports: a unit against its previous year ([`compare()`]), units rolled up into the
//! 本级 report ([`aggregate()`]), what only a batch shows ([`Batch`]: near-duplicate prose between
//! units, units that stand out from their peers), and each unit's derived figures ([`indicators()`],
//! described by the metric dictionary [`metrics`]).

pub mod aggregate;
pub mod batch;
pub mod compare;
pub mod copies;
pub mod indicators;
pub mod metrics;
pub mod similarity;

pub use aggregate::{Aggregator, Gap, RollUp, aggregate};
pub use batch::{Batch, BatchFindings, Prepared};
pub use compare::compare;
pub use copies::{CopyDetector, CopyPair, Signatures, copy_findings};
pub use indicators::{Indicators, PeerFigures, Watched, indicators};
