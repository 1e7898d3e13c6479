//! Timed comparisons of the workbook's hot kernels, each against a baseline measured in the
//! same run, so a ratio survives a noisy or shared machine better than an absolute time.
//!
//! One implementation serves both `regen --timings` (its kernel lines) and the `benches/`
//! harness (`cargo bench`), which also prints these ratios. The outside baselines (numpy,
//! scipy) are scripts under `benches/baselines/`, run by hand: they are not a dependency.
//!
//! Timing: kernel and baseline run in alternating batches (A B A B ...), so a slowdown of
//! the machine hits both; each reports the median over batches of the mean time per call.

use crate::flux_rope::{
    FluxRopeError, MuReading, RadialGrid, RopeParameters, equilibrium, moments, mu_iteration,
};
use crate::smile::SmileError;
use crate::tetrahedron::{Tetrahedron, TetrahedronError};
use ndarray::{Array3, Array4};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Why a benchmark could not run: the error of the code it times.
#[derive(Debug, thiserror::Error)]
pub enum BenchmarkError {
    /// The four-spacecraft gradient failed.
    #[error(transparent)]
    Tetrahedron(#[from] TetrahedronError),
    /// The flux-rope solver failed.
    #[error(transparent)]
    FluxRope(#[from] FluxRopeError),
    /// The smile model failed.
    #[error(transparent)]
    Smile(#[from] SmileError),
}

/// One timed quantity against its same-run baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// What is timed.
    pub what: String,
    /// Median time per call.
    pub time: Duration,
    /// What the baseline is.
    pub baseline_what: String,
    /// Median time per call of the baseline.
    pub baseline: Duration,
}

impl Comparison {
    /// `time / baseline`.
    pub fn ratio(&self) -> f64 {
        self.time.as_secs_f64() / self.baseline.as_secs_f64()
    }

    /// One line: the time, the ratio and the baseline, with a unit suited to each.
    pub fn line(&self) -> String {
        format!(
            "{}: {} per call, {:.2}x the baseline ({}: {})",
            self.what,
            human(self.time),
            self.ratio(),
            self.baseline_what,
            human(self.baseline)
        )
    }
}

/// A duration in us below 1 ms, else in ms.
fn human(d: Duration) -> String {
    let seconds = d.as_secs_f64();
    if seconds < 1e-3 {
        format!("{:.1} us", seconds * 1e6)
    } else {
        format!("{:.2} ms", seconds * 1e3)
    }
}

/// Median over `batches` of the mean time per call of `a` and of `b`, run in alternating
/// batches of `per_batch` calls after one untimed batch of each.
pub fn alternate(
    batches: usize,
    per_batch: usize,
    mut a: impl FnMut(),
    mut b: impl FnMut(),
) -> (Duration, Duration) {
    let batch = |f: &mut dyn FnMut()| {
        let start = Instant::now();
        for _ in 0..per_batch {
            f();
        }
        start.elapsed() / per_batch.max(1) as u32
    };
    batch(&mut a);
    batch(&mut b);
    let (mut ta, mut tb): (Vec<Duration>, Vec<Duration>) = (0..batches.max(1))
        .map(|_| (batch(&mut a), batch(&mut b)))
        .unzip();
    (median(&mut ta), median(&mut tb))
}

fn median(times: &mut [Duration]) -> Duration {
    times.sort_unstable();
    times[times.len() / 2]
}

/// FPI-DES's velocity grid: energies x polar x azimuth.
pub const FPI_GRID: (usize, usize, usize) = (32, 16, 32);

/// The gradient fixture: an MMS-like tetrahedron (about 10 km, not regular) and four
/// distributions on [`FPI_GRID`].
///
/// # Errors
/// None in practice: the positions are fixed and span a volume.
pub fn gradient_fixture() -> Result<(Tetrahedron, [Array3<f64>; 4]), TetrahedronError> {
    let tetrahedron = Tetrahedron::new([
        [0.0, 0.0, 0.0],
        [10e3, 1e3, 0.5e3],
        [3e3, 9.5e3, -1e3],
        [4e3, 3e3, 9e3],
    ])?;
    let f = std::array::from_fn(|s| {
        Array3::from_shape_fn(FPI_GRID, |(i, j, k)| (s + i + j + k) as f64)
    });
    Ok((tetrahedron, f))
}

/// The gradient's memory traffic alone: one pass that reads the four distributions and writes
/// three arrays (the first the sum of two, the others copies), with none of the kernel's
/// arithmetic: the floor a kernel of these reads and writes meets. Runs over the shortest of
/// the seven slices.
///
/// ```
/// let (a, b, c, d) = ([1.0, 2.0], [10.0, 20.0], [3.0, 4.0], [5.0, 6.0]);
/// let (mut x, mut y, mut z) = ([0.0; 2], [0.0; 2], [0.0; 2]);
/// mmsbook::benchmarks::memory_traffic([&a, &b, &c, &d], [&mut x, &mut y, &mut z]);
/// assert_eq!((x, y, z), ([11.0, 22.0], c, d));
/// ```
pub fn memory_traffic(f: [&[f64]; 4], out: [&mut [f64]; 3]) {
    let [a, b, c, d] = f;
    let [x, y, z] = out;
    let reads = a.iter().zip(b).zip(c).zip(d);
    let writes = x.iter_mut().zip(y.iter_mut()).zip(z.iter_mut());
    for ((((a, b), c), d), ((x, y), z)) in reads.zip(writes) {
        *x = a + b;
        *y = *c;
        *z = *d;
    }
}

/// The four-spacecraft gradient of an FPI-sized distribution, into a reused buffer and
/// allocating, against summing the same four arrays (`&f1 + &f2 + &f3 + &f4`: the same
/// reads, a third of the writes, no arithmetic to speak of); and into the buffer against
/// [`memory_traffic`], its reads and writes alone.
///
/// # Errors
/// As [`Tetrahedron::gradient_distribution_into`].
pub fn gradient_kernel(
    batches: usize,
    per_batch: usize,
) -> Result<[Comparison; 3], BenchmarkError> {
    let (tetrahedron, f) = gradient_fixture()?;
    let views = || [f[0].view(), f[1].view(), f[2].view(), f[3].view()];
    let (n0, n1, n2) = FPI_GRID;
    let mut out = Array4::<f64>::zeros((3, n0, n1, n2));
    let mut gradient_into = || tetrahedron.gradient_distribution_into(views(), out.view_mut());
    let mut result = Ok(());
    let sum = || {
        black_box(&f[0] + &f[1] + &f[2] + &f[3]);
    };
    let (into, baseline_into) = alternate(
        batches,
        per_batch,
        || result = result.clone().and(gradient_into()),
        sum,
    );
    result?;
    let mut result = Ok(());
    let (allocating, baseline_allocating) = alternate(
        batches,
        per_batch,
        || {
            result = result.clone().and(
                tetrahedron
                    .gradient_distribution(views())
                    .map(|g| drop(black_box(g))),
            )
        },
        sum,
    );
    result?;
    let mut result = Ok(());
    // The fixture's arrays are in standard layout, so each is one slice.
    let reads = f.each_ref().map(|a| a.as_slice().unwrap_or_default());
    let n = n0 * n1 * n2;
    let mut floor = vec![0.0; 3 * n];
    let (into_again, traffic) = alternate(
        batches,
        per_batch,
        || result = result.clone().and(gradient_into()),
        || {
            let (x, rest) = floor.split_at_mut(n);
            let (y, z) = rest.split_at_mut(n);
            memory_traffic(reads, [x, y, z]);
            black_box(&floor);
        },
    );
    result?;
    black_box(&out);
    let baseline_what = "summing the four arrays".to_owned();
    Ok([
        Comparison {
            what: "gradient of a 32x16x32 distribution from 4 spacecraft, into a reused buffer"
                .into(),
            time: into,
            baseline_what: baseline_what.clone(),
            baseline: baseline_into,
        },
        Comparison {
            what: "the same, allocating its result".into(),
            time: allocating,
            baseline_what,
            baseline: baseline_allocating,
        },
        Comparison {
            what: "the same into a reused buffer, against its memory traffic".into(),
            time: into_again,
            baseline_what: "reading the four arrays and writing three, no arithmetic".into(),
            baseline: traffic,
        },
    ])
}

/// The flux-rope original-model solve (Yang et al., Table 1, chapter grid 0–500 km, 5001
/// points) against the closed-form electron density at as many points as the solve visits
/// (four RK4 stages per step), with the potential given: what the solve would cost without
/// its quasi-neutrality roots.
///
/// # Errors
/// As [`equilibrium::solve_original`].
pub fn flux_rope_solve(batches: usize, per_batch: usize) -> Result<Comparison, BenchmarkError> {
    let params = RopeParameters::table_1();
    let grid = RadialGrid::chapter();
    let visits = 4 * grid.intervals + 1;
    let mut result = Ok(());
    let (solve, baseline) = alternate(
        batches,
        per_batch,
        || {
            result = result
                .clone()
                .and(equilibrium::solve_original(&params, grid).map(|p| drop(black_box(p))))
        },
        || {
            let mut total = 0.0;
            for v in 0..visits {
                let at = moments::LocalPotentials {
                    rho_m: v as f64,
                    phi_v: -1e-3 * v as f64,
                    a_phi_tm: 1e-9,
                    a_z_tm: 1e-9,
                };
                total += moments::electron_density(&params, params.n_i_m3, &at, [1.0; 3]);
            }
            black_box(total);
        },
    );
    result?;
    Ok(Comparison {
        what: format!(
            "flux rope: original-model solve (0-500 km, {} points)",
            grid.intervals + 1
        ),
        time: solve,
        baseline_what: format!("{visits} closed-form electron densities, potential given"),
        baseline,
    })
}

/// The mu-term iterations (Sec. 3) for two readings, each against one original-model solve.
///
/// # Errors
/// As [`mu_iteration::iterate`].
pub fn flux_rope_iterations(batches: usize) -> Result<Vec<Comparison>, BenchmarkError> {
    let params = RopeParameters::table_1();
    let grid = RadialGrid::chapter();
    let mut comparisons = Vec::new();
    for reading in [MuReading::LocalField, MuReading::Nanotesla] {
        let mut result = Ok(0);
        let (iterate, solve) = alternate(
            batches,
            1,
            || {
                result = result.clone().and(
                    mu_iteration::iterate(
                        &params,
                        reading,
                        grid,
                        mu_iteration::IterationSettings::default(),
                    )
                    .map(|c| c.history.len()),
                )
            },
            || drop(black_box(equilibrium::solve_original(&params, grid))),
        );
        let iterations = result?;
        comparisons.push(Comparison {
            what: format!(
                "flux rope: mu-term iteration ({}, {iterations} iterations)",
                reading.label()
            ),
            time: iterate,
            baseline_what: "one original-model solve".into(),
            baseline: solve,
        });
    }
    Ok(comparisons)
}

/// One step of a virtual FPI gradient in the crescent model (Shuster et al.): sampling four
/// 32x16x32 model distributions, against their four-spacecraft gradient; and the smile scan
/// along z against one sampling.
///
/// # Errors
/// As the smile model's sampling, gradient and scan.
pub fn smile_step(batches: usize) -> Result<[Comparison; 2], BenchmarkError> {
    use crate::smile::detector::{GradientEstimate, scan};
    use crate::smile::gradient::{four_spacecraft, regular_tetrahedron};
    use crate::smile::grids::VelocityGrid;
    use crate::smile::{CrescentModel, TETRAHEDRON_ANGLES, scan_positions};
    let model = CrescentModel::reference();
    let grid = VelocityGrid::fpi_des(model.thermal_speed);
    let positions = regular_tetrahedron(5.0, TETRAHEDRON_ANGLES, 0.375);
    let sample = || -> Vec<_> {
        positions
            .iter()
            .map(|p| grid.sample(&model, p[2]))
            .collect()
    };
    let samples = sample();
    let mut result = Ok(());
    let (sampling, gradient) = alternate(
        batches,
        1,
        || drop(black_box(sample())),
        || {
            result = result.clone().and(
                four_spacecraft(
                    [&samples[0], &samples[1], &samples[2], &samples[3]],
                    positions,
                )
                .map(|g| drop(black_box(g))),
            )
        },
    );
    result?;
    let positions_z = scan_positions();
    let mut result = Ok(0);
    let (scan_time, sampling_again) = alternate(
        batches.div_ceil(4),
        1,
        || {
            result = result.clone().and(
                scan(
                    &model,
                    GradientEstimate::Difference { dz: 1.0 },
                    &positions_z,
                )
                .map(|r| r.len()),
            )
        },
        || drop(black_box(sample())),
    );
    let readings = result?;
    Ok([
        Comparison {
            what: "smile: sampling one FPI step (four 32x16x32 model distributions)".into(),
            time: sampling,
            baseline_what: "their four-spacecraft gradient".into(),
            baseline: gradient,
        },
        Comparison {
            what: format!("smile: scan of {readings} positions along z"),
            time: scan_time,
            baseline_what: "sampling one FPI step".into(),
            baseline: sampling_again,
        },
    ])
}

/// Every comparison above, at the batch counts `regen --timings` uses.
///
/// # Errors
/// The first benchmark that fails.
pub fn all() -> Result<Vec<Comparison>, BenchmarkError> {
    let mut comparisons = Vec::new();
    comparisons.extend(gradient_kernel(15, 20)?);
    comparisons.push(flux_rope_solve(5, 2)?);
    comparisons.extend(flux_rope_iterations(1)?);
    comparisons.extend(smile_step(3)?);
    Ok(comparisons)
}
