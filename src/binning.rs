//! Event catalogues and binned statistics with polars: read a CSV with one row per event or
//! sample, then average a quantity in bins of another (mean and standard error per bin), the
//! operation behind every "average profile versus B_x/B0" figure of the papers.

use polars::prelude::*;
use polars_io::SerReader;
use polars_io::csv::read::CsvReadOptions;
use std::path::Path;

/// Why a catalogue could not be read or binned. Every message is one line of bounded length,
/// whatever the file holds (a binary file, ten thousand columns).
#[derive(Debug, thiserror::Error)]
pub enum BinningError {
    /// The CSV lacks a column the analysis needs.
    #[error("catalogue has no column `{column}` (columns: {available})")]
    MissingColumn {
        /// The required column.
        column: String,
        /// The columns present, comma-separated (the first few, then how many more).
        available: String,
    },
    /// A required column holds a cell that is not a number.
    #[error("column `{column}`, data row {row} (line {}): `{cell}` is not a number", .row + 2)]
    NotNumeric {
        /// The column.
        column: String,
        /// Zero-based data row.
        row: usize,
        /// The cell, shortened and escaped to one line.
        cell: String,
    },
    /// A required column of a frame built in memory has a type that does not hold numbers.
    #[error("column `{column}` has type {dtype}, not numbers")]
    NotNumericType {
        /// The column.
        column: String,
        /// Its type.
        dtype: String,
    },
    /// A required column has an empty cell or a NaN (`nan`, `NaN`, `NAN` alike).
    #[error("column `{column}` has a missing or NaN value in data row {row} (line {})", .row + 2)]
    MissingValue {
        /// The column.
        column: String,
        /// Zero-based data row.
        row: usize,
    },
    /// A required column holds an infinite value.
    #[error("column `{column}` has an infinite value in data row {row} (line {})", .row + 2)]
    Infinite {
        /// The column.
        column: String,
        /// Zero-based data row.
        row: usize,
    },
    /// The catalogue has a header but no data rows.
    #[error("catalogue has no rows (only a header)")]
    NoRows,
    /// Two columns share a name: which one an analysis reads would be arbitrary.
    #[error("catalogue has two columns named `{column}`")]
    DuplicateColumn {
        /// The repeated name.
        column: String,
    },
    /// Bin edges must be finite, strictly increasing, and at least two.
    #[error("bin edges must be at least 2 finite, strictly increasing numbers")]
    BadEdges,
    /// A parameter of an analysis over the catalogue is out of its range.
    #[error("{parameter} out of range: got {value}")]
    BadParameter {
        /// The parameter, with its unit and range.
        parameter: &'static str,
        /// The rejected value.
        value: f64,
    },
    /// The mean or standard error of a bin does not fit in a double (finite values near
    /// 1e308 of both signs).
    #[error("the statistics of bin {bin} overflow: rescale the column")]
    Overflow {
        /// Zero-based bin index.
        bin: usize,
    },
    /// A catalogue file's failure, with the file's name.
    #[error("{}: {error}", .path.display())]
    InFile {
        /// The catalogue file.
        path: std::path::PathBuf,
        /// What is wrong with it. (Not a `source`: the message already holds it, and error
        /// reports that print sources would repeat it.)
        error: Box<BinningError>,
    },
    /// Any other polars failure (I/O, malformed CSV), its message cut to one short line.
    #[error("{}", one_line(&.0.to_string()))]
    Polars(PolarsError),
}

impl From<PolarsError> for BinningError {
    fn from(error: PolarsError) -> Self {
        BinningError::Polars(error)
    }
}

/// Longest message fragment quoted from the input or from polars.
const QUOTE_LIMIT: usize = 160;

/// The first line of `text`, escaped (no control characters) and cut to [`QUOTE_LIMIT`]
/// characters: a binary file or a 10,000-column header must not become a 10 KB message.
fn one_line(text: &str) -> String {
    let first = text.lines().next().unwrap_or("");
    let escaped: String = first.chars().flat_map(char::escape_debug).collect();
    match escaped.char_indices().nth(QUOTE_LIMIT) {
        Some((cut, _)) => format!(
            "{}... ({} characters)",
            &escaped[..cut],
            escaped.chars().count()
        ),
        None => escaped,
    }
}

/// The columns of a frame for a message: the first few, then how many more.
fn column_list(frame: &DataFrame) -> String {
    const SHOWN: usize = 12;
    let names = frame.get_column_names();
    let mut list = names
        .iter()
        .take(SHOWN)
        .map(|n| one_line(n.as_str()))
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > SHOWN {
        list += &format!(" and {} more", names.len() - SHOWN);
    }
    list
}

/// CSV options for catalogues: every column read as text (no schema inference, so a column
/// of 200 integers followed by `2.5` is not refused as "not i64"); the required columns are
/// then parsed as `f64` here, with messages that name the row.
fn csv_options() -> CsvReadOptions {
    CsvReadOptions::default()
        .with_has_header(true)
        .with_infer_schema_length(Some(0))
}

/// Reads a CSV catalogue (header row, comma-separated) and checks that every column in
/// `required` exists, is numeric and complete; those columns come back as `f64`, the others
/// as text.
///
/// # Errors
/// [`BinningError::InFile`] naming the file, around [`BinningError::MissingColumn`],
/// [`BinningError::NotNumeric`], [`BinningError::MissingValue`], [`BinningError::Infinite`],
/// [`BinningError::NoRows`], [`BinningError::DuplicateColumn`], or [`BinningError::Polars`]
/// for unreadable files.
pub fn read_catalogue(path: &Path, required: &[&str]) -> Result<DataFrame, BinningError> {
    let read = || -> Result<DataFrame, BinningError> {
        let frame = csv_options()
            .try_into_reader_with_file_path(Some(path.to_owned()))?
            .finish()?;
        require_catalogue(frame, required)
    };
    read().map_err(|error| BinningError::InFile {
        path: path.to_owned(),
        error: Box::new(error),
    })
}

/// As [`read_catalogue`], from CSV text in memory (errors are not wrapped in
/// [`BinningError::InFile`]).
///
/// # Errors
/// As [`read_catalogue`].
///
/// ```
/// use mmsbook::binning::read_catalogue_str;
/// let frame = read_catalogue_str("x,y\n0.1,2\n0.2,4\n", &["x", "y"]).unwrap();
/// assert_eq!(frame.height(), 2);
/// assert!(read_catalogue_str("x\n1\n", &["x", "y"]).is_err());
/// ```
pub fn read_catalogue_str(csv: &str, required: &[&str]) -> Result<DataFrame, BinningError> {
    let cursor = std::io::Cursor::new(csv.as_bytes().to_vec());
    let frame = csv_options()
        .into_reader_with_file_handle(cursor)
        .finish()?;
    require_catalogue(frame, required)
}

/// The checks a catalogue read from CSV gets beyond [`require_numeric`]: unique column
/// names and at least one row.
fn require_catalogue(frame: DataFrame, required: &[&str]) -> Result<DataFrame, BinningError> {
    // polars renames a repeated header `x` to `x_duplicated_0`.
    let names = frame.get_column_names();
    for name in &names {
        if let Some((base, _)) = name.as_str().rsplit_once("_duplicated_")
            && names.iter().any(|n| n.as_str() == base)
        {
            return Err(BinningError::DuplicateColumn {
                column: one_line(base),
            });
        }
    }
    if frame.height() == 0 {
        return Err(BinningError::NoRows);
    }
    require_numeric(frame, required)
}

/// The frame with the `required` columns checked (present, numeric, complete) and cast to
/// `f64`: the validation [`read_catalogue`] applies, for frames built in memory.
///
/// # Errors
/// As [`read_catalogue`].
pub fn require_numeric_columns(
    frame: &DataFrame,
    required: &[&str],
) -> Result<DataFrame, BinningError> {
    require_numeric(frame.clone(), required)
}

/// One column of a frame as `f64` values, after the checks of [`require_numeric_columns`].
///
/// # Errors
/// As [`read_catalogue`].
pub fn f64_column(frame: &DataFrame, name: &str) -> Result<Vec<f64>, BinningError> {
    let checked = require_numeric(
        frame
            .select([name])
            .map_err(|_| missing(frame, name, name))?,
        &[name],
    )?;
    Ok(checked.column(name)?.f64()?.into_no_null_iter().collect())
}

fn require_numeric(mut frame: DataFrame, required: &[&str]) -> Result<DataFrame, BinningError> {
    for &name in required {
        let column = frame
            .column(name)
            .map_err(|_| BinningError::MissingColumn {
                column: one_line(name),
                available: column_list(&frame),
            })?;
        let values: Vec<f64> = match column.dtype() {
            DataType::String => parse_cells(name, column.str()?)?,
            dtype if dtype.is_primitive_numeric() => {
                let as_f64 = column.cast(&DataType::Float64)?;
                as_f64
                    .f64()?
                    .iter()
                    .enumerate()
                    .map(|(row, v)| {
                        v.ok_or_else(|| BinningError::MissingValue {
                            column: name.to_owned(),
                            row,
                        })
                    })
                    .collect::<Result<_, _>>()?
            }
            dtype => {
                return Err(BinningError::NotNumericType {
                    column: name.to_owned(),
                    dtype: dtype.to_string(),
                });
            }
        };
        for (row, value) in values.iter().enumerate() {
            if value.is_nan() {
                return Err(BinningError::MissingValue {
                    column: name.to_owned(),
                    row,
                });
            }
            if value.is_infinite() {
                return Err(BinningError::Infinite {
                    column: name.to_owned(),
                    row,
                });
            }
        }
        frame.with_column(Column::new(name.into(), values))?;
    }
    Ok(frame)
}

/// Parses a text column as `f64`, cell by cell (surrounding spaces allowed). Rust's parser
/// reads `nan`, `NaN`, `inf` and `infinity` in any case, so the checks after it treat them
/// alike.
fn parse_cells(name: &str, cells: &StringChunked) -> Result<Vec<f64>, BinningError> {
    cells
        .iter()
        .enumerate()
        .map(|(row, cell)| match cell.map(str::trim) {
            None | Some("") => Err(BinningError::MissingValue {
                column: name.to_owned(),
                row,
            }),
            Some(text) => text.parse::<f64>().map_err(|_| BinningError::NotNumeric {
                column: name.to_owned(),
                row,
                cell: one_line(text),
            }),
        })
        .collect()
}

/// Mean of a quantity in bins of another: one entry per non-empty bin, in bin order.
#[derive(Debug, Clone, PartialEq)]
pub struct BinnedProfile {
    /// Index of each populated bin in the edge list.
    pub bin: Vec<u32>,
    /// Bin centres, in the unit of the binned column.
    pub centre: Vec<f64>,
    /// Mean of the averaged column in each bin.
    pub mean: Vec<f64>,
    /// Standard error of the mean, `s / sqrt(n)` with the sample standard deviation `s`
    /// (0 for a bin with a single sample, which has no spread to estimate).
    pub standard_error: Vec<f64>,
    /// Number of samples in each bin.
    pub count: Vec<u32>,
}

/// Bins `frame` by column `by` on half-open bins `[edges[i], edges[i+1])` (the last bin is
/// closed) and returns the mean and standard error of column `of` in each populated bin.
/// Samples outside the edges are ignored.
///
/// # Errors
/// [`BinningError::BadEdges`]; [`BinningError::MissingColumn`] and friends if a column is
/// absent, not numeric, or incomplete.
///
/// ```
/// use mmsbook::binning::{read_catalogue_str, binned_mean};
/// let frame = read_catalogue_str("bx,p\n-0.9,1\n-0.8,3\n0.5,10\n", &["bx", "p"]).unwrap();
/// let profile = binned_mean(&frame, "bx", "p", &[-1.0, 0.0, 1.0]).unwrap();
/// assert_eq!(profile.mean, vec![2.0, 10.0]);
/// assert_eq!(profile.count, vec![2, 1]);
/// assert!((profile.standard_error[0] - 1.0).abs() < 1e-12);
/// ```
pub fn binned_mean(
    frame: &DataFrame,
    by: &str,
    of: &str,
    edges: &[f64],
) -> Result<BinnedProfile, BinningError> {
    // Every sample its own group: the grouped statistics are then the plain ones.
    let mut rows = frame.select([by, of]).map_err(|_| missing(frame, by, of))?;
    let index: Vec<u32> = (0..rows.height() as u32).collect();
    rows.with_column(Column::new(ROW_COLUMN.into(), index))?;
    binned_mean_of_groups(&rows, ROW_COLUMN, by, of, edges)
}

/// Name of the row-index column [`binned_mean`] adds.
const ROW_COLUMN: &str = "__row";

/// As [`binned_mean`], but with events as the unit: each `group` (an event id column) is
/// first averaged within each bin, and the profile is the mean and standard error across
/// groups, `count` being the number of groups in the bin. This is the error bar of an average
/// profile "based on the distributions of individual event values".
///
/// # Errors
/// As [`binned_mean`], and a missing or non-numeric group column.
///
/// ```
/// use mmsbook::binning::{binned_mean_of_groups, read_catalogue_str};
/// // Event 0 has two samples in the bin, event 1 one: the events weigh equally.
/// let frame = read_catalogue_str("event,b,p\n0,0.1,1\n0,0.2,3\n1,0.3,6\n", &["event", "b", "p"]).unwrap();
/// let profile = binned_mean_of_groups(&frame, "event", "b", "p", &[0.0, 1.0]).unwrap();
/// assert_eq!(profile.mean, vec![4.0]); // (2 + 6) / 2
/// assert_eq!(profile.count, vec![2]);
/// ```
pub fn binned_mean_of_groups(
    frame: &DataFrame,
    group: &str,
    by: &str,
    of: &str,
    edges: &[f64],
) -> Result<BinnedProfile, BinningError> {
    let valid_edges = edges.len() >= 2
        && edges.iter().all(|e| e.is_finite())
        && edges.windows(2).all(|pair| pair[0] < pair[1]);
    if !valid_edges {
        return Err(BinningError::BadEdges);
    }
    let frame = require_numeric(
        frame
            .select([group, by, of])
            .map_err(|_| missing(frame, by, of))?,
        &[group, by, of],
    )?;
    let bins: Vec<Option<u32>> = frame
        .column(by)?
        .f64()?
        .iter()
        .map(|x| x.and_then(|x| bin_of(x, edges)))
        .collect();
    let mut binned = frame.clone();
    binned.with_column(Column::new("bin".into(), bins))?;
    let in_range = binned.column("bin")?.is_not_null();
    let binned = binned.filter(&in_range)?;
    // Each event's mean in each bin (polars' mean of the group's rows), ordered by event then
    // bin.
    let events: Vec<f64> = binned.column(group)?.f64()?.into_no_null_iter().collect();
    let bins: Vec<u32> = binned.column("bin")?.u32()?.into_no_null_iter().collect();
    let values = binned.column(of)?.f64()?;
    let mut event_means: Vec<(f64, u32, f64)> = binned
        .group_by_stable([group, "bin"])?
        .get_groups()
        .iter()
        .map(|rows| {
            let members = match rows {
                GroupsIndicator::Idx((_, all)) => values.take(all.as_slice()),
                GroupsIndicator::Slice([start, len]) => {
                    Ok(values.slice(start.into(), len as usize))
                }
            }?;
            let first = rows.first() as usize;
            let mean = members
                .mean()
                .expect("grouping gives groups of at least one row");
            Ok((events[first], bins[first], mean))
        })
        .collect::<Result<_, PolarsError>>()?;
    event_means.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    // The across-event statistics are summed here, in a fixed order: polars' grouped standard
    // deviation is not bit-for-bit reproducible across runs, and the figures must be.
    let mut per_bin: Vec<Vec<f64>> = vec![Vec::new(); edges.len() - 1];
    for (_, b, v) in event_means {
        per_bin[b as usize].push(v);
    }
    let mut profile = BinnedProfile {
        bin: vec![],
        centre: vec![],
        mean: vec![],
        standard_error: vec![],
        count: vec![],
    };
    for (index, values) in per_bin.iter().enumerate().filter(|(_, v)| !v.is_empty()) {
        let statistics = |scale: f64| {
            let n = values.len() as f64;
            let mean = values.iter().map(|v| v / scale).sum::<f64>() / n;
            let variance = if values.len() > 1 {
                values
                    .iter()
                    .map(|v| (v / scale - mean).powi(2))
                    .sum::<f64>()
                    / (n - 1.0)
            } else {
                0.0
            };
            (mean * scale, (variance / n).sqrt() * scale)
        };
        let (mut mean, mut standard_error) = statistics(1.0);
        if !(mean.is_finite() && standard_error.is_finite()) {
            // Again in units of the bin's largest |value|, so that values near 1e308 do not
            // overflow the sums and squares (only then: the plain sums keep the figures'
            // bytes).
            let largest = values.iter().fold(0.0f64, |m, v| m.max(v.abs()));
            (mean, standard_error) = statistics(largest);
        }
        if !(mean.is_finite() && standard_error.is_finite()) {
            return Err(BinningError::Overflow { bin: index });
        }
        profile.bin.push(index as u32);
        profile.centre.push(0.5 * (edges[index] + edges[index + 1]));
        profile.mean.push(mean);
        profile.standard_error.push(standard_error);
        profile.count.push(values.len() as u32);
    }
    Ok(profile)
}

fn missing(frame: &DataFrame, by: &str, of: &str) -> BinningError {
    let absent = [by, of]
        .into_iter()
        .find(|name| frame.column(name).is_err())
        .unwrap_or(by);
    BinningError::MissingColumn {
        column: one_line(absent),
        available: column_list(frame),
    }
}

fn bin_of(x: f64, edges: &[f64]) -> Option<u32> {
    let last = edges.len() - 1;
    if x < edges[0] || x > edges[last] {
        return None;
    }
    // partition_point gives the number of edges <= x; the closed last bin takes x == max.
    let index = edges
        .partition_point(|&edge| edge <= x)
        .saturating_sub(1)
        .min(last - 1);
    Some(index as u32)
}

/// Counts of samples in the cells of a two-dimensional grid of bins.
#[derive(Debug, Clone, PartialEq)]
pub struct JointHistogram {
    /// Edges along the first column's axis.
    pub x_edges: Vec<f64>,
    /// Edges along the second column's axis.
    pub y_edges: Vec<f64>,
    /// `counts[i][j]`: samples with x in bin i and y in bin j.
    pub counts: Vec<Vec<u32>>,
    /// Samples inside the grid.
    pub total: u32,
}

impl JointHistogram {
    /// Probability density per unit area of the binned variables, `count / (total * area)`,
    /// or `None` for an empty cell.
    pub fn density(&self, i: usize, j: usize) -> Option<f64> {
        let count = *self.counts.get(i)?.get(j)?;
        let area =
            (self.x_edges[i + 1] - self.x_edges[i]) * (self.y_edges[j + 1] - self.y_edges[j]);
        (count > 0).then(|| f64::from(count) / (f64::from(self.total) * area))
    }
}

/// Joint histogram of columns `x` and `y` on half-open bins (last bins closed), with a polars
/// group-by over the pair of bin indices. Samples outside the grid are ignored.
///
/// # Errors
/// [`BinningError::BadEdges`] or a missing / non-numeric / incomplete column.
///
/// ```
/// use mmsbook::binning::{joint_histogram, read_catalogue_str};
/// let frame = read_catalogue_str("a,b\n0.1,0.1\n0.2,0.9\n0.7,0.8\n0.8,0.6\n", &["a", "b"]).unwrap();
/// let histogram = joint_histogram(&frame, "a", "b", &[0.0, 0.5, 1.0], &[0.0, 0.5, 1.0]).unwrap();
/// assert_eq!(histogram.counts, vec![vec![1, 1], vec![0, 2]]);
/// ```
pub fn joint_histogram(
    frame: &DataFrame,
    x: &str,
    y: &str,
    x_edges: &[f64],
    y_edges: &[f64],
) -> Result<JointHistogram, BinningError> {
    for edges in [x_edges, y_edges] {
        let valid = edges.len() >= 2
            && edges.iter().all(|e| e.is_finite())
            && edges.windows(2).all(|p| p[0] < p[1]);
        if !valid {
            return Err(BinningError::BadEdges);
        }
    }
    let frame = require_numeric(
        frame.select([x, y]).map_err(|_| missing(frame, x, y))?,
        &[x, y],
    )?;
    let bins = |column: &str, edges: &[f64]| -> Result<Vec<Option<u32>>, BinningError> {
        Ok(frame
            .column(column)?
            .f64()?
            .iter()
            .map(|v| v.and_then(|v| bin_of(v, edges)))
            .collect())
    };
    let mut counts = vec![vec![0u32; y_edges.len() - 1]; x_edges.len() - 1];
    for (i, j) in bins(x, x_edges)?.into_iter().zip(bins(y, y_edges)?) {
        if let (Some(i), Some(j)) = (i, j) {
            counts[i as usize][j as usize] += 1;
        }
    }
    let total = counts.iter().flatten().sum();
    Ok(JointHistogram {
        x_edges: x_edges.to_vec(),
        y_edges: y_edges.to_vec(),
        counts,
        total,
    })
}
