//! The figures `regen event --out` draws, in the book's style: what each analysis saw, so a
//! reader can judge the numbers it printed. Each figure's CSV holds every plotted point.

use super::centre_fit::CentreFitResult;
use super::curlometer::CurlometerResult;
use super::gradient_distribution::GradientDistributionResult;
use super::harris::HarrisResult;
use crate::figure::{Axis, Figure, FigureError, HeatMap, Panel, Series};
use crate::force_balance::harris_method::in_central_region;

/// The curlometer's J components and its `|div B|/|curl B|` against time.
///
/// # Errors
/// [`FigureError`] if there is nothing to draw.
pub fn curlometer(result: &CurlometerResult, interval: &str) -> Result<Figure, FigureError> {
    let t: Vec<f64> = result.series.iter().map(|s| s.0).collect();
    let component = |k: usize| result.series.iter().map(|s| s.1[k]).collect::<Vec<f64>>();
    let current = Panel::new(
        &format!("(a) Curlometer J, GSE, {interval}"),
        Axis::linear("time from start (s)"),
        Axis::linear("J (nA/m²)"),
        vec![
            Series::line("J_x", t.clone(), component(0), 0),
            Series::line("J_y", t.clone(), component(1), 1),
            Series::line("J_z", t.clone(), component(2), 2),
        ],
    );
    let ratio: Vec<f64> = result.series.iter().map(|s| s.2.min(10.0)).collect();
    let quality = Panel::new(
        "(b) |div B| / |curl B| (capped at 10)",
        Axis::linear("time from start (s)"),
        Axis::linear("ratio"),
        vec![Series::line("|div B|/|curl B|", t, ratio, 3)],
    );
    let description = format!(
        "The curlometer over {interval}: the current density from the linear gradient through the tetrahedron at every \
         FGM sample, and its quality indicator."
    );
    Figure::from_panels(
        "curlometer",
        "mmsbook::event::figures::curlometer",
        &description,
        &[current, quality],
    )
}

/// Zhang et al.'s method as applied: the field in the sheet's frame with the central
/// region, the curlometer j_M, and each species' P_LN against B_L/B0 with the fitted slope.
///
/// # Errors
/// [`FigureError`] if there is nothing to draw.
pub fn harris(result: &HarrisResult, interval: &str) -> Result<Figure, FigureError> {
    let detail = &result.detail;
    let t = detail.seconds.clone();
    let field = |k: usize| {
        detail
            .field_lmn_nt
            .iter()
            .map(|b| b[k])
            .collect::<Vec<f64>>()
    };
    let central: Vec<f64> = detail
        .field_lmn_nt
        .iter()
        .map(|b| {
            if in_central_region((b[0] - detail.centre_nt) / result.b0_nt) {
                b[0]
            } else {
                f64::NAN
            }
        })
        .collect();
    let (central_t, central_b): (Vec<f64>, Vec<f64>) = t
        .iter()
        .zip(&central)
        .filter(|(_, b)| b.is_finite())
        .map(|(t, b)| (*t, *b))
        .unzip();
    let field_panel = Panel::new(
        &format!("(a) Mean field in the sheet's frame, {interval}"),
        Axis::linear("time from start (s)"),
        Axis::linear("B (nT)"),
        vec![
            Series::line("B_L", t.clone(), field(0), 0),
            Series::line("B_M", t.clone(), field(1), 1),
            Series::line("B_N", t.clone(), field(2), 2),
            Series::points("central region", central_t, central_b, 3),
        ],
    );
    let current_panel = Panel::new(
        &format!(
            "(b) j_M from the {}: j0 = {:.2} nA/m², L = {:.0} km",
            result.current, result.j0_na_m2, result.thickness_km
        ),
        Axis::linear("time from start (s)"),
        Axis::linear("j_M (nA/m²)"),
        vec![Series::line(
            "j_M",
            detail.current_seconds.clone(),
            detail.j_m_na_m2.clone(),
            0,
        )],
    );
    let pressure_panel = |index: usize, species: &str, force: f64, share: f64, colour: usize| {
        let (x, p) = &detail.pressure_ln[index];
        Panel::new(
            &format!(
                "({}) {species} P_LN: force {force:.1} nA nT/m², {share:.1}% of the tension",
                ["c", "d"][index]
            ),
            Axis::linear("(B_L - centre) / B0"),
            Axis::linear("P_LN (nPa)"),
            vec![Series::points(
                &format!("{species} P_LN"),
                x.clone(),
                p.clone(),
                colour,
            )],
        )
    };
    let panels = [
        field_panel,
        current_panel,
        pressure_panel(
            0,
            "ion",
            result.ion_pxz_force_na_nt_m2,
            result.ion_share_percent,
            0,
        ),
        pressure_panel(
            1,
            "electron",
            result.electron_pxz_force_na_nt_m2,
            result.electron_share_percent,
            1,
        ),
    ];
    let description = format!(
        "Zhang et al. (2025)'s single-event method over {interval}: B0 = {:.2} nT, j0 = {:.2} nA/m², L = {:.0} km, \
         tension {:.1} nA nT/m²; the forces are the central-region slopes of P_LN against B_L/B0 over L (Eq. 3).",
        result.b0_nt, result.j0_na_m2, result.thickness_km, result.tension_na_nt_m2
    );
    Figure::from_panels(
        "harris",
        "mmsbook::event::figures::harris",
        &description,
        &panels,
    )
}

/// The centre fit: (a) where each spacecraft crossed each |B| contour in the rope's L-N
/// plane, and the fitted centre; (b) each intersection's distance from that centre against
/// its contour, which Eq. 5 asks to be one distance per contour.
///
/// # Errors
/// [`FigureError`] if there is nothing to draw.
pub fn centre_fit(result: &CentreFitResult, interval: &str) -> Result<Figure, FigureError> {
    let [c_l, c_n] = result.centre_ln_km;
    let all = result.contours.iter().flat_map(|c| c.points_ln_km.iter());
    let reach = all
        .map(|p| (p[0] - c_l).abs().max((p[1] - c_n).abs()))
        .fold(1.0, f64::max)
        * 1.1;
    let mut plane = Vec::new();
    let (mut levels, mut distances) = (Vec::new(), Vec::new());
    for (k, contour) in result.contours.iter().enumerate() {
        let (l, n): (Vec<f64>, Vec<f64>) =
            contour.points_ln_km.iter().map(|p| (p[0], p[1])).unzip();
        for (l, n) in l.iter().zip(&n) {
            levels.push(contour.level_t * 1e9);
            distances.push((l - c_l).hypot(n - c_n));
        }
        plane.push(Series::points(
            &format!("{:.2} nT", contour.level_t * 1e9),
            l,
            n,
            k % 7,
        ));
    }
    plane.push(Series::points("fitted centre", vec![c_l], vec![c_n], 7));
    let positions = Panel::new(
        &format!("(a) Contour intersections in the L-N plane, {interval}"),
        Axis::linear("L from the barycentre (km)").with_range(c_l - reach, c_l + reach),
        Axis::linear("N from the barycentre (km)").with_range(c_n - reach, c_n + reach),
        plane,
    );
    let spread = Panel::new(
        &format!(
            "(b) Distance from the fitted centre: Eq. 5 loss {:.2e} km²",
            result.loss_km2
        ),
        Axis::linear("|B| contour (nT)"),
        Axis::linear("distance (km)"),
        vec![Series::points("intersections", levels, distances, 0)],
    );
    let description = format!(
        "Yang et al.'s centre fit (Eq. 5) over {interval}: where each spacecraft crossed each |B| contour, placed in \
         the rope's L-N plane with the rope velocity reversed, and the distances from the fitted centre."
    );
    Figure::from_panels(
        "centre-fit",
        "mmsbook::event::figures::centre_fit",
        &description,
        &[positions, spread],
    )
}

/// The snapshot drawn as the chapter draws the model: the mean distribution and the normal
/// gradient in the (v_perp1, v_perp2) plane at v_par = 0, and both gradients round the ring.
///
/// # Errors
/// [`FigureError`] if the result has no snapshot to draw or a panel cannot be drawn.
pub fn gradient_distribution(result: &GradientDistributionResult) -> Result<Figure, FigureError> {
    crate::figure::register_fonts()?;
    let snapshot = result
        .snapshot
        .as_ref()
        .ok_or_else(|| FigureError::model("no time to draw"))?;
    let reading = &result.readings[snapshot.reading];
    let axis = &snapshot.plane_axis_km_s;
    let step = if axis.len() > 1 {
        axis[1] - axis[0]
    } else {
        1.0
    };
    let edges: Vec<f64> = (0..=axis.len())
        .map(|k| axis[0] - 0.5 * step + step * k as f64)
        .collect();
    let map = |label: &str, values: &[Vec<f64>], diverging: bool| HeatMap {
        label: label.to_owned(),
        x_edges: edges.clone(),
        y_edges: edges.clone(),
        values: values
            .iter()
            .map(|row| row.iter().map(|v| v.is_finite().then_some(*v)).collect())
            .collect(),
        diverging,
    };
    let (low, high) = (edges[0], edges[edges.len() - 1]);
    let plane_axes = || {
        (
            Axis::linear("v_perp1 (km/s)").with_range(low, high),
            Axis::linear("v_perp2 (km/s)").with_range(low, high),
        )
    };
    let (x1, y1) = plane_axes();
    let (x2, y2) = plane_axes();
    let verdict = |smile: bool| if smile { "smile" } else { "no smile" };
    let panels = [
        Panel::new(
            &format!("(a) mean f at v_par = 0, {} (s^3/cm^6)", reading.time),
            x1,
            y1,
            Vec::new(),
        )
        .with_heatmap(map("f (s^3/cm^6)", &snapshot.plane_f, false)),
        Panel::new(
            &format!(
                "(b) grad f . n ((s^3/cm^6)/km, red > 0, blue < 0): {}",
                verdict(reading.normal.smile)
            ),
            x2,
            y2,
            Vec::new(),
        )
        .with_heatmap(map(
            "grad_n f ((s^3/cm^6)/km)",
            &snapshot.plane_normal,
            true,
        )),
        Panel::new(
            &format!(
                "(c) on the ring at {:.0} km/s: grad f . n ({}), grad f . b ({})",
                reading.ring_speed_km_s,
                verdict(reading.normal.smile),
                verdict(reading.parallel.smile)
            ),
            Axis::linear("gyrophase from v_perp1 (deg)").with_range(-180.0, 180.0),
            Axis::linear("gradient ((s^3/cm^6)/km)"),
            vec![
                Series::line(
                    "grad f . n",
                    snapshot.ring_angles_deg.clone(),
                    snapshot.ring_normal.clone(),
                    0,
                ),
                Series::line(
                    "grad f . b",
                    snapshot.ring_angles_deg.clone(),
                    snapshot.ring_parallel.clone(),
                    1,
                ),
            ],
        ),
    ];
    Figure::from_panels(
        "gradient-distribution",
        "mmsbook::event::figures::gradient_distribution",
        "Four-spacecraft DES gradient distribution (Shuster et al. 2026) in field-aligned velocity coordinates at the drawn time.",
        &panels,
    )
}
