//! The workbook's kinetic flux-rope equilibrium (Yang et al., the adopted self-consistent
//! profile of the chapter) swept past the four spacecraft as in the chapter's Figure 2
//! crossing: FGM burst field, MEC positions and DIS burst bulk velocity, for the
//! `centre-fit` analysis. It lies on its own day, so that its daily MEC files are its own. The rope's axis is M; at the centre time the barycentre is 4 km
//! from the axis on the -L side, so the rope's centre is known.

use super::{add_real4, product_file, write_fgm_burst, write_mec, write_product};
use crate::cdf::time::parse_utc;
use crate::flux_rope::crossing::{Formation, Spacecraft, field_lmn};
use crate::flux_rope::mu_iteration::adopted_equilibrium;
use crate::mms::Rate;
use crate::mms::names::{Species, fpi_moment};
use nalgebra::{Matrix3, Rotation3, Vector3};
use std::io;
use std::path::{Path, PathBuf};

/// The crossing's settings; [`RopeCrossing::fixture`] is the committed one.
#[derive(Debug, Clone, PartialEq)]
pub struct RopeCrossing {
    /// The spacecraft and their motion in the rope frame (the chapter's formation).
    pub formation: Formation,
    /// Euler angles (roll, pitch, yaw), degrees, of the LMN axes in GSE.
    pub lmn_angles_deg: [f64; 3],
    /// Barycentre at the centre time, km GSE.
    pub barycentre_km: [f64; 3],
    /// When the barycentre is nearest the axis, ISO 8601 UTC.
    pub centre_time: &'static str,
    /// Seconds of data either side of the centre time.
    pub half_span_s: f64,
}

impl RopeCrossing {
    /// The committed fixture: the chapter's formation (10 km tetrahedron, 4 km from the axis,
    /// 170 km/s along -N and 140 km/s along -M in the rope frame).
    pub fn fixture() -> Self {
        Self {
            formation: Formation::chapter(),
            lmn_angles_deg: [-20.0, 25.0, 40.0],
            barycentre_km: [-110_000.0, -20_000.0, 15_000.0],
            centre_time: "2017-07-12T10:20:00Z",
            half_span_s: 1.0,
        }
    }

    /// The formation's barycentre at the centre time, relative to the axis, `[L, M, N]`, m.
    fn barycentre_lmn_m(&self) -> Vector3<f64> {
        self.formation
            .positions_lmn_m
            .iter()
            .map(|&p| Vector3::from(p))
            .sum::<Vector3<f64>>()
            / 4.0
    }

    /// The rotation taking LMN components to GSE: its columns are L, M, N.
    pub fn lmn_to_gse(&self) -> Matrix3<f64> {
        let [roll, pitch, yaw] = self.lmn_angles_deg.map(f64::to_radians);
        *Rotation3::from_euler_angles(roll, pitch, yaw).matrix()
    }

    /// The rope's velocity past the spacecraft, km/s GSE: the reverse of theirs in its frame.
    pub fn rope_velocity_km_s(&self) -> Vector3<f64> {
        -(self.lmn_to_gse() * Vector3::from(self.formation.velocity_lmn_ms)) * 1e-3
    }

    /// Spacecraft positions at the centre time, km GSE (fixed: over two seconds the
    /// spacecraft move a few km, the rope 440).
    pub fn positions_km(&self) -> [Vector3<f64>; 4] {
        let barycentre = self.barycentre_lmn_m();
        self.formation.positions_lmn_m.map(|p| {
            Vector3::from(self.barycentre_km)
                + self.lmn_to_gse() * (Vector3::from(p) - barycentre) * 1e-3
        })
    }

    /// The axis's point nearest the barycentre at the centre time, relative to the barycentre,
    /// km GSE: what `centre-fit` must find.
    pub fn centre_from_barycentre_km(&self) -> Vector3<f64> {
        let barycentre = self.barycentre_lmn_m();
        let in_plane = Vector3::new(-barycentre.x, 0.0, -barycentre.z) * 1e-3;
        self.lmn_to_gse() * in_plane
    }

    /// Writes FGM burst, MEC survey and DIS burst moments of the four spacecraft below `root`.
    ///
    /// # Errors
    /// The equilibrium's failure (as an I/O error of kind `Other`), or the file system's.
    pub fn write(&self, root: &Path) -> io::Result<Vec<PathBuf>> {
        let profile = adopted_equilibrium().map_err(io::Error::other)?.profile;
        let centre = parse_utc(self.centre_time).map_err(io::Error::other)?;
        let start = centre - (self.half_span_s * 1e9) as i64;
        let count = (2.0 * self.half_span_s * 128.0) as i64;
        let rotation = self.lmn_to_gse();
        let positions = self.positions_km();
        let mut written = Vec::new();
        for k in Spacecraft::ALL {
            let probe = k.number() as u8;
            let epoch: Vec<i64> = (0..=count)
                .map(|j| start + (j as f64 * 1e9 / 128.0).round() as i64)
                .collect();
            let field = |t: i64| {
                let here = self.formation.position(
                    k,
                    (t - centre) as f64 * 1e-9,
                    self.formation.velocity_lmn_ms,
                );
                rotation * Vector3::from(field_lmn(&profile, here, [0.0, 0.0])) * 1e9
            };
            written.push(write_fgm_burst(root, probe, &epoch, field)?);
            written.push(write_mec(root, probe, centre, positions[k.index()])?);

            let (product, variable) = fpi_moment(probe, Species::Ions, Rate::Burst, "bulkv_gse");
            let epoch: Vec<i64> = (0..=(2.0 * self.half_span_s / 0.15) as i64)
                .map(|j| start + j * 150_000_000)
                .collect();
            let v = self.rope_velocity_km_s();
            let velocity: Vec<f32> = epoch
                .iter()
                .flat_map(|_| [v.x, v.y, v.z].map(|c| c as f32))
                .collect();
            let mut file = product_file(&product, &epoch);
            add_real4(&mut file, &variable, &[3], &velocity, "km/s");
            written.push(write_product(root, &product, start, &file)?);
        }
        Ok(written)
    }
}
