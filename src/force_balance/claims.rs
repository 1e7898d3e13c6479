//! The quantitative statements of Zhang et al. (2025) that bear on the force balance,
//! recomputed from the paper's own numbers and fits.

use super::harris_method::{CENTRAL_REGION, thickness_m};
use super::power_law::PowerLaw;
use super::{ForceBalanceError, to_na_nt_per_m2};
use crate::claims::{Claim, ClaimError, Ledger, Paper, Status, Tolerance};
use crate::plasma::{Species, inertial_length, units};

/// Why the claims could not be computed.
#[derive(Debug, thiserror::Error)]
pub enum ZhangClaimsError {
    /// A method rejected its input.
    #[error(transparent)]
    Method(#[from] ForceBalanceError),
    /// A plasma function rejected its input.
    #[error(transparent)]
    Plasma(#[from] crate::plasma::PlasmaError),
    /// A claim was malformed.
    #[error(transparent)]
    Claim(#[from] ClaimError),
}

/// A region of the statistics: published central-region means and forces.
struct Region {
    name: &'static str,
    /// X range, R_E (far end, near end).
    x_re: (f64, f64),
    /// Mean j_y, nA/m^2, and mean B_z, nT, in the central region.
    j_y: f64,
    b_z: f64,
    /// Stated mean tension, nA nT/m^2.
    tension: f64,
    /// Stated ion and electron P_xz forces, nA nT/m^2, and their stated shares, %.
    ion_force: f64,
    electron_force: f64,
    ion_share: f64,
    electron_share: f64,
    /// Stated total P_xz share and thermal share (Conclusions), %.
    pxz_share: f64,
    thermal_share: f64,
}

const NEAR: Region = Region {
    name: "near",
    x_re: (-20.0, -10.0),
    j_y: 5.83,
    b_z: 2.74,
    tension: 14.4,
    ion_force: 1.5,
    electron_force: 3.1,
    ion_share: 10.0,
    electron_share: 20.0,
    pxz_share: 30.0,
    thermal_share: 15.0,
};
const FAR: Region = Region {
    name: "far",
    x_re: (-30.0, -20.0),
    j_y: 4.93,
    b_z: 1.61,
    tension: 9.5,
    ion_force: 3.1,
    electron_force: 1.1,
    ion_share: 40.0,
    electron_share: 15.0,
    pxz_share: 55.0,
    thermal_share: 25.0,
};

/// Two significant figures on each input of a ratio: about 5% on the result.
const TWO_FIGURE_RATIO: f64 = 0.05;

/// The thermal force of both fitted power laws at one reading of "where along X", N/m^3.
fn thermal_force(reading: Reading, region: &Region) -> Result<f64, ForceBalanceError> {
    let (ions, electrons) = (PowerLaw::ions(), PowerLaw::electrons());
    let (far, near) = region.x_re;
    let at = |x: f64| Ok::<f64, ForceBalanceError>(ions.gradient_force_n_m3(x)? + electrons.gradient_force_n_m3(x)?);
    match reading {
        Reading::ReferenceDistance => at(-super::power_law::REFERENCE_DISTANCE_RE),
        Reading::MidPoint => at(0.5 * (far + near)),
        Reading::RegionMean => Ok(ions.mean_gradient_force_n_m3(far, near)? + electrons.mean_gradient_force_n_m3(far, near)?),
        Reading::NearBoundary => at(near),
        Reading::FarBoundary => at(far),
    }
}

/// Where along X the gradient of the fitted power laws is evaluated: the paper does not say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
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
}

impl Reading {
    /// Every reading, in the order the chapter lists them.
    pub const ALL: [Reading; 5] = [Reading::ReferenceDistance, Reading::MidPoint, Reading::RegionMean, Reading::NearBoundary, Reading::FarBoundary];

    /// Short name.
    pub fn name(self) -> &'static str {
        match self {
            Reading::ReferenceDistance => "at X = -20 R_E",
            Reading::MidPoint => "mid-point",
            Reading::RegionMean => "region mean",
            Reading::NearBoundary => "Earthward boundary",
            Reading::FarBoundary => "tailward boundary",
        }
    }
}

/// The thermal share of the tension (%) for a region (`near` or `far`), a reading, and
/// either the stated tension or the product of the stated mean j_y and B_z.
///
/// # Errors
/// Only if the built-in fits were rejected.
pub fn thermal_share_percent(near: bool, reading: Reading, product_of_means: bool) -> Result<f64, ForceBalanceError> {
    let region = if near { &NEAR } else { &FAR };
    let tension = if product_of_means { region.j_y * region.b_z } else { region.tension };
    Ok(100.0 * to_na_nt_per_m2(thermal_force(reading, region)?) / tension)
}

/// The ledger of Zhang et al. (2025).
///
/// # Errors
/// [`ZhangClaimsError`] only if a stated parameter were rejected.
pub fn claims() -> Result<Ledger, ZhangClaimsError> {
    let mut ledger = Ledger::new();
    let paper = Paper::Zhang2025;
    let push = |ledger: &mut Ledger, claim: Result<Claim, ClaimError>| ledger.push(claim?);

    // The method: B_x/B0 = z/L in the central region of a Harris sheet.
    let edge = CENTRAL_REGION;
    let linear_error = 100.0 * (1.0 - edge / edge.atanh());
    push(&mut ledger, Claim::builder("zhang2025.central_region_linearity", paper)
        .source("Sec. 2")
        .quantity("largest relative error of B_x/B0 = z/L in the central region |B_x| < 0.5 B0 of a Harris sheet")
        .published(10.0, "%", "upper bound (less than 10%)")
        .reproduced(linear_error)
        .tolerance(Tolerance::absolute(1.5, "a bound: the computed maximum must lie just below it"))
        .status(Status::Reproduced)
        .note("z/L = atanh(B_x/B0); at the region edge 1 - 0.5/atanh(0.5) is the largest error.")
        .build())?;

    // The example event of 12 August 2017.
    let thickness_km = units::to_km(thickness_m(units::nanotesla(7.9), units::nanoampere_per_m2(9.3))?);
    push(&mut ledger, Claim::builder("zhang2025.example_thickness", paper)
        .source("Sec. 3, Fig. 1")
        .quantity("thickness L = B0/(mu0 j0) of the 12 August 2017 sheet from B0 = 7.9 nT and j0 = 9.3 nA/m^2")
        .published(673.0, "km", "3 s.f.")
        .reproduced(thickness_km)
        .tolerance(Tolerance::relative(0.012, "B0 and j0 are quoted to 2 s.f. (up to 1.2% together)"))
        .status(Status::Reproduced)
        .build())?;
    let d_i_km = 673.0 / 3.8;
    let density = (units::to_km(inertial_length(units::per_cm3(1.0), Species::PROTON)?) / d_i_km).powi(2);
    push(&mut ledger, Claim::builder("zhang2025.example_thickness_in_di", paper)
        .source("Sec. 3")
        .quantity("thickness of the example sheet in ion inertial lengths")
        .published(3.8, "d_i", "~, 2 s.f.")
        .tolerance(Tolerance::relative(0.03, "2 s.f."))
        .status(Status::NeedsData)
        .note(&format!("The density is not given; 673 km = 3.8 d_i implies n_i = {density:.2} cm^-3, which the event's FPI moments would confirm."))
        .build())?;
    push(&mut ledger, Claim::builder("zhang2025.example_b0", paper)
        .source("Sec. 3, Fig. 1")
        .quantity("B0 of the example event from the extremes of B_x, 7.3 and -8.5 nT")
        .published(7.9, "nT", "~, 2 s.f.")
        .reproduced(0.5 * (7.3 + 8.5))
        .tolerance(Tolerance::rounding(7.9, 2, "2 s.f."))
        .status(Status::Reproduced)
        .note("B0 is the mean of the two extreme |B_x|; the asymmetry (0.6 nT) is an offset of the centre.")
        .build())?;
    // The example tension needs the central B_z, which the text does not give.
    let central_mean_sech2 = CENTRAL_REGION / CENTRAL_REGION.atanh();
    let implied_b_z = 70.1 / (central_mean_sech2 * 9.3);
    push(&mut ledger, Claim::builder("zhang2025.example_tension", paper)
        .source("Sec. 3, Fig. 1")
        .quantity("magnetic tension <j_y><B_z> of the example event in its central region")
        .published(70.1, "nA nT/m^2", "3 s.f.")
        .tolerance(Tolerance::relative(0.01, "3 s.f."))
        .status(Status::NeedsData)
        .note(&format!(
            "Since <j_y> <= j0 = 9.3 nA/m^2, the tension needs <B_z> >= {:.1} nT; a Harris profile gives <j_y> = {:.3} j0 over \
             the central region and so <B_z> = {implied_b_z:.1} nT, comparable to B0 = 7.9 nT and far above the statistical \
             mean of 2.25 nT. The B_z of Fig. 1a would settle whether the stated tension is right.",
            70.1 / 9.3,
            central_mean_sech2
        ))
        .build())?;
    for (name, force, share) in [("ion", 35.3, 50.0), ("electron", 24.0, 34.0)] {
        push(&mut ledger, Claim::builder(&format!("zhang2025.example_{name}_share"), paper)
            .source("Sec. 3, Fig. 1")
            .quantity(&format!("{name} P_xz force {force} over the tension 70.1 nA nT/m^2"))
            .published(share, "%", "2 s.f.")
            .reproduced(100.0 * force / 70.1)
            .tolerance(Tolerance::rounding(share, 2, "rounded to 2 s.f."))
            .status(Status::Reproduced)
            .build())?;
    }

    // Mean tensions: the stated value against the product of the stated means.
    push(&mut ledger, Claim::builder("zhang2025.tension_all", paper)
        .source("Sec. 3, Fig. 2")
        .quantity("mean tension of all 104 sheets from <j_y> = 5.44 nA/m^2 and <B_z> = 2.25 nT")
        .published(12.3, "nA nT/m^2", "3 s.f.")
        .reproduced(5.44 * 2.25)
        .tolerance(Tolerance::relative(0.01, "3 s.f. inputs; a mean of per-event products may differ slightly"))
        .status(Status::Reproduced)
        .build())?;
    for region in [&NEAR, &FAR] {
        let product = region.j_y * region.b_z;
        push(&mut ledger, Claim::builder(&format!("zhang2025.tension_{}", region.name), paper)
            .source("Sec. 3, Fig. 2")
            .quantity(&format!("mean tension of the {}-Earth sheets from <j_y> = {} nA/m^2 and <B_z> = {} nT", region.name, region.j_y, region.b_z))
            .published(region.tension, "nA nT/m^2", "3 s.f.")
            .reproduced(product)
            .tolerance(Tolerance::relative(0.01, "3 s.f. inputs"))
            .status(Status::Discrepancy)
            .note(&format!(
                "The product of the stated means is {product:.2}, not {}: the stated tension must be the mean of per-event products. \
                 The shares the paper quotes for this region follow from {product:.2} (see the share claims).",
                region.tension
            ))
            .build())?;
    }

    // Shares of the P_xz forces, against the stated tension (and, in the notes, the product).
    for region in [&NEAR, &FAR] {
        let product = region.j_y * region.b_z;
        for (species, force, share) in [("ion", region.ion_force, region.ion_share), ("electron", region.electron_force, region.electron_share)] {
            let stated = 100.0 * force / region.tension;
            let with_product = 100.0 * force / product;
            let within = (stated - share).abs() <= TWO_FIGURE_RATIO * share + 0.5;
            push(&mut ledger, Claim::builder(&format!("zhang2025.{species}_share_{}", region.name), paper)
                .source("Sec. 3, Fig. 3")
                .quantity(&format!("{species} P_xz force {force} over the stated {}-Earth tension {}", region.name, region.tension))
                .published(share, "%", "2 s.f.")
                .reproduced(stated)
                .tolerance(Tolerance { relative: TWO_FIGURE_RATIO, absolute: 0.5, reason: "forces quoted to 2 s.f.".to_owned() })
                .status(if within { Status::Reproduced } else { Status::Discrepancy })
                .note(&format!("Over the product of the stated means ({product:.2}) the share is {with_product:.1}%."))
                .build())?;
        }
        let stated = 100.0 * (region.ion_force + region.electron_force) / region.tension;
        let with_product = 100.0 * (region.ion_force + region.electron_force) / product;
        let within = (stated - region.pxz_share).abs() <= TWO_FIGURE_RATIO * region.pxz_share + 0.5;
        push(&mut ledger, Claim::builder(&format!("zhang2025.pxz_share_{}", region.name), paper)
            .source("Abstract, Sec. 4")
            .quantity(&format!("total P_xz share of the {}-Earth tension", region.name))
            .published(region.pxz_share, "%", "2 s.f.")
            .reproduced(stated)
            .tolerance(Tolerance { relative: TWO_FIGURE_RATIO, absolute: 0.5, reason: "forces quoted to 2 s.f.".to_owned() })
            .status(if within { Status::Reproduced } else { Status::Discrepancy })
            .note(&format!("Over the product of the stated means ({product:.2}) the share is {with_product:.1}%."))
            .build())?;
    }

    // Thermal shares from the Fig. 4 power laws, under every reading.
    for (near, region) in [(true, &NEAR), (false, &FAR)] {
        let adopted = thermal_share_percent(near, Reading::ReferenceDistance, false)?;
        let mut readings = String::new();
        for reading in Reading::ALL {
            readings.push_str(&format!(
                "{}: {:.1}% ({:.1}% over the product of means); ",
                reading.name(),
                thermal_share_percent(near, reading, false)?,
                thermal_share_percent(near, reading, true)?
            ));
        }
        let tolerance = Tolerance { relative: TWO_FIGURE_RATIO, absolute: 0.5, reason: "a 2 s.f. percentage from 2-3 s.f. fits".to_owned() };
        let within = (adopted - region.thermal_share).abs() <= tolerance.absolute + tolerance.relative * region.thermal_share;
        push(&mut ledger, Claim::builder(&format!("zhang2025.thermal_share_{}", region.name), paper)
            .source("Sec. 3, Fig. 4; Sec. 4")
            .quantity(&format!("thermal pressure gradient share of the {}-Earth tension from the fitted P_i,xx and P_e,xx", region.name))
            .published(region.thermal_share, "%", "2 s.f.")
            .reproduced(adopted)
            .tolerance(tolerance)
            .status(if within { Status::Reproduced } else { Status::Discrepancy })
            .note(&format!(
                "The paper does not say where the gradient is taken. Adopted reading: at X = -20 R_E, the fits' reference \
                 distance, for both regions; it is the only reading that comes close to both published values. Readings, over \
                 the stated tension: {readings}"
            ))
            .build())?;
    }

    // Statements about all sheets together.
    let overall = 0.5 * (thermal_share_percent(true, Reading::ReferenceDistance, false)? + thermal_share_percent(false, Reading::ReferenceDistance, false)?);
    push(&mut ledger, Claim::builder("zhang2025.thermal_share_overall", paper)
        .source("Sec. 4")
        .quantity("thermal pressure gradient share of the tension over both regions (mean of the two, X = -20 R_E reading)")
        .published(20.0, "%", "around")
        .reproduced(overall)
        .tolerance(Tolerance::relative(0.25, "the paper says 'around'"))
        .status(Status::Reproduced)
        .build())?;
    push(&mut ledger, Claim::builder("zhang2025.mean_thickness", paper)
        .source("Sec. 3")
        .quantity("mean thickness L = B0/(mu0 j0) of the 104 sheets")
        .published(980.0, "km", "2-3 s.f.")
        .tolerance(Tolerance::relative(0.01, "3 s.f."))
        .status(Status::NeedsData)
        .note("Needs the per-event B0 and j0 (Fig. S3); the synthetic ensemble is built around this value, so it cannot test it.")
        .build())?;
    push(&mut ledger, Claim::builder("zhang2025.thin_sheet_fraction", paper)
        .source("Sec. 4, Fig. S4")
        .quantity("fraction of the sheets thinner than 3 d_i")
        .published(60.0, "%", "2 s.f.")
        .tolerance(Tolerance::absolute(5.0, "2 s.f."))
        .status(Status::NeedsData)
        .note("Needs each event's thickness and ion density.")
        .build())?;

    // The pressure ranges the text reads off Fig. 4, against the fits at the ends of the range.
    for (species, fit, values) in [("ion", PowerLaw::ions(), [(-30.0, 0.2), (-10.0, 0.4)]), ("electron", PowerLaw::electrons(), [(-30.0, 0.03), (-10.0, 0.12)])] {
        for (x, stated) in values {
            push(&mut ledger, Claim::builder(&format!("zhang2025.{species}_pressure_at_{}re", -x as i32), paper)
                .source("Sec. 3, Fig. 4")
                .quantity(&format!("{species} P_xx at X = {x} R_E, from the fitted power law"))
                .published(stated, "nPa", "~, read off the figure")
                .reproduced(fit.pressure_pa(x)? * 1e9)
                .tolerance(Tolerance::relative(0.25, "the text gives round values (~) for the scatter's ends"))
                .status(Status::Reproduced)
                .build())?;
        }
    }

    // The unbalanced remainder, from the paper's own shares.
    for (region, stated) in [(&NEAR, 55.0), (&FAR, 20.0)] {
        push(&mut ledger, Claim::builder(&format!("zhang2025.unbalanced_{}", region.name), paper)
            .source("Sec. 4")
            .quantity(&format!("unbalanced share of the {}-Earth tension, 100 - P_xz share - thermal share (the paper's own shares)", region.name))
            .published(stated, "%", "2 s.f.")
            .reproduced(100.0 - region.pxz_share - region.thermal_share)
            .tolerance(Tolerance::absolute(0.5, "integer percentages"))
            .status(Status::Reproduced)
            .note("Internally consistent with the stated shares; with the recomputed shares the remainders change (see the share claims).")
            .build())?;
    }
    Ok(ledger)
}

/// A force budget in percent of the tension.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BudgetShares {
    /// Thermal pressure gradient share, %.
    pub thermal: f64,
    /// Ion P_xz share, %.
    pub ion: f64,
    /// Electron P_xz share, %.
    pub electron: f64,
    /// What is left: 100 minus the others, %.
    pub unbalanced: f64,
}

/// The force budget of a region (`near` or far): as published, or recomputed from the
/// stated forces over the stated tension with the thermal gradient at X = -20 R_E.
///
/// # Errors
/// Only if the built-in fits were rejected.
pub fn budget(near: bool, published: bool) -> Result<BudgetShares, ForceBalanceError> {
    let region = if near { &NEAR } else { &FAR };
    let (thermal, ion, electron) = if published {
        (region.thermal_share, region.ion_share, region.electron_share)
    } else {
        (
            thermal_share_percent(near, Reading::ReferenceDistance, false)?,
            100.0 * region.ion_force / region.tension,
            100.0 * region.electron_force / region.tension,
        )
    };
    Ok(BudgetShares { thermal, ion, electron, unbalanced: 100.0 - thermal - ion - electron })
}
