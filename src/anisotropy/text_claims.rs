//! The numbers of Richard et al.'s text beyond the thresholds: the limits the model states in
//! passing, the simulations' set-up arithmetic (Debye length, time step, particle counts), the
//! example's MVA direction, and the statements only data or the simulations' output can check.

use super::published as paper;
use super::{CurrentFractions, Populations, RichardClaimsError, cold, model};
use crate::claims::{Basis, Claim, Ledger, Paper, PropagationError, corners, numerical};
use crate::plasma::{Species, gyroradius, units};

/// Round-off bound of a closed form evaluated in doubles (a few ulps of 1).
const CLOSED_FORM_ERROR: f64 = 1e-12;

/// Adds the text claims to `ledger`.
///
/// # Errors
/// [`RichardClaimsError`] if a model function or a claim fails.
pub fn text_claims(ledger: &mut Ledger) -> Result<(), RichardClaimsError> {
    limit_statements(ledger)?;
    simulation_set_up(ledger)?;
    particle_counts(ledger)?;
    let length = corners(&paper::EXAMPLE_L_GSM, |l| {
        Ok::<_, PropagationError>(l.iter().map(|c| c * c).sum::<f64>().sqrt())
    })?;
    ledger.push(
        Claim::builder("richard2025.example_mva_l", Paper::Richard2025)
            .source("Sec. III.1")
            .quantity("length of the printed MVA direction l = [0.97, -0.25, 0.02] (GSM)")
            .published(paper::UNIT_LENGTH, "1")
            .basis(Basis::Arithmetic)
            .computed(length)
            .note("The direction itself needs the event's magnetic field; its printed components are a unit vector to their precision.")
            .build()?,
    )?;
    for statement in paper::DATA_STATEMENTS {
        ledger.push(statement.claim(Paper::Richard2025)?)?;
    }
    Ok(())
}

fn limit_statements(ledger: &mut Ledger) -> Result<(), RichardClaimsError> {
    // Isotropic ions (no cold or Speiser ions): Eq. 4 gives kappa^2 = 1/(eta_e beta_i).
    let (eta_e, beta) = (paper::ETA_E.value, 1.0);
    let isotropic = Populations::new(0.0, 1.0, 0.0, paper::SPEISER_ANISOTROPY.value)?;
    let fractions = CurrentFractions::new(eta_e, paper::ETA_S.value, paper::FIGURE_1_ETA_C.value)?;
    let product = model::kappa_squared(&isotropic, &fractions, beta)? * eta_e * beta;
    ledger.push(
        Claim::builder("richard2025.isotropic_limit", Paper::Richard2025)
            .source("Sec. II.1, Eqs. 3-4")
            .quantity("kappa^2 eta_e beta_i for isotropic ions (n_c = n_s = 0), from Eq. 4 at eta_e = 0.3, beta_i = 1")
            .published(paper::ISOTROPIC_LIMIT, "1")
            .basis(Basis::Derivation)
            .computed(numerical(product, CLOSED_FORM_ERROR)?)
            .build()?,
    )?;
    // At the cold-ion threshold of Eq. 8 the denominator of Eq. 6 vanishes: kappa = 0.
    let eta_c = paper::FIGURE_1_ETA_C.value;
    let at_threshold = cold::threshold(eta_c, beta)?;
    let kappa_squared = cold::kappa_squared(at_threshold, beta, eta_e, eta_c)?;
    ledger.push(
        Claim::builder("richard2025.cold_threshold_kappa_zero", Paper::Richard2025)
            .source("Sec. II.2.1, Eqs. 6-8")
            .quantity("kappa^2 of Eq. 7 at the anisotropy of the Eq. 8 threshold (eta_c = 0.3, beta_par = 1)")
            .published(paper::KAPPA_AT_COLD_THRESHOLD, "1")
            .basis(Basis::Derivation)
            .computed(numerical(kappa_squared, CLOSED_FORM_ERROR)?)
            .build()?,
    )?;
    // A particle's kappa = sqrt(R_c / rho(v_perp)): the exponent against v_perp, measured.
    let (curvature_m, field_t, speed_ms) = (units::km(1000.0), units::nanotesla(20.0), 500e3);
    let kappa = |v: f64| -> Result<f64, RichardClaimsError> {
        Ok((curvature_m / gyroradius(v, field_t, Species::PROTON)?).sqrt())
    };
    let exponent = (kappa(2.0 * speed_ms)? / kappa(speed_ms)?).ln() / 2f64.ln();
    ledger.push(
        Claim::builder("richard2025.kappa_velocity_scaling", Paper::Richard2025)
            .source("Sec. V")
            .quantity("exponent of a particle's kappa = sqrt(R_c/rho) against its perpendicular speed")
            .published(paper::KAPPA_SPEED_EXPONENT, "1")
            .basis(Basis::Derivation)
            .computed(numerical(exponent, CLOSED_FORM_ERROR)?)
            .note("rho = m v_perp/(q B) is linear in v_perp, so kappa goes as v_perp^(-1/2): faster ions are scattered first.")
            .build()?,
    )?;
    Ok(())
}

fn simulation_set_up(ledger: &mut Ledger) -> Result<(), RichardClaimsError> {
    // lambda_De / d_i = sqrt(T_e/m_i) / c in units of V_A0 (T_e in m_i V_A0^2): with
    // d_i = c/omega_pi and lambda_De = sqrt(T_e/m_e)/omega_pe, the electron mass cancels.
    let debye = corners(
        &[
            paper::LP_ELECTRON_TEMPERATURE,
            paper::LIGHT_SPEED_RATIO,
            paper::LP_CELLS_PER_DI,
        ],
        |x| Ok::<_, PropagationError>(x[0].sqrt() / x[1] * x[2]),
    )?;
    ledger.push(
        Claim::builder("richard2025.lp_debye_length", Paper::Richard2025)
            .source("Sec. IV.1.1")
            .quantity("electron Debye length of PIC-LP at n0 in grid cells, from T_e0 = m_i V_A0^2/12, c/V_A0 = 20, delta = d_i/32")
            .published(paper::LP_DEBYE_IN_CELLS, "delta")
            .basis(Basis::Derivation)
            .computed(debye)
            .note("lambda_De/d_i = sqrt(T_e0/m_i)/c = 1/(20 sqrt(12)); the mass ratio cancels.")
            .build()?,
    )?;
    // omega_pe/omega_ci = (omega_pe/omega_pi)(omega_pi/omega_ci) = sqrt(m_i/m_e) c/V_A0.
    let step = corners(
        &[
            paper::HC_TIME_STEP_PE,
            paper::MASS_RATIO,
            paper::LIGHT_SPEED_RATIO,
        ],
        |x| Ok::<_, PropagationError>(x[0] / (x[1].sqrt() * x[2])),
    )?;
    ledger.push(
        Claim::builder("richard2025.hc_time_step", Paper::Richard2025)
            .source("Sec. IV.2.1")
            .quantity("the PIC-HC time step 0.5/omega_pe in 1/omega_ci, with m_i/m_e = 100 and c/V_A0 = 20 at n0")
            .published(paper::HC_TIME_STEP_CI, "1/omega_ci")
            .basis(Basis::Derivation)
            .computed(step)
            .build()?,
    )?;
    // Both temperatures are exact fractions; only the division's round-off is uncertain.
    let ratio = numerical(
        paper::LP_ION_TEMPERATURE.value / paper::LP_ELECTRON_TEMPERATURE.value,
        CLOSED_FORM_ERROR,
    )?;
    ledger.push(
        Claim::builder("richard2025.lp_temperature_ratio", Paper::Richard2025)
            .source("Sec. IV.1.2")
            .quantity("T_i0/T_e0 from T_i0 = 5/12 and T_e0 = 1/12 m_i V_A0^2")
            .published(paper::LP_TEMPERATURE_RATIO, "1")
            .basis(Basis::Arithmetic)
            .computed(ratio)
            .build()?,
    )?;
    Ok(())
}

/// The simulations' particle counts from their densities, grids and particles per cell.
fn particle_counts(ledger: &mut Ledger) -> Result<(), RichardClaimsError> {
    // PIC-HC: Eq. 18 summed over the cell centres, n_c carried by ~30 particles per cell.
    let [cells_x, cells_z] = paper::HC_CELLS.map(|q| q.value);
    let (length_z, half) = (
        paper::HC_DOMAIN_DI[1].value,
        paper::HC_HALF_THICKNESS_DI.value,
    );
    let n0_over_nc = 1.0 / paper::HC_COLD_RATIO.value;
    let dz = length_z / cells_z;
    let (mut sheet, mut inflow) = (0.0, 0.0);
    for k in 0..cells_z as usize {
        let z = -length_z / 2.0 + (k as f64 + 0.5) * dz;
        sheet += n0_over_nc / (z / half).cosh().powi(2);
        inflow += 0.5 + 0.5 * ((z.abs() - 2.0 * half) / (half / 2.0)).tanh();
    }
    let hc = |per_cell_sum: f64, species: f64| {
        corners(&[paper::HC_PARTICLES_PER_CELL], move |p| {
            Ok::<_, PropagationError>(species * p[0] * per_cell_sum * cells_x)
        })
    };
    ledger.push(
        Claim::builder("richard2025.hc_particle_count", Paper::Richard2025)
            .source("Sec. IV.2.1, Eq. 18")
            .quantity("particles of PIC-HC: Eq. 18 over the 6400 x 1600 cells, n_c carried by ~30 particles per cell")
            .published(paper::HC_PARTICLES, "1")
            .basis(Basis::Arithmetic)
            .reading("ions and electrons, both populations", hc(sheet + inflow, 2.0)?)
            .reading("one species, both populations", hc(sheet + inflow, 1.0)?)
            .reading_needing_data("the run's own macro-particle weights")
            .note(&format!(
                "Per species, the Harris population holds {:.2e} particles and the cold inflow {:.2e} at 30 per cell: no \
                 natural count gives 4.8e8. The grid is also odd: 200/6400 = d_i/32 along x but 12.5/1600 = d_i/128 along z, \
                 and walls at +-6.25 d_i leave little inflow; L_z = 50 d_i would give square cells (and 3.8e8 particles per \
                 species). The run's set-up would decide.",
                30.0 * sheet * cells_x,
                30.0 * inflow * cells_x
            ))
            .build()?,
    )?;
    // PIC-LP: the x = 0 profile of the Lembège–Pellat sheet, taken as uniform along x (the
    // equilibrium varies slowly in x, |epsilon| << 1: an approximation the count inherits).
    let half_height = paper::LP_DOMAIN_DI[1].value / 2.0;
    let cells_per_di = paper::LP_CELLS_PER_DI.value;
    let profile = super::lembege_pellat::LembegePellat::paper()
        .solve(half_height, 1.0 / cells_per_di)
        .map_err(|e| RichardClaimsError::Equilibrium(e.to_string()))?;
    // Cell sums over z >= 0 by the trapezoid rule, doubled for the symmetric half below.
    let half_sum: f64 = profile.n_i.windows(2).map(|w| 0.5 * (w[0] + w[1])).sum();
    let column = 2.0 * half_sum;
    let columns = paper::LP_DOMAIN_DI[0].value * cells_per_di;
    let lp = |species: f64| {
        corners(&[paper::LP_PARTICLES_PER_CELL], move |p| {
            Ok::<_, PropagationError>(species * p[0] * column * columns)
        })
    };
    ledger.push(
        Claim::builder("richard2025.lp_particle_count", Paper::Richard2025)
            .source("Sec. IV.1.1")
            .quantity("particles of PIC-LP: the Lembège–Pellat density over the 64 x 16 d_i grid at 425 particles per cell of n0")
            .published(paper::LP_PARTICLES, "1")
            .basis(Basis::Model)
            .reading("425 per cell for each species, ions and electrons", lp(2.0)?)
            .reading("425 per cell counting both species (or one species)", lp(1.0)?)
            .note(&format!(
                "The x = 0 column holds {column:.0} cells' worth of n0; the sheet is taken as uniform along x, which its weak x \
                 dependence only approximates."
            ))
            .build()?,
    )?;
    Ok(())
}
