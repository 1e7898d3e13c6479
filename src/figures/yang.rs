//! Figures of the Yang et al. chapter: the model rope, its virtual crossing and centre fit,
//! the loss study, and the spacecraft-frame pitch-angle distributions.

use super::{FigureSpec, Part, figure_spec};
use crate::claims::Paper;
use crate::figure::{Axis, Figure, FigureError, HeatMap, Panel, Series, SeriesLabelPosition};
use crate::flux_rope::centre_fit::{distances, fit_centre, locate};
use crate::flux_rope::crossing::{
    Formation, Spacecraft, field_lmn, intersections, paper_levels, sample_strength,
};
use crate::flux_rope::loss_study::{self, Perturbation};
use crate::flux_rope::pitch_angle::{
    parallel_antiparallel_ratio, perpendicular_parallel_ratio, spacecraft_pad,
};
use crate::flux_rope::{
    ADOPTED_READING, MuReading, Profile, chapter_iteration, original_equilibrium,
};
use crate::plasma::units;

pub(super) fn figures() -> Vec<FigureSpec> {
    let part = Part::Paper(Paper::Yang);
    vec![
        figure_spec!("yang.profiles", part, profiles),
        figure_spec!("yang.field_band", part, field_band),
        figure_spec!("yang.figure_2", part, figure_2),
        figure_spec!("yang.loss_study", part, loss_study),
        figure_spec!("yang.figure_3", part, figure_3),
        figure_spec!("yang.figure_5", part, figure_5),
        figure_spec!("yang.equilibrium_residual", part, equilibrium_residual),
        figure_spec!("yang.figure_1", part, figure_1),
        figure_spec!("yang.figure_4", part, figure_4),
        figure_spec!("yang.parameter_map", part, parameter_map),
    ]
}

/// The adopted equilibrium, solved once per process ([`chapter_iteration`]).
fn adopted() -> Result<&'static Profile, FigureError> {
    chapter_iteration(ADOPTED_READING)
        .map(|converged| &converged.profile)
        .map_err(FigureError::model)
}

/// The field strength against radius for every solvable reading of the b coefficients, with
/// the band the printed precision of Table 1 implies (first order in its twelve entries), and
/// the 15 nT background the paper states.
pub fn field_band(spec: &FigureSpec) -> Result<Figure, FigureError> {
    use crate::flux_rope::published as paper;
    use crate::flux_rope::sensitivity::Table1Sensitivity;
    let radii_km: Vec<f64> = (0..=100).map(|k| 5.0 * f64::from(k)).collect();
    let mut series = Vec::new();
    let mut far = Vec::new();
    for (colour, reading) in [(0, MuReading::LocalField), (2, MuReading::Nanotesla)] {
        let sensitivity = Table1Sensitivity::chapter(reading).map_err(FigureError::model)?;
        let mut band = Vec::with_capacity(radii_km.len());
        for &rho in &radii_km {
            band.push(
                sensitivity
                    .feature(|p| Ok(units::to_nanotesla(p.field_magnitude_at(units::km(rho)))))
                    .map_err(FigureError::model)?,
            );
        }
        let adopted = if reading == ADOPTED_READING {
            " (adopted)"
        } else {
            ""
        };
        let last = band
            .last()
            .copied()
            .ok_or_else(|| FigureError::model("empty radius grid"))?;
        far.push(format!(
            "{}: {:.1} nT ({:.1}-{:.1})",
            reading.label(),
            last.value,
            last.interval.lo(),
            last.interval.hi()
        ));
        series.push(Series::band(
            "",
            radii_km.clone(),
            band.iter().map(|b| b.interval.lo()).collect(),
            band.iter().map(|b| b.interval.hi()).collect(),
            colour,
        ));
        series.push(Series::line(
            &format!("{}{adopted}", reading.label()),
            radii_km.clone(),
            band.iter().map(|b| b.value).collect(),
            colour,
        ));
    }
    let background = paper::BACKGROUND_FIELD_NT
        .interval()
        .map_err(FigureError::model)?;
    let ends = vec![0.0, 500.0];
    series.push(Series::band(
        "15 nT background (Sec. 2, printed precision)",
        ends.clone(),
        vec![background.lo(); 2],
        vec![background.hi(); 2],
        6,
    ));
    let panel = Panel::new(
        &format!("|B| against radius; at 500 km {}", far.join(", ")),
        Axis::linear("rho (km)").with_range(0.0, 500.0),
        Axis::linear("|B| (nT)").with_range(0.0, 30.0),
        series,
    )
    .legend_at(SeriesLabelPosition::UpperRight);
    spec.figure(
        "Field strength of the Yang et al. flux-rope model against radius for the two readings of the b coefficients \
         that Table 1 admits (b in units of B0z is singular), each with the band the printed precision of Table 1's \
         twelve entries implies (one-pass solves at both ends of each entry's interval, excursions added to first \
         order). Neither band reaches the 15 nT background the paper states (grey): the far-field discrepancy is \
         not a rounding effect.",
        &[panel],
    )
}

/// Radius shown in the profile plots, km: nothing changes beyond it.
const PROFILE_EXTENT_KM: f64 = 150.0;

/// `(rho in km, value)` every 5th grid point out to [`PROFILE_EXTENT_KM`].
fn radial(profile: &Profile, value: impl Fn(usize) -> f64) -> (Vec<f64>, Vec<f64>) {
    (0..profile.rho_m.len())
        .step_by(5)
        .filter(|&i| units::to_km(profile.rho_m[i]) <= PROFILE_EXTENT_KM)
        .map(|i| (units::to_km(profile.rho_m[i]), value(i)))
        .unzip()
}

/// Model profiles for the original model and each reading of the b coefficients, with the
/// iteration history.
pub fn profiles(spec: &FigureSpec) -> Result<Figure, FigureError> {
    let mut models = vec![(
        "b = 0 (Vinogradov et al.)".to_owned(),
        original_equilibrium().map_err(FigureError::model)?.clone(),
        Vec::new(),
    )];
    let mut singular = Vec::new();
    for reading in MuReading::ALL {
        match chapter_iteration(reading) {
            Ok(converged) => {
                let adopted = if reading == ADOPTED_READING { " (adopted)" } else { "" };
                models.push((format!("{}{adopted}", reading.label()), converged.profile.clone(), converged.history.clone()));
            }
            Err(crate::flux_rope::FluxRopeError::SingularReading { coefficient, scale, rho_km, .. }) => singular.push(format!(
                "{}, whose factor 1 - {coefficient} x {scale:.3} (the field ratio of the reading) reaches zero at {rho_km:.1} km",
                reading.label()
            )),
            Err(error) => return Err(FigureError::model(error)),
        }
    }
    let panel = |title: &str, y: &str, value: &dyn Fn(&Profile, usize) -> f64| {
        let series = models
            .iter()
            .enumerate()
            .map(|(colour, (label, profile, _))| {
                let (x, y) = radial(profile, |i| value(profile, i));
                Series::line(label, x, y, colour)
            })
            .collect();
        Panel::new(title, Axis::linear("rho (km)"), Axis::linear(y), series)
    };
    let nt = units::to_nanotesla;
    let strength = panel("(a) field strength |B|", "nT", &|p, i| {
        nt(p.field_magnitude(i))
    });
    let axial = panel("(b) axial field B_z (= B_M)", "nT", &|p, i| nt(p.b_z_t[i]));
    let azimuthal = panel("(c) azimuthal field B_phi", "nT", &|p, i| nt(p.b_phi_t[i]))
        .legend_at(SeriesLabelPosition::LowerRight);
    let density = panel("(d) electron density", "cm^-3", &|p, i| {
        units::to_per_cm3(p.electrons[i].density_m3)
    })
    .legend_at(SeriesLabelPosition::LowerRight);
    let current_phi = panel("(e) azimuthal current J_phi", "nA/m^2", &|p, i| {
        p.electrons[i].j_phi_am2 * 1e9
    });
    let current_z = panel("(f) axial current J_z", "nA/m^2", &|p, i| {
        p.electrons[i].j_z_am2 * 1e9
    })
    .legend_at(SeriesLabelPosition::LowerRight);
    let anisotropy = panel(
        "(g) electron T_perp/T_par = (T_rr + T_pp) / (2 T_zz)",
        "ratio",
        &|p, i| p.anisotropy(i),
    );
    let history_series = models
        .iter()
        .enumerate()
        .filter(|(_, (_, _, history))| history.iter().any(|c| *c > 0.0))
        .map(|(colour, (label, _, history))| {
            let (x, y): (Vec<f64>, Vec<f64>) = history
                .iter()
                .enumerate()
                .filter(|(_, c)| **c > 0.0)
                .map(|(k, c)| ((k + 1) as f64, *c))
                .unzip();
            Series::points(label, x, y, colour)
        })
        .collect();
    let history = Panel::new(
        "(h) iteration: max |B_out - B_in| / B0z",
        Axis::integer("iteration"),
        Axis::log("change"),
        history_series,
    );
    spec.figure(
        &format!(
            "The model rope with Table 1's parameters, solved from Eqs. 2–4 (quasi-neutrality and Ampère's law, RK4 on \
             0–500 km in 0.1 km steps), without mu-terms and under each reading of the b coefficients. Panel (h) shows the \
             input-field iteration; under the local-field reading B cancels from the mu-term, so the second iteration \
             changes nothing (exactly zero, not drawn). Not drawn because singular: {}.",
            singular.join("; ")
        ),
        &[strength, axial, azimuthal, density, current_phi, current_z, anisotropy, history],
    )
}

/// White-noise level of the noisy example in Figure 2c, nT.
const NOISY_SIGMA_NT: f64 = 0.5;

/// Figure 2 analogue: the virtual crossing, its contour intersections and the centre fit.
pub fn figure_2(spec: &FigureSpec) -> Result<Figure, FigureError> {
    let profile = adopted()?;
    let formation = Formation::chapter();
    let (times, series) =
        sample_strength(&formation, |p| profile.field_magnitude_at(p[0].hypot(p[1])))
            .map_err(FigureError::model)?;
    let levels = paper_levels();
    let crossings = intersections(&times, &series, &levels).map_err(FigureError::model)?;
    let contours = locate(&formation, &crossings, formation.velocity_lmn_ms);
    let fit = fit_centre(&contours).map_err(FigureError::model)?;

    let mut strength: Vec<Series> = (0..4)
        .map(|k| {
            Series::line(
                &format!("MMS{}", k + 1),
                times.clone(),
                series[k].iter().map(|b| units::to_nanotesla(*b)).collect(),
                k,
            )
        })
        .collect();
    for (k, spacecraft) in Spacecraft::ALL.into_iter().enumerate() {
        let (x, y): (Vec<f64>, Vec<f64>) = crossings
            .iter()
            .filter(|c| c.spacecraft == spacecraft)
            .map(|c| (c.time_s, units::to_nanotesla(c.level_t)))
            .unzip();
        strength.push(Series::points("", x, y, k));
    }
    let strength = Panel::new(
        "(a) |B| along the four virtual paths, with the contour crossings",
        Axis::linear("t (s)"),
        Axis::linear("|B| (nT)"),
        strength,
    );

    let mut plane = Vec::new();
    for (k, spacecraft) in Spacecraft::ALL.into_iter().enumerate() {
        let (l, n): (Vec<f64>, Vec<f64>) = times
            .iter()
            .map(|&t| formation.position(spacecraft, t, formation.velocity_lmn_ms))
            .map(|p| (units::to_km(p[0]), units::to_km(p[2])))
            .unzip();
        plane.push(Series::line(&format!("MMS{} path", k + 1), l, n, k));
    }
    let radii = distances(&contours, fit.centre_ln_km);
    for (index, (contour, d)) in contours.iter().zip(&radii).enumerate() {
        let radius = d.iter().sum::<f64>() / d.len() as f64;
        let (l, n): (Vec<f64>, Vec<f64>) = (0..=90)
            .map(|s| {
                let angle = std::f64::consts::TAU * s as f64 / 90.0;
                (
                    fit.centre_ln_km[0] + radius * angle.cos(),
                    fit.centre_ln_km[1] + radius * angle.sin(),
                )
            })
            .unzip();
        let label = if index == 0 { "fitted circles" } else { "" };
        plane.push(Series::line(label, l, n, 6));
        let (pl, pn): (Vec<f64>, Vec<f64>) =
            contour.points_ln_km.iter().map(|p| (p[0], p[1])).unzip();
        plane.push(Series::points(
            if index == 0 { "intersections" } else { "" },
            pl,
            pn,
            5,
        ));
    }
    plane.push(Series::points(
        "fitted centre",
        vec![fit.centre_ln_km[0]],
        vec![fit.centre_ln_km[1]],
        6,
    ));
    // The plot area is about 2.75 times wider than tall: equal km per pixel on both axes.
    let extent = 45.0;
    let plane = Panel::new(
        &format!(
            "(b) LN plane: intersections, fitted centre ({:.3}, {:.3}) km, L = {:.1e} km^2",
            fit.centre_ln_km[0], fit.centre_ln_km[1], fit.loss_km2
        ),
        Axis::linear("L (km)").with_range(-2.75 * extent, 2.75 * extent),
        Axis::linear("N (km)").with_range(-extent, extent),
        plane,
    );

    let noisy_contours = loss_study::perturbed_contours(
        profile,
        &formation,
        Perturbation::WhiteNoise {
            sigma_nt: NOISY_SIGMA_NT,
        },
        0,
    )
    .map_err(FigureError::model)?;
    let noisy_fit = fit_centre(&noisy_contours).map_err(FigureError::model)?;
    let noisy_radii = distances(&noisy_contours, noisy_fit.centre_ln_km);
    let mut scatter = Vec::new();
    for (set, radii, name, colours) in [
        (&contours, &radii, "no noise", (1, 0)),
        (&noisy_contours, &noisy_radii, "0.5 nT noise", (5, 4)),
    ] {
        for (inbound, direction, colour) in
            [(true, "inbound", colours.0), (false, "outbound", colours.1)]
        {
            let (x, y): (Vec<f64>, Vec<f64>) = set
                .iter()
                .zip(radii)
                .flat_map(|(c, d)| {
                    let mean = d.iter().sum::<f64>() / d.len() as f64;
                    c.inbound
                        .iter()
                        .zip(d)
                        .filter(move |(i, _)| **i == inbound)
                        .map(move |(_, r)| (mean, *r))
                })
                .unzip();
            scatter.push(Series::points(
                &format!("{direction}, {name}"),
                x,
                y,
                colour,
            ));
        }
    }
    scatter.push(Series::line(
        "d = mean",
        vec![14.0, 31.0],
        vec![14.0, 31.0],
        6,
    ));
    let scatter = Panel::new(&format!("(c) d_ij against the contour mean; with {NOISY_SIGMA_NT} nT white noise L = {:.2} km^2", noisy_fit.loss_km2), Axis::linear("avg_j d_ij (km)"), Axis::linear("d_ij (km)"), scatter)
        .legend_at(SeriesLabelPosition::UpperLeft);
    spec.figure(
        "Figure 2 analogue from the adopted model, not from MMS data: a regular 10 km tetrahedron crosses the rope at \
         170 km/s along -N (128 Hz samples, barycentre 4 km from the axis on the -L side), the 11 contours from 16 to 20 nT are located by \
         linear interpolation, and Eq. 5 is minimised over the centre (Nelder–Mead). The true centre is the origin. \
         Panel (c) repeats the fit with white noise of 0.5 nT on |B| (seed 0), the level at which the loss reaches the \
         published value.",
        &[strength, plane, scatter],
    )
}

/// How the loss of Eq. 5 grows with noise, ellipticity and velocity error.
pub fn loss_study(spec: &FigureSpec) -> Result<Figure, FigureError> {
    let loss_study::ChapterCurves {
        white,
        correlated: red,
        ellipse,
        speed,
        direction,
    } = loss_study::ChapterCurves::get().map_err(FigureError::model)?;
    let loss = crate::flux_rope::published::CENTRE_FIT_LOSS_KM2.value;
    let published = |x: &[f64]| {
        Series::line(
            &format!("published L = {loss} km^2"),
            vec![x[0], x[x.len() - 1]],
            vec![loss; 2],
            6,
        )
    };
    let floor = 1e-7;
    let to_series = |label: &str, points: &[loss_study::StudyPoint], colour| {
        Series::points(
            label,
            points.iter().map(|p| p.amplitude).collect(),
            points
                .iter()
                .map(|p| p.median_loss_km2.max(floor))
                .collect(),
            colour,
        )
    };
    let loss_axis = || Axis::log("L (km^2)").with_range(floor / 2.0, 30.0);
    let panels = [
        Panel::new(
            "(a) noise on |B| (median of 21 realisations)",
            Axis::linear("noise standard deviation (nT)"),
            loss_axis(),
            vec![
                to_series("white", &white, 0),
                to_series("AR(1), 0.1 s", &red, 1),
                published(&loss_study::NOISE_SCAN_NT),
            ],
        ),
        Panel::new(
            "(b) elliptical rope of equal area",
            Axis::linear("axis ratio"),
            loss_axis(),
            vec![
                to_series("ellipse", &ellipse, 2),
                published(&loss_study::ELLIPTICITY_SCAN),
            ],
        ),
        Panel::new(
            "(c) error in the assumed speed",
            Axis::linear("fractional speed error"),
            loss_axis(),
            vec![
                to_series("speed", &speed, 3),
                published(&loss_study::SPEED_SCAN),
            ],
        ),
        Panel::new(
            "(d) error in the assumed direction",
            Axis::linear("direction error (deg)"),
            loss_axis(),
            vec![
                to_series("direction", &direction, 4),
                published(&loss_study::DIRECTION_SCAN_DEG),
            ],
        ),
    ]
    .map(|p| p.legend_at(SeriesLabelPosition::LowerRight));
    spec.figure(
        "Loss of the centre fit (Eq. 5) for synthetic crossings of the adopted model, seeded, as one departure from the \
         ideal grows at a time; the noise-free loss (about 2e-6 km^2) comes from interpolating between samples. The \
         horizontal line is the published 1.47 km^2.",
        &panels,
    )
}

/// Figure 3 analogue: field and electron moments along the four virtual paths.
pub fn figure_3(spec: &FigureSpec) -> Result<Figure, FigureError> {
    let profile = adopted()?;
    let formation = Formation::chapter();
    let times = formation.times_s().map_err(FigureError::model)?;
    let along = |k: Spacecraft, value: &dyn Fn([f64; 3], f64, f64, f64) -> f64| -> Vec<f64> {
        times
            .iter()
            .map(|&t| {
                let p = formation.position(k, t, formation.velocity_lmn_ms);
                let rho = p[0].hypot(p[2]);
                let (sin_phi, cos_phi) = if rho > 0.0 {
                    (p[0] / rho, p[2] / rho)
                } else {
                    (0.0, 1.0)
                };
                value(p, rho, sin_phi, cos_phi)
            })
            .collect()
    };
    let panel = |title: &str, unit: &str, value: &dyn Fn([f64; 3], f64, f64, f64) -> f64| {
        let series = Spacecraft::ALL
            .map(|k| {
                Series::line(
                    &format!("MMS{}", k.number()),
                    times.clone(),
                    along(k, value),
                    k.index(),
                )
            })
            .into();
        Panel::new(title, Axis::linear("t (s)"), Axis::linear(unit), series)
    };
    let field = |component: usize| {
        move |p: [f64; 3], _: f64, _: f64, _: f64| {
            units::to_nanotesla(field_lmn(profile, p, [0.0, 0.0])[component])
        }
    };
    let electrons = |rho: f64| {
        let at = |f: &dyn Fn(usize) -> f64| profile.interpolate(rho, f);
        (
            at(&|i| profile.electrons[i].density_m3),
            at(&|i| profile.electrons[i].u_phi_ms),
            at(&|i| profile.electrons[i].u_z_ms),
        )
    };
    let temperature = |rho: f64, axis: usize| {
        units::to_electronvolt(
            profile.interpolate(rho, |i| profile.electrons[i].temperature_j[axis]),
        )
    };
    let panels = [
        panel("(a) B_L", "nT", &field(0)),
        panel("(b) B_M", "nT", &field(1)),
        panel("(c) B_N", "nT", &field(2)),
        panel("(d) electron density", "cm^-3", &|_, rho, _, _| {
            units::to_per_cm3(electrons(rho).0)
        }),
        panel(
            "(e) electron velocity V_eL (ion frame)",
            "km/s",
            &|_, rho, _, cos| units::to_km(electrons(rho).1 * cos),
        ),
        panel(
            "(f) electron velocity V_eM (ion frame)",
            "km/s",
            &|_, rho, _, _| units::to_km(electrons(rho).2),
        ),
        panel("(g) T_perp = (T_rr + T_pp)/2", "eV", &|_, rho, _, _| {
            0.5 * (temperature(rho, 0) + temperature(rho, 1))
        }),
        panel("(h) T_par = T_zz", "eV", &|_, rho, _, _| {
            temperature(rho, 2)
        }),
    ];
    spec.figure(
        &format!("Figure 3 analogue: the adopted model sampled along the four virtual paths of the chapter's crossing (model only; \
         no MMS data). B_L is bipolar and B_M unipolar on every path; B_N peaks on the paths that pass far from the axis \
         and nearly vanishes on MMS1's, which passes {:.1} km from it.", units::to_km(formation.closest_approach_m(Spacecraft::Mms1))),
        &panels,
    )
}

/// Energies of Figure 5's channels, eV (the caption's 85 eV, not the text's 88 eV).
const PAD_ENERGIES_EV: [f64; 4] = {
    use crate::flux_rope::published::{CAPTION_FOURTH_CHANNEL_EV, TEXT_CHANNELS_EV};
    [
        TEXT_CHANNELS_EV[0].value,
        TEXT_CHANNELS_EV[1].value,
        TEXT_CHANNELS_EV[2].value,
        CAPTION_FOURTH_CHANNEL_EV.value,
    ]
};
/// Pitch-angle bins of the PAD panels, deg.
const PITCH_BINS: usize = 12;

/// Figure 5 analogue: MMS1's pitch-angle distributions in the spacecraft frame, and the
/// ratios of Eqs. 6–7 against energy.
pub fn figure_5(spec: &FigureSpec) -> Result<Figure, FigureError> {
    let profile = adopted()?;
    let formation = Formation::chapter();
    let times: Vec<f64> = formation
        .times_s()
        .map_err(FigureError::model)?
        .into_iter()
        .step_by(2)
        .collect();
    let width = 180.0 / PITCH_BINS as f64;
    let pitch: Vec<f64> = (0..PITCH_BINS).map(|b| (b as f64 + 0.5) * width).collect();
    let pitch_edges: Vec<f64> = (0..=PITCH_BINS).map(|b| b as f64 * width).collect();
    let dt = times[1] - times[0];
    let mut time_edges: Vec<f64> = times.iter().map(|t| t - 0.5 * dt).collect();
    time_edges.push(times[times.len() - 1] + 0.5 * dt);
    let strength: Vec<f64> = times
        .iter()
        .map(|&t| {
            let p = formation.position(Spacecraft::Mms1, t, formation.velocity_lmn_ms);
            units::to_nanotesla(profile.field_magnitude_at(p[0].hypot(p[2])))
        })
        .collect();
    let mut panels = vec![Panel::new(
        "(a) |B| at MMS1",
        Axis::linear("t (s)"),
        Axis::linear("nT"),
        vec![Series::line("MMS1", times.clone(), strength, 0)],
    )];
    for (index, energy) in PAD_ENERGIES_EV.iter().enumerate() {
        let values: Vec<Vec<Option<f64>>> = times
            .iter()
            .map(|&t| {
                let pad = spacecraft_pad(profile, &formation, Spacecraft::Mms1, t, *energy, &pitch)
                    .map_err(FigureError::model)?;
                let mean = pad.iter().sum::<f64>() / pad.len() as f64;
                Ok(pad.iter().map(|f| Some(f / mean)).collect())
            })
            .collect::<Result<_, FigureError>>()?;
        let map = HeatMap {
            label: format!("f / pitch-angle mean at {energy} eV"),
            x_edges: time_edges.clone(),
            y_edges: pitch_edges.clone(),
            values,
            diverging: false,
        };
        let title = format!(
            "({}) MMS1 PAD at {energy} eV, over its pitch-angle mean (purple low, yellow high)",
            ["b", "c", "d", "e"][index]
        );
        panels.push(
            Panel::new(
                &title,
                Axis::linear("t (s)"),
                Axis::linear("pitch angle (deg)").with_range(0.0, 180.0),
                Vec::new(),
            )
            .with_heatmap(map),
        );
    }
    // Eqs. 6-7 at the paper's energies, with the model temperatures far from the rope.
    let far = profile.rho_m.len() - 1;
    let [t_rr, t_pp, t_zz] = profile.electrons[far].temperature_j;
    let t_perp = 0.5 * (t_rr + t_pp);
    let energies = [32.0, 40.0, 52.0, 66.0, 85.0, 88.0];
    let v_s = -formation.velocity_lmn_ms[1];
    let eq6: Vec<f64> = energies
        .iter()
        .map(|e| parallel_antiparallel_ratio(units::electronvolt(*e), v_s, t_zz))
        .collect::<Result<_, _>>()
        .map_err(FigureError::model)?;
    let eq7: Vec<f64> = energies
        .iter()
        .map(|e| perpendicular_parallel_ratio(units::electronvolt(*e), t_zz, t_perp))
        .collect::<Result<_, _>>()
        .map_err(FigureError::model)?;
    let t_start = times[0];
    let measured: Vec<f64> = energies
        .iter()
        .map(|e| {
            let pad = spacecraft_pad(
                profile,
                &formation,
                Spacecraft::Mms1,
                t_start,
                *e,
                &[0.0, 180.0],
            )
            .map_err(FigureError::model)?;
            Ok(pad[0] / pad[1])
        })
        .collect::<Result<_, FigureError>>()?;
    panels.push(Panel::new(
        "(f) flux ratios outside the rope against energy",
        Axis::linear("electron energy (eV)"),
        Axis::linear("ratio"),
        vec![
            Series::line("Eq. 6: f_para / f_anti", energies.to_vec(), eq6, 0),
            Series::points(
                "model PAD: f(0 deg) / f(180 deg) at t = -0.5 s",
                energies.to_vec(),
                measured,
                1,
            ),
            Series::line("Eq. 7: f_perp / f_par", energies.to_vec(), eq7, 2),
        ],
    ));
    spec.figure(
        &format!(
            "Figure 5 analogue from the adopted model (no MMS data): the electron distribution of Eq. 4 sampled by MMS1 moving \
             through the rope frame at 170 km/s across and {:.0} km/s along the axis, gyrophase-averaged over 16 directions. \
             Outside, parallel flux exceeds antiparallel (the plasma streams along B past the spacecraft); inside, the \
             current-carrying components with T_perp > T_par concentrate the flux near 90 deg. Panel (f) compares Eqs. 6–7 \
             (with the model's outer T_par = {:.1} eV, T_perp = {:.1} eV) with the model's own PAD.",
            units::to_km(v_s),
            units::to_electronvolt(t_zz),
            units::to_electronvolt(t_perp)
        ),
        &panels,
    )
}

/// Is each reading an equilibrium? The radial force residual of the moments and the Vlasov
/// residual of the distribution, for b = 0 and every regular reading of the mu-terms.
pub fn equilibrium_residual(spec: &FigureSpec) -> Result<Figure, FigureError> {
    use crate::flux_rope::equilibrium_check::{radial_force_residual, vlasov_residual};
    use crate::flux_rope::sensitivity::Table1Sensitivity;
    let original = original_equilibrium().map_err(FigureError::model)?;
    let mut models: Vec<(String, &Profile)> = vec![("b = 0 (original model)".to_owned(), original)];
    for reading in [MuReading::LocalField, MuReading::Nanotesla] {
        let adopted = if reading == ADOPTED_READING {
            " (adopted)"
        } else {
            ""
        };
        models.push((
            format!("{}{adopted}", reading.label()),
            &Table1Sensitivity::chapter(reading)
                .map_err(FigureError::model)?
                .nominal,
        ));
    }
    let (mut force, mut vlasov) = (Vec::new(), Vec::new());
    // Floors for the log axes: the differencing error of b = 0 sits near them.
    let floor = |v: f64, at: f64| v.abs().max(at);
    for (colour, (label, profile)) in models.iter().enumerate() {
        let residuals = radial_force_residual(profile, 1).map_err(FigureError::model)?;
        let scale = residuals
            .iter()
            .map(|r| r.lorentz.abs())
            .fold(0.0, f64::max);
        let within: Vec<_> = residuals
            .iter()
            .filter(|r| r.rho_m <= units::km(150.0))
            .step_by(5)
            .collect();
        force.push(Series::line(
            label,
            within.iter().map(|r| units::to_km(r.rho_m)).collect(),
            within
                .iter()
                .map(|r| floor(r.residual() / scale, 1e-7))
                .collect(),
            colour,
        ));
        let step = profile.rho_m[1] - profile.rho_m[0];
        let radii: Vec<f64> = (1..=30).map(|k| 5.0 * f64::from(k)).collect();
        let values = radii
            .iter()
            .map(|&km| {
                Ok(floor(
                    vlasov_residual(profile, (units::km(km) / step).round() as usize, 1)
                        .map_err(FigureError::model)?
                        .relative,
                    1e-9,
                ))
            })
            .collect::<Result<Vec<f64>, FigureError>>()?;
        vlasov.push(Series::line(label, radii, values, colour));
    }
    // The gyro-centre reading: its moments only (mu is adiabatic, so no exact Vlasov check).
    {
        use crate::flux_rope::gyrocentre::{GyroSensitivity, force_residuals};
        let rope = &GyroSensitivity::chapter()
            .map_err(FigureError::model)?
            .nominal;
        let residuals = force_residuals(rope, 1).map_err(FigureError::model)?;
        let scale = residuals
            .iter()
            .map(|r| r.lorentz.abs())
            .fold(0.0, f64::max);
        let within: Vec<_> = residuals
            .iter()
            .filter(|r| r.rho_m <= units::km(150.0))
            .step_by(5)
            .collect();
        force.push(Series::line(
            "b in units of local B, mu about the gyro-centre",
            within.iter().map(|r| units::to_km(r.rho_m)).collect(),
            within
                .iter()
                .map(|r| floor(r.residual() / scale, 1e-7))
                .collect(),
            models.len(),
        ));
        let step = rope.rho_m[1] - rope.rho_m[0];
        let radii: Vec<f64> = (1..=30).map(|k| 5.0 * f64::from(k)).collect();
        let values = radii
            .iter()
            .map(|&km| {
                Ok(floor(
                    rope.vlasov_residual((units::km(km) / step).round() as usize, 1)
                        .map_err(FigureError::model)?
                        .relative,
                    1e-9,
                ))
            })
            .collect::<Result<Vec<f64>, FigureError>>()?;
        vlasov.push(Series::line(
            "b in units of local B, mu about the gyro-centre",
            radii,
            values,
            models.len(),
        ));
    }
    let force_panel = Panel::new(
        "(a) radial force balance of the moments",
        Axis::linear("rho (km)"),
        Axis::log("|residual| / peak J x B"),
        force,
    );
    let vlasov_panel = Panel::new(
        "(b) Vlasov equation of the electron distribution",
        Axis::linear("rho (km)"),
        Axis::log("|residual| / size of its terms"),
        vlasov,
    );
    spec.figure(
        "Whether the model is an equilibrium, for b = 0 and the two regular readings of the mu-terms (model only). (a) The \
         radial momentum balance of ions and electrons, d Pi_rr/d rho + (Pi_rr - Pi_pp)/rho against J x B, over the peak \
         J x B. (b) The Vlasov operator applied to the electron distribution on a velocity grid, over the size of its terms. \
         b = 0 balances to the differencing error; the adopted reading leaves a force residual as large as J x B itself. \
         Measuring v_perp across the true field and relative to the E x B drift (flux_rope::gyrocentre) cancels the \
         first-order part of both residuals.",
        &[force_panel, vlasov_panel],
    )
}

/// Figure 1 analogue: the panels of the paper's overview that the model can produce along
/// the virtual crossing, in the LMN frame (model only).
pub fn figure_1(spec: &FigureSpec) -> Result<Figure, FigureError> {
    let profile = adopted()?;
    let formation = Formation::chapter();
    let times = formation.times_s().map_err(FigureError::model)?;
    let at = |k: Spacecraft, t: f64| formation.position(k, t, formation.velocity_lmn_ms);
    let rho_of = |p: [f64; 3]| p[0].hypot(p[2]);
    let strength = Spacecraft::ALL
        .map(|k| {
            Series::line(
                &format!("MMS{}", k.number()),
                times.clone(),
                times
                    .iter()
                    .map(|&t| units::to_nanotesla(profile.field_magnitude_at(rho_of(at(k, t)))))
                    .collect(),
                k.index(),
            )
        })
        .into();
    let mms1 = |value: &dyn Fn([f64; 3]) -> f64| {
        times
            .iter()
            .map(|&t| value(at(Spacecraft::Mms1, t)))
            .collect::<Vec<f64>>()
    };
    let components = ["B_L", "B_M", "B_N"]
        .iter()
        .enumerate()
        .map(|(c, name)| {
            Series::line(
                name,
                times.clone(),
                mms1(&|p| units::to_nanotesla(field_lmn(profile, p, [0.0, 0.0])[c])),
                c,
            )
        })
        .collect();
    let electrons = |p: [f64; 3], f: &dyn Fn(usize) -> f64| profile.interpolate(rho_of(p), f);
    let density = vec![Series::line(
        "n_e",
        times.clone(),
        mms1(&|p| units::to_per_cm3(electrons(p, &|i| profile.electrons[i].density_m3))),
        0,
    )];
    // The electrons' bulk velocity relative to the (resting) ions, rotated into L, M, N.
    let velocity = |c: usize| {
        move |p: [f64; 3]| {
            let rho = rho_of(p);
            let (u_phi, u_z) = (
                electrons(p, &|i| profile.electrons[i].u_phi_ms),
                electrons(p, &|i| profile.electrons[i].u_z_ms),
            );
            let (sin_phi, cos_phi) = if rho > 0.0 {
                (p[0] / rho, p[2] / rho)
            } else {
                (0.0, 1.0)
            };
            units::to_km([u_phi * cos_phi, u_z, -u_phi * sin_phi][c])
        }
    };
    let velocities = ["V_eL", "V_eM", "V_eN"]
        .iter()
        .enumerate()
        .map(|(c, name)| Series::line(name, times.clone(), mms1(&velocity(c)), c))
        .collect();
    let temperature = |axis: usize| {
        move |p: [f64; 3]| {
            units::to_electronvolt(electrons(p, &|i| profile.electrons[i].temperature_j[axis]))
        }
    };
    let temperatures = vec![
        Series::line(
            "T_e,perp = (T_rr + T_pp)/2",
            times.clone(),
            mms1(&|p| 0.5 * (temperature(0)(p) + temperature(1)(p))),
            0,
        ),
        Series::line("T_e,par = T_zz", times.clone(), mms1(&temperature(2)), 1),
        Series::line(
            "T_i (uniform)",
            times.clone(),
            vec![units::to_electronvolt(profile.params.ion_temperature()); times.len()],
            2,
        ),
    ];
    // The paper takes T_par = T_zz because the field is nearly along the axis: how nearly.
    let largest_angle = times
        .iter()
        .map(|&t| {
            let b = field_lmn(profile, at(Spacecraft::Mms1, t), [0.0, 0.0]);
            b[0].hypot(b[2]).atan2(b[1].abs()).to_degrees()
        })
        .fold(0.0, f64::max);
    spec.figure(
        &format!(
            "Figure 1 analogue: the overview panels the adopted model can produce along the chapter's virtual crossing, in the \
             LMN frame (model only; no MMS data, and the adopted reading is not an equilibrium). (a) Field strength at the four \
             spacecraft (Fig. 1a); (b) field components at MMS1 (Fig. 1h); (c) electron density (Fig. 1i); (d) electron velocity \
             relative to the ions (Figs. 1j-k); (e) temperatures (Figs. 1f-g), with T_par = T_zz as the paper takes it, although \
             the field is up to {largest_angle:.0} deg from the axis on this path."
        ),
        &[
            Panel::new("(a) |B| at the four spacecraft", Axis::linear("t (s)"), Axis::linear("nT"), strength),
            Panel::new("(b) B in LMN at MMS1", Axis::linear("t (s)"), Axis::linear("nT"), components),
            Panel::new("(c) electron density at MMS1", Axis::linear("t (s)"), Axis::linear("cm^-3"), density),
            Panel::new("(d) electron velocity relative to the ions at MMS1", Axis::linear("t (s)"), Axis::linear("km/s"), velocities),
            Panel::new("(e) temperatures at MMS1", Axis::linear("t (s)"), Axis::linear("eV"), temperatures),
        ],
    )
}

/// Tetrahedron sides of the curlometer scan, km.
const CURLOMETER_SIDES_KM: [f64; 12] = [
    1.0, 2.0, 3.0, 5.0, 7.5, 10.0, 15.0, 20.0, 30.0, 40.0, 60.0, 80.0,
];

/// Figure 4 analogue: the current density of the model at each spacecraft and from the
/// curlometer of the four, and how the curlometer's error grows with the tetrahedron.
pub fn figure_4(spec: &FigureSpec) -> Result<Figure, FigureError> {
    use crate::flux_rope::crossing::{curlometer_lmn, current_lmn};
    let profile = adopted()?;
    let formation = Formation::chapter();
    let times = formation.times_s().map_err(FigureError::model)?;
    let na = |a: f64| a * 1e9;
    let curlometer = times
        .iter()
        .map(|&t| curlometer_lmn(profile, &formation, t))
        .collect::<Result<Vec<[f64; 3]>, _>>()
        .map_err(FigureError::model)?;
    let mut panels = Vec::new();
    for (c, name) in ["L", "M", "N"].iter().enumerate() {
        let mut series: Vec<Series> = Spacecraft::ALL
            .map(|k| {
                let y = times
                    .iter()
                    .map(|&t| {
                        na(current_lmn(
                            profile,
                            formation.position(k, t, formation.velocity_lmn_ms),
                            [0.0, 0.0],
                        )[c])
                    })
                    .collect();
                Series::line(
                    &format!("model at MMS{}", k.number()),
                    times.clone(),
                    y,
                    k.index(),
                )
            })
            .into();
        series.push(Series::line(
            "curlometer",
            times.clone(),
            curlometer.iter().map(|j| na(j[c])).collect(),
            6,
        ));
        panels.push(Panel::new(
            &format!("({}) J_{name}", ["a", "b", "c"][c]),
            Axis::linear("t (s)"),
            Axis::linear("nA/m^2"),
            series,
        ));
    }
    let errors = CURLOMETER_SIDES_KM
        .iter()
        .map(|&side| curlometer_error(profile, side).map_err(FigureError::model))
        .collect::<Result<Vec<f64>, FigureError>>()?;
    panels.push(Panel::new(
        "(d) curlometer error against the tetrahedron's side",
        Axis::log("side (km); the rope's radius is about 30 km"),
        Axis::log("rms |J_curl - J_model| / peak |J|"),
        vec![Series::line(
            "regular tetrahedron, chapter's path",
            CURLOMETER_SIDES_KM.to_vec(),
            errors,
            0,
        )],
    ));
    spec.figure(
        "Figure 4 analogue: the current density of the adopted model at the four virtual spacecraft and the curlometer \
         estimate from their fields (model only; no MMS data). In the model the ions are at rest, so the current from the \
         particle moments, n e (V_i - V_e), is the model's current itself. (d) The curlometer's rms error against the model \
         current at the barycentre, over the crossing, as the regular tetrahedron grows.",
        &panels,
    )
}

/// RMS over the crossing of the curlometer's error against the model current at the
/// barycentre, over the peak model current, for a regular tetrahedron of side `side_km`.
fn curlometer_error(
    profile: &Profile,
    side_km: f64,
) -> Result<f64, crate::flux_rope::FluxRopeError> {
    use crate::flux_rope::crossing::{curlometer_lmn, current_lmn};
    let formation = Formation::regular(side_km, [0.3, 0.9, 0.2], [-4.0, 0.0]);
    let times = formation.times_s()?;
    let (mut sum, mut peak) = (0.0, 0.0f64);
    for &t in &times {
        let positions: Vec<[f64; 3]> = Spacecraft::ALL
            .iter()
            .map(|&k| formation.position(k, t, formation.velocity_lmn_ms))
            .collect();
        let centre: [f64; 3] =
            std::array::from_fn(|i| positions.iter().map(|p| p[i]).sum::<f64>() / 4.0);
        let model = current_lmn(profile, centre, [0.0, 0.0]);
        let estimate = curlometer_lmn(profile, &formation, t)?;
        sum += (0..3)
            .map(|i| (estimate[i] - model[i]).powi(2))
            .sum::<f64>();
        peak = peak.max(model.iter().map(|j| j * j).sum::<f64>().sqrt());
    }
    Ok((sum / times.len() as f64).sqrt() / peak)
}

/// The far field (and which points match every observed feature) over the plane of
/// `alpha_r` and `tau_r`, for each regular reading of the mu-terms.
pub fn parameter_map(spec: &FigureSpec) -> Result<Figure, FigureError> {
    use crate::flux_rope::parameter_map::parameter_map;
    use crate::flux_rope::published::{ALPHA_R, TAU_R};
    const STEP: f64 = 0.1;
    let alphas: Vec<f64> = (0..9).map(|k| 0.2 + STEP * f64::from(k)).collect();
    let taus: Vec<f64> = (0..9).map(|k| 0.5 + STEP * f64::from(k)).collect();
    let edges = |centres: &[f64]| -> Vec<f64> {
        centres
            .iter()
            .map(|c| c - STEP / 2.0)
            .chain(std::iter::once(centres[centres.len() - 1] + STEP / 2.0))
            .collect()
    };
    let mut panels = Vec::new();
    let mut matches_text = Vec::new();
    for (letter, reading) in [("a", MuReading::LocalField), ("b", MuReading::Nanotesla)] {
        let map = parameter_map(reading, &alphas, &taus).map_err(FigureError::model)?;
        let values: Vec<Vec<Option<f64>>> = alphas
            .iter()
            .enumerate()
            .map(|(i, _)| {
                (0..taus.len())
                    .map(|j| map[i * taus.len() + j].features.map(|f| f.far_field_nt))
                    .collect()
            })
            .collect();
        let matching: Vec<_> = map
            .iter()
            .filter(|p| p.features.is_some_and(|f| f.matches_observation(1.0)))
            .collect();
        matches_text.push(format!("{}: {}", reading.label(), matching.len()));
        let adopted = if reading == ADOPTED_READING {
            " (adopted)"
        } else {
            ""
        };
        panels.push(
            Panel::new(
                &format!(
                    "({letter}) far field at 500 km, {}{adopted}",
                    reading.label()
                ),
                Axis::linear("alpha_r").with_range(
                    alphas[0] - STEP / 2.0,
                    alphas[alphas.len() - 1] + STEP / 2.0,
                ),
                Axis::linear("tau_r = T_r / T_b")
                    .with_range(taus[0] - STEP / 2.0, taus[taus.len() - 1] + STEP / 2.0),
                {
                    let mut series = vec![Series::points(
                        "Table 1",
                        vec![ALPHA_R.value],
                        vec![TAU_R.value],
                        5,
                    )];
                    if !matching.is_empty() {
                        series.push(Series::points(
                            "15 ± 1 nT, T_perp > T_par inside, < outside",
                            matching.iter().map(|p| p.alpha_r).collect(),
                            matching.iter().map(|p| p.tau_r).collect(),
                            6,
                        ));
                    }
                    series
                },
            )
            .with_heatmap(HeatMap {
                label: "far field (nT)".to_owned(),
                x_edges: edges(&alphas),
                y_edges: edges(&taus),
                values,
                diverging: false,
            })
            // Every corner of the map holds cells; the caption names the markers.
            .without_legend(),
        );
    }
    spec.figure(
        &format!(
            "The field 500 km from the axis over the plane of the rotation component's weight alpha_r and temperature ratio \
             tau_r, Table 1's other entries as printed (model only). Black points mark where the far field is within 1 nT of \
             the observed 15 nT and T_perp/T_par is above 1 on the axis and below 1 outside ({}), the orange point Table 1 \
             itself; blank cells are singular or have no quasi-neutral potential. The adopted reading is not an equilibrium.",
            matches_text.join(", ")
        ),
        &panels,
    )
}
