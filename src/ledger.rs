//! The workbook's whole ledger: every paper's claims, computed now, in chapter order; and the
//! ledger as committed (`chapters/claims.json`), which the book links to and `regen --list`
//! prints without computing anything.

use crate::claims::{ClaimError, Ledger, Paper};
use std::path::{Path, PathBuf};

/// Where the committed ledger's JSON lies under the workbook root.
pub const COMMITTED_LEDGER: &str = "chapters/claims.json";

/// Why the ledger could not be assembled.
#[derive(Debug, thiserror::Error)]
pub enum LedgerError {
    /// A Shuster et al. claim failed.
    #[error("shuster2026 claims: {0}")]
    Shuster(#[from] crate::smile::ShusterClaimsError),
    /// A Zhang et al. claim failed.
    #[error("zhang2025 claims: {0}")]
    Zhang(#[from] crate::force_balance::ZhangClaimsError),
    /// A Richard et al. claim failed.
    #[error("richard2025 claims: {0}")]
    Richard(#[from] crate::anisotropy::RichardClaimsError),
    /// A Yang et al. claim failed.
    #[error("yang claims: {0}")]
    Yang(#[from] crate::flux_rope::YangClaimsError),
    /// Two sources registered the same claim id.
    #[error(transparent)]
    Claim(#[from] ClaimError),
}

/// Builds every claim of the workbook by running the code that computes it, once per
/// process: the computation is deterministic, so later calls return a copy of the first.
///
/// # Errors
/// [`LedgerError`] if a computation fails or two claims share an id (not cached: every call
/// retries and reports it).
pub fn workbook_ledger() -> Result<Ledger, LedgerError> {
    static LEDGER: std::sync::OnceLock<Ledger> = std::sync::OnceLock::new();
    if let Some(ledger) = LEDGER.get() {
        return Ok(ledger.clone());
    }
    let ledger = compute()?;
    Ok(LEDGER.get_or_init(|| ledger).clone())
}

fn compute() -> Result<Ledger, LedgerError> {
    // The papers' claims are independent: computed on every core, joined in chapter order.
    let mut ledger = Ledger::new();
    for part in crate::parallel::map(&Paper::ALL, |&paper| paper_ledger(paper)) {
        ledger.extend(part?)?;
    }
    Ok(ledger)
}

/// One paper's claims, computed now (`regen claims --paper`): the same claims, in the same
/// order, as that paper's part of [`workbook_ledger`], without computing the others'.
///
/// # Errors
/// [`LedgerError`] if a computation fails.
pub fn paper_ledger(paper: Paper) -> Result<Ledger, LedgerError> {
    Ok(match paper {
        Paper::Zhang2025 => crate::force_balance::claims()?,
        Paper::Yang => crate::flux_rope::claims()?,
        Paper::Shuster2026 => crate::smile::claims()?,
        Paper::Richard2025 => crate::anisotropy::claims()?,
    })
}

/// A claim as the committed ledger records it (the fields of `regen claims --format json`
/// that name it; the others are not read).
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct CommittedClaim {
    /// Claim id, `paper.name`.
    pub id: String,
    /// Its status when the ledger was last generated.
    pub status: String,
    /// What it measures.
    pub quantity: String,
}

/// Why the committed ledger could not be read.
#[derive(Debug, thiserror::Error)]
#[error("reading the committed ledger {}: {reason}", path.display())]
pub struct CommittedLedgerError {
    /// The ledger file.
    pub path: PathBuf,
    /// What went wrong (the file is missing, or is not the ledger's JSON).
    pub reason: String,
}

/// The claims of the committed ledger under the workbook `root` ([`COMMITTED_LEDGER`]), as
/// the last `regen` wrote them; `regen --check` fails if they are not what the code computes.
///
/// # Errors
/// [`CommittedLedgerError`] if the file is missing or not a JSON array of claims.
pub fn committed_claims(root: &Path) -> Result<Vec<CommittedClaim>, CommittedLedgerError> {
    let path = root.join(COMMITTED_LEDGER);
    let failure = |reason: String| CommittedLedgerError {
        path: path.clone(),
        reason,
    };
    let text = std::fs::read_to_string(&path).map_err(|e| failure(e.to_string()))?;
    serde_json::from_str(&text).map_err(|e| failure(e.to_string()))
}
