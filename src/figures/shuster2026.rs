//! Figures of the Shuster et al. (2026) chapter: crescents and their normal gradients from
//! the crescent model, the smile detector along z, the tetrahedron wash-out, the orders of
//! magnitude of Eq. 2, and the velocity integrals behind Eq. 5.

use super::{FigureSpec, Part, figure_spec};
use crate::claims::Paper;
use crate::figure::{Axis, Figure, FigureError, HeatMap, Panel, Series, SeriesLabelPosition};
use crate::smile::crescent::fac_to_layer;
use crate::smile::detector::{
    GradientEstimate, RingReading, ring_angles, ring_speed, ring_velocity, scan,
};
use crate::smile::gradient::centred_difference;
use crate::smile::grids::VelocityGrid;
use crate::smile::moments::moments;
use crate::smile::{CrescentModel, TETRAHEDRON_ANGLES, scan_positions, strongest};

pub(super) fn figures() -> Vec<FigureSpec> {
    let part = Part::Paper(Paper::Shuster2026);
    vec![
        figure_spec!("shuster2026.momentum_terms", part, momentum_terms),
        figure_spec!("shuster2026.crescents", part, crescents),
        figure_spec!("shuster2026.band", part, band),
        figure_spec!("shuster2026.separation", part, separation),
        figure_spec!("shuster2026.washout_scaling", part, washout_scaling),
        figure_spec!("shuster2026.parallel", part, parallel),
        figure_spec!("shuster2026.eq5", part, eq5),
    ]
}

/// The three terms of Eq. 2 from the paper's order-of-magnitude numbers, against the values
/// it prints and the maxima it measured.
pub fn momentum_terms(spec: &FigureSpec) -> Result<Figure, FigureError> {
    use crate::smile::published as paper;
    let computed = crate::smile::scales::momentum_terms_ppa_per_km().to_vec();
    let printed = [
        paper::TIME_DERIVATIVE_TERM,
        paper::INERTIAL_TERM,
        paper::PRESSURE_TERM,
    ]
    .map(|q| q.value)
    .to_vec();
    let measured = paper::MEASURED_MAXIMA.map(|q| q.value).to_vec();
    let x = vec![1.0, 2.0, 3.0];
    let panel = Panel::new(
        "(1) d(m n U)/dt   (2) div(m n U U)   (3) div P_e",
        Axis::categories("term of Eq. 2", &["d(m n U)/dt", "div(m n U U)", "div P_e"]),
        Axis::log("pPa/km").with_range(0.03, 30.0),
        vec![
            Series::points("computed from the paper's inputs", x.clone(), computed, 0),
            Series::points("printed estimate", x.clone(), printed, 1),
            Series::points("maximum measured (Fig. 2d)", x, measured, 2),
        ],
    )
    .legend_at(SeriesLabelPosition::UpperLeft);
    spec.figure(
        "The three right-hand terms of the electron momentum equation (Eq. 2) recomputed from the paper's inputs \
         (10 cm^-3, a 1000 km/s jet over 0.1 s or 10 km, a 60 eV temperature rise over 10 km), with the printed estimates \
         and the maxima the paper reports from MMS (the last as printed, not recomputed).",
        &[panel],
    )
}

/// Half-width of the velocity-space maps, thermal speeds.
const MAP_EXTENT: f64 = 2.5;
/// Cells per axis of the velocity-space maps.
const MAP_CELLS: usize = 31;

/// A (v_perp1, v_perp2) map at v_par = 0 of `value(v)` (layer-frame velocity).
fn velocity_map(
    model: &CrescentModel,
    label: &str,
    diverging: bool,
    value: impl Fn([f64; 3]) -> f64,
) -> HeatMap {
    let w = model.thermal_speed;
    let edges: Vec<f64> = (0..=MAP_CELLS)
        .map(|k| -MAP_EXTENT + 2.0 * MAP_EXTENT * k as f64 / MAP_CELLS as f64)
        .collect();
    let centre = |k: usize| 0.5 * (edges[k] + edges[k + 1]) * w;
    let values = (0..MAP_CELLS)
        .map(|i| {
            (0..MAP_CELLS)
                .map(|j| Some(value(fac_to_layer([0.0, centre(i), centre(j)]))))
                .collect()
        })
        .collect();
    HeatMap {
        label: label.to_owned(),
        x_edges: edges.clone(),
        y_edges: edges,
        values,
        diverging,
    }
}

/// Figure 3b analogue: crescents at five z across the band with their normal gradients.
pub fn crescents(spec: &FigureSpec) -> Result<Figure, FigureError> {
    let model = CrescentModel::reference();
    let mut panels = Vec::new();
    let letters = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"];
    for (index, z) in [0.0, 0.25, 0.5, 0.75, 1.0].into_iter().enumerate() {
        let reading = GradientEstimate::Difference { dz: 1.0 }
            .read(&model, z)
            .map_err(FigureError::model)?;
        let axes = || {
            (
                Axis::linear("v_perp1 / v_th").with_range(-MAP_EXTENT, MAP_EXTENT),
                Axis::linear("v_perp2 / v_th").with_range(-MAP_EXTENT, MAP_EXTENT),
            )
        };
        let (x, y) = axes();
        let f_map = velocity_map(&model, &format!("f at z = {z} d_e"), false, |v| {
            model.phase_space_density(z, v)
        });
        panels.push(
            Panel::new(
                &format!(
                    "({}) f at z = {z} d_e: crescent extent {:.0} deg",
                    letters[2 * index],
                    reading.crescent_extent_deg
                ),
                x,
                y,
                Vec::new(),
            )
            .with_heatmap(f_map),
        );
        let (x, y) = axes();
        let g_map = velocity_map(&model, &format!("grad_z f at z = {z} d_e"), true, |v| {
            centred_difference(&model, z, 1.0, v)
        });
        let verdict = if reading.is_smile() {
            "smile"
        } else {
            "no smile"
        };
        panels.push(
            Panel::new(
                &format!(
                    "({}) grad_z f at z = {z} d_e (dz = 1 d_e, red > 0, blue < 0): {verdict}",
                    letters[2 * index + 1]
                ),
                x,
                y,
                Vec::new(),
            )
            .with_heatmap(g_map),
        );
    }
    spec.figure(
        "Figure 3b analogue from the crescent model (an exact Vlasov solution of a 1D layer with the paper's density ratio 8 \
         and field ratio 1.37, the workbook's reference layer, source and normal field; no PIC or MMS data): the electron \
         distribution in the perpendicular plane at five heights on the magnetospheric side, each followed by its normal \
         gradient. Crescents come from electrons whose orbits reach the dense side; between z = 0 and 0.5 d_e the gradient \
         is blue at the crescent's ends and red at its centre.",
        &panels,
    )
}

/// Smile strength along a scan (0 where no crescent or no smile).
fn strength_series(label: &str, readings: &[(f64, RingReading)], colour: usize) -> Series {
    Series::line(
        label,
        readings.iter().map(|(z, _)| *z).collect(),
        readings
            .iter()
            .map(|(_, r)| {
                if r.is_smile() {
                    r.smile_strength()
                } else {
                    0.0
                }
            })
            .collect(),
        colour,
    )
}

/// The smile detector along z: gradient estimates, crescent extent, and the band's dependence
/// on the model's parameters.
pub fn band(spec: &FigureSpec) -> Result<Figure, FigureError> {
    let model = CrescentModel::reference();
    let z = scan_positions();
    let read = |m: &CrescentModel, estimate| scan(m, estimate, &z).map_err(FigureError::model);
    let strength_axis = || Axis::linear("smile strength").with_range(-0.05, 1.05);
    let z_axis = || Axis::linear("z (d_e)");
    let one = read(&model, GradientEstimate::Difference { dz: 1.0 })?;
    let estimates = Panel::new(
        "(a) smile strength (0 = none) for three gradient estimates",
        z_axis(),
        strength_axis(),
        vec![
            strength_series("difference, dz = 1 d_e", &one, 0),
            strength_series(
                "difference, dz = 0.25 d_e",
                &read(&model, GradientEstimate::Difference { dz: 0.25 })?,
                1,
            ),
            strength_series(
                "dz = 1 d_e of 0.5 d_e PIC bins",
                &read(&model, GradientEstimate::Binned { dz: 1.0, bin: 0.5 })?,
                2,
            ),
        ],
    );
    let extent = Panel::new(
        "(b) gyrophase extent of the crescent",
        z_axis(),
        Axis::linear("deg"),
        vec![
            Series::line(
                "model",
                z.clone(),
                one.iter().map(|(_, r)| r.crescent_extent_deg).collect(),
                0,
            ),
            {
                let ((from, to), [start, end]) = (
                    crate::smile::published::CRESCENT_EXTENTS_DEG,
                    crate::smile::published::BAND_EDGES_DE,
                );
                // The paper's extents at 2 and 3 d_e: the middle and the top of its band.
                let positions = vec![start.value + 1.0, end.value];
                Series::points(
                    "paper (PIC): 180 deg at 2 d_e, 120 deg at 3 d_e",
                    positions,
                    vec![from, to],
                    1,
                )
            },
        ],
    );
    let vary =
        |title: &str, variants: Vec<(String, CrescentModel)>| -> Result<Panel, FigureError> {
            let series = variants
                .iter()
                .enumerate()
                .map(|(colour, (label, m))| {
                    Ok(strength_series(
                        label,
                        &read(m, GradientEstimate::Difference { dz: 1.0 })?,
                        colour,
                    ))
                })
                .collect::<Result<Vec<_>, FigureError>>()?;
            Ok(Panel::new(title, z_axis(), strength_axis(), series))
        };
    let with = |edit: &dyn Fn(&mut CrescentModel)| {
        let mut m = CrescentModel::reference();
        edit(&mut m);
        m
    };
    let fields = vary(
        "(c) normal electric field E0 (reference -0.15)",
        [0.0, -0.05, -0.1, -0.15, -0.2]
            .iter()
            .map(|&e| (format!("E0 = {e}"), with(&|m| m.layer.normal_field = e)))
            .collect(),
    )?;
    let sources = vary(
        "(d) source position z_s, with the field centred on it (reference 0)",
        [-0.5, 0.0, 0.5, 1.0]
            .iter()
            .map(|&s| {
                (
                    format!("z_s = {s} d_e"),
                    with(&|m| {
                        m.source_z_de = s;
                        m.layer.normal_field_centre_de = s;
                    }),
                )
            })
            .collect(),
    )?;
    let thickness = vary(
        "(e) layer half-thickness (reference 1 d_e)",
        [0.5, 1.0, 2.0]
            .iter()
            .map(|&d| {
                (
                    format!("delta = {d} d_e"),
                    with(&|m| m.layer.thickness_de = d),
                )
            })
            .collect(),
    )?;
    spec.figure(
        "The smile detector (crescent contrast >= 0.2, centre sector positive and both eyes negative beyond 10% of the ring's \
         largest |grad f|) applied along z to the crescent model. (a) The band for three gradient estimates. (b) The \
         crescent's gyrophase extent. (c–e) How the band moves with the model's normal field, source position and \
         thickness: its place is a parameter, not a prediction. Without a normal field there is no smile.",
        &[estimates, extent, fields, sources, thickness],
    )
}

/// The normal smile seen by regular tetrahedra of growing size.
pub fn separation(spec: &FigureSpec) -> Result<Figure, FigureError> {
    let model = CrescentModel::reference();
    let readings = scan(
        &model,
        GradientEstimate::Difference { dz: 1.0 },
        &scan_positions(),
    )
    .map_err(FigureError::model)?;
    let (z, _) =
        strongest(&readings).ok_or_else(|| FigureError::model("no smile in the reference scan"))?;
    let sides: Vec<f64> = (1..=20).map(|k| 0.5 * k as f64).collect();
    let tetra: Vec<RingReading> = sides
        .iter()
        .map(|&side| {
            GradientEstimate::Tetrahedron {
                side,
                angles_rad: TETRAHEDRON_ANGLES,
            }
            .read(&model, z)
        })
        .collect::<Result<_, _>>()
        .map_err(FigureError::model)?;
    let differences: Vec<RingReading> = sides
        .iter()
        .map(|&dz| GradientEstimate::Difference { dz }.read(&model, z))
        .collect::<Result<_, _>>()
        .map_err(FigureError::model)?;
    let strength = Panel::new(
        &format!("(a) smile strength at z = {z} d_e against separation (>= 0.1 with a crescent is a smile)"),
        Axis::linear("tetrahedron side or dz (d_e)"),
        Axis::linear("smile strength"),
        vec![
            Series::line("regular tetrahedron", sides.clone(), tetra.iter().map(|r| r.smile_strength()).collect(), 0),
            Series::line("centred difference", sides.clone(), differences.iter().map(|r| r.smile_strength()).collect(), 1),
            Series::line("threshold", vec![0.5, 10.0], vec![0.1, 0.1], 6),
        ],
    )
    .legend_at(SeriesLabelPosition::UpperRight);
    let speed = ring_speed(&model, z);
    let angles = ring_angles();
    let grid = VelocityGrid::Ring {
        speed,
        count: angles.len(),
    };
    let mut profiles = Vec::new();
    for (colour, side) in [1.0, 2.0, 5.0, 10.0].into_iter().enumerate() {
        let g = crate::smile::gradient::tetrahedron_normal_gradient(
            &model,
            z,
            side,
            TETRAHEDRON_ANGLES,
            &grid,
        )
        .map_err(FigureError::model)?;
        let scale = g.iter().fold(0.0f64, |m, v| m.max(v.abs()));
        profiles.push(Series::line(
            &format!("side {side} d_e"),
            angles.clone(),
            g.iter().map(|v| v / scale).collect(),
            colour,
        ));
    }
    let exact: Vec<f64> = angles
        .iter()
        .map(|a| centred_difference(&model, z, 0.05, ring_velocity(speed, *a)))
        .collect();
    let scale = exact.iter().fold(0.0f64, |m, v| m.max(v.abs()));
    profiles.push(Series::line(
        "dz = 0.05 d_e",
        angles.clone(),
        exact.iter().map(|v| v / scale).collect(),
        6,
    ));
    let ring = Panel::new(
        "(b) grad_z f around the crescent ring, normalised",
        Axis::linear("gyrophase from v_perp1 (deg)"),
        Axis::linear("grad_z f / max"),
        profiles,
    )
    .legend_at(SeriesLabelPosition::LowerRight);
    spec.figure(
        "Wash-out of the normal smile: the crescent model's gradient at its strongest smile estimated by a regular \
         tetrahedron (through the toolkit's four-spacecraft gradient, fixed orientation) and by a centred difference, as the \
         separation grows from 0.5 to 10 d_e. MMS's 10 km is 5 d_e at 7 cm^-3.",
        &[strength, ring],
    )
}

/// The velocity integrals of Eq. 5 and the equilibrium behind them.
pub fn eq5(spec: &FigureSpec) -> Result<Figure, FigureError> {
    let model = CrescentModel::reference();
    let grid = VelocityGrid::fpi_des(model.thermal_speed);
    let h = 0.05;
    let plane = 100;
    let z: Vec<f64> = (0..=7).map(|k| -1.0 + 0.5 * k as f64).collect();
    let (
        mut dn_plane,
        mut dn_grid,
        mut dpi_plane,
        mut dpi_grid,
        mut force,
        mut parallel,
        mut current,
        mut required,
    ) = (
        Vec::new(),
        Vec::new(),
        Vec::new(),
        Vec::new(),
        Vec::new(),
        Vec::new(),
        Vec::new(),
        Vec::new(),
    );
    // Eq. 4's split of the pressure divergence, along the one direction the layer varies in:
    // d P_zz/dz = T_zz dn/dz + n dT_zz/dz.
    let (mut density_term, mut temperature_term) = (Vec::new(), Vec::new());
    for &zk in &z {
        let at = |z| moments(&model, z, plane).map_err(FigureError::model);
        let (below, here, above) = (at(zk - h)?, at(zk)?, at(zk + h)?);
        dn_plane.push((above.density - below.density) / (2.0 * h));
        dpi_plane.push((above.pi_zz - below.pi_zz) / (2.0 * h));
        let temperature = |m: &crate::smile::moments::Moments| m.pi_zz / m.density;
        density_term.push(temperature(&here) * (above.density - below.density) / (2.0 * h));
        temperature_term
            .push(here.density * (temperature(&above) - temperature(&below)) / (2.0 * h));
        force.push(-here.density * model.layer.e_z(zk) + here.flux_y * model.layer.b_x(zk));
        current.push(-here.flux_y);
        required.push(model.layer.required_current(zk));
        let gradient =
            (&grid.sample(&model, zk + h).values - &grid.sample(&model, zk - h).values) / (2.0 * h);
        let integral =
            |g: &dyn Fn([f64; 3]) -> f64| grid.integrate(&gradient, g).unwrap_or(f64::NAN);
        dn_grid.push(integral(&|_| 1.0));
        // In layer components v_z = -v_perp2 and v_x = v_par.
        dpi_grid.push(integral(&|v| v[2] * v[2]));
        parallel.push(integral(&|v| v[0] * v[2]));
    }
    let z_axis = || Axis::linear("z (d_e)");
    let panels = [
        Panel::new(
            "(a) int grad_z f d^3v (FPI-like grid) and d n / dz (plane quadrature)",
            z_axis(),
            Axis::linear("n_MSH / d_e"),
            vec![
                Series::points("int grad_z f d^3v", z.clone(), dn_grid, 0),
                Series::line("dn/dz", z.clone(), dn_plane, 1),
            ],
        ),
        Panel::new(
            "(b) z-momentum: int v_z (v . grad f) d^3v, d Pi_zz/dz, and -n E_z + n U_y B_x",
            z_axis(),
            Axis::linear("PIC units"),
            vec![
                Series::points("int v_z^2 grad_z f d^3v (grid)", z.clone(), dpi_grid, 0),
                Series::line("d Pi_zz / dz (plane)", z.clone(), dpi_plane.clone(), 1),
                Series::line("-n E_z + n U_y B_x", z.clone(), force, 2),
            ],
        ),
        Panel::new(
            "(c) Eq. 5 in a 1D layer: int v_par (v . grad f) d^3v vanishes with (div P)_par",
            z_axis(),
            Axis::linear("PIC units").with_range(-1.0, 1.0),
            vec![
                Series::points("int v_par v_z grad_z f d^3v (grid)", z.clone(), parallel, 0),
                Series::line(
                    "(div P)_par = d P_xz / dz = 0",
                    vec![-1.0, 2.5],
                    vec![0.0, 0.0],
                    1,
                ),
            ],
        ),
        Panel::new(
            "(e) Eq. 4 along z: d P_zz/dz = T_zz dn/dz + n dT_zz/dz",
            z_axis(),
            Axis::linear("PIC units"),
            vec![
                Series::line("T_zz dn/dz (density gradient)", z.clone(), density_term, 0),
                Series::line(
                    "n dT_zz/dz (temperature divergence)",
                    z.clone(),
                    temperature_term,
                    1,
                ),
                Series::points("d Pi_zz / dz (plane)", z.clone(), dpi_plane.clone(), 6),
            ],
        ),
        Panel::new(
            "(d) how far from self-consistent: the model's current against the layer's",
            z_axis(),
            Axis::linear("e n_MSH d_e Omega_ce"),
            vec![
                Series::line("J_y = -n U_y from f", z.clone(), current, 0),
                Series::line("J_y = dB_x/dz required by Ampère", z.clone(), required, 1),
            ],
        ),
    ]
    .map(|p| p.legend_at(SeriesLabelPosition::UpperRight));
    spec.figure(
        "The velocity integrals behind Eq. 5 for the crescent model, and Eq. 4's split of the pressure divergence (panel e, \
         along z, the one direction the 1D layer varies in): gradients integrated on the 32 x 16 x 32 FPI-like grid \
         (points) against moments integrated on a 100 x 100 (v_y, v_z) plane with v_x exact (lines). The z-momentum \
         balance holds because f is an exact Vlasov solution; the parallel integral of Eq. 5 and (div P)_par both vanish \
         because nothing varies along B in a 1D layer. Panel (d): the prescribed field needs a current the model's \
         electrons do not carry; self-consistency was not attempted.",
        &panels,
    )
}

/// Spacing along x of the parallel differences, d_e (the paper's PIC uses 5 d_e, MMS's
/// separation).
const PARALLEL_DX: f64 = 5.0;

/// The labelled quasi-2D stretch: a parallel gradient from structures drifting along x.
pub fn parallel(spec: &FigureSpec) -> Result<Figure, FigureError> {
    use crate::smile::quasi_2d::DriftingLayer;
    let z = scan_positions();
    let mut series = Vec::new();
    for (colour, slope) in [-0.1, -0.05, 0.05, 0.1].into_iter().enumerate() {
        let layer = DriftingLayer {
            base: CrescentModel::reference(),
            slope,
        };
        let readings: Vec<(f64, RingReading)> = z
            .iter()
            .map(|&zk| Ok((zk, layer.read_parallel(0.0, zk, PARALLEL_DX)?)))
            .collect::<Result<_, crate::smile::SmileError>>()
            .map_err(FigureError::model)?;
        series.push(strength_series(
            &format!("dz_s/dx = {slope}"),
            &readings,
            colour,
        ));
    }
    let normal = scan(
        &CrescentModel::reference(),
        GradientEstimate::Difference { dz: 1.0 },
        &z,
    )
    .map_err(FigureError::model)?;
    series.push(strength_series(
        "normal smile (dz = 1 d_e), for reference",
        &normal,
        6,
    ));
    let strength = Panel::new(
        &format!(
            "(a) parallel smile strength, dx = {PARALLEL_DX} d_e, for structures drifting along x"
        ),
        Axis::linear("z (d_e)"),
        Axis::linear("smile strength").with_range(-0.05, 1.05),
        series,
    );
    let layer = DriftingLayer {
        base: CrescentModel::reference(),
        slope: 0.1,
    };
    let z_map = 0.375;
    let map = velocity_map(&layer.base, "parallel gradient", true, |v| {
        layer.parallel_gradient(0.0, z_map, PARALLEL_DX, v)
    });
    let picture = Panel::new(
        &format!("(b) grad_par f at z = {z_map} d_e for dz_s/dx = 0.1 (red > 0, blue < 0)"),
        Axis::linear("v_perp1 / v_th").with_range(-MAP_EXTENT, MAP_EXTENT),
        Axis::linear("v_perp2 / v_th").with_range(-MAP_EXTENT, MAP_EXTENT),
        Vec::new(),
    )
    .with_heatmap(map);
    spec.figure(
        "A labelled stretch beyond the 1D model: the crescent model's source height and normal-field centre drift along x \
         (the outflow, along B) by dz_s/dx, each x keeping its own exact 1D solution, so a parallel gradient exists; it is \
         differenced over 5 d_e as in the paper's PIC. Structures rising along the outflow give a parallel smile in the \
         same band as the normal one; sinking ones give the inverted pattern there, and above the band a weaker pattern the \
         detector also accepts, with its eyes near the crescent's centre (about 40 deg) rather than at its ends. Not PIC \
         or MMS data.",
        &[strength, picture],
    )
}

/// Half-thicknesses of the layers of the wash-out scaling, d_e.
const WASHOUT_THICKNESSES_DE: [f64; 6] = [0.5, 0.75, 1.0, 1.5, 2.0, 3.0];

/// The separation along the normal that washes the smile out, against the band's width, for
/// layers of several thicknesses.
pub fn washout_scaling(spec: &FigureSpec) -> Result<Figure, FigureError> {
    use crate::smile::washout::washout;
    let mut rows = Vec::new();
    for thickness in WASHOUT_THICKNESSES_DE {
        if let Some(w) = washout(thickness).map_err(FigureError::model)? {
            rows.push(w);
        }
    }
    let width: Vec<f64> = rows.iter().map(|w| w.band_width_de).collect();
    let column =
        |pick: &dyn Fn(&crate::smile::washout::Washout) -> Option<f64>| -> (Vec<f64>, Vec<f64>) {
            rows.iter()
                .filter_map(|w| pick(w).map(|s| (w.band_width_de, s)))
                .unzip()
        };
    let (dx, dy) = column(&|w| w.difference_de);
    let (tx, ty) = column(&|w| w.tetrahedron_de);
    // The ratio the points share, by least squares through the origin.
    let slope = |x: &[f64], y: &[f64]| {
        x.iter().zip(y).map(|(a, b)| a * b).sum::<f64>() / x.iter().map(|a| a * a).sum::<f64>()
    };
    let (k_difference, k_tetrahedron) = (slope(&dx, &dy), slope(&tx, &ty));
    let top = width.iter().copied().fold(0.0, f64::max) * 1.1;
    let panel = Panel::new(
        "separation at which the smile is lost, against the band's width",
        Axis::linear("width of the smile band (d_e)"),
        Axis::linear("separation along the normal (d_e)"),
        vec![
            Series::points("centred difference", dx.clone(), dy, 0),
            Series::points("regular tetrahedron", tx.clone(), ty, 1),
            Series::line(
                &format!("{k_difference:.1} x width"),
                vec![0.0, top],
                vec![0.0, k_difference * top],
                0,
            ),
            Series::line(
                &format!("{k_tetrahedron:.1} x width"),
                vec![0.0, top],
                vec![0.0, k_tetrahedron * top],
                1,
            ),
        ],
    )
    .legend_at(SeriesLabelPosition::UpperLeft);
    spec.figure(
        &format!(
            "Wash-out of the normal smile against the band's width, for crescent-model layers of half-thickness 0.5 to 3 d_e \
             (model only; no PIC or MMS data). A centred difference loses the strongest smile at about {k_difference:.1} \
             times the band's width, a regular tetrahedron at about {k_tetrahedron:.1} times."
        ),
        &[panel],
    )
}
