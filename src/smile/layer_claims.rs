//! Claims the self-consistent layer bears on: the field ratio the paper says ensures pressure
//! balance, and the smile band and crescent narrowing the paper reads off its PIC run, asked
//! again of a layer whose fields are its own plasma's.

use super::claims::ShusterClaimsError;
use super::detector::{RingReading, narrowing_distance};
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
            .basis(Basis::Input)
            .note(&format!(
                "An echo of the input, as a check of the solver: the temperature comes from 1.37 by pressure balance and the far \
                 amplitudes are 1 and 1/8 at equal potentials, so the far field is 1.37 exactly whenever the layer's first integral \
                 P_zz + B_x^2/2 holds. It reaches {:.4}, the first integral holding to {:.2}% at the reference step of 0.04 d_e, \
                 which allows the field {error:.4} either way. That error grows as the step is refined (to about 0.8% at \
                 0.005 d_e, far field 1.364), because quasi-neutrality has several roots in places and the branch followed \
                 depends on the step; the chapter says so.",
                layer.field_ratio(),
                100.0 * layer.first_integral_error()
            ))
            .build()?,
    )?;

    let read = readings()?;
    let smiling = |readings: &[(f64, RingReading)]| -> String {
        let z: Vec<String> = readings
            .iter()
            .filter(|(_, r)| r.is_smile())
            .map(|(z, _)| format!("{z}"))
            .collect();
        if z.is_empty() {
            "nowhere".to_owned()
        } else {
            format!("at z = {} d_e", z.join(", "))
        }
    };
    let magnetospheric = |readings: &[(f64, RingReading)]| {
        readings
            .iter()
            .filter(|(z, _)| (1.0..=3.0).contains(z))
            .map(|(_, r)| *r)
            .collect::<Vec<RingReading>>()
    };
    let all_blue = magnetospheric(&read.full)
        .iter()
        .filter(|r| r.centre < 0.0 && r.eyes.iter().all(|e| *e < 0.0))
        .count();
    let scanned = magnetospheric(&read.full).len();
    ledger.push(
        Claim::builder("shuster2026.self_consistent_band", Paper::Shuster2026)
            .source("Results, Fig. 3a; Discussion")
            .quantity("width of the smile band, asked of a self-consistent layer")
            .published(paper::BAND_WIDTH_DE, "d_e")
            .basis(Basis::Model)
            .note(&format!(
                "The detector (1 d_e centred difference, from -1 to 4 d_e every {DETECTOR_STEP_DE} d_e) finds a smile in the whole \
                 self-consistent distribution {}, where the ring it reads is the drifting Harris population, not a crescent; on \
                 the magnetospheric side from 1 to 3 d_e, where the paper places its band (in its own coordinates), the centre and \
                 both eyes are negative at {all_blue} of {scanned} positions: all blue. Its crescent-carrying backgrounds alone \
                 smile {}. In this layer the normal smile band does not survive. A Harris population has one gradient sign at \
                 every velocity and labelled Maxwellians give step-like rings, so the model can hardly make one; the layer is one \
                 1D, time-independent equilibrium, not the PIC's EDR, whose distributions would settle the published value.",
                smiling(&read.full),
                smiling(&read.backgrounds),
            ))
            .build()?,
    )?;

    let (from, to) = paper::CRESCENT_EXTENTS_DEG;
    let (widest, at) = widest_crescent(&read.full).unwrap_or((0.0, 0.0));
    // On the magnetospheric side, where the crescent is; below the reversal the backgrounds'
    // ring is a narrow feature of the sheath plasma that also crosses 180 and 120 deg.
    let magnetospheric: Vec<(f64, RingReading)> = read
        .backgrounds
        .iter()
        .filter(|(z, _)| *z > 0.0)
        .copied()
        .collect();
    let narrowing = narrowing_distance(&magnetospheric, from, to).map_or_else(
        || "never narrow from 180 to 120 deg".to_owned(),
        |d| format!("narrow from 180 to 120 deg over {d:.2} +- {DETECTOR_STEP_DE} d_e"),
    );
    ledger.push(
        Claim::builder("shuster2026.self_consistent_narrowing", Paper::Shuster2026)
            .source("Results, Fig. 3b")
            .quantity("narrowing of the crescent's gyrophase extent, asked of a self-consistent layer")
            .published(paper::CRESCENT_NARROWING_DE, "d_e")
            .basis(Basis::Model)
            .note(&format!(
                "Read on the crescent-carrying backgrounds alone, on the magnetospheric side, the self-consistent layer's crescents {narrowing}, faster than \
                 the PIC's, as in the prescribed model (figure shuster2026.self_consistent, panel g). Read on the whole \
                 distribution the ring is the drifting Harris population, whose half-maximum width on a ring at its drift speed is \
                 about 75 deg (at most {widest:.0} deg, at z = {at:.3} d_e): that is not a crescent's extent. The PIC \
                 distributions would settle the published value."
            ))
            .build()?,
    )?;
    Ok(())
}
