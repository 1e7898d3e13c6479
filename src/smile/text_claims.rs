//! The numbers of Shuster et al.'s text that need no model: the instrument numbers of the
//! Methods against the instruments' own papers, the arithmetic of the Results, and the
//! statements only MMS data or the paper's simulation output can check.

use super::ShusterClaimsError;
use super::published as paper;
use crate::claims::{Basis, Claim, Ledger, Paper, PropagationError, Quoted, corners, exact};
use crate::instruments;

/// Adds the text claims to `ledger`.
///
/// # Errors
/// [`ShusterClaimsError`] if a claim is malformed.
pub fn text_claims(ledger: &mut Ledger) -> Result<(), ShusterClaimsError> {
    instrument_claims(ledger)?;
    arithmetic_claims(ledger)?;
    for statement in paper::DATA_STATEMENTS {
        ledger.push(statement.claim(Paper::Shuster2026)?)?;
    }
    Ok(())
}

fn instrument_claims(ledger: &mut Ledger) -> Result<(), ShusterClaimsError> {
    let spectrometers =
        f64::from(instruments::FPI_SPECTROMETERS_PER_OBSERVATORY * instruments::OBSERVATORIES);
    let cases: [(&str, &str, Quoted, &str, f64, &str); 5] = [
        (
            "fpi_spectrometer_count",
            "FPI spectrometers on the four spacecraft",
            paper::FPI_SPECTROMETERS,
            "1",
            spectrometers,
            "Four dual electron and four dual ion spectrometers per observatory, two sensor heads each, on four observatories (Pollock et al. 2016).",
        ),
        (
            "des_cadence",
            "FPI-DES burst cadence",
            paper::DES_CADENCE_S,
            "s",
            instruments::FPI_DES_BURST_CADENCE_S,
            "Pollock et al. (2016).",
        ),
        (
            "dis_cadence",
            "FPI-DIS burst cadence",
            paper::DIS_CADENCE_S,
            "s",
            instruments::FPI_DIS_BURST_CADENCE_S,
            "Pollock et al. (2016).",
        ),
        (
            "edp_sample_rate",
            "EDP burst sample rate",
            paper::EDP_RATE_HZ,
            "Hz",
            instruments::EDP_BURST_RATE_HZ,
            "Ergun et al. (2016); Lindqvist et al. (2016).",
        ),
        (
            "fgm_cadence",
            "FGM burst sample rate",
            paper::FGM_RATE_HZ,
            "Hz",
            instruments::FGM_BURST_RATE_HZ,
            "Russell et al. (2016).",
        ),
    ];
    for (name, quantity, published, unit, value, source) in cases {
        ledger.push(
            Claim::builder(&format!("shuster2026.{name}"), Paper::Shuster2026)
                .source(published.location)
                .quantity(&format!("{quantity}, against the instrument paper"))
                .published(published, unit)
                .basis(Basis::Input)
                .computed(exact(value)?)
                .note(source)
                .build()?,
        )?;
    }
    Ok(())
}

fn arithmetic_claims(ledger: &mut Ledger) -> Result<(), ShusterClaimsError> {
    let [before, after] = paper::EVENT_TEMPERATURE_ENDS_EV;
    ledger.push(
        Claim::builder("shuster2026.temperature_doubling", Paper::Shuster2026)
            .source("Results")
            .quantity("the rise of the electron temperature from 60 to 120 eV, as a ratio ('roughly double')")
            .published(paper::TEMPERATURE_DOUBLING, "1")
            .basis(Basis::Arithmetic)
            .computed(corners(&[before, after], |t| Ok::<_, PropagationError>(t[1] / t[0]))?)
            .build()?,
    )?;
    let ratio = corners(
        &[paper::THERMAL_SPEEDS_KM_S, paper::BULK_SPEEDS_KM_S],
        |v| Ok::<_, PropagationError>(v[0] / v[1]),
    )?;
    ledger.push(
        Claim::builder("shuster2026.thermal_to_bulk_ratio", Paper::Shuster2026)
            .source("Results")
            .quantity("thermal over bulk electron speed, from 5000–10,000 and 100–1000 km/s ('one to two orders of magnitude')")
            .published(paper::THERMAL_TO_BULK, "1")
            .basis(Basis::Arithmetic)
            .computed(ratio)
            .note(&format!(
                "The stated speeds give ratios from {:.0} to {:.0}: the upper end is two orders of magnitude, the lower end \
                 (fast bulk flow, cold electrons) less than one.",
                ratio.interval.lo(),
                ratio.interval.hi()
            ))
            .build()?,
    )?;
    for (name, quantity, ends, whole) in [
        (
            "band_width_from_edges",
            "the band's width in z from its stated edges, 1 and 3 d_e",
            paper::BAND_EDGES_DE,
            paper::BAND_WIDTH_DE,
        ),
        (
            "band_length_from_ends",
            "the band's length in x from its stated ends, 350 and 380 d_e",
            paper::BAND_ENDS_DE,
            paper::BAND_LENGTH_DE,
        ),
    ] {
        ledger.push(
            Claim::builder(&format!("shuster2026.{name}"), Paper::Shuster2026)
                .source(whole.location)
                .quantity(quantity)
                .published(whole, "d_e")
                .basis(Basis::Arithmetic)
                .computed(corners(&ends, |x| Ok::<_, PropagationError>(x[1] - x[0]))?)
                .build()?,
        )?;
    }
    Ok(())
}
