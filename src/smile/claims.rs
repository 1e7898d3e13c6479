//! The quantitative statements of Shuster et al. (2026): the order-of-magnitude estimates
//! and scales, checked against the paper's own numbers, and what the crescent model says
//! about the smile. Comparisons only: the numbers come from [`super::published`], the
//! physics from the model modules.

use super::crescent::CrescentModel;
use super::detector::{
    GradientEstimate, SCAN_STEP_DE, band, band_width, largest_smiling_side, narrowing_distance,
    scan, scan_positions, strongest,
};
use super::error::SmileError;
use super::gradient::TETRAHEDRON_ANGLES;
use super::published as paper;
use super::scales::{
    balancing_field_ratio, momentum_terms_ppa_per_km, physical_scales_at, pressure_balance,
};
use crate::claims::{
    Basis, Claim, ClaimError, Computed, Ledger, Paper, PropagationError, corners, exact,
};
use crate::plasma::{Species, inertial_length, units};

/// Why the claims could not be computed.
#[derive(Debug, thiserror::Error)]
pub enum ShusterClaimsError {
    /// The model failed.
    #[error(transparent)]
    Model(#[from] SmileError),
    /// A plasma parameter was rejected.
    #[error(transparent)]
    Plasma(#[from] crate::plasma::PlasmaError),
    /// An uncertainty could not be propagated.
    #[error(transparent)]
    Propagation(#[from] PropagationError),
    /// A claim was malformed.
    #[error(transparent)]
    Claim(#[from] ClaimError),
}

/// What the PIC comparison would need.
const NEEDS_PIC: &str = "A 1D exact-Vlasov layer with prescribed fields is not the PIC's 2D, time-dependent EDR; the PIC \
                         distributions (available from the authors) would settle it.";

/// d_e (km) at a density in cm^-3.
fn electron_inertial_length_km(n_cm3: f64) -> Result<f64, ShusterClaimsError> {
    Ok(units::to_km(inertial_length(
        units::per_cm3(n_cm3),
        Species::ELECTRON,
    )?))
}

/// The ledger of Shuster et al. (2026).
///
/// # Errors
/// [`ShusterClaimsError`] if a computation fails.
pub fn claims() -> Result<Ledger, ShusterClaimsError> {
    let mut ledger = Ledger::new();
    estimate_claims(&mut ledger)?;
    scale_claims(&mut ledger)?;
    model_claims(&mut ledger, &CrescentModel::reference())?;
    super::layer_claims::layer_claims(&mut ledger)?;
    super::text_claims::text_claims(&mut ledger)?;
    Ok(ledger)
}

fn estimate_claims(ledger: &mut Ledger) -> Result<(), ShusterClaimsError> {
    let terms = momentum_terms_ppa_per_km();
    let described = [
        (
            "time_derivative_term",
            "d(m_e n U)/dt for a 1000 km/s jet over 0.1 s at 10 cm^-3",
            paper::TIME_DERIVATIVE_TERM,
        ),
        (
            "inertial_term",
            "div(m_e n U U) for a 1000 km/s jet over 10 km at 10 cm^-3",
            paper::INERTIAL_TERM,
        ),
        (
            "pressure_term",
            "div P_e for a 60 eV rise over 10 km at 10 cm^-3",
            paper::PRESSURE_TERM,
        ),
    ];
    for ((id, term, published), value) in described.into_iter().zip(terms) {
        ledger.push(
            Claim::builder(&format!("shuster2026.{id}"), Paper::Shuster2026)
                .source("Results, order-of-magnitude estimates for Eq. 2")
                .quantity(term)
                .published(published, "pPa/km")
                .basis(Basis::Arithmetic)
                .computed(exact(value)?)
                .note("The estimate's inputs are the values it assumes, exact for this arithmetic.")
                .build()?,
        )?;
    }
    Ok(())
}

fn scale_claims(ledger: &mut Ledger) -> Result<(), ShusterClaimsError> {
    let in_de = |x: &[f64]| -> Result<f64, ShusterClaimsError> {
        Ok(x[0] / electron_inertial_length_km(x[1])?)
    };
    let separation = corners(&[paper::SEPARATION_KM, paper::MMS_DENSITY_CM3], in_de)?;
    ledger.push(
        Claim::builder("shuster2026.separation_in_de", Paper::Shuster2026)
            .source("Results, MMS event")
            .quantity("10 km spacecraft separation in electron inertial lengths at n_e = 7 cm^-3")
            .published(paper::SEPARATION_RESULTS_DE, "d_e")
            .basis(Basis::Arithmetic)
            .computed(separation)
            .build()?,
    )?;

    // The Discussion's d_e: which density makes 10 km = 7 to 10 d_e?
    let d_e_mms = electron_inertial_length_km(paper::MMS_DENSITY_CM3.value)?;
    let density_for = |count: f64| {
        paper::MMS_DENSITY_CM3.value * (d_e_mms * count / paper::SEPARATION_KM.value).powi(2)
    };
    let results_conversion = corners(&[paper::SEPARATION_RESULTS_DE], |x| {
        Ok::<_, PropagationError>(x[0])
    })?;
    ledger.push(
        Claim::builder("shuster2026.separation_discussion", Paper::Shuster2026)
            .source("Discussion")
            .quantity("the same 10 km separation in d_e (Discussion)")
            .published(paper::SEPARATION_DISCUSSION_DE, "d_e")
            .basis(Basis::Arithmetic)
            .reading("as the Results convert it (roughly 5 d_e)", results_conversion)
            .reading("from 'approximately 10 km' and n_e ~ 7 cm^-3 at their printed precision", separation)
            .reading_needing_data("d_e at a denser, magnetosheath-side reference")
            .note(&format!(
                "The Results and the Discussion convert the same 10 km at the same density, so they should agree: 5 d_e is not \
                 7 to 10. Only the looseness of 'approximately 10 km' (one figure) lets the inputs reach 7 d_e. A d_e taken \
                 from a denser reference would reconcile the sections: 10 km is 7 d_e at n_e = {:.1} cm^-3 and 10 d_e at {:.1} \
                 cm^-3; the paper does not give that density, and the event's magnetosheath density would decide.",
                density_for(7.0),
                density_for(10.0),
            ))
            .build()?,
    )?;
    let band_km = corners(&[paper::BAND_WIDTH_DE, paper::MMS_DENSITY_CM3], |x| {
        Ok::<_, ShusterClaimsError>(x[0] * electron_inertial_length_km(x[1])?)
    })?;
    ledger.push(
        Claim::builder("shuster2026.band_width_km", Paper::Shuster2026)
            .source("Discussion")
            .quantity("'about 2 d_e' of band width in km at n_e ~ 7 cm^-3")
            .published(paper::BAND_WIDTH_KM, "km")
            .basis(Basis::Arithmetic)
            .computed(band_km)
            .note(&format!(
                "2 d_e is {:.1} km at 7 cm^-3; 'about 2 d_e', printed to one figure, reaches down to 1.5 d_e and {:.1} km. 'Roughly \
                 2 or 3 km' fits 1.0 to 1.5 km per d_e, the denser reference that the Discussion's '7 to 10 d_e' suggests.",
                band_km.value,
                band_km.interval.lo()
            ))
            .build()?,
    )?;

    let length = corners(
        &[paper::STRUCTURE_SPEED_KM_S, paper::SMILE_DURATION_S],
        |x| Ok::<_, PropagationError>(x[0] * x[1]),
    )?;
    ledger.push(
        Claim::builder("shuster2026.smile_length_lower_bound", Paper::Shuster2026)
            .source("Results")
            .quantity("lower bound on the smile region's length, 100 km/s x 0.15 s")
            .published(paper::SMILE_LENGTH_KM, "km")
            .basis(Basis::Arithmetic)
            .computed(length)
            .build()?,
    )?;
    let length_de = corners(&[paper::SMILE_LENGTH_KM, paper::MMS_DENSITY_CM3], in_de)?;
    ledger.push(
        Claim::builder("shuster2026.smile_length_in_de", Paper::Shuster2026)
            .source("Results")
            .quantity("the 15 km lower bound in d_e at n_e = 7 cm^-3")
            .published(paper::SMILE_LENGTH_DE, "d_e")
            .basis(Basis::Arithmetic)
            .computed(length_de)
            .build()?,
    )?;
    let (steps, cadence) = (paper::SMILE_STEPS.value, paper::DES_CADENCE_S.value);
    ledger.push(
        Claim::builder("shuster2026.des_steps", Paper::Shuster2026)
            .source("Results and Methods (DES at 30 ms)")
            .quantity("duration of five consecutive DES distributions")
            .published(paper::SMILE_DURATION_S, "s")
            .basis(Basis::Arithmetic)
            .computed(exact(steps * cadence)?)
            .note(&format!(
                "Five 30 ms accumulation windows cover 0.15 s, the time five distributions take. (Their first and fifth time \
                 stamps are {:.2} s apart, but that is not how a duration of five steps is read.)",
                (steps - 1.0) * cadence
            ))
            .build()?,
    )?;

    let balance = pressure_balance(
        paper::DENSITY_RATIO.value,
        paper::FIELD_RATIO.value,
        paper::TEMPERATURE_RATIO.value,
    );
    ledger.push(
        Claim::builder("shuster2026.field_ratio", Paper::Shuster2026)
            .source("Methods, PIC set-up")
            .quantity("field ratio B_MSP/B_MSH that balances pressure for n_MSH/n_MSP = 8")
            .published(paper::FIELD_RATIO, "1")
            .basis(Basis::Derivation)
            .note(&format!(
                "Pressure balance with equal temperatures on both sides gives B_MSP/B_MSH = sqrt(1 + beta_MSH (1 - 1/8)), which \
                 needs the magnetosheath beta; the paper does not state it (the set-up of its ref. 4 would). 1.37 implies a \
                 total beta_MSH of {:.3} ({:.3} for electrons with T_i/T_e = 2, so v_th,e = {:.3} d_e Omega_ce) and {:.3} on the \
                 magnetospheric side; beta_MSH = 1 would give {:.4}.",
                balance.beta_sheath,
                balance.electron_beta_sheath,
                balance.electron_beta_sheath.sqrt(),
                balance.beta_sphere,
                balancing_field_ratio(paper::DENSITY_RATIO.value, 1.0)
            ))
            .build()?,
    )?;
    Ok(())
}

/// Claims about the smile itself. The paper's numbers come from its PIC run and from MMS;
/// the workbook's crescent model is an analogue whose layer and source are its own choices,
/// not the paper's inputs, so it cannot reproduce them: each claim needs the PIC output or the
/// MMS distributions, and its note gives what the analogue shows.
fn model_claims(ledger: &mut Ledger, model: &CrescentModel) -> Result<(), ShusterClaimsError> {
    let paper_id = Paper::Shuster2026;
    let readings = scan(
        model,
        GradientEstimate::Difference { dz: 1.0 },
        &scan_positions(),
    )?;
    let (smile_z, smile) = strongest(&readings).ok_or(SmileError::NoSmile {
        scan: "the reference scan",
    })?;
    let (start, end) = band(&readings).ok_or(SmileError::NoSmile {
        scan: "the reference scan",
    })?;
    let width = band_width(&readings, SCAN_STEP_DE).ok_or(SmileError::NoSmile {
        scan: "the reference scan",
    })?;
    let analogue = "The workbook's 1D crescent model (its layer and source are the workbook's choices, varied in the chapter)";
    ledger.push(
        Claim::builder("shuster2026.band_width", paper_id)
            .source("Results, Fig. 3a; Discussion")
            .quantity("width in z of the PIC band with a normal smile")
            .published(paper::BAND_WIDTH_DE, "d_e")
            .basis(Basis::Model)
            .note(&format!(
                "{analogue} smiles from z = {start:.3} to {end:.3} d_e, a band {width:.2} +- {SCAN_STEP_DE} d_e wide, narrower \
                 than the PIC's; where and how wide it is depends on the source position, the layer thickness and the normal \
                 field (figure shuster2026.band). {NEEDS_PIC}"
            ))
            .build()?,
    )?;

    let (from, to) = paper::CRESCENT_EXTENTS_DEG;
    let narrowing = narrowing_distance(&readings, from, to).ok_or(SmileError::NoSmile {
        scan: "the crescent-extent scan",
    })?;
    ledger.push(
        Claim::builder("shuster2026.crescent_narrowing", paper_id)
            .source("Results, Fig. 3b")
            .quantity("distance over which the PIC crescent's gyrophase extent shrinks from 180 to 120 deg")
            .published(paper::CRESCENT_NARROWING_DE, "d_e")
            .basis(Basis::Model)
            .note(&format!("{analogue} narrows the same way over {narrowing:.2} +- {SCAN_STEP_DE} d_e, faster than the PIC. {NEEDS_PIC}"))
            .build()?,
    )?;

    // Physical velocities: the ring speed scales with the thermal speed, so with sqrt(T_e)
    // over the event's 60-120 eV.
    let speed_at = |t_e: f64, eye: bool| -> Result<f64, ShusterClaimsError> {
        let scales = physical_scales_at(model, smile_z, paper::MMS_DENSITY_CM3.value, t_e)?;
        let speed = units::to_km(smile.ring_speed * scales.velocity_unit_ms(model.thermal_speed));
        Ok(if eye {
            speed * smile.eye_angles_deg[0].to_radians().sin().abs()
        } else {
            speed
        })
    };
    for (id, quantity, eye) in [
        (
            "smile_velocity",
            "v_perp1 of the smile's centre in the MMS parallel gradient",
            false,
        ),
        (
            "eye_velocity",
            "|v_perp2| of the eyes in the MMS parallel gradient",
            true,
        ),
    ] {
        let speeds: Computed = corners(&[paper::MMS_TEMPERATURE_EV], |t| speed_at(t[0], eye))?;
        ledger.push(
            Claim::builder(&format!("shuster2026.{id}"), paper_id)
                .source("Results, Fig. 2g")
                .quantity(quantity)
                .published(paper::SMILE_SPEED_KM_S, "km/s")
                .basis(Basis::Model)
                .note(&format!(
                    "{analogue} puts its strongest smile at z = {smile_z:.3} d_e with the ring at {:.2} v_th and the eyes at \
                     gyrophase +-{:.0} deg: {:.0} to {:.0} km/s over the event's T_e of 60 to 120 eV. The MMS distributions of \
                     the event would settle the published value.",
                    smile.ring_speed / model.thermal_speed,
                    smile.eye_angles_deg[0],
                    speeds.interval.lo(),
                    speeds.interval.hi()
                ))
                .build()?,
        )?;
    }

    // Gradient magnitudes: the paper's are MMS parallel gradients over ~5 d_e, the model's
    // normal gradients over 1 d_e.
    let scales = physical_scales_at(
        model,
        smile_z,
        paper::MMS_DENSITY_CM3.value,
        paper::MMS_TEMPERATURE_EV.value,
    )?;
    let per_km =
        scales.phase_space_density_unit_s3_cm6(model.thermal_speed) / scales.inertial_length_km();
    for (id, quantity, published, value) in [
        (
            "smile_magnitude",
            "parallel gradient at the smile's centre (MMS, Fig. 2g)",
            paper::SMILE_GRADIENT,
            smile.centre * per_km,
        ),
        (
            "eye_magnitude",
            "parallel gradient at the eyes (MMS, Fig. 2g)",
            paper::EYE_GRADIENT,
            smile.eyes[0] * per_km,
        ),
    ] {
        ledger.push(
            Claim::builder(&format!("shuster2026.{id}"), paper_id)
                .source("Results, Fig. 2g")
                .quantity(quantity)
                .published(published, "(s^3/cm^6)/km")
                .basis(Basis::Model)
                .note(&format!(
                    "The paper's number is the MMS parallel gradient over a ~5 d_e tetrahedron; the model has no parallel \
                     gradient (see parallel_smile). Its normal gradient over 1 d_e, in units where the model density at the \
                     smile is MMS2's 7 cm^-3 and T_e = 60 eV, is {value:.1e}: the same sign, a factor {:.1} larger in \
                     magnitude. The MMS distributions of the event would settle the published value.",
                    value / published.value
                ))
                .build()?,
        )?;
    }

    let sides: Vec<f64> = (1..=20).map(|k| 0.5 * f64::from(k)).collect();
    let largest = largest_smiling_side(model, smile_z, &sides, TETRAHEDRON_ANGLES)?.ok_or(
        SmileError::NoSmile {
            scan: "the tetrahedron scan",
        },
    )?;
    ledger.push(
        Claim::builder("shuster2026.washout_separation", paper_id)
            .source("Discussion")
            .quantity("width of the normal-smile band that a 7-10 d_e tetrahedron cannot resolve")
            .published(paper::BAND_WIDTH_DE, "d_e")
            .basis(Basis::Model)
            .note(&format!(
                "{analogue}: regular tetrahedra of 0.5 to 10 d_e centred at z = {smile_z:.3} d_e keep the normal smile up to a \
                 side of {largest} d_e and lose it by {} d_e. Over layers of several thicknesses the smile is lost at about \
                 3.2-3.7 band widths (smile::washout): a 2 d_e band would survive the Results' 5 d_e and be lost at the \
                 Discussion's 7-10 d_e, so the Discussion's argument holds only with its own conversion to d_e. The paper's own PIC estimate over 5 d_e (its Fig. 2i, parallel gradient) \
                 would settle the scale.",
                largest + (sides[1] - sides[0])
            ))
            .build()?,
    )?;

    ledger.push(
        Claim::builder("shuster2026.parallel_smile", paper_id)
            .source("Results, Fig. 2g and 2i")
            .quantity("parallel gradient at the smile")
            .published(paper::SMILE_GRADIENT, "(s^3/cm^6)/km")
            .basis(Basis::Model)
            .note(
                "In a 1D layer with B along x, f depends on z only, so grad_par f = (grad f) . b = 0 identically: the parallel \
                 smile needs the 2D structure along the outflow that the PIC and MMS have. The labelled quasi-2D stretch \
                 (figure shuster2026.parallel) gets one when the band's structures rise along x. The MMS distributions or the \
                 PIC output would settle it.",
            )
            .build()?,
    )?;
    ledger.push(
        Claim::builder("shuster2026.band_length", paper_id)
            .source("Results, Fig. 3a")
            .quantity("extent of the smile region along x")
            .published(paper::BAND_LENGTH_DE, "d_e")
            .basis(Basis::Model)
            .note("A 1D layer has no x dependence, so it cannot give a length along the outflow; the PIC output would.")
            .build()?,
    )?;
    Ok(())
}
