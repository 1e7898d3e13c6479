//! The self-consistent layer of the Shuster et al. (2026) chapter: its fields and moments,
//! how far it is from self-consistency, and the chapter's smile question asked again.

use super::{FigureSpec, Part, figure_spec};
use crate::claims::Paper;
use crate::figure::{Axis, Figure, FigureError, Panel, Series};
use crate::smile::Layer;
use crate::smile::detector::RingReading;
use crate::smile::self_consistent::{SelfConsistentLayer, check, question::readings};

pub(super) fn figures() -> Vec<FigureSpec> {
    vec![figure_spec!(
        "shuster2026.self_consistent",
        Part::Paper(Paper::Shuster2026),
        self_consistent
    )]
}

/// Range of the profile panels, d_e.
const PROFILE_Z: (f64, f64) = (-4.0, 12.0);

/// The fields, moments, residuals and smile of the self-consistent layer.
pub fn self_consistent(spec: &FigureSpec) -> Result<Figure, FigureError> {
    let layer = SelfConsistentLayer::reference().map_err(FigureError::model)?;
    let prescribed = Layer::reference();
    let p = &layer.profile;
    let keep: Vec<usize> = (0..p.z.len())
        .filter(|&k| p.z[k] >= PROFILE_Z.0 && p.z[k] <= PROFILE_Z.1)
        .collect();
    let column = |values: &[f64]| keep.iter().map(|&k| values[k]).collect::<Vec<f64>>();
    let z = column(&p.z);
    let z_axis =
        || Axis::linear("z (d_e), field reversal at 0").with_range(PROFILE_Z.0, PROFILE_Z.1);
    let prescribed_line = |f: &dyn Fn(f64) -> f64| z.iter().map(|&zk| f(zk)).collect::<Vec<f64>>();
    let field = Panel::new(
        "(a) B_x: self-consistent and prescribed",
        z_axis(),
        Axis::linear("B_x / B_MSH"),
        vec![
            Series::line("self-consistent", z.clone(), column(&p.b_x), 0),
            Series::dashed(
                "prescribed (tanh, 1 d_e)",
                z.clone(),
                prescribed_line(&|zk| prescribed.b_x(zk)),
                1,
            ),
        ],
    );
    let density = Panel::new(
        "(b) density and its current-carrying part",
        z_axis(),
        Axis::linear("n / n_MSH"),
        vec![
            Series::line("n_e = n_i", z.clone(), column(&p.density), 0),
            Series::dashed(
                "electron Harris population",
                z.clone(),
                column(&p.current_density),
                2,
            ),
        ],
    );
    let potential = Panel::new(
        "(c) potential Phi from quasi-neutrality",
        z_axis(),
        Axis::linear("Phi (m_e d_e^2 Omega_ce^2 / e)"),
        vec![
            Series::line("self-consistent", z.clone(), column(&p.phi), 0),
            Series::dashed(
                "prescribed",
                z.clone(),
                prescribed_line(&|zk| prescribed.phi(zk) - prescribed.phi(f64::NEG_INFINITY)),
                1,
            ),
        ],
    );
    let (ampere, neutrality, residuals) = check::worst_residuals(layer);
    let check_z: Vec<f64> = residuals.iter().map(|r| r.z).collect();
    let current = Panel::new(
        "(d) Ampère: J_y of the moments against dB_x/dz",
        z_axis(),
        Axis::linear("J_y (e n_MSH d_e Omega_ce)"),
        vec![
            Series::line("J_y used by the solver", z.clone(), column(&p.j_y), 0),
            Series::dashed("electron part", z.clone(), column(&p.electron_j_y), 2),
            Series::points(
                "independent quadrature",
                check_z.clone(),
                residuals.iter().map(|r| r.current).collect(),
                3,
            ),
            Series::points(
                "dB_x/dz of the solved field",
                check_z,
                residuals.iter().map(|r| r.required_current).collect(),
                1,
            ),
        ],
    );
    let start = p.pressure_zz[0] + 0.5 * p.b_x[0] * p.b_x[0];
    let first_integral: Vec<f64> = keep
        .iter()
        .map(|&k| 100.0 * ((p.pressure_zz[k] + 0.5 * p.b_x[k] * p.b_x[k]) / start - 1.0))
        .collect();
    let balance = Panel::new(
        "(e) first integral P_zz + B_x^2/2, departure from its sheath value",
        z_axis(),
        Axis::linear("departure (%)"),
        vec![Series::line("P_zz + B_x^2/2", z.clone(), first_integral, 0)],
    );
    let read = readings().map_err(FigureError::model)?;
    let lines = |pick: &dyn Fn(&RingReading) -> f64| -> Vec<Series> {
        let along = |readings: &[(f64, RingReading)]| -> (Vec<f64>, Vec<f64>) {
            readings.iter().map(|(z, r)| (*z, pick(r))).unzip()
        };
        let ((fz, fv), (bz, bv), (pz, pv)) = (
            along(&read.full),
            along(&read.backgrounds),
            along(&read.prescribed),
        );
        vec![
            Series::line("self-consistent, all electrons", fz, fv, 0),
            Series::line("self-consistent, backgrounds only", bz, bv, 2),
            Series::dashed("prescribed", pz, pv, 1),
        ]
    };
    let smile = Panel::new(
        "(f) smile strength (> 0.1 with a crescent: a smile; < 0: the centre or an eye has the wrong sign)",
        Axis::linear("z (d_e)"),
        Axis::linear("min(centre, -eyes) / max |grad f|").with_range(-1.05, 1.05),
        lines(&|r| r.smile_strength()),
    );
    let crescent = Panel::new(
        "(g) crescent gyrophase extent on the ring the detector reads",
        Axis::linear("z (d_e)"),
        Axis::linear("extent (deg)").with_range(0.0, 360.0),
        lines(&|r| r.crescent_extent_deg),
    );
    spec.figure(
        &format!(
            "A self-consistent asymmetric layer (model output, not PIC or MMS data): electrons and ions as functions of the \
             constants of motion with the paper's density ratio 8, T_i/T_e = 2 and m_i/m_e = 100, integrated from the \
             magnetosheath with Ampère and quasi-neutrality. Its far field comes out at {:.3} of the sheath's (the paper's \
             1.37 sets the temperature), its first integral holds to {:.2}%, and an independent quadrature finds Ampère's \
             residual at {:.2}% and the charge's at {:.2}% of the peak current (panel d); both depend on the integration step \
             (see the text). Panels f and g read the layers with the chapter's detector (a 1 d_e centred difference): the whole \
             self-consistent distribution, whose ring up to about 2 d_e is the drifting Harris population, its crescent-carrying \
             backgrounds alone, and the prescribed model, in which z = 0 is the centre of its tanh, 0.16 d_e above its reversal.",
            layer.field_ratio(),
            100.0 * layer.first_integral_error(),
            100.0 * ampere,
            100.0 * neutrality,
        ),
        &[field, density, potential, current, balance, smile, crescent],
    )
}
