//! The claims ledger: every published number beside the number the library computes.
//!
//! A [`Claim`] is one quantitative statement of a paper. Its published side is a [`Quoted`]
//! number with the interval its printed precision implies; its computed side is computed by
//! library code when the ledger is built, never typed in, with the interval its inputs'
//! precision implies ([`corners`], [`one_at_a_time`], [`monte_carlo`]). The status follows
//! from the two intervals by one rule, [`Status::derive`]. The same [`Ledger`] renders the
//! book's tables ([`Ledger::to_markdown`]) and the stable JSON interface
//! ([`Ledger::to_json`]), so prose, tests and book cannot disagree.

mod claim;
mod counts;
mod data_statement;
mod interval;
mod inventory;
mod markdown;
mod paper;
mod propagate;
mod quoted;
mod significant;

pub use claim::{Basis, Claim, ClaimBuilder, ClaimError, Reading, Reproduced, Status};
pub use counts::Counts;
pub use data_statement::DataStatement;
pub use interval::Interval;
pub use inventory::{
    Coverage, Disposition, InventoryError, InventoryRow, inventory, inventory_csv, parse_inventory,
};
pub use markdown::TABLE_COLUMNS;
pub use paper::Paper;
pub use propagate::{
    Computed, LIMIT_ARGUMENT, MAX_CORNER_INPUTS, MAX_MONTE_CARLO_SAMPLES, Propagation,
    PropagationError, Towards, corners, exact, first_order, limit, monte_carlo, numerical,
    one_at_a_time, span,
};
pub use quoted::{Precision, PrecisionError, Published, Quoted};
pub use significant::format_significant;

use serde::Serialize;

/// An ordered collection of claims with unique ids.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(transparent)]
pub struct Ledger {
    claims: Vec<Claim>,
}

impl Ledger {
    /// An empty ledger.
    pub fn new() -> Self {
        Ledger::default()
    }

    /// Adds a claim.
    ///
    /// # Errors
    /// [`ClaimError::DuplicateId`] if a claim with the same id is already present.
    pub fn push(&mut self, claim: Claim) -> Result<(), ClaimError> {
        if self.claims.iter().any(|c| c.id == claim.id) {
            return Err(ClaimError::DuplicateId { id: claim.id });
        }
        self.claims.push(claim);
        Ok(())
    }

    /// Adds every claim of `other`, in order.
    ///
    /// # Errors
    /// [`ClaimError::DuplicateId`] on the first id already present.
    pub fn extend(&mut self, other: Ledger) -> Result<(), ClaimError> {
        other
            .claims
            .into_iter()
            .try_for_each(|claim| self.push(claim))
    }

    /// The claims, in insertion order.
    pub fn claims(&self) -> &[Claim] {
        &self.claims
    }

    /// The claim with this id.
    pub fn get(&self, id: &str) -> Option<&Claim> {
        self.claims.iter().find(|c| c.id == id)
    }

    /// The claims of one paper, as a ledger of their own.
    pub fn for_paper(&self, paper: Paper) -> Ledger {
        Ledger {
            claims: self
                .claims
                .iter()
                .filter(|c| c.paper == paper)
                .cloned()
                .collect(),
        }
    }

    /// Claims whose stored status is not what the rule gives for their intervals, in either
    /// direction (a reproduced claim whose intervals are disjoint, a discrepancy whose
    /// intervals overlap, readings that agree but are called reading-dependent...). Empty
    /// for any ledger built through [`ClaimBuilder`].
    pub fn inconsistent(&self) -> Vec<&Claim> {
        self.claims.iter().filter(|c| !c.follows_rule()).collect()
    }

    /// The stable JSON interface: an array of claim objects (see [`Claim`]), pretty-printed,
    /// with a trailing newline.
    pub fn to_json(&self) -> String {
        let mut json = serde_json::to_string_pretty(self)
            .expect("claims hold only finite numbers and strings");
        json.push('\n');
        json
    }
}
