//! Synthetic MMS files in the real layout, for the workbook's fixtures (`tests/data/mms`,
//! rebuilt by `regen fixtures`) and benchmarks: known structures flown through by a known
//! tetrahedron, written as the real products are (names, variables, units, ISTP attributes).
//! Everything here is a labelled surrogate: `Logical_source` is real, `Data_version` and
//! `Generated_by` say it is synthetic.

pub mod flux_rope;
pub mod harris;
pub mod smile;

use super::Rate;
use super::layout::Product;
use super::names::{fgm, mec_position};
use crate::cdf::time::{format_utc, parse_utc};
use crate::cdf::write::{AttributeValue, CdfWriter};
use nalgebra::Vector3;
use std::io;
use std::path::{Path, PathBuf};

/// The version every synthetic file carries, so a real file of the same product (any real
/// version is higher than 0) would be preferred by the highest-version rule.
pub const SYNTHETIC_VERSION: &str = "0.0.1";

/// Writes every fixture below `root` (the committed set is `tests/data/mms`), each on its
/// own day so that daily survey files do not collide.
///
/// # Errors
/// The file system's, or a model's failure.
pub fn write_all(root: &Path) -> io::Result<Vec<PathBuf>> {
    let mut written = harris::HarrisCrossing::fixture().write(root)?;
    written.extend(flux_rope::RopeCrossing::fixture().write(root)?);
    written.extend(smile::SmileCrossing::fixture().write(root, false)?);
    Ok(written)
}

/// A CDF of `product` with its global attributes and TT2000 `Epoch`; the caller adds the
/// variables, then [`write_product`].
pub fn product_file(product: &Product, epoch: &[i64]) -> CdfWriter {
    let mut writer = CdfWriter::new();
    let source = product.prefix();
    writer.global("Logical_source", source.trim_end_matches('_'));
    writer.global("Data_version", SYNTHETIC_VERSION);
    writer.global("Generated_by", "mmsbook synthetic fixture (not MMS data)");
    writer.tt2000("Epoch", epoch).attribute(
        "FILLVAL",
        AttributeValue::Tt2000(crate::cdf::time::TT2000_FILL),
    );
    writer
}

/// Standard attributes of a data variable: its time variable, unit and fill value.
pub fn data_attributes(units: &str) -> [(&'static str, AttributeValue); 3] {
    [
        ("DEPEND_0", AttributeValue::Text("Epoch".to_owned())),
        ("UNITS", AttributeValue::Text(units.to_owned())),
        ("FILLVAL", AttributeValue::Real4(-1e31)),
    ]
}

/// Writes `writer` as the file of `product` starting at `start` (TT2000 ns) below `root`,
/// creating directories; returns the path.
///
/// # Errors
/// Whatever the file system says.
pub fn write_product(
    root: &Path,
    product: &Product,
    start: i64,
    writer: &CdfWriter,
) -> io::Result<PathBuf> {
    let path = product.file_path(root, start, SYNTHETIC_VERSION);
    if let Some(directory) = path.parent() {
        std::fs::create_dir_all(directory)?;
    }
    writer.write(&path)?;
    Ok(path)
}

/// Adds a REAL4 data variable with the standard attributes to `file`.
pub fn add_real4(file: &mut CdfWriter, name: &str, shape: &[usize], values: &[f32], units: &str) {
    let variable = file.real4(name, shape, values);
    for (attribute, value) in data_attributes(units) {
        variable.attribute(attribute, value);
    }
}

/// Writes spacecraft `probe`'s FGM burst file: `[Bx, By, Bz, |B|]` (nT, GSE) from
/// `field_nt` at each time of `epoch` (TT2000 ns), named by the first.
///
/// # Errors
/// Whatever the file system says.
pub fn write_fgm_burst(
    root: &Path,
    probe: u8,
    epoch: &[i64],
    field_nt: impl Fn(i64) -> Vector3<f64>,
) -> io::Result<PathBuf> {
    let values: Vec<f32> = epoch
        .iter()
        .flat_map(|&t| {
            let b = field_nt(t);
            [b.x, b.y, b.z, b.norm()].map(|v| v as f32)
        })
        .collect();
    let (product, variable) = fgm(probe, Rate::Burst);
    let mut file = product_file(&product, epoch);
    add_real4(&mut file, &variable, &[4], &values, "nT");
    write_product(root, &product, epoch[0], &file)
}

/// Writes spacecraft `probe`'s MEC survey file for the day of `centre` (TT2000 ns): the fixed
/// position `position_km` (GSE) at five samples 30 s apart around it (a fixture's seconds
/// need no more of the day).
///
/// # Errors
/// Whatever the file system says.
pub fn write_mec(
    root: &Path,
    probe: u8,
    centre: i64,
    position_km: Vector3<f64>,
) -> io::Result<PathBuf> {
    const MEC_CADENCE_NS: i64 = 30_000_000_000;
    let (product, variable) = mec_position(probe);
    let epoch: Vec<i64> = (-2..=2)
        .map(|j| centre - centre.rem_euclid(MEC_CADENCE_NS) + j * MEC_CADENCE_NS)
        .collect();
    let r: Vec<f64> = epoch
        .iter()
        .flat_map(|_| [position_km.x, position_km.y, position_km.z])
        .collect();
    let mut file = product_file(&product, &epoch);
    // A REAL8 variable's FILLVAL is a REAL8, as the ISTP guidelines ask.
    let [depend, units, _] = data_attributes("km");
    file.real8(&variable, &[3], &r)
        .attribute(depend.0, depend.1)
        .attribute(units.0, units.1)
        .attribute("FILLVAL", AttributeValue::Real8(-1e31));
    let day = parse_utc(&format_utc(centre)[..10]).map_err(io::Error::other)?;
    write_product(root, &product, day, &file)
}
