//! The FPI sky-map grid of one record (azimuth x polar angle x energy, look directions in
//! DBCS): the velocity of each bin, a distribution resampled onto another record's grid, and
//! a distribution read at any velocity, by linear interpolation in azimuth (periodic), polar
//! angle and log energy.
//!
//! Four spacecraft do not sample the same bins: each record's azimuths follow its own spin
//! phase and the burst energy table alternates between two interleaved tables. A gradient
//! taken bin by bin (Shuster et al. 2026, Methods) must therefore first put the four
//! distributions on one grid; the two resamplings are separable (one shift along azimuth,
//! one along energy), so they cost two passes over the record.

use crate::plasma::constants::{ELECTRON_MASS, ELEMENTARY_CHARGE};
use nalgebra::Vector3;

/// Why a record's tables are not a sky map.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SkyGridError {
    /// Azimuths not evenly spaced round the circle, or polar angles not evenly spaced.
    #[error("{table} bins are not evenly spaced (bin {bin} at {value_deg} deg)")]
    Uneven {
        /// `phi` or `theta`.
        table: &'static str,
        /// The first bin out of place.
        bin: usize,
        /// Its angle, deg.
        value_deg: f64,
    },
    /// Energies not positive and increasing.
    #[error("energies are not positive and increasing (channel {channel}: {value_ev} eV)")]
    Energies {
        /// The first channel out of order.
        channel: usize,
        /// Its energy, eV.
        value_ev: f64,
    },
    /// Two grids with different polar-angle tables (FPI's is fixed).
    #[error("polar-angle tables differ")]
    ThetaMismatch,
}

/// Angles agree to this fraction of a bin: the tables are printed to 0.01 deg or better.
const ANGLE_TOLERANCE: f64 = 0.01;

/// A record's bins: azimuths and polar angles (deg, look directions) and energies (eV).
#[derive(Debug, Clone, PartialEq)]
pub struct SkyGrid {
    phi_deg: Vec<f64>,
    theta_deg: Vec<f64>,
    energy_ev: Vec<f64>,
    phi_step: f64,
    theta_step: f64,
}

/// Two neighbouring bins and the weight of the upper one.
#[derive(Debug, Clone, Copy)]
struct Bracket {
    lower: usize,
    upper: usize,
    weight: f64,
}

impl SkyGrid {
    /// A grid from a record's tables.
    ///
    /// # Errors
    /// [`SkyGridError`] for uneven angles or energies that do not increase.
    pub fn new(
        phi_deg: &[f64],
        theta_deg: &[f64],
        energy_ev: &[f64],
    ) -> Result<Self, SkyGridError> {
        let phi_step = 360.0 / phi_deg.len().max(1) as f64;
        for (bin, &phi) in phi_deg.iter().enumerate() {
            let expected = phi_deg[0] + bin as f64 * phi_step;
            let off = (phi - expected).rem_euclid(360.0);
            if !(off.min(360.0 - off) <= ANGLE_TOLERANCE * phi_step) {
                return Err(SkyGridError::Uneven {
                    table: "phi",
                    bin,
                    value_deg: phi,
                });
            }
        }
        let theta_step = if theta_deg.len() > 1 {
            (theta_deg[theta_deg.len() - 1] - theta_deg[0]) / (theta_deg.len() - 1) as f64
        } else {
            180.0
        };
        for (bin, &theta) in theta_deg.iter().enumerate() {
            if !((theta - theta_deg[0] - bin as f64 * theta_step).abs()
                <= ANGLE_TOLERANCE * theta_step.abs())
            {
                return Err(SkyGridError::Uneven {
                    table: "theta",
                    bin,
                    value_deg: theta,
                });
            }
        }
        for (channel, &e) in energy_ev.iter().enumerate() {
            if !(e > 0.0 && e.is_finite()) || (channel > 0 && e <= energy_ev[channel - 1]) {
                return Err(SkyGridError::Energies {
                    channel,
                    value_ev: e,
                });
            }
        }
        Ok(Self {
            phi_deg: phi_deg.to_vec(),
            theta_deg: theta_deg.to_vec(),
            energy_ev: energy_ev.to_vec(),
            phi_step,
            theta_step,
        })
    }

    /// `[azimuths, polar angles, energies]`.
    pub fn shape(&self) -> [usize; 3] {
        [
            self.phi_deg.len(),
            self.theta_deg.len(),
            self.energy_ev.len(),
        ]
    }

    /// Bins in a record.
    pub fn len(&self) -> usize {
        self.phi_deg.len() * self.theta_deg.len() * self.energy_ev.len()
    }

    /// Whether the grid has no bins.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The energies, eV.
    pub fn energies_ev(&self) -> &[f64] {
        &self.energy_ev
    }

    /// Speed of an electron of energy `energy_ev`, m/s: `sqrt(2 E / m_e)`.
    pub fn speed_m_s(energy_ev: f64) -> f64 {
        (2.0 * energy_ev * ELEMENTARY_CHARGE / ELECTRON_MASS).sqrt()
    }

    /// Velocity (m/s, DBCS) of the electrons counted in bin `(phi, theta, energy)`: opposite
    /// to the look direction.
    pub fn velocity(&self, phi: usize, theta: usize, energy: usize) -> Vector3<f64> {
        let (sin_p, cos_p) = self.phi_deg[phi].to_radians().sin_cos();
        let (sin_t, cos_t) = self.theta_deg[theta].to_radians().sin_cos();
        -Self::speed_m_s(self.energy_ev[energy]) * Vector3::new(sin_t * cos_p, sin_t * sin_p, cos_t)
    }

    fn phi_bracket(&self, phi_deg: f64) -> Bracket {
        let n = self.phi_deg.len();
        let s = (phi_deg - self.phi_deg[0]).rem_euclid(360.0) / self.phi_step;
        let lower = (s.floor() as usize).min(n - 1);
        Bracket {
            lower,
            upper: (lower + 1) % n,
            weight: (s - s.floor()).clamp(0.0, 1.0),
        }
    }

    fn theta_bracket(&self, theta_deg: f64) -> Bracket {
        let n = self.theta_deg.len();
        if n < 2 {
            return Bracket {
                lower: 0,
                upper: 0,
                weight: 0.0,
            };
        }
        let s = ((theta_deg - self.theta_deg[0]) / self.theta_step).clamp(0.0, (n - 1) as f64);
        let lower = (s.floor() as usize).min(n - 2);
        Bracket {
            lower,
            upper: lower + 1,
            weight: s - lower as f64,
        }
    }

    /// Linear in log energy; held at the end channels outside the table.
    fn energy_bracket(&self, energy_ev: f64) -> Bracket {
        let e = &self.energy_ev;
        let n = e.len();
        if n < 2 {
            return Bracket {
                lower: 0,
                upper: 0,
                weight: 0.0,
            };
        }
        let upper = e.partition_point(|&x| x < energy_ev).clamp(1, n - 1);
        let lower = upper - 1;
        let weight = ((energy_ev / e[lower]).ln() / (e[upper] / e[lower]).ln()).clamp(0.0, 1.0);
        Bracket {
            lower,
            upper,
            weight,
        }
    }

    /// `values` (this grid's bins, row-major `[phi][theta][energy]`) at velocity `v` (m/s,
    /// DBCS), by trilinear interpolation.
    pub fn sample(&self, values: &[f64], v: &Vector3<f64>) -> f64 {
        let speed = v.norm();
        if !(speed > 0.0) {
            return f64::NAN;
        }
        let look = -v / speed;
        let theta = look.z.clamp(-1.0, 1.0).acos().to_degrees();
        let phi = look.y.atan2(look.x).to_degrees();
        let energy = 0.5 * ELECTRON_MASS * speed * speed / ELEMENTARY_CHARGE;
        let [_, n_theta, n_energy] = self.shape();
        let (p, t, e) = (
            self.phi_bracket(phi),
            self.theta_bracket(theta),
            self.energy_bracket(energy),
        );
        let mut total = 0.0;
        for (ip, wp) in [(p.lower, 1.0 - p.weight), (p.upper, p.weight)] {
            for (it, wt) in [(t.lower, 1.0 - t.weight), (t.upper, t.weight)] {
                for (ie, we) in [(e.lower, 1.0 - e.weight), (e.upper, e.weight)] {
                    total += wp * wt * we * values[(ip * n_theta + it) * n_energy + ie];
                }
            }
        }
        total
    }

    /// Resamples `values` on this grid onto `target`'s bins, into `out`, using `scratch` (both
    /// of `target.len()`): one linear shift along azimuth, one along log energy.
    ///
    /// # Errors
    /// [`SkyGridError::ThetaMismatch`] if the polar angles differ (they are fixed in FPI).
    pub fn resample_into(
        &self,
        values: &[f64],
        target: &SkyGrid,
        scratch: &mut [f64],
        out: &mut [f64],
    ) -> Result<(), SkyGridError> {
        let [n_phi, n_theta, n_energy] = self.shape();
        let same_theta = self.theta_deg.len() == target.theta_deg.len()
            && self
                .theta_deg
                .iter()
                .zip(&target.theta_deg)
                .all(|(a, b)| (a - b).abs() <= ANGLE_TOLERANCE * self.theta_step.abs());
        if !same_theta || target.phi_deg.len() != n_phi {
            return Err(SkyGridError::ThetaMismatch);
        }
        let row = n_theta * n_energy;
        for (j, &phi) in target.phi_deg.iter().enumerate() {
            let b = self.phi_bracket(phi);
            let (lo, hi) = (
                &values[b.lower * row..(b.lower + 1) * row],
                &values[b.upper * row..(b.upper + 1) * row],
            );
            for ((s, &a), &c) in scratch[j * row..(j + 1) * row].iter_mut().zip(lo).zip(hi) {
                *s = a + b.weight * (c - a);
            }
        }
        let target_energy = &target.energy_ev;
        let brackets: Vec<Bracket> = target_energy
            .iter()
            .map(|&e| self.energy_bracket(e))
            .collect();
        let n_target_energy = target_energy.len();
        for (source, destination) in scratch
            .chunks_exact(n_energy)
            .zip(out.chunks_exact_mut(n_target_energy))
        {
            for (d, b) in destination.iter_mut().zip(&brackets) {
                let (a, c) = (source[b.lower], source[b.upper]);
                *d = a + b.weight * (c - a);
            }
        }
        Ok(())
    }

    /// Whether `other` has the same bins (to a hundredth of a bin), so no resampling is needed.
    pub fn same_bins(&self, other: &SkyGrid) -> bool {
        let close = |a: &[f64], b: &[f64], tolerance: f64| {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| (x - y).abs() <= tolerance)
        };
        close(
            &self.phi_deg,
            &other.phi_deg,
            ANGLE_TOLERANCE * self.phi_step,
        ) && close(
            &self.theta_deg,
            &other.theta_deg,
            ANGLE_TOLERANCE * self.theta_step.abs(),
        ) && self.energy_ev.len() == other.energy_ev.len()
            && self
                .energy_ev
                .iter()
                .zip(&other.energy_ev)
                .all(|(a, b)| (a / b - 1.0).abs() < 1e-6)
    }
}
