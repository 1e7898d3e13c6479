//! Every number the workbook takes from Shuster et al. (2026), typed once, with where it
//! stands in the paper and how precisely it is printed. Model code, figures, tests and
//! claims read them from here.

use crate::claims::{DataStatement, Precision, Quoted};

const fn sig(value: f64, digits: u8, location: &'static str, what: &'static str) -> Quoted {
    Quoted::new(value, Precision::Significant(digits), location, what)
}
const fn exact(value: f64, location: &'static str, what: &'static str) -> Quoted {
    Quoted::new(value, Precision::Exact, location, what)
}

// The order-of-magnitude estimates for Eq. 2 (Results): the inputs are the values the
// estimate assumes, exact for the arithmetic; the results are "on the order of" the printed
// values, which is the precision the paper gives them.
/// Density of the estimates, cm^-3.
pub const ESTIMATE_DENSITY_CM3: Quoted = exact(10.0, "Results", "estimate density");
/// Electron jet speed, km/s.
pub const JET_SPEED_KM_S: Quoted = exact(1000.0, "Results", "jet speed");
/// Duration of the jet, s.
pub const JET_DURATION_S: Quoted = exact(0.1, "Results", "jet duration");
/// Gradient scale, km.
pub const ESTIMATE_SCALE_KM: Quoted = exact(10.0, "Results", "estimate scale");
/// Temperature rise over that scale, eV.
pub const TEMPERATURE_RISE_EV: Quoted = exact(60.0, "Results", "temperature rise");
/// The estimated time-derivative term, pPa/km.
pub const TIME_DERIVATIVE_TERM: Quoted =
    Quoted::new(0.1, Precision::OrderOfMagnitude, "Results", "d(m n U)/dt");
/// The estimated inertial term, pPa/km.
pub const INERTIAL_TERM: Quoted =
    Quoted::new(1.0, Precision::OrderOfMagnitude, "Results", "div(m n U U)");
/// The estimated pressure term, pPa/km.
pub const PRESSURE_TERM: Quoted =
    Quoted::new(10.0, Precision::OrderOfMagnitude, "Results", "div P_e");

/// The maxima the paper reports from MMS for the three terms (Fig. 2d), pPa/km, each "close
/// to" 0.1, 1 and 5.
pub const MEASURED_MAXIMA: [Quoted; 3] = [
    sig(0.1, 1, "Results, Fig. 2d", "max d(m n U)/dt"),
    sig(1.0, 1, "Results, Fig. 2d", "max div(m n U U)"),
    sig(5.0, 1, "Results, Fig. 2d", "max div P_e"),
];

// The MMS event.
/// MMS2 electron density at the EDR, "n_e ~ 7 cm^-3".
pub const MMS_DENSITY_CM3: Quoted = sig(7.0, 1, "Results", "n_e (MMS2)");
/// Electron temperature, which "roughly doubles from 60 eV to 120 eV"; the chapter's physical
/// units take the lower end.
pub const MMS_TEMPERATURE_EV: Quoted = Quoted::new(
    60.0,
    Precision::Range {
        lo: 60.0,
        hi: 120.0,
    },
    "Results",
    "T_e",
);
/// Average spacecraft separation, "approximately 10 km".
pub const SEPARATION_KM: Quoted = sig(10.0, 1, "Results; Discussion", "separation");
/// The separation in d_e in the Results, "roughly 5 d_e".
pub const SEPARATION_RESULTS_DE: Quoted = sig(5.0, 1, "Results", "separation in d_e (Results)");
/// The separation in d_e in the Discussion, "roughly 7 to 10 d_e".
pub const SEPARATION_DISCUSSION_DE: Quoted = Quoted::new(
    8.5,
    Precision::Range { lo: 7.0, hi: 10.0 },
    "Discussion",
    "separation in d_e (Discussion)",
);
/// Width of the PIC smile band, "roughly of width 2 d_e ... from z = 1 d_e to z = 3 d_e"
/// (Results) and "only about 2 d_e" (Discussion).
pub const BAND_WIDTH_DE: Quoted = sig(2.0, 1, "Results, Fig. 3a; Discussion", "band width");
/// The same width in km, "roughly 2 or 3 km".
pub const BAND_WIDTH_KM: Quoted = Quoted::new(
    2.5,
    Precision::Range { lo: 2.0, hi: 3.0 },
    "Discussion",
    "band width in km",
);
/// Magnetic structure speed, "approximately 100 km/s".
pub const STRUCTURE_SPEED_KM_S: Quoted = sig(100.0, 1, "Results", "structure speed");
/// Duration of the smile signature, s.
pub const SMILE_DURATION_S: Quoted = sig(0.15, 2, "Results", "smile duration");
/// Lower bound on the smile region's length, km ("= 15 km").
pub const SMILE_LENGTH_KM: Quoted = sig(15.0, 2, "Results", "smile length");
/// That length in d_e, "on the order of 10 d_e".
pub const SMILE_LENGTH_DE: Quoted = Quoted::new(
    10.0,
    Precision::OrderOfMagnitude,
    "Results",
    "smile length in d_e",
);
/// FPI-DES cadence, s (Methods: 30 ms).
pub const DES_CADENCE_S: Quoted = exact(0.03, "Methods", "DES cadence");
/// Consecutive DES distributions with a smile.
pub const SMILE_STEPS: Quoted = exact(5.0, "Results", "smile steps");

// The PIC set-up (Methods).
/// Density ratio n_MSH/n_MSP.
pub const DENSITY_RATIO: Quoted = exact(8.0, "Methods", "n_MSH/n_MSP");
/// Field ratio B_MSP/B_MSH "to ensure pressure balance".
pub const FIELD_RATIO: Quoted = sig(1.37, 3, "Methods", "B_MSP/B_MSH");
/// Ion to electron temperature ratio.
pub const TEMPERATURE_RATIO: Quoted = exact(2.0, "Methods", "T_i/T_e");

// The smile in the PIC and in MMS (Results, Figs. 2-3).
/// Crescent gyrophase extent "from roughly 180 deg at z = 2 d_e to 120 deg at z = 3 d_e": the
/// two extents, deg.
pub const CRESCENT_EXTENTS_DEG: (f64, f64) = (180.0, 120.0);
/// The distance between those two positions, d_e.
pub const CRESCENT_NARROWING_DE: Quoted = sig(1.0, 1, "Results, Fig. 3b", "narrowing distance");
/// Velocity of the smile and of its eyes in Fig. 2g, "near 5000 km/s".
pub const SMILE_SPEED_KM_S: Quoted = sig(5000.0, 1, "Results, Fig. 2g", "smile speed");
/// Gradient magnitude at the smile in Fig. 2g, "roughly 4e-28 (s^3/cm^6)/km".
pub const SMILE_GRADIENT: Quoted = sig(4e-28, 1, "Results, Fig. 2g", "smile gradient");
/// Gradient magnitude at the eyes, "roughly -4e-28 (s^3/cm^6)/km".
pub const EYE_GRADIENT: Quoted = sig(-4e-28, 1, "Results, Fig. 2g", "eye gradient");
/// Extent of the PIC smile region along x, "from x = 350 to 380 d_e".
pub const BAND_LENGTH_DE: Quoted = sig(30.0, 1, "Results, Fig. 3a", "band length");

/// The event's electron temperature at its two ends, eV ("from 60 to 120 eV").
pub const EVENT_TEMPERATURE_ENDS_EV: [Quoted; 2] = [
    sig(60.0, 2, "Results", "T_e before"),
    sig(120.0, 2, "Results", "T_e after"),
];
/// "Roughly double": the rise of the temperature, as a ratio printed to one figure.
pub const TEMPERATURE_DOUBLING: Quoted = sig(2.0, 1, "Results", "temperature ratio");
/// Electron thermal speeds of the event, km/s ("5000–10,000 km/s").
pub const THERMAL_SPEEDS_KM_S: Quoted = Quoted::new(
    7500.0,
    Precision::Range {
        lo: 5000.0,
        hi: 10000.0,
    },
    "Results",
    "thermal speeds",
);
/// Electron bulk speeds of the event, km/s ("100–1000 km/s").
pub const BULK_SPEEDS_KM_S: Quoted = Quoted::new(
    550.0,
    Precision::Range {
        lo: 100.0,
        hi: 1000.0,
    },
    "Results",
    "bulk speeds",
);
/// "One to two orders of magnitude" between the thermal and the bulk speeds: 10 to 100.
pub const THERMAL_TO_BULK: Quoted = Quoted::new(
    31.6,
    Precision::Range {
        lo: 10.0,
        hi: 100.0,
    },
    "Results",
    "thermal/bulk speed ratio",
);
/// The band's lower and upper edges in z, d_e (Results: from 1 to 3 d_e), printed to one
/// figure; the Discussion converts the width between them to km.
pub const BAND_EDGES_DE: [Quoted; 2] = [
    sig(1.0, 1, "Results", "band lower edge"),
    sig(3.0, 1, "Results", "band upper edge"),
];
/// The band's ends in x, d_e (Results: from x = 350 to 380 d_e).
pub const BAND_ENDS_DE: [Quoted; 2] = [
    sig(350.0, 2, "Results", "band start"),
    sig(380.0, 2, "Results", "band end"),
];
/// FPI spectrometers of the mission (Introduction).
pub const FPI_SPECTROMETERS: Quoted = exact(64.0, "Introduction", "FPI spectrometers");
/// FPI-DIS cadence, s (Methods: 150 ms).
pub const DIS_CADENCE_S: Quoted = exact(0.15, "Methods", "DIS cadence");
/// EDP sample rate, Hz (Methods: 8,192 Hz).
pub const EDP_RATE_HZ: Quoted = exact(8192.0, "Methods", "EDP rate");
/// FGM cadence, Hz (Methods: 128 Hz).
pub const FGM_RATE_HZ: Quoted = exact(128.0, "Methods", "FGM rate");

const MMS: &str =
    "the four spacecraft's burst FPI-DES moments around 13:07:02 UT on 16 October 2015";
const PIC: &str = "the output of the paper's PIC simulation (from its authors); the workbook's layer model is an analogue \
                   with its own parameters, not the simulation";

/// Numbers of the paper that only its data (MMS, or its simulation's output) can check.
pub const DATA_STATEMENTS: [DataStatement; 19] = [
    data(
        "shuster2026.max_pressure_divergence",
        "largest |div P_e| at the EDR (Fig. 2d)",
        sig(5.0, 1, "Results, Fig. 2d", "max div P_e"),
        "pPa/km",
        MMS,
    ),
    data(
        "shuster2026.max_inertial_term",
        "largest inertial term div(m_e n U U) (Fig. 2d)",
        sig(1.0, 1, "Results, Fig. 2d", "max inertial term"),
        "pPa/km",
        MMS,
    ),
    data(
        "shuster2026.max_time_derivative_term",
        "largest time-derivative term (Fig. 2d)",
        sig(0.1, 1, "Results, Fig. 2d", "max d/dt term"),
        "pPa/km",
        MMS,
    ),
    data(
        "shuster2026.epar_amplitude",
        "amplitude of the parallel electric field fluctuations (Fig. 2e)",
        Quoted::new(
            100.0,
            Precision::OrderOfMagnitude,
            "Results, Fig. 2e",
            "E_par",
        ),
        "mV/m",
        "MMS2's burst EDP electric field and FGM field on 16 October 2015",
    ),
    data(
        "shuster2026.temperature_divergence_delay",
        "delay of the rise of the temperature divergence after 13:07:02 UT",
        Quoted::new(1.0, Precision::Below, "Results", "delay"),
        "s",
        MMS,
    ),
    data(
        "shuster2026.parallel_pressure_divergence",
        "parallel pressure divergence at 13:07:02 UT",
        sig(1.0, 1, "Results", "(div P_e)_par"),
        "pPa/km",
        MMS,
    ),
    data(
        "shuster2026.eye_vperp1",
        "v_perp1 of the eyes in the parallel gradient (Fig. 2g)",
        Quoted::new(
            0.0,
            Precision::Step(1000.0),
            "Results, Fig. 2g",
            "eye v_perp1",
        ),
        "km/s",
        "the four spacecraft's burst FPI-DES distributions at 13:07:02.160 UT",
    ),
    data(
        "shuster2026.smile_vperp2",
        "v_perp2 of the smile's centre in the parallel gradient (Fig. 2g)",
        Quoted::new(
            0.0,
            Precision::Step(1000.0),
            "Results, Fig. 2g",
            "smile v_perp2",
        ),
        "km/s",
        "the four spacecraft's burst FPI-DES distributions at 13:07:02.160 UT",
    ),
    data(
        "shuster2026.epar_exhaust_start",
        "start in x of the enhanced parallel field along z = 0 (a paragraph later: 340 d_e)",
        sig(330.0, 2, "Results, Fig. 3", "E_par start"),
        "d_e",
        PIC,
    ),
    data(
        "shuster2026.epar_exhaust_end",
        "end in x of the enhanced parallel field along z = 0",
        sig(400.0, 2, "Results, Fig. 3", "E_par end"),
        "d_e",
        PIC,
    ),
    data(
        "shuster2026.crescent_extent_z2",
        "gyrophase extent of the crescent at z = 2 d_e",
        sig(180.0, 2, "Results, Fig. 3b", "extent at 2 d_e"),
        "deg",
        PIC,
    ),
    data(
        "shuster2026.crescent_extent_z3",
        "gyrophase extent of the crescent at z = 3 d_e",
        sig(120.0, 2, "Results, Fig. 3b", "extent at 3 d_e"),
        "deg",
        PIC,
    ),
    data(
        "shuster2026.band_lower_edge",
        "lower edge in z of the band with a normal smile",
        sig(1.0, 1, "Results, Fig. 3a", "band lower edge"),
        "d_e",
        PIC,
    ),
    data(
        "shuster2026.band_upper_edge",
        "upper edge in z of the band with a normal smile",
        sig(3.0, 1, "Results, Fig. 3a", "band upper edge"),
        "d_e",
        PIC,
    ),
    data(
        "shuster2026.band_x_start",
        "start in x of the band with a normal smile",
        sig(350.0, 2, "Results, Fig. 3a", "band start"),
        "d_e",
        PIC,
    ),
    data(
        "shuster2026.band_x_end",
        "end in x of the band with a normal smile",
        sig(380.0, 2, "Results, Fig. 3a", "band end"),
        "d_e",
        PIC,
    ),
    data(
        "shuster2026.smile_fully_formed_height",
        "height at which the eyes and the smile are fully formed",
        sig(2.0, 1, "Results, Fig. 3", "fully formed"),
        "d_e",
        PIC,
    ),
    data(
        "shuster2026.all_blue_upper_extent",
        "upper end of the range of all-negative crescents",
        sig(5.0, 1, "Results, Fig. 3", "all-blue extent"),
        "d_e",
        PIC,
    ),
    data(
        "shuster2026.time_after_peak",
        "time after the peak reconnection rate at which the PIC data are taken",
        Quoted::new(10.0, Precision::Below, "Methods", "time after peak"),
        "1/Omega_ci",
        PIC,
    ),
];

const fn data(
    name: &'static str,
    quantity: &'static str,
    published: Quoted,
    unit: &'static str,
    data: &'static str,
) -> DataStatement {
    DataStatement {
        id: name,
        quantity,
        published,
        unit,
        data,
    }
}
