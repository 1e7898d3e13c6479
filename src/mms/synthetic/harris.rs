//! A Harris current sheet (Zhang et al. 2025's model of a thin magnetotail sheet) swept past
//! the four spacecraft: FGM burst field, MEC positions and FPI burst moments whose answers
//! (B0, L, j0, tension, the P_LN forces) are known, for the `harris`, `curlometer` and
//! `anisotropy` analyses.
//!
//! In the sheet's LMN frame, `B = B0 tanh(z/L) L + b_G sech^2(z/L) M + B_N N`: the Harris
//! field, a guide field peaking at the centre (so MVA has an intermediate direction; being
//! even in z it does not tilt the maximum-variance direction of a symmetric crossing), and a
//! uniform normal field. The sheet moves along -N at a constant speed; `z` is each spacecraft's
//! distance from its centre. Each species' pressure is isotropic plus an off-diagonal
//! `P_LN = slope * B_L/B0`, so that Eq. 3's force `slope/L` is a known share of the tension.

use super::{add_real4, product_file, write_fgm_burst, write_mec, write_product};
use crate::cdf::time::parse_utc;
use crate::mms::Rate;
use crate::mms::names::{Species, fpi_moment};
use crate::plasma::constants::VACUUM_PERMEABILITY;
use crate::tetrahedron::regular_vertices;
use nalgebra::{Matrix3, Rotation3, Vector3};
use std::io;
use std::path::{Path, PathBuf};

/// The crossing's stated parameters; [`HarrisCrossing::fixture`] is the committed one.
#[derive(Debug, Clone, PartialEq)]
pub struct HarrisCrossing {
    /// Lobe field B0, nT.
    pub b0_nt: f64,
    /// Half-thickness L, km.
    pub thickness_km: f64,
    /// Normal field B_N, nT.
    pub normal_nt: f64,
    /// Peak of the central guide field B_M, nT.
    pub guide_nt: f64,
    /// Speed of the sheet along -N past the spacecraft, km/s.
    pub speed_km_s: f64,
    /// Ion and electron P_LN forces as fractions of the tension `<j_M> B_N` over the
    /// central region.
    pub force_shares: (f64, f64),
    /// Tetrahedron side, km.
    pub side_km: f64,
    /// Euler angles (roll, pitch, yaw), degrees, of the LMN axes in GSE.
    pub lmn_angles_deg: [f64; 3],
    /// Barycentre, km GSE.
    pub barycentre_km: [f64; 3],
    /// When the sheet's centre passes the barycentre, ISO 8601 UTC.
    pub centre_time: &'static str,
    /// Seconds of data either side of the centre time.
    pub half_span_s: f64,
}

/// Cadences of the burst products, s: FGM 128 Hz, DIS 150 ms, DES 30 ms; MEC 30 s.
pub const FGM_BURST_S: f64 = 1.0 / 128.0;
/// DIS burst moments cadence, s.
pub const DIS_BURST_S: f64 = 0.150;
/// DES burst moments cadence, s.
pub const DES_BURST_S: f64 = 0.030;
/// MEC survey cadence, s.
pub const MEC_SURVEY_S: f64 = 30.0;
/// Isotropic pressure of each species, nPa, and density, cm^-3.
const PRESSURE_NPA: (f64, f64) = (0.20, 0.04);
/// Ion drift along M, km/s.
const ION_DRIFT_KM_S: f64 = 100.0;
/// Density of each species, cm^-3.
pub const DENSITY_CM3: f64 = 0.3;

impl HarrisCrossing {
    /// The committed fixture: B0 = 20 nT, L = 500 km (so j0 = 31.8 nA/m^2), B_N = 3 nT,
    /// crossed at 250 km/s by a 20 km tetrahedron, with ion and electron P_LN forces of
    /// 40% and 25% of the tension.
    pub fn fixture() -> Self {
        Self {
            b0_nt: 20.0,
            thickness_km: 500.0,
            normal_nt: 3.0,
            guide_nt: 4.0,
            speed_km_s: 250.0,
            force_shares: (0.40, 0.25),
            side_km: 20.0,
            lmn_angles_deg: [15.0, -10.0, 20.0],
            barycentre_km: [-120_000.0, 30_000.0, 10_000.0],
            centre_time: "2017-07-11T22:34:07Z",
            half_span_s: 7.0,
        }
    }

    /// Peak current density `B0/(mu0 L)`, nA/m^2.
    pub fn j0_na_m2(&self) -> f64 {
        self.b0_nt * 1e-9 / (VACUUM_PERMEABILITY * self.thickness_km * 1e3) * 1e9
    }

    /// The rotation taking LMN components to GSE: its columns are L, M, N.
    pub fn lmn_to_gse(&self) -> Matrix3<f64> {
        let [roll, pitch, yaw] = self.lmn_angles_deg.map(f64::to_radians);
        *Rotation3::from_euler_angles(roll, pitch, yaw).matrix()
    }

    /// Spacecraft positions, km GSE (fixed over the seconds of a crossing).
    pub fn positions_km(&self) -> [Vector3<f64>; 4] {
        let vertices = regular_vertices(self.side_km, [0.3, 0.2, 0.1]);
        vertices.map(|v| Vector3::from(self.barycentre_km) + Vector3::from(v))
    }

    /// The tension `<j_M> B_N` over the central region `|B_L| < B0/2`, nA nT/m^2, for a
    /// uniform sampling in z: the mean of sech^2 there is tanh(a)/a with a = atanh(1/2).
    pub fn tension(&self) -> f64 {
        let a = 0.5f64.atanh();
        self.j0_na_m2() * (a.tanh() / a) * self.normal_nt
    }

    /// Field in GSE (nT) at `position_km` (GSE) at time `t_s` after the centre time.
    pub fn field_gse(&self, position_km: &Vector3<f64>, t_s: f64) -> Vector3<f64> {
        let z = self.z_km(position_km, t_s) / self.thickness_km;
        let lmn = Vector3::new(
            self.b0_nt * z.tanh(),
            self.guide_nt / z.cosh().powi(2),
            self.normal_nt,
        );
        self.lmn_to_gse() * lmn
    }

    /// Distance along N from the sheet's centre, km.
    fn z_km(&self, position_km: &Vector3<f64>, t_s: f64) -> f64 {
        let normal = self.lmn_to_gse().column(2).into_owned();
        (position_km - Vector3::from(self.barycentre_km)).dot(&normal) + self.speed_km_s * t_s
    }

    /// A species' pressure tensor in GSE, nPa, at `position_km` and `t_s` as [`Self::field_gse`].
    pub fn pressure_gse(
        &self,
        position_km: &Vector3<f64>,
        t_s: f64,
        species: Species,
    ) -> Matrix3<f64> {
        let (isotropic, share) = match species {
            Species::Ions => (PRESSURE_NPA.0, self.force_shares.0),
            Species::Electrons => (PRESSURE_NPA.1, self.force_shares.1),
        };
        // Force share * tension = slope / L, the slope of P_LN against B_L/B0. Units:
        // nA nT/m^2 is 1e-18 N/m^3; times L in km (1e3 m) gives 1e-15 Pa = 1e-6 nPa.
        let slope_npa = share * self.tension() * self.thickness_km * 1e-6;
        let b_l = (self.z_km(position_km, t_s) / self.thickness_km).tanh();
        let mut lmn = Matrix3::from_diagonal_element(isotropic);
        lmn[(0, 2)] = slope_npa * b_l;
        lmn[(2, 0)] = slope_npa * b_l;
        let r = self.lmn_to_gse();
        r * lmn * r.transpose()
    }

    /// Writes the fixture's files below `root` in the pySPEDAS layout: for each spacecraft,
    /// FGM burst, MEC survey, DIS and DES burst moments.
    ///
    /// # Errors
    /// Whatever the file system says.
    pub fn write(&self, root: &Path) -> io::Result<Vec<PathBuf>> {
        let centre = parse_utc(self.centre_time).map_err(io::Error::other)?;
        let start = centre - (self.half_span_s * 1e9) as i64;
        let times = |cadence_s: f64, offset_ns: i64| -> Vec<i64> {
            let count = (2.0 * self.half_span_s / cadence_s) as i64;
            (0..=count)
                .map(|k| start + offset_ns + (k as f64 * cadence_s * 1e9).round() as i64)
                .collect()
        };
        let seconds = |t: i64| (t - centre) as f64 * 1e-9;
        let mut written = Vec::new();
        for (k, position) in self.positions_km().iter().enumerate() {
            let probe = k as u8 + 1;
            // The four FGMs do not sample at the same instants: the analyses must interpolate.
            let epoch = times(FGM_BURST_S, 1_000_000 * k as i64);
            written.push(write_fgm_burst(root, probe, &epoch, |t| {
                self.field_gse(position, seconds(t))
            })?);
            written.push(write_mec(root, probe, centre, *position)?);

            for (species, cadence) in [
                (Species::Ions, DIS_BURST_S),
                (Species::Electrons, DES_BURST_S),
            ] {
                written.push(self.write_moments(
                    root,
                    probe,
                    position,
                    species,
                    times(cadence, 0),
                    centre,
                )?);
            }
        }
        Ok(written)
    }

    fn write_moments(
        &self,
        root: &Path,
        probe: u8,
        position: &Vector3<f64>,
        species: Species,
        epoch: Vec<i64>,
        centre: i64,
    ) -> io::Result<PathBuf> {
        let seconds = |t: i64| (t - centre) as f64 * 1e-9;
        let (product, density_name) = fpi_moment(probe, species, Rate::Burst, "numberdensity");
        let name = |moment: &str| fpi_moment(probe, species, Rate::Burst, moment).1;
        let mut density = Vec::new();
        let mut velocity = Vec::new();
        let mut pressure = Vec::new();
        let mut temperature = Vec::new();
        for &t in &epoch {
            let p = self.pressure_gse(position, seconds(t), species);
            density.push(DENSITY_CM3 as f32);
            // Ions drift at ION_DRIFT_KM_S along M; the electrons' drift makes up the sheet's
            // current, j = e n (V_i - V_e) (Zhang et al.'s moment current).
            let j_a_m2 = self.j0_na_m2() * 1e-9
                / (self.z_km(position, seconds(t)) / self.thickness_km)
                    .cosh()
                    .powi(2);
            let drift_km_s = match species {
                Species::Ions => ION_DRIFT_KM_S,
                Species::Electrons => {
                    ION_DRIFT_KM_S
                        - j_a_m2 / (crate::plasma::constants::ELEMENTARY_CHARGE * DENSITY_CM3 * 1e6)
                            * 1e-3
                }
            };
            let v = self.lmn_to_gse() * Vector3::new(0.0, drift_km_s, 0.0);
            velocity.extend([v.x, v.y, v.z].map(|c| c as f32));
            pressure.extend(p.transpose().iter().map(|&c| c as f32));
            // T = P/(n k_B): nPa / cm^-3 = 1e-9 / 1e6 J = 6241.5 eV.
            let to_ev = 1e-15 / crate::plasma::constants::ELEMENTARY_CHARGE / DENSITY_CM3;
            temperature.extend(p.transpose().iter().map(|&c| (c * to_ev) as f32));
        }
        let mut file = product_file(&product, &epoch);
        let mut moments = vec![
            (density_name, vec![], density, "cm^-3"),
            (name("bulkv_gse"), vec![3], velocity, "km/s"),
            (name("prestensor_gse"), vec![3, 3], pressure, "nPa"),
        ];
        // The electron files carry only what the analyses read, to keep the fixtures small.
        if species == Species::Ions {
            moments.push((name("temptensor_gse"), vec![3, 3], temperature, "eV"));
        }
        for (variable, shape, values, units) in moments {
            add_real4(&mut file, &variable, &shape, &values, units);
        }
        write_product(root, &product, epoch[0], &file)
    }
}
