//! How an equilibrium moves within the printed precision of Table 1: the profile at the
//! table's values and, for each printed parameter, at either end of the interval its digits
//! allow (2n + 1 one-pass solves). Any feature of the profile then carries a first-order
//! interval ([`crate::claims::first_order`]).
//!
//! The excursions are differences, so they are taken on a coarser grid than the value
//! itself ([`SENSITIVITY_GRID`]): the value comes from the fine solve, each end is that value
//! plus the coarse solve's change. Discretisation errors common to both coarse solves cancel.

use super::equilibrium::{Profile, RadialGrid, solve_one_pass};
use super::published as table;
use super::{FluxRopeError, MuReading, RopeParameters};
use crate::claims::{Computed, Quoted, first_order};
use crate::plasma::units;

/// The printed parameters of Table 1 that carry an interval (b_r = 0 is a switch, exact).
pub const TABLE_1_INPUTS: [Quoted; 12] = [
    table::ALPHA_R,
    table::ALPHA_Z,
    table::ION_DENSITY_CM3,
    table::CENTRE_FIELD_NT,
    table::OMEGA_RAD_S,
    table::AXIAL_VELOCITY_KM_S,
    table::B_BACKGROUND,
    table::B_AXIAL,
    table::BACKGROUND_TEMPERATURE_EV,
    table::TAU_R,
    table::TAU_Z,
    table::TAU_I,
];

/// Model parameters (SI) from values of [`TABLE_1_INPUTS`] in the table's units.
pub fn parameters_from(values: &[f64; 12]) -> RopeParameters {
    let [
        alpha_r,
        alpha_z,
        n_cm3,
        b0z_nt,
        omega,
        v_km_s,
        b_b,
        b_z,
        t_eb_ev,
        tau_r,
        tau_z,
        tau_i,
    ] = *values;
    RopeParameters {
        alpha_r,
        alpha_z,
        n_i_m3: units::per_cm3(n_cm3),
        b0z_t: units::nanotesla(b0z_nt),
        omega_rad_s: omega,
        v_axial_ms: units::km(v_km_s),
        b: [b_b, table::B_ROTATION.value, b_z],
        t_b_j: units::electronvolt(t_eb_ev),
        tau_r,
        tau_z,
        tau_i,
    }
}

/// Grid of the excursions: 0–500 km in 0.5 km steps, a fifth of the chapter's points.
pub const SENSITIVITY_GRID: RadialGrid = RadialGrid {
    rho_max_m: units::km(500.0),
    intervals: 1000,
};

/// The profile at Table 1's values and at the ends of each parameter's printed interval.
#[derive(Debug, Clone)]
pub struct Table1Sensitivity {
    /// At the printed values, on the fine grid.
    pub nominal: Profile,
    /// At the printed values, on [`SENSITIVITY_GRID`].
    pub coarse_nominal: Profile,
    /// Per entry of [`TABLE_1_INPUTS`]: the profile with it at the lower and the upper end,
    /// on [`SENSITIVITY_GRID`].
    pub ends: Vec<[Profile; 2]>,
}

impl Table1Sensitivity {
    /// Solves the 26 equilibria with the mu-terms read as `reading`: one on `grid`, the rest
    /// on [`SENSITIVITY_GRID`].
    ///
    /// # Errors
    /// [`FluxRopeError`] if any solve fails (a singular reading at an end, say), or
    /// [`FluxRopeError::Propagation`] if a printed value has no interval.
    pub fn solve(reading: MuReading, grid: RadialGrid) -> Result<Self, FluxRopeError> {
        let values: [f64; 12] = TABLE_1_INPUTS.map(|q| q.value);
        let nominal = solve_one_pass(&parameters_from(&values), reading, grid)?;
        let coarse_nominal = solve_one_pass(&parameters_from(&values), reading, SENSITIVITY_GRID)?;
        let mut ends = Vec::with_capacity(TABLE_1_INPUTS.len());
        for (i, quoted) in TABLE_1_INPUTS.iter().enumerate() {
            let interval = quoted
                .interval()
                .map_err(crate::claims::PropagationError::from)?;
            let at = |end: f64| {
                let mut varied = values;
                varied[i] = end;
                solve_one_pass(&parameters_from(&varied), reading, SENSITIVITY_GRID)
            };
            ends.push([at(interval.lo())?, at(interval.hi())?]);
        }
        Ok(Table1Sensitivity {
            nominal,
            coarse_nominal,
            ends,
        })
    }

    /// The sensitivity of the chapter's equilibrium (Table 1 on [`RadialGrid::chapter`]) for
    /// `reading`, solved once per process and shared by the ledger and the figures.
    ///
    /// # Errors
    /// As [`Table1Sensitivity::solve`] (every call returns the first call's error).
    pub fn chapter(reading: MuReading) -> Result<&'static Self, FluxRopeError> {
        static CACHE: [std::sync::OnceLock<Result<Table1Sensitivity, FluxRopeError>>;
            MuReading::ALL.len()] = [const { std::sync::OnceLock::new() }; MuReading::ALL.len()];
        crate::once::computed_once(&CACHE[reading.index()], || {
            Table1Sensitivity::solve(reading, RadialGrid::chapter())
        })
    }

    /// A feature of the profile with its first-order interval over Table 1's precision.
    ///
    /// # Errors
    /// Any error of `feature`, or [`FluxRopeError::Propagation`] for a non-finite value.
    pub fn feature(
        &self,
        mut feature: impl FnMut(&Profile) -> Result<f64, FluxRopeError>,
    ) -> Result<Computed, FluxRopeError> {
        let value = feature(&self.nominal)?;
        let base = feature(&self.coarse_nominal)?;
        let ends = self
            .ends
            .iter()
            .map(|[lo, hi]| Ok([value + feature(lo)? - base, value + feature(hi)? - base]))
            .collect::<Result<Vec<_>, FluxRopeError>>()?;
        Ok(first_order(value, &ends)?)
    }
}
