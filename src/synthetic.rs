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

/// `count` draws of zero-mean Gaussian noise with standard deviation `sigma` (any unit);
/// `sigma = 0` gives zeros. A negative or non-finite `sigma` is clamped to zero noise, since
/// callers pass validated instrument noise levels.
pub fn gaussian_noise(rng: &mut ChaCha8Rng, sigma: f64, count: usize) -> Vec<f64> {
    match Normal::new(0.0, sigma) {
        Ok(normal) if sigma.is_finite() && sigma > 0.0 => (0..count).map(|_| normal.sample(rng)).collect(),
        _ => vec![0.0; count],
    }
}
