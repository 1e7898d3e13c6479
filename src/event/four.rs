//! The four spacecraft's field and positions on one time base: MMS1's FGM samples inside
//! the interval, with MMS2-4's field and all four MEC positions linearly interpolated onto
//! them (FGM's clocks are not synchronised across spacecraft; MEC is sampled every 30 s).

use super::{EventError, Interval};
use crate::cdf::time::format_utc;
use crate::mms::names::{Species, fgm, fpi_moment, mec_position};
use crate::mms::{Rate, series};
use crate::tetrahedron::Tetrahedron;
use nalgebra::{Matrix3, Vector3};

/// Field (nT, GSE) and positions (km, GSE) of the four spacecraft at common times.
#[derive(Debug, Clone, PartialEq)]
pub struct FourSpacecraft {
    /// Times, TT2000 ns: MMS1's FGM samples within the interval.
    pub times: Vec<i64>,
    /// `field_nt[k][a]`: B of spacecraft `a` (0-3) at time `k`, nT GSE.
    pub field_nt: Vec<[Vector3<f64>; 4]>,
    /// `positions_km[k][a]`, km GSE.
    pub positions_km: Vec<[Vector3<f64>; 4]>,
}

impl FourSpacecraft {
    /// Reads FGM (at `rate`) and MEC for the four spacecraft over the interval.
    ///
    /// # Errors
    /// Any [`crate::mms::MmsError`] of the eight series.
    pub fn load(interval: &Interval, rate: Rate) -> Result<Self, EventError> {
        let (root, start, end) = (&interval.root, interval.start, interval.end);
        let (product, variable) = fgm(1, rate);
        let reference = series::load(root, &product, &variable, start, end)?;
        let times: Vec<i64> = reference
            .times
            .iter()
            .copied()
            .filter(|&t| t >= start && t <= end)
            .collect();
        let mut field_nt = vec![[Vector3::zeros(); 4]; times.len()];
        let mut positions_km = vec![[Vector3::zeros(); 4]; times.len()];
        for probe in 1..=4u8 {
            let a = usize::from(probe - 1);
            let (product, variable) = fgm(probe, rate);
            let field = if probe == 1 {
                reference.clone()
            } else {
                series::load(root, &product, &variable, start, end)?
            };
            let field = field.at(&times)?;
            let (product, variable) = mec_position(probe);
            let position = series::load(root, &product, &variable, start, end)?.at(&times)?;
            for k in 0..times.len() {
                field_nt[k][a] = Vector3::new(field[[k, 0]], field[[k, 1]], field[[k, 2]]);
                positions_km[k][a] =
                    Vector3::new(position[[k, 0]], position[[k, 1]], position[[k, 2]]);
            }
        }
        Ok(Self {
            times,
            field_nt,
            positions_km,
        })
    }

    /// The tetrahedron at sample `k`.
    ///
    /// # Errors
    /// [`EventError::Tetrahedron`] if the four positions do not span a volume.
    pub fn tetrahedron(&self, k: usize) -> Result<Tetrahedron, EventError> {
        let metres = self.positions_km[k].map(|r| [r.x * 1e3, r.y * 1e3, r.z * 1e3]);
        Tetrahedron::new(metres).map_err(|source| EventError::Tetrahedron {
            time: format_utc(self.times[k]),
            reason: source,
        })
    }

    /// The four-spacecraft mean field at sample `k`, nT.
    pub fn mean_field_nt(&self, k: usize) -> Vector3<f64> {
        self.field_nt[k].iter().sum::<Vector3<f64>>() / 4.0
    }

    /// Field and positions of the four at other `times` (within the interval), linearly
    /// interpolated: `(field_nt, positions_km)` per time.
    pub fn at(&self, times: &[i64]) -> (Vec<[Vector3<f64>; 4]>, Vec<[Vector3<f64>; 4]>) {
        let resample = |rows: &[[Vector3<f64>; 4]]| -> Vec<[Vector3<f64>; 4]> {
            let flat: Vec<f64> = rows
                .iter()
                .flat_map(|four| four.iter().flat_map(|v| [v.x, v.y, v.z]))
                .collect();
            let view =
                ndarray::ArrayView2::from_shape((rows.len(), 12), &flat).expect("12 columns");
            let out = crate::mms::series::interpolate(&self.times, view, times);
            out.rows()
                .into_iter()
                .map(|r| {
                    std::array::from_fn(|a| Vector3::new(r[3 * a], r[3 * a + 1], r[3 * a + 2]))
                })
                .collect()
        };
        (resample(&self.field_nt), resample(&self.positions_km))
    }
}

/// An FPI burst moment of `species` (`moment`, e.g. `prestensor_gse`), the four spacecraft's
/// mean at MMS1's sample times within `[from, to]` (TT2000 ns; the others interpolated):
/// the times and one row (`components` values) per time.
///
/// # Errors
/// The data's errors; [`crate::mms::MmsError::Shape`] if a record has not `components`
/// values.
pub fn mean_moment(
    interval: &Interval,
    species: Species,
    moment: &str,
    components: usize,
    (from, to): (i64, i64),
) -> Result<(Vec<i64>, Vec<Vec<f64>>), EventError> {
    let (root, start, end) = (&interval.root, interval.start, interval.end);
    let mut times: Vec<i64> = Vec::new();
    let mut mean: Vec<Vec<f64>> = Vec::new();
    for probe in 1..=4u8 {
        let (product, variable) = fpi_moment(probe, species, Rate::Burst, moment);
        let samples = series::load(root, &product, &variable, start, end)?;
        if samples.values.ncols() != components {
            return Err(crate::mms::MmsError::Shape {
                path: samples.path,
                variable,
                found: format!("records of shape {:?}", samples.record_shape),
                expected: format!("{components} values per record"),
            }
            .into());
        }
        if probe == 1 {
            times = samples
                .times
                .iter()
                .copied()
                .filter(|&t| t >= from && t <= to)
                .collect();
            mean = vec![vec![0.0; components]; times.len()];
        }
        let values = samples.at(&times)?;
        for (sum, row) in mean.iter_mut().zip(values.rows()) {
            sum.iter_mut().zip(row).for_each(|(s, v)| *s += v / 4.0);
        }
    }
    Ok((times, mean))
}

/// A row of nine values (a record of shape `[3, 3]`, row by row) as a matrix.
pub fn tensor(row: &[f64]) -> Matrix3<f64> {
    Matrix3::from_row_slice(row)
}
