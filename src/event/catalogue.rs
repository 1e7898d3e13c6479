//! Surveys: one analysis over many intervals (`regen event --catalogue intervals.csv`), run
//! in parallel on the machine's cores, one row per interval (or per sample, for analyses
//! that make catalogues themselves) in a polars table written as CSV and Parquet. Each
//! interval is a pure function of (files, interval), so a larger survey can be split across
//! machines by any batch engine that runs `regen event` on slices of the interval list and
//! concatenates the tables.

use super::EventError;
use crate::binning::read_catalogue;
use polars::prelude::{Column, DataFrame, NamedFrom, Series};
use std::path::Path;

/// One interval of a survey, as the CSV gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntervalSpec {
    /// The row's label (`label` column, or `row N`).
    pub label: String,
    /// Start, ISO 8601 UTC, as written.
    pub start: String,
    /// End, ISO 8601 UTC.
    pub end: String,
}

/// Reads the interval list: columns `start` and `end` (ISO 8601 UTC) and an optional `label`.
///
/// # Errors
/// [`EventError::Option`] naming `--catalogue` for an unreadable file, a missing column or
/// an empty cell.
pub fn read_intervals(path: &Path) -> Result<Vec<IntervalSpec>, EventError> {
    let bad = |reason: String| EventError::Option {
        parameter: "--catalogue",
        reason,
    };
    let frame = read_catalogue(path, &[]).map_err(|e| bad(e.to_string()))?;
    let text = |name: &str| -> Result<Option<Vec<String>>, EventError> {
        let Ok(column) = frame.column(name) else {
            return Ok(None);
        };
        let strings = column
            .cast(&polars::prelude::DataType::String)
            .map_err(|e| bad(e.to_string()))?;
        let values = strings.str().map_err(|e| bad(e.to_string()))?;
        let cells: Vec<Option<&str>> = values.iter().collect();
        cells
            .into_iter()
            .enumerate()
            .map(|(k, cell)| {
                cell.filter(|c| !c.trim().is_empty())
                    .map(|c| c.trim().to_owned())
                    .ok_or_else(|| bad(format!("{}: row {} has no {name}", path.display(), k + 1)))
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Some)
    };
    let (Some(starts), Some(ends)) = (text("start")?, text("end")?) else {
        return Err(bad(format!(
            "{}: needs columns start and end (ISO 8601 UTC), optional label",
            path.display()
        )));
    };
    let labels =
        text("label")?.unwrap_or_else(|| (1..=starts.len()).map(|k| format!("row {k}")).collect());
    Ok(labels
        .into_iter()
        .zip(starts.into_iter().zip(ends))
        .map(|(label, (start, end))| IntervalSpec { label, start, end })
        .collect())
}

/// Runs `job` on every interval on `threads` worker threads (at least one), results in the
/// intervals' order.
pub fn run_parallel<T: Send>(
    intervals: &[IntervalSpec],
    threads: usize,
    job: impl Fn(&IntervalSpec) -> T + Sync,
) -> Vec<T> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let next = AtomicUsize::new(0);
    let mut results: Vec<(usize, T)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads.clamp(1, intervals.len().max(1)))
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let k = next.fetch_add(1, Ordering::Relaxed);
                        let Some(interval) = intervals.get(k) else {
                            break;
                        };
                        done.push((k, job(interval)));
                    }
                    done
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("a survey worker panicked"))
            .collect()
    });
    results.sort_by_key(|(k, _)| *k);
    results.into_iter().map(|(_, r)| r).collect()
}

/// The numbers of a JSON result as named columns: nested objects joined with `_`, arrays
/// indexed (`j_mean_na_m2_0`); text and nulls dropped.
pub fn flatten(prefix: &str, value: &serde_json::Value, out: &mut Vec<(String, f64)>) {
    let name = |key: &str| {
        if prefix.is_empty() {
            key.to_owned()
        } else {
            format!("{prefix}_{key}")
        }
    };
    match value {
        serde_json::Value::Number(n) => {
            out.push((prefix.to_owned(), n.as_f64().unwrap_or(f64::NAN)))
        }
        serde_json::Value::Object(fields) => {
            fields.iter().for_each(|(k, v)| flatten(&name(k), v, out))
        }
        serde_json::Value::Array(items) => items
            .iter()
            .enumerate()
            .for_each(|(k, v)| flatten(&name(&k.to_string()), v, out)),
        _ => {}
    }
}

/// One table row per interval: `label`, `start`, `end`, `error` (empty when the analysis
/// ran), then every number of the results, null where an interval has no such number.
///
/// # Errors
/// Only if polars refuses the columns.
pub fn table(
    rows: &[(IntervalSpec, Result<serde_json::Value, String>)],
) -> Result<DataFrame, polars::prelude::PolarsError> {
    let flat: Vec<Vec<(String, f64)>> = rows
        .iter()
        .map(|(_, result)| {
            let mut numbers = Vec::new();
            if let Ok(value) = result {
                flatten("", value, &mut numbers);
            }
            numbers
        })
        .collect();
    let mut names: Vec<String> = Vec::new();
    for (name, _) in flat.iter().flatten() {
        if !names.contains(name) {
            names.push(name.clone());
        }
    }
    let text =
        |name: &str,
         pick: &dyn Fn(&(IntervalSpec, Result<serde_json::Value, String>)) -> String| {
            Column::from(Series::new(
                name.into(),
                rows.iter().map(pick).collect::<Vec<String>>(),
            ))
        };
    let mut columns = vec![
        text("label", &|r| r.0.label.clone()),
        text("start", &|r| r.0.start.clone()),
        text("end", &|r| r.0.end.clone()),
        text("error", &|r| {
            r.1.as_ref().err().cloned().unwrap_or_default()
        }),
    ];
    for name in &names {
        let values: Vec<Option<f64>> = flat
            .iter()
            .map(|row| row.iter().find(|(n, _)| n == name).map(|(_, v)| *v))
            .collect();
        columns.push(Column::from(Series::new(name.as_str().into(), values)));
    }
    DataFrame::new_infer_height(columns)
}

/// Writes `frame` as `<stem>.csv` and `<stem>.parquet` in `directory`, each through a
/// temporary file renamed into place.
///
/// # Errors
/// Whatever polars or the file system says, as text.
pub fn write_table(
    frame: &mut DataFrame,
    directory: &Path,
    stem: &str,
) -> Result<[std::path::PathBuf; 2], String> {
    use polars_io::SerWriter;
    let mut csv = Vec::new();
    polars_io::csv::write::CsvWriter::new(&mut csv)
        .finish(frame)
        .map_err(|e| e.to_string())?;
    let csv_path = directory.join(format!("{stem}.csv"));
    crate::figure::write_atomic(&csv_path, &csv).map_err(|e| e.to_string())?;
    let mut parquet = Vec::new();
    polars_io::parquet::write::ParquetWriter::new(&mut parquet)
        .finish(frame)
        .map_err(|e| e.to_string())?;
    let parquet_path = directory.join(format!("{stem}.parquet"));
    crate::figure::write_atomic(&parquet_path, &parquet).map_err(|e| e.to_string())?;
    Ok([csv_path, parquet_path])
}
