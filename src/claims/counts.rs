//! Counts of claims by paper, status and basis: the ledger's headline numbers.

use super::{Basis, Ledger, Paper, Status};
use std::collections::BTreeMap;

/// How many claims fall in each (paper, status, basis) cell.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    cells: BTreeMap<(Paper, Status, Basis), usize>,
}

impl Counts {
    /// Counts the claims of a ledger.
    pub fn of(ledger: &Ledger) -> Self {
        let mut cells = BTreeMap::new();
        for claim in ledger.claims() {
            *cells
                .entry((claim.paper, claim.status(), claim.basis))
                .or_insert(0) += 1;
        }
        Counts { cells }
    }

    /// Claims matching every given filter (`None` matches all).
    pub fn count(
        &self,
        paper: Option<Paper>,
        status: Option<Status>,
        basis: Option<Basis>,
    ) -> usize {
        self.cells
            .iter()
            .filter(|((p, s, b), _)| {
                paper.is_none_or(|x| x == *p)
                    && status.is_none_or(|x| x == *s)
                    && basis.is_none_or(|x| x == *b)
            })
            .map(|(_, n)| n)
            .sum()
    }

    /// Reproductions: reproduced claims resting on a model or a derivation.
    pub fn reproductions(&self, paper: Option<Paper>) -> usize {
        Basis::ALL
            .iter()
            .filter(|b| b.is_reproduction())
            .map(|&b| self.count(paper, Some(Status::Reproduced), Some(b)))
            .sum()
    }
}
