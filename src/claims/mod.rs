//! The claims ledger: every published number beside the number the library computes.
//!
//! A [`Claim`] is one quantitative statement of a paper. Its reproduced value is computed by
//! library code when the ledger is built (at test time and by `regen`), never typed in. The
//! same [`Ledger`] renders the book's tables ([`Ledger::to_markdown`]) and the stable JSON
//! interface ([`Ledger::to_json`]), so prose, tests and book cannot disagree.

mod claim;
mod markdown;
mod paper;
mod significant;

pub use claim::{Claim, ClaimBuilder, ClaimError, Published, Reproduced, Status, Tolerance};
pub use paper::Paper;
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
        other.claims.into_iter().try_for_each(|claim| self.push(claim))
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
        Ledger { claims: self.claims.iter().filter(|c| c.paper == paper).cloned().collect() }
    }

    /// Claims marked `reproduced` whose value is outside their tolerance: each one is a bug,
    /// either in the code or in the status.
    pub fn inconsistent(&self) -> Vec<&Claim> {
        self.claims
            .iter()
            .filter(|c| c.status == Status::Reproduced && !c.within_tolerance())
            .collect()
    }

    /// The stable JSON interface: an array of claim objects (see [`Claim`]), pretty-printed,
    /// with a trailing newline.
    pub fn to_json(&self) -> String {
        let mut json = serde_json::to_string_pretty(self).expect("claims hold only finite numbers and strings");
        json.push('\n');
        json
    }
}
