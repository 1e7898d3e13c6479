//! FPI electron (DES) distributions read from `des-dist` files a block of records at a time,
//! with their energy, azimuth and polar-angle tables: never a whole file at once (a minute of
//! burst data is 2000 records of 16 384 bins per spacecraft).
//!
//! **Dimension order.** In the L2 CDF, `mmsN_des_dist_brst` has records of three dimensions
//! whose ISTP `DEPEND_1`, `DEPEND_2`, `DEPEND_3` are `mmsN_des_phi_brst` (32 azimuths),
//! `mmsN_des_theta_brst` (16 polar angles) and `mmsN_des_energy_brst` (32 energies): read in
//! row-major order a record is `[phi][theta][energy]`, energy fastest. So do pyrfu's
//! `mms/get_dist.py` (it reads `DEPEND_1..3` as phi, theta, energy and transposes the
//! cdflib array `[0, 3, 1, 2]` to time x energy x phi x theta) and pySPEDAS's
//! `mms_get_fpi_dist.py` (which comments the record shape `(32, 16, 32)` as
//! `(phi, theta, energy)`). In burst files `phi` and `energy` vary by record (the azimuths
//! follow the spin phase; the energy table alternates between two interleaved tables,
//! `steptable_parity`), while `theta` is one table for all records. This module checks the
//! DEPEND names rather than trusting the order, and reads `phi`/`energy` per record whether or
//! not they vary.
//!
//! **Angles are look directions** in the despun body frame (DBCS): a particle counted in the
//! bin at `(phi, theta)` moves along `-(sin theta cos phi, sin theta sin phi, cos theta)`, as
//! pySPEDAS's conversion `phi + 180`, `-(90 - theta)` to velocity angles says.
//!
//! Phase-space densities are converted to SI here: s^3/cm^6 x 1e12 = s^3/m^6.

use super::MmsError;
use crate::cdf::CdfFile;
use crate::cdf::time::format_utc;
use ndarray::{Array2, Array4};
use std::ops::Range;
use std::path::{Path, PathBuf};

/// s^3/m^6 per s^3/cm^6.
pub const S3_CM6_TO_SI: f64 = 1e12;

/// One open `des-dist` file: its times, the distribution's shape and its support tables.
pub struct DistributionFile {
    file: CdfFile,
    /// The file, for messages.
    pub path: PathBuf,
    /// The distribution variable, e.g. `mms1_des_dist_brst`.
    pub variable: String,
    /// Its time variable (`DEPEND_0`).
    pub epoch: String,
    /// Record times, TT2000 ns.
    pub times: Vec<i64>,
    /// `[azimuths, polar angles, energies]` of one record.
    pub shape: [usize; 3],
    /// Names of the azimuth, polar-angle and energy tables (`DEPEND_1..3`).
    pub support: [String; 3],
    /// The polar angles, deg (one table for the file).
    pub theta_deg: Vec<f64>,
}

/// A block of consecutive records of one file.
#[derive(Debug, Clone)]
pub struct DistributionBlock {
    /// Index of the block's first record in its file.
    pub first: usize,
    /// Record times, TT2000 ns.
    pub times: Vec<i64>,
    /// Phase-space density `[record, phi, theta, energy]`, s^3/m^6.
    pub psd: Array4<f64>,
    /// Azimuths per record `[record, phi]`, deg (look directions, DBCS).
    pub phi_deg: Array2<f64>,
    /// Polar angles, deg (look directions, DBCS).
    pub theta_deg: Vec<f64>,
    /// Energies per record `[record, energy]`, eV.
    pub energy_ev: Array2<f64>,
}

impl DistributionFile {
    /// Opens `path` and checks `variable` is a distribution with phi, theta and energy tables
    /// as its `DEPEND_1..3` (in that order) whose lengths match its dimensions.
    ///
    /// # Errors
    /// A CDF error (missing file or variable), [`MmsError::Shape`] for another dimension
    /// order or size, [`MmsError::NotIncreasing`] for times that go backwards, and
    /// [`MmsError::Fill`] for a fill value in the polar-angle table.
    pub fn open(path: &Path, variable: &str) -> Result<Self, MmsError> {
        let file = CdfFile::open(path)?;
        let info = file.variable(variable)?;
        let shape_error = |found: String, expected: String| MmsError::Shape {
            path: path.to_owned(),
            variable: variable.to_owned(),
            found,
            expected,
        };
        let [n_phi, n_theta, n_energy] =
            <[usize; 3]>::try_from(info.shape.as_slice()).map_err(|_| {
                shape_error(
                    format!("records of shape {:?}", info.shape),
                    "[phi, theta, energy]".to_owned(),
                )
            })?;
        let epoch = file
            .variable_text(variable, "DEPEND_0")
            .unwrap_or_else(|| "Epoch".to_owned());
        let mut support: [String; 3] = Default::default();
        for (k, (what, size)) in [("phi", n_phi), ("theta", n_theta), ("energy", n_energy)]
            .into_iter()
            .enumerate()
        {
            let attribute = format!("DEPEND_{}", k + 1);
            let name = file.variable_text(variable, &attribute).ok_or_else(|| {
                shape_error(
                    format!("no {attribute}"),
                    format!("{attribute} naming the {what} table"),
                )
            })?;
            if !name.contains(&format!("_{what}")) {
                return Err(shape_error(
                    format!("{attribute} = {name}"),
                    format!("the {what} table (dimension order phi, theta, energy)"),
                ));
            }
            let table = file.variable(&name)?;
            if table.shape.last().copied() != Some(size) {
                return Err(MmsError::Shape {
                    path: path.to_owned(),
                    variable: name,
                    found: format!("records of shape {:?}", table.shape),
                    expected: format!("{size} values, one per {what} bin of {variable}"),
                });
            }
            support[k] = name;
        }
        let times = super::series::centred_times(&file, &epoch)?;
        if let Some(record) = (1..times.len()).find(|&k| times[k] <= times[k - 1]) {
            return Err(MmsError::NotIncreasing {
                path: path.to_owned(),
                variable: epoch,
                record,
                time: format_utc(times[record]),
            });
        }
        if info.records != times.len() {
            return Err(shape_error(
                format!("{} records", info.records),
                format!("{} (one per {epoch} time)", times.len()),
            ));
        }
        let theta = file.read_records(&support[1], 0..1)?;
        let theta_deg: Vec<f64> = theta.iter().copied().collect();
        if theta_deg.iter().any(|v| !v.is_finite()) {
            return Err(MmsError::Fill {
                path: path.to_owned(),
                variable: support[1].clone(),
                time: times.first().map_or("-".to_owned(), |t| format_utc(*t)),
            });
        }
        Ok(Self {
            file,
            path: path.to_owned(),
            variable: variable.to_owned(),
            epoch,
            times,
            shape: [n_phi, n_theta, n_energy],
            support,
            theta_deg,
        })
    }

    /// Reads records `range`: densities in SI, with each record's azimuth and energy table.
    ///
    /// # Errors
    /// A CDF error (a range past the end, a corrupt block) and [`MmsError::Fill`] naming the
    /// variable and time of the first fill value in the densities or the tables.
    pub fn read(&self, range: Range<usize>) -> Result<DistributionBlock, MmsError> {
        let records = range.len();
        let [n_phi, n_theta, n_energy] = self.shape;
        let psd = self.file.read_records(&self.variable, range.clone())?;
        let mut psd = psd
            .into_shape_with_order((records, n_phi, n_theta, n_energy))
            .map_err(|_| self.shape_error(&self.variable))?;
        let table = |k: usize, size: usize| -> Result<Array2<f64>, MmsError> {
            let name = &self.support[k];
            let varies = self.file.variable(name)?.varies_by_record;
            let values = if varies {
                self.file.read_records(name, range.clone())?
            } else {
                self.file.read_records(name, 0..1)?
            };
            let values: Vec<f64> = values.iter().copied().collect();
            let rows = if varies {
                values
            } else {
                values
                    .iter()
                    .copied()
                    .cycle()
                    .take(size * records)
                    .collect()
            };
            Array2::from_shape_vec((records, size), rows).map_err(|_| self.shape_error(name))
        };
        let phi_deg = table(0, n_phi)?;
        let energy_ev = table(2, n_energy)?;
        let times = self.times[range.clone()].to_vec();
        for (k, &time) in times.iter().enumerate() {
            let record = psd.index_axis(ndarray::Axis(0), k);
            for (name, finite) in [
                (&self.variable, record.iter().all(|v| v.is_finite())),
                (
                    &self.support[0],
                    phi_deg.row(k).iter().all(|v| v.is_finite()),
                ),
                (
                    &self.support[2],
                    energy_ev.row(k).iter().all(|v| v.is_finite() && *v > 0.0),
                ),
            ] {
                if !finite {
                    return Err(MmsError::Fill {
                        path: self.path.clone(),
                        variable: name.clone(),
                        time: format_utc(time),
                    });
                }
            }
        }
        psd.mapv_inplace(|v| v * S3_CM6_TO_SI);
        Ok(DistributionBlock {
            first: range.start,
            times,
            psd,
            phi_deg,
            theta_deg: self.theta_deg.clone(),
            energy_ev,
        })
    }

    fn shape_error(&self, name: &str) -> MmsError {
        MmsError::Shape {
            path: self.path.clone(),
            variable: name.to_owned(),
            found: "values that do not fill their records".to_owned(),
            expected: format!("records of {:?}", self.shape),
        }
    }
}
