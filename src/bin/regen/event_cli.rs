//! `regen event` (the chapters' methods on MMS data on disk) and `regen fixtures` (the
//! synthetic files in the real layout that test them).

use anyhow::{Context, Result};
use clap::{Subcommand, ValueEnum};
use mmsbook::cdf::time::format_utc;
use mmsbook::event::{
    Interval, anisotropy, catalogue, centre_fit, curlometer, figures, gradient_distribution, harris,
};
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
        /// The LMN frame as nine GSE components, L then M then N, M along the current
        /// (default, as the paper: L from MVA of the four-spacecraft mean field towards +x, M
        /// along the mean current perpendicular to L, N = L x M).
        #[arg(long, allow_hyphen_values = true)]
        lmn: Option<String>,
        /// The current density: `moments` (the paper's e n_e (V_i - V_e), at DIS times) or
        /// `curlometer` (at FGM times).
        #[arg(long, value_enum, default_value = "moments")]
        current: CurrentChoice,
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
    /// Shuster et al. (2026): the four DES distributions' gradient through the tetrahedron
    /// along the normal and along B, read on the crescent ring in field-aligned velocity
    /// coordinates by the smile detector, at one time or every DES time in the interval
    /// (DES, FGM and moments at burst rate: `--rate` does not apply).
    GradientDistribution {
        /// One time (ISO 8601 UTC, inside the interval): MMS1's nearest DES record.
        #[arg(long)]
        time: Option<String>,
        /// The boundary normal as three GSE components (default: MVA of the four-spacecraft
        /// mean field, oriented toward the stronger field).
        #[arg(long, allow_hyphen_values = true)]
        normal: Option<String>,
    },
}

impl Analysis {
    fn name(&self) -> &'static str {
        match self {
            Self::Curlometer => "curlometer",
            Self::Harris { .. } => "harris",
            Self::CentreFit { .. } => "centre-fit",
            Self::Anisotropy => "anisotropy",
            Self::GradientDistribution { .. } => "gradient-distribution",
        }
    }
}

/// Where the Harris method's current density comes from.
#[derive(Clone, Copy, ValueEnum)]
pub enum CurrentChoice {
    /// Particle moments, e n_e (V_i - V_e).
    Moments,
    /// The four-spacecraft curlometer.
    Curlometer,
}

/// The FGM data rate.
#[derive(Clone, Copy, ValueEnum)]
pub enum FieldRate {
    /// Burst, 128 samples/s.
    Brst,
    /// Survey, 16 samples/s (fast) or 8 (slow).
    Srvy,
}

/// `regen event`'s options.
#[derive(clap::Args)]
pub struct EventArgs {
    /// Data root: the directory holding mms1/, mms2/, mms3/, mms4/ (the pySPEDAS layout).
    #[arg(long, value_name = "DIR")]
    data: PathBuf,
    /// Interval start, ISO 8601 UTC (e.g. 2017-07-11T22:34:01Z).
    #[arg(
        long,
        required_unless_present = "catalogue",
        conflicts_with = "catalogue"
    )]
    start: Option<String>,
    /// Interval end, ISO 8601 UTC.
    #[arg(
        long,
        required_unless_present = "catalogue",
        conflicts_with = "catalogue"
    )]
    end: Option<String>,
    /// Run the analysis over every interval of this CSV (columns start, end, optional label),
    /// in parallel; writes `<analysis>-intervals.csv` and `.parquet` (one row per interval)
    /// to --out, and for `anisotropy` also `anisotropy-catalogue.csv`/`.parquet` (one row
    /// per ion distribution, the columns `regen brazil` reads).
    #[arg(long, value_name = "CSV", requires = "out")]
    catalogue: Option<PathBuf>,
    /// FGM data rate.
    #[arg(long, value_enum, default_value = "brst")]
    rate: FieldRate,
    /// Also write the result (JSON) and the analysis's files (CSV, figures) here.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    #[command(subcommand)]
    analysis: Analysis,
}

/// Runs one analysis over one interval and prints one JSON object (with --out, writes it and
/// the analysis's files there too), or over a catalogue of intervals.
pub fn event(arguments: &EventArgs) -> Result<()> {
    let rate = match arguments.rate {
        FieldRate::Brst => Rate::Burst,
        FieldRate::Srvy => Rate::Survey,
    };
    let analysis = &arguments.analysis;
    if let (Some(catalogue), Some(out)) = (&arguments.catalogue, &arguments.out) {
        return survey(&arguments.data, catalogue, out, rate, analysis);
    }
    let (Some(start), Some(end)) = (&arguments.start, &arguments.end) else {
        anyhow::bail!("--start and --end are needed without --catalogue");
    };
    let interval = Interval::parse(arguments.data.clone(), start, end)?;
    let outcome = run_analysis(&interval, rate, analysis)?;
    let text = serde_json::to_string_pretty(&outcome.json)?;
    // Everything is computed before anything is written: a failed run leaves --out as it was.
    if let Some(out) = &arguments.out {
        std::fs::create_dir_all(out).with_context(|| format!("--out {}", out.display()))?;
        let json = (
            format!("{}.json", analysis.name()),
            text.clone().into_bytes(),
        );
        for (name, bytes) in std::iter::once(json).chain(outcome.files) {
            mmsbook::figure::write_atomic(&out.join(name), &bytes)?;
        }
    }
    print_line(&text)
}

fn print_line(text: &str) -> Result<()> {
    use std::io::Write as _;
    writeln!(std::io::stdout().lock(), "{text}").context("writing to standard output")
}

/// One analysis over every interval of `catalogue`, on all cores; prints a JSON summary.
fn survey(
    data: &Path,
    catalogue: &Path,
    out: &Path,
    rate: Rate,
    analysis: &Analysis,
) -> Result<()> {
    let intervals = catalogue::read_intervals(catalogue)?;
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let outcomes = catalogue::run_parallel(&intervals, threads, |spec| {
        Interval::parse(data.to_owned(), &spec.start, &spec.end)
            .map_err(anyhow::Error::from)
            .and_then(|interval| run_analysis(&interval, rate, analysis))
            .map_err(|e| format!("{e:#}"))
    });
    let mut samples: Option<polars::prelude::DataFrame> = None;
    let mut rows = Vec::with_capacity(intervals.len());
    for (spec, outcome) in intervals.iter().zip(outcomes) {
        if let Ok(Outcome {
            samples: Some(frame),
            ..
        }) = &outcome
        {
            let mut frame = frame.clone();
            let label = polars::prelude::Column::new(
                "label".into(),
                vec![spec.label.clone(); frame.height()],
            );
            frame.insert_column(0, label)?;
            match &mut samples {
                Some(all) => {
                    all.vstack_mut(&frame)?;
                }
                None => samples = Some(frame),
            }
        }
        rows.push((spec.clone(), outcome.map(|o| o.json)));
    }
    let failures: Vec<serde_json::Value> = rows
        .iter()
        .filter_map(|(spec, r)| {
            r.as_ref()
                .err()
                .map(|e| serde_json::json!({"label": spec.label, "error": e}))
        })
        .collect();
    if failures.len() == rows.len() {
        anyhow::bail!(
            "every interval of {} failed; the first: {}",
            catalogue.display(),
            failures[0]["error"]
        );
    }
    std::fs::create_dir_all(out).with_context(|| format!("--out {}", out.display()))?;
    let mut table = catalogue::table(&rows)?;
    let mut written =
        catalogue::write_table(&mut table, out, &format!("{}-intervals", analysis.name()))
            .map_err(anyhow::Error::msg)?
            .to_vec();
    if let Some(mut samples) = samples {
        written.extend(
            catalogue::write_table(&mut samples, out, &format!("{}-catalogue", analysis.name()))
                .map_err(anyhow::Error::msg)?,
        );
    }
    let summary = serde_json::json!({
        "analysis": analysis.name(),
        "intervals": rows.len(),
        "succeeded": rows.len() - failures.len(),
        "failed": failures,
        "written": written.iter().map(|p| p.display().to_string()).collect::<Vec<_>>(),
    });
    print_line(&serde_json::to_string_pretty(&summary)?)
}

/// Files an analysis writes with --out besides its JSON: (name, contents).
type Files = Vec<(String, Vec<u8>)>;

/// What one analysis of one interval gives: its JSON, its files, and for analyses that make
/// a catalogue of samples (anisotropy), that catalogue.
struct Outcome {
    json: serde_json::Value,
    files: Files,
    samples: Option<polars::prelude::DataFrame>,
}

/// The analysis's result with the interval and the analysis's name in front, and its files.
fn run_analysis(interval: &Interval, rate: Rate, analysis: &Analysis) -> Result<Outcome> {
    let frame_of = |lmn: &Option<String>| {
        lmn.as_deref()
            .map(mmsbook::event::frame::parse_lmn)
            .transpose()
    };
    let (result, files, samples) = match analysis {
        Analysis::Curlometer => {
            let result = curlometer::run(interval, rate)?;
            (
                to_value(&result)?,
                figure_files(figures::curlometer(&result, &span(interval))?),
                None,
            )
        }
        Analysis::Harris { lmn, current } => {
            let source = match current {
                CurrentChoice::Moments => harris::CurrentSource::Moments,
                CurrentChoice::Curlometer => harris::CurrentSource::Curlometer,
            };
            let result = harris::run(interval, rate, frame_of(lmn)?, source)?;
            (
                to_value(&result)?,
                figure_files(figures::harris(&result, &span(interval))?),
                None,
            )
        }
        Analysis::CentreFit {
            lmn,
            velocity,
            levels,
        } => {
            let velocity = velocity
                .as_deref()
                .map(centre_fit::parse_velocity)
                .transpose()?;
            let levels = levels
                .as_deref()
                .map(centre_fit::parse_levels)
                .transpose()?;
            let result = centre_fit::run(interval, rate, frame_of(lmn)?, velocity, levels)?;
            (
                to_value(&result)?,
                figure_files(figures::centre_fit(&result, &span(interval))?),
                None,
            )
        }
        Analysis::Anisotropy => {
            let result = anisotropy::run(interval, rate)?;
            let frame = anisotropy::catalogue(&result.rows)?;
            (to_value(&result)?, anisotropy_files(&frame)?, Some(frame))
        }
        Analysis::GradientDistribution { time, normal } => {
            let result =
                gradient_distribution_result(interval, time.as_deref(), normal.as_deref())?;
            (
                to_value(&result)?,
                figure_files(figures::gradient_distribution(&result)?),
                None,
            )
        }
    };
    let mut object = serde_json::Map::new();
    object.insert("analysis".into(), analysis.name().into());
    object.insert("start".into(), format_utc(interval.start).into());
    object.insert("end".into(), format_utc(interval.end).into());
    if let serde_json::Value::Object(fields) = result {
        object.extend(fields);
    }
    Ok(Outcome {
        json: serde_json::Value::Object(object),
        files,
        samples,
    })
}

/// A figure's SVG and its data CSV, named by the figure's id.
fn figure_files(figure: mmsbook::figure::Figure) -> Files {
    vec![
        (format!("{}.svg", figure.id), figure.svg.into_bytes()),
        (format!("{}.csv", figure.id), figure.csv.into_bytes()),
    ]
}

/// The interval in words for titles: `2017-07-11T22:34:01.000Z to 22:34:13.000Z`.
fn span(interval: &Interval) -> String {
    let (start, end) = (format_utc(interval.start), format_utc(interval.end));
    let same_day = start[..11] == end[..11];
    format!("{start} to {}", if same_day { &end[11..] } else { &end })
}

/// The catalogue CSV and its Brazil plot (with the plotted data) for `anisotropy --out`.
fn anisotropy_files(frame: &polars::prelude::DataFrame) -> Result<Files> {
    use mmsbook::anisotropy::bands::ThresholdRanges;
    use polars_io::SerWriter;
    let mut frame = frame.clone();
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

/// The gradient-distribution analysis with the command line's options.
fn gradient_distribution_result(
    interval: &Interval,
    time: Option<&str>,
    normal: Option<&str>,
) -> Result<gradient_distribution::GradientDistributionResult> {
    let options = gradient_distribution::Options {
        time: time
            .map(|t| gradient_distribution::parse_time(t, interval))
            .transpose()?,
        normal: normal
            .map(gradient_distribution::parse_normal)
            .transpose()?,
    };
    Ok(gradient_distribution::run(interval, options)?)
}
