//! The workbook's integration tests, one module per toolkit piece or concern. They live in
//! one test binary so that the dependency graph (polars, mdBook, plotters) is linked once,
//! not once per file.

/// Proptest cases for the properties whose every case solves an equilibrium or fits a model:
/// `default` in an ordinary `cargo test`, or `PROPTEST_CASES` when it is set, so a long run
/// (`PROPTEST_CASES=1000 cargo test --release`) tries them as hard as every other property
/// (proptest's default configuration, 256 cases, reads the same variable).
pub fn expensive_cases(default: u32) -> proptest::test_runner::Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default);
    proptest::test_runner::Config::with_cases(cases)
}

mod anisotropy;
mod binning;
mod book;
mod cdf;
mod claims;
mod equilibria;
mod event;
mod field_aligned;
mod figures;
mod fit;
mod flux_rope;
mod force_balance;
mod gradient_distribution;
mod hostile;
mod inventory;
mod kinetic_thresholds;
mod maxwellian;
mod mva;
mod plasma;
mod regen;
mod self_consistent;
mod smile;
mod synthetic;
mod tetrahedron;
mod transaction;
