//! Figures of the Richard et al. (2025) chapter.

use super::{FigureSpec, Part, figure_spec};
use crate::anisotropy::bands::ThresholdRanges;
use crate::anisotropy::published as paper;
use crate::anisotropy::{cold, speiser};
use crate::claims::{Computed, Paper};
use crate::figure::{Axis, Figure, FigureError, HeatMap, Panel, Series, SeriesLabelPosition};

pub(super) fn figures() -> Vec<FigureSpec> {
    let part = Part::Paper(Paper::Richard2025);
    vec![
        figure_spec!("richard2025.figure_1", part, figure_1),
        figure_spec!("richard2025.threshold_bands", part, threshold_bands),
        figure_spec!("richard2025.lembege_pellat", part, lembege_pellat),
        figure_spec!("richard2025.harris_cold_ions", part, harris_cold_ions),
        figure_spec!("richard2025.brazil", part, brazil),
    ]
}

/// Normal field B_z/B0 (the epsilon of Eq. 15) used for kappa(z) of the Lembège–Pellat
/// sheet: a typical magnetotail value; the paper does not state one.
pub const LEMBEGE_PELLAT_EPSILON: f64 = 0.05;

/// Mirrors a z >= 0 profile to -z_max..z_max with the given parity (+1 even, -1 odd).
fn mirrored(z: &[f64], values: &[f64], parity: f64) -> (Vec<f64>, Vec<f64>) {
    let mut x: Vec<f64> = z.iter().skip(1).rev().map(|z| -z).collect();
    let mut y: Vec<f64> = values.iter().skip(1).rev().map(|v| parity * v).collect();
    x.extend_from_slice(z);
    y.extend_from_slice(values);
    (x, y)
}

/// The Lembège–Pellat sheet of the PIC-LP run solved from Eqs. 13–15: field, density,
/// current, potential, normal electric field and the curvature parameter.
pub fn lembege_pellat(spec: &FigureSpec) -> Result<Figure, FigureError> {
    use crate::anisotropy::lembege_pellat::LembegePellat;
    let profile = LembegePellat::paper()
        .solve(6.0, 1e-3)
        .map_err(FigureError::model)?;
    // Keep every 20th point: 0.02 d_i resolves every feature of the plotted profiles.
    let thin = |values: &[f64]| values.iter().step_by(20).copied().collect::<Vec<_>>();
    let z = thin(&profile.z);
    let line = |label: &str, values: &[f64], parity: f64, colour: usize| {
        let (x, y) = mirrored(&z, &thin(values), parity);
        Series::line(label, x, y, colour)
    };
    let fields = Panel::new(
        "(a) field, density and current",
        Axis::linear("z (d_i)"),
        Axis::linear("normalised units"),
        vec![
            line("B_x / B0", &profile.b_x, -1.0, 0),
            line("n / n0", &profile.n_i, 1.0, 1),
            line("j_y / (e n0 V_A0)", &profile.j_y, 1.0, 2),
        ],
    )
    .legend_at(SeriesLabelPosition::UpperLeft);
    let electric = Panel::new(
        "(b) polarisation: potential and normal electric field",
        Axis::linear("z (d_i)"),
        Axis::linear("normalised units"),
        vec![
            line("phi e / (m_i V_A0^2)", &profile.phi, 1.0, 3),
            line("E_z / (V_A0 B0)", &profile.e_z, -1.0, 4),
        ],
    )
    .legend_at(SeriesLabelPosition::UpperLeft);
    let kappa = profile.kappa(LEMBEGE_PELLAT_EPSILON, paper::LP_ION_TEMPERATURE.value);
    let curvature = Panel::new(
        &format!(
            "(c) curvature parameter for B_z = {LEMBEGE_PELLAT_EPSILON} B0, T_i = 5/12 m_i V_A0^2"
        ),
        Axis::linear("z (d_i)"),
        Axis::log("kappa"),
        vec![line("kappa", &kappa, 1.0, 0), {
            let (x, _) = mirrored(&z, &z, 1.0);
            let ones = vec![1.0; x.len()];
            Series::line("kappa = 1", x, ones, 6)
        }],
    )
    .legend_at(SeriesLabelPosition::UpperLeft);
    spec.figure(
        "The generalised Lembège–Pellat sheet of the PIC-LP run, solved from Eqs. 13–15 with the \
         stated parameters (n_b/n0 = 1/5, T_i0 = T_ib = 5/12, T_e0 = T_eb = 1/12, v_iD = 1/3, \
         v_eD = -5/3): Ampère's law integrated outward by RK4 (step 0.001 d_i), the potential from \
         quasi-neutrality at every step. The electrons drift five times faster than the ions and \
         carry a thin central current; the potential well that keeps both species neutral gives \
         the bipolar E_z. Panel (c) uses B_z = 0.05 B0, a choice of ours.",
        &[fields, electric, curvature],
    )
}

/// Density and field of the Harris sheet with cold inflow ions (Eqs. 17–18).
pub fn harris_cold_ions(spec: &FigureSpec) -> Result<Figure, FigureError> {
    use crate::anisotropy::harris_cold::HarrisWithColdIons;
    let sheet = HarrisWithColdIons::paper();
    let z: Vec<f64> = (0..=600)
        .map(|i| -6.25 + 12.5 * f64::from(i) / 600.0)
        .collect();
    let of = |f: &dyn Fn(f64) -> f64| z.iter().map(|&z| f(z)).collect::<Vec<_>>();
    let panel = Panel::new(
        "Harris sheet with cold inflow ions (L = 2 d_i, n_c/n0 = 1/5)",
        Axis::linear("z (d_i)"),
        Axis::linear("normalised units"),
        vec![
            Series::line("B_x / B0", z.clone(), of(&|z| sheet.b_x(z)), 0),
            Series::line("n / n0 (Eq. 18)", z.clone(), of(&|z| sheet.density(z)), 1),
            Series::line(
                "Harris population",
                z.clone(),
                of(&|z| sheet.hot_density(z)),
                2,
            ),
            Series::line("cold inflow", z.clone(), of(&|z| sheet.cold_density(z)), 3),
        ],
    )
    .legend_at(SeriesLabelPosition::LowerRight);
    spec.figure(
        "Initial state of the PIC-HC run (Eqs. 17–18): the Harris population fills the sheet and \
         the cold inflow switches on beyond |z| = 2L over a width L/2, over the domain height \
         12.5 d_i.",
        &[panel],
    )
}

/// Current fractions used for Figure 1. The paper leaves them blank in the caption; these
/// are the Sec. III.1 medians eta_e = 0.3 and eta_s = 3, and eta_c = 0.3 inside the stated
/// cold-ion range [1/10, 1/2].
pub const FIGURE_1_ETA: (f64, f64, f64) = (
    paper::ETA_E.value,
    paper::ETA_S.value,
    paper::FIGURE_1_ETA_C.value,
);
const BETA_RANGE: (f64, f64) = (1e-3, 1e3);
const ANISOTROPY_RANGE: (f64, f64) = (0.1, 10.0);
const KAPPA_LEVELS: [f64; 5] = [1e-2, 1e-1, 1.0, 1e1, 1e2];
const CURRENT_LEVELS: [f64; 4] = [0.5, 1.0, 2.0, 5.0];
const SAMPLES: usize = 400;
/// Palette indices: black for the thresholds, yellow-orange for the kappa = 0.1 variant, so
/// neither is confused with a contour level.
const THRESHOLD_COLOUR: usize = 6;
const TENTH_COLOUR: usize = 5;

fn log_space(low: f64, high: f64, count: usize) -> Vec<f64> {
    (0..count)
        .map(|i| low * (high / low).powf(i as f64 / (count - 1) as f64))
        .collect()
}

/// Splits a curve into the runs that lie inside the plotted beta range, so a clipped curve
/// never draws a straight segment across the gap.
fn in_range_runs(
    points: impl IntoIterator<Item = (f64, f64)>,
    window: Window,
) -> Vec<(Vec<f64>, Vec<f64>)> {
    let mut runs: Vec<(Vec<f64>, Vec<f64>)> = Vec::new();
    let mut open = false;
    for (beta, anisotropy) in points {
        let inside = (window.beta.0..=window.beta.1).contains(&beta)
            && (window.anisotropy.0..=window.anisotropy.1).contains(&anisotropy);
        if !inside {
            open = false;
            continue;
        }
        if !open {
            runs.push((Vec::new(), Vec::new()));
            open = true;
        }
        let run = runs.last_mut().expect("a run was just opened");
        run.0.push(beta);
        run.1.push(anisotropy);
    }
    runs.retain(|run| run.0.len() > 1);
    runs
}

/// The plotted ranges of beta_par and T_perp/T_par.
#[derive(Debug, Clone, Copy)]
struct Window {
    beta: (f64, f64),
    anisotropy: (f64, f64),
}

const FIGURE_1_WINDOW: Window = Window {
    beta: BETA_RANGE,
    anisotropy: ANISOTROPY_RANGE,
};

fn labelled_runs(
    label: &str,
    colour: usize,
    points: Vec<(f64, f64)>,
    window: Window,
) -> Vec<Series> {
    in_range_runs(points, window)
        .into_iter()
        .enumerate()
        .map(|(index, (beta, anisotropy))| {
            Series::line(
                if index == 0 { label } else { "" },
                beta,
                anisotropy,
                colour,
            )
        })
        .collect()
}

/// A band split into the runs where, clamped into `clip`, it keeps a positive thickness, so
/// that a band leaving its regime or the plot never collapses into a sliver along the edge.
fn band_runs(
    label: &str,
    colour: usize,
    betas: &[f64],
    bands: &[Computed],
    clip: (f64, f64),
) -> Vec<Series> {
    let mut runs: Vec<(Vec<f64>, Vec<f64>, Vec<f64>)> = vec![Default::default()];
    for (&beta, band) in betas.iter().zip(bands) {
        let (lo, hi) = (
            band.interval.lo().clamp(clip.0, clip.1),
            band.interval.hi().clamp(clip.0, clip.1),
        );
        if hi > lo {
            let run = runs.last_mut().expect("runs starts with one run");
            run.0.push(beta);
            run.1.push(lo);
            run.2.push(hi);
        } else if !runs.last().is_some_and(|run| run.0.is_empty()) {
            runs.push(Default::default());
        }
    }
    runs.into_iter()
        .filter(|run| run.0.len() > 1)
        .enumerate()
        .map(|(index, (x, lower, upper))| {
            Series::band(if index == 0 { label } else { "" }, x, lower, upper, colour)
        })
        .collect()
}

/// The nominal line of a band, drawn only where it lies inside `clip` (its regime).
fn nominal_runs(
    label: &str,
    colour: usize,
    betas: &[f64],
    bands: &[Computed],
    clip: (f64, f64),
    window: Window,
) -> Vec<Series> {
    // Values outside the regime become NaN, which in_range_runs treats as a gap.
    let points = betas.iter().zip(bands).map(|(&beta, band)| {
        (
            beta,
            if (clip.0..=clip.1).contains(&band.value) {
                band.value
            } else {
                f64::NAN
            },
        )
    });
    labelled_runs(label, colour, points.collect(), window)
}

/// The two anisotropy thresholds (Eqs. 8 and 12) and the kappa = 0.1 variant of Eq. 12, each
/// drawn only in its own regime: a band over the ranges of the current fractions, and the
/// line of the nominal fractions on top.
fn threshold_series(
    ranges: &ThresholdRanges,
    labelled: bool,
    window: Window,
) -> Result<Vec<Series>, FigureError> {
    let betas = log_space(window.beta.0, window.beta.1, SAMPLES);
    let model = FigureError::model;
    let parallel = betas
        .iter()
        .map(|&b| ranges.parallel(b).map_err(model))
        .collect::<Result<Vec<_>, _>>()?;
    let perpendicular = |kappa: f64| {
        betas
            .iter()
            .map(|&b| ranges.perpendicular(kappa, b).map_err(model))
            .collect::<Result<Vec<_>, _>>()
    };
    let (perpendicular, tenth) = (perpendicular(1.0)?, perpendicular(0.1)?);
    let cold_regime = (window.anisotropy.0, window.anisotropy.1.min(1.0));
    let speiser_regime = (window.anisotropy.0.max(1.0), window.anisotropy.1);
    let label = |text| if labelled { text } else { "" };
    let mut series = band_runs(
        label("range the stated eta allow"),
        THRESHOLD_COLOUR,
        &betas,
        &parallel,
        cold_regime,
    );
    series.extend(band_runs(
        "",
        THRESHOLD_COLOUR,
        &betas,
        &perpendicular,
        speiser_regime,
    ));
    series.extend(band_runs("", TENTH_COLOUR, &betas, &tenth, speiser_regime));
    series.extend(nominal_runs(
        label("Eqs. 8 and 12, nominal eta"),
        THRESHOLD_COLOUR,
        &betas,
        &parallel,
        cold_regime,
        window,
    ));
    series.extend(nominal_runs(
        "",
        THRESHOLD_COLOUR,
        &betas,
        &perpendicular,
        speiser_regime,
        window,
    ));
    series.extend(nominal_runs(
        label("Eq. 12 with kappa = 0.1"),
        TENTH_COLOUR,
        &betas,
        &tenth,
        speiser_regime,
        window,
    ));
    Ok(series)
}

/// Figure 1 of Richard et al. (2025): (a) the current density and (b) the curvature
/// parameter over the (beta_par, T_perp/T_par) plane, cold-ion regime below T_perp = T_par
/// and Speiser regime above, with the thresholds of Eqs. 8 and 12.
pub fn figure_1(spec: &FigureSpec) -> Result<Figure, FigureError> {
    let (eta_e, eta_s, eta_c) = FIGURE_1_ETA;
    let ranges = ThresholdRanges::published().map_err(FigureError::model)?;
    let below = log_space(ANISOTROPY_RANGE.0, 1.0, SAMPLES);
    let above = log_space(1.0, ANISOTROPY_RANGE.1, SAMPLES);

    let mut current = Vec::new();
    for (index, &level) in CURRENT_LEVELS.iter().enumerate() {
        let mut points = Vec::new();
        for &y in &below[..below.len() - 1] {
            if let Some(beta) =
                cold::beta_at_current(level, y, eta_e, eta_c).map_err(FigureError::model)?
            {
                points.push((beta, y));
            }
        }
        current.extend(labelled_runs(
            &format!("j_y/j0 = {level}"),
            index,
            points,
            FIGURE_1_WINDOW,
        ));
        // In the Speiser regime the current does not depend on beta (Eq. 10): a horizontal line.
        let par_over_perp = 1.0 - (level - eta_e) / (2.0 * eta_s);
        if level > eta_e && par_over_perp > 0.0 {
            let horizontal = vec![
                (BETA_RANGE.0, 1.0 / par_over_perp),
                (BETA_RANGE.1, 1.0 / par_over_perp),
            ];
            current.extend(labelled_runs("", index, horizontal, FIGURE_1_WINDOW));
        }
    }
    current.extend(threshold_series(&ranges, true, FIGURE_1_WINDOW)?);

    let mut kappa = Vec::new();
    for (index, &level) in KAPPA_LEVELS.iter().enumerate() {
        let mut points = Vec::new();
        for &y in &below {
            if let Some(beta) =
                cold::beta_at_kappa(level, y, eta_e, eta_c).map_err(FigureError::model)?
            {
                points.push((beta, y));
            }
        }
        for &y in &above[1..] {
            points.push((
                speiser::beta_at_kappa(level, y, eta_e, eta_s).map_err(FigureError::model)?,
                y,
            ));
        }
        kappa.extend(labelled_runs(
            &format!("kappa = {level}"),
            index,
            points,
            FIGURE_1_WINDOW,
        ));
    }
    kappa.extend(threshold_series(&ranges, false, FIGURE_1_WINDOW)?);

    let axes = || {
        (
            Axis::log("beta_i,par").with_range(BETA_RANGE.0, BETA_RANGE.1),
            Axis::log("T_i,perp / T_i,par").with_range(ANISOTROPY_RANGE.0, ANISOTROPY_RANGE.1),
        )
    };
    let (x, y) = axes();
    let current_panel = Panel::new("(a) current density j_y/j0 (Eqs. 6, 10)", x, y, current)
        .legend_at(SeriesLabelPosition::LowerLeft);
    let (x, y) = axes();
    let kappa_panel = Panel::new("(b) curvature parameter kappa (Eqs. 7, 11)", x, y, kappa);
    spec.figure(
        "Analogue of Figure 1 of Richard et al. (2025), drawn as exact contours (each level solved for \
         beta_par): the cold-ion regime below T_perp = T_par, the Speiser regime above. eta_e = 0.3 and \
         eta_s = 3 are the Sec. III.1 medians; eta_c = 0.3 lies inside the stated [1/10, 1/2] (the \
         paper's caption leaves the values blank). Black: the thresholds of Eqs. 8 and 12 at these values; \
         yellow: Eq. 12 with kappa = 0.1. Shaded: the band each threshold sweeps over the stated ranges, \
         eta_c in [1/10, 1/2] for Eq. 8 and eta_e = 0.3 (+0.4/-0.2), eta_s = 3 (+2/-1) for Eq. 12 \
         (`anisotropy::bands::ThresholdRanges`).",
        &[current_panel, kappa_panel],
    )
}

/// beta_par range of the threshold bands.
const BAND_BETA: (f64, f64) = (1e-2, 1e2);

/// A line and its band: the band clamped into `y_range`, the line drawn only where it lies
/// inside it, so neither runs outside the plot.
fn line_and_band(
    label: &str,
    band_label: &str,
    betas: &[f64],
    bands: &[crate::claims::Computed],
    y_range: (f64, f64),
    colour: usize,
) -> Vec<Series> {
    let clamp = |y: f64| y.clamp(y_range.0, y_range.1);
    let mut series = vec![Series::band(
        band_label,
        betas.to_vec(),
        bands.iter().map(|b| clamp(b.interval.lo())).collect(),
        bands.iter().map(|b| clamp(b.interval.hi())).collect(),
        colour,
    )];
    let window = Window {
        beta: BAND_BETA,
        anisotropy: y_range,
    };
    series.extend(labelled_runs(
        label,
        colour,
        betas
            .iter()
            .copied()
            .zip(bands.iter().map(|b| b.value))
            .collect(),
        window,
    ));
    series
}

/// The anisotropy thresholds with the bands the paper's stated ranges imply: Eq. 12 over
/// eta_e = 0.3 (+0.4/-0.2) and eta_s = 3 (+2/-1), Eq. 8 over eta_c in the stated [1/10, 1/2]
/// and over the range the stated temperatures give.
pub fn threshold_bands(spec: &FigureSpec) -> Result<Figure, FigureError> {
    use crate::claims::{Precision, Quoted};
    let betas = log_space(BAND_BETA.0, BAND_BETA.1, SAMPLES / 2);
    let model = FigureError::model;
    let speiser_band = |kappa: f64| {
        betas
            .iter()
            .map(|&b| speiser::threshold_band(kappa, b, paper::ETA_E, paper::ETA_S).map_err(model))
            .collect::<Result<Vec<_>, _>>()
    };
    let (perp_range, par_range) = ((1.0, 10.0), (1e-4, 1.5));
    let mut perpendicular = line_and_band(
        "Eq. 12, kappa = 1, medians",
        "eta_e in [0.1, 0.7], eta_s in [2, 5]",
        &betas,
        &speiser_band(1.0)?,
        perp_range,
        THRESHOLD_COLOUR,
    );
    perpendicular.extend(line_and_band(
        "Eq. 12, kappa = 0.1",
        "",
        &betas,
        &speiser_band(0.1)?,
        perp_range,
        TENTH_COLOUR,
    ));

    // eta_c from the stated temperatures: sqrt(T_c/T_i) over [200, 600] eV x [1, 6] keV.
    let (t_c, t_i) = (
        paper::COLD_PERP_TEMPERATURE_EV
            .interval()
            .map_err(FigureError::model)?,
        paper::ION_PAR_TEMPERATURE_EV
            .interval()
            .map_err(FigureError::model)?,
    );
    let from_temperatures = Quoted::new(
        paper::FIGURE_1_ETA_C.value,
        Precision::Stated {
            lo: (t_c.lo() / t_i.hi()).sqrt(),
            hi: (t_c.hi() / t_i.lo()).sqrt(),
        },
        "Sec. III.1",
        "eta_c from the temperature ranges",
    );
    let cold_band = |eta_c: Quoted| {
        betas
            .iter()
            .map(|&b| cold::threshold_band(eta_c, b).map_err(model))
            .collect::<Result<Vec<_>, _>>()
    };
    let mut parallel = line_and_band(
        "",
        "eta_c in [0.18, 0.77] (from the temperatures)",
        &betas,
        &cold_band(from_temperatures)?,
        par_range,
        1,
    );
    parallel.extend(line_and_band(
        "Eq. 8, eta_c = 0.3",
        "eta_c in [1/10, 1/2] (stated)",
        &betas,
        &cold_band(paper::FIGURE_1_ETA_C)?,
        par_range,
        THRESHOLD_COLOUR,
    ));
    let beta_axis = || Axis::log("beta_i,par").with_range(BAND_BETA.0, BAND_BETA.1);
    let panels = [
        Panel::new(
            "(a) Speiser regime (T_perp >= T_par): the threshold of Eq. 12",
            beta_axis(),
            Axis::log("T_i,perp / T_i,par").with_range(perp_range.0, perp_range.1),
            perpendicular,
        )
        .legend_at(SeriesLabelPosition::UpperRight),
        Panel::new(
            "(b) cold-ion regime (T_perp < T_par): the threshold of Eq. 8",
            beta_axis(),
            Axis::log("T_i,perp / T_i,par").with_range(par_range.0, par_range.1),
            parallel,
        )
        .legend_at(SeriesLabelPosition::LowerRight),
    ];
    spec.figure(
        "The anisotropy thresholds of Richard et al. (2025) with the uncertainty the paper states for their \
         parameters. (a) Eq. 12 at the MMS medians eta_e = 0.3 and eta_s = 3, and the band their stated ranges \
         (+0.4/-0.2 and +2/-1) sweep, for kappa = 1 and 0.1. (b) Eq. 8 at eta_c = 0.3, with the band of the \
         stated eta_c range [1/10, 1/2] and the wider band of the range the stated temperatures give \
         (sqrt(T_c/T_i) over [200, 600] eV and [1, 6] keV; see the claims eta_c_lower and eta_c_upper). Each \
         band is the corners of the parameter ranges at every beta (the thresholds are monotone in each).",
        &panels,
    )
}

/// Size and seed of the synthetic sample behind the Brazil plot.
pub const BRAZIL_SAMPLE: (usize, u64) = (20_000, 2025);
/// Room above and below the data for the legends and the thresholds' far ends.
const BRAZIL_WINDOW: Window = Window {
    beta: (1e-2, 1e2),
    anisotropy: (0.1, 10.0),
};
const BRAZIL_BINS: usize = 32;

/// The joint PDF of a catalogue on the Brazil plot's bins, as a colour map of its log10.
fn pdf_heatmap(frame: &polars::prelude::DataFrame, window: Window) -> Result<HeatMap, FigureError> {
    use crate::anisotropy::brazil::joint_pdf;
    let beta_edges = log_space(window.beta.0, window.beta.1, BRAZIL_BINS + 1);
    let anisotropy_edges = log_space(window.anisotropy.0, window.anisotropy.1, BRAZIL_BINS + 1);
    let histogram = joint_pdf(frame, &beta_edges, &anisotropy_edges).map_err(FigureError::model)?;
    // Density per unit log10 beta per unit log10 anisotropy, shown as its log10.
    let cell = (window.beta.1 / window.beta.0).log10()
        * (window.anisotropy.1 / window.anisotropy.0).log10()
        / (BRAZIL_BINS * BRAZIL_BINS) as f64;
    let values = histogram
        .counts
        .iter()
        .map(|column| {
            column
                .iter()
                .map(|&n| {
                    (n > 0).then(|| (f64::from(n) / (f64::from(histogram.total) * cell)).log10())
                })
                .collect()
        })
        .collect();
    Ok(HeatMap {
        label: "log10 PDF".to_owned(),
        x_edges: beta_edges,
        y_edges: anisotropy_edges,
        values,
        diverging: false,
    })
}

fn brazil_axes(window: Window) -> (Axis, Axis) {
    (
        Axis::log("beta_i,par").with_range(window.beta.0, window.beta.1),
        Axis::log("T_i,perp / T_i,par").with_range(window.anisotropy.0, window.anisotropy.1),
    )
}
// Both Brazil panels keep their legend at the lower left, where no threshold runs and the
// PDF is thinnest; the ridge near isotropy stays visible.

/// A share with the range the threshold band allows, in percent: `12.3% (10.1-15.0)`.
fn share_words(share: &crate::anisotropy::brazil::ShareRange) -> String {
    format!(
        "{:.1}% ({:.1}-{:.1})",
        100.0 * share.nominal,
        100.0 * share.every_reading,
        100.0 * share.some_reading
    )
}

/// The Brazil plot (analogue of Fig. 4) of any frame with `beta_par` and `perp_over_par`
/// columns: joint PDF, the thresholds of Eqs. 8 and 12 as bands over `ranges` with the
/// nominal lines on top, and in the title the share of samples beyond each nominal threshold
/// with, in brackets, the share beyond it for every and for some value in the ranges. The
/// book's figure feeds it the synthetic sample; a real catalogue goes through the same
/// function.
///
/// # Errors
/// [`FigureError::Model`] for a catalogue the binning or the thresholds reject.
pub fn brazil_panel(
    frame: &polars::prelude::DataFrame,
    ranges: &ThresholdRanges,
    title: &str,
) -> Result<Panel, FigureError> {
    use crate::anisotropy::brazil::threshold_share_ranges;
    let window = BRAZIL_WINDOW;
    let shares = threshold_share_ranges(frame, ranges).map_err(FigureError::model)?;
    let (x, y) = brazil_axes(window);
    Ok(Panel::new(
        &format!(
            "{title}: beyond Eq. 8 {}, Eq. 12 {}, its kappa = 0.1 form {}",
            share_words(&shares.parallel),
            share_words(&shares.perpendicular),
            share_words(&shares.perpendicular_tenth)
        ),
        x,
        y,
        threshold_series(ranges, true, window)?,
    )
    .with_heatmap(pdf_heatmap(frame, window)?)
    .legend_at(SeriesLabelPosition::LowerLeft))
}

/// Palette indices of the kinetic thresholds: none black or yellow-orange, the colours of
/// Eqs. 8 and 12.
const KINETIC_COLOURS: [usize; 4] = [1, 3, 4, 0];
const FLUID_FIREHOSE_COLOUR: usize = 2;

/// The same catalogue against the linear kinetic thresholds of Hellinger et al. (2006) at
/// `gamma_max = 1e-3 Omega_p` and the fluid firehose (dashed), with the nominal lines of
/// Eqs. 8 and 12 for comparison.
///
/// # Errors
/// [`FigureError::Model`] for a catalogue the binning or the thresholds reject.
pub fn kinetic_panel(
    frame: &polars::prelude::DataFrame,
    ranges: &ThresholdRanges,
    title: &str,
) -> Result<Panel, FigureError> {
    use crate::anisotropy::kinetic_thresholds::Instability;
    let window = BRAZIL_WINDOW;
    let betas = log_space(window.beta.0, window.beta.1, SAMPLES);
    // Betas where a fit has no threshold become gaps (NaN).
    let curve = |value: &dyn Fn(f64) -> Option<f64>| {
        betas
            .iter()
            .map(|&beta| (beta, value(beta).unwrap_or(f64::NAN)))
            .collect::<Vec<_>>()
    };
    let dashed = |label: &str, colour: usize, points: Vec<(f64, f64)>| {
        in_range_runs(points, window)
            .into_iter()
            .enumerate()
            .map(|(index, (x, y))| {
                Series::dashed(if index == 0 { label } else { "" }, x, y, colour)
            })
            .collect::<Vec<_>>()
    };
    let model = FigureError::model;
    let mut series = Vec::new();
    for (bands, label, regime) in [
        (
            betas
                .iter()
                .map(|&b| ranges.parallel(b).map_err(model))
                .collect::<Result<Vec<_>, _>>()?,
            "Eqs. 8 and 12, nominal eta",
            (0.0, 1.0),
        ),
        (
            betas
                .iter()
                .map(|&b| ranges.perpendicular(1.0, b).map_err(model))
                .collect::<Result<Vec<_>, _>>()?,
            "",
            (1.0, f64::INFINITY),
        ),
    ] {
        series.extend(nominal_runs(
            label,
            THRESHOLD_COLOUR,
            &betas,
            &bands,
            regime,
            window,
        ));
    }
    for (instability, colour) in Instability::ALL.into_iter().zip(KINETIC_COLOURS) {
        series.extend(dashed(
            instability.name(),
            colour,
            curve(&|beta| instability.threshold(beta).ok()),
        ));
    }
    series.extend(dashed(
        "fluid firehose",
        FLUID_FIREHOSE_COLOUR,
        curve(&|beta| cold::fluid_firehose(beta).ok().filter(|r| *r > 0.0)),
    ));
    let (x, y) = brazil_axes(window);
    Ok(Panel::new(
        &format!("{title}: kinetic thresholds (Hellinger et al. 2006, growth 1e-3 Omega_p)"),
        x,
        y,
        series,
    )
    .with_heatmap(pdf_heatmap(frame, window)?)
    .legend_at(SeriesLabelPosition::LowerLeft))
}

/// The Brazil plot of a seeded synthetic sample of the three-population model: the thresholds
/// of the paper as bands, then the standard kinetic thresholds.
pub fn brazil(spec: &FigureSpec) -> Result<Figure, FigureError> {
    use crate::anisotropy::brazil::{synthetic_sample, threshold_share_ranges};
    let ranges = ThresholdRanges::published().map_err(FigureError::model)?;
    let (count, seed) = BRAZIL_SAMPLE;
    let sample = synthetic_sample(ranges.nominal(), count, seed).map_err(FigureError::model)?;
    let panels = [
        brazil_panel(&sample, &ranges, "(a) Synthetic sample")?,
        kinetic_panel(&sample, &ranges, "(b) Synthetic sample")?,
    ];
    let shares = threshold_share_ranges(&sample, &ranges).map_err(FigureError::model)?;
    spec.figure(
        &format!(
            "Analogue of the Brazil plots of Fig. 4 of Richard et al. (2025) from a SYNTHETIC sample \
             (20 000 states of the three-population model, seed 2025; see \
             `anisotropy::brazil::synthetic_sample`), not MMS data. Colour: log10 of the joint PDF per \
             unit log10 beta and log10 anisotropy, purple (low) to yellow (high). (a) The thresholds as bands: \
             Eq. 8 over eta_c in [1/10, 1/2], Eq. 12 (grey) and its kappa = 0.1 form (yellow) over \
             eta_e = 0.3 (+0.4/-0.2) and eta_s = 3 (+2/-1), each with its line at eta_e = 0.3, eta_s = 3, \
             eta_c = 0.3 on top. The title gives the share of samples beyond each line and, in brackets, beyond \
             the threshold for every and for some value of the fractions in their ranges: {:.1} to {:.1}% of \
             the sample lies beyond Eq. 12, {:.1} to {:.1}% beyond Eq. 8. States beyond Eq. 8 at the nominal \
             eta_c have no equilibrium and are not drawn, so the parallel side is bounded by construction. \
             (b) The same sample against the linear kinetic thresholds of Hellinger et al. (2006, \
             doi:10.1029/2006GL025925) for bi-Maxwellian protons at growth rate 1e-3 Omega_p and the fluid \
             firehose beta_par - beta_perp = 2 (dashed), with the nominal lines of Eqs. 8 and 12.",
            100.0 * shares.perpendicular.every_reading,
            100.0 * shares.perpendicular.some_reading,
            100.0 * shares.parallel.every_reading,
            100.0 * shares.parallel.some_reading,
        ),
        &panels,
    )
}

/// The Brazil plot of a catalogue (columns `beta_par` and `perp_over_par`) named `name`,
/// made by `producer`: the thresholds of `ranges` and the kinetic thresholds, as `regen
/// brazil` and `regen event ... anisotropy --out` draw it.
///
/// # Errors
/// [`FigureError`] for a catalogue the binning rejects or a drawing failure.
pub fn catalogue_brazil(
    frame: &polars::prelude::DataFrame,
    ranges: &ThresholdRanges,
    name: &str,
    producer: &str,
) -> Result<Figure, FigureError> {
    let panels = [
        brazil_panel(frame, ranges, name)?,
        kinetic_panel(frame, ranges, name)?,
    ];
    let fractions = ranges.nominal();
    let description = format!(
        "Brazil plot of {name} with eta_e = {}, eta_s = {}, eta_c = {} (bands: the ranges allowed), and the kinetic thresholds of Hellinger et al. (2006).",
        fractions.eta_e, fractions.eta_s, fractions.eta_c
    );
    Figure::from_panels("brazil", producer, &description, &panels)
}
