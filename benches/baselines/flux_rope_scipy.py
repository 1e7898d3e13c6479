"""scipy baseline of the flux-rope original-model solve (`cargo bench`'s flux_rope_solve).

Yang et al.'s rope with Table 1's constants and every b = 0 (Vinogradov et al. 2016, Eqs. 2-3):
quasi-neutrality solved for the potential with `brentq` at every right-hand side, Ampere's law
integrated by `solve_ivp` (DOP853, rtol 1e-10) from 0 to 500 km, output at 5001 points: the
"scipy way" that `mmsbook::flux_rope::equilibrium::solve_original` is measured against.

Run by hand (numpy and scipy are not dependencies of the workbook):
    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install numpy scipy
    /tmp/venv/bin/python benches/baselines/flux_rope_scipy.py

It prints the time per solve and B_z, B_phi at a few radii, to compare with the Rust profile
(`regen` writes it to figures/yang.profiles.csv for the adopted reading; the original model
is what `solve_original` returns).
"""
import math
import time

import numpy as np
import scipy
from scipy.integrate import solve_ivp
from scipy.optimize import brentq

E = 1.602176634e-19  # C
ME = 9.1093837015e-31  # kg
MU0 = 1.25663706212e-6  # N/A^2

# Table 1 (SI), every b = 0.
ALPHA_R, ALPHA_Z = 0.75, 0.35
N_I = 42e6  # m^-3
B0Z = 22e-9  # T
OMEGA = 5.75  # rad/s
V = 216e3  # m/s
T_B = 34.8 * E  # J
TAU_R, TAU_Z, TAU_I = 1.05, 0.4, 3.7
T_R, T_Z, T_I = TAU_R * T_B, TAU_Z * T_B, TAU_I * T_B
W_B, W_R, W_Z = 1.0 + ALPHA_R - ALPHA_Z, -ALPHA_R, ALPHA_Z
# N_e(0) = N_i(0) at phi = 0, A = 0, rho = 0 fixes n_e.
N_E = N_I / (W_B + W_R + W_Z * math.exp(0.5 * ME * V * V / T_Z))
RHO_MAX, POINTS = 500e3, 5001
POTENTIAL_TOLERANCE = 1e-13  # in T_b / e, as the Rust solver


def densities(x, rho, a_phi, a_z):
    """Ion density and the three electron components' signed densities at x = e phi / T_b."""
    phi_e = x * T_B  # e phi, J
    ion = N_I * math.exp(-phi_e / T_I)
    n_b = N_E * W_B * math.exp(phi_e / T_B)
    n_r = N_E * W_R * math.exp((phi_e - E * OMEGA * rho * a_phi + 0.5 * ME * OMEGA**2 * rho**2) / T_R)
    n_z = N_E * W_Z * math.exp((phi_e - E * V * a_z + 0.5 * ME * V * V) / T_Z)
    return ion, n_b, n_r, n_z


class Rhs:
    def __init__(self):
        self.last_x = 0.0

    def potential(self, rho, a_phi, a_z):
        def imbalance(x):
            ion, n_b, n_r, n_z = densities(x, rho, a_phi, a_z)
            return (ion - n_b - n_r - n_z) / N_I

        half = 0.05
        while True:
            low, high = self.last_x - half, self.last_x + half
            if imbalance(low) * imbalance(high) <= 0.0:
                break
            half *= 2.0
        self.last_x = brentq(imbalance, low, high, xtol=POTENTIAL_TOLERANCE)
        return self.last_x

    def __call__(self, rho, y):
        psi, b_z, a_z, chi = y
        a_phi = psi / rho if rho > 0 else 0.0
        b_phi = chi / rho if rho > 0 else 0.0
        x = self.potential(rho, a_phi, a_z)
        _, _, n_r, n_z = densities(x, rho, a_phi, a_z)
        j_phi = -E * n_r * OMEGA * rho
        j_z = -E * n_z * V
        return [rho * b_z, -MU0 * j_phi, -b_phi, MU0 * rho * j_z]


def solve():
    rho = np.linspace(0.0, RHO_MAX, POINTS)
    # Absolute tolerances on the scale of each state component (SI values are tiny).
    scale = np.array([B0Z * RHO_MAX**2, B0Z, B0Z * RHO_MAX, B0Z * RHO_MAX])
    return solve_ivp(Rhs(), (0.0, RHO_MAX), [0.0, B0Z, 0.0, 0.0], method="DOP853", t_eval=rho, rtol=1e-10, atol=1e-10 * scale)


def main():
    times = []
    for _ in range(2):
        start = time.perf_counter()
        result = solve()
        times.append(time.perf_counter() - start)
    assert result.success, result.message
    print(f"scipy solve_ivp DOP853 + brentq: {min(times) * 1e3:.0f}-{max(times) * 1e3:.0f} ms per solve "
          f"({POINTS} points, {result.nfev} right-hand sides; scipy {scipy.__version__})")
    for km in (0, 50, 100, 200, 500):
        i = km * (POINTS - 1) // 500
        rho = result.t[i]
        b_phi = result.y[3, i] / rho if rho > 0 else 0.0
        print(f"  rho = {km:3d} km: B_z = {result.y[1, i] * 1e9:.10f} nT, B_phi = {b_phi * 1e9:.10f} nT")


if __name__ == "__main__":
    main()
