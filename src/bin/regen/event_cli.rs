//! `regen event` (the chapters' methods on MMS data on disk) and `regen fixtures` (the
//! synthetic files in the real layout that test them).

use anyhow::{Context, Result};
use clap::{Subcommand, ValueEnum};
use mmsbook::cdf::time::format_utc;
use mmsbook::event::{Interval, anisotropy, centre_fit, curlometer, harris};
use mmsbook::mms::Rate;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// The analyses `regen event` runs.
#[derive(Subcommand, Clone)]
pub enum Analysis {
    /// The curlometer: J from the four FGM and MEC series, |div B|/|curl B|, and the
    /// tetrahedron's shape.
    Curlometer,
    /// Zhang et al. (2025): B0, j0, the Harris thickness, the tension and the ion and
    /// electron P_LN forces of Eq. 3 with their shares of the tension.
    Harris {
        /// The LMN frame as nine GSE components, L then M then N (default: MVA of the
        /// four-spacecraft mean field, L towards +x, N towards +z).
        #[arg(long, allow_hyphen_values = true)]
        lmn: Option<String>,
    },
    /// Yang et al. (Eq. 5): the flux rope's centre from the four spacecraft's |B| contour
    /// crossings, with the rope velocity from the DIS bulk velocity.
    CentreFit {
        /// The LMN frame, M the rope's axis (default: MVA of the mean field).
        #[arg(long, allow_hyphen_values = true)]
        lmn: Option<String>,
        /// The rope's velocity, km/s GSE (default: the four DIS mean over the interval).
        #[arg(long, allow_hyphen_values = true)]
        velocity: Option<String>,
        /// Contours `low,high,count` in nT (default: 11 over the range every spacecraft
        /// crosses twice).
        #[arg(long)]
        levels: Option<String>,
    },
    /// Richard et al. (2025): beta_par, T_perp/T_par and kappa per DIS sample; with --out, the
    /// catalogue CSV and its Brazil plot with the chapter's thresholds.
    Anisotropy,
}

impl Analysis {
    fn name(&self) -> &'static str {
        match self {
            Self::Curlometer => "curlometer",
            Self::Harris { .. } => "harris",
            Self::CentreFit { .. } => "centre-fit",
            Self::Anisotropy => "anisotropy",
        }
    }
}

/// The FGM data rate.
#[derive(Clone, Copy, ValueEnum)]
pub enum FieldRate {
    /// Burst, 128 samples/s.
    Brst,
    /// Survey, 16 samples/s (fast) or 8 (slow).
    Srvy,
}

/// Runs one analysis over one interval and prints one JSON object; with `out`, writes it
/// there too as `<analysis>.json`.
pub fn event(
    data: &Path,
    start: &str,
    end: &str,
    rate: FieldRate,
    out: Option<&Path>,
    analysis: &Analysis,
) -> Result<()> {
    let interval = Interval::parse(data.to_owned(), start, end)?;
    let rate = match rate {
        FieldRate::Brst => Rate::Burst,
        FieldRate::Srvy => Rate::Survey,
    };
    let (result, files) = run_analysis(&interval, rate, analysis)?;
    let text = serde_json::to_string_pretty(&result)?;
    // Everything is computed before anything is written: a failed run leaves --out as it was.
    if let Some(out) = out {
        std::fs::create_dir_all(out).with_context(|| format!("--out {}", out.display()))?;
        let json = (
            format!("{}.json", analysis.name()),
            text.clone().into_bytes(),
        );
        for (name, bytes) in std::iter::once(json).chain(files) {
            mmsbook::figure::write_atomic(&out.join(name), &bytes)?;
        }
    }
    {
        use std::io::Write as _;
        writeln!(std::io::stdout().lock(), "{text}").context("writing to standard output")?;
    }
    Ok(())
}

/// Files an analysis writes with --out besides its JSON: (name, contents).
type Files = Vec<(String, Vec<u8>)>;

/// The analysis's result with the interval and the analysis's name in front, and its files.
fn run_analysis(
    interval: &Interval,
    rate: Rate,
    analysis: &Analysis,
) -> Result<(serde_json::Value, Files)> {
    let mut files = Files::new();
    let result = match analysis {
        Analysis::Curlometer => to_value(&curlometer::run(interval, rate)?)?,
        Analysis::Harris { lmn } => {
            let frame = lmn
                .as_deref()
                .map(mmsbook::event::frame::parse_lmn)
                .transpose()?;
            to_value(&harris::run(interval, rate, frame)?)?
        }
        Analysis::CentreFit {
            lmn,
            velocity,
            levels,
        } => {
            let frame = lmn
                .as_deref()
                .map(mmsbook::event::frame::parse_lmn)
                .transpose()?;
            let velocity = velocity
                .as_deref()
                .map(centre_fit::parse_velocity)
                .transpose()?;
            let levels = levels
                .as_deref()
                .map(centre_fit::parse_levels)
                .transpose()?;
            to_value(&centre_fit::run(interval, rate, frame, velocity, levels)?)?
        }
        Analysis::Anisotropy => {
            let result = anisotropy::run(interval, rate)?;
            files = anisotropy_files(&result)?;
            to_value(&result)?
        }
    };
    let mut object = serde_json::Map::new();
    object.insert("analysis".into(), analysis.name().into());
    object.insert("start".into(), format_utc(interval.start).into());
    object.insert("end".into(), format_utc(interval.end).into());
    if let serde_json::Value::Object(fields) = result {
        object.extend(fields);
    }
    Ok((serde_json::Value::Object(object), files))
}

/// The catalogue CSV and its Brazil plot (with the plotted data) for `anisotropy --out`.
fn anisotropy_files(result: &anisotropy::AnisotropyResult) -> Result<Files> {
    use mmsbook::anisotropy::bands::ThresholdRanges;
    use polars_io::SerWriter;
    let mut frame = anisotropy::catalogue(&result.rows)?;
    let mut csv = Vec::new();
    polars_io::csv::write::CsvWriter::new(&mut csv).finish(&mut frame)?;
    let ranges = ThresholdRanges::published()?;
    let figure = mmsbook::figures::richard2025::catalogue_brazil(
        &frame,
        &ranges,
        "anisotropy.csv",
        "regen event anisotropy",
    )?;
    Ok(vec![
        ("anisotropy.csv".to_owned(), csv),
        ("anisotropy-brazil.svg".to_owned(), figure.svg.into_bytes()),
        ("anisotropy-brazil.csv".to_owned(), figure.csv.into_bytes()),
    ])
}

fn to_value(result: &impl Serialize) -> Result<serde_json::Value> {
    Ok(serde_json::to_value(result)?)
}

/// Writes the synthetic fixture files below `out` (`tests/data/mms` in the repository).
pub fn fixtures(out: &Path) -> Result<Vec<PathBuf>> {
    mmsbook::mms::synthetic::write_all(out)
        .with_context(|| format!("writing fixtures under {}", out.display()))
}
