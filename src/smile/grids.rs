//! Velocity grids in field-aligned components `[v_par, v_perp1, v_perp2]`: a Cartesian cube,
//! an FPI-DES-like spherical grid (energy x polar x azimuth), and a ring in the perpendicular
//! plane, and distributions sampled on them.

use super::crescent::fac_to_layer;
use super::error::{SmileError, positive};
use super::phase_space::ElectronLayer;
use ndarray::{ArrayD, IxDyn};
use std::f64::consts::PI;

/// Where in velocity space a distribution is sampled.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum VelocityGrid {
    /// `points` per axis, cell centres on `[-v_max, v_max]` in each component.
    Cartesian {
        /// Points per axis.
        points: usize,
        /// Half-width, `d_e Omega_ce`.
        v_max: f64,
    },
    /// Log-spaced speeds x polar angle from B x azimuth around B, bin centres.
    Spherical {
        /// Number of energies.
        energies: usize,
        /// Number of polar bins.
        polar: usize,
        /// Number of azimuth bins (0 along `v_perp1`).
        azimuth: usize,
        /// Lowest and highest speed, `d_e Omega_ce`.
        speeds: (f64, f64),
    },
    /// `count` gyrophases on the perpendicular ring of the given speed.
    Ring {
        /// Ring speed, `d_e Omega_ce`.
        speed: f64,
        /// Number of gyrophases.
        count: usize,
    },
}

impl VelocityGrid {
    /// FPI-DES-like: 32 energies x 16 polar x 32 azimuths, speeds from 0.1 to 4 thermal speeds.
    pub fn fpi_des(thermal_speed: f64) -> Self {
        VelocityGrid::Spherical {
            energies: 32,
            polar: 16,
            azimuth: 32,
            speeds: (0.1 * thermal_speed, 4.0 * thermal_speed),
        }
    }

    /// Checks the grid has points and positive, finite, ordered speeds.
    ///
    /// # Errors
    /// [`SmileError::NonPositive`] naming the bad size or speed.
    pub fn validate(&self) -> Result<(), SmileError> {
        let count = |parameter, n: usize| positive(parameter, n as f64).map(|_| ());
        match *self {
            VelocityGrid::Cartesian { points, v_max } => {
                count("Cartesian points per axis", points)?;
                positive("Cartesian v_max", v_max)?;
            }
            VelocityGrid::Spherical {
                energies,
                polar,
                azimuth,
                speeds: (low, high),
            } => {
                count("number of energies", energies)?;
                count("number of polar bins", polar)?;
                count("number of azimuth bins", azimuth)?;
                positive("lowest speed", low)?;
                positive("highest speed minus lowest", high - low)?;
            }
            VelocityGrid::Ring { speed, count: n } => {
                count("ring points", n)?;
                positive("ring speed", speed)?;
            }
        }
        Ok(())
    }

    /// Array shape of a distribution on this grid.
    pub fn shape(&self) -> Vec<usize> {
        match *self {
            VelocityGrid::Cartesian { points, .. } => vec![points; 3],
            VelocityGrid::Spherical {
                energies,
                polar,
                azimuth,
                ..
            } => vec![energies, polar, azimuth],
            VelocityGrid::Ring { count, .. } => vec![count],
        }
    }

    /// Every grid velocity in field-aligned components, in the array's row-major order.
    pub fn velocities(&self) -> Vec<[f64; 3]> {
        match *self {
            VelocityGrid::Cartesian { points, v_max } => {
                let axis = |i: usize| -v_max + (i as f64 + 0.5) * 2.0 * v_max / points as f64;
                let mut all = Vec::with_capacity(points.pow(3));
                for i in 0..points {
                    for j in 0..points {
                        for k in 0..points {
                            all.push([axis(i), axis(j), axis(k)]);
                        }
                    }
                }
                all
            }
            VelocityGrid::Spherical {
                energies,
                polar,
                azimuth,
                speeds: (low, high),
            } => {
                let ratio = (high / low).powf(1.0 / (energies.max(2) - 1) as f64);
                // The angles' sines and cosines once, not once per bin (they were a tenth of
                // sampling a smile distribution).
                let polar_angles: Vec<(f64, f64)> = (0..polar)
                    .map(|p| (PI * (p as f64 + 0.5) / polar as f64).sin_cos())
                    .collect();
                let azimuths: Vec<(f64, f64)> = (0..azimuth)
                    .map(|a| (2.0 * PI * (a as f64 + 0.5) / azimuth as f64).sin_cos())
                    .collect();
                let mut all = Vec::with_capacity(energies * polar * azimuth);
                for e in 0..energies {
                    let speed = low * ratio.powi(e as i32);
                    for &(sin_t, cos_t) in &polar_angles {
                        for &(sin_a, cos_a) in &azimuths {
                            all.push([speed * cos_t, speed * sin_t * cos_a, speed * sin_t * sin_a]);
                        }
                    }
                }
                all
            }
            VelocityGrid::Ring { speed, count } => (0..count)
                .map(|k| {
                    let (s, c) = (2.0 * PI * k as f64 / count as f64 - PI).sin_cos();
                    [0.0, speed * c, speed * s]
                })
                .collect(),
        }
    }

    /// Velocity-space volume of each grid cell, in array order (`None` for a ring, which has
    /// no volume).
    pub fn cell_volumes(&self) -> Option<Vec<f64>> {
        match *self {
            VelocityGrid::Cartesian { points, v_max } => {
                Some(vec![(2.0 * v_max / points as f64).powi(3); points.pow(3)])
            }
            VelocityGrid::Spherical {
                energies,
                polar,
                azimuth,
                speeds: (low, high),
            } => {
                let log_step = (high / low).ln() / (energies.max(2) - 1) as f64;
                let (d_theta, d_phi) = (PI / polar as f64, 2.0 * PI / azimuth as f64);
                let mut volumes = Vec::with_capacity(energies * polar * azimuth);
                for e in 0..energies {
                    let speed = low * (log_step * e as f64).exp();
                    // Log-spaced shells: dv = v d(ln v).
                    let shell = speed.powi(3) * log_step;
                    for p in 0..polar {
                        let sin_theta = (PI * (p as f64 + 0.5) / polar as f64).sin();
                        volumes.extend(std::iter::repeat_n(
                            shell * sin_theta * d_theta * d_phi,
                            azimuth,
                        ));
                    }
                }
                Some(volumes)
            }
            VelocityGrid::Ring { .. } => None,
        }
    }

    /// `sum_cells g(v) values(v) dV`: a velocity moment of `values` (same order as the grid),
    /// with `g` of the field-aligned velocity; `None` for a ring.
    pub fn integrate(&self, values: &ArrayD<f64>, g: impl Fn([f64; 3]) -> f64) -> Option<f64> {
        let volumes = self.cell_volumes()?;
        Some(
            self.velocities()
                .iter()
                .zip(values.iter())
                .zip(volumes)
                .map(|((v, f), dv)| g(*v) * f * dv)
                .sum(),
        )
    }

    /// The model's distribution at `z` (d_e) on this grid.
    pub fn sample(&self, model: &(impl ElectronLayer + ?Sized), z: f64) -> SampledDistribution {
        let velocities: Vec<[f64; 3]> = self.velocities().into_iter().map(fac_to_layer).collect();
        let values = model.phase_space_densities(z, &velocities);
        SampledDistribution {
            grid: *self,
            values: ArrayD::from_shape_vec(IxDyn(&self.shape()), values)
                .expect("grid shape matches its velocities"),
        }
    }
}

/// A distribution on a known grid.
#[derive(Debug, Clone, PartialEq)]
pub struct SampledDistribution {
    /// The grid.
    pub grid: VelocityGrid,
    /// Phase-space density per grid point, `n_MSH / (d_e Omega_ce)^3`.
    pub values: ArrayD<f64>,
}
