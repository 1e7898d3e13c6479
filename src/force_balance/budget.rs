//! The radial force budget of Zhang et al. (2025) per region: the shares of the magnetic
//! tension balanced by the thermal pressure gradient of the Fig. 4 fits and by the P_xz
//! forces, with every choice the paper leaves open made explicit, and each value carried
//! with the interval the printed precision of its inputs implies.

use super::power_law::PowerLaw;
use super::published::{self, FAR, NEAR, RegionNumbers};
use super::{ForceBalanceError, to_na_nt_per_m2};
use crate::claims::{Computed, PropagationError, Quoted, corners};

/// A region of the statistics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Region {
    /// -20 < X < -10 R_E, 58 sheets.
    Near,
    /// -30 < X < -20 R_E, 46 sheets.
    Far,
}

impl Region {
    /// Both regions, Earthward first.
    pub const ALL: [Region; 2] = [Region::Near, Region::Far];

    /// `near` or `far`, as in claim ids.
    pub fn name(self) -> &'static str {
        match self {
            Region::Near => "near",
            Region::Far => "far",
        }
    }

    /// The region's published numbers.
    pub fn numbers(self) -> &'static RegionNumbers {
        match self {
            Region::Near => &NEAR,
            Region::Far => &FAR,
        }
    }
}

/// Where along X the gradient of the fitted power laws is taken: the paper does not say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GradientLocation {
    /// At the fits' reference distance X = -20 R_E (where P = P0), for both regions.
    ReferenceDistance,
    /// At the middle of the region (-15 or -25 R_E).
    MidPoint,
    /// The mean gradient over the region: pressure difference over its length.
    RegionMean,
    /// At the Earthward end of the region.
    NearBoundary,
    /// At the tailward end.
    FarBoundary,
    /// One gradient for both regions: the fitted pressures' difference between the two
    /// region mid-points (-15 and -25 R_E) over their distance, the estimate two regional
    /// bins suggest.
    BetweenMidPoints,
}

impl GradientLocation {
    /// Every location, in the order the chapter lists them.
    pub const ALL: [GradientLocation; 6] = [
        GradientLocation::ReferenceDistance,
        GradientLocation::MidPoint,
        GradientLocation::RegionMean,
        GradientLocation::NearBoundary,
        GradientLocation::FarBoundary,
        GradientLocation::BetweenMidPoints,
    ];

    /// Short name.
    pub fn name(self) -> &'static str {
        match self {
            GradientLocation::ReferenceDistance => "at X = -20 R_E",
            GradientLocation::MidPoint => "mid-point",
            GradientLocation::RegionMean => "region mean",
            GradientLocation::NearBoundary => "Earthward boundary",
            GradientLocation::FarBoundary => "tailward boundary",
            GradientLocation::BetweenMidPoints => "between the mid-points",
        }
    }
}

/// Which tension a share is taken of: the paper states a regional tension that is not the
/// product of its stated regional means, and defines the tension per event (Sec. 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tension {
    /// The stated regional tension (14.4 or 9.5 nA nT/m^2).
    Stated,
    /// The product of the stated central-region means <j_y><B_z>.
    ProductOfMeans,
}

impl Tension {
    /// Both, stated first.
    pub const ALL: [Tension; 2] = [Tension::Stated, Tension::ProductOfMeans];

    /// Short name.
    pub fn name(self) -> &'static str {
        match self {
            Tension::Stated => "over the stated tension",
            Tension::ProductOfMeans => "over <j_y><B_z>",
        }
    }
}

/// The two quoted inputs of a region's tension, and how they combine.
fn tension_inputs(region: Region, tension: Tension) -> (Vec<Quoted>, fn(&[f64]) -> f64) {
    let numbers = region.numbers();
    match tension {
        Tension::Stated => (vec![numbers.tension], |x| x[0]),
        Tension::ProductOfMeans => (vec![numbers.j_y, numbers.b_z], |x| x[0] * x[1]),
    }
}

/// The region's tension, nA nT/m^2, with its interval.
///
/// # Errors
/// Only if a published number had no interval.
pub fn tension(region: Region, tension: Tension) -> Result<Computed, ForceBalanceError> {
    let (inputs, combine) = tension_inputs(region, tension);
    Ok(corners(&inputs, |x| Ok::<_, PropagationError>(combine(x)))?)
}

/// The covariance of `j_y` and `B_z` across a region's events (nA nT/m^2) that makes its
/// stated tension the mean of per-event products: stated tension minus the product of the
/// stated means, with the interval from all three printed numbers (corners).
///
/// ```
/// use mmsbook::force_balance::budget::{Region, implied_covariance};
/// let near = implied_covariance(Region::Near).unwrap();
/// assert!((near.value + 1.57).abs() < 0.01); // 14.4 - 5.83 x 2.74
/// ```
///
/// # Errors
/// Only if a published number had no interval.
pub fn implied_covariance(region: Region) -> Result<Computed, ForceBalanceError> {
    let numbers = region.numbers();
    Ok(corners(
        &[numbers.tension, numbers.j_y, numbers.b_z],
        |x| Ok::<_, PropagationError>(x[0] - x[1] * x[2]),
    )?)
}

/// As [`implied_covariance`], for all 104 sheets (12.3 against 5.44 x 2.25).
///
/// # Errors
/// Only if a published number had no interval.
pub fn implied_covariance_all() -> Result<Computed, ForceBalanceError> {
    Ok(corners(
        &[
            published::TENSION_ALL,
            published::J_Y_ALL,
            published::B_Z_ALL,
        ],
        |x| Ok::<_, PropagationError>(x[0] - x[1] * x[2]),
    )?)
}

/// The thermal force of both fits at a location (N/m^3), for fit parameters
/// `[ion P0 (nPa), ion alpha, electron P0 (nPa), electron alpha]`.
fn thermal_force_n_m3(
    fits: &[f64],
    region: Region,
    location: GradientLocation,
) -> Result<f64, ForceBalanceError> {
    let (ions, electrons) = (
        PowerLaw::new(fits[0], fits[1])?,
        PowerLaw::new(fits[2], fits[3])?,
    );
    let (far, near) = region.numbers().x_re;
    let at = |x: f64| {
        Ok::<f64, ForceBalanceError>(
            ions.gradient_force_n_m3(x)? + electrons.gradient_force_n_m3(x)?,
        )
    };
    match location {
        GradientLocation::ReferenceDistance => at(-published::FIT_REFERENCE_DISTANCE_RE),
        GradientLocation::MidPoint => at(0.5 * (far + near)),
        GradientLocation::RegionMean => Ok(ions.mean_gradient_force_n_m3(far, near)?
            + electrons.mean_gradient_force_n_m3(far, near)?),
        GradientLocation::NearBoundary => at(near),
        GradientLocation::FarBoundary => at(far),
        GradientLocation::BetweenMidPoints => {
            let mid = |region: Region| {
                let (far, near) = region.numbers().x_re;
                0.5 * (far + near)
            };
            let (inner, outer) = (mid(Region::Near), mid(Region::Far));
            Ok(ions.mean_gradient_force_n_m3(outer, inner)?
                + electrons.mean_gradient_force_n_m3(outer, inner)?)
        }
    }
}

/// The four fit parameters of Fig. 4, ions then electrons.
pub const FIT_PARAMETERS: [Quoted; 4] = [
    published::ION_P0_NPA,
    published::ION_EXPONENT,
    published::ELECTRON_P0_NPA,
    published::ELECTRON_EXPONENT,
];

/// The thermal pressure gradient force of the Fig. 4 fits as a share (%) of a region's
/// tension, at a gradient location, with the interval from the printed precision of the
/// four fit parameters and the tension's inputs (corners; the share is monotone in each).
///
/// ```
/// use mmsbook::force_balance::budget::{GradientLocation, Region, Tension, thermal_share};
/// let near = thermal_share(Region::Near, GradientLocation::ReferenceDistance, Tension::Stated).unwrap();
/// assert!((near.value - 15.07).abs() < 0.01);
/// assert!(near.interval.contains(15.0));
/// ```
///
/// # Errors
/// Only if a published number were rejected.
pub fn thermal_share(
    region: Region,
    location: GradientLocation,
    tension: Tension,
) -> Result<Computed, ForceBalanceError> {
    let (tension_quoted, combine) = tension_inputs(region, tension);
    let inputs: Vec<Quoted> = FIT_PARAMETERS
        .iter()
        .copied()
        .chain(tension_quoted)
        .collect();
    corners(&inputs, |x| {
        Ok::<_, ForceBalanceError>(
            100.0 * to_na_nt_per_m2(thermal_force_n_m3(&x[..4], region, location)?)
                / combine(&x[4..]),
        )
    })
}

/// The mean of the two regions' thermal shares (%) at a gradient location and over a
/// tension, with the interval from the corners of all inputs (the fits and both tensions).
///
/// # Errors
/// Only if a published number were rejected.
pub fn overall_thermal_share(
    location: GradientLocation,
    tension: Tension,
) -> Result<Computed, ForceBalanceError> {
    let (near_inputs, near_combine) = tension_inputs(Region::Near, tension);
    let (far_inputs, far_combine) = tension_inputs(Region::Far, tension);
    let (near_count, far_count) = (near_inputs.len(), far_inputs.len());
    let inputs: Vec<Quoted> = FIT_PARAMETERS
        .iter()
        .copied()
        .chain(near_inputs)
        .chain(far_inputs)
        .collect();
    corners(&inputs, |x| {
        let near = to_na_nt_per_m2(thermal_force_n_m3(&x[..4], Region::Near, location)?)
            / near_combine(&x[4..4 + near_count]);
        let far = to_na_nt_per_m2(thermal_force_n_m3(&x[..4], Region::Far, location)?)
            / far_combine(&x[4 + near_count..4 + near_count + far_count]);
        Ok::<_, ForceBalanceError>(50.0 * (near + far))
    })
}

/// The X (R_E) at which the gradient of the Fig. 4 fits (at their printed values) is
/// `share_percent` of a region's tension, by bisection over -60 < X < -5 R_E: the gradient
/// grows monotonically toward Earth. `None` if no X in that span gives it.
///
/// # Errors
/// Only if a published number were rejected.
pub fn location_for_share(
    region: Region,
    tension: Tension,
    share_percent: f64,
) -> Result<Option<f64>, ForceBalanceError> {
    let (tension_quoted, combine) = tension_inputs(region, tension);
    let tension_value = combine(&tension_quoted.iter().map(|q| q.value).collect::<Vec<_>>());
    let fits: Vec<f64> = FIT_PARAMETERS.iter().map(|q| q.value).collect();
    let (ions, electrons) = (
        PowerLaw::new(fits[0], fits[1])?,
        PowerLaw::new(fits[2], fits[3])?,
    );
    let share_at = |x: f64| -> Result<f64, ForceBalanceError> {
        Ok(100.0
            * to_na_nt_per_m2(ions.gradient_force_n_m3(x)? + electrons.gradient_force_n_m3(x)?)
            / tension_value)
    };
    let (mut tailward, mut earthward) = (-60.0, -5.0);
    if !(share_at(tailward)? <= share_percent && share_percent <= share_at(earthward)?) {
        return Ok(None);
    }
    // 60 halvings take the 55 R_E bracket far below round-off.
    for _ in 0..60 {
        let middle = 0.5 * (tailward + earthward);
        if share_at(middle)? < share_percent {
            tailward = middle
        } else {
            earthward = middle
        }
    }
    Ok(Some(0.5 * (tailward + earthward)))
}

/// A P_xz force species.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Species {
    /// Ions.
    Ion,
    /// Electrons.
    Electron,
}

impl Species {
    /// `ion` or `electron`.
    pub fn name(self) -> &'static str {
        match self {
            Species::Ion => "ion",
            Species::Electron => "electron",
        }
    }
}

/// A P_xz force's share (%) of a region's tension; `None` species means both together.
///
/// # Errors
/// Only if a published number had no interval.
pub fn pxz_share(
    region: Region,
    species: Option<Species>,
    tension: Tension,
) -> Result<Computed, ForceBalanceError> {
    let numbers = region.numbers();
    let forces = match species {
        Some(Species::Ion) => vec![numbers.ion_force],
        Some(Species::Electron) => vec![numbers.electron_force],
        None => vec![numbers.ion_force, numbers.electron_force],
    };
    let count = forces.len();
    let (tension_quoted, combine) = tension_inputs(region, tension);
    let inputs: Vec<Quoted> = forces.into_iter().chain(tension_quoted).collect();
    Ok(corners(&inputs, |x| {
        Ok::<_, PropagationError>(100.0 * x[..count].iter().sum::<f64>() / combine(&x[count..]))
    })?)
}

/// A force budget in percent of the tension.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BudgetShares {
    /// Thermal pressure gradient share, %.
    pub thermal: Computed,
    /// Ion P_xz share, %.
    pub ion: Computed,
    /// Electron P_xz share, %.
    pub electron: Computed,
}

impl BudgetShares {
    /// What is left: 100 minus the others, % (at the values).
    pub fn unbalanced(&self) -> f64 {
        100.0 - self.thermal.value - self.ion.value - self.electron.value
    }
}

/// The budget of a region recomputed from the stated forces and the Fig. 4 fits, under a
/// gradient location and a tension.
///
/// # Errors
/// Only if a published number were rejected.
pub fn recomputed_budget(
    region: Region,
    location: GradientLocation,
    tension: Tension,
) -> Result<BudgetShares, ForceBalanceError> {
    Ok(BudgetShares {
        thermal: thermal_share(region, location, tension)?,
        ion: pxz_share(region, Some(Species::Ion), tension)?,
        electron: pxz_share(region, Some(Species::Electron), tension)?,
    })
}

/// The budget of a region as published, each share with the interval its printing implies.
///
/// # Errors
/// Only if a published number had no interval.
pub fn published_budget(region: Region) -> Result<BudgetShares, ForceBalanceError> {
    let numbers = region.numbers();
    let echo =
        |q: Quoted| Ok::<_, ForceBalanceError>(corners(&[q], |x| Ok::<_, PropagationError>(x[0]))?);
    Ok(BudgetShares {
        thermal: echo(numbers.thermal_share)?,
        ion: echo(numbers.ion_share)?,
        electron: echo(numbers.electron_share)?,
    })
}

/// The example event's thickness L = B0/(mu0 j0), km, with the interval from the printed
/// B0 and j0 ([`B0Error::Printed`]) or from B0's stated 10–20% method error at its upper
/// end ([`B0Error::Stated`], Sec. 2).
///
/// # Errors
/// Only if a published number were rejected.
pub fn example_thickness_km(b0_error: B0Error) -> Result<Computed, ForceBalanceError> {
    let b0 = match b0_error {
        B0Error::Printed => published::EXAMPLE_B0_NT,
        B0Error::Stated => {
            let b0 = published::EXAMPLE_B0_NT.value;
            let error = published::B0_RELATIVE_ERROR
                .interval()
                .map_err(PropagationError::from)?
                .hi();
            Quoted::new(
                b0,
                crate::claims::Precision::Stated {
                    lo: b0 * (1.0 - error),
                    hi: b0 * (1.0 + error),
                },
                "Sec. 2",
                "B0 with its method error",
            )
        }
    };
    corners(&[b0, published::EXAMPLE_J0_NA_M2], |x| {
        Ok::<_, ForceBalanceError>(crate::plasma::units::to_km(
            super::harris_method::thickness_m(
                crate::plasma::units::nanotesla(x[0]),
                crate::plasma::units::nanoampere_per_m2(x[1]),
            )?,
        ))
    })
}

/// Which uncertainty of the example event's B0 to carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum B0Error {
    /// The printed precision, 7.9 nT -> [7.85, 7.95].
    Printed,
    /// The stated method error of Sec. 2, up to 20%.
    Stated,
}
