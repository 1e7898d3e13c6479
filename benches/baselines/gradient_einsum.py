"""numpy baseline of the four-spacecraft distribution gradient (`cargo bench`'s gradient).

The gradient of a 32x16x32 distribution sampled at four spacecraft, grad f = sum_a k_a f_a
(Chanteur 1998, ISSI SR-001 ch. 14), as `np.einsum`, against summing the four arrays: the
same fixture as `mmsbook::benchmarks::gradient_fixture` (positions in metres, f = s+i+j+k).

Run by hand (numpy is not a dependency of the workbook):
    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install numpy
    /tmp/venv/bin/python benches/baselines/gradient_einsum.py
"""
import timeit

import numpy as np

POSITIONS_M = np.array([[0.0, 0.0, 0.0], [10e3, 1e3, 0.5e3], [3e3, 9.5e3, -1e3], [4e3, 3e3, 9e3]])
GRID = (32, 16, 32)  # FPI-DES: energies x polar x azimuth


def reciprocal_vectors(positions):
    """k_a (4 x 3, 1/m): sum_a k_a = 0 and sum_a k_a r_a^T = I, so sum_a k_a f_a is exact for linear f."""
    m = np.hstack([np.ones((4, 1)), positions])  # rows [1, x_a, y_a, z_a]
    return np.linalg.inv(m)[1:, :].T


def main():
    k = reciprocal_vectors(POSITIONS_M)
    s, i, j, l = np.meshgrid(np.arange(4), *(np.arange(n) for n in GRID), indexing="ij")
    f = (s + i + j + l).astype(np.float64)  # shape (4, 32, 16, 32)
    f1, f2, f3, f4 = f  # four separate arrays, like four spacecraft
    fs = [np.ascontiguousarray(x) for x in (f1, f2, f3, f4)]
    stacked = np.ascontiguousarray(f)

    def einsum():
        return np.einsum("ai,a...->i...", k, stacked)

    def summed():
        return fs[0] + fs[1] + fs[2] + fs[3]

    assert np.allclose(einsum()[0], sum(k[a, 0] * fs[a] for a in range(4)))
    number = 200
    for label, func in (("numpy einsum gradient", einsum), ("summing the four arrays", summed)):
        runs = timeit.repeat(func, number=number, repeat=7)
        per_call = sorted(runs)[len(runs) // 2] / number
        print(f"{label}: {per_call * 1e6:.1f} us per call (median of 7 x {number}; numpy {np.__version__})")


if __name__ == "__main__":
    main()
