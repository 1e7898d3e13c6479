//! The iteration of Sec. 3 for the mu-terms of Eq. 4: the mu-term needs the field strength,
//! the field needs the currents, so the field of one solve is the input of the next until
//! the two agree.

use super::equilibrium::{Profile, RadialGrid, solve_in_field, solve_one_pass, solve_original};
use super::error::FluxRopeError;
use super::parameters::{MuReading, RopeParameters};

/// The reading of the b coefficients the chapter adopts: the only one that, with Table 1, is
/// non-singular everywhere and gives T_perp > T_par inside and T_perp < T_par outside. Chosen
/// for those signs, so the sign claims cannot test it; the ledger lists every reading.
pub const ADOPTED_READING: MuReading = MuReading::LocalField;

/// The adopted equilibrium: Table 1 with [`ADOPTED_READING`], iterated to convergence on the
/// chapter grid ([`chapter_iteration`]); later calls return a copy.
///
/// # Errors
/// As [`iterate`] (every call returns the first call's error).
pub fn adopted_equilibrium() -> Result<Converged, FluxRopeError> {
    chapter_iteration(ADOPTED_READING).cloned()
}

/// Table 1 with `reading`, iterated to convergence on the chapter grid from the original
/// model ([`iterate`] with the default settings): solved once per process and reading, and
/// shared by the ledger and the figures (the solve is deterministic).
///
/// # Errors
/// As [`iterate`] (every call returns the first call's error).
pub fn chapter_iteration(reading: MuReading) -> Result<&'static Converged, FluxRopeError> {
    static ITERATIONS: [std::sync::OnceLock<Result<Converged, FluxRopeError>>;
        MuReading::ALL.len()] = [const { std::sync::OnceLock::new() }; MuReading::ALL.len()];
    crate::once::computed_once(&ITERATIONS[reading.index()], || {
        iterate_from(
            &RopeParameters::table_1(),
            reading,
            RadialGrid::chapter(),
            IterationSettings::default(),
            original_equilibrium()?.clone(),
        )
    })
}

/// The original model (every b = 0, [`solve_original`]) of Table 1 on the chapter grid, the
/// iteration's start and the chapter's reference: solved once per process and shared by the
/// ledger and the figures.
///
/// # Errors
/// As [`solve_original`] (every call returns the first call's error).
pub fn original_equilibrium() -> Result<&'static Profile, FluxRopeError> {
    static ORIGINAL: std::sync::OnceLock<Result<Profile, FluxRopeError>> =
        std::sync::OnceLock::new();
    crate::once::computed_once(&ORIGINAL, || {
        solve_original(&RopeParameters::table_1(), RadialGrid::chapter())
    })
}

/// When to stop iterating.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct IterationSettings {
    /// Converged when `max |B_out - B_in| / B0z` over the grid falls below this.
    pub tolerance: f64,
    /// Iteration limit.
    pub max_iterations: usize,
}

impl Default for IterationSettings {
    fn default() -> Self {
        IterationSettings {
            tolerance: 1e-10,
            max_iterations: 60,
        }
    }
}

/// The converged equilibrium and how it got there.
#[derive(Debug, Clone, PartialEq)]
pub struct Converged {
    /// The self-consistent profile.
    pub profile: Profile,
    /// `max |B_out - B_in| / B0z` after each iteration (the first input is the b = 0 field).
    pub history: Vec<f64>,
}

/// Iterates Eq. 4 with `reading` from the original model's field until input and output
/// fields agree.
///
/// # Errors
/// [`FluxRopeError::SingularReading`] if an input field makes a component's perpendicular
/// factor non-positive, [`FluxRopeError::NotConverged`] after `settings.max_iterations`,
/// or any error of the solver.
pub fn iterate(
    params: &RopeParameters,
    reading: MuReading,
    grid: RadialGrid,
    settings: IterationSettings,
) -> Result<Converged, FluxRopeError> {
    iterate_from(
        params,
        reading,
        grid,
        settings,
        solve_original(params, grid)?,
    )
}

/// The iteration from the profile `start`.
fn iterate_from(
    params: &RopeParameters,
    reading: MuReading,
    grid: RadialGrid,
    settings: IterationSettings,
    start: Profile,
) -> Result<Converged, FluxRopeError> {
    let mut input = start;
    let mut history = Vec::new();
    for _ in 0..settings.max_iterations {
        let output = solve_in_field(params, reading, grid, |rho| input.field_magnitude_at(rho))?;
        let change = (0..output.rho_m.len())
            .map(|i| (output.field_magnitude(i) - input.field_magnitude(i)).abs())
            .fold(0.0, f64::max)
            / params.b0z_t;
        history.push(change);
        input = output;
        if change < settings.tolerance {
            return Ok(Converged {
                profile: input,
                history,
            });
        }
    }
    Err(FluxRopeError::NotConverged {
        iterations: settings.max_iterations,
        last_change: history.last().copied().unwrap_or(f64::NAN),
    })
}

/// The limit of [`iterate`], reached in fewer solves, with the history of the solves it took.
/// A reading whose factors do not depend on the field ([`MuReading::LocalField`]) is solved
/// once: every iteration would give the same profile. Any other reading is iterated from the
/// one-pass solution ([`super::equilibrium::solve_one_pass`]), which takes `|B|` from the
/// state being integrated and so differs from the limit only by the linear interpolation of
/// `|B|` between grid points: two solves reach the tolerance where four are needed from the
/// original model.
///
/// # Errors
/// As [`iterate`].
pub fn fixed_point(
    params: &RopeParameters,
    reading: MuReading,
    grid: RadialGrid,
    settings: IterationSettings,
) -> Result<Converged, FluxRopeError> {
    if !reading.depends_on_field() {
        let profile = solve_in_field(params, reading, grid, |_| f64::NAN)?;
        return Ok(Converged {
            profile,
            history: vec![0.0],
        });
    }
    iterate_from(
        params,
        reading,
        grid,
        settings,
        solve_one_pass(params, reading, grid)?,
    )
}
