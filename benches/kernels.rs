//! `cargo bench`: the workbook's hot kernels, each beside the baseline it is judged against
//! (divan's table), then every kernel as a ratio to a baseline measured in the same run (the
//! same code as `regen --timings`: [`mmsbook::benchmarks`]). The numpy/scipy baselines are
//! scripts in `benches/baselines/`, run by hand.
//!
//! ```console
//! cargo bench --bench kernels                 # everything
//! cargo bench --bench kernels -- gradient     # divan's filter: only the gradient group
//! ```

use mmsbook::benchmarks;
use mmsbook::flux_rope::{RadialGrid, RopeParameters, equilibrium};
use ndarray::Array4;

fn main() {
    divan::main();
    // Ratios only for a full run (no filter argument besides divan's own flags).
    if std::env::args().skip(1).all(|a| a.starts_with('-')) {
        println!("\nratios to baselines measured in the same run (median of alternating batches):");
        match benchmarks::all() {
            Ok(comparisons) => comparisons.iter().for_each(|c| println!("  {}", c.line())),
            Err(error) => {
                eprintln!("benchmark failed: {error}");
                std::process::exit(1);
            }
        }
    }
}

#[divan::bench_group]
mod gradient {
    use super::*;

    /// Baseline: `&f1 + &f2 + &f3 + &f4`, allocating its result.
    #[divan::bench]
    fn sum_four_arrays(bencher: divan::Bencher) {
        let (_, f) = benchmarks::gradient_fixture().expect("fixed tetrahedron");
        bencher.bench_local(|| &f[0] + &f[1] + &f[2] + &f[3]);
    }

    /// The kernel into a reused buffer (a time series of distributions).
    #[divan::bench]
    fn into_buffer(bencher: divan::Bencher) {
        let (t, f) = benchmarks::gradient_fixture().expect("fixed tetrahedron");
        let (n0, n1, n2) = benchmarks::FPI_GRID;
        let mut out = Array4::zeros((3, n0, n1, n2));
        bencher.bench_local(|| {
            t.gradient_distribution_into(
                [f[0].view(), f[1].view(), f[2].view(), f[3].view()],
                out.view_mut(),
            )
        });
    }

    /// Baseline: the kernel's reads and writes alone, into a reused buffer.
    #[divan::bench]
    fn memory_traffic(bencher: divan::Bencher) {
        let (_, f) = benchmarks::gradient_fixture().expect("fixed tetrahedron");
        let reads = f.each_ref().map(|a| a.as_slice().expect("standard layout"));
        let n = reads[0].len();
        let mut out = vec![0.0; 3 * n];
        bencher.bench_local(|| {
            let (x, rest) = out.split_at_mut(n);
            let (y, z) = rest.split_at_mut(n);
            benchmarks::memory_traffic(reads, [x, y, z]);
        });
    }

    /// The allocating wrapper.
    #[divan::bench]
    fn allocating(bencher: divan::Bencher) {
        let (t, f) = benchmarks::gradient_fixture().expect("fixed tetrahedron");
        bencher.bench_local(|| {
            t.gradient_distribution([f[0].view(), f[1].view(), f[2].view(), f[3].view()])
        });
    }
}

#[divan::bench_group(sample_count = 20)]
mod flux_rope {
    use super::*;

    /// Table 1 without mu-terms on the chapter grid (0-500 km, 5001 points).
    #[divan::bench]
    fn original_model_solve() -> Result<equilibrium::Profile, mmsbook::flux_rope::FluxRopeError> {
        equilibrium::solve_original(&RopeParameters::table_1(), RadialGrid::chapter())
    }
}
