//! Every number the workbook takes from Richard et al. (2025), typed once, with where it
//! stands in the paper and how precisely it is printed. Model code, figures, tests and
//! claims read them from here.

use crate::claims::{Precision, Quoted};

/// Ion anisotropy T_perp/T_par at the current-sheet centre of the example event, "~1.4".
pub const OBSERVED_PERP_OVER_PAR: Quoted = Quoted::new(1.4, Precision::Significant(2), "Sec. III.1", "observed T_perp/T_par");
/// Speiser density fraction n_s/n_i the paper infers from it with Eq. 9, "~0.57".
pub const SPEISER_FRACTION: Quoted = Quoted::new(0.57, Precision::Significant(2), "Sec. III.1", "n_s/n_i");
/// Speiser anisotropy A_s = T_s,par/T_s,perp, "~1/2": the value the equations use.
pub const SPEISER_ANISOTROPY: Quoted = Quoted::new(0.5, Precision::Exact, "Sec. II.2.2, before Eq. 10", "A_s");
/// Cold-ion perpendicular temperature range adopted for the MMS data set, eV.
pub const COLD_PERP_TEMPERATURE_EV: Quoted = Quoted::new(400.0, Precision::Range { lo: 200.0, hi: 600.0 }, "Sec. III.1", "T_c,perp");
/// Parallel ion temperature range at the current-sheet edges, eV ("[1 keV, 6 keV]").
pub const ION_PAR_TEMPERATURE_EV: Quoted = Quoted::new(3500.0, Precision::Range { lo: 1000.0, hi: 6000.0 }, "Sec. III.1", "T_i,par");
/// Its ends as printed, measured in the data set: one significant figure each, eV.
pub const ION_PAR_TEMPERATURE_ENDS_EV: [Quoted; 2] =
    [Quoted::new(1000.0, Precision::Significant(1), "Sec. III.1", "lower T_i,par"), Quoted::new(6000.0, Precision::Significant(1), "Sec. III.1", "upper T_i,par")];
/// The ends of the adopted cold-ion range, eV: chosen values, exact.
pub const COLD_PERP_TEMPERATURE_ENDS_EV: [Quoted; 2] =
    [Quoted::new(200.0, Precision::Exact, "Sec. III.1", "lower T_c,perp"), Quoted::new(600.0, Precision::Exact, "Sec. III.1", "upper T_c,perp")];
/// Lower end of the stated cold-ion range of eta_c, "1/10" (one significant figure).
pub const ETA_C_LOWER: Quoted = Quoted::new(0.1, Precision::Significant(1), "Sec. III.1", "lower end of eta_c");
/// Upper end of the stated cold-ion range of eta_c, "1/2" (one significant figure).
pub const ETA_C_UPPER: Quoted = Quoted::new(0.5, Precision::Significant(1), "Sec. III.1", "upper end of eta_c");
/// Median electron current fraction of the MMS data set, 0.3 (+0.4/-0.2).
pub const ETA_E: Quoted = Quoted::new(0.3, Precision::Stated { lo: 0.1, hi: 0.7 }, "Sec. III.1", "eta_e");
/// Median Speiser drift ratio of the MMS data set, 3 (+2/-1).
pub const ETA_S: Quoted = Quoted::new(3.0, Precision::Stated { lo: 2.0, hi: 5.0 }, "Sec. III.1", "eta_s");
/// The cold-ion current fraction drawn in Figure 1 (inside the stated range; the caption's
/// values are blank in the preprint).
pub const FIGURE_1_ETA_C: Quoted = Quoted::new(0.3, Precision::Range { lo: 0.1, hi: 0.5 }, "Figure 1 (values blank in the caption)", "eta_c of Figure 1");
/// The stated limits are exact statements: R -> 1 (or R / x -> 1).
pub const EXACT_ONE: Quoted = Quoted::new(1.0, Precision::Exact, "Secs. II.2 and V", "a stated limit");
/// Reference lobe field B0 of the normalisation for the MMS comparison, nT.
pub const REFERENCE_FIELD_NT: Quoted = Quoted::new(21.6, Precision::Significant(3), "Sec. III.1", "B0");
/// Reference density n0 of the normalisation, cm^-3.
pub const REFERENCE_DENSITY_CM3: Quoted = Quoted::new(0.27, Precision::Significant(2), "Sec. III.1", "n0");
/// Lembège–Pellat equilibrium (Sec. IV.1.2): n_b/n_0 = 1/5.
pub const LP_BACKGROUND_RATIO: Quoted = Quoted::new(0.2, Precision::Exact, "Sec. IV.1.2", "n_b/n_0");
/// Lembège–Pellat ion temperature T_i0 = T_ib, m_i V_A0^2.
pub const LP_ION_TEMPERATURE: Quoted = Quoted::new(5.0 / 12.0, Precision::Exact, "Sec. IV.1.2", "T_i0");
/// Lembège–Pellat electron temperature T_e0 = T_eb, m_i V_A0^2.
pub const LP_ELECTRON_TEMPERATURE: Quoted = Quoted::new(1.0 / 12.0, Precision::Exact, "Sec. IV.1.2", "T_e0");
/// Lembège–Pellat ion drift v_iD, V_A0.
pub const LP_ION_DRIFT: Quoted = Quoted::new(1.0 / 3.0, Precision::Exact, "Sec. IV.1.2", "v_iD");
/// Lembège–Pellat electron drift v_eD, V_A0.
pub const LP_ELECTRON_DRIFT: Quoted = Quoted::new(-5.0 / 3.0, Precision::Exact, "Sec. IV.1.2", "v_eD");
/// The lobe field the normalisation V_A0 = B0/sqrt(mu0 m_i n0) implies, B0 units.
pub const LP_LOBE_FIELD: Quoted = Quoted::new(1.0, Precision::Exact, "Sec. IV.1.1 normalisation", "lobe field / B0");
