//! Time series read from MMS files over an interval, joined across files and put on another
//! series' times by linear interpolation.

use super::MmsError;
use super::layout::{Product, find_files};
use crate::cdf::CdfFile;
use crate::cdf::time::format_utc;
use ndarray::{Array2, Axis};
use std::path::{Path, PathBuf};

/// Spacings wider than this many median spacings inside the interval are gaps: burst and
/// survey data are evenly sampled, so a missing sample or two already shows as 2x.
const GAP_FACTOR: f64 = 1.9;

/// A variable's samples over an interval: times and values, one row per time.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// Sample times, TT2000 ns, strictly increasing.
    pub times: Vec<i64>,
    /// Values, `[samples, components]`; a tensor's record is flattened row by row.
    pub values: Array2<f64>,
    /// The shape of one record (e.g. `[4]` for FGM's Bx, By, Bz, |B|; `[3, 3]` for a tensor).
    pub record_shape: Vec<usize>,
    /// The variable's name.
    pub variable: String,
    /// The last file read, for messages.
    pub path: PathBuf,
}

/// Reads `variable` of `product` from the files under `root` that cover `[start, end]`
/// (TT2000 ns), with one sample either side of the interval (for interpolation), joining
/// consecutive files (a sample a later file repeats is kept once, from the earlier file).
///
/// # Errors
/// [`MmsError::NoFiles`], a CDF error, [`MmsError::NotIncreasing`] for times that go
/// backwards or repeat within a file, [`MmsError::Shape`] for values that do not match their
/// times, [`MmsError::NotCovered`], [`MmsError::Fill`] and [`MmsError::Gap`] inside the interval.
pub fn load(
    root: &Path,
    product: &Product,
    variable: &str,
    start: i64,
    end: i64,
) -> Result<Series, MmsError> {
    if end <= start {
        return Err(MmsError::EmptyInterval {
            start: format_utc(start),
            end: format_utc(end),
        });
    }
    let mut times: Vec<i64> = Vec::new();
    let mut rows: Vec<f64> = Vec::new();
    let mut record_shape: Option<Vec<usize>> = None;
    let mut path = PathBuf::new();
    for file_path in find_files(root, product, start, end)? {
        let file = CdfFile::open(&file_path)?;
        path = file_path;
        let epoch = file
            .variable_text(variable, "DEPEND_0")
            .unwrap_or_else(|| "Epoch".to_owned());
        file.variable(variable)?;
        let file_times = centred_times(&file, &epoch)?;
        if let Some(record) = (1..file_times.len()).find(|&k| file_times[k] <= file_times[k - 1]) {
            return Err(MmsError::NotIncreasing {
                path,
                variable: epoch,
                record,
                time: format_utc(file_times[record]),
            });
        }
        // One sample either side of the interval, and none a previous file already gave.
        let after = times.last().copied().unwrap_or(i64::MIN);
        let first = file_times.partition_point(|&t| t < start).saturating_sub(1);
        let last = file_times
            .partition_point(|&t| t <= end)
            .min(file_times.len().saturating_sub(1));
        let first = first.max(file_times.partition_point(|&t| t <= after));
        if file_times.is_empty() || first > last {
            continue;
        }
        let info = file.variable(variable)?;
        if info.records != file_times.len() {
            return Err(MmsError::Shape {
                path,
                variable: variable.to_owned(),
                found: format!("{} records", info.records),
                expected: format!("{} (one per {epoch} time)", file_times.len()),
            });
        }
        let block = file.read_records(variable, first..last + 1)?;
        match &record_shape {
            Some(shape) if *shape != info.shape => {
                return Err(MmsError::Shape {
                    path,
                    variable: variable.to_owned(),
                    found: format!("records of shape {:?}", info.shape),
                    expected: format!("{shape:?} as in the previous file"),
                });
            }
            _ => record_shape = Some(info.shape.clone()),
        }
        times.extend_from_slice(&file_times[first..=last]);
        rows.extend(block.iter().copied());
    }
    let record_shape = record_shape.unwrap_or_default();
    let components = record_shape.iter().product::<usize>().max(1);
    let values =
        Array2::from_shape_vec((times.len(), components), rows).map_err(|_| MmsError::Shape {
            path: path.clone(),
            variable: variable.to_owned(),
            found: "values that do not fill their records".to_owned(),
            expected: format!("records of shape {record_shape:?}"),
        })?;
    let series = Series {
        times,
        values,
        record_shape,
        variable: variable.to_owned(),
        path,
    };
    series.check(start, end, product)?;
    series.check_cadence(product)?;
    Ok(series)
}

/// The times of time variable `epoch`, moved to the middle of each sample's accumulation
/// where the file says how long it lasts (ISTP `DELTA_PLUS_VAR` and `DELTA_MINUS_VAR`, as FPI
/// gives them: its `Epoch` marks the start of an accumulation of 30 or 150 ms). This is
/// pySPEDAS's `center_measurement`; files without the attributes keep their times.
///
/// # Errors
/// A CDF error, or [`MmsError::Shape`] for an accumulation variable of unknown units or with
/// neither one record nor one per time.
pub fn centred_times(file: &CdfFile, epoch: &str) -> Result<Vec<i64>, MmsError> {
    let mut times = file.read_tt2000(epoch)?;
    let delta = |attribute: &str| -> Result<Option<Vec<f64>>, MmsError> {
        let Some(name) = file.variable_text(epoch, attribute) else {
            return Ok(None);
        };
        let units = file.variable_text(&name, "UNITS").unwrap_or_default();
        let bad = |found: String| MmsError::Shape {
            path: file.path().to_owned(),
            variable: name.clone(),
            found,
            expected: format!("units ns, ms or s, and one value or one per {epoch} time"),
        };
        let to_ns = match units.trim() {
            "ns" => 1.0,
            "ms" => 1e6,
            "s" | "sec" | "seconds" => 1e9,
            other => return Err(bad(format!("units {other:?}"))),
        };
        let values: Vec<f64> = file.read(&name)?.iter().map(|v| v * to_ns).collect();
        match values.len() {
            1 => Ok(Some(vec![values[0]; times.len()])),
            n if n == times.len() => Ok(Some(values)),
            n => Err(bad(format!("{n} values"))),
        }
    };
    if let (Some(plus), Some(minus)) = (delta("DELTA_PLUS_VAR")?, delta("DELTA_MINUS_VAR")?) {
        for (k, t) in times.iter_mut().enumerate() {
            if *t != crate::cdf::time::TT2000_FILL && plus[k].is_finite() && minus[k].is_finite() {
                *t += (0.5 * (plus[k] - minus[k])).round() as i64;
            }
        }
    }
    Ok(times)
}

impl Series {
    /// The median spacing of the samples, ns (0 with fewer than two).
    pub fn cadence_ns(&self) -> i64 {
        let mut spacings: Vec<i64> = self.times.windows(2).map(|w| w[1] - w[0]).collect();
        if spacings.is_empty() {
            return 0;
        }
        let middle = spacings.len() / 2;
        *spacings.select_nth_unstable(middle).1
    }

    /// The median spacing against the product's nominal cadence, within a factor 1.5 (the
    /// clocks of different spacecraft and FPI's spin-phase timing shift samples slightly).
    fn check_cadence(&self, product: &Product) -> Result<(), MmsError> {
        let Some((low, high)) = product.nominal_cadence_s() else {
            return Ok(());
        };
        let cadence = self.cadence_ns() as f64 * 1e-9;
        if cadence < low / 1.5 || cadence > high * 1.5 {
            return Err(MmsError::Cadence {
                path: self.path.clone(),
                variable: self.variable.clone(),
                product: product.label(),
                cadence_s: cadence,
                low_s: low,
                high_s: high,
            });
        }
        Ok(())
    }

    /// Coverage, fills and gaps over `[start, end]` (gaps against the product's slowest
    /// nominal cadence as well as the median spacing).
    fn check(&self, start: i64, end: i64, product: &Product) -> Result<(), MmsError> {
        let cadence = self.cadence_ns();
        // A product made at two rates (FGM survey: 16 or 8 samples/s) may switch inside the
        // interval: a gap is wider than the slower rate allows, whichever the median is.
        let slowest_ns = product
            .nominal_cadence_s()
            .map_or(0.0, |(_, high)| high * 1e9);
        let (first, last) = (self.times.first().copied(), self.times.last().copied());
        let covered = matches!((first, last), (Some(f), Some(l)) if f <= start + cadence && l >= end - cadence);
        if !covered || self.times.len() < 2 {
            return Err(MmsError::NotCovered {
                path: self.path.clone(),
                variable: self.variable.clone(),
                first: first.map_or("-".to_owned(), format_utc),
                last: last.map_or("-".to_owned(), format_utc),
                start: format_utc(start),
                end: format_utc(end),
            });
        }
        let inside = |t: i64| t >= start - cadence && t <= end + cadence;
        for (k, row) in self.values.axis_iter(Axis(0)).enumerate() {
            if inside(self.times[k]) && row.iter().any(|v| !v.is_finite()) {
                return Err(MmsError::Fill {
                    path: self.path.clone(),
                    variable: self.variable.clone(),
                    time: format_utc(self.times[k]),
                });
            }
        }
        for pair in self.times.windows(2) {
            let gap = pair[1] - pair[0];
            if pair[1] > start
                && pair[0] < end
                && gap as f64 > GAP_FACTOR * (cadence as f64).max(slowest_ns)
            {
                return Err(MmsError::Gap {
                    path: self.path.clone(),
                    variable: self.variable.clone(),
                    time: format_utc(pair[0]),
                    gap_s: gap as f64 * 1e-9,
                    cadence_s: cadence as f64 * 1e-9,
                });
            }
        }
        Ok(())
    }

    /// The series linearly interpolated to `times` (TT2000 ns), which must lie within the
    /// samples (or within one cadence of the ends, where the end sample is held).
    ///
    /// # Errors
    /// [`MmsError::NotCovered`] for a time outside.
    pub fn at(&self, times: &[i64]) -> Result<Array2<f64>, MmsError> {
        let cadence = self.cadence_ns();
        let (first, last) = (self.times[0], self.times[self.times.len() - 1]);
        if let Some(&outside) = times
            .iter()
            .find(|&&t| t < first - cadence || t > last + cadence)
        {
            return Err(MmsError::NotCovered {
                path: self.path.clone(),
                variable: self.variable.clone(),
                first: format_utc(first),
                last: format_utc(last),
                start: format_utc(outside),
                end: format_utc(times[times.len() - 1]),
            });
        }
        Ok(interpolate(&self.times, self.values.view(), times))
    }
}

/// Rows of `values` (one per time of `sample_times`, increasing, at least two) linearly
/// interpolated to `times`; times outside hold the end row.
pub fn interpolate(
    sample_times: &[i64],
    values: ndarray::ArrayView2<f64>,
    times: &[i64],
) -> Array2<f64> {
    let mut out = Array2::zeros((times.len(), values.ncols()));
    for (row, &t) in times.iter().enumerate() {
        let upper = sample_times
            .partition_point(|&s| s < t)
            .clamp(1, sample_times.len() - 1);
        let (t0, t1) = (sample_times[upper - 1], sample_times[upper]);
        let weight = ((t - t0) as f64 / (t1 - t0) as f64).clamp(0.0, 1.0);
        let (a, b) = (values.row(upper - 1), values.row(upper));
        out.row_mut(row)
            .assign(&(&a * (1.0 - weight) + &b * weight));
    }
    out
}
