//! Seeded randomness for synthetic surrogates: one generator (ChaCha8, identical on every
//! platform and rand version that keeps its stream), so every surrogate is reproducible
//! byte for byte from its seed.

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, Normal};

/// The workbook's random generator, seeded.
pub fn seeded_rng(seed: u64) -> ChaCha8Rng {
    ChaCha8Rng::seed_from_u64(seed)
}

/// A noise level that is not a finite, non-negative number.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("noise standard deviation sigma must be finite and non-negative, got {sigma}")]
pub struct NoiseLevelError {
    /// The rejected standard deviation.
    pub sigma: f64,
}

/// `count` draws of zero-mean Gaussian noise with standard deviation `sigma` (any unit);
/// `sigma = 0` gives zeros.
///
/// # Errors
/// [`NoiseLevelError`] for a negative or non-finite `sigma`.
pub fn gaussian_noise(
    rng: &mut ChaCha8Rng,
    sigma: f64,
    count: usize,
) -> Result<Vec<f64>, NoiseLevelError> {
    if !(sigma.is_finite() && sigma >= 0.0) {
        return Err(NoiseLevelError { sigma });
    }
    if sigma == 0.0 {
        return Ok(vec![0.0; count]);
    }
    let normal = Normal::new(0.0, sigma).map_err(|_| NoiseLevelError { sigma })?;
    Ok((0..count).map(|_| normal.sample(rng)).collect())
}
