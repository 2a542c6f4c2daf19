//! Limits on what the library accepts. Each is enforced with an error that says so.

/// Largest input accepted, in bytes (32 MiB; a real report is about 100 KB).
pub const MAX_INPUT_BYTES: u64 = 32 * 1024 * 1024;

/// Deepest nesting of JSON arrays and objects accepted (a report needs five).
pub const MAX_DEPTH: usize = 32;

/// Largest count: `u64::MAX`. A sum that would pass it is reported as a finding, not wrapped.
pub const MAX_COUNT: u64 = u64::MAX;

/// Most digits of an amount: 15 before the decimal point and 12 after.
pub const AMOUNT_DIGITS: (usize, usize) = (15, 12);
