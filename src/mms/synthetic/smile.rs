//! The workbook's crescent model (Shuster et al. 2026's asymmetric layer, [`crate::smile`])
//! flown through by the four spacecraft: DES burst distributions on FPI sky maps, FGM burst
//! (GSE and DMPA), MEC positions and DES bulk velocities (DBCS), for the
//! `gradient-distribution` analysis, whose known answer is the model's smile in the normal
//! gradient at the tetrahedron's position.
//!
//! The layer (PIC units, [`crate::smile::layer`]) is placed at a dayside magnetopause: its x
//! (the field, L) near +z GSE, its normal z (toward the magnetosphere) near -x GSE, in
//! physical units from the chapter's conversion ([`crate::smile::scales::physical_scales_at`]:
//! MMS2's 7 cm^-3 and 60 eV at the smile). It moves along its normal so that FGM sees a
//! crossing (MVA needs one); a guide-field bump `b_G sech^2(z/delta)` along M, not part of the
//! model, gives MVA an intermediate direction, as in the Harris fixture. DBCS is tilted from
//! GSE by a few degrees, so an analysis that mixes the frames misreads the ring. Everything
//! is a labelled surrogate (`Generated_by`).

use super::{data_attributes, product_file, write_product};
use crate::cdf::time::parse_utc;
use crate::cdf::write::AttributeValue;
use crate::mms::Rate;
use crate::mms::names::{Species, des_distribution, fgm, fgm_dmpa, fpi_moment};
use crate::smile::CrescentModel;
use crate::smile::scales::{PhysicalScales, physical_scales_at};
use nalgebra::{Matrix3, Rotation3, Vector3};
use std::io;
use std::path::{Path, PathBuf};

/// Azimuth bins (11.25 deg) and polar bins (11.25 deg) of an FPI sky map.
pub const FPI_AZIMUTHS: usize = 32;
/// Polar bins.
pub const FPI_POLAR: usize = 16;
/// DES energies: 32 channels from 6.52 eV to 27.5 keV, evenly spaced in log energy; burst
/// data alternate between two tables offset by half a channel (`steptable_parity`).
const FPI_ENERGY_RANGE_EV: (f64, f64) = (6.52, 27_525.0);
const FPI_CHANNELS: usize = 32;
/// DES burst cadence, s.
pub const DES_BURST_S: f64 = 0.030;
/// FGM burst cadence, s.
const FGM_BURST_S: f64 = 1.0 / 128.0;

/// The fixture's stated parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct SmileCrossing {
    /// The crescent model (PIC units).
    pub model: CrescentModel,
    /// Where the barycentre sits in the layer at the centre time, d_e.
    pub z_de: f64,
    /// Tetrahedron side, d_e.
    pub side_de: f64,
    /// Electron density (cm^-3) and temperature (eV) the model is scaled to at `z_de`.
    pub density_cm3: f64,
    /// Electron temperature, eV.
    pub temperature_ev: f64,
    /// Magnetosheath field B_sh, nT.
    pub sheath_field_nt: f64,
    /// Guide-field bump along M at the reversal, nT.
    pub guide_nt: f64,
    /// Speed at which the spacecraft move through the layer toward +z, d_e/s.
    pub speed_de_s: f64,
    /// Euler angles (roll, pitch, yaw) added to the layer's orientation, deg.
    pub layer_angles_deg: [f64; 3],
    /// Euler angles of DBCS relative to GSE, deg.
    pub dbcs_angles_deg: [f64; 3],
    /// Barycentre, km GSE.
    pub barycentre_km: [f64; 3],
    /// MMS1's first DES time, ISO 8601 UTC.
    pub centre_time: &'static str,
    /// Seconds of FGM either side of the centre time.
    pub fgm_half_span_s: f64,
    /// DES records per spacecraft.
    pub des_records: usize,
    /// First and count of the DES channels written (0 and 32 for the real table).
    pub channels: (usize, usize),
    /// Offsets of each spacecraft's DES clock from MMS1's, ms.
    pub des_offsets_ms: [f64; 4],
    /// First azimuth of each spacecraft's sky map, deg (spin phases differ).
    pub phi_start_deg: [f64; 4],
    /// Parity of each spacecraft's first energy table.
    pub parity: [usize; 4],
}

impl SmileCrossing {
    /// The committed fixture: the reference crescent model at the paper's event date
    /// (2015-10-16 13:07:02 UT), the barycentre 0.375 d_e into the magnetospheric side (the
    /// strongest smile of the chapter's scan), a
    /// 0.5 d_e tetrahedron, two DES times on 10 channels (19-230 eV) to keep the files small.
    pub fn fixture() -> Self {
        Self {
            model: CrescentModel::reference(),
            z_de: 0.375,
            side_de: 0.5,
            density_cm3: 7.0,
            temperature_ev: 60.0,
            sheath_field_nt: 25.0,
            guide_nt: 2.5,
            speed_de_s: 2.0,
            layer_angles_deg: [8.0, -5.0, 10.0],
            dbcs_angles_deg: [3.0, -4.0, 0.0],
            barycentre_km: [62_000.0, 15_000.0, 9_000.0],
            centre_time: "2015-10-16T13:07:02Z",
            fgm_half_span_s: 0.5,
            des_records: 2,
            channels: (4, 10),
            des_offsets_ms: [0.0, 3.0, -4.0, 6.0],
            phi_start_deg: [0.0, 2.0, -3.0, 4.5],
            parity: [0, 1, 0, 1],
        }
    }

    /// Full-size files for the speed measurement: one minute (2000 records) of 32 x 16 x 32
    /// distributions per spacecraft.
    pub fn minute() -> Self {
        Self {
            des_records: 2000,
            channels: (0, FPI_CHANNELS),
            fgm_half_span_s: 61.0,
            speed_de_s: 0.0,
            ..Self::fixture()
        }
    }

    /// Physical scales: d_e, the velocity and phase-space density units.
    ///
    /// # Errors
    /// As [`physical_scales_at`].
    pub fn scales(&self) -> Result<PhysicalScales, crate::smile::SmileError> {
        physical_scales_at(
            &self.model,
            self.z_de,
            self.density_cm3,
            self.temperature_ev,
        )
    }

    /// Layer axes in GSE: columns x (along B), y, z (normal, toward the magnetosphere).
    pub fn layer_to_gse(&self) -> Matrix3<f64> {
        let base = Matrix3::from_columns(&[Vector3::z(), Vector3::y(), -Vector3::x()]);
        let [r, p, y] = self.layer_angles_deg.map(f64::to_radians);
        Rotation3::from_euler_angles(r, p, y).matrix() * base
    }

    /// DBCS axes in GSE (columns).
    pub fn dbcs_to_gse(&self) -> Matrix3<f64> {
        let [r, p, y] = self.dbcs_angles_deg.map(f64::to_radians);
        *Rotation3::from_euler_angles(r, p, y).matrix()
    }

    /// The known normal (the layer's +z), GSE.
    pub fn normal_gse(&self) -> Vector3<f64> {
        self.layer_to_gse().column(2).into_owned()
    }

    /// Spacecraft positions, km GSE.
    ///
    /// # Errors
    /// As [`SmileCrossing::scales`].
    pub fn positions_km(&self) -> Result<[Vector3<f64>; 4], crate::smile::SmileError> {
        let d_e = self.scales()?.inertial_length_km();
        let vertices = crate::tetrahedron::regular_vertices(self.side_de * d_e, [0.3, 0.9, 0.2]);
        Ok(vertices.map(|v| Vector3::from(self.barycentre_km) + Vector3::from(v)))
    }

    /// A spacecraft's z in the layer (d_e) at `t_s` after the centre time.
    fn z_at(&self, position: &Vector3<f64>, t_s: f64, d_e_km: f64) -> f64 {
        self.z_de
            + (position - Vector3::from(self.barycentre_km)).dot(&self.normal_gse()) / d_e_km
            + self.speed_de_s * t_s
    }

    /// Energies of the written channels for a parity, eV.
    fn energies(&self, parity: usize) -> Vec<f64> {
        let (low, high) = FPI_ENERGY_RANGE_EV;
        let ratio = (high / low).powf(1.0 / (FPI_CHANNELS - 1) as f64);
        let (first, count) = self.channels;
        (first..first + count)
            .map(|k| low * ratio.powf(k as f64 + 0.5 * parity as f64))
            .collect()
    }

    /// One distribution (s^3/cm^6, `[phi][theta][energy]`) at z (d_e) on a sky map.
    fn distribution(
        &self,
        z: f64,
        phi_deg: &[f64],
        theta_deg: &[f64],
        energy_ev: &[f64],
        scales: &PhysicalScales,
    ) -> Vec<f32> {
        let w = self.model.thermal_speed;
        let (v_unit, f_unit) = (
            scales.velocity_unit_ms(w),
            scales.phase_space_density_unit_s3_cm6(w),
        );
        let to_layer = self.layer_to_gse().transpose() * self.dbcs_to_gse();
        let mut values = Vec::with_capacity(phi_deg.len() * theta_deg.len() * energy_ev.len());
        for phi in phi_deg {
            let (sp, cp) = phi.to_radians().sin_cos();
            for theta in theta_deg {
                let (st, ct) = theta.to_radians().sin_cos();
                let look = Vector3::new(st * cp, st * sp, ct);
                for &e in energy_ev {
                    let v_dbcs = -crate::mms::sky_grid::SkyGrid::speed_m_s(e) * look;
                    let v = to_layer * v_dbcs / v_unit;
                    values
                        .push((self.model.phase_space_density(z, [v.x, v.y, v.z]) * f_unit) as f32);
                }
            }
        }
        values
    }

    /// Writes the files below `root` in the pySPEDAS layout: per spacecraft FGM burst (GSE and
    /// DMPA), MEC survey, DES burst moments (bulk velocity, DBCS) and distributions. With
    /// `repeat`, only the first record of each parity is computed and the rest repeat them
    /// (the speed measurement's files, whose values do not matter).
    ///
    /// # Errors
    /// Whatever the file system says; a model that cannot be scaled.
    pub fn write(&self, root: &Path, repeat: bool) -> io::Result<Vec<PathBuf>> {
        let scales = self.scales().map_err(io::Error::other)?;
        let d_e = scales.inertial_length_km();
        let centre = parse_utc(self.centre_time).map_err(io::Error::other)?;
        let seconds = |t: i64| (t - centre) as f64 * 1e-9;
        let positions = self.positions_km().map_err(io::Error::other)?;
        let theta_deg: Vec<f64> = (0..FPI_POLAR)
            .map(|k| (k as f64 + 0.5) * 180.0 / FPI_POLAR as f64)
            .collect();
        let mut written = Vec::new();
        for (a, position) in positions.iter().enumerate() {
            let probe = a as u8 + 1;
            // FGM burst, GSE and DMPA.
            let start = centre - (self.fgm_half_span_s * 1e9) as i64;
            let count = (2.0 * self.fgm_half_span_s / FGM_BURST_S) as i64;
            let epoch: Vec<i64> = (0..=count)
                .map(|k| {
                    start + 1_000_000 * a as i64 + (k as f64 * FGM_BURST_S * 1e9).round() as i64
                })
                .collect();
            let (gse, dmpa): (Vec<f32>, Vec<f32>) = {
                let mut gse = Vec::new();
                let mut dmpa = Vec::new();
                for &t in &epoch {
                    let z = self.z_at(position, seconds(t), d_e);
                    let layer = self.model.layer;
                    let b = self.layer_to_gse()
                        * Vector3::new(
                            layer.b_x(z) * self.sheath_field_nt,
                            self.guide_nt / (z / layer.thickness_de).cosh().powi(2),
                            0.0,
                        );
                    let d = self.dbcs_to_gse().transpose() * b;
                    gse.extend([b.x, b.y, b.z, b.norm()].map(|v| v as f32));
                    dmpa.extend([d.x, d.y, d.z, d.norm()].map(|v| v as f32));
                }
                (gse, dmpa)
            };
            let (product, gse_name) = fgm(probe, Rate::Burst);
            let mut file = product_file(&product, &epoch);
            for (name, values) in [(gse_name, &gse), (fgm_dmpa(probe, Rate::Burst).1, &dmpa)] {
                let var = file.real4(&name, &[4], values);
                data_attributes("nT").into_iter().for_each(|(n, v)| {
                    var.attribute(n, v);
                });
            }
            written.push(write_product(root, &product, start, &file)?);

            written.push(super::write_mec(root, probe, centre, *position)?);

            // DES times of this spacecraft.
            let offset = (self.des_offsets_ms[a] * 1e6).round() as i64;
            let epoch: Vec<i64> = (0..self.des_records)
                .map(|k| centre + offset + (k as f64 * DES_BURST_S * 1e9).round() as i64)
                .collect();
            written.push(self.write_moments(root, probe, &epoch)?);
            written.push(self.write_distributions(
                root, probe, a, position, &epoch, &theta_deg, &scales, repeat,
            )?);
        }
        Ok(written)
    }

    /// DES bulk velocity along the model's electron flow (-y of the layer), DBCS, km/s: only
    /// its direction matters (it sets v_perp1).
    fn write_moments(&self, root: &Path, probe: u8, epoch: &[i64]) -> io::Result<PathBuf> {
        let u =
            self.dbcs_to_gse().transpose() * self.layer_to_gse() * Vector3::new(0.0, -500.0, 0.0);
        let (product, variable) = fpi_moment(probe, Species::Electrons, Rate::Burst, "bulkv_dbcs");
        let values: Vec<f32> = epoch
            .iter()
            .flat_map(|_| [u.x, u.y, u.z].map(|c| c as f32))
            .collect();
        let mut file = product_file(&product, epoch);
        let var = file.real4(&variable, &[3], &values);
        data_attributes("km/s").into_iter().for_each(|(n, v)| {
            var.attribute(n, v);
        });
        write_product(root, &product, epoch[0], &file)
    }

    #[allow(clippy::too_many_arguments)]
    fn write_distributions(
        &self,
        root: &Path,
        probe: u8,
        a: usize,
        position: &Vector3<f64>,
        epoch: &[i64],
        theta_deg: &[f64],
        scales: &PhysicalScales,
        repeat: bool,
    ) -> io::Result<PathBuf> {
        let d_e = scales.inertial_length_km();
        let centre = parse_utc(self.centre_time).map_err(io::Error::other)?;
        let (product, variable) = des_distribution(probe, Rate::Burst);
        let step = 360.0 / FPI_AZIMUTHS as f64;
        let mut psd: Vec<f32> = Vec::new();
        let mut phi_all: Vec<f32> = Vec::new();
        let mut energy_all: Vec<f32> = Vec::new();
        let mut computed: Vec<Vec<f32>> = Vec::new();
        for (k, &t) in epoch.iter().enumerate() {
            let parity = (self.parity[a] + k) % 2;
            // The spin phase advances by a fixed angle per record (here a quarter bin).
            let phi0 = (self.phi_start_deg[a] + 0.25 * step * k as f64).rem_euclid(360.0);
            let phi: Vec<f64> = (0..FPI_AZIMUTHS)
                .map(|j| (phi0 + (j as f64 + 0.5) * step).rem_euclid(360.0))
                .collect();
            let energy = self.energies(parity);
            let record = if repeat && k >= 2 {
                computed[k % 2].clone()
            } else {
                let z = self.z_at(position, (t - centre) as f64 * 1e-9, d_e);
                self.distribution(z, &phi, theta_deg, &energy, scales)
            };
            if repeat && k < 2 {
                computed.push(record.clone());
            }
            psd.extend_from_slice(&record);
            phi_all.extend(phi.iter().map(|&v| v as f32));
            energy_all.extend(energy.iter().map(|&v| v as f32));
        }
        let n_energy = self.channels.1;
        let mut file = product_file(&product, epoch);
        let names = [
            format!("mms{probe}_des_phi_brst"),
            format!("mms{probe}_des_theta_brst"),
            format!("mms{probe}_des_energy_brst"),
        ];
        let var = file.real4(&variable, &[FPI_AZIMUTHS, FPI_POLAR, n_energy], &psd);
        data_attributes("s^3/cm^6").into_iter().for_each(|(n, v)| {
            var.attribute(n, v);
        });
        for (k, name) in names.iter().enumerate() {
            var.attribute(
                &format!("DEPEND_{}", k + 1),
                AttributeValue::Text(name.clone()),
            );
        }
        let var = file.real4(&names[0], &[FPI_AZIMUTHS], &phi_all);
        data_attributes("deg").into_iter().for_each(|(n, v)| {
            var.attribute(n, v);
        });
        let theta: Vec<f32> = theta_deg.iter().map(|&v| v as f32).collect();
        file.constant_real4(&names[1], &[FPI_POLAR], &theta)
            .attribute("UNITS", AttributeValue::Text("deg".to_owned()));
        let var = file.real4(&names[2], &[n_energy], &energy_all);
        data_attributes("eV").into_iter().for_each(|(n, v)| {
            var.attribute(n, v);
        });
        write_product(root, &product, epoch[0], &file)
    }
}
