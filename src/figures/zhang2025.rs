//! Figures of the Zhang et al. (2025) chapter.

use super::{FigureSpec, Part, figure_spec};
use crate::claims::Paper;
use crate::figure::{Axis, Figure, FigureError, Panel, Series, SeriesLabelPosition};

pub(super) fn figures() -> Vec<FigureSpec> {
    let part = Part::Paper(Paper::Zhang2025);
    vec![
        figure_spec!("zhang2025.figure_1", part, figure_1),
        figure_spec!("zhang2025.figure_2", part, figure_2),
        figure_spec!("zhang2025.figure_3", part, figure_3),
        figure_spec!("zhang2025.figure_4", part, figure_4),
        figure_spec!("zhang2025.force_budget", part, force_budget),
        figure_spec!("zhang2025.known_answer", part, known_answer),
        figure_spec!("zhang2025.continuous_views", part, continuous_views),
    ]
}

/// The force budget per region as stacked bars, published beside recomputed, and every
/// share and the example thickness with the intervals their printed precision implies: a
/// figure the paper lacks.
pub fn force_budget(spec: &FigureSpec) -> Result<Figure, FigureError> {
    use crate::force_balance::budget::{
        B0Error, BudgetShares, GradientLocation, Region, Species, Tension,
    };
    use crate::force_balance::budget::{
        example_thickness_km, published_budget, pxz_share, recomputed_budget, thermal_share,
    };
    let location = GradientLocation::ReferenceDistance;
    // Bars: per region, published, over the stated tension, over <j_y><B_z>.
    let mut shares: Vec<(f64, BudgetShares)> = Vec::new();
    for (offset, region) in [(0.0, Region::Near), (4.0, Region::Far)] {
        shares.push((
            offset + 1.0,
            published_budget(region).map_err(FigureError::model)?,
        ));
        for (step, tension) in [(2.0, Tension::Stated), (3.0, Tension::ProductOfMeans)] {
            shares.push((
                offset + step,
                recomputed_budget(region, location, tension).map_err(FigureError::model)?,
            ));
        }
    }
    let x: Vec<f64> = shares.iter().map(|(x, _)| *x).collect();
    type Share = fn(&BudgetShares) -> f64;
    let parts: [(&str, Share, usize); 4] = [
        ("thermal -dP_xx/dx", |s| s.thermal.value, 0),
        ("ion -dP_i,xz/dz", |s| s.ion.value, 1),
        ("electron -dP_e,xz/dz", |s| s.electron.value, 2),
        ("unbalanced", |s| s.unbalanced(), 6),
    ];
    let mut bottoms = vec![0.0; x.len()];
    let mut bars = Vec::new();
    for (label, part, colour) in parts {
        let tops: Vec<f64> = shares
            .iter()
            .zip(&bottoms)
            .map(|((_, s), bottom)| bottom + part(s))
            .collect();
        bars.push(Series::bars(
            label,
            x.clone(),
            tops.clone(),
            bottoms.clone(),
            0.8,
            colour,
        ));
        bottoms = tops;
    }
    let budget_panel = Panel::new(
        "(a) Budget: near Earth (1-3), further out (5-7); published (1, 5), over the stated tension (2, 6), over <j_y><B_z> (3, 7)",
        Axis::linear("region and source").with_range(0.0, 11.0),
        Axis::linear("share of the magnetic tension (%)").with_range(0.0, 100.0),
        bars,
    )
    .legend_at(SeriesLabelPosition::UpperRight);

    // Intervals: categories 1-4 near (ion, electron, total P_xz, thermal), 6-9 far.
    let mut columns: [(Vec<f64>, Vec<f64>, Vec<f64>); 3] = Default::default();
    for (offset, region) in [(0.0, Region::Near), (5.0, Region::Far)] {
        let numbers = region.numbers();
        let published = [
            numbers.ion_share,
            numbers.electron_share,
            numbers.pxz_share,
            numbers.thermal_share,
        ];
        let species = [Some(Species::Ion), Some(Species::Electron), None];
        for (k, quoted) in published.iter().enumerate() {
            let category = offset + 1.0 + k as f64;
            let interval = quoted.interval().map_err(FigureError::model)?;
            let recomputed = |tension| match species.get(k) {
                Some(&s) => pxz_share(region, s, tension),
                None => thermal_share(region, location, tension),
            };
            let entries = [
                (interval.lo(), interval.hi()),
                {
                    let c = recomputed(Tension::Stated).map_err(FigureError::model)?;
                    (c.interval.lo(), c.interval.hi())
                },
                {
                    let c = recomputed(Tension::ProductOfMeans).map_err(FigureError::model)?;
                    (c.interval.lo(), c.interval.hi())
                },
            ];
            for (column, (lo, hi)) in columns.iter_mut().zip(entries) {
                column.0.push(category);
                column.1.push(lo);
                column.2.push(hi);
            }
        }
    }
    let labels = [
        "published (printed precision)",
        "recomputed, over the stated tension",
        "recomputed, over <j_y><B_z>",
    ];
    let interval_series = columns
        .into_iter()
        .zip(labels)
        .enumerate()
        .map(|(k, ((x, lo, hi), label))| {
            Series::spans(
                label,
                x.iter().map(|x| x + 0.22 * (k as f64 - 1.0)).collect(),
                lo,
                hi,
                [6, 0, 2][k],
            )
        })
        .collect();
    let interval_panel = Panel::new(
        "(b) Shares with intervals: near (1 ion, 2 electron, 3 total P_xz, 4 thermal at X = -20 R_E), far (6-9)",
        Axis::linear("share: 1-4 near, 6-9 far (ion, electron, total P_xz, thermal)").with_range(0.0, 10.0),
        Axis::linear("share of the magnetic tension (%)"),
        interval_series,
    )
    .legend_at(SeriesLabelPosition::UpperLeft);

    let published_l = crate::force_balance::published::EXAMPLE_THICKNESS_KM
        .interval()
        .map_err(FigureError::model)?;
    let printed = example_thickness_km(B0Error::Printed).map_err(FigureError::model)?;
    let stated = example_thickness_km(B0Error::Stated).map_err(FigureError::model)?;
    let thickness_panel = Panel::new(
        "(c) Example event, 12 Aug 2017: L = B0/(mu0 j0) from B0 = 7.9 nT, j0 = 9.3 nA/m^2",
        Axis::linear("source").with_range(0.0, 4.0),
        Axis::linear("thickness L (km)"),
        vec![
            Series::spans(
                "published 673 km",
                vec![1.0],
                vec![published_l.lo()],
                vec![published_l.hi()],
                6,
            ),
            Series::spans(
                "B0, j0 as printed",
                vec![2.0],
                vec![printed.interval.lo()],
                vec![printed.interval.hi()],
                0,
            ),
            Series::spans(
                "B0 with its stated 20% error",
                vec![3.0],
                vec![stated.interval.lo()],
                vec![stated.interval.hi()],
                2,
            ),
            Series::points(
                "computed at the printed values",
                vec![2.0, 3.0],
                vec![printed.value, stated.value],
                1,
            ),
        ],
    )
    .legend_at(SeriesLabelPosition::UpperLeft);
    spec.figure(
        "The radial force budget of Zhang et al. (2025) per region, in percent of the magnetic tension. (a) The \
         published shares beside the shares recomputed from the paper's stated forces, over the stated regional \
         tension and over the product of the stated means, with the thermal gradient of the Fig. 4 fits at \
         X = -20 R_E (the claims list every reading). (b) Each share as the interval its printed precision \
         implies, published and recomputed (corners of the inputs' intervals). (c) The example event's thickness: \
         the printed precision of B0 and j0 admits the published 673 km; B0's stated method error of up to 20% \
         (Sec. 2) gives the wide band. A figure the paper lacks.",
        &[budget_panel, interval_panel, thickness_panel],
    )
}

/// Seed of the synthetic catalogue behind the Figure 4 analogue.
pub const CATALOGUE_SEED: u64 = 104;

/// Figure 4 analogue: P_i,xx and P_e,xx against X for a SYNTHETIC catalogue drawn around the
/// published power laws, with the power laws refitted (argmin, bootstrap errors).
pub fn figure_4(spec: &FigureSpec) -> Result<Figure, FigureError> {
    use crate::force_balance::catalogue::{columns, fit_power_law, synthetic};
    let frame = synthetic(CATALOGUE_SEED).map_err(FigureError::model)?;
    let [x, ions, electrons] = columns(&frame).map_err(FigureError::model)?;
    let curve_x: Vec<f64> = (0..=100).map(|i| -30.0 + 0.2 * f64::from(i)).collect();
    let law = |p0: f64, alpha: f64| {
        curve_x
            .iter()
            .map(|x| p0 * (-x / 20.0).powf(-alpha))
            .collect::<Vec<_>>()
    };
    let mut panels = Vec::new();
    use crate::force_balance::published::{
        ELECTRON_EXPONENT, ELECTRON_P0_NPA, ION_EXPONENT, ION_P0_NPA,
    };
    let fits = [
        (ION_P0_NPA.value, ION_EXPONENT.value),
        (ELECTRON_P0_NPA.value, ELECTRON_EXPONENT.value),
    ];
    for (name, values, (p0, alpha), seed) in [
        ("P_i,xx", &ions, fits[0], 1),
        ("P_e,xx", &electrons, fits[1], 2),
    ] {
        let fit = fit_power_law(&x, values, seed).map_err(FigureError::model)?;
        panels.push(
            Panel::new(
                &format!(
                    "{name}: refitted {:.3} +- {:.3} nPa (-X/20)^-({:.2} +- {:.2}); published {p0} nPa, {alpha}",
                    fit.p0_npa, fit.p0_error, fit.exponent, fit.exponent_error
                ),
                Axis::linear("X (R_E)"),
                Axis::linear(&format!("{name} (nPa)")),
                vec![
                    Series::points("synthetic events", x.clone(), values.clone(), 4),
                    Series::line("published fit", curve_x.clone(), law(p0, alpha), 6),
                    Series::line("refitted", curve_x.clone(), law(fit.p0_npa, fit.exponent), 1),
                ],
            )
            .legend_at(SeriesLabelPosition::UpperLeft),
        );
    }
    spec.figure(
        "Analogue of Fig. 4 of Zhang et al. (2025) from a SYNTHETIC catalogue (58 + 46 events, seed 104) drawn \
         around the published power laws with log-normal scatter; the refit (least squares in P, argmin \
         Nelder-Mead, 200 bootstrap resamples) recovers the published coefficients within its errors. The same \
         code reads a real catalogue (`force_balance::catalogue::read`).",
        &panels,
    )
}

/// Figure 1 analogue: a SYNTHETIC crossing built from the numbers stated for the
/// 12 August 2017 event, with the method's estimates in the titles.
pub fn figure_1(spec: &FigureSpec) -> Result<Figure, FigureError> {
    use crate::force_balance::example::ExampleCrossing;
    let crossing = ExampleCrossing::synthetic().map_err(FigureError::model)?;
    let estimate = crossing.estimate().map_err(FigureError::model)?;
    let (enter, leave) = crossing.central_region_times();
    let nt = |values: &[f64]| values.iter().map(|v| v * 1e9).collect::<Vec<_>>();
    let marks = |low: f64, high: f64| {
        vec![
            Series::line("central region", vec![enter, enter], vec![low, high], 6),
            Series::line("", vec![leave, leave], vec![low, high], 6),
        ]
    };
    let mut field = vec![
        Series::line("B_x", crossing.field_time_s.clone(), nt(&crossing.b_x_t), 0),
        Series::line(
            "B_z",
            crossing.field_time_s.clone(),
            vec![crossing.b_z_t * 1e9; crossing.field_time_s.len()],
            1,
        ),
    ];
    field.extend(marks(-9.0, 9.0));
    let mut current = vec![Series::points(
        "j_y (FPI cadence)",
        crossing.plasma_time_s.clone(),
        nt(&crossing.j_y_a_m2),
        2,
    )];
    current.extend(marks(0.0, 10.0));
    let mut pressure = vec![
        Series::points(
            "P_i,xz",
            crossing.plasma_time_s.clone(),
            nt(&crossing.p_ixz_pa),
            1,
        ),
        Series::points(
            "P_e,xz",
            crossing.plasma_time_s.clone(),
            nt(&crossing.p_exz_pa),
            3,
        ),
    ];
    pressure.extend(marks(-0.03, 0.03));
    let panels = [
        Panel::new(
            &format!(
                "(a) field: B0 from the extremes = {:.2} nT",
                estimate.b0_t * 1e9
            ),
            Axis::linear("time (s)"),
            Axis::linear("B (nT)"),
            field,
        )
        .legend_at(SeriesLabelPosition::LowerLeft),
        Panel::new(
            &format!(
                "(b) current: j0 = {:.2} nA/m^2, L = {:.0} km, tension {:.1} nA nT/m^2",
                estimate.j0_a_m2 * 1e9,
                estimate.thickness_m / 1e3,
                estimate.tension
            ),
            Axis::linear("time (s)"),
            Axis::linear("j_y (nA/m^2)"),
            current,
        )
        .legend_at(SeriesLabelPosition::UpperLeft),
        Panel::new(
            &format!(
                "(c) off-diagonal pressure: forces {:.1} (ions), {:.1} (electrons) nA nT/m^2",
                estimate.ion_force, estimate.electron_force
            ),
            Axis::linear("time (s)"),
            Axis::linear("P_xz (nPa)"),
            pressure,
        )
        .legend_at(SeriesLabelPosition::UpperRight),
    ];
    spec.figure(
        "Analogue of Fig. 1 of Zhang et al. (2025): a SYNTHETIC Harris-sheet crossing built from the numbers stated \
         for 12 August 2017 (B_x from 7.3 to -8.5 nT, B0 = 7.9 nT, j0 = 9.3 nA/m^2, tension 70.1 nA nT/m^2, P_xz \
         forces 35.3 and 24.0 nA nT/m^2), crossed north to south at 20 km/s (our assumption), field at the FGM cadence, \
         moments at the FPI cadence with 5% noise on P_xz. The titles give what the paper's method recovers. To \
         match the stated tension B_z must be about 8.3 nT, more than B0 itself and not a stretched sheet: the printed \
         tension and forces may be ten times too large (see `zhang2025.example_tension`).",
        &panels,
    )
}

/// Seeds of the synthetic near and far ensembles.
pub const ENSEMBLE_SEEDS: (u64, u64) = (58, 46);

fn ensemble_statistics()
-> Result<[crate::force_balance::ensemble::RegionStatistics; 2], FigureError> {
    use crate::force_balance::ensemble::{FAR, NEAR, analyse, synthetic_region};
    let near = analyse(&synthetic_region(&NEAR, ENSEMBLE_SEEDS.0).map_err(FigureError::model)?)
        .map_err(FigureError::model)?;
    let far = analyse(&synthetic_region(&FAR, ENSEMBLE_SEEDS.1).map_err(FigureError::model)?)
        .map_err(FigureError::model)?;
    Ok([near, far])
}

fn profile_series(
    profile: &crate::binning::BinnedProfile,
    label: &str,
    colour: usize,
    shift: f64,
) -> Series {
    // Near and far share the bins: shift them apart a little so both error bars show.
    let x = profile.centre.iter().map(|c| c + shift).collect();
    Series::error_bars(
        label,
        x,
        profile.mean.clone(),
        profile.standard_error.clone(),
        colour,
    )
}

/// Figure 2 analogue: binned j_y and B_z against B_x/B0 per region, SYNTHETIC ensemble.
pub fn figure_2(spec: &FigureSpec) -> Result<Figure, FigureError> {
    let [near, far] = ensemble_statistics()?;
    let panel = |index: usize, quantity: &str, unit: &str, near_mean: f64, far_mean: f64| {
        Panel::new(
            &format!(
                "{quantity}: central-region means {near_mean:.2} (near) and {far_mean:.2} (far) {unit}"
            ),
            Axis::linear("B_x / B0"),
            Axis::linear(&format!("{quantity} ({unit})")),
            vec![
                profile_series(
                    &near.profiles[index],
                    "near Earth, -20 < X < -10",
                    0,
                    -0.015,
                ),
                profile_series(&far.profiles[index], "further, -30 < X < -20", 1, 0.015),
                Series::line("", vec![-0.5, 0.5], vec![near_mean, near_mean], 0),
                Series::line("", vec![-0.5, 0.5], vec![far_mean, far_mean], 1),
            ],
        )
    };
    spec.figure(
        &format!(
            "Analogue of Fig. 2 of Zhang et al. (2025) from a SYNTHETIC ensemble of 58 + 46 events built on the published \
             summaries (`force_balance::ensemble`, seeds 58 and 46): mean and standard error per B_x/B0 bin (polars), and the \
             central-region means (lines over |B_x| < 0.5 B0). The tensions from those means are {:.1} (near) and {:.1} (far) \
             nA nT/m^2; the paper states 14.4 and 9.5, and its means multiply to 15.97 and 7.94.",
            near.tension, far.tension
        ),
        &[panel(0, "j_y", "nA/m^2", near.central_j_y, far.central_j_y), panel(1, "B_z", "nT", near.central_b_z, far.central_b_z)],
    )
}

/// Figure 3 analogue: binned P_i,xz and P_e,xz against B_x/B0 per region with the central
/// fits and the Eq. 3 forces, SYNTHETIC ensemble.
pub fn figure_3(spec: &FigureSpec) -> Result<Figure, FigureError> {
    let [near, far] = ensemble_statistics()?;
    let panel = |index: usize,
                 name: &str,
                 near_force: f64,
                 far_force: f64,
                 near_slope: f64,
                 far_slope: f64| {
        let fit = |profile: &crate::binning::BinnedProfile, slope: f64| {
            let central: Vec<(f64, f64)> = profile
                .centre
                .iter()
                .zip(&profile.mean)
                .filter(|(c, _)| c.abs() < 0.5)
                .map(|(c, m)| (*c, *m))
                .collect();
            let mean_x = central.iter().map(|(c, _)| c).sum::<f64>() / central.len() as f64;
            let mean_y = central.iter().map(|(_, m)| m).sum::<f64>() / central.len() as f64;
            vec![
                mean_y + slope * (-0.5 - mean_x),
                mean_y + slope * (0.5 - mean_x),
            ]
        };
        Panel::new(
            &format!(
                "{name}: Eq. 3 forces {near_force:.2} (near) and {far_force:.2} (far) nA nT/m^2"
            ),
            Axis::linear("B_x / B0"),
            Axis::linear(&format!("{name} (nPa)")),
            vec![
                profile_series(&near.profiles[index], "near Earth", 0, -0.015),
                profile_series(&far.profiles[index], "further", 1, 0.015),
                Series::line(
                    "central fit, near",
                    vec![-0.5, 0.5],
                    fit(&near.profiles[index], near_slope),
                    0,
                ),
                Series::line(
                    "central fit, far",
                    vec![-0.5, 0.5],
                    fit(&far.profiles[index], far_slope),
                    1,
                ),
            ],
        )
        .legend_at(SeriesLabelPosition::UpperLeft)
    };
    spec.figure(
        "Analogue of Fig. 3 of Zhang et al. (2025) from the same SYNTHETIC ensemble: P_xz profiles per region, the straight-line \
         fits over the central bins, and the forces of Eq. 3 from those slopes and the mean thickness. The ensemble is built \
         so the published forces (ions 1.5 and 3.1, electrons 3.1 and 1.1 nA nT/m^2, near and far) are its expectation; \
         the titles show what the pipeline recovers.",
        &[
            panel(2, "P_i,xz", near.forces.0, far.forces.0, near.slopes.0, far.slopes.0),
            panel(3, "P_e,xz", near.forces.1, far.forces.1, near.slopes.1, far.slopes.1),
        ],
    )
}

/// The paper's method on sheets with a known off-diagonal share: what it returns against the
/// truth, for Harris, embedded and bifurcated current profiles, with B0 taken where the
/// current falls off (the paper's reading) or far from the sheet.
pub fn known_answer(spec: &FigureSpec) -> Result<Figure, FigureError> {
    use crate::force_balance::known_answer::{
        BOUNDARY_CURRENT_FRACTION, BoundaryField, CROSSING_SAMPLES, Crossing, KnownSheet, Sampling,
        SheetShape,
    };
    let sheet = |shape, share| KnownSheet {
        shape,
        b0_t: 20e-9,
        thickness_m: 1e6,
        b_z_t: 2e-9,
        share,
    };
    let paper_b0 = BoundaryField::WhereCurrentFalls(BOUNDARY_CURRENT_FRACTION);
    // Every panel but (a) is binned; one sampling of a shape serves all its shares and B0s.
    let binned = |shape| {
        Crossing::sample(shape, Sampling::UniformInField, CROSSING_SAMPLES)
            .map_err(FigureError::model)
    };
    let returned_share =
        |crossing: &Crossing, shape, share, boundary| -> Result<f64, FigureError> {
            Ok(sheet(shape, share)
                .method_on(crossing, boundary, 1.0)
                .map_err(FigureError::model)?
                .recovered_share)
        };
    // Returned over true share along a family of shapes, for both B0 choices: the paper's
    // solid, far from the sheet dashed.
    let factor_curves = |x: &[f64],
                         shapes: &[SheetShape],
                         label: &dyn Fn(&str) -> String,
                         colour|
     -> Result<Vec<Series>, FigureError> {
        let crossings = shapes
            .iter()
            .map(|&shape| binned(shape))
            .collect::<Result<Vec<_>, _>>()?;
        [
            (paper_b0, "B0 at a tenth of j0"),
            (BoundaryField::Asymptotic, "B0 far from the sheet"),
        ]
        .into_iter()
        .map(|(boundary, name)| {
            let y = shapes
                .iter()
                .zip(&crossings)
                .map(|(&shape, crossing)| Ok(returned_share(crossing, shape, 0.3, boundary)? / 0.3))
                .collect::<Result<Vec<f64>, FigureError>>()?;
            let draw = if boundary == BoundaryField::Asymptotic {
                Series::dashed
            } else {
                Series::line
            };
            Ok(draw(&label(name), x.to_vec(), y, colour))
        })
        .collect()
    };
    let examples = [
        ("Harris", SheetShape::Harris, 0),
        (
            "embedded, a = 0.5, r = 0.2",
            SheetShape::Embedded {
                core_field_fraction: 0.5,
                core_thickness_ratio: 0.2,
            },
            1,
        ),
        (
            "bifurcated, s = 1.5",
            SheetShape::Bifurcated { separation: 1.5 },
            2,
        ),
    ];
    // (a) The current profiles against B_x over the asymptotic field, each over its own peak.
    let zeta: Vec<f64> = (0..=1200)
        .map(|i| -3.0 + 6.0 * f64::from(i) / 1200.0)
        .collect();
    let mut profiles = Vec::new();
    for (label, shape, colour) in examples {
        let peak = zeta.iter().map(|&z| shape.current(z)).fold(0.0, f64::max);
        let x: Vec<f64> = zeta.iter().map(|&z| shape.field(z)).collect();
        let y: Vec<f64> = zeta.iter().map(|&z| shape.current(z) / peak).collect();
        profiles.push(Series::line(label, x, y, colour));
    }
    let profile_panel = Panel::new(
        "(a) current profiles, each over its peak j0",
        Axis::linear("B_x over the field far from the sheet").with_range(-1.0, 1.0),
        Axis::linear("j_y / j0").with_range(0.0, 1.1),
        profiles,
    );
    // (b) Returned against true share, binned, B0 where the current falls to a tenth.
    let truth: Vec<f64> = (0..=10).map(|k| 0.1 * f64::from(k)).collect();
    let mut returned = vec![Series::line(
        "returned = true",
        truth.clone(),
        truth.clone(),
        6,
    )];
    for (label, shape, colour) in examples {
        let crossing = binned(shape)?;
        let y = truth
            .iter()
            .map(|&f| {
                if f > 0.0 {
                    returned_share(&crossing, shape, f, paper_b0)
                } else {
                    Ok(0.0)
                }
            })
            .collect::<Result<Vec<f64>, FigureError>>()?;
        returned.push(Series::points(label, truth.clone(), y, colour));
    }
    let returned_panel = Panel::new(
        "(b) returned against true share (binned; B0 at a tenth of j0)",
        Axis::linear("true share f"),
        Axis::linear("returned share"),
        returned,
    );
    // (c) Embedded sheets: the factor against the core's share of the field.
    let fractions: Vec<f64> = (2..=20).map(|k| 0.05 * f64::from(k)).collect();
    let mut embedded = Vec::new();
    for (colour, ratio) in [0.1, 0.2, 0.5].into_iter().enumerate() {
        let shapes: Vec<SheetShape> = fractions
            .iter()
            .map(|&a| SheetShape::Embedded {
                core_field_fraction: a,
                core_thickness_ratio: ratio,
            })
            .collect();
        embedded.extend(factor_curves(
            &fractions,
            &shapes,
            &|name| format!("r = {ratio}, {name}"),
            colour,
        )?);
    }
    embedded.push(Series::line(
        "10% above the truth",
        vec![0.1, 1.0],
        vec![1.1, 1.1],
        6,
    ));
    let embedded_panel = Panel::new(
        "(c) embedded sheets: returned / true share (binned)",
        Axis::linear("core's share a of the field jump"),
        Axis::linear("returned / true"),
        embedded,
    );
    // (d) Bifurcated sheets.
    let separations: Vec<f64> = (0..=30).map(|k| 0.1 * f64::from(k)).collect();
    let shapes: Vec<SheetShape> = separations
        .iter()
        .map(|&s| SheetShape::Bifurcated { separation: s })
        .collect();
    let mut bifurcated = factor_curves(&separations, &shapes, &|name| name.to_owned(), 2)?;
    bifurcated.push(Series::line(
        "10% above the truth",
        vec![0.0, 3.0],
        vec![1.1, 1.1],
        6,
    ));
    let bifurcated_panel = Panel::new(
        "(d) bifurcated sheets: returned / true share (binned)",
        Axis::linear("peak offset s (units of L)"),
        Axis::linear("returned / true"),
        bifurcated,
    );
    spec.figure(
        "The paper's method (L = B0/(mu0 j0), the slope of Eq. 3 and central-region means) on 1D model sheets in which \
         dP_xz/dz balances a known share f of the local tension (model only; no MMS data). It returns f times the peak \
         current over its central-region mean. Weighted uniformly in B_x/B0 as binned profiles are, that is 12/11 for a \
         Harris sheet; for embedded cores (carrying a share a of the field, r times thinner) and split current peaks (s) \
         it depends on where B0 is taken: where the current has fallen to a tenth of its peak (solid), or far from the \
         sheet (dashed).",
        &[profile_panel, returned_panel, embedded_panel, bifurcated_panel],
    )
}

/// The budget's open choices as continuous curves rather than picked readings: the thermal
/// share against where the gradient is taken and against the region bounds, the per-event
/// covariance each published tension implies, and what the stated B0 error does.
pub fn continuous_views(spec: &FigureSpec) -> Result<Figure, FigureError> {
    use crate::force_balance::budget::{Region, Tension, tension};
    use crate::force_balance::known_answer::{KnownSheet, MethodSettings, SheetShape};
    use crate::force_balance::power_law::PowerLaw;
    use crate::force_balance::to_na_nt_per_m2;
    let model = |e: crate::force_balance::ForceBalanceError| FigureError::model(e);
    let gradient = |x: f64| -> Result<f64, FigureError> {
        Ok(to_na_nt_per_m2(
            PowerLaw::ions().gradient_force_n_m3(x).map_err(model)?
                + PowerLaw::electrons()
                    .gradient_force_n_m3(x)
                    .map_err(model)?,
        ))
    };
    let readings = [
        (Region::Near, Tension::Stated, "near, stated tension", 0),
        (Region::Near, Tension::ProductOfMeans, "near, <j_y><B_z>", 4),
        (Region::Far, Tension::Stated, "far, stated tension", 1),
        (Region::Far, Tension::ProductOfMeans, "far, <j_y><B_z>", 5),
    ];
    // (a) The share with the gradient taken at X, and the published shares as bands.
    let xs: Vec<f64> = (0..=108).map(|k| -35.0 + 0.25 * f64::from(k)).collect();
    let mut at_x = Vec::new();
    for (region, which, label, colour) in readings {
        let t = tension(region, which).map_err(model)?.value;
        let y = xs
            .iter()
            .map(|&x| Ok(100.0 * gradient(x)? / t))
            .collect::<Result<Vec<f64>, FigureError>>()?;
        at_x.push(Series::line(label, xs.clone(), y, colour));
    }
    for (region, colour) in [(Region::Near, 0), (Region::Far, 1)] {
        let published = region.numbers().thermal_share.interval().map_err(|e| {
            FigureError::model(crate::force_balance::ForceBalanceError::from(
                crate::claims::PropagationError::from(e),
            ))
        })?;
        at_x.push(Series::band(
            &format!("published {} share", region.name()),
            vec![-35.0, -8.0],
            vec![published.lo(); 2],
            vec![published.hi(); 2],
            colour,
        ));
    }
    let at_x_panel = Panel::new(
        "(a) thermal share with the gradient taken at X",
        Axis::linear("X where the gradient is taken (R_E)"),
        Axis::linear("share of the tension (%)").with_range(0.0, 60.0),
        at_x,
    );
    // (b) The region-mean share against the region's outer bound (inner bound as published).
    let mut bounds = Vec::new();
    for (region, which, label, colour) in readings {
        let t = tension(region, which).map_err(model)?.value;
        let (far, near) = region.numbers().x_re;
        let outer: Vec<f64> = (0..=40)
            .map(|k| far - 5.0 + 0.25 * f64::from(k))
            .filter(|x| *x < near - 1.0)
            .collect();
        let y = outer
            .iter()
            .map(|&x_far| {
                let mean = PowerLaw::ions()
                    .mean_gradient_force_n_m3(x_far, near)
                    .map_err(model)?
                    + PowerLaw::electrons()
                        .mean_gradient_force_n_m3(x_far, near)
                        .map_err(model)?;
                Ok(100.0 * to_na_nt_per_m2(mean) / t)
            })
            .collect::<Result<Vec<f64>, FigureError>>()?;
        bounds.push(Series::line(label, outer, y, colour));
    }
    let bounds_panel = Panel::new(
        "(b) region-mean share against the region's tailward bound",
        Axis::linear("tailward bound of the region (R_E)"),
        Axis::linear("share of the tension (%)").with_range(0.0, 60.0),
        bounds,
    );
    // (c) The covariance of j_y and B_z across events each published tension implies.
    let mut spans = Vec::new();
    for (position, region, label) in [
        (1.0, Some(Region::Near), "near"),
        (2.0, Some(Region::Far), "far"),
        (3.0, None, "all"),
    ] {
        let implied = match region {
            Some(region) => {
                crate::force_balance::budget::implied_covariance(region).map_err(model)?
            }
            None => crate::force_balance::budget::implied_covariance_all().map_err(model)?,
        };
        spans.push(Series::spans(
            label,
            vec![position],
            vec![implied.interval.lo()],
            vec![implied.interval.hi()],
            [0, 1, 6][position as usize - 1],
        ));
    }
    spans.push(Series::line(
        "no covariance",
        vec![0.5, 3.5],
        vec![0.0, 0.0],
        6,
    ));
    let covariance_panel = Panel::new(
        "(c) cov(j_y, B_z) across events that each stated tension implies",
        Axis::categories("region", &["near", "far", "all"]),
        Axis::linear("stated tension - <j_y><B_z> (nA nT/m²)"),
        spans,
    );
    // (d) The stated 10-20% error of B0, through the method on known sheets.
    let errors: Vec<f64> = (0..=16).map(|k| -20.0 + 2.5 * f64::from(k)).collect();
    let mut b0 = Vec::new();
    for (label, shape, colour) in [
        ("share, Harris", SheetShape::Harris, 0),
        (
            "share, embedded a = 0.5, r = 0.2",
            SheetShape::Embedded {
                core_field_fraction: 0.5,
                core_thickness_ratio: 0.2,
            },
            1,
        ),
    ] {
        let sheet = KnownSheet {
            shape,
            b0_t: 20e-9,
            thickness_m: 1e6,
            b_z_t: 2e-9,
            share: 0.3,
        };
        let exact = sheet.method().map_err(model)?.recovered_share;
        let y = errors
            .iter()
            .map(|e| {
                Ok(sheet
                    .method_with(MethodSettings::single_crossing(), 1.0 + e / 100.0)
                    .map_err(model)?
                    .recovered_share
                    / exact)
            })
            .collect::<Result<Vec<f64>, FigureError>>()?;
        b0.push(Series::line(label, errors.clone(), y, colour));
    }
    b0.push(Series::line(
        "thickness L",
        errors.clone(),
        errors.iter().map(|e| 1.0 + e / 100.0).collect(),
        6,
    ));
    let b0_panel = Panel::new(
        "(d) B0 misjudged: L and the returned share, over their values at the true B0",
        Axis::linear("error of the assumed B0 (%)"),
        Axis::linear("ratio to the value at the true B0"),
        b0,
    );
    spec.figure(
        "The budget's open choices as curves. (a) The thermal-gradient share of the Fig. 4 fits when the gradient is taken at X, \
         over each region's tension (stated, or the product of the means); the bands are the published 15% and 25% as \
         printed. (b) The share from the mean gradient over a region whose tailward bound moves. (c) The covariance of j_y and \
         B_z across events that makes each stated tension a mean of per-event products. (d) What a B0 misjudged by up to \
         20% (Sec. 2) does to L and to the P_xz share the method returns, on model sheets (model only).",
        &[at_x_panel, bounds_panel, covariance_panel, b0_panel],
    )
}
