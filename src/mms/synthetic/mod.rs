//! Synthetic MMS files in the real layout, for the workbook's fixtures (`tests/data/mms`,
//! rebuilt by `regen fixtures`) and benchmarks: known structures flown through by a known
//! tetrahedron, written as the real products are (names, variables, units, ISTP attributes).
//! Everything here is a labelled surrogate: `Logical_source` is real, `Data_version` and
//! `Generated_by` say it is synthetic.

pub mod harris;
pub mod smile;

use super::layout::Product;
use crate::cdf::write::{AttributeValue, CdfWriter};
use std::io;
use std::path::{Path, PathBuf};

/// The version every synthetic file carries, so a real file of the same product (any real
/// version is higher than 0) would be preferred by the highest-version rule.
pub const SYNTHETIC_VERSION: &str = "0.0.1";

/// A CDF of `product` with its global attributes and TT2000 `Epoch`; the caller adds the
/// variables, then [`write_product`].
pub fn product_file(product: &Product, epoch: &[i64]) -> CdfWriter {
    let mut writer = CdfWriter::new();
    let source = product.prefix();
    writer.global("Logical_source", source.trim_end_matches('_'));
    writer.global("Data_version", SYNTHETIC_VERSION);
    writer.global("Generated_by", "mmsbook synthetic fixture (not MMS data)");
    writer.tt2000("Epoch", epoch).attribute("FILLVAL", AttributeValue::Tt2000(crate::cdf::time::TT2000_FILL));
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
pub fn write_product(root: &Path, product: &Product, start: i64, writer: &CdfWriter) -> io::Result<PathBuf> {
    let path = product.file_path(root, start, SYNTHETIC_VERSION);
    if let Some(directory) = path.parent() {
        std::fs::create_dir_all(directory)?;
    }
    writer.write(&path)?;
    Ok(path)
}
