//! Seeded surrogates: reproducible streams, the stated noise level, and validated input.

use mmsbook::synthetic::{NoiseLevelError, gaussian_noise, seeded_rng};

#[test]
fn the_same_seed_gives_the_same_noise_and_another_seed_does_not() {
    let first = gaussian_noise(&mut seeded_rng(42), 1.0, 100).unwrap();
    assert_eq!(
        first,
        gaussian_noise(&mut seeded_rng(42), 1.0, 100).unwrap(),
        "seed 42 twice"
    );
    assert_ne!(
        first,
        gaussian_noise(&mut seeded_rng(43), 1.0, 100).unwrap(),
        "seed 43 differs"
    );
}

#[test]
fn noise_has_the_requested_standard_deviation() {
    let sigma = 0.3;
    let noise = gaussian_noise(&mut seeded_rng(1), sigma, 20_000).unwrap();
    let mean = noise.iter().sum::<f64>() / noise.len() as f64;
    let std =
        (noise.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (noise.len() - 1) as f64).sqrt();
    // 20 000 draws: the sample mean is within 4 sigma/sqrt(n) of 0, the deviation within 3%.
    assert!(
        mean.abs() < 4.0 * sigma / (noise.len() as f64).sqrt(),
        "mean {mean}"
    );
    assert!((std / sigma - 1.0).abs() < 0.03, "std {std}");
    assert_eq!(
        gaussian_noise(&mut seeded_rng(1), 0.0, 3).unwrap(),
        vec![0.0; 3],
        "zero noise is zeros"
    );
}

#[test]
fn invalid_noise_levels_are_typed_errors() {
    for sigma in [-0.1, f64::NAN, f64::INFINITY] {
        let error = gaussian_noise(&mut seeded_rng(1), sigma, 3).unwrap_err();
        assert!(error.to_string().contains("sigma"), "{error}");
        assert!(matches!(error, NoiseLevelError { .. }));
    }
}
