//! The crescent model's search for an orbit's lower turning point, made fast without losing
//! any of its accuracy.
//!
//! The search ([`direct`]) steps down from `z` in steps of [`STEP`] d_e until the effective
//! potential `U(s) = (p_y + A_y(s))^2/2 - Phi(s)` exceeds the orbit's `H_perp`, then bisects
//! that cell 24 times, which puts its answer within [`RESOLUTION`] (1.2e-9 d_e) of the
//! crossing. Done as written, every step and every bisection evaluates `A_y` and `Phi` (an
//! exponential, a logarithm and a hyperbolic tangent): some 50 to 100 evaluations per
//! velocity bin, 150 ms for one FPI step of four 32x16x32 distributions.
//!
//! Every velocity bin sampled at one `z` steps over the same points `z - STEP j`, so
//! [`turning_point`] keeps `A_y` and `Phi` there in a per-thread cache ([`Grid`]): the
//! stepping then costs a multiply-add per step, with the very same values, and stops in the
//! same cell. For each cell the cache also holds degree-[`DEGREE`] Taylor polynomials of
//! `A_y` and `Phi` about its centre, with a rigorous bound on their remainder. Where `U`
//! provably falls through the cell, Newton's method on the polynomials finds the crossing
//! together with a bound on its distance from the true one: within [`RESOLUTION`], that root
//! is the answer, as close to the crossing as the bisection's (usually far closer) at half
//! the cost of bisecting. Otherwise the cell is bisected as [`direct`] does, its midpoints
//! decided by the polynomials where their bound settles them and evaluated exactly where it
//! does not, so the answer is then [`direct`]'s, bit for bit. Tests compare the two over
//! random orbits and hostile inputs.

use super::layer::Layer;
use std::cell::RefCell;

/// Step of the downward search, d_e.
pub(super) const STEP: f64 = 0.04;
/// Most steps the search takes (4000 d_e): an orbit still descending after them has a
/// gyroradius beyond 2000 d_e, a speed where the Maxwellian underflows to zero, so its label
/// does not matter; the bound keeps a huge `z` from stepping forever.
pub(super) const MAX_STEPS: usize = 100_000;
/// Bisections of the cell where the orbit turns: 0.04 d_e / 2^24, about 2.4e-9 d_e.
const BISECTIONS: usize = 24;
/// How far from the crossing the answer may lie, d_e: half the bisection's last interval.
pub(super) const RESOLUTION: f64 = STEP / (1u64 << (BISECTIONS + 1)) as f64;

/// The search as first written, evaluating the fields at every point: the definition the
/// fast path reproduces, and its fallback for inputs it does not cache.
pub(super) fn direct(layer: &Layer, z: f64, v_y: f64, v_z: f64, floor: f64) -> Option<f64> {
    let p_y = v_y - layer.a_y(z);
    let h_perp = 0.5 * (v_y * v_y + v_z * v_z) - layer.phi(z);
    let allowed = |s: f64| effective_potential(layer.a_y(s), layer.phi(s), p_y) <= h_perp;
    let mut upper = z;
    let mut lower = z - STEP;
    // Steps are counted from z, not accumulated, so a huge z cannot stall the search.
    let mut step = 1;
    while allowed(lower) {
        if lower < floor || step >= MAX_STEPS {
            return None;
        }
        upper = lower;
        step += 1;
        lower = z - STEP * step as f64;
    }
    // Bisect between the last allowed and the first forbidden point.
    for _ in 0..BISECTIONS {
        let middle = 0.5 * (lower + upper);
        if allowed(middle) {
            upper = middle;
        } else {
            lower = middle;
        }
    }
    Some(0.5 * (lower + upper))
}

/// `U = (p_y + A_y)^2/2 - Phi`, one expression for every path so that equal inputs give
/// equal bits.
#[inline]
fn effective_potential(a_y: f64, phi: f64, p_y: f64) -> f64 {
    let v_y = p_y + a_y;
    0.5 * v_y * v_y - phi
}

/// Positions beyond which the cache is not used, d_e: there the steps `z - STEP j` are
/// coarse in floating point and the orbit is far outside any layer the workbook draws.
const CACHED_RANGE: f64 = 1e4;
/// Grid points kept per position (about 330 d_e of descent).
const CACHED_POINTS: usize = 8192;
/// Positions kept per thread: a centred difference alternates two, a PIC bin average eight
/// per side.
const CACHED_GRIDS: usize = 24;

/// The lower turning point if it lies above `floor` (d_e), else `None`: [`direct`]'s answer
/// to within its resolution (see the module), from the per-thread cache.
pub(super) fn turning_point(layer: &Layer, z: f64, v_y: f64, v_z: f64, floor: f64) -> Option<f64> {
    with_search(layer, z, |search| search(v_y, v_z, floor))
}

/// Runs `body` with the search for orbits through `z`: `search(v_y, v_z, floor)` is
/// [`turning_point`] at that `z`, with the per-thread cache looked up once for every orbit
/// `body` asks about (a whole velocity grid sampled at one position).
pub(super) fn with_search<R>(
    layer: &Layer,
    z: f64,
    body: impl FnOnce(&mut dyn FnMut(f64, f64, f64) -> Option<f64>) -> R,
) -> R {
    if !(z.abs() <= CACHED_RANGE) {
        return body(&mut |v_y, v_z, floor| direct(layer, z, v_y, v_z, floor));
    }
    GRIDS.with(|grids| {
        // A body that itself samples (re-entrantly) gets the direct search.
        let Ok(mut grids) = grids.try_borrow_mut() else {
            return body(&mut |v_y, v_z, floor| direct(layer, z, v_y, v_z, floor));
        };
        let key = Key::of(layer, z);
        let position = match grids.iter().position(|grid| grid.key == key) {
            Some(position) => position,
            None => {
                if grids.len() == CACHED_GRIDS {
                    grids.pop();
                }
                grids.insert(0, Grid::new(*layer, z, key));
                0
            }
        };
        // Most recently used first, so the search above is short.
        if position != 0 {
            let grid = grids.remove(position);
            grids.insert(0, grid);
        }
        let grid = &mut grids[0];
        body(&mut |v_y, v_z, floor| grid.search(v_y, v_z, floor))
    })
}

thread_local! {
    static GRIDS: RefCell<Vec<Grid>> = const { RefCell::new(Vec::new()) };
}

/// The bits of the layer and the position a grid was made for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Key([u64; 6]);

impl Key {
    fn of(layer: &Layer, z: f64) -> Key {
        Key([
            layer.field_ratio,
            layer.thickness_de,
            layer.normal_field,
            layer.normal_field_centre_de,
            layer.normal_field_width_de,
            z,
        ]
        .map(f64::to_bits))
    }
}

/// The fields at the search's points below one position `z`, and Taylor models of the cells
/// between them, filled in as searches reach them.
struct Grid {
    layer: Layer,
    key: Key,
    z: f64,
    /// `(A_y, Phi)` at `z - STEP j`, exactly as [`direct`] computes them.
    points: Vec<(f64, f64)>,
    /// Cell `j` lies between points `j` (below) and `j - 1`; index 0 is unused.
    cells: Vec<Option<Cell>>,
    /// Block `k`: the range of the fields over points `1 + BLOCK k` to `BLOCK (k + 1)`.
    blocks: Vec<Block>,
}

/// Points per [`Block`]: a search crosses most of its descent a block at a time.
const BLOCK: usize = 16;

/// The range of `A_y` and the least `Phi` over [`BLOCK`] consecutive points of a [`Grid`]
/// (`None` if any is not a number): enough to show that an orbit is allowed at all of them
/// without testing each.
///
/// Every step of the computed `U = fl(fl(fl(p_y + A)^2)/2 - Phi)` is rounded monotonically, so
/// over the block it is at most its value at `A_min` or `A_max` (the ends of the range of
/// `p_y + A`, where the square is largest) with `Phi_min`: if both are allowed, so is every
/// point, exactly as the point-by-point test would find.
#[derive(Debug, Clone, Copy)]
struct Block(Option<(f64, f64, f64)>);

impl Block {
    fn of(points: &[(f64, f64)]) -> Block {
        let finite = points
            .iter()
            .all(|(a, phi)| a.is_finite() && phi.is_finite());
        Block(finite.then(|| {
            points.iter().fold(
                (f64::INFINITY, f64::NEG_INFINITY, f64::INFINITY),
                |(a_min, a_max, phi_min), &(a, phi)| (a_min.min(a), a_max.max(a), phi_min.min(phi)),
            )
        }))
    }

    /// Whether every point of the block is allowed to an orbit of `p_y` and `h_perp`.
    #[inline]
    fn all_allowed(&self, p_y: f64, h_perp: f64) -> bool {
        self.0.is_some_and(|(a_min, a_max, phi_min)| {
            effective_potential(a_min, phi_min, p_y) <= h_perp
                && effective_potential(a_max, phi_min, p_y) <= h_perp
        })
    }
}

impl Grid {
    fn new(layer: Layer, z: f64, key: Key) -> Grid {
        Grid {
            layer,
            key,
            z,
            points: Vec::new(),
            cells: Vec::new(),
            blocks: Vec::new(),
        }
    }

    /// Block `k` ([`Block`]), filling its points if needed; `None` beyond the cached points.
    fn block(&mut self, k: usize) -> Option<Block> {
        let last = BLOCK * (k + 1);
        if last >= CACHED_POINTS {
            return None;
        }
        while self.blocks.len() <= k {
            let first = 1 + BLOCK * self.blocks.len();
            self.fields(first + BLOCK - 1);
            self.blocks
                .push(Block::of(&self.points[first..first + BLOCK]));
        }
        Some(self.blocks[k])
    }

    /// Point `j` of the search, `z - STEP j`, as [`direct`] writes it.
    fn position(&self, j: usize) -> f64 {
        if j == 0 {
            self.z
        } else {
            self.z - STEP * j as f64
        }
    }

    /// `(A_y, Phi)` at point `j`.
    fn fields(&mut self, j: usize) -> (f64, f64) {
        if j >= CACHED_POINTS {
            let s = self.position(j);
            return (self.layer.a_y(s), self.layer.phi(s));
        }
        while self.points.len() <= j {
            let s = self.position(self.points.len());
            self.points.push((self.layer.a_y(s), self.layer.phi(s)));
        }
        self.points[j]
    }

    fn cell(&mut self, j: usize) -> Option<Cell> {
        if j >= CACHED_POINTS {
            return None;
        }
        if self.cells.len() <= j {
            self.cells.resize(j + 1, None);
        }
        if self.cells[j].is_none() {
            self.cells[j] = Cell::new(&self.layer, self.position(j), self.position(j - 1));
        }
        self.cells[j]
    }

    /// [`direct`] with cached fields: the same cell, then the polynomials' root where it is
    /// within [`RESOLUTION`] of the crossing, else [`direct`]'s bisection bit for bit.
    fn search(&mut self, v_y: f64, v_z: f64, floor: f64) -> Option<f64> {
        let (a_z, phi_z) = self.fields(0);
        let p_y = v_y - a_z;
        let h_perp = 0.5 * (v_y * v_y + v_z * v_z) - phi_z;
        let mut upper = self.z;
        let mut lower = self.position(1);
        let mut step = 1;
        loop {
            // A whole block of allowed points above the floor is crossed at once: the loop
            // below would step through it to the same point.
            if step % BLOCK == 1 {
                let last = step + BLOCK - 1;
                if let Some(block) = self.block(step / BLOCK)
                    && block.all_allowed(p_y, h_perp)
                    && !(self.position(last) < floor)
                {
                    upper = self.position(last);
                    step = last + 1;
                    lower = self.position(step);
                    continue;
                }
            }
            let (a, phi) = self.fields(step);
            if !(effective_potential(a, phi, p_y) <= h_perp) {
                break;
            }
            if lower < floor || step >= MAX_STEPS {
                return None;
            }
            upper = lower;
            step += 1;
            lower = self.position(step);
        }
        let cell = self.cell(step);
        let slack = cell.as_ref().map_or(0.0, |cell| cell.slack(p_y, h_perp));
        // Where U crosses H_perp, and how far from it a midpoint's side is certain.
        let crossing = cell
            .as_ref()
            .and_then(|cell| cell.crossing(lower, upper, p_y, h_perp, slack));
        // Fast path: the polynomials' root, where it is provably as close to the crossing
        // as the bisection would come.
        if let Some((at, radius)) = crossing
            && radius <= RESOLUTION
        {
            return Some(at);
        }
        let layer = self.layer;
        for _ in 0..BISECTIONS {
            let middle = 0.5 * (lower + upper);
            let settled = match crossing {
                Some((at, radius)) if (middle - at).abs() > radius => Some(middle > at),
                _ => cell
                    .as_ref()
                    .and_then(|cell| cell.decide(middle, p_y, h_perp, slack)),
            };
            let allowed = match settled {
                Some(allowed) => allowed,
                None => effective_potential(layer.a_y(middle), layer.phi(middle), p_y) <= h_perp,
            };
            if allowed {
                upper = middle;
            } else {
                lower = middle;
            }
        }
        Some(0.5 * (lower + upper))
    }
}

/// Degree of the Taylor polynomials of a cell: the remainder over a half cell of 0.02 d_e is
/// then about 1e-12 for the workbook's layers (thicknesses of 0.5 d_e and more).
const DEGREE: usize = 6;
/// Most Newton steps on a cell's polynomials after the first (see [`Cell::crossing`]).
const NEWTON_STEPS: usize = 4;
/// A Newton step this small (d_e) leaves the root within about `5 NEWTON_SETTLED^2`.
const NEWTON_SETTLED: f64 = 2e-6;

/// Rounding allowance, as a fraction of the size of the terms of `U`: its exact evaluation
/// rounds at below 1e-15 of them (exponential, logarithm and tangent to an ulp, a few
/// additions, then a square), the polynomials likewise; 1e-13 leaves a factor 100 to spare.
const ROUNDING: f64 = 1e-13;

/// Taylor models of `A_y` and `Phi` over one cell of the search.
#[derive(Debug, Clone, Copy)]
struct Cell {
    centre: f64,
    /// Coefficients of `A_y(centre + d)` in powers of `d`.
    a: [f64; DEGREE + 1],
    /// Coefficients of `Phi(centre + d)`.
    phi: [f64; DEGREE + 1],
    /// Bounds on `|A_y - polynomial|` and `|Phi - polynomial|` over the cell.
    remainder_a: f64,
    remainder_phi: f64,
    /// The size of `A_y` and of `Phi` over the cell: the terms the evaluations round on.
    size_a: f64,
    size_phi: f64,
    /// Half the cell's width (with a margin for rounding), d_e.
    half: f64,
    /// Bounds over the cell on `|A_y - A_y(centre)|`, `|A_y'|`, `|A_y''|` and `|Phi''|`.
    drift_a: f64,
    slope_a: f64,
    curvature_a: f64,
    curvature_phi: f64,
}

impl Cell {
    /// The models of the cell `[below, above]`, or `None` if a bound is not finite (the
    /// search then evaluates every midpoint exactly).
    fn new(layer: &Layer, below: f64, above: f64) -> Option<Cell> {
        let centre = 0.5 * (below + above);
        // Every midpoint lies in [below, above]; the factor covers the rounding of the centre.
        let half = (centre - below).abs().max((above - centre).abs()) * (1.0 + 1e-9);
        let (r, delta) = (layer.field_ratio, layer.thickness_de);
        let (e0, w) = (layer.normal_field, layer.normal_field_width_de);
        let tanh = tanh_derivatives();
        // A_y' = -B_x; A_y^(n) = -(R+1)/2 delta^(1-n) tanh^(n-1)(z/delta) for n >= 2.
        let t = (centre / delta).tanh();
        let mut a = [0.0; DEGREE + 1];
        a[0] = layer.a_y(centre);
        a[1] = -layer.b_x(centre);
        let mut factorial = 1.0;
        for n in 2..=DEGREE {
            factorial *= n as f64;
            a[n] =
                -0.5 * (r + 1.0) * delta.powi(1 - n as i32) * evaluate(&tanh[n - 1], t) / factorial;
        }
        // Phi^(n) = -E0 w^(1-n) tanh^(n)((z - z_E)/w).
        let t_e = ((centre - layer.normal_field_centre_de) / w).tanh();
        let mut phi = [0.0; DEGREE + 1];
        phi[0] = layer.phi(centre);
        let mut factorial = 1.0;
        for n in 1..=DEGREE {
            factorial *= n as f64;
            phi[n] = -e0 * w.powi(1 - n as i32) * evaluate(&tanh[n], t_e) / factorial;
        }
        // Lagrange remainders with |tanh^(n)| bounded by the sum of its polynomial's |coefficients|.
        let next_factorial = factorial * (DEGREE + 1) as f64;
        let power = half.powi(DEGREE as i32 + 1) / next_factorial;
        let remainder_a =
            0.5 * (r + 1.0) * delta.powi(-(DEGREE as i32)) * bound(&tanh[DEGREE]) * power;
        let remainder_phi = e0.abs() * w.powi(-(DEGREE as i32)) * bound(&tanh[DEGREE + 1]) * power;
        // |A_y| is at most its two terms' sizes, ln cosh x <= |x|; the polynomials' own terms too.
        let reach = below.abs().max(above.abs());
        let size_a = 0.5 * (r + 1.0) * (reach + delta)
            + 0.5 * (r - 1.0).abs() * reach
            + a.iter()
                .enumerate()
                .map(|(n, c)| c.abs() * half.powi(n as i32))
                .sum::<f64>();
        let size_phi = e0.abs() * w
            + phi
                .iter()
                .enumerate()
                .map(|(n, c)| c.abs() * half.powi(n as i32))
                .sum::<f64>();
        // Bounds over the cell on |A_y - A_y(centre)|, |A_y'|, |A_y''| and |Phi''|: the derivatives of
        // the polynomials at distance `half`, plus their remainders (M half^(N+1-k) / (N+1-k)!).
        let derivative_bound = |c: &[f64; DEGREE + 1], k: usize, top: f64| {
            let polynomial: f64 = (k..=DEGREE)
                .map(|n| c[n].abs() * falling(n, k) * half.powi((n - k) as i32))
                .sum();
            let order = DEGREE + 1 - k;
            polynomial
                + top * half.powi(order as i32) / (1..=order).map(|i| i as f64).product::<f64>()
        };
        let top_a = 0.5 * (r + 1.0) * delta.powi(-(DEGREE as i32)) * bound(&tanh[DEGREE]);
        let top_phi = e0.abs() * w.powi(-(DEGREE as i32)) * bound(&tanh[DEGREE + 1]);
        let drift_a = derivative_bound(&a, 0, top_a) - a[0].abs();
        let slope_a = derivative_bound(&a, 1, top_a);
        let curvature_a = derivative_bound(&a, 2, top_a);
        let curvature_phi = derivative_bound(&phi, 2, top_phi);
        let cell = Cell {
            centre,
            half,
            a,
            phi,
            remainder_a,
            remainder_phi,
            size_a,
            size_phi,
            drift_a,
            slope_a,
            curvature_a,
            curvature_phi,
        };
        let finite = [
            remainder_a,
            remainder_phi,
            size_a,
            size_phi,
            drift_a,
            slope_a,
            curvature_a,
            curvature_phi,
        ]
        .iter()
        .all(|x| x.is_finite())
            && a.iter().chain(&phi).all(|x| x.is_finite());
        finite.then_some(cell)
    }

    /// The allowance for rounding of one orbit in this cell.
    fn slack(&self, p_y: f64, h_perp: f64) -> f64 {
        let v = p_y.abs() + self.size_a + self.remainder_a;
        ROUNDING * (1.0 + h_perp.abs() + v * v + self.size_phi)
    }

    /// The polynomials' `U` and `dU/ds` at `s`, and the bound on `|U - u|` there.
    #[inline]
    fn model(&self, s: f64, p_y: f64) -> (f64, f64, f64) {
        let d = s - self.centre;
        let (mut a, mut phi, mut da, mut dphi) = (self.a[DEGREE], self.phi[DEGREE], 0.0, 0.0);
        for n in (0..DEGREE).rev() {
            da = da * d + a;
            dphi = dphi * d + phi;
            a = a * d + self.a[n];
            phi = phi * d + self.phi[n];
        }
        let v = p_y + a;
        (
            0.5 * v * v - phi,
            v * da - dphi,
            self.remainder_a * (v.abs() + self.remainder_a) + self.remainder_phi,
        )
    }

    /// Where `U` crosses `H_perp` in the cell `[lower, upper]` (lower forbidden, upper allowed),
    /// with a radius beyond which every point's side is certain (so the exact crossing lies
    /// within the radius of the estimate): `Some` only if `U` provably
    /// falls through the whole cell (`dU/ds <= -g < 0`), so that the allowed points are exactly
    /// those above the crossing, give or take the radius.
    ///
    /// With `|U - u| <= e` and `|u(at) - H_perp| = r` at the estimate, a point `s` with
    /// `g |s - at| > r + e + 2 slack` has `U(s)` beyond `H_perp` by more than the rounding of
    /// its exact evaluation, on the side of `at` it lies.
    fn crossing(
        &self,
        lower: f64,
        upper: f64,
        p_y: f64,
        h_perp: f64,
        slack: f64,
    ) -> Option<(f64, f64)> {
        // |U''| = |A'^2 + v A'' - Phi''| with v = p_y + A_y.
        let v_max = (p_y + self.a[0]).abs() + self.drift_a;
        let curvature = self.slope_a * self.slope_a + v_max * self.curvature_a + self.curvature_phi;
        // dU/ds at the centre from the coefficients: (p_y + A) A' - Phi'.
        let slope = (p_y + self.a[0]) * self.a[1] - self.phi[1];
        let g = -slope
            - curvature * self.half
            - ROUNDING * (1.0 + v_max * self.slope_a + self.size_phi);
        if !(g > 0.0) {
            return None;
        }
        // Newton on the polynomials, kept in the cell, from the root of U's quadratic Taylor
        // polynomial about the centre: there the polynomials are their leading coefficients,
        // so the start needs no evaluation, and it lies within about 5 d^3 of the crossing
        // (d the offset, at most 0.02 d_e) where the linear start was 5 d^2 off. With
        // |U''/2U'| of order 5 per d_e at most where g > 0, a step `d` leaves an error of about
        // 5 d^2: once a step is below NEWTON_SETTLED the root is within 2e-11 d_e, fifty times
        // inside RESOLUTION, and Newton stops, usually after one step (2.2 evaluations per
        // orbit with the last one, where the linear start took 3.1). A worse estimate only
        // widens the radius below, sending the orbit to the bisection.
        let v = p_y + self.a[0];
        let miss = 0.5 * v * v - self.phi[0] - h_perp;
        let bend = 0.5 * self.a[1] * self.a[1] + v * self.a[2] - self.phi[2];
        let discriminant = slope * slope - 4.0 * bend * miss;
        // U falls (slope < 0): the root nearest the centre, without cancellation.
        let offset = if discriminant >= 0.0 {
            -2.0 * miss / (slope - discriminant.sqrt())
        } else {
            -miss / slope
        };
        let mut at = (self.centre + offset).clamp(lower, upper);
        for _ in 0..NEWTON_STEPS {
            let (u, du, _) = self.model(at, p_y);
            let next = (at - (u - h_perp) / du).clamp(lower, upper);
            let settled = (next - at).abs() <= NEWTON_SETTLED;
            at = next;
            if settled {
                break;
            }
        }
        let (u, _, error) = self.model(at, p_y);
        let radius = ((u - h_perp).abs() + error + 2.0 * slack) / g;
        radius.is_finite().then_some((at, radius))
    }

    /// Whether `U(s) <= H_perp`, if the polynomials settle it; `None` if `U(s)` lies too close to
    /// `H_perp` (or is not a number) for them to.
    #[inline]
    fn decide(&self, s: f64, p_y: f64, h_perp: f64, slack: f64) -> Option<bool> {
        let d = s - self.centre;
        let (mut a, mut phi) = (self.a[DEGREE], self.phi[DEGREE]);
        for n in (0..DEGREE).rev() {
            a = a * d + self.a[n];
            phi = phi * d + self.phi[n];
        }
        let v = p_y + a;
        let u = 0.5 * v * v - phi;
        // |U - u| <= |v| e_a + e_a^2/2 + e_phi for model errors e_a, e_phi.
        let margin = self.remainder_a * (v.abs() + self.remainder_a) + self.remainder_phi + slack;
        if u - h_perp > margin {
            Some(false)
        } else if h_perp - u > margin {
            Some(true)
        } else {
            None
        }
    }
}

/// Coefficients (in powers of `tanh x`) of the derivatives `d^n tanh x / dx^n`, n = 0 to
/// `DEGREE + 1`: `T_0 = t`, `T_(n+1) = (1 - t^2) T_n'(t)`.
fn tanh_derivatives() -> &'static [Vec<f64>; DEGREE + 2] {
    static TABLE: std::sync::OnceLock<[Vec<f64>; DEGREE + 2]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: [Vec<f64>; DEGREE + 2] = Default::default();
        table[0] = vec![0.0, 1.0];
        for n in 1..DEGREE + 2 {
            let previous = &table[n - 1];
            let derivative: Vec<f64> = previous
                .iter()
                .enumerate()
                .skip(1)
                .map(|(k, c)| k as f64 * c)
                .collect();
            let mut next = vec![0.0; derivative.len() + 2];
            for (k, c) in derivative.iter().enumerate() {
                next[k] += c;
                next[k + 2] -= c;
            }
            table[n] = next;
        }
        table
    })
}

/// `n (n-1) ... (n-k+1)`, the factor the k-th derivative brings to `d^n`.
fn falling(n: usize, k: usize) -> f64 {
    (n + 1 - k..=n).map(|i| i as f64).product()
}

fn evaluate(coefficients: &[f64], t: f64) -> f64 {
    coefficients.iter().rev().fold(0.0, |sum, c| sum * t + c)
}

/// `max |T(t)|` over `|t| <= 1`, bounded by the sum of the coefficients' magnitudes.
fn bound(coefficients: &[f64]) -> f64 {
    coefficients.iter().map(|c| c.abs()).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::RngExt;

    fn layers() -> Vec<Layer> {
        let reference = Layer::reference();
        vec![
            reference,
            Layer {
                normal_field: 0.0,
                ..reference
            },
            Layer {
                thickness_de: 0.3,
                normal_field: 0.4,
                normal_field_centre_de: -0.7,
                normal_field_width_de: 0.2,
                ..reference
            },
            Layer {
                field_ratio: 3.0,
                thickness_de: 2.5,
                normal_field: -1.5,
                ..reference
            },
            Layer {
                field_ratio: 0.2,
                thickness_de: 0.05,
                normal_field_width_de: 0.05,
                ..reference
            },
        ]
    }

    /// Both searches found no turning point, or both found one within [`RESOLUTION`] of the
    /// crossing (so within twice that of each other; both not a number for a velocity that is
    /// not one).
    fn agree(got: Option<f64>, expected: Option<f64>) -> bool {
        match (got, expected) {
            (Some(got), Some(expected)) => {
                (got - expected).abs() <= 2.0 * RESOLUTION || (got.is_nan() && expected.is_nan())
            }
            (None, None) => true,
            _ => false,
        }
    }

    #[test]
    fn the_cached_search_agrees_with_the_direct_one_to_its_resolution() {
        let mut rng = crate::synthetic::seeded_rng(15);
        let (mut decided, mut identical) = (0, 0);
        for layer in layers() {
            for _ in 0..40 {
                let z: f64 = rng.random_range(-4.0..4.0);
                let floor: f64 = if rng.random_bool(0.5) { -3.0 } else { -30.0 };
                for _ in 0..300 {
                    let speed: f64 = rng.random_range(0.0..4.0);
                    let angle: f64 = rng.random_range(0.0..std::f64::consts::TAU);
                    let (v_y, v_z) = (speed * angle.cos(), speed * angle.sin());
                    let expected = direct(&layer, z, v_y, v_z, floor);
                    let got = turning_point(&layer, z, v_y, v_z, floor);
                    identical += usize::from(
                        got.is_some() && got.map(f64::to_bits) == expected.map(f64::to_bits),
                    );
                    assert!(
                        agree(got, expected),
                        "layer {layer:?}, z {z}, v ({v_y}, {v_z}): cached {got:?} against direct {expected:?}"
                    );
                    decided += usize::from(expected.is_some());
                }
            }
        }
        assert!(
            decided > 10_000,
            "most orbits turn above the floor ({decided})"
        );
        // The bisection path still runs (and then gives direct's bits) where the polynomials
        // cannot bound the root: where U does not fall monotonically through the cell.
        assert!(
            identical > 0 && identical < decided,
            "both paths are exercised ({identical} of {decided} bit for bit)"
        );
    }

    #[test]
    fn hostile_inputs_give_the_direct_answer_to_its_resolution() {
        let layer = Layer::reference();
        for (z, v_y, v_z) in [
            (0.0, f64::NAN, 0.0),
            (0.0, f64::INFINITY, 1.0),
            (1e3, 0.5, 0.5),
            (-1e4, 1.0, 0.0),
            (1e5, 1.0, 0.0),
            (0.0, 1e150, 0.0),
            (0.0, 0.0, 0.0),
            (3.0, -1e-300, 0.0),
        ] {
            for floor in [-3.0, -30.0, f64::NEG_INFINITY] {
                let expected = direct(&layer, z, v_y, v_z, floor);
                let got = turning_point(&layer, z, v_y, v_z, floor);
                assert!(
                    agree(got, expected),
                    "z {z}, v ({v_y}, {v_z}), floor {floor}: cached {got:?} against direct {expected:?}"
                );
            }
        }
    }

    #[test]
    fn tanh_derivatives_match_the_closed_forms() {
        let table = tanh_derivatives();
        let t: f64 = 0.3;
        // tanh' = 1 - t^2, tanh'' = -2t(1 - t^2), tanh''' = (1 - t^2)(6t^2 - 2).
        let expected = [
            t,
            1.0 - t * t,
            -2.0 * t * (1.0 - t * t),
            (1.0 - t * t) * (6.0 * t * t - 2.0),
        ];
        for (n, e) in expected.iter().enumerate() {
            assert!(
                (evaluate(&table[n], t) - e).abs() < 1e-14,
                "derivative {n} of tanh"
            );
        }
    }
}
