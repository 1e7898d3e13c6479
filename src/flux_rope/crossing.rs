//! A virtual MMS crossing of the model rope (Sec. 4, Figure 2): four spacecraft on parallel
//! straight lines through the rope's rest frame, the field they sample, and the times and
//! places where each crosses each field-strength contour.
//!
//! Geometry: the rope axis is M; in the LN plane the model's Cartesian axes are `x = N`,
//! `y = L` (so that `(x, y, z) = (N, L, M)` is right-handed like `(rho, phi, z)`).

use super::equilibrium::Profile;
use super::error::{FluxRopeError, positive};
use crate::plasma::units;

/// One of the four MMS spacecraft: an index that cannot be out of range, so that asking a
/// [`Formation`] for a fifth spacecraft does not compile rather than panicking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Spacecraft {
    /// MMS1.
    Mms1,
    /// MMS2.
    Mms2,
    /// MMS3.
    Mms3,
    /// MMS4.
    Mms4,
}

impl Spacecraft {
    /// The four, in order.
    pub const ALL: [Spacecraft; 4] = [
        Spacecraft::Mms1,
        Spacecraft::Mms2,
        Spacecraft::Mms3,
        Spacecraft::Mms4,
    ];

    /// 0-based index into a formation's arrays.
    pub const fn index(self) -> usize {
        self as usize
    }

    /// 1-based number, as in "MMS1".
    pub const fn number(self) -> usize {
        self as usize + 1
    }
}

impl TryFrom<usize> for Spacecraft {
    type Error = FluxRopeError;

    /// The spacecraft of 0-based index `k`.
    ///
    /// # Errors
    /// [`FluxRopeError::NoSuchSpacecraft`] for `k >= 4`.
    fn try_from(k: usize) -> Result<Self, FluxRopeError> {
        Spacecraft::ALL
            .get(k)
            .copied()
            .ok_or(FluxRopeError::NoSuchSpacecraft { index: k })
    }
}

/// Four spacecraft and how they move through the rope's rest frame.
#[derive(Debug, Clone, PartialEq)]
pub struct Formation {
    /// Positions at t = 0 relative to the rope centre, `[L, M, N]`, m.
    pub positions_lmn_m: [[f64; 3]; 4],
    /// Spacecraft velocity in the rope frame, `[L, M, N]`, m/s (the reverse of the ion flow
    /// seen by the spacecraft).
    pub velocity_lmn_ms: [f64; 3],
    /// Sampling rate, Hz.
    pub sample_rate_hz: f64,
    /// Samples run over `[-duration/2, duration/2]`, s.
    pub duration_s: f64,
}

/// Perpendicular speed of the rope past the spacecraft (Sec. 2), m/s.
pub const PERPENDICULAR_SPEED_MS: f64 = units::km(super::published::PERPENDICULAR_SPEED_KM_S.value);
/// Parallel component of the spacecraft velocity (Sec. 4), m/s.
pub const PARALLEL_SPEED_MS: f64 = units::km(super::published::PARALLEL_SPEED_KM_S.value);
/// Most samples per spacecraft a [`Formation`] may ask for: an hour of 128 Hz burst data
/// (the chapter's crossing has 129), so a 1e13 s duration is refused rather than allocated.
pub const MAX_SAMPLES: usize = 128 * 3600;
/// FGM burst sampling rate, Hz.
pub const SAMPLE_RATE_HZ: f64 = 128.0;

impl Formation {
    /// The chapter's crossing: a regular tetrahedron of 10 km sides (the paper's average MMS
    /// separation), its barycentre passing 4 km from the axis on the -L side, moving along -N at 170 km/s
    /// and along -M at 140 km/s (so that the plasma streams parallel to B past the
    /// spacecraft), sampled at 128 Hz for 1 s.
    pub fn chapter() -> Self {
        Formation::regular(10.0, [0.3, 0.9, 0.2], [-4.0, 0.0])
    }

    /// A regular tetrahedron of side `side_km`, rotated by the angles `[yaw, pitch, roll]`
    /// (rad), with its barycentre offset `[L, N]` (km) from the axis at t = 0, moving like
    /// [`Formation::chapter`].
    pub fn regular(side_km: f64, angles_rad: [f64; 3], offset_ln_km: [f64; 2]) -> Self {
        // Vertex order chosen so that MMS1 passes closest to the axis, as in the event.
        let [a, b, c, d] = crate::tetrahedron::regular_vertices(side_km, angles_rad);
        let positions_lmn_m = [a, d, b, c].map(|v| {
            [
                units::km(v[0] + offset_ln_km[0]),
                units::km(v[1]),
                units::km(v[2] + offset_ln_km[1]),
            ]
        });
        Formation {
            positions_lmn_m,
            velocity_lmn_ms: [0.0, -PARALLEL_SPEED_MS, -PERPENDICULAR_SPEED_MS],
            sample_rate_hz: SAMPLE_RATE_HZ,
            duration_s: 1.0,
        }
    }

    /// Sample times, s.
    ///
    /// # Errors
    /// [`FluxRopeError`] for a bad formation, or more than [`MAX_SAMPLES`] samples.
    pub fn times_s(&self) -> Result<Vec<f64>, FluxRopeError> {
        self.validate()?;
        let samples = (self.duration_s * self.sample_rate_hz).round() + 1.0;
        if samples > MAX_SAMPLES as f64 {
            return Err(FluxRopeError::TooLarge {
                parameter: "samples (duration_s x sample_rate_hz + 1)",
                value: samples,
                limit: MAX_SAMPLES as f64,
            });
        }
        Ok((0..samples as usize)
            .map(|k| -0.5 * self.duration_s + k as f64 / self.sample_rate_hz)
            .collect())
    }

    /// Where spacecraft `k` is at time `t_s`, `[L, M, N]`, m, if it moves with `velocity`.
    pub fn position(&self, k: Spacecraft, t_s: f64, velocity_lmn_ms: [f64; 3]) -> [f64; 3] {
        std::array::from_fn(|i| self.positions_lmn_m[k.index()][i] + velocity_lmn_ms[i] * t_s)
    }

    /// Closest approach of spacecraft `k`'s path to the axis, m.
    pub fn closest_approach_m(&self, k: Spacecraft) -> f64 {
        let [l, _, n] = self.positions_lmn_m[k.index()];
        let [w_l, _, w_n] = self.velocity_lmn_ms;
        // Distance from the origin to the line through (l, n) along (w_l, w_n).
        (l * w_n - n * w_l).abs() / w_l.hypot(w_n)
    }

    pub(crate) fn validate(&self) -> Result<(), FluxRopeError> {
        positive("sample_rate_hz (Hz)", self.sample_rate_hz)?;
        positive("duration_s (s)", self.duration_s)?;
        for value in self.positions_lmn_m.iter().flatten() {
            super::error::finite("formation position (m)", *value)?;
        }
        for value in &self.velocity_lmn_ms {
            super::error::finite("formation velocity (m/s)", *value)?;
        }
        Ok(())
    }
}

/// The model field `[B_L, B_M, B_N]` (T) at the point `[L, M, N]` (m) for a rope centred at
/// `centre_ln_m` (`[L, N]`).
pub fn field_lmn(profile: &Profile, point_lmn_m: [f64; 3], centre_ln_m: [f64; 2]) -> [f64; 3] {
    let (dl, dn) = (
        point_lmn_m[0] - centre_ln_m[0],
        point_lmn_m[2] - centre_ln_m[1],
    );
    let rho = dl.hypot(dn);
    let b_z = profile.interpolate(rho, |i| profile.b_z_t[i]);
    let b_phi = profile.interpolate(rho, |i| profile.b_phi_t[i]);
    if rho == 0.0 {
        return [0.0, b_z, 0.0];
    }
    // phi-hat = z-hat x rho-hat with x = N, y = L: (-sin phi, cos phi) in (N, L).
    let (sin_phi, cos_phi) = (dl / rho, dn / rho);
    [b_phi * cos_phi, b_z, -b_phi * sin_phi]
}

/// The model current density `[J_L, J_M, J_N]` (A/m^2) at the point `[L, M, N]` (m) for a
/// rope centred at `centre_ln_m`: the electrons' `-e n u` of the closed-form moments (the
/// ions are at rest in the rope frame), rotated like [`field_lmn`].
pub fn current_lmn(profile: &Profile, point_lmn_m: [f64; 3], centre_ln_m: [f64; 2]) -> [f64; 3] {
    let (dl, dn) = (
        point_lmn_m[0] - centre_ln_m[0],
        point_lmn_m[2] - centre_ln_m[1],
    );
    let rho = dl.hypot(dn);
    let j_z = profile.interpolate(rho, |i| profile.electrons[i].j_z_am2);
    let j_phi = profile.interpolate(rho, |i| profile.electrons[i].j_phi_am2);
    if rho == 0.0 {
        return [0.0, j_z, 0.0];
    }
    let (sin_phi, cos_phi) = (dl / rho, dn / rho);
    [j_phi * cos_phi, j_z, -j_phi * sin_phi]
}

/// The curlometer current `curl B / mu0` (A/m^2, `[L, M, N]`) of the four spacecraft of
/// `formation` at time `t_s`, in the field of `profile`.
///
/// # Errors
/// [`FluxRopeError::Curlometer`] if the four positions do not span a volume.
pub fn curlometer_lmn(
    profile: &Profile,
    formation: &Formation,
    t_s: f64,
) -> Result<[f64; 3], FluxRopeError> {
    use nalgebra::Vector3;
    let positions: [[f64; 3]; 4] =
        Spacecraft::ALL.map(|k| formation.position(k, t_s, formation.velocity_lmn_ms));
    let tetrahedron = crate::tetrahedron::Tetrahedron::new(positions)
        .map_err(|e| FluxRopeError::Curlometer(e.to_string()))?;
    let fields: [Vector3<f64>; 4] =
        positions.map(|p| Vector3::from(field_lmn(profile, p, [0.0, 0.0])));
    let curl = tetrahedron
        .curl(&fields)
        .map_err(|e| FluxRopeError::Curlometer(e.to_string()))?
        / crate::plasma::constants::VACUUM_PERMEABILITY;
    Ok([curl[0], curl[1], curl[2]])
}

/// One contour crossing: when and where, and whether inbound or outbound.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Intersection {
    /// The spacecraft.
    pub spacecraft: Spacecraft,
    /// Contour, T.
    pub level_t: f64,
    /// Time, s.
    pub time_s: f64,
    /// `true` on the way in (field rising).
    pub inbound: bool,
}

/// The first time `series` reaches `level` and the last time it is still above it, each by
/// linear interpolation between samples: the inbound and outbound crossings. `None` if the
/// series never crosses, or the crossing times are not finite (a NaN time or sample).
pub fn crossing_times(times_s: &[f64], series: &[f64], level: f64) -> Option<(f64, f64)> {
    // A series without a time for every sample has no crossing times to give.
    if times_s.len() != series.len() {
        return None;
    }
    let first = series.iter().position(|&b| b >= level)?;
    let last = series.iter().rposition(|&b| b >= level)?;
    if first == 0 || last + 1 >= series.len() {
        return None;
    }
    let interpolate = |a: usize, b: usize| {
        times_s[a] + (level - series[a]) / (series[b] - series[a]) * (times_s[b] - times_s[a])
    };
    let (t_in, t_out) = (interpolate(first - 1, first), interpolate(last, last + 1));
    (t_in.is_finite() && t_out.is_finite()).then_some((t_in, t_out))
}

/// Every spacecraft's crossings of every contour in `levels_t` (T), from the field-strength
/// series `series[k]` sampled at `times_s`.
///
/// # Errors
/// [`FluxRopeError::MissingCrossing`] if a spacecraft does not cross a contour twice.
pub fn intersections(
    times_s: &[f64],
    series: &[Vec<f64>],
    levels_t: &[f64],
) -> Result<Vec<Intersection>, FluxRopeError> {
    if let Some(samples) = series.iter().find(|s| s.len() != times_s.len()) {
        return Err(FluxRopeError::NonPositive {
            parameter: "samples per series matching the times (length)",
            value: samples.len() as f64,
        });
    }
    let mut found = Vec::with_capacity(2 * series.len() * levels_t.len());
    if series.len() > Spacecraft::ALL.len() {
        return Err(FluxRopeError::NoSuchSpacecraft {
            index: series.len() - 1,
        });
    }
    for &level_t in levels_t {
        for (spacecraft, samples) in Spacecraft::ALL.into_iter().zip(series) {
            let (t_in, t_out) = crossing_times(times_s, samples, level_t).ok_or(
                FluxRopeError::MissingCrossing {
                    spacecraft: spacecraft.number(),
                    level_nt: units::to_nanotesla(level_t),
                },
            )?;
            found.push(Intersection {
                spacecraft,
                level_t,
                time_s: t_in,
                inbound: true,
            });
            found.push(Intersection {
                spacecraft,
                level_t,
                time_s: t_out,
                inbound: false,
            });
        }
    }
    Ok(found)
}

/// The 11 contours of Figure 2: 16 to 20 nT in equal steps, T.
pub fn paper_levels() -> Vec<f64> {
    let ((low, high), count) = (
        super::published::CONTOUR_RANGE_NT,
        super::published::CONTOUR_COUNT,
    );
    (0..count)
        .map(|k| units::nanotesla(low + (high - low) * k as f64 / (count - 1) as f64))
        .collect()
}

/// The field strength each spacecraft samples in a rope whose `|B|` at a point `[L, N]`
/// (m, relative to the centre) is `strength`, T.
///
/// # Errors
/// [`FluxRopeError`] for a bad formation.
pub fn sample_strength(
    formation: &Formation,
    strength: impl Fn([f64; 2]) -> f64,
) -> Result<(Vec<f64>, Vec<Vec<f64>>), FluxRopeError> {
    let times = formation.times_s()?;
    let series = Spacecraft::ALL
        .into_iter()
        .map(|k| {
            times
                .iter()
                .map(|&t| {
                    let p = formation.position(k, t, formation.velocity_lmn_ms);
                    strength([p[0], p[2]])
                })
                .collect()
        })
        .collect();
    Ok((times, series))
}
