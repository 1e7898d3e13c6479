//! Claims the self-consistent layer bears on: the field ratio the paper says ensures pressure
//! balance, and the smile band and crescent narrowing the paper reads off its PIC run, asked
//! again of a layer whose fields are its own plasma's.

use super::claims::ShusterClaimsError;
use super::detector::{band, band_width, narrowing_distance, strongest};
use super::published as paper;
use super::self_consistent::SelfConsistentLayer;
use super::self_consistent::question::{DETECTOR_STEP_DE, readings, widest_crescent};
use crate::claims::{Basis, Claim, Ledger, Paper, numerical};

/// The self-consistent layer's claims.
///
/// # Errors
/// [`ShusterClaimsError`] if the solve or a scan fails.
pub(super) fn layer_claims(ledger: &mut Ledger) -> Result<(), ShusterClaimsError> {
    let layer = SelfConsistentLayer::reference()?;
    let p = &layer.profile;
    // B_+^2/2 = C - P_+: an error dC in the first integral moves B_+ by dC / B_+, against a
    // magnetosheath field of |B_-| = 1 at the start.
    let start = p.pressure_zz[0] + 0.5 * p.b_x[0] * p.b_x[0];
    let far = p.b_x[p.b_x.len() - 1];
    let error = layer.first_integral_error() * start / far / p.b_x[0].abs();
    ledger.push(
        Claim::builder("shuster2026.self_consistent_field_ratio", Paper::Shuster2026)
            .source("Methods")
            .quantity("B_MSP/B_MSH of a self-consistent layer with the PIC's density and temperature ratios")
            .published(paper::FIELD_RATIO, "")
            .computed(numerical(layer.field_ratio(), error)?)
            .basis(Basis::Model)
            .note(&format!(
                "The paper's 1.37 sets the temperature through pressure balance between the far sides; the self-consistent \
                 layer (electrons and ions as functions of the constants of motion, Ampère and quasi-neutrality integrated from \
                 the magnetosheath) must then arrive at it on its own. It reaches {:.4}; its first integral P_zz + B_x^2/2 holds \
                 to {:.2}%, which allows the field {error:.4} either way. A check that the layer is an equilibrium with the \
                 paper's ratios, not an independent derivation of 1.37.",
                layer.field_ratio(),
                100.0 * layer.first_integral_error()
            ))
            .build()?,
    )?;

    let [own, _] = readings()?;
    let found = match (band(&own), band_width(&own, DETECTOR_STEP_DE), strongest(&own)) {
        (Some((start, end)), Some(width), Some((z, r))) => format!(
            "The detector (1 d_e centred difference) finds a smile only from z = {start:.3} to {end:.3} d_e ({width:.3} d_e \
             including one step), strongest at z = {z:.3} d_e (strength {:.2}), on the magnetosheath side of the reversal and \
             at the reversal, where the ring it reads is the current-carrying drifting population rather than a crescent",
            r.smile_strength()
        ),
        _ => "The detector (1 d_e centred difference) finds no smile anywhere from -1 to 4 d_e".to_owned(),
    };
    let sphere_sign = own.iter().filter(|(z, _)| *z >= 1.0 && *z <= 3.0).map(|(_, r)| r.smile_strength()).fold(f64::INFINITY, f64::min);
    ledger.push(
        Claim::builder("shuster2026.self_consistent_band", Paper::Shuster2026)
            .source("Results, Fig. 3a; Discussion")
            .quantity("width of the smile band, asked of a self-consistent layer")
            .published(paper::BAND_WIDTH_DE, "d_e")
            .basis(Basis::Model)
            .note(&format!(
                "{found}. From z = 1 to 3 d_e on the magnetospheric side, where the paper's PIC band lies, the pattern is \
                 inverted (strength down to {sphere_sign:.2}: the crescent's phase-space density falls with z at its centre). \
                 In this layer the smile band does not survive; the layer is one self-consistent equilibrium, 1D and \
                 time-independent, not the PIC's EDR, whose distributions would settle the published value."
            ))
            .build()?,
    )?;

    let (from, to) = paper::CRESCENT_EXTENTS_DEG;
    let (widest, at) = widest_crescent(&own).unwrap_or((0.0, 0.0));
    let narrowing = narrowing_distance(&own, from, to).map_or_else(|| "never passes from 180 to 120 deg".to_owned(), |d| format!("narrows from 180 to 120 deg over {d:.2} d_e"));
    ledger.push(
        Claim::builder("shuster2026.self_consistent_narrowing", Paper::Shuster2026)
            .source("Results, Fig. 3b")
            .quantity("narrowing of the crescent's gyrophase extent, asked of a self-consistent layer")
            .published(paper::CRESCENT_NARROWING_DE, "d_e")
            .basis(Basis::Model)
            .note(&format!(
                "On the magnetospheric side the self-consistent layer's crescent is at most {widest:.0} deg wide (at z = \
                 {at:.3} d_e) and {narrowing}: its crescent is narrower than the PIC's from the start and shrinks further \
                 with z (figure shuster2026.self_consistent, panel g). The PIC distributions would settle the published value."
            ))
            .build()?,
    )?;
    Ok(())
}
