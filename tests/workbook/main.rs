//! The workbook's integration tests, one module per toolkit piece or concern. They live in
//! one test binary so that the dependency graph (polars, mdBook, plotters) is linked once,
//! not once per file.

mod anisotropy;
mod binning;
mod book;
mod claims;
mod equilibria;
mod figures;
mod field_aligned;
mod fit;
mod hostile;
mod inventory;
mod kinetic_thresholds;
mod flux_rope;
mod force_balance;
mod maxwellian;
mod mva;
mod plasma;
mod regen;
mod self_consistent;
mod smile;
mod synthetic;
mod tetrahedron;
mod transaction;
