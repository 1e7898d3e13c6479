//! The "Brazil" plot of Richard et al. (2025, Fig. 4): the joint distribution of ion parallel
//! beta and anisotropy, against the thresholds of Eqs. 8 and 12. The same code takes a
//! synthetic sample of the three-population model or any catalogue with the two columns.

use super::{AnisotropyError, CurrentFractions, Populations, cold, model, speiser};
use crate::binning::{BinningError, JointHistogram, joint_histogram};
use crate::synthetic::seeded_rng;
use polars::prelude::{Column, DataFrame};
use rand::RngExt;
use rand_distr::{Distribution, Normal};

/// Column names a catalogue must have.
pub const BETA_COLUMN: &str = "beta_par";
/// Column of the anisotropy `T_perp/T_par`.
pub const ANISOTROPY_COLUMN: &str = "perp_over_par";

/// Most samples [`synthetic_sample`] draws: 50 times the book's figure, so memory is bounded.
pub const MAX_SAMPLE_COUNT: usize = 1_000_000;

/// Draws allowed per requested sample before [`synthetic_sample`] gives up: with the
/// published fractions most draws have an equilibrium.
pub const MAX_DRAWS_PER_SAMPLE: usize = 1_000;

/// Why a Brazil plot could not be made.
#[derive(Debug, thiserror::Error)]
pub enum BrazilError {
    /// The catalogue could not be binned.
    #[error(transparent)]
    Binning(#[from] BinningError),
    /// A model parameter was rejected.
    #[error(transparent)]
    Model(#[from] AnisotropyError),
    /// Building the synthetic frame failed.
    #[error("building the sample: {0}")]
    Frame(String),
    /// More samples were asked for than [`MAX_SAMPLE_COUNT`].
    #[error("sample count {count} exceeds the limit {limit}")]
    TooLarge {
        /// The count asked for.
        count: usize,
        /// The largest count accepted.
        limit: usize,
    },
    /// The current fractions leave so few states with an equilibrium that the sample could
    /// not be filled (the draw loop would otherwise never end).
    #[error("only {kept} of {draws} draws had an equilibrium: the current fractions allow too few")]
    TooFewEquilibria {
        /// Samples kept.
        kept: usize,
        /// Draws made.
        draws: usize,
    },
    /// A catalogue row has a non-positive beta or anisotropy.
    #[error(
        "row {row}: beta_par and perp_over_par must be positive, got {beta_par} and {perp_over_par}"
    )]
    NonPositive {
        /// Zero-based row.
        row: usize,
        /// Its beta.
        beta_par: f64,
        /// Its anisotropy.
        perp_over_par: f64,
    },
}

/// How a sample sits with respect to the thresholds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ThresholdFractions {
    /// Number of samples.
    pub samples: usize,
    /// Fraction with `T_perp/T_par` below the parallel threshold of Eq. 8.
    pub beyond_parallel: f64,
    /// Fraction with `T_perp/T_par` above the perpendicular threshold of Eq. 12 (kappa = 1),
    /// counting only betas where that threshold exceeds 1.
    pub beyond_perpendicular: f64,
    /// The same for the kappa = 0.1 variant of Eq. 12.
    pub beyond_perpendicular_tenth: f64,
}

/// A seeded synthetic sample of `(beta_par, T_perp/T_par)` from the three-population model:
/// beta_par log-normal (median 1, a factor 4 per standard deviation); half the samples
/// cold-ion states (n_c/n_i uniform in [0.05, 0.5], A_c - 1 log-uniform in [0.1, 10]), half
/// Speiser states (n_s/n_i uniform in [0, 0.6], A_s = 1/2); anisotropy from Eq. 1; and only
/// states with an equilibrium (kappa^2 > 0 in Eq. 4) kept.
///
/// # Errors
/// [`BrazilError::TooLarge`] for more than [`MAX_SAMPLE_COUNT`] samples,
/// [`BrazilError::TooFewEquilibria`] if the fractions allow too few equilibria to fill the
/// sample within [`MAX_DRAWS_PER_SAMPLE`] draws each, [`BrazilError`] if the frame cannot be
/// built.
pub fn synthetic_sample(
    fractions: &CurrentFractions,
    count: usize,
    seed: u64,
) -> Result<DataFrame, BrazilError> {
    if count > MAX_SAMPLE_COUNT {
        return Err(BrazilError::TooLarge {
            count,
            limit: MAX_SAMPLE_COUNT,
        });
    }
    let mut rng = seeded_rng(seed);
    let log_beta = Normal::new(0.0, 0.6).map_err(|e| BrazilError::Frame(e.to_string()))?;
    let (mut betas, mut anisotropies) = (Vec::with_capacity(count), Vec::with_capacity(count));
    let mut draws = 0usize;
    while betas.len() < count {
        draws += 1;
        if draws > MAX_DRAWS_PER_SAMPLE * count {
            return Err(BrazilError::TooFewEquilibria {
                kept: betas.len(),
                draws: draws - 1,
            });
        }
        let beta = 10f64.powf(log_beta.sample(&mut rng));
        let populations = if rng.random::<f64>() < 0.5 {
            let excess = 10f64.powf(rng.random_range(-1.0..1.0));
            Populations::new(
                rng.random_range(0.05..0.5),
                1.0 + excess,
                0.0,
                speiser::SPEISER_ANISOTROPY,
            )?
        } else {
            Populations::new(
                0.0,
                1.0,
                rng.random_range(0.0..0.6),
                speiser::SPEISER_ANISOTROPY,
            )?
        };
        if model::kappa_squared(&populations, fractions, beta)? > 0.0 {
            betas.push(beta);
            anisotropies.push(populations.perp_over_par()?);
        }
    }
    DataFrame::new_infer_height(vec![
        Column::new(BETA_COLUMN.into(), betas),
        Column::new(ANISOTROPY_COLUMN.into(), anisotropies),
    ])
    .map_err(|e| BrazilError::Frame(e.to_string()))
}

fn positive_pairs(frame: &DataFrame) -> Result<Vec<(f64, f64)>, BrazilError> {
    let column = |name: &str| crate::binning::f64_column(frame, name);
    let pairs: Vec<(f64, f64)> = column(BETA_COLUMN)?
        .into_iter()
        .zip(column(ANISOTROPY_COLUMN)?)
        .collect();
    if let Some((row, &(beta_par, perp_over_par))) = pairs
        .iter()
        .enumerate()
        .find(|(_, (b, a))| !(*b > 0.0 && *a > 0.0))
    {
        return Err(BrazilError::NonPositive {
            row,
            beta_par,
            perp_over_par,
        });
    }
    Ok(pairs)
}

/// The fraction of a catalogue beyond each threshold, for current fractions `fractions`.
///
/// # Errors
/// [`BrazilError`] for a catalogue without the two positive numeric columns.
pub fn threshold_fractions(
    frame: &DataFrame,
    fractions: &CurrentFractions,
) -> Result<ThresholdFractions, BrazilError> {
    let pairs = positive_pairs(frame)?;
    let (mut parallel, mut perpendicular, mut tenth) = (0usize, 0usize, 0usize);
    for &(beta, anisotropy) in &pairs {
        if anisotropy < cold::threshold(fractions.eta_c, beta)? {
            parallel += 1;
        }
        let limit = speiser::threshold(1.0, beta, fractions.eta_e, fractions.eta_s)?;
        if limit >= 1.0 && anisotropy > limit {
            perpendicular += 1;
        }
        let limit_tenth = speiser::threshold(0.1, beta, fractions.eta_e, fractions.eta_s)?;
        if limit_tenth >= 1.0 && anisotropy > limit_tenth {
            tenth += 1;
        }
    }
    let share = |n: usize| n as f64 / pairs.len().max(1) as f64;
    Ok(ThresholdFractions {
        samples: pairs.len(),
        beyond_parallel: share(parallel),
        beyond_perpendicular: share(perpendicular),
        beyond_perpendicular_tenth: share(tenth),
    })
}

/// The share of a catalogue beyond one threshold when the threshold is a band: beyond its
/// nominal line, beyond it under every value the ranges allow, and under at least one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ShareRange {
    /// Beyond the line drawn for the nominal fractions.
    pub nominal: f64,
    /// Beyond the threshold for every fraction in the ranges (beyond the whole band).
    pub every_reading: f64,
    /// Beyond it for at least one fraction in the ranges (beyond the band's nearer edge).
    pub some_reading: f64,
}

/// How a catalogue sits with respect to the threshold bands (see [`threshold_share_ranges`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ThresholdShareRanges {
    /// Number of samples.
    pub samples: usize,
    /// Below Eq. 8.
    pub parallel: ShareRange,
    /// Above Eq. 12 with kappa = 1 (where it exceeds 1).
    pub perpendicular: ShareRange,
    /// Above Eq. 12 with kappa = 0.1 (where it exceeds 1).
    pub perpendicular_tenth: ShareRange,
}

/// The shares of a catalogue beyond each threshold when the current fractions may take any
/// value in `ranges`. As in [`threshold_fractions`], Eq. 12 counts only where it exceeds 1 (a
/// value below 1 is no threshold in the Speiser regime); so a sample is beyond it for some
/// reading when the band reaches above 1 and the sample lies above both 1 and the band's
/// lower edge, and for every reading when the whole band lies above 1 and below the sample.
///
/// ```
/// use mmsbook::anisotropy::{bands::ThresholdRanges, brazil::threshold_share_ranges};
/// use mmsbook::binning::read_catalogue_str;
/// let frame = read_catalogue_str("beta_par,perp_over_par\n1.0,0.03\n1.0,1.0\n", &["beta_par", "perp_over_par"]).unwrap();
/// let shares = threshold_share_ranges(&frame, &ThresholdRanges::published().unwrap()).unwrap();
/// // At beta_par = 1 the Eq. 8 band spans [0.005, 0.11]: 0.03 is beyond it for some eta_c only.
/// assert_eq!((shares.parallel.every_reading, shares.parallel.some_reading), (0.0, 0.5));
/// ```
///
/// # Errors
/// [`BrazilError`] for a catalogue without the two positive numeric columns.
pub fn threshold_share_ranges(
    frame: &DataFrame,
    ranges: &super::bands::ThresholdRanges,
) -> Result<ThresholdShareRanges, BrazilError> {
    let pairs = positive_pairs(frame)?;
    let nominal = threshold_fractions(frame, ranges.nominal())?;
    let mut counts = [[0usize; 2]; 3];
    for &(beta, anisotropy) in &pairs {
        let parallel = ranges.parallel(beta)?.interval;
        counts[0][0] += usize::from(anisotropy < parallel.lo());
        counts[0][1] += usize::from(anisotropy < parallel.hi());
        for (count, kappa) in counts[1..].iter_mut().zip([1.0, 0.1]) {
            let band = ranges.perpendicular(kappa, beta)?.interval;
            count[0] += usize::from(band.lo() >= 1.0 && anisotropy > band.hi());
            count[1] += usize::from(band.hi() >= 1.0 && anisotropy > band.lo().max(1.0));
        }
    }
    let share = |n: usize| n as f64 / pairs.len().max(1) as f64;
    let range = |nominal: f64, [every, some]: [usize; 2]| ShareRange {
        nominal,
        every_reading: share(every),
        some_reading: share(some),
    };
    Ok(ThresholdShareRanges {
        samples: pairs.len(),
        parallel: range(nominal.beyond_parallel, counts[0]),
        perpendicular: range(nominal.beyond_perpendicular, counts[1]),
        perpendicular_tenth: range(nominal.beyond_perpendicular_tenth, counts[2]),
    })
}

/// The joint PDF of `(log10 beta_par, log10 T_perp/T_par)` on log-spaced bins: `edges_beta`
/// and `edges_anisotropy` are the bin edges in the variables themselves.
///
/// # Errors
/// [`BrazilError`] for a bad catalogue or bad edges.
pub fn joint_pdf(
    frame: &DataFrame,
    edges_beta: &[f64],
    edges_anisotropy: &[f64],
) -> Result<JointHistogram, BrazilError> {
    positive_pairs(frame)?;
    Ok(joint_histogram(
        frame,
        BETA_COLUMN,
        ANISOTROPY_COLUMN,
        edges_beta,
        edges_anisotropy,
    )?)
}
