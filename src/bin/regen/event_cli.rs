//! `regen event` (the chapters' methods on MMS data on disk) and `regen fixtures` (the
//! synthetic files in the real layout that test them).

use anyhow::{Context, Result};
use clap::{Subcommand, ValueEnum};
use mmsbook::cdf::time::format_utc;
use mmsbook::event::{Interval, curlometer, gradient_distribution, harris};
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
            Self::GradientDistribution { .. } => "gradient-distribution",
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
pub fn event(data: &Path, start: &str, end: &str, rate: FieldRate, out: Option<&Path>, analysis: &Analysis) -> Result<()> {
    let interval = Interval::parse(data.to_owned(), start, end)?;
    let rate = match rate {
        FieldRate::Brst => Rate::Burst,
        FieldRate::Srvy => Rate::Survey,
    };
    if let Analysis::GradientDistribution { time, normal } = analysis {
        return gradient_distribution_event(&interval, time.as_deref(), normal.as_deref(), out);
    }
    let result = run_analysis(&interval, rate, analysis)?;
    let text = serde_json::to_string_pretty(&result)?;
    if let Some(out) = out {
        std::fs::create_dir_all(out).with_context(|| format!("--out {}", out.display()))?;
        mmsbook::figure::write_atomic(&out.join(format!("{}.json", analysis.name())), text.as_bytes())?;
    }
    {
        use std::io::Write as _;
        writeln!(std::io::stdout().lock(), "{text}").context("writing to standard output")?;
    }
    Ok(())
}

/// The analysis's result with the interval and the analysis's name in front.
fn run_analysis(interval: &Interval, rate: Rate, analysis: &Analysis) -> Result<serde_json::Value> {
    let result = match analysis {
        Analysis::Curlometer => to_value(&curlometer::run(interval, rate)?)?,
        Analysis::Harris { lmn } => {
            let frame = lmn.as_deref().map(harris::parse_lmn).transpose()?;
            to_value(&harris::run(interval, rate, frame)?)?
        }
        Analysis::GradientDistribution { time, normal } => to_value(&gradient_distribution_result(interval, time.as_deref(), normal.as_deref())?)?,
    };
    let mut object = serde_json::Map::new();
    object.insert("analysis".into(), analysis.name().into());
    object.insert("start".into(), format_utc(interval.start).into());
    object.insert("end".into(), format_utc(interval.end).into());
    if let serde_json::Value::Object(fields) = result {
        object.extend(fields);
    }
    Ok(serde_json::Value::Object(object))
}

fn to_value(result: &impl Serialize) -> Result<serde_json::Value> {
    Ok(serde_json::to_value(result)?)
}

/// Writes the synthetic fixture files below `out` (`tests/data/mms` in the repository).
pub fn fixtures(out: &Path) -> Result<Vec<PathBuf>> {
    let written = mmsbook::mms::synthetic::harris::HarrisCrossing::fixture()
        .write(out)
        .with_context(|| format!("writing fixtures under {}", out.display()))?;
    let mut written = written;
    written.extend(
        mmsbook::mms::synthetic::smile::SmileCrossing::fixture()
            .write(out, false)
            .with_context(|| format!("writing the smile fixture under {}", out.display()))?,
    );
    Ok(written)
}

/// The gradient-distribution analysis with the command line's options.
fn gradient_distribution_result(interval: &Interval, time: Option<&str>, normal: Option<&str>) -> Result<gradient_distribution::GradientDistributionResult> {
    let options = gradient_distribution::Options {
        time: time.map(|t| gradient_distribution::parse_time(t, interval)).transpose()?,
        normal: normal.map(gradient_distribution::parse_normal).transpose()?,
    };
    Ok(gradient_distribution::run(interval, options)?)
}

/// `gradient-distribution`: everything is computed (result, figure) before anything is written,
/// so an error leaves `--out` untouched.
fn gradient_distribution_event(interval: &Interval, time: Option<&str>, normal: Option<&str>, out: Option<&Path>) -> Result<()> {
    let result = gradient_distribution_result(interval, time, normal)?;
    let mut object = serde_json::Map::new();
    object.insert("analysis".into(), "gradient-distribution".into());
    object.insert("start".into(), format_utc(interval.start).into());
    object.insert("end".into(), format_utc(interval.end).into());
    if let serde_json::Value::Object(fields) = to_value(&result)? {
        object.extend(fields);
    }
    let text = serde_json::to_string_pretty(&serde_json::Value::Object(object))?;
    if let Some(out) = out {
        let figure = gradient_distribution_figure(&result)?;
        std::fs::create_dir_all(out).with_context(|| format!("--out {}", out.display()))?;
        mmsbook::figure::write_atomic(&out.join("gradient-distribution.svg"), figure.svg.as_bytes())?;
        mmsbook::figure::write_atomic(&out.join("gradient-distribution.csv"), figure.csv.as_bytes())?;
        mmsbook::figure::write_atomic(&out.join("gradient-distribution.json"), text.as_bytes())?;
    }
    use std::io::Write as _;
    writeln!(std::io::stdout().lock(), "{text}").context("writing to standard output")?;
    Ok(())
}

/// The snapshot drawn as the chapter draws the model: the mean distribution and the normal
/// gradient in the (v_perp1, v_perp2) plane at v_par = 0, and both gradients round the ring.
fn gradient_distribution_figure(result: &gradient_distribution::GradientDistributionResult) -> Result<mmsbook::figure::Figure> {
    use mmsbook::figure::{Axis, Figure, HeatMap, Panel, Series};
    mmsbook::figure::register_fonts()?;
    let snapshot = result.snapshot.as_ref().context("no time to draw")?;
    let reading = &result.readings[snapshot.reading];
    let axis = &snapshot.plane_axis_km_s;
    let step = if axis.len() > 1 { axis[1] - axis[0] } else { 1.0 };
    let edges: Vec<f64> = (0..=axis.len()).map(|k| axis[0] - 0.5 * step + step * k as f64).collect();
    let map = |label: &str, values: &[Vec<f64>], diverging: bool| HeatMap {
        label: label.to_owned(),
        x_edges: edges.clone(),
        y_edges: edges.clone(),
        values: values.iter().map(|row| row.iter().map(|v| v.is_finite().then_some(*v)).collect()).collect(),
        diverging,
    };
    let (low, high) = (edges[0], edges[edges.len() - 1]);
    let plane_axes = || (Axis::linear("v_perp1 (km/s)").with_range(low, high), Axis::linear("v_perp2 (km/s)").with_range(low, high));
    let (x1, y1) = plane_axes();
    let (x2, y2) = plane_axes();
    let verdict = |smile: bool| if smile { "smile" } else { "no smile" };
    let panels = [
        Panel::new(&format!("(a) mean f at v_par = 0, {} (s^3/cm^6)", reading.time), x1, y1, Vec::new()).with_heatmap(map("f (s^3/cm^6)", &snapshot.plane_f, false)),
        Panel::new(&format!("(b) grad f . n ((s^3/cm^6)/km, red > 0, blue < 0): {}", verdict(reading.normal.smile)), x2, y2, Vec::new())
            .with_heatmap(map("grad_n f ((s^3/cm^6)/km)", &snapshot.plane_normal, true)),
        Panel::new(
            &format!("(c) on the ring at {:.0} km/s: grad f . n ({}), grad f . b ({})", reading.ring_speed_km_s, verdict(reading.normal.smile), verdict(reading.parallel.smile)),
            Axis::linear("gyrophase from v_perp1 (deg)").with_range(-180.0, 180.0),
            Axis::linear("gradient ((s^3/cm^6)/km)"),
            vec![
                Series::line("grad f . n", snapshot.ring_angles_deg.clone(), snapshot.ring_normal.clone(), 0),
                Series::line("grad f . b", snapshot.ring_angles_deg.clone(), snapshot.ring_parallel.clone(), 1),
            ],
        ),
    ];
    Ok(Figure::from_panels(
        "event.gradient-distribution",
        "regen event ... gradient-distribution",
        "Four-spacecraft DES gradient distribution (Shuster et al. 2026) in field-aligned velocity coordinates at the drawn time.",
        &panels,
    )?)
}
