//! Figures of the Zhang et al. (2025) chapter.

use super::{FigureSpec, Part, figure_spec};
use crate::claims::Paper;
use crate::figure::{Axis, Figure, FigureError, Panel, Series, SeriesLabelPosition};
use crate::force_balance::budget;

pub(super) fn figures() -> Vec<FigureSpec> {
    vec![figure_spec!("zhang2025.force_budget", Part::Paper(Paper::Zhang2025), force_budget)]
}

/// The force budget per region as stacked bars, published beside recomputed: a figure the
/// paper lacks.
pub fn force_budget(spec: &FigureSpec) -> Result<Figure, FigureError> {
    // Bar positions: near published, near recomputed, far published, far recomputed.
    let cases = [(1.0, true, true), (2.0, true, false), (4.0, false, true), (5.0, false, false)];
    let mut shares = Vec::new();
    for &(x, near, published) in &cases {
        shares.push((x, budget(near, published).map_err(FigureError::model)?));
    }
    let x: Vec<f64> = shares.iter().map(|(x, _)| *x).collect();
    let parts: [(&str, fn(&crate::force_balance::BudgetShares) -> f64, usize); 4] = [
        ("thermal -dP_xx/dx", |s| s.thermal, 0),
        ("ion -dP_i,xz/dz", |s| s.ion, 1),
        ("electron -dP_e,xz/dz", |s| s.electron, 2),
        ("unbalanced", |s| s.unbalanced, 6),
    ];
    let mut bottoms = vec![0.0; x.len()];
    let mut series = Vec::new();
    for (label, part, colour) in parts {
        let tops: Vec<f64> = shares.iter().zip(&bottoms).map(|((_, s), bottom)| bottom + part(s)).collect();
        series.push(Series::bars(label, x.clone(), tops.clone(), bottoms.clone(), 0.8, colour));
        bottoms = tops;
    }
    let panel = Panel::new(
        "Force budget: near Earth (bars 1-2), further out (bars 4-5); published (1, 4), recomputed (2, 5)",
        Axis::linear("region and source").with_range(0.0, 7.5),
        Axis::linear("share of the magnetic tension (%)").with_range(0.0, 100.0),
        series,
    )
    .legend_at(SeriesLabelPosition::UpperRight);
    spec.figure(
        "The radial force budget of Zhang et al. (2025) per region, in percent of the magnetic tension: \\
         the published shares beside the shares recomputed from the paper's stated forces and tensions, \\
         with the thermal gradient of the Fig. 4 fits taken at X = -20 R_E (see the claims for every \\
         reading). A figure the paper lacks.",
        &[panel],
    )
}
