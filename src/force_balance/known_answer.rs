//! The paper's single-event method (Sec. 2, Eqs. 2–3) run on one-dimensional current sheets
//! whose answer is known: the off-diagonal pressure balances a chosen fraction `f` of the
//! local magnetic tension everywhere.
//!
//! In a 1D sheet `B_x(z)` with a uniform normal field `B_z` (∇·B = 0), Ampère's law gives
//! `j_y = (1/mu0) dB_x/dz`. Asking `dP_xz/dz = f j_y B_z` at every z fixes
//! `P_xz = f B_z B_x / mu0` (the constant drops out of every slope): linear in `B_x` for
//! any current profile. The method's slope of `P_xz` against `B_x/B0` is then exactly
//! `f B_z B0/mu0`, Eq. 3 with `L = B0/(mu0 j0)` turns it into `f B_z j0`, and the tension
//! from central means is `<j_y> B_z`. The method returns `f j0 / <j_y>`: the true share
//! times the ratio of the peak current to its central-region mean, whatever `f` is. For a
//! Harris sheet sampled uniformly in z that ratio is `atanh(0.5)/0.5 = 1.099`; for embedded
//! and bifurcated sheets it can be much larger.

use super::ForceBalanceError;
use super::harris_method::{off_diagonal_force_n_m3, tension_n_m3, thickness_m};
use crate::plasma::constants::VACUUM_PERMEABILITY;

/// The shape of a current sheet's field reversal, with lengths in units of the sheet's
/// half-thickness `L` (the broad sheet's, for an embedded one).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SheetShape {
    /// `B_x/B0 = tanh(z/L)`.
    Harris,
    /// A thin core on a broad sheet: `B_x/B0 = a tanh(z/(r L)) + (1 - a) tanh(z/L)`, with
    /// the core carrying the fraction `a` of the field jump and `r < 1` its relative thickness.
    Embedded {
        /// Fraction of B0 the core carries, in (0, 1].
        core_field_fraction: f64,
        /// Core half-thickness over the sheet's, in (0, 1].
        core_thickness_ratio: f64,
    },
    /// Two current layers at `z = ±s L`: `B_x/B0 = [tanh(z/L - s) + tanh(z/L + s)]/2`; the
    /// current dips at the centre for `s` above about 0.66.
    Bifurcated {
        /// Half the separation of the two current peaks, in units of L.
        separation: f64,
    },
}

impl SheetShape {
    fn validate(self) -> Result<Self, ForceBalanceError> {
        let check = |parameter: &'static str, value: f64, upper: f64| {
            if value.is_finite() && value > 0.0 && value <= upper {
                Ok(())
            } else {
                Err(ForceBalanceError::OutOfRange { parameter, value })
            }
        };
        match self {
            SheetShape::Harris => {}
            SheetShape::Embedded {
                core_field_fraction,
                core_thickness_ratio,
            } => {
                check("core field fraction (0 < a <= 1)", core_field_fraction, 1.0)?;
                check(
                    "core thickness ratio (0 < r <= 1)",
                    core_thickness_ratio,
                    1.0,
                )?;
            }
            SheetShape::Bifurcated { separation } => {
                if !(separation.is_finite() && (0.0..=10.0).contains(&separation)) {
                    return Err(ForceBalanceError::OutOfRange {
                        parameter: "peak separation (0 <= s <= 10, units of L)",
                        value: separation,
                    });
                }
            }
        }
        Ok(self)
    }

    /// `B_x/B0` at `zeta = z/L`.
    pub fn field(self, zeta: f64) -> f64 {
        match self {
            SheetShape::Harris => zeta.tanh(),
            SheetShape::Embedded {
                core_field_fraction: a,
                core_thickness_ratio: r,
            } => a * (zeta / r).tanh() + (1.0 - a) * zeta.tanh(),
            SheetShape::Bifurcated { separation: s } => {
                0.5 * ((zeta - s).tanh() + (zeta + s).tanh())
            }
        }
    }

    /// [`SheetShape::field`] and its derivative (the current, as [`SheetShape::current`] up to
    /// rounding): the first two of [`SheetShape::taylor`]'s coefficients, from the same
    /// hyperbolic tangents.
    fn field_and_slope(self, zeta: f64) -> (f64, f64) {
        let ([field, slope, ..], _) = self.taylor(zeta);
        (field, slope)
    }

    /// The field's Taylor coefficients at `zeta`, `F^(k)/k!` for k = 0 to 4, from the same
    /// hyperbolic tangents: each term `c tanh(y)`, `y = (zeta - shift)/w`, has with `T = tanh y`
    /// and `S = sech^2 y = 1 - T^2` the derivatives `c/w S`, `-2c/w^2 S T`,
    /// `c/w^3 (4 S T^2 - 2 S^2)` and `c/w^4 (16 S^2 T - 8 S T^3)`. Also returns the narrowest
    /// width `w`, the scale on which the series converges.
    fn taylor(self, zeta: f64) -> ([f64; 5], f64) {
        let term = |weight: f64, width: f64, y: f64| {
            let t = y.tanh();
            let s = 1.0 - t * t;
            let c = [
                weight,
                weight / width,
                weight / (width * width),
                weight / (width * width * width),
                weight / (width * width * width * width),
            ];
            [
                c[0] * t,
                c[1] * s,
                -c[2] * s * t,
                c[3] * (4.0 * s * t * t - 2.0 * s * s) / 6.0,
                c[4] * (16.0 * s * s * t - 8.0 * s * t * t * t) / 24.0,
            ]
        };
        let sum = |a: [f64; 5], b: [f64; 5]| std::array::from_fn(|k| a[k] + b[k]);
        match self {
            SheetShape::Harris => (term(1.0, 1.0, zeta), 1.0),
            SheetShape::Embedded {
                core_field_fraction: a,
                core_thickness_ratio: r,
            } => (sum(term(a, r, zeta / r), term(1.0 - a, 1.0, zeta)), r),
            SheetShape::Bifurcated { separation: s } => {
                (sum(term(0.5, 1.0, zeta - s), term(0.5, 1.0, zeta + s)), 1.0)
            }
        }
    }

    /// The current (in units of `B0/(mu0 L)`) where [`SheetShape::field`] equals a target (in
    /// (-1, 1)), as a function of the target, where it has a closed form; `None` for an embedded sheet, whose position is
    /// found numerically. The current is even in the field, so `|target|` is used; the
    /// constants of the shape are computed once, for all the targets.
    ///
    /// Harris: `F = tanh`, so `F' = 1 - F^2`. Bifurcated: `[tanh(zeta - s) + tanh(zeta + s)]/2 =
    /// sinh 2zeta / (cosh 2zeta + cosh 2s)`, so with `u = e^{2 zeta}` and `c = cosh 2s` the target
    /// `t` solves `(1 - t) u^2 - 2 c t u - (1 + t) = 0`, whose positive root is `u = [c t +
    /// sqrt(c^2 t^2 + 1 - t^2)]/(1 - t)` (no cancellation for `t >= 0`). With `E = e^{2s}`,
    /// `tanh(zeta - s) = (u - E)/(u + E)` and `tanh(zeta + s) = (uE - 1)/(uE + 1)`, so the
    /// current `[sech^2(zeta - s) + sech^2(zeta + s)]/2` is `2uE [1/(u + E)^2 + 1/(uE + 1)^2]`:
    /// a square root and no logarithm or tangent per sample.
    fn current_at_field_in_closed_form(self) -> Option<Box<dyn Fn(f64) -> f64>> {
        match self {
            SheetShape::Harris => Some(Box::new(|target: f64| (1.0 - target) * (1.0 + target))),
            SheetShape::Embedded { .. } => None,
            SheetShape::Bifurcated { separation: s } => {
                let (c, e) = ((2.0 * s).cosh(), (2.0 * s).exp());
                Some(Box::new(move |target: f64| {
                    let t = target.abs();
                    let u = (c * t + (c * c * t * t + (1.0 - t) * (1.0 + t)).sqrt()) / (1.0 - t);
                    let (below, above) = (u + e, u * e + 1.0);
                    2.0 * u * e * (1.0 / (below * below) + 1.0 / (above * above))
                }))
            }
        }
    }

    /// `j_y` in units of `B0/(mu0 L)` at `zeta = z/L`: the derivative of [`SheetShape::field`].
    pub fn current(self, zeta: f64) -> f64 {
        let sech2 = |x: f64| 1.0 / x.cosh().powi(2);
        match self {
            SheetShape::Harris => sech2(zeta),
            SheetShape::Embedded {
                core_field_fraction: a,
                core_thickness_ratio: r,
            } => a / r * sech2(zeta / r) + (1.0 - a) * sech2(zeta),
            SheetShape::Bifurcated { separation: s } => 0.5 * (sech2(zeta - s) + sech2(zeta + s)),
        }
    }
}

/// Which field the method takes as B0, the field at the sheet's boundary (Sec. 2).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum BoundaryField {
    /// The field far from the sheet (the whole field jump): right for a Harris sheet.
    Asymptotic,
    /// `|B_x|` where, moving out from the centre, the current first falls below this
    /// fraction of its peak: a reading of the paper's "the value at the moment when the rate
    /// of B_x variation decreases significantly" (the rate of change of B_x in a crossing
    /// is the current). For an embedded sheet it picks the core's boundary.
    WhereCurrentFalls(f64),
}

/// How the crossing samples the sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sampling {
    /// Uniform in z: one crossing at constant speed (the single-event method).
    UniformInZ,
    /// Uniform in `B_x`: the weighting of profiles averaged in `B_x/B0` bins (the
    /// statistics of Figs. 2–3).
    UniformInField,
}

/// How the method is applied: its B0 and its sampling.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MethodSettings {
    /// The B0 the method takes.
    pub boundary: BoundaryField,
    /// How the sheet is sampled.
    pub sampling: Sampling,
    /// Samples across the crossing, 101 to 10^6.
    pub samples: usize,
}

impl MethodSettings {
    /// Asymptotic B0, uniform in z, [`CROSSING_SAMPLES`] samples.
    pub fn single_crossing() -> Self {
        MethodSettings {
            boundary: BoundaryField::Asymptotic,
            sampling: Sampling::UniformInZ,
            samples: CROSSING_SAMPLES,
        }
    }
}

/// The current fraction of [`BoundaryField::WhereCurrentFalls`] the chapter uses: a tenth.
pub const BOUNDARY_CURRENT_FRACTION: f64 = 0.1;

/// A sheet with a known off-diagonal share, in SI units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KnownSheet {
    /// Shape of the reversal.
    pub shape: SheetShape,
    /// Field far from the sheet (half the field jump), T.
    pub b0_t: f64,
    /// Half-thickness L, m.
    pub thickness_m: f64,
    /// Normal field B_z, T.
    pub b_z_t: f64,
    /// The share f of the local tension that dP_xz/dz balances.
    pub share: f64,
}

/// Samples per crossing: over ±[`CROSSING_HALF_WIDTH`] L.
pub const CROSSING_SAMPLES: usize = 20001;
/// Half-width of the sampled crossing, in units of L: far enough for `|B_x|` to reach
/// `0.5 B0` in every shape the scans use.
pub const CROSSING_HALF_WIDTH: f64 = 8.0;

/// What the method returns on a [`KnownSheet`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MethodResult {
    /// The share of the tension the method attributes to P_xz.
    pub recovered_share: f64,
    /// The thickness `L = B0/(mu0 j0)` gives, over the sheet's true L.
    pub thickness_ratio: f64,
    /// The B0 the method took, over the field far from the sheet.
    pub boundary_ratio: f64,
    /// Peak current over its central-region mean: the factor the share is off by.
    pub peak_over_central_mean: f64,
}

impl KnownSheet {
    /// Runs the paper's method on one crossing of this sheet ([`MethodSettings::single_crossing`]):
    /// peak j0 from the samples, `L = B0/(mu0 j0)` (Ampère's law for a Harris sheet, Sec. 2),
    /// the central-region slope of P_xz against B_x/B0 (Eq. 3), divided by the tension from
    /// central-region means.
    ///
    /// ```
    /// use mmsbook::force_balance::known_answer::{KnownSheet, SheetShape};
    /// let sheet = KnownSheet { shape: SheetShape::Harris, b0_t: 20e-9, thickness_m: 1e6, b_z_t: 2e-9, share: 0.3 };
    /// let result = sheet.method().unwrap();
    /// // The share comes back times atanh(0.5)/0.5 = 1.0986.
    /// assert!((result.recovered_share / 0.3 - 0.5f64.atanh() / 0.5).abs() < 1e-3);
    /// ```
    ///
    /// # Errors
    /// [`ForceBalanceError::NonPositive`] for a non-positive field, thickness or share,
    /// [`ForceBalanceError::OutOfRange`] for a shape parameter out of range; the method's own
    /// errors otherwise.
    pub fn method(&self) -> Result<MethodResult, ForceBalanceError> {
        self.method_with(MethodSettings::single_crossing(), 1.0)
    }

    /// The method with its B0 and sampling as `settings` say, and B0 further misjudged by
    /// the factor `b0_misjudged` (1 for none; the paper allows 10–20%, Sec. 2): B0 enters
    /// `B_x/B0`, the central region and `L`.
    ///
    /// ```
    /// use mmsbook::force_balance::known_answer::{KnownSheet, MethodSettings, SheetShape};
    /// let sheet = KnownSheet { shape: SheetShape::Harris, b0_t: 20e-9, thickness_m: 1e6, b_z_t: 2e-9, share: 0.3 };
    /// let high = sheet.method_with(MethodSettings::single_crossing(), 1.2).unwrap();
    /// assert!((high.thickness_ratio - 1.2).abs() < 1e-3); // L scales with B0...
    /// let exact = sheet.method().unwrap();
    /// assert!((high.recovered_share / exact.recovered_share - 1.0).abs() < 0.1); // ...the share much less
    /// ```
    ///
    /// # Errors
    /// As [`KnownSheet::method`], and [`ForceBalanceError::OutOfRange`] for a sample count
    /// outside [101, 10^6], a current fraction outside (0, 1), or a non-positive misjudgement.
    pub fn method_with(
        &self,
        settings: MethodSettings,
        b0_misjudged: f64,
    ) -> Result<MethodResult, ForceBalanceError> {
        self.shape.validate()?;
        self.validate_scales()?;
        let crossing = Crossing::sample(self.shape, settings.sampling, settings.samples)?;
        self.method_on(&crossing, settings.boundary, b0_misjudged)
    }

    /// [`KnownSheet::method_with`] on a crossing already sampled (by [`Crossing::sample`], of
    /// this sheet's shape): sheets that differ only in share, fields or thickness, and B0
    /// choices, share one sampling.
    ///
    /// ```
    /// use mmsbook::force_balance::known_answer::{BoundaryField, Crossing, KnownSheet, MethodSettings, SheetShape};
    /// let settings = MethodSettings::single_crossing();
    /// let crossing = Crossing::sample(SheetShape::Harris, settings.sampling, settings.samples).unwrap();
    /// let sheet = KnownSheet { shape: SheetShape::Harris, b0_t: 20e-9, thickness_m: 1e6, b_z_t: 2e-9, share: 0.3 };
    /// let reused = sheet.method_on(&crossing, BoundaryField::Asymptotic, 1.0).unwrap();
    /// assert_eq!(reused, sheet.method().unwrap());
    /// ```
    ///
    /// # Errors
    /// As [`KnownSheet::method_with`], and [`ForceBalanceError::ShapeMismatch`] for a crossing
    /// of another shape.
    pub fn method_on(
        &self,
        crossing: &Crossing,
        boundary: BoundaryField,
        b0_misjudged: f64,
    ) -> Result<MethodResult, ForceBalanceError> {
        if crossing.shape != self.shape {
            return Err(ForceBalanceError::ShapeMismatch {
                crossing: crossing.shape,
                sheet: self.shape,
            });
        }
        let shape = self.shape;
        self.validate_scales()?;
        let out_of_range =
            |parameter, value: f64| ForceBalanceError::OutOfRange { parameter, value };
        if !(b0_misjudged.is_finite() && b0_misjudged > 0.0) {
            return Err(out_of_range("B0 misjudgement factor (> 0)", b0_misjudged));
        }
        let boundary_ratio = match boundary {
            BoundaryField::Asymptotic => 1.0,
            BoundaryField::WhereCurrentFalls(fraction) => {
                if !(fraction > 0.0 && fraction < 1.0) {
                    return Err(out_of_range(
                        "current fraction of the boundary (0 < f < 1)",
                        fraction,
                    ));
                }
                boundary_where_current_falls(shape, fraction)
            }
        } * b0_misjudged;
        let unit_current = self.b0_t / (VACUUM_PERMEABILITY * self.thickness_m);
        let assumed_b0 = self.b0_t * boundary_ratio;
        // The samples of B_x/B0 as the method sees them: over the B0 it takes.
        let bx: Vec<f64> = crossing.field.iter().map(|b| b / boundary_ratio).collect();
        let j_y: Vec<f64> = crossing.current.iter().map(|j| unit_current * j).collect();
        let b_z = vec![self.b_z_t; bx.len()];
        let p_xz: Vec<f64> = crossing
            .field
            .iter()
            .map(|b| self.share * self.b_z_t * b * self.b0_t / VACUUM_PERMEABILITY)
            .collect();
        let j0 = j_y.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let thickness = thickness_m(assumed_b0, j0)?;
        let (force, _) = off_diagonal_force_n_m3(&bx, &p_xz, thickness)?;
        let tension = tension_n_m3(&bx, &j_y, &b_z)?;
        let central: Vec<f64> = bx
            .iter()
            .zip(&j_y)
            .filter(|(b, _)| super::harris_method::in_central_region(**b))
            .map(|(_, j)| *j)
            .collect();
        let central_mean = central.iter().sum::<f64>() / central.len() as f64;
        Ok(MethodResult {
            recovered_share: force / tension,
            thickness_ratio: thickness / self.thickness_m,
            boundary_ratio,
            peak_over_central_mean: j0 / central_mean,
        })
    }

    /// Fields, thickness and share must be positive and finite.
    fn validate_scales(&self) -> Result<(), ForceBalanceError> {
        for (parameter, value) in [
            ("B0 (T)", self.b0_t),
            ("L (m)", self.thickness_m),
            ("B_z (T)", self.b_z_t),
            ("share f", self.share),
        ] {
            if !(value.is_finite() && value > 0.0) {
                return Err(ForceBalanceError::NonPositive { parameter, value });
            }
        }
        Ok(())
    }
}

/// One crossing of a sheet shape, sampled: `B_x/B0` and `j_y` in units of `B0/(mu0 L)` at
/// each sample. Everything else the method needs scales these.
#[derive(Debug, Clone, PartialEq)]
pub struct Crossing {
    /// The shape crossed.
    shape: SheetShape,
    /// `B_x/B0` at each sample.
    field: Vec<f64>,
    /// `j_y / (B0/(mu0 L))` at each sample.
    current: Vec<f64>,
}

impl Crossing {
    /// Samples `shape` with `samples` points over the crossing, as `sampling` says.
    ///
    /// # Errors
    /// [`ForceBalanceError::OutOfRange`] for a shape parameter out of range or a sample count
    /// outside [101, 10^6].
    pub fn sample(
        shape: SheetShape,
        sampling: Sampling,
        samples: usize,
    ) -> Result<Self, ForceBalanceError> {
        let shape = shape.validate()?;
        if !(101..=1_000_000).contains(&samples) {
            return Err(ForceBalanceError::OutOfRange {
                parameter: "samples per crossing (101 to 10^6)",
                value: samples as f64,
            });
        }
        let (field, current) = match sampling {
            Sampling::UniformInZ => (0..samples)
                .map(|i| {
                    let zeta = evenly(i, samples, -CROSSING_HALF_WIDTH, CROSSING_HALF_WIDTH);
                    (shape.field(zeta), shape.current(zeta))
                })
                .unzip(),
            Sampling::UniformInField => samples_uniform_in_field(shape, samples),
        };
        Ok(Crossing {
            shape,
            field,
            current,
        })
    }
}

/// The `i`-th of `n` evenly spaced values from `low` to `high`.
fn evenly(i: usize, n: usize, low: f64, high: f64) -> f64 {
    low + (high - low) * i as f64 / (n - 1) as f64
}

/// `B_x/B0` and the current at `n` positions where `B_x` takes evenly spaced values: each
/// sample's field is its target, exactly (so a target on the central region's edge is outside
/// it, on both sides), and its current the field's slope where the field takes that value,
/// found in closed form where there is one ([`SheetShape::current_at_field_in_closed_form`]), else by
/// Newton's method finished by the inverse Taylor series ([`position_of_field`]); every
/// shape's field rises monotonically.
fn samples_uniform_in_field(shape: SheetShape, n: usize) -> (Vec<f64>, Vec<f64>) {
    let edge = shape.field(CROSSING_HALF_WIDTH);
    // The targets rise evenly, so each root starts from the one before, moved by the target
    // step over the slope there: within ~1e-8 L of the root.
    let (mut previous, mut slope, mut last_target) = (-CROSSING_HALF_WIDTH, f64::INFINITY, -edge);
    let closed_form = shape.current_at_field_in_closed_form();
    (0..n)
        .map(|i| {
            let target = evenly(i, n, -edge, edge);
            if let Some(current) = &closed_form {
                return (target, current(target));
            }
            let start = previous + (target - last_target) / slope;
            let (zeta, current) = position_of_field(shape, target, start);
            (previous, slope, last_target) = (zeta, current, target);
            (target, current)
        })
        .unzip()
}

/// How close (in units of the sheet's narrowest width) Newton's method brings a root before
/// the inverse series finishes it: the series' first omitted terms are then below 1e-20 of
/// the width and of the current.
const SERIES_REACH: f64 = 1e-5;

/// The `z/L` where `shape.field` equals `target` (within the crossing), and the current (the
/// field's slope) there. Newton's method from `start`, kept inside the bracket
/// `[-CROSSING_HALF_WIDTH, CROSSING_HALF_WIDTH]` narrowed at every step (bisecting when Newton
/// would leave it), until its step `u = -(F - target)/F'` is within [`SERIES_REACH`] of the
/// sheet's width; then the rest in closed form from the same evaluation, by the inverse of the
/// field's Taylor series, `dz = u - (f2/f1) u^2 + (2 (f2/f1)^2 - f3/f1) u^3` (`f_k = F^(k)/k!`),
/// and the current there from the series of `F'`. From a start predicted from the previous
/// sample that is one evaluation (two tanh) per sample, where Newton's method to rounding took
/// about three, and plain bisection 60.
fn position_of_field(shape: SheetShape, target: f64, start: f64) -> (f64, f64) {
    let (mut low, mut high) = (-CROSSING_HALF_WIDTH, CROSSING_HALF_WIDTH);
    let mut z = if start.is_finite() {
        start.clamp(low, high)
    } else {
        low
    };
    // Bisection alone reaches round-off within ~60 halvings of the 16 L bracket.
    for _ in 0..200 {
        let ([miss, f1, f2, f3, f4], width) = shape.taylor(z);
        let miss = miss - target;
        let u = -miss / f1;
        if u.abs() <= SERIES_REACH * width {
            let (c2, c3) = (f2 / f1, f3 / f1);
            let dz = u * (1.0 - u * (c2 - u * (2.0 * c2 * c2 - c3)));
            let current = f1 + dz * (2.0 * f2 + dz * (3.0 * f3 + dz * 4.0 * f4));
            return (z + dz, current);
        }
        if miss < 0.0 {
            low = z;
        } else {
            high = z;
        }
        let newton = z + u;
        z = if newton > low && newton < high {
            newton
        } else {
            0.5 * (low + high)
        };
        if high - low <= 4.0 * f64::EPSILON * z.abs() {
            break;
        }
    }
    // A bracket closed to rounding without the series' reach (a field flat to rounding):
    // the point reached, with its own slope.
    (z, shape.field_and_slope(z).1)
}

/// `|B_x|/B0` at the first `z >= 0` where the current falls below `fraction` of its peak
/// (the peak taken on a fine grid: a bifurcated sheet's is off the centre).
///
/// One pass outward, stopping there: every shape's current is unimodal on `z >= 0` (Harris
/// and embedded ones fall from the centre, a bifurcated one rises to near its offset and then
/// falls), so while it still rises it cannot be below a fraction of the largest value seen,
/// and the first sample that is lies past the peak.
fn boundary_where_current_falls(shape: SheetShape, fraction: f64) -> f64 {
    const STEPS: usize = 16000;
    let z = |i: usize| CROSSING_HALF_WIDTH * i as f64 / STEPS as f64;
    let mut peak = 0.0;
    let beyond = (0..=STEPS)
        .find(|&i| {
            let current = shape.current(z(i));
            peak = f64::max(peak, current);
            current < fraction * peak
        })
        .unwrap_or(STEPS);
    shape.field(z(beyond)).abs()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The boundary as first written: the peak from a scan of the whole grid, then the first
    /// sample past it below the fraction.
    fn boundary_by_two_scans(shape: SheetShape, fraction: f64) -> f64 {
        const STEPS: usize = 16000;
        let z = |i: usize| CROSSING_HALF_WIDTH * i as f64 / STEPS as f64;
        let (peak_index, peak) =
            (0..=STEPS)
                .map(|i| (i, shape.current(z(i))))
                .fold(
                    (0, 0.0),
                    |best, (i, j)| if j > best.1 { (i, j) } else { best },
                );
        let beyond = (peak_index..=STEPS)
            .find(|&i| shape.current(z(i)) < fraction * peak)
            .unwrap_or(STEPS);
        shape.field(z(beyond)).abs()
    }

    #[test]
    fn one_outward_pass_finds_the_boundary_of_two_scans() {
        // Every family the figures and claims use, through the bifurcated sheets whose
        // current peaks off the centre, and fractions up to where the peak is nearly flat.
        let mut shapes = vec![SheetShape::Harris];
        for k in 0..=100 {
            shapes.push(SheetShape::Bifurcated {
                separation: 0.1 * f64::from(k),
            });
        }
        for a in [0.05, 0.3, 0.5, 0.9, 1.0] {
            for r in [0.05, 0.1, 0.2, 0.5, 1.0] {
                shapes.push(SheetShape::Embedded {
                    core_field_fraction: a,
                    core_thickness_ratio: r,
                });
            }
        }
        for shape in shapes {
            for fraction in [0.01, 0.1, 0.5, 0.9, 0.999] {
                assert_eq!(
                    boundary_where_current_falls(shape, fraction),
                    boundary_by_two_scans(shape, fraction),
                    "{shape:?} at {fraction}"
                );
            }
        }
    }

    #[test]
    fn uniform_in_field_samples_sit_on_their_targets() {
        // Each sample's field within a few rounding units of the evenly spaced target, its
        // current the field's slope there.
        // Closed forms (Harris, bifurcated from coincident to far-apart peaks) and Newton.
        for shape in [
            SheetShape::Harris,
            SheetShape::Bifurcated { separation: 0.0 },
            SheetShape::Bifurcated { separation: 1.5 },
            SheetShape::Bifurcated { separation: 3.0 },
            SheetShape::Embedded {
                core_field_fraction: 0.5,
                core_thickness_ratio: 0.1,
            },
        ] {
            let n = 2001;
            let (field, current) = samples_uniform_in_field(shape, n);
            let edge = shape.field(CROSSING_HALF_WIDTH);
            for (i, (b, j)) in field.iter().zip(&current).enumerate() {
                let target = evenly(i, n, -edge, edge);
                assert!(
                    (b - target).abs() <= 1e-15,
                    "{shape:?} sample {i}: {b} for {target}"
                );
                let zeta = shape_position(shape, *b);
                assert!((j - shape.current(zeta)).abs() <= 1e-12 * shape.current(0.0).max(1.0));
            }
        }
    }

    #[test]
    fn the_series_finish_lands_where_newton_to_rounding_does() {
        // The inverse series from one evaluation against Newton's method iterated until its
        // step is at rounding, with cold starts (1e-3 L off: Newton first) and warm ones.
        let mut worst = (0.0f64, 0.0f64);
        for r in [0.02, 0.1, 0.5, 1.0] {
            let shape = SheetShape::Embedded {
                core_field_fraction: 0.5,
                core_thickness_ratio: r,
            };
            for k in 0..=400 {
                let exact_z = -4.0 + 0.02 * f64::from(k);
                let target = shape.field(exact_z);
                let mut z = exact_z;
                for _ in 0..100 {
                    let (field, slope) = shape.field_and_slope(z);
                    let step = (field - target) / slope;
                    z -= step;
                    if step.abs() <= f64::EPSILON * z.abs() {
                        break;
                    }
                }
                let current = shape.field_and_slope(z).1;
                for offset in [1e-3, 1e-7, -3e-9] {
                    let (found, slope) = position_of_field(shape, target, z + offset);
                    // The root is known only to a rounding of the field over its slope.
                    worst.0 = worst.0.max((found - z).abs() * current);
                    // Both take sech^2 as 1 - tanh^2, good to a rounding of the peak.
                    worst.1 = worst.1.max((slope - current).abs() / shape.current(0.0));
                }
            }
        }
        assert!(
            worst.0 < 4.0 * f64::EPSILON,
            "positions differ by {:e} of the field",
            worst.0
        );
        assert!(
            worst.1 < 4.0 * f64::EPSILON,
            "currents differ by {:e} of the peak",
            worst.1
        );
    }

    /// Where the field equals `b`, by bisection (a check independent of the Newton search).
    fn shape_position(shape: SheetShape, b: f64) -> f64 {
        let (mut low, mut high) = (-CROSSING_HALF_WIDTH, CROSSING_HALF_WIDTH);
        for _ in 0..200 {
            let mid = 0.5 * (low + high);
            if shape.field(mid) < b {
                low = mid;
            } else {
                high = mid;
            }
        }
        0.5 * (low + high)
    }
}
