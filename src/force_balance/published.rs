//! Every number the workbook takes from Zhang et al. (2025), typed once, with where it
//! stands in the paper and how precisely it is printed. Model code, figures, tests and
//! claims read them from here.
//!
//! The regional shares are printed as 10, 15, 20, 25, 30, 40 and 55%: every one a multiple
//! of 5, as are "up to 40%", "10%–30%" and "15%–20%". They are taken as rounded to 5 points
//! ([`Precision::Step`]). The example event's shares (50% beside 34%) are given to the unit.

use crate::claims::{DataStatement, Precision, Quoted};

const fn sig(value: f64, digits: u8, location: &'static str, what: &'static str) -> Quoted {
    Quoted::new(value, Precision::Significant(digits), location, what)
}

/// A regional share, rounded to 5 points.
const fn share(value: f64, location: &'static str, what: &'static str) -> Quoted {
    Quoted::new(value, Precision::Step(5.0), location, what)
}

/// A percentage given to the unit.
const fn percent(value: f64, location: &'static str, what: &'static str) -> Quoted {
    Quoted::new(value, Precision::Decimals(0), location, what)
}

// Sec. 2: the method.
/// Edge of the central region, |B_x| < 0.5 B0 (a definition).
pub const CENTRAL_REGION: Quoted = Quoted::new(
    0.5,
    Precision::Exact,
    "Sec. 2",
    "central-region edge B_x/B0",
);
/// "B_x/B0 = z/L with an error of less than 10%" in the central region, %.
pub const LINEARITY_ERROR_PERCENT: Quoted =
    Quoted::new(10.0, Precision::Below, "Sec. 2", "linearity error");
/// The stated error of the B0 estimate, "about 10%–20%", as a fraction.
pub const B0_RELATIVE_ERROR: Quoted = Quoted::new(
    0.15,
    Precision::Range { lo: 0.1, hi: 0.2 },
    "Sec. 2",
    "relative error of B0",
);

// Sec. 3, Fig. 1: the example event of 12 August 2017.
/// Largest B_x before the crossing, nT.
pub const EXAMPLE_BX_NORTH_NT: Quoted = sig(7.3, 2, "Sec. 3", "B_x north");
/// Most negative B_x after it, nT (printed -8.5).
pub const EXAMPLE_BX_SOUTH_NT: Quoted = sig(-8.5, 2, "Sec. 3", "B_x south");
/// Boundary field B0, "~7.9 nT".
pub const EXAMPLE_B0_NT: Quoted = sig(7.9, 2, "Sec. 3", "B0");
/// Peak current density j0, "~9.3 nA/m^2".
pub const EXAMPLE_J0_NA_M2: Quoted = sig(9.3, 2, "Sec. 3", "j0");
/// Thickness L, km.
pub const EXAMPLE_THICKNESS_KM: Quoted = sig(673.0, 3, "Sec. 3", "L");
/// Thickness in ion inertial lengths, "approximately 3.8".
pub const EXAMPLE_THICKNESS_DI: Quoted = sig(3.8, 2, "Sec. 3", "L/d_i");
/// Tension <j_y><B_z> in the central region, "about 70.1 nA nT/m^2".
pub const EXAMPLE_TENSION: Quoted = sig(70.1, 3, "Sec. 3", "example tension");
/// Ion P_xz force, nA nT/m^2.
pub const EXAMPLE_ION_FORCE: Quoted = sig(35.3, 3, "Sec. 3", "example ion force");
/// Electron P_xz force, nA nT/m^2 (printed 24.0).
pub const EXAMPLE_ELECTRON_FORCE: Quoted = sig(24.0, 3, "Sec. 3", "example electron force");
/// Ion share of the example tension, %.
pub const EXAMPLE_ION_SHARE: Quoted = percent(50.0, "Sec. 3", "example ion share");
/// Electron share of the example tension, %.
pub const EXAMPLE_ELECTRON_SHARE: Quoted = percent(34.0, "Sec. 3", "example electron share");

// Sec. 3, Figs. 2-3: the statistics.
/// Number of sheets near Earth (-20 < X < -10 R_E) and further out (-30 < X < -20 R_E).
pub const EVENTS: (usize, usize) = (58, 46);
/// Central-region mean j_y of all sheets, nA/m^2.
pub const J_Y_ALL: Quoted = sig(5.44, 3, "Sec. 3", "<j_y> all");
/// Central-region mean B_z of all sheets, nT.
pub const B_Z_ALL: Quoted = sig(2.25, 3, "Sec. 3", "<B_z> all");
/// Mean tension of all sheets, "about 12.3 nA nT/m^2".
pub const TENSION_ALL: Quoted = sig(12.3, 3, "Sec. 3", "tension all");

/// The published numbers of one region.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RegionNumbers {
    /// X range, R_E (tailward end, Earthward end): a definition.
    pub x_re: (f64, f64),
    /// Central-region mean j_y, nA/m^2.
    pub j_y: Quoted,
    /// Central-region mean B_z, nT.
    pub b_z: Quoted,
    /// Mean tension, nA nT/m^2.
    pub tension: Quoted,
    /// Ion P_xz force, nA nT/m^2.
    pub ion_force: Quoted,
    /// Electron P_xz force, nA nT/m^2.
    pub electron_force: Quoted,
    /// Ion share of the tension, %.
    pub ion_share: Quoted,
    /// Electron share, %.
    pub electron_share: Quoted,
    /// Total P_xz share (Abstract, Conclusions), %.
    pub pxz_share: Quoted,
    /// Thermal-gradient share (Sec. 3, Conclusions), %.
    pub thermal_share: Quoted,
    /// Unbalanced share (Sec. 4), %.
    pub unbalanced_share: Quoted,
}

/// Near-Earth sheets, -20 < X < -10 R_E.
pub const NEAR: RegionNumbers = RegionNumbers {
    x_re: (-20.0, -10.0),
    j_y: sig(5.83, 3, "Sec. 3", "<j_y> near"),
    b_z: sig(2.74, 3, "Sec. 3", "<B_z> near"),
    tension: sig(14.4, 3, "Sec. 3; Sec. 4", "tension near"),
    ion_force: sig(1.5, 2, "Sec. 3", "ion force near"),
    electron_force: sig(3.1, 2, "Sec. 3", "electron force near"),
    ion_share: share(10.0, "Sec. 3", "ion share near"),
    electron_share: share(20.0, "Sec. 3", "electron share near"),
    pxz_share: share(30.0, "Abstract; Sec. 4", "P_xz share near"),
    thermal_share: share(15.0, "Sec. 3; Sec. 4", "thermal share near"),
    unbalanced_share: share(55.0, "Sec. 4", "unbalanced near"),
};

/// Further-Earth sheets, -30 < X < -20 R_E.
pub const FAR: RegionNumbers = RegionNumbers {
    x_re: (-30.0, -20.0),
    j_y: sig(4.93, 3, "Sec. 3", "<j_y> far"),
    b_z: sig(1.61, 3, "Sec. 3", "<B_z> far"),
    tension: sig(9.5, 2, "Sec. 3; Sec. 4", "tension far"),
    ion_force: sig(3.1, 2, "Sec. 3", "ion force far"),
    electron_force: sig(1.1, 2, "Sec. 3", "electron force far"),
    ion_share: share(40.0, "Sec. 3", "ion share far"),
    electron_share: share(15.0, "Sec. 3", "electron share far"),
    pxz_share: share(55.0, "Abstract; Sec. 4", "P_xz share far"),
    thermal_share: share(25.0, "Sec. 3; Sec. 4", "thermal share far"),
    unbalanced_share: share(20.0, "Sec. 4", "unbalanced far"),
};

/// The thermal share over all sheets, "around 20%" (rounded to 5 points like the others).
pub const THERMAL_SHARE_OVERALL: Quoted = share(20.0, "Sec. 4", "overall thermal share");
/// "In total, the P_xz gradient forces can balance up to 40% of the magnetic tension" (Sec. 3).
/// A bound printed to the same 5 points as the shares: at most 42.5%.
pub const PXZ_SHARE_UP_TO: Quoted = Quoted::new(
    40.0,
    Precision::Range { lo: 0.0, hi: 42.5 },
    "Sec. 3",
    "P_xz share bound",
);
/// Mean thickness of the 104 sheets, km.
pub const MEAN_THICKNESS_KM: Quoted = sig(980.0, 2, "Sec. 3", "mean thickness");
/// Stated thickness range, km ("typically ranges from 500 to 1,500 km").
pub const THICKNESS_RANGE_KM: (f64, f64) = (500.0, 1500.0);
/// Range of the peak current densities j0, nA/m^2 ("typically ranges from 5 to 15").
pub const J0_RANGE_NA_M2: (f64, f64) = (5.0, 15.0);
/// Share of sheets thinner than 3 d_i, %.
pub const THIN_SHEET_PERCENT: Quoted = share(60.0, "Sec. 4, Fig. S4", "thin-sheet share");

// Sec. 3, Fig. 4: the pressure power laws P = P0 (-X/20 R_E)^(-alpha).
/// Reference distance of the fits, R_E (part of the fitted form).
pub const FIT_REFERENCE_DISTANCE_RE: f64 = 20.0;
/// Ion fit: P0 in nPa.
pub const ION_P0_NPA: Quoted = sig(0.24, 2, "Fig. 4a; Sec. 3", "ion P0");
/// Ion fit: exponent alpha (printed as -0.88 in the power).
pub const ION_EXPONENT: Quoted = sig(0.88, 2, "Fig. 4a; Sec. 3", "ion exponent");
/// Electron fit: P0 in nPa.
pub const ELECTRON_P0_NPA: Quoted = sig(0.045, 2, "Fig. 4b; Sec. 3", "electron P0");
/// Electron fit: exponent alpha (printed as -1.45 in the power).
pub const ELECTRON_EXPONENT: Quoted = sig(1.45, 3, "Fig. 4b; Sec. 3", "electron exponent");
/// Ranges read off Fig. 4 in the text, "from ~0.2 to ~0.4 nPa" and "from ~0.03 to ~0.12 nPa",
/// at the tailward (-30 R_E) and Earthward (-10 R_E) ends.
pub const ION_PRESSURE_ENDS_NPA: [(f64, Quoted); 2] = [
    (-30.0, sig(0.2, 1, "Sec. 3", "ion P_xx far end")),
    (-10.0, sig(0.4, 1, "Sec. 3", "ion P_xx near end")),
];
/// Electron ends, as above.
pub const ELECTRON_PRESSURE_ENDS_NPA: [(f64, Quoted); 2] = [
    (-30.0, sig(0.03, 1, "Sec. 3", "electron P_xx far end")),
    (-10.0, sig(0.12, 2, "Sec. 3", "electron P_xx near end")),
];

/// "10%–30%": the thermal-gradient share as a range (Abstract, Plain Language Summary,
/// Sec. 3). Its ends are printed to the same 5 points as the shares, so it reaches 7.5–32.5%.
pub const THERMAL_SHARE_RANGE: Quoted = Quoted::new(
    20.0,
    Precision::Range { lo: 7.5, hi: 32.5 },
    "Abstract; Sec. 3",
    "thermal share range",
);
/// "30%–55%" (Plain Language Summary) and "between 30% and 55%" (Sec. 4): the P_xz share as
/// a range, ends to 5 points.
pub const PXZ_SHARE_RANGE: Quoted = Quoted::new(
    42.5,
    Precision::Range { lo: 27.5, hi: 57.5 },
    "Plain Language Summary; Sec. 4",
    "P_xz share range",
);
/// "15%–20%": the electron P_xz share as a range (Sec. 4), ends to 5 points.
pub const ELECTRON_SHARE_RANGE: Quoted = Quoted::new(
    17.5,
    Precision::Range { lo: 12.5, hi: 22.5 },
    "Sec. 4",
    "electron share range",
);

/// Numbers of the paper that only its data can check.
pub const DATA_STATEMENTS: [DataStatement; 3] = [
    DataStatement {
        id: "zhang2025.example_position",
        quantity: "GSM X of MMS1 at the example crossing (the text gives (-19.6, -14.4, 2.5) R_E)",
        published: sig(-19.6, 3, "Sec. 3", "example position X"),
        unit: "R_E",
        data: "the MMS1 MEC ephemeris on 12 August 2017 near 01:19 UT; at X = -19.6 R_E the event lies in the near-Earth region",
    },
    DataStatement {
        id: "zhang2025.example_ion_flow",
        quantity: "ion bulk flow speed during the example crossing",
        published: Quoted::new(100.0, Precision::Below, "Sec. 3", "example ion flow"),
        unit: "km/s",
        data: "the MMS1 FPI ion velocity over the 12 August 2017 crossing",
    },
    DataStatement {
        id: "zhang2025.thickness_range_in_di",
        quantity: "range of the sheets' thicknesses in ion inertial lengths",
        published: Quoted::new(
            3.0,
            Precision::Range { lo: 1.0, hi: 5.0 },
            "Sec. 3",
            "thickness range in d_i",
        ),
        unit: "d_i",
        data: "each event's thickness and ion density (the event list of Zhang et al. 2024 and the FPI moments)",
    },
];

/// The selection of Sec. 2: the 163 crossings of Zhang et al. (2024) and the 104 kept.
pub const PARENT_EVENTS: Quoted = Quoted::new(163.0, Precision::Exact, "Sec. 2", "parent events");
/// Events kept by the orientation criteria.
pub const SELECTED_EVENTS: Quoted =
    Quoted::new(104.0, Precision::Exact, "Sec. 2", "selected events");
/// Peak current density a crossing must exceed, nA/m^2 ("j > 5 nA/m^2").
pub const MIN_PEAK_CURRENT_NA_M2: f64 = 5.0;
/// Mean ion flow a crossing must stay below, km/s.
pub const MAX_ION_FLOW_KM_S: f64 = 100.0;
/// Hall electric field of the events, mV/m ("less than 5 mV/m", estimated in Zhang et al. 2024).
pub const MAX_HALL_FIELD_MV_M: f64 = 5.0;
/// Orientation thresholds: N·e_z and M·e_y must exceed this.
pub const MIN_ALIGNMENT: f64 = 0.6;

/// The Conclusions' region bounds as printed: near-Earth "-20 R_E < X < -30 R_E" and
/// further "-10 R_E < X < -20 R_E": the ends that differ from Sec. 3.
pub const CONCLUSIONS_NEAR_END: Quoted = Quoted::new(
    -30.0,
    Precision::Exact,
    "Sec. 4 (Conclusions)",
    "near-Earth range end",
);
/// See [`CONCLUSIONS_NEAR_END`].
pub const CONCLUSIONS_FAR_END: Quoted = Quoted::new(
    -10.0,
    Precision::Exact,
    "Sec. 4 (Conclusions)",
    "further-Earth range end",
);
/// "The equilibrium predicts a current density j_y of less than 5 nA/m^2" (Sec. 1).
pub const FLUID_CURRENT_BOUND_NA_M2: Quoted =
    Quoted::new(5.0, Precision::Below, "Sec. 1", "fluid-equilibrium current");
