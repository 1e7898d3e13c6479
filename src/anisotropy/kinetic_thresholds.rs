//! The standard linear kinetic thresholds of proton temperature anisotropy that Brazil plots
//! are usually read against, in the fitted form of Hellinger et al. (2006),
//! doi:10.1029/2006GL025925, Eq. 1 and Table 1: bi-Maxwellian protons, isotropic Maxwellian
//! electrons, contours of constant maximum growth rate `gamma_max = 1e-3 Omega_p`.
//!
//! ```text
//! T_perp/T_par = 1 + a / (beta_par - beta0)^b
//! ```
//!
//! with `beta_par = 2 mu0 n k_B T_par / B^2` the proton parallel beta (dimensionless, the
//! same definition as Richard et al. 2025 use below their Eq. 2) and `a`, `b`, `beta0`
//! dimensionless fit coefficients. Above the proton-cyclotron and mirror curves (`a > 0`) and
//! below the two firehose curves (`a < 0`) the plasma is linearly unstable with a growth rate
//! of at least `1e-3 Omega_p`.
//!
//! # Coefficient source
//! Table 1 of Hellinger et al. (2006) for `gamma_max = 1e-3 Omega_p`: proton cyclotron
//! (0.43, 0.42, -0.0004), mirror (0.77, 0.76, -0.016), parallel firehose (-0.47, 0.53, 0.59),
//! oblique firehose (-1.4, 1.0, -0.11), as `(a, b, beta0)`. The paper itself was not
//! available here; the four triples were taken from two independent public implementations
//! that cite the table (a JavaScript plasma-formulary calculator whose proton-cyclotron and
//! parallel-firehose triples are marked as verified against the paper, and a Python
//! analysis script that carries all four), which agree digit for digit. As an independent
//! check, the tests compare them with the fits Verscharen et al. (2016),
//! doi:10.3847/0004-637X/831/2/128, made to their own linear-theory contours at the same
//! growth rate (as tabulated in pyrfu, `pyrfu/pyrf/anisotropy_thresholds.py`): the two agree
//! to 3% of `T_perp/T_par - 1` over `1.5 <= beta_par <= 10`.
//!
//! A caution for users of pyrfu: its `pyrfu/models/ion_anisotropy_thresh.py` cites
//! Hellinger et al. (2006) but carries Verscharen's `gamma = 1e-2 Omega_p` coefficients (with
//! 0.69 where Verscharen's proton-cyclotron `a` is 0.649), not the table used here.
//!
//! The fluid firehose `beta_par - beta_perp = 2` is [`super::cold::fluid_firehose`].

/// One of the four instabilities of Hellinger et al. (2006), Table 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Instability {
    /// Parallel (ion-cyclotron) mode driven by `T_perp > T_par`.
    ProtonCyclotron,
    /// Non-propagating oblique mirror mode driven by `T_perp > T_par`.
    Mirror,
    /// Parallel (whistler-branch) firehose driven by `T_perp < T_par`.
    ParallelFirehose,
    /// Non-propagating oblique (Alfvén) firehose driven by `T_perp < T_par`.
    ObliqueFirehose,
}

/// The three coefficients of `T_perp/T_par = 1 + a / (beta_par - beta0)^b`, dimensionless.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FitCoefficients {
    /// Amplitude: positive for the `T_perp > T_par` instabilities, negative for the firehoses.
    pub a: f64,
    /// Exponent of `beta_par - beta0`.
    pub b: f64,
    /// Offset of beta: the fit is defined only for `beta_par > beta0`.
    pub beta0: f64,
}

/// Why a kinetic threshold cannot be evaluated.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum KineticThresholdError {
    /// The parallel beta is NaN or infinite, or not positive.
    #[error("proton parallel beta must be positive and finite, got {beta_par}")]
    NonPositiveBeta {
        /// The rejected beta.
        beta_par: f64,
    },
    /// The fit `a / (beta_par - beta0)^b` is undefined at or below `beta0`.
    #[error("the {instability} fit is defined only for beta_par > {beta0}, got {beta_par}")]
    BelowFitDomain {
        /// Name of the instability.
        instability: &'static str,
        /// The rejected beta.
        beta_par: f64,
        /// The fit's offset.
        beta0: f64,
    },
    /// A firehose fit falls to zero or below: at this beta no anisotropy reaches the growth
    /// rate of the contour, so there is no threshold.
    #[error(
        "the {instability} fit gives T_perp/T_par = {value:.3} <= 0 at beta_par = {beta_par}: no threshold"
    )]
    NoThreshold {
        /// Name of the instability.
        instability: &'static str,
        /// The beta given.
        beta_par: f64,
        /// The fit's non-positive value.
        value: f64,
    },
}

impl Instability {
    /// The four instabilities, in the order of the table.
    pub const ALL: [Instability; 4] = [
        Instability::ProtonCyclotron,
        Instability::Mirror,
        Instability::ParallelFirehose,
        Instability::ObliqueFirehose,
    ];

    /// Name for legends and errors.
    pub fn name(self) -> &'static str {
        match self {
            Instability::ProtonCyclotron => "proton cyclotron",
            Instability::Mirror => "mirror",
            Instability::ParallelFirehose => "parallel firehose",
            Instability::ObliqueFirehose => "oblique firehose",
        }
    }

    /// Hellinger et al. (2006), Table 1, `gamma_max = 1e-3 Omega_p` (see the module docs for
    /// how the values were obtained).
    pub fn coefficients(self) -> FitCoefficients {
        let (a, b, beta0) = match self {
            Instability::ProtonCyclotron => (0.43, 0.42, -0.0004),
            Instability::Mirror => (0.77, 0.76, -0.016),
            Instability::ParallelFirehose => (-0.47, 0.53, 0.59),
            Instability::ObliqueFirehose => (-1.4, 1.0, -0.11),
        };
        FitCoefficients { a, b, beta0 }
    }

    /// The threshold anisotropy `T_perp/T_par = 1 + a / (beta_par - beta0)^b` at the proton
    /// parallel beta `beta_par` (dimensionless).
    ///
    /// # Errors
    /// [`KineticThresholdError::NonPositiveBeta`] for a beta that is not positive and finite,
    /// [`KineticThresholdError::BelowFitDomain`] for `beta_par <= beta0` (only the parallel
    /// firehose, `beta0 = 0.59`, has such betas), and [`KineticThresholdError::NoThreshold`]
    /// where a firehose fit drops to zero or below.
    ///
    /// ```
    /// use mmsbook::anisotropy::kinetic_thresholds::Instability;
    /// // At beta_par = 1 the mirror mode grows at 1e-3 Omega_p once T_perp/T_par ~ 1.76.
    /// let mirror = Instability::Mirror.threshold(1.0).unwrap();
    /// assert!((mirror - 1.7608).abs() < 1e-4);
    /// // The parallel firehose fit does not exist below beta_par = 0.59.
    /// assert!(Instability::ParallelFirehose.threshold(0.5).is_err());
    /// ```
    pub fn threshold(self, beta_par: f64) -> Result<f64, KineticThresholdError> {
        if !(beta_par.is_finite() && beta_par > 0.0) {
            return Err(KineticThresholdError::NonPositiveBeta { beta_par });
        }
        let FitCoefficients { a, b, beta0 } = self.coefficients();
        if beta_par <= beta0 {
            return Err(KineticThresholdError::BelowFitDomain {
                instability: self.name(),
                beta_par,
                beta0,
            });
        }
        let value = 1.0 + a / (beta_par - beta0).powf(b);
        if value <= 0.0 {
            return Err(KineticThresholdError::NoThreshold {
                instability: self.name(),
                beta_par,
                value,
            });
        }
        Ok(value)
    }
}
