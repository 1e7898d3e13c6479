//! Every number the workbook takes from Richard et al. (2025), typed once, with where it
//! stands in the paper and how precisely it is printed. Model code, figures, tests and
//! claims read them from here.

use crate::claims::{DataStatement, Precision, Quoted};

/// Ion anisotropy T_perp/T_par at the current-sheet centre of the example event, "~1.4".
pub const OBSERVED_PERP_OVER_PAR: Quoted = Quoted::new(
    1.4,
    Precision::Significant(2),
    "Sec. III.1",
    "observed T_perp/T_par",
);
/// Speiser density fraction n_s/n_i the paper infers from it with Eq. 9, "~0.57".
pub const SPEISER_FRACTION: Quoted =
    Quoted::new(0.57, Precision::Significant(2), "Sec. III.1", "n_s/n_i");
/// Speiser anisotropy A_s = T_s,par/T_s,perp, "~1/2": the value the equations use.
pub const SPEISER_ANISOTROPY: Quoted =
    Quoted::new(0.5, Precision::Exact, "Sec. II.2.2, before Eq. 10", "A_s");
/// Cold-ion perpendicular temperature range adopted for the MMS data set, eV.
pub const COLD_PERP_TEMPERATURE_EV: Quoted = Quoted::new(
    400.0,
    Precision::Range {
        lo: 200.0,
        hi: 600.0,
    },
    "Sec. III.1",
    "T_c,perp",
);
/// Parallel ion temperature range at the current-sheet edges, eV ("[1 keV, 6 keV]").
pub const ION_PAR_TEMPERATURE_EV: Quoted = Quoted::new(
    3500.0,
    Precision::Range {
        lo: 1000.0,
        hi: 6000.0,
    },
    "Sec. III.1",
    "T_i,par",
);
/// Its ends as printed, measured in the data set: one significant figure each, eV.
pub const ION_PAR_TEMPERATURE_ENDS_EV: [Quoted; 2] = [
    Quoted::new(
        1000.0,
        Precision::Significant(1),
        "Sec. III.1",
        "lower T_i,par",
    ),
    Quoted::new(
        6000.0,
        Precision::Significant(1),
        "Sec. III.1",
        "upper T_i,par",
    ),
];
/// The ends of the adopted cold-ion range, eV: chosen values, exact.
pub const COLD_PERP_TEMPERATURE_ENDS_EV: [Quoted; 2] = [
    Quoted::new(200.0, Precision::Exact, "Sec. III.1", "lower T_c,perp"),
    Quoted::new(600.0, Precision::Exact, "Sec. III.1", "upper T_c,perp"),
];
/// Lower end of the stated cold-ion range of eta_c, "1/10" (one significant figure).
pub const ETA_C_LOWER: Quoted = Quoted::new(
    0.1,
    Precision::Significant(1),
    "Sec. III.1",
    "lower end of eta_c",
);
/// Upper end of the stated cold-ion range of eta_c, "1/2" (one significant figure).
pub const ETA_C_UPPER: Quoted = Quoted::new(
    0.5,
    Precision::Significant(1),
    "Sec. III.1",
    "upper end of eta_c",
);
/// Median electron current fraction of the MMS data set, 0.3 (+0.4/-0.2).
pub const ETA_E: Quoted = Quoted::new(
    0.3,
    Precision::Stated { lo: 0.1, hi: 0.7 },
    "Sec. III.1",
    "eta_e",
);
/// Median Speiser drift ratio of the MMS data set, 3 (+2/-1).
pub const ETA_S: Quoted = Quoted::new(
    3.0,
    Precision::Stated { lo: 2.0, hi: 5.0 },
    "Sec. III.1",
    "eta_s",
);
/// The cold-ion current fraction drawn in Figure 1 (inside the stated range; the caption's
/// values are blank in the preprint).
pub const FIGURE_1_ETA_C: Quoted = Quoted::new(
    0.3,
    Precision::Range { lo: 0.1, hi: 0.5 },
    "Figure 1 (values blank in the caption)",
    "eta_c of Figure 1",
);
/// The stated limits are exact statements: R -> 1 (or R / x -> 1).
pub const EXACT_ONE: Quoted =
    Quoted::new(1.0, Precision::Exact, "Secs. II.2 and V", "a stated limit");
/// Reference lobe field B0 of the normalisation for the MMS comparison, nT.
pub const REFERENCE_FIELD_NT: Quoted =
    Quoted::new(21.6, Precision::Significant(3), "Sec. III.1", "B0");
/// Reference density n0 of the normalisation, cm^-3.
pub const REFERENCE_DENSITY_CM3: Quoted =
    Quoted::new(0.27, Precision::Significant(2), "Sec. III.1", "n0");
/// Lembège–Pellat equilibrium (Sec. IV.1.2): n_b/n_0 = 1/5.
pub const LP_BACKGROUND_RATIO: Quoted =
    Quoted::new(0.2, Precision::Exact, "Sec. IV.1.2", "n_b/n_0");
/// Lembège–Pellat ion temperature T_i0 = T_ib, m_i V_A0^2.
pub const LP_ION_TEMPERATURE: Quoted =
    Quoted::new(5.0 / 12.0, Precision::Exact, "Sec. IV.1.2", "T_i0");
/// Lembège–Pellat electron temperature T_e0 = T_eb, m_i V_A0^2.
pub const LP_ELECTRON_TEMPERATURE: Quoted =
    Quoted::new(1.0 / 12.0, Precision::Exact, "Sec. IV.1.2", "T_e0");
/// Lembège–Pellat ion drift v_iD, V_A0.
pub const LP_ION_DRIFT: Quoted = Quoted::new(1.0 / 3.0, Precision::Exact, "Sec. IV.1.2", "v_iD");
/// Lembège–Pellat electron drift v_eD, V_A0.
pub const LP_ELECTRON_DRIFT: Quoted =
    Quoted::new(-5.0 / 3.0, Precision::Exact, "Sec. IV.1.2", "v_eD");
/// The lobe field the normalisation V_A0 = B0/sqrt(mu0 m_i n0) implies, B0 units.
pub const LP_LOBE_FIELD: Quoted = Quoted::new(
    1.0,
    Precision::Exact,
    "Sec. IV.1.1 normalisation",
    "lobe field / B0",
);

const fn exact(value: f64, location: &'static str, what: &'static str) -> Quoted {
    Quoted::new(value, Precision::Exact, location, what)
}
const fn sig(value: f64, digits: u8, location: &'static str, what: &'static str) -> Quoted {
    Quoted::new(value, Precision::Significant(digits), location, what)
}

/// Ion-to-electron mass ratio of both PIC runs.
pub const MASS_RATIO: Quoted = exact(100.0, "Secs. IV.1.1 and IV.2.1", "m_i/m_e");
/// Reduced speed of light c/V_A0 of both runs.
pub const LIGHT_SPEED_RATIO: Quoted = exact(20.0, "Secs. IV.1.1 and IV.2.1", "c/V_A0");
/// PIC-LP cells per d_i (delta/d_i = 1/32).
pub const LP_CELLS_PER_DI: Quoted = exact(32.0, "Sec. IV.1.1", "d_i/delta");
/// PIC-LP domain, d_i (L_x, L_z).
pub const LP_DOMAIN_DI: [Quoted; 2] = [
    exact(64.0, "Sec. IV.1.1", "L_x"),
    exact(16.0, "Sec. IV.1.1", "L_z"),
];
/// PIC-LP particles per cell at the reference density n0.
pub const LP_PARTICLES_PER_CELL: Quoted = exact(425.0, "Sec. IV.1.1", "particles per cell");
/// PIC-LP Debye length in cells, "lambda_De = 0.46 delta".
pub const LP_DEBYE_IN_CELLS: Quoted = sig(0.46, 2, "Sec. IV.1.1", "lambda_De/delta");
/// PIC-LP particles in all, "~2 x 10^8".
pub const LP_PARTICLES: Quoted = sig(2e8, 1, "Sec. IV.1.1", "particles (LP)");
/// "T_e0 = T_i0/5": the ratio T_i0/T_e0 of the LP sheet.
pub const LP_TEMPERATURE_RATIO: Quoted = exact(5.0, "Sec. IV.1.2", "T_i0/T_e0");
/// PIC-HC domain, d_i (L_x, L_z).
pub const HC_DOMAIN_DI: [Quoted; 2] = [
    exact(200.0, "Sec. IV.2.1", "L_x"),
    exact(12.5, "Sec. IV.2.1", "L_z"),
];
/// PIC-HC cells (x, z).
pub const HC_CELLS: [Quoted; 2] = [
    exact(6400.0, "Sec. IV.2.1", "cells in x"),
    exact(1600.0, "Sec. IV.2.1", "cells in z"),
];
/// PIC-HC time step in inverse electron plasma frequencies.
pub const HC_TIME_STEP_PE: Quoted = exact(0.5, "Sec. IV.2.1", "dt omega_pe");
/// PIC-HC time step in inverse ion cyclotron frequencies, "0.0025".
pub const HC_TIME_STEP_CI: Quoted = sig(0.0025, 2, "Sec. IV.2.1", "dt omega_ci");
/// PIC-HC particles per cell at the inflow density n_c, "~30".
pub const HC_PARTICLES_PER_CELL: Quoted = sig(30.0, 1, "Sec. IV.2.1", "particles per cell (HC)");
/// PIC-HC particles in all, "~4.8 x 10^8".
pub const HC_PARTICLES: Quoted = sig(4.8e8, 2, "Sec. IV.2.1", "particles (HC)");
/// PIC-HC sheet: n_c/n0 and the half-thickness L, d_i (Eq. 18).
pub const HC_COLD_RATIO: Quoted = exact(0.2, "Sec. IV.2.2", "n_c/n0");
/// PIC-HC sheet half-thickness, d_i.
pub const HC_HALF_THICKNESS_DI: Quoted = exact(2.0, "Sec. IV.2.2", "L");
/// The isotropic limit: kappa^2 eta_e beta_i = 1 (Sec. II.1).
pub const ISOTROPIC_LIMIT: Quoted = exact(1.0, "Sec. II.1", "kappa^2 eta_e beta");
/// kappa at the cold-ion threshold of Eq. 8 (Sec. II.2.1).
pub const KAPPA_AT_COLD_THRESHOLD: Quoted = exact(0.0, "Sec. II.2.1", "kappa at Eq. 8");
/// The exponent of kappa against a particle's perpendicular speed, "kappa ~ 1/sqrt(v_perp)" (Sec. V).
pub const KAPPA_SPEED_EXPONENT: Quoted = exact(-0.5, "Sec. V", "d ln kappa / d ln v_perp");
/// The MVA direction l of the example event, GSM (Sec. III.1), components to two decimals.
pub const EXAMPLE_L_GSM: [Quoted; 3] = [
    Quoted::new(0.97, Precision::Decimals(2), "Sec. III.1", "l_x"),
    Quoted::new(-0.25, Precision::Decimals(2), "Sec. III.1", "l_y"),
    Quoted::new(0.02, Precision::Decimals(2), "Sec. III.1", "l_z"),
];
/// A unit vector's length.
pub const UNIT_LENGTH: Quoted = exact(1.0, "Sec. III.1 (an MVA eigenvector)", "unit length");

const EVENT: &str =
    "MMS FPI ion moments, FGM field and four-spacecraft curvature on 21 August 2017";
const LP: &str = "the output of the paper's PIC-LP run (from its authors)";
const HC: &str = "the output of the paper's PIC-HC run (from its authors)";

/// Numbers of the paper that only data (MMS, ARTEMIS, or its simulations' output) can check.
pub const DATA_STATEMENTS: [DataStatement; 16] = [
    data(
        "richard2025.vdf_count",
        "ion distributions in the 516 flows of Richard et al. (2022)",
        exact(235635.0, "Sec. III.1", "VDFs"),
        "1",
        "the MMS FPI-DIS burst distributions of the flow list of Richard et al. (2022)",
    ),
    data(
        "richard2025.example_mva_eigenratio",
        "ratio of the largest to the intermediate MVA eigenvalue of the example",
        sig(15.0, 2, "Sec. III.1", "lambda_max/lambda_int"),
        "1",
        "MVA of the MMS FGM field of the 21 August 2017 interval",
    ),
    data(
        "richard2025.example_edge_parallel_anisotropy",
        "T_perp/T_par at the sheet edges (B_l/B0 = +-0.3)",
        Quoted::new(1.0, Precision::Below, "Sec. III.1", "edge anisotropy"),
        "1",
        EVENT,
    ),
    data(
        "richard2025.example_edge_kappa",
        "curvature parameter where the anisotropy is parallel",
        Quoted::new(1.0, Precision::Above, "Sec. III.1", "edge kappa"),
        "1",
        EVENT,
    ),
    data(
        "richard2025.example_centre_perp_anisotropy",
        "T_perp/T_par at the sheet centre",
        Quoted::new(1.0, Precision::Above, "Sec. III.1", "centre anisotropy"),
        "1",
        EVENT,
    ),
    data(
        "richard2025.example_centre_kappa",
        "curvature parameter at the sheet centre (kappa << 1)",
        Quoted::new(1.0, Precision::Below, "Sec. III.1", "centre kappa"),
        "1",
        EVENT,
    ),
    data(
        "richard2025.artemis_near_isotropy",
        "T_perp/T_par of the ARTEMIS crossings ('nearly isotropic')",
        sig(1.0, 1, "Sec. III.2", "ARTEMIS anisotropy"),
        "1",
        "ARTEMIS ESA ion moments of the crossings of Kamaletdinov et al. (2024)",
    ),
    data(
        "richard2025.lp_peak_rate_time",
        "time of the peak reconnection rate of PIC-LP",
        sig(84.0, 2, "Sec. IV.1.3", "t omega_ci"),
        "1/omega_ci",
        LP,
    ),
    data(
        "richard2025.lp_peak_rate",
        "peak reconnection rate E_y,rec/E0 of PIC-LP",
        sig(0.07, 1, "Sec. IV.1.3", "peak rate"),
        "1",
        LP,
    ),
    data(
        "richard2025.lp_rate_window_half",
        "rate over the analysed window, relative to its peak",
        Quoted::new(0.5, Precision::Above, "Sec. IV.1.3", "rate window"),
        "1",
        LP,
    ),
    data(
        "richard2025.lp_kappa_contour_separation",
        "the kappa = 1 contour separating parallel from perpendicular anisotropy",
        exact(1.0, "Sec. IV.1.3, Fig. 3", "kappa contour"),
        "1",
        LP,
    ),
    data(
        "richard2025.lp_fieldline_match",
        "offset of the field line that matches the MMS event (the Fig. 3 caption gives 11 d_i)",
        sig(10.0, 2, "Sec. IV.1.3", "delta x"),
        "d_i",
        LP,
    ),
    data(
        "richard2025.lp_centre_perp_anisotropy",
        "T_perp/T_par near the sheet centre along the field line",
        Quoted::new(1.0, Precision::Above, "Sec. IV.1.3", "LP centre"),
        "1",
        LP,
    ),
    data(
        "richard2025.lp_edge_parallel_anisotropy",
        "T_perp/T_par at the sheet edges along the field line",
        Quoted::new(1.0, Precision::Below, "Sec. IV.1.3", "LP edges"),
        "1",
        LP,
    ),
    data(
        "richard2025.hc_kappa_anisotropy",
        "curvature parameter of the cold ions where their anisotropy is perpendicular",
        Quoted::new(1.0, Precision::Below, "Sec. IV.2.3", "HC kappa"),
        "1",
        HC,
    ),
    data(
        "richard2025.hc_perp_exceeds_marginal",
        "the kappa = 1 threshold of Eq. 12 that the perpendicular anisotropy exceeds (Fig. 4d)",
        exact(1.0, "Sec. IV.2.3, Fig. 4d", "HC marginal kappa"),
        "1",
        HC,
    ),
];

const fn data(
    id: &'static str,
    quantity: &'static str,
    published: Quoted,
    unit: &'static str,
    data: &'static str,
) -> DataStatement {
    DataStatement {
        id,
        quantity,
        published,
        unit,
        data,
    }
}
