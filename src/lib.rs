//! # mmsbook
//!
//! A literate, reproducible workbook for four papers built on NASA's Magnetospheric
//! Multiscale (MMS) mission. The library holds the shared toolkit (plasma parameters,
//! four-spacecraft gradients, minimum variance analysis, binned statistics), the claims
//! ledger, the figure style, and the book build; `src/bin/regen.rs` drives them.
//!
//! Conventions for the whole crate: SI units inside, named units only at the edges (see
//! [`plasma::units`]); thermal speed `sqrt(2T/m)`; every public constructor validates its
//! parameters and returns a typed error naming the parameter.

pub mod anisotropy;
pub mod benchmarks;
pub mod binning;
pub mod book;
pub mod cdf;
pub mod claims;
pub mod event;
pub mod field_aligned;
pub mod figure;
pub mod figures;
pub mod fit;
pub mod flux_rope;
pub mod force_balance;
pub mod harris_sheet;
pub mod instruments;
pub mod ledger;
pub mod maxwellian;
pub mod mms;
pub mod mva;
pub mod ode;
pub mod once;
pub mod parallel;
pub mod plasma;
pub mod smile;
pub mod synthetic;
pub mod tetrahedron;
pub mod transaction;
pub mod typography;
pub mod workbook;

/// The book's chapters as doctests: every Rust block in them runs under `cargo test`.
#[cfg(doctest)]
pub mod chapters {
    #[doc = include_str!("../chapters/introduction.md")]
    pub struct Introduction;
    #[doc = include_str!("../chapters/methods-plasma.md")]
    pub struct MethodsPlasma;
    #[doc = include_str!("../chapters/methods-tetrahedron.md")]
    pub struct MethodsTetrahedron;
    #[doc = include_str!("../chapters/methods-mva.md")]
    pub struct MethodsMva;
    #[doc = include_str!("../chapters/methods-binning.md")]
    pub struct MethodsBinning;
    #[doc = include_str!("../chapters/methods-fitting.md")]
    pub struct MethodsFitting;
    #[doc = include_str!("../chapters/methods-ledger.md")]
    pub struct MethodsLedger;
    #[doc = include_str!("../chapters/methods-data.md")]
    pub struct MethodsData;
    #[doc = include_str!("../chapters/zhang2025.md")]
    pub struct Zhang2025;
    #[doc = include_str!("../chapters/yang.md")]
    pub struct Yang;
    #[doc = include_str!("../chapters/shuster2026.md")]
    pub struct Shuster2026;
    #[doc = include_str!("../chapters/richard2025.md")]
    pub struct Richard2025;
}
