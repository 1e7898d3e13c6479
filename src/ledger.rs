//! The workbook's whole ledger: every paper's claims, computed now, in chapter order.

use crate::claims::{ClaimError, Ledger};

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
    let mut ledger = Ledger::new();
    ledger.extend(crate::force_balance::claims()?)?;
    ledger.extend(crate::flux_rope::claims()?)?;
    ledger.extend(crate::smile::claims()?)?;
    ledger.extend(crate::anisotropy::claims()?)?;
    Ok(ledger)
}
