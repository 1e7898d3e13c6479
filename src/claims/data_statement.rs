//! Statements only data can check: a number a paper reads off its own measurements (MMS,
//! ARTEMIS) or off its authors' simulation output, which no model here can reproduce. Each is
//! a claim all the same, so that the ledger lists everything checkable, with a note saying
//! which data would decide it.

use super::{Basis, Claim, ClaimError, Paper, Quoted};

/// A published number that needs data: typed once, in the paper's `published.rs`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DataStatement {
    /// Claim id, `<paper>.<name>`.
    pub id: &'static str,
    /// What the number is, in words.
    pub quantity: &'static str,
    /// The number as printed, with its precision and location.
    pub published: Quoted,
    /// Its unit as printed (`1` for a ratio).
    pub unit: &'static str,
    /// The data that would decide it: instrument, event, or simulation output.
    pub data: &'static str,
}

impl DataStatement {
    /// The needs-data claim of this statement.
    ///
    /// ```
    /// use mmsbook::claims::{DataStatement, Paper, Precision, Quoted, Status};
    /// let statement = DataStatement {
    ///     id: "zhang2025.example_ion_flow",
    ///     quantity: "ion bulk flow speed during the example crossing",
    ///     published: Quoted::new(100.0, Precision::Below, "Sec. 3", "ion flow"),
    ///     unit: "km/s",
    ///     data: "MMS1 FPI ion velocity on 12 August 2017",
    /// };
    /// assert_eq!(statement.claim(Paper::Zhang2025).unwrap().status(), Status::NeedsData);
    /// ```
    ///
    /// # Errors
    /// [`ClaimError`] for a malformed id or a published number without an interval.
    pub fn claim(&self, paper: Paper) -> Result<Claim, ClaimError> {
        Claim::builder(self.id, paper)
            .source(self.published.location)
            .quantity(self.quantity)
            .published(self.published, self.unit)
            .basis(Basis::Model)
            .note(&format!("Needs data: {}.", self.data.trim_end_matches('.')))
            .build()
    }
}
