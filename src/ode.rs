//! One classical fourth-order Runge–Kutta step, shared by the equilibrium solvers (the
//! Lembège–Pellat sheet, the flux rope) whose right-hand sides may fail (no potential root).

/// Advances `y` at `x` by `h` with `dy/dx = f(x, y)`, RK4. The error of `f` is passed on.
///
/// ```
/// // dy/dx = y from y(0) = 1: one step of 0.1 matches e^0.1 to RK4's fifth-order error.
/// let y = mmsbook::ode::rk4_step(0.0, 0.1, &[1.0], |_, y| Ok::<_, ()>([y[0]])).unwrap();
/// assert!((y[0] - 0.1f64.exp()).abs() < 1e-7);
/// ```
///
/// # Errors
/// The first error `f` returns.
pub fn rk4_step<const N: usize, E>(
    x: f64,
    h: f64,
    y: &[f64; N],
    mut f: impl FnMut(f64, &[f64; N]) -> Result<[f64; N], E>,
) -> Result<[f64; N], E> {
    let k1 = f(x, y)?;
    rk4_step_from(x, h, y, k1, f)
}

/// [`rk4_step`] with the first stage's slope `k1 = f(x, y)` already known (a solver that
/// stores the solution at `x` has evaluated it there), saving one evaluation of `f`.
///
/// # Errors
/// The first error `f` returns.
pub fn rk4_step_from<const N: usize, E>(
    x: f64,
    h: f64,
    y: &[f64; N],
    k1: [f64; N],
    mut f: impl FnMut(f64, &[f64; N]) -> Result<[f64; N], E>,
) -> Result<[f64; N], E> {
    let add = |y: &[f64; N], k: &[f64; N], scale: f64| -> [f64; N] {
        std::array::from_fn(|j| y[j] + scale * k[j])
    };
    let k2 = f(x + 0.5 * h, &add(y, &k1, 0.5 * h))?;
    let k3 = f(x + 0.5 * h, &add(y, &k2, 0.5 * h))?;
    let k4 = f(x + h, &add(y, &k3, h))?;
    Ok(std::array::from_fn(|j| {
        y[j] + h / 6.0 * (k1[j] + 2.0 * k2[j] + 2.0 * k3[j] + k4[j])
    }))
}
