//! The event selection of Sec. 2 as a catalogue filter: the three criteria of Zhang et al.
//! (2024) that built the 163 crossings, then the orientation criteria that keep 104 for which
//! Eq. 1 reduces to Eq. 2 (`j_z B_y` and `dP_xy/dy` negligible). The Hall field below 5 mV/m
//! is what the earlier study estimated for its events afterwards, not a cut: it is a column
//! the filter reports on ([`Selection::largest_hall_field_mv_m`]) but does not apply.
//!
//! Columns (all numbers, one row per crossing):
//!
//! | column | meaning | unit |
//! |---|---|---|
//! | `x_re` | GSM X of the crossing | R_E |
//! | `bl_min_nt`, `bl_max_nt` | smallest and largest B_L over the crossing | nT |
//! | `j_peak_na_m2` | peak current density | nA/m² |
//! | `ion_flow_km_s` | mean ion flow speed | km/s |
//! | `hall_e_mv_m` | Hall electric field estimate | mV/m |
//! | `n_dot_z`, `m_dot_y` | N·e_z and M·e_y of the LMN frame | 1 |
//!
//! "Cross or approach the neutral sheet" is not quantified in the paper: a crossing here is a
//! sign change of B_L, and an approach within `approach_nt` of zero counts too (0 by default,
//! so only crossings; say so when you change it).

use super::published as paper;
use crate::binning::{BinningError, f64_column, read_catalogue, require_numeric_columns};
use polars::prelude::{BooleanChunked, DataFrame, NewChunkedArray};
use std::path::Path;

/// The columns a selection catalogue must have.
pub const COLUMNS: [&str; 8] = [
    "x_re",
    "bl_min_nt",
    "bl_max_nt",
    "j_peak_na_m2",
    "ion_flow_km_s",
    "hall_e_mv_m",
    "n_dot_z",
    "m_dot_y",
];

/// One criterion of Sec. 2, in the order the paper applies them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Criterion {
    /// B_L changes sign (or comes within the approach distance of zero).
    NeutralSheet,
    /// Peak current density above 5 nA/m².
    PeakCurrent,
    /// Mean ion flow below 100 km/s.
    QuietFlow,
    /// N·e_z above 0.6 (a nearly horizontal sheet).
    Horizontal,
    /// M·e_y above 0.6 (current mostly dawn–dusk).
    DawnDusk,
}

impl Criterion {
    /// Every criterion, in order: the first three built the parent set of 163, the last two
    /// the 104.
    pub const ALL: [Criterion; 5] = [
        Criterion::NeutralSheet,
        Criterion::PeakCurrent,
        Criterion::QuietFlow,
        Criterion::Horizontal,
        Criterion::DawnDusk,
    ];

    /// Short description with the threshold.
    pub fn describe(self) -> &'static str {
        match self {
            Criterion::NeutralSheet => "crosses the neutral sheet B_L = 0",
            Criterion::PeakCurrent => "peak j > 5 nA/m^2",
            Criterion::QuietFlow => "mean ion flow < 100 km/s",
            Criterion::Horizontal => "N·e_z > 0.6",
            Criterion::DawnDusk => "M·e_y > 0.6",
        }
    }

    fn passes(self, row: &Row, approach_nt: f64) -> bool {
        match self {
            Criterion::NeutralSheet => {
                row.bl_min_nt <= approach_nt && row.bl_max_nt >= -approach_nt
            }
            Criterion::PeakCurrent => row.j_peak > paper::MIN_PEAK_CURRENT_NA_M2,
            Criterion::QuietFlow => row.ion_flow < paper::MAX_ION_FLOW_KM_S,
            Criterion::Horizontal => row.n_dot_z > paper::MIN_ALIGNMENT,
            Criterion::DawnDusk => row.m_dot_y > paper::MIN_ALIGNMENT,
        }
    }
}

struct Row {
    bl_min_nt: f64,
    bl_max_nt: f64,
    j_peak: f64,
    ion_flow: f64,
    n_dot_z: f64,
    m_dot_y: f64,
}

/// The outcome: the rows kept, and how many each criterion removed in turn.
#[derive(Debug, Clone)]
pub struct Selection {
    /// The crossings that pass every criterion, all columns kept.
    pub kept: DataFrame,
    /// Rows removed by each criterion, applied in [`Criterion::ALL`] order.
    pub removed: Vec<(Criterion, usize)>,
    /// The largest Hall field among the kept rows, mV/m: the earlier study found all below
    /// 5 mV/m (`published::MAX_HALL_FIELD_MV_M`), which this lets a reader check.
    pub largest_hall_field_mv_m: f64,
}

/// Applies the criteria of Sec. 2 to `catalogue` (with at least [`COLUMNS`]).
///
/// # Errors
/// [`BinningError`] for a missing, non-numeric, incomplete or infinite column, or
/// [`BinningError::BadParameter`] for a negative or non-finite `approach_nt`.
///
/// ```
/// use mmsbook::binning::read_catalogue_str;
/// use mmsbook::force_balance::selection::{select, COLUMNS};
/// let csv = "x_re,bl_min_nt,bl_max_nt,j_peak_na_m2,ion_flow_km_s,hall_e_mv_m,n_dot_z,m_dot_y\n\
///            -15,-8,7,9.3,40,2,0.9,0.95\n\
///            -15,-8,7,9.3,40,2,0.5,0.95\n";
/// let frame = read_catalogue_str(csv, &COLUMNS).unwrap();
/// let selection = select(&frame, 0.0).unwrap();
/// assert_eq!(selection.kept.height(), 1); // the second sheet is tilted: N·e_z = 0.5
/// ```
pub fn select(catalogue: &DataFrame, approach_nt: f64) -> Result<Selection, BinningError> {
    if !(approach_nt.is_finite() && approach_nt >= 0.0) {
        return Err(BinningError::BadParameter {
            parameter: "approach_nt (nT, >= 0)",
            value: approach_nt,
        });
    }
    let frame = require_numeric_columns(catalogue, &COLUMNS)?;
    let column = |name: &str| -> Result<Vec<f64>, BinningError> {
        let values = f64_column(&frame, name)?;
        match values.iter().position(|v| !v.is_finite()) {
            Some(row) => Err(BinningError::Infinite {
                column: name.to_owned(),
                row,
            }),
            None => Ok(values),
        }
    };
    let (bl_min, bl_max, j_peak) = (
        column("bl_min_nt")?,
        column("bl_max_nt")?,
        column("j_peak_na_m2")?,
    );
    let (ion_flow, hall_e, n_dot_z, m_dot_y) = (
        column("ion_flow_km_s")?,
        column("hall_e_mv_m")?,
        column("n_dot_z")?,
        column("m_dot_y")?,
    );
    let rows: Vec<Row> = (0..frame.height())
        .map(|i| Row {
            bl_min_nt: bl_min[i],
            bl_max_nt: bl_max[i],
            j_peak: j_peak[i],
            ion_flow: ion_flow[i],
            n_dot_z: n_dot_z[i],
            m_dot_y: m_dot_y[i],
        })
        .collect();
    let mut alive = vec![true; rows.len()];
    let mut removed = Vec::with_capacity(Criterion::ALL.len());
    for criterion in Criterion::ALL {
        let mut count = 0;
        for (keep, row) in alive.iter_mut().zip(&rows) {
            if *keep && !criterion.passes(row, approach_nt) {
                *keep = false;
                count += 1;
            }
        }
        removed.push((criterion, count));
    }
    let largest_hall_field_mv_m = alive
        .iter()
        .zip(&hall_e)
        .filter(|(keep, _)| **keep)
        .map(|(_, e)| *e)
        .fold(f64::NEG_INFINITY, f64::max);
    let mask = BooleanChunked::from_slice("kept".into(), &alive);
    let kept = frame.filter(&mask)?;
    Ok(Selection {
        kept,
        removed,
        largest_hall_field_mv_m,
    })
}

/// Reads a catalogue CSV and applies [`select`].
///
/// # Errors
/// As [`read_catalogue`] and [`select`].
pub fn select_file(path: &Path, approach_nt: f64) -> Result<Selection, BinningError> {
    select(&read_catalogue(path, &COLUMNS)?, approach_nt)
}

/// How the kept crossings divide between the regions of Sec. 3.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RegionCounts {
    /// -20 < X < -10 R_E.
    pub near: usize,
    /// -30 < X < -20 R_E.
    pub far: usize,
    /// Anywhere else.
    pub outside: usize,
}

/// Counts the kept crossings per region of Sec. 3 (boundaries as in [`paper::NEAR`] and
/// [`paper::FAR`]; a crossing exactly at -20 R_E counts as near-Earth).
///
/// # Errors
/// As [`f64_column`] for the `x_re` column.
pub fn region_counts(kept: &DataFrame) -> Result<RegionCounts, BinningError> {
    let mut counts = RegionCounts {
        near: 0,
        far: 0,
        outside: 0,
    };
    for x in f64_column(kept, "x_re")? {
        let within = |(tail, earth): (f64, f64)| x >= tail && x < earth;
        if within(paper::NEAR.x_re) {
            counts.near += 1;
        } else if within(paper::FAR.x_re) {
            counts.far += 1;
        } else {
            counts.outside += 1;
        }
    }
    Ok(counts)
}

/// A **synthetic** parent catalogue shaped like the paper's: 163 crossings that all pass the
/// criteria of Zhang et al. (2024) (with Hall fields below 5 mV/m), of which exactly 104 (58 near-Earth, 46 further out) pass
/// the orientation criteria; the others fail N·e_z, M·e_y or both. Seeded; an `event` column
/// numbers the rows and `survives` marks the 104 (1) so tests know the answer.
///
/// # Errors
/// A polars failure building the frame.
pub fn synthetic_parent_catalogue(seed: u64) -> Result<DataFrame, BinningError> {
    use polars::prelude::Column;
    use rand::RngExt;
    let mut rng = crate::synthetic::seeded_rng(seed);
    let total = paper::PARENT_EVENTS.value as usize;
    let (near, far) = paper::EVENTS;
    let mut columns: [Vec<f64>; 10] = Default::default();
    for event in 0..total {
        let survives = event < near + far;
        let x = if event < near {
            rng.random_range(-19.9..-10.1)
        } else if survives {
            rng.random_range(-29.9..-20.1)
        } else {
            rng.random_range(-29.9..-10.1)
        };
        let aligned = |rng: &mut rand_chacha::ChaCha8Rng| rng.random_range(0.61..1.0);
        let (n_dot_z, m_dot_y) = if survives {
            (aligned(&mut rng), aligned(&mut rng))
        } else {
            // Fail one criterion or both, in turn.
            match event % 3 {
                0 => (rng.random_range(0.0..0.59), aligned(&mut rng)),
                1 => (aligned(&mut rng), rng.random_range(0.0..0.59)),
                _ => (rng.random_range(0.0..0.59), rng.random_range(0.0..0.59)),
            }
        };
        let row = [
            event as f64,
            x,
            -rng.random_range(2.0..10.0),
            rng.random_range(2.0..10.0),
            rng.random_range(5.5..15.0),
            rng.random_range(10.0..95.0),
            rng.random_range(0.5..4.5),
            n_dot_z,
            m_dot_y,
            if survives { 1.0 } else { 0.0 },
        ];
        for (column, value) in columns.iter_mut().zip(row) {
            column.push(value);
        }
    }
    let names = [
        "event",
        "x_re",
        "bl_min_nt",
        "bl_max_nt",
        "j_peak_na_m2",
        "ion_flow_km_s",
        "hall_e_mv_m",
        "n_dot_z",
        "m_dot_y",
        "survives",
    ];
    let frame = DataFrame::new(
        total,
        names
            .iter()
            .zip(columns)
            .map(|(name, values)| Column::new((*name).into(), values))
            .collect(),
    )?;
    Ok(frame)
}
