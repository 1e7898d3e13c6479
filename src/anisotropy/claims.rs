//! The quantitative statements of Richard et al. (2025) that follow from its equations and
//! stated parameters, computed.

use super::{AnisotropyError, CurrentFractions, cold, speiser};
use crate::claims::{Claim, ClaimError, Ledger, Paper, Status, Tolerance};

/// Why the claims could not be computed.
#[derive(Debug, thiserror::Error)]
pub enum RichardClaimsError {
    /// A model function rejected its input.
    #[error(transparent)]
    Model(#[from] AnisotropyError),
    /// The equilibrium solver failed.
    #[error("equilibrium: {0}")]
    Equilibrium(String),
    /// A claim was malformed.
    #[error(transparent)]
    Claim(#[from] ClaimError),
}

/// Anisotropy observed at the current-sheet centre of the 21 August 2017 event (Sec. III.1).
const OBSERVED_PERP_OVER_PAR: f64 = 1.4;
/// Cold-ion perpendicular temperatures adopted in Sec. III.1, eV.
const COLD_PERP_TEMPERATURE_EV: [f64; 2] = [200.0, 600.0];
/// Parallel ion temperatures at the current-sheet edges in Sec. III.1, eV.
const ION_PAR_TEMPERATURE_EV: [f64; 2] = [1000.0, 6000.0];
/// Where "eta_c^2 beta -> 0" and "eta_s -> 0 / infinity" are evaluated: far enough that the
/// next order is below 1e-6.
const SMALL: f64 = 1e-8;

/// The ledger of Richard et al. (2025).
///
/// # Errors
/// [`RichardClaimsError`] only if a stated parameter were rejected by the model.
pub fn claims() -> Result<Ledger, RichardClaimsError> {
    let mut ledger = Ledger::new();
    let paper = Paper::Richard2025;

    let n_s = speiser::density_fraction(OBSERVED_PERP_OVER_PAR, speiser::SPEISER_ANISOTROPY)?;
    ledger.push(
        Claim::builder("richard2025.speiser_fraction", paper)
            .source("Sec. III.1, Eq. 9")
            .quantity("Speiser density fraction n_s/n_i implied by T_perp/T_par = 1.4 with A_s = 1/2")
            .published(0.57, "1", "2 s.f.")
            .reproduced(n_s)
            .tolerance(Tolerance::rounding(0.57, 2, "the paper rounds to 2 significant figures"))
            .status(Status::Reproduced)
            .build()?,
    )?;

    // eta_c from the stated temperature ranges, under each plausible reading.
    let [t_c_low, t_c_high] = COLD_PERP_TEMPERATURE_EV;
    let [t_i_low, t_i_high] = ION_PAR_TEMPERATURE_EV;
    let eta = CurrentFractions::eta_c_from_temperatures;
    let (definition_low, definition_high) = (eta(t_c_low, t_i_high)?, eta(t_c_high, t_i_low)?);
    let squared = (definition_low.powi(2), definition_high.powi(2));
    let paired = (eta(t_c_high, t_i_high)?, eta(t_c_low, t_i_low)?);
    let readings = format!(
        "With eta_c = sqrt(T_c,perp/T_i,par) (Eq. 2) the extremes of [200, 600] eV over [1, 6] keV give \
         [{:.3}, {:.3}]; reading the range as eta_c^2 gives [{:.3}, {:.3}]; pairing the lower ends and the \
         upper ends gives eta_c in [{:.3}, {:.3}]. No reading gives [1/10, 1/2].",
        definition_low, definition_high, squared.0, squared.1, paired.0, paired.1
    );
    for (name, published, reproduced, end) in [("eta_c_lower", 0.1, definition_low, "lower"), ("eta_c_upper", 0.5, definition_high, "upper")] {
        ledger.push(
            Claim::builder(&format!("richard2025.{name}"), paper)
                .source("Sec. III.1")
                .quantity(&format!("{end} end of the cold-ion range of eta_c from T_c,perp in [200, 600] eV and T_i,par in [1, 6] keV"))
                .published(published, "1", "exact fraction (1/10, 1/2)")
                .reproduced(reproduced)
                .tolerance(Tolerance::relative(0.1, "a range quoted as simple fractions"))
                .status(Status::Discrepancy)
                .note(&readings)
                .build()?,
        )?;
    }

    // The eta_c^2 beta -> 0 limit of Eq. 8, as the ratio R_c / (eta_c^2 beta).
    let small_ratio = cold::threshold(1.0, SMALL)? / SMALL;
    ledger.push(
        Claim::builder("richard2025.small_beta_limit", paper)
            .source("Sec. V (Discussion), limit of Eq. 8")
            .quantity("R_c / (eta_c^2 beta_par) as eta_c^2 beta_par -> 0")
            .published(1.0, "1", "stated limit R_c -> eta_c^2 beta_par")
            .reproduced(small_ratio)
            .tolerance(Tolerance::relative(1e-6, "a limit: exact up to the next order"))
            .status(Status::Discrepancy)
            .note("Eq. 8, R_c = (1 + 2/(eta_c^2 beta))^-1, tends to eta_c^2 beta / 2, not eta_c^2 beta: the stated limit drops a factor 2.")
            .build()?,
    )?;

    // The eta_s limits of Eq. 12, at the MMS median eta_e = 0.3 and beta_par = 1.
    let (eta_e, beta) = (0.3, 1.0);
    let small_eta_s = speiser::threshold(1.0, beta, eta_e, SMALL)? * eta_e * beta;
    ledger.push(
        Claim::builder("richard2025.small_eta_s_limit", paper)
            .source("Sec. II.2.2, limit of Eq. 12")
            .quantity("R_s eta_e beta_par as eta_s -> 0 (stated limit R_s -> 1/(eta_e beta_par))")
            .published(1.0, "1", "exact limit")
            .reproduced(small_eta_s)
            .tolerance(Tolerance::relative(1e-6, "a limit: exact up to the next order"))
            .status(Status::Reproduced)
            .build()?,
    )?;
    let large_eta_s = speiser::threshold(1.0, beta, eta_e, 1.0 / SMALL)?;
    ledger.push(
        Claim::builder("richard2025.large_eta_s_limit", paper)
            .source("Sec. II.2.2, limit of Eq. 12")
            .quantity("R_s as eta_s -> infinity")
            .published(1.0, "1", "exact limit")
            .reproduced(large_eta_s)
            .tolerance(Tolerance::relative(1e-6, "a limit: exact up to the next order"))
            .status(Status::Reproduced)
            .build()?,
    )?;

    // "With eta_c = 1 we recover the classic fluid firehose": compare at beta_par = 10.
    let firehose_beta = 10.0;
    let single_population = cold::threshold(1.0, firehose_beta)?;
    let firehose = cold::fluid_firehose(firehose_beta)?;
    ledger.push(
        Claim::builder("richard2025.firehose_equivalence", paper)
            .source("Sec. II.2.1, after Eq. 8")
            .quantity("T_perp/T_par at the Eq. 8 threshold with eta_c = 1, beta_par = 10, against the fluid firehose 1 - 2/beta_par")
            .published(firehose, "1", "stated equivalence with the fluid firehose")
            .reproduced(single_population)
            .tolerance(Tolerance::relative(0.01, "an equivalence should hold to round-off; 1% is generous"))
            .status(Status::Discrepancy)
            .note(&format!(
                "Eq. 8 with eta_c = 1 is beta_par - beta_perp = 2 T_perp/T_par, the firehose is beta_par - beta_perp = 2: \
                 they coincide only to first order in 2/beta_par, differing by a^2/(1+a) with a = 2/beta_par \
                 ({:.3} at beta_par = 10; at beta_par = 2 the firehose threshold is {} while Eq. 8 gives {}).",
                single_population - firehose,
                cold::fluid_firehose(2.0)?,
                cold::threshold(1.0, 2.0)?
            ))
            .build()?,
    )?;
    let lobe = super::lembege_pellat::LembegePellat::paper().lobe_field().map_err(|e| RichardClaimsError::Equilibrium(e.to_string()))?;
    ledger.push(
        Claim::builder("richard2025.lp_lobe_field", paper)
            .source("Sec. IV.1.2, Eqs. 13-15")
            .quantity("lobe field implied by pressure balance of the stated PIC-LP parameters, in units of B0")
            .published(1.0, "B0", "exact (the normalisation V_A0 = B0/sqrt(mu0 m_i n0))")
            .reproduced(lobe)
            .tolerance(Tolerance::relative(1e-9, "an identity of the stated parameters"))
            .status(Status::Reproduced)
            .build()?,
    )?;
    Ok(ledger)
}
