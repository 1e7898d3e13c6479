//! Every number the workbook takes from Yang et al., typed once, with where it stands in the
//! paper and how precisely it is printed. Model code, figures, tests and claims read them
//! from here.

use crate::claims::{DataStatement, Precision, Quoted};

const fn sig(value: f64, digits: u8, location: &'static str, what: &'static str) -> Quoted {
    Quoted::new(value, Precision::Significant(digits), location, what)
}

/// "Comparable to x". A "~" adds nothing to a printed number's interval in this ledger (its
/// digits fix it: "~1.2" is [1.15, 1.25]), but the paper twice says only that one size is
/// *comparable* to another (Sec. 2: V_perp dt and rho_i; Sec. 4: the Eq. 6 effect and the
/// flux variation). The ledger's rule for "of the order of x" is the order of magnitude (a
/// factor sqrt(10) either way); "comparable to" is read by the same rule, applied to the
/// size of what is compared.
const fn comparable(value: f64, location: &'static str, what: &'static str) -> Quoted {
    Quoted::new(value, Precision::OrderOfMagnitude, location, what)
}

// Table 1, in the table's units.
/// alpha_r, weight of the negative rotation component.
pub const ALPHA_R: Quoted = sig(0.75, 2, "Table 1", "alpha_r");
/// alpha_z, weight of the axial moving component.
pub const ALPHA_Z: Quoted = sig(0.35, 2, "Table 1", "alpha_z");
/// n_i, cm^-3.
pub const ION_DENSITY_CM3: Quoted = sig(42.0, 2, "Table 1", "n_i");
/// B0z, the field strength at the centre, nT: the model's boundary condition.
pub const CENTRE_FIELD_NT: Quoted = sig(22.0, 2, "Table 1", "B0z");
/// Omega, the rotation component's angular velocity, s^-1 (read as rad/s).
pub const OMEGA_RAD_S: Quoted = sig(5.75, 3, "Table 1", "Omega");
/// V, the axial component's velocity, km/s.
pub const AXIAL_VELOCITY_KM_S: Quoted = sig(216.0, 3, "Table 1", "V");
/// b_b, mu-term coefficient of the background.
pub const B_BACKGROUND: Quoted = sig(-0.07, 1, "Table 1", "b_b");
/// b_r, mu-term coefficient of the rotation component (printed 0: switched off).
pub const B_ROTATION: Quoted = Quoted::new(0.0, Precision::Exact, "Table 1", "b_r");
/// b_z, mu-term coefficient of the axial component.
pub const B_AXIAL: Quoted = sig(0.53, 2, "Table 1", "b_z");
/// T_eb, background electron temperature, eV.
pub const BACKGROUND_TEMPERATURE_EV: Quoted = sig(34.8, 3, "Table 1", "T_eb");
/// tau_r = T_er/T_eb.
pub const TAU_R: Quoted = sig(1.05, 3, "Table 1", "tau_r");
/// tau_z = T_ez/T_eb.
pub const TAU_Z: Quoted = sig(0.4, 1, "Table 1", "tau_z");
/// tau_i = T_i/T_eb.
pub const TAU_I: Quoted = sig(3.7, 2, "Table 1", "tau_i");

// The event (Sec. 2) and the comparison (Sec. 4).
/// Background field outside the rope, nT.
pub const BACKGROUND_FIELD_NT: Quoted = sig(15.0, 2, "Sec. 2", "background field");
/// The observed peak field strength at the rope centre, nT (Sec. 2, Figure 1a). Table 1's
/// B0z is this number taken over as the boundary condition.
pub const OBSERVED_PEAK_FIELD_NT: Quoted = sig(22.0, 2, "Sec. 2, Figure 1a", "observed peak |B|");
/// Duration of the field enhancement, "~0.5 s".
pub const ENHANCEMENT_DURATION_S: Quoted = sig(0.5, 1, "Sec. 2", "enhancement duration");
/// Perpendicular ion bulk speed, "~170 km/s".
pub const PERPENDICULAR_SPEED_KM_S: Quoted = sig(170.0, 2, "Sec. 2", "V_i,perp");
/// Thermal ion gyroradius, "~85 km".
pub const ION_GYRORADIUS_KM: Quoted = sig(85.0, 2, "Sec. 2", "rho_i");
/// The same rho_i as what the scale V_i,perp dt is "comparable" to (Sec. 2).
pub const SCALE_COMPARABLE_KM: Quoted =
    comparable(85.0, "Sec. 2", "rho_i, to which V_perp dt is comparable");
/// Field-strength contours of the centre fit: 11 values from 16 to 20 nT.
pub const CONTOUR_RANGE_NT: (f64, f64) = (16.0, 20.0);
/// Number of contours.
pub const CONTOUR_COUNT: usize = 11;
/// Loss of the centre fit, km^2.
pub const CENTRE_FIT_LOSS_KM2: Quoted = sig(1.47, 3, "Sec. 4", "L");
/// Its square root, the mean deviation, km.
pub const CENTRE_FIT_DEVIATION_KM: Quoted = sig(1.21, 3, "Sec. 4", "sqrt(L)");
/// Radius of the rope read off Figure 2b, "~30 km".
pub const ROPE_RADIUS_KM: Quoted = sig(30.0, 1, "Sec. 4, Figure 2b", "rope radius");
/// Parallel spacecraft speed v_s, "~140 km/s".
pub const PARALLEL_SPEED_KM_S: Quoted = sig(140.0, 2, "Sec. 4", "v_s");
/// Electron temperature of Eq. 6, "~33 eV".
pub const ELECTRON_TEMPERATURE_EV: Quoted = sig(33.0, 2, "Sec. 4", "T_e");
/// Electron thermal speed, "~3400 km/s".
pub const ELECTRON_THERMAL_SPEED_KM_S: Quoted = sig(3400.0, 2, "Sec. 4", "v_the");
/// Overall electron energy-flux variation the Eq. 6 effect is "comparable" to, "~1.2 times".
pub const FLUX_VARIATION: Quoted = sig(1.2, 2, "Sec. 4", "flux variation");
/// The size of that variation, ln 1.2, as what the Eq. 6 effect ln(f_para/f_anti) is
/// "comparable" to (a ratio's size is its logarithm: a ratio of 1 is no effect).
pub const FLUX_VARIATION_SIZE: Quoted = comparable(
    0.182_321_556_793_954_6,
    "Sec. 4",
    "ln of the flux variation",
);
/// PAD energy of Figure 1l, eV.
pub const PAD_ENERGY_EV: Quoted = sig(52.0, 2, "Figure 1l caption", "PAD energy");
/// Energy channels of Figure 5 as the text gives them, eV (32, 40, 66, 88).
pub const TEXT_CHANNELS_EV: [Quoted; 4] = [
    sig(32.0, 2, "Sec. 4", "channel 1"),
    sig(40.0, 2, "Sec. 4", "channel 2"),
    sig(66.0, 2, "Sec. 4", "channel 3"),
    sig(88.0, 2, "Sec. 4", "channel 4"),
];
/// The fourth channel as the Figure 5 caption gives it, eV.
pub const CAPTION_FOURTH_CHANNEL_EV: Quoted =
    sig(85.0, 2, "Figure 5 caption", "channel 4 (caption)");
/// "A local minimum at the flux rope center": the radius of the density minimum, km.
pub const DENSITY_MINIMUM_RADIUS_KM: Quoted = Quoted::new(
    0.0,
    Precision::Exact,
    "Sec. 4, Figure 3c",
    "density minimum radius",
);
/// T_perp > T_par inside (positive sign of T_perp/T_par - 1).
pub const ANISOTROPY_INSIDE_SIGN: Quoted = Quoted::new(
    1.0,
    Precision::Sign,
    "Sec. 2; Sec. 4, Figure 3f-g",
    "sign inside",
);
/// T_perp < T_par outside.
pub const ANISOTROPY_OUTSIDE_SIGN: Quoted = Quoted::new(
    -1.0,
    Precision::Sign,
    "Sec. 2; Sec. 4, Figure 3f-g",
    "sign outside",
);
/// "T_b > T_r keeps f_e >= 0": the lowest f_e / f_e(0), bounded below by zero.
pub const DISTRIBUTION_FLOOR: Quoted =
    Quoted::new(0.0, Precision::Above, "Sec. 3", "min f_e / f_e(0)");
/// The condition itself, T_r/T_b < 1.
pub const POSITIVITY_CONDITION: Quoted =
    Quoted::new(1.0, Precision::Below, "Sec. 3", "T_r/T_b bound");

/// The LMN frame of the event in GSE (Sec. 2), each component printed to two decimals.
pub const LMN_GSE: [[Quoted; 3]; 3] = [
    [dec2(0.96, "L_x"), dec2(0.22, "L_y"), dec2(-0.05, "L_z")],
    [dec2(-0.06, "M_x"), dec2(0.46, "M_y"), dec2(0.88, "M_z")],
    [dec2(-0.22, "N_x"), dec2(0.84, "N_y"), dec2(-0.49, "N_z")],
];
const fn dec2(value: f64, what: &'static str) -> Quoted {
    Quoted::new(value, Precision::Decimals(2), "Sec. 2", what)
}
/// A unit vector's length, and an orthogonal pair's dot product: exact by definition.
pub const UNIT_LENGTH: Quoted = Quoted::new(
    1.0,
    Precision::Exact,
    "Sec. 2 (an LMN frame)",
    "unit length",
);
/// The dot product of two axes of an orthonormal frame.
pub const ORTHOGONAL: Quoted = Quoted::new(
    0.0,
    Precision::Exact,
    "Sec. 2 (an LMN frame)",
    "orthogonality",
);
/// (L x M) . N of a right-handed frame: positive.
pub const RIGHT_HANDED: Quoted =
    Quoted::new(1.0, Precision::Sign, "Sec. 2 (an LMN frame)", "handedness");
/// The Figure 1l PAD energy "between 1 and 2 T_e" (Sec. 2).
pub const PAD_ENERGY_IN_TE: Quoted = Quoted::new(
    1.5,
    Precision::Range { lo: 1.0, hi: 2.0 },
    "Sec. 2",
    "PAD energy in T_e",
);
/// The model's conditions Omega > 0 and alpha_r > 0 (Sec. 3).
pub const POSITIVE: Quoted = Quoted::new(0.0, Precision::Above, "Sec. 3", "a positive parameter");
/// Intersections per contour: four spacecraft entering and leaving (Sec. 4).
pub const INTERSECTIONS_PER_CONTOUR: Quoted =
    Quoted::new(8.0, Precision::Exact, "Sec. 4", "intersections per contour");
/// "Four consecutive energy channels (32, 40, 66, 85 eV)" (Figure 5 caption): consecutive
/// channels from the first to the last listed are three table steps apart.
pub const CAPTION_CONSECUTIVE_STEPS: Quoted = Quoted::new(
    3.0,
    Precision::Exact,
    "Figure 5 caption",
    "steps from 32 to 85 eV",
);

/// "The ratio between perpendicular and parallel flux becomes more significant at higher
/// energies" (Sec. 4): the sign of the trend of |ln r_perp/par| / |ln r_p/a| with energy.
pub const SIGNIFICANCE_TREND: Quoted = Quoted::new(
    1.0,
    Precision::Sign,
    "Sec. 4, Eqs. 6-7, Figure 5",
    "trend with energy",
);

/// Numbers of the paper that only its data can check.
pub const DATA_STATEMENTS: [DataStatement; 2] = [
    DataStatement {
        id: "yang.event_position_gse",
        quantity: "GSE X of MMS at the 19 October 2015 crossing (the text gives (8.0, 8.4, -0.8) R_E)",
        published: sig(8.0, 2, "Sec. 2", "event position X"),
        unit: "R_E",
        data: "the MEC ephemeris of MMS on 19 October 2015 near 14:07:56 UT",
    },
    DataStatement {
        id: "yang.pad_trend_observed",
        quantity: "slope of ln(|ln r_perp/par| / |ln r_p/a|) against ln W over the Figure 5 channels in the observed PADs outside the rope",
        published: SIGNIFICANCE_TREND,
        unit: "1",
        data: "MMS1-4 burst FPI-DES distributions of 19 October 2015 near 14:07:56 UT, at 32, 40, 66 and 85 eV",
    },
];
/// "A Vlasov equilibrium": the residual of the model's force balance and of its Vlasov
/// equation, zero by the paper's description of the model (Secs. 1 and 3).
pub const EQUILIBRIUM_RESIDUAL: Quoted = Quoted::new(
    0.0,
    Precision::Exact,
    "Secs. 1 and 3 (a Vlasov equilibrium)",
    "equilibrium residual",
);
