//! The numbers of Yang et al.'s text that do not need the equilibrium: the LMN frame, the
//! FPI energy channels (against the instrument's table), the conditions on Table 1, and the
//! count of contour intersections in the model's virtual crossing.

use super::YangClaimsError;
use super::crossing::{Formation, paper_levels, sample_strength};
use super::mu_iteration::adopted_equilibrium;
use super::published as paper;
use crate::claims::{Basis, Claim, Ledger, Paper, PropagationError, Quoted, corners, exact};
use crate::instruments::{
    DES_ENERGIES_BURST_PARITY_0_EV, DES_ENERGIES_BURST_PARITY_1_EV, DES_ENERGIES_FAST_EV,
    des_channel_nearest,
};
use nalgebra::Vector3;

/// Adds the text claims to `ledger`.
///
/// # Errors
/// [`YangClaimsError`] if a computation or a claim fails.
pub fn text_claims(ledger: &mut Ledger) -> Result<(), YangClaimsError> {
    frame_claims(ledger)?;
    channel_claims(ledger)?;
    table_condition_claims(ledger)?;
    intersection_claim(ledger)?;
    for statement in paper::DATA_STATEMENTS {
        ledger.push(statement.claim(Paper::Yang)?)?;
    }
    Ok(())
}

/// A 3-vector from three consecutive values.
fn vector(values: &[f64]) -> Vector3<f64> {
    Vector3::new(values[0], values[1], values[2])
}

/// The printed frame: unit axes, orthogonal pairs, right-handed. Corners of the printed
/// components' rounding boxes bound each quantity (each is monotone in every component over
/// a box that does not straddle zero; the corner method checks that).
fn frame_claims(ledger: &mut Ledger) -> Result<(), YangClaimsError> {
    let [l, m, n] = paper::LMN_GSE;
    let tried = "Tried: rounding of the printed components (the interval), truncation instead of rounding (every \
                 component up to 0.01 larger in size), and a sign slip in one vector.";
    for (name, axis) in [("l", l), ("m", m), ("n", n)] {
        let length =
            |axis: &[Quoted]| corners(axis, |x| Ok::<_, PropagationError>(vector(x).norm()));
        let truncated: f64 = axis
            .iter()
            .map(|c| (c.value.abs() + 0.01).powi(2))
            .sum::<f64>()
            .sqrt();
        let mut claim = Claim::builder(&format!("yang.lmn_{name}"), Paper::Yang)
            .source("Sec. 2")
            .quantity(&format!(
                "length of the printed {} axis",
                name.to_uppercase()
            ))
            .published(paper::UNIT_LENGTH, "1")
            .basis(Basis::Arithmetic);
        let as_printed = length(&axis)?;
        // L's first component one digit off (0.97 for 0.96) makes it a unit vector and
        // -M x N to 0.01: a reading of a slip in print.
        if name == "l" {
            let mut slipped = axis;
            slipped[0] = Quoted::new(
                0.97,
                slipped[0].precision,
                slipped[0].location,
                "L_x read as 0.97",
            );
            claim = claim
                .reading("as printed", as_printed)
                .reading("L_x = 0.97 (a one-digit slip)", length(&slipped)?);
        } else {
            claim = claim.computed(as_printed);
        }
        ledger.push(
            claim
                .note(&format!(
                    "|{}| = {:.4} from the printed components; read as truncated rather than rounded it reaches at most {truncated:.4}.",
                    name.to_uppercase(),
                    as_printed.value
                ))
                .build()?,
        )?;
    }
    for (pair, a, b) in [("lm", l, m), ("ln", l, n), ("mn", m, n)] {
        let inputs = [a[0], a[1], a[2], b[0], b[1], b[2]];
        let product = corners(&inputs, |x| {
            Ok::<_, PropagationError>(vector(&x[..3]).dot(&vector(&x[3..])))
        })?;
        let names = pair.to_uppercase();
        ledger.push(
            Claim::builder(&format!("yang.lmn_{pair}_orthogonality"), Paper::Yang)
                .source("Sec. 2")
                .quantity(&format!(
                    "dot product {}·{} of the printed axes",
                    &names[..1],
                    &names[1..]
                ))
                .published(paper::ORTHOGONAL, "1")
                .basis(Basis::Arithmetic)
                .computed(product)
                .note(&format!(
                    "{}·{} = {:.4} from the printed components. {tried}",
                    &names[..1],
                    &names[1..],
                    product.value
                ))
                .build()?,
        )?;
    }
    let inputs = [l[0], l[1], l[2], m[0], m[1], m[2], n[0], n[1]];
    let n_z = n[2].value;
    let handedness = |sign: f64| {
        move |x: &[f64]| {
            Ok::<_, PropagationError>(
                sign * vector(&x[..3])
                    .cross(&vector(&x[3..6]))
                    .dot(&Vector3::new(x[6], x[7], n_z)),
            )
        }
    };
    let as_printed = corners(&inputs, handedness(1.0))?;
    let n_flipped = corners(&inputs, handedness(-1.0))?;
    ledger.push(
        Claim::builder("yang.lmn_handedness", Paper::Yang)
            .source("Sec. 2")
            .quantity("(L × M)·N of the printed frame (positive for a right-handed frame)")
            .published(paper::RIGHT_HANDED, "1")
            .basis(Basis::Arithmetic)
            .reading("N as printed", as_printed)
            .reading("one axis with its sign reversed (a sign slip in print)", n_flipped)
            .note(&format!(
                "L × M points along -N as printed: (L × M)·N = {:.3}. Reversing any one printed axis makes the frame \
                 right-handed, which is the reading under which the paper is right (the paper does not say the frame is \
                 right-handed, but LMN frames are); the magnetic field data (the MDD analysis) would say which sign is off.",
                as_printed.value
            ))
            .build()?,
    )?;
    Ok(())
}

/// FPI DES channels: the paper's energies against the instrument's table.
fn channel_claims(ledger: &mut Ledger) -> Result<(), YangClaimsError> {
    let table_value = |quoted: Quoted| -> Result<(usize, f64), YangClaimsError> {
        let index = des_channel_nearest(&DES_ENERGIES_FAST_EV, quoted.value).ok_or(
            PropagationError::NonFinite {
                value: quoted.value,
                inputs: vec![],
            },
        )?;
        Ok((index, DES_ENERGIES_FAST_EV[index]))
    };
    let [first, second, third, fourth] = paper::TEXT_CHANNELS_EV;
    for (name, channel) in [
        ("32", first),
        ("40", second),
        ("52", paper::PAD_ENERGY_EV),
        ("66", third),
    ] {
        let (index, energy) = table_value(channel)?;
        ledger.push(
            Claim::builder(&format!("yang.energy_channel_{name}"), Paper::Yang)
                .source(channel.location)
                .quantity(&format!("the FPI DES channel the paper calls {name} eV"))
                .published(channel, "eV")
                .basis(Basis::Input)
                .computed(exact(energy)?)
                .note(&format!(
                    "Channel {index} of FPI's fast-survey electron table is {energy:.2} eV; the burst tables put it at {:.2} (parity 0) \
                     and {:.2} eV (parity 1).",
                    DES_ENERGIES_BURST_PARITY_0_EV[index], DES_ENERGIES_BURST_PARITY_1_EV[index]
                ))
                .build()?,
        )?;
    }
    let (third_index, _) = table_value(third)?;
    let next = third_index + 1;
    let fifth = DES_ENERGIES_FAST_EV[next];
    for (id, published, source) in [
        ("yang.fifth_energy_channel", fourth, "Sec. 4 text"),
        (
            "yang.fifth_energy_channel_caption",
            paper::CAPTION_FOURTH_CHANNEL_EV,
            "Figure 5 caption",
        ),
    ] {
        ledger.push(
            Claim::builder(id, Paper::Yang)
                .source(source)
                .quantity("the FPI DES channel after 66 eV")
                .published(published, "eV")
                .basis(Basis::Input)
                .computed(exact(fifth)?)
                .note(&format!(
                    "The text gives 88 eV and the caption 85 eV for the same channel. FPI's electron table puts the channel after \
                     {:.2} eV at {fifth:.2} eV (fast survey, the table whose rounded values are the paper's 32, 40, 52 and 66 eV); \
                     the burst tables give {:.2} and {:.2} eV, and neither of them matches the lower channels. 88 eV is in no table.",
                    DES_ENERGIES_FAST_EV[third_index], DES_ENERGIES_BURST_PARITY_0_EV[next], DES_ENERGIES_BURST_PARITY_1_EV[next]
                ))
                .build()?,
        )?;
    }
    let (first_index, _) = table_value(first)?;
    let (last_index, _) = table_value(paper::CAPTION_FOURTH_CHANNEL_EV)?;
    ledger.push(
        Claim::builder("yang.consecutive_channels", Paper::Yang)
            .source("Figure 5 caption")
            .quantity("table steps from the first to the last of the caption's 'four consecutive' channels, 32 and 85 eV")
            .published(paper::CAPTION_CONSECUTIVE_STEPS, "1")
            .basis(Basis::Input)
            .computed(exact((last_index - first_index) as f64)?)
            .note(
                "32, 40, 66 and 85 eV skip the 52 eV channel between 40 and 66 eV, so they are not consecutive; the 52 eV \
                 channel appears in Figure 1l instead. 'Four of five consecutive channels' is the reading under which the \
                 caption is right.",
            )
            .build()?,
    )?;
    let in_te = corners(
        &[paper::PAD_ENERGY_EV, paper::ELECTRON_TEMPERATURE_EV],
        |x| Ok::<_, PropagationError>(x[0] / x[1]),
    )?;
    ledger.push(
        Claim::builder("yang.pad_energy_in_te", Paper::Yang)
            .source("Sec. 2")
            .quantity("the Figure 1l PAD energy, 52 eV, in units of T_e = 33 eV")
            .published(paper::PAD_ENERGY_IN_TE, "T_e")
            .basis(Basis::Arithmetic)
            .computed(in_te)
            .build()?,
    )?;
    Ok(())
}

/// The model's conditions on Omega and alpha_r, against Table 1.
fn table_condition_claims(ledger: &mut Ledger) -> Result<(), YangClaimsError> {
    for (name, what, value) in [
        ("omega", "Omega", paper::OMEGA_RAD_S),
        ("alpha_r", "alpha_r", paper::ALPHA_R),
    ] {
        ledger.push(
            Claim::builder(&format!("yang.{name}_positive"), Paper::Yang)
                .source("Sec. 3, against Table 1")
                .quantity(&format!(
                    "Table 1's {what}, which Sec. 3 requires to be positive"
                ))
                .published(paper::POSITIVE, "1")
                .basis(Basis::Input)
                .computed(corners(&[value], |x| Ok::<_, PropagationError>(x[0]))?)
                .build()?,
        )?;
    }
    Ok(())
}

/// Every spacecraft's |B| rises through and falls below each contour once in the model, so
/// each contour has eight intersections: counted, not assumed.
fn intersection_claim(ledger: &mut Ledger) -> Result<(), YangClaimsError> {
    let adopted = adopted_equilibrium()?;
    let formation = Formation::chapter();
    let (_, series) = sample_strength(&formation, |p| {
        adopted.profile.field_magnitude_at(p[0].hypot(p[1]))
    })?;
    let crossings_of = |level: f64| -> usize {
        series
            .iter()
            .map(|s| {
                s.windows(2)
                    .filter(|w| (w[0] - level).signum() != (w[1] - level).signum())
                    .count()
            })
            .sum()
    };
    let counts: Vec<usize> = paper_levels().into_iter().map(crossings_of).collect();
    let (fewest, most) = (
        counts.iter().copied().min().unwrap_or(0),
        counts.iter().copied().max().unwrap_or(0),
    );
    ledger.push(
        Claim::builder("yang.intersections_per_contour", Paper::Yang)
            .source("Sec. 4")
            .quantity("intersections of the four virtual paths with each of the 11 contours, in the adopted model")
            .published(paper::INTERSECTIONS_PER_CONTOUR, "1")
            .basis(Basis::Model)
            .computed(exact(fewest as f64)?)
            .note(&format!("Counted on the sampled paths: {fewest} to {most} per contour."))
            .build()?,
    )?;
    Ok(())
}
