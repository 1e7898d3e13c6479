//! An open CDF file: its variables, their attributes, and their values read on demand, a
//! range of records at a time, so a gigabyte of distributions is never held whole.

use super::CdfError;
use super::records::{self, Attribute, CVVR, Extent, VariableDescriptor};
use super::source::{Bytes, Source};
use super::types::{ByteOrder, DataType, decode_i64, decode_numbers};
use ndarray::{ArrayD, IxDyn};
use std::io::Read;
use std::ops::Range;
use std::path::Path;
use std::sync::Mutex;

/// CCR record type: the file's body after the magic numbers is one compressed block.
const CCR: i32 = 10;

/// A CDF version 3 file opened for reading.
///
/// Values come back as `f64` in arrays of shape `[records, dims...]` (row-major whatever the
/// file's majority), with the ISTP fill value (`FILLVAL`) and records missing from a sparse
/// variable as NaN: missing samples, which the analyses refuse or skip by name, never use.
pub struct CdfFile {
    bytes: Bytes,
    order: ByteOrder,
    row_major: bool,
    variables: Vec<VariableDescriptor>,
    attributes: Vec<Attribute>,
    /// The last inflated GZIP block of each variable read, `variable index -> (extent first
    /// record, bytes)`: reading a
    /// compressed variable a few records at a time inflates each block once.
    inflated: Mutex<std::collections::HashMap<usize, (usize, Vec<u8>)>>,
}

/// What a variable holds, for listing and checks.
#[derive(Debug, Clone, PartialEq)]
pub struct VariableInfo {
    /// The variable's name.
    pub name: String,
    /// Its value type.
    pub data_type: DataType,
    /// The shape of one record (dimensions that vary; CDF stores the others once).
    pub shape: Vec<usize>,
    /// Number of records (1 for a variable that does not vary by record).
    pub records: usize,
    /// Whether the values are stored GZIP-compressed.
    pub compressed: bool,
    /// Whether the variable has one record per time (ISTP "RV"), or one record for all
    /// ("NRV", e.g. a fixed angle table).
    pub varies_by_record: bool,
}

impl CdfFile {
    /// Opens `path` and reads its descriptors (not its values).
    ///
    /// # Errors
    /// [`CdfError`] if the file cannot be read, is not CDF version 3, is truncated or corrupt
    /// anywhere in its descriptors, or uses an encoding or compression this reader does not.
    pub fn open(path: impl AsRef<Path>) -> Result<Self, CdfError> {
        let mut bytes = Bytes::open(path.as_ref())?;
        let mut magic = [0u8; 8];
        bytes.read_into(0, &mut magic, "magic numbers")?;
        let first = u32::from_be_bytes(magic[..4].try_into().expect("4 bytes"));
        let second = u32::from_be_bytes(magic[4..].try_into().expect("4 bytes"));
        if first != 0xCDF3_0001 {
            return Err(CdfError::NotCdf3 {
                path: bytes.path,
                magic: first,
            });
        }
        if second == 0xCCCC_0001 {
            bytes = inflate_whole_file(bytes)?;
        }
        let descriptor = records::file_descriptor(&bytes)?;
        let variables = records::variables(&bytes, &descriptor)?;
        let attributes = records::attributes(&bytes, &descriptor)?;
        Ok(Self {
            bytes,
            order: descriptor.order,
            row_major: descriptor.row_major,
            variables,
            attributes,
            inflated: Mutex::new(std::collections::HashMap::new()),
        })
    }

    /// The file's path.
    pub fn path(&self) -> &Path {
        &self.bytes.path
    }

    /// Every variable, in the file's order.
    pub fn variables(&self) -> Vec<VariableInfo> {
        self.variables.iter().map(info).collect()
    }

    /// The variable called `name`.
    ///
    /// # Errors
    /// [`CdfError::MissingVariable`] if there is none.
    pub fn variable(&self, name: &str) -> Result<VariableInfo, CdfError> {
        Ok(info(&self.variables[self.index_of(name)?]))
    }

    /// The text of attribute `attribute` of variable `variable` (e.g. `UNITS`, `DEPEND_0`), if
    /// it has one and it is text.
    pub fn variable_text(&self, variable: &str, attribute: &str) -> Option<String> {
        let entry = self.variable_entry(variable, attribute)?;
        (entry.data_type == DataType::Char).then(|| text(&entry.value))
    }

    /// The first value of numeric attribute `attribute` of `variable` (e.g. `FILLVAL`).
    pub fn variable_number(&self, variable: &str, attribute: &str) -> Option<f64> {
        let entry = self.variable_entry(variable, attribute)?;
        let mut out = Vec::new();
        if entry.data_type.is_numeric() {
            decode_numbers(entry.data_type, self.order, &entry.value, &mut out);
        } else if entry.data_type == DataType::TimeTt2000 {
            out.extend(
                decode_i64(self.order, &entry.value)
                    .into_iter()
                    .map(|t| t as f64),
            );
        }
        out.first().copied()
    }

    /// The text entries of global attribute `attribute` (e.g. `Logical_source`).
    pub fn global_text(&self, attribute: &str) -> Vec<String> {
        self.attributes
            .iter()
            .filter(|a| a.global && a.name == attribute)
            .flat_map(|a| &a.entries)
            .filter(|e| e.data_type == DataType::Char)
            .map(|e| text(&e.value))
            .collect()
    }

    /// Every record of numeric variable `name`, shape `[records, dims...]`, fill values NaN.
    ///
    /// # Errors
    /// As [`CdfFile::read_records`].
    pub fn read(&self, name: &str) -> Result<ArrayD<f64>, CdfError> {
        let records = self.variables[self.index_of(name)?].records;
        self.read_records(name, 0..records)
    }

    /// Records `range` of numeric variable `name`, shape `[range.len(), dims...]`, with fill
    /// values (the variable's `FILLVAL`) and records the file does not hold as NaN.
    ///
    /// # Errors
    /// [`CdfError::MissingVariable`], [`CdfError::WrongType`] for times or text,
    /// [`CdfError::RecordRange`] past the last record, [`CdfError::Corrupt`] if the values
    /// cannot be read or inflated to their stated size.
    pub fn read_records(&self, name: &str, range: Range<usize>) -> Result<ArrayD<f64>, CdfError> {
        let index = self.index_of(name)?;
        let variable = &self.variables[index];
        if !variable.data_type.is_numeric() {
            return Err(self.wrong_type(variable, "numbers"));
        }
        let raw = self.raw_records(index, range.clone())?;
        let mut values = Vec::new();
        decode_numbers(variable.data_type, self.order, &raw, &mut values);
        if let Some(fill) = self.variable_number(name, "FILLVAL") {
            // Compared in the narrower of the two types: a REAL8 FILLVAL of -1e31 on REAL4
            // values is the REAL4 nearest -1e31, and a REAL4 FILLVAL on REAL8 values (as some
            // writers give) is that REAL4 widened; as f64s neither equals -1e31.
            let fill_is_real4 = self
                .variable_entry(name, "FILLVAL")
                .is_some_and(|e| e.data_type == DataType::Real4);
            let narrow = variable.data_type == DataType::Real4 || fill_is_real4;
            let is_fill = |v: f64| {
                if narrow {
                    v as f32 == fill as f32
                } else {
                    v == fill
                }
            };
            values
                .iter_mut()
                .filter(|v| is_fill(**v))
                .for_each(|v| *v = f64::NAN);
        }
        self.shaped(variable, range.len(), values)
    }

    /// Every record of TT2000 variable `name` (an `Epoch`), in nanoseconds of Terrestrial
    /// Time since J2000 (see [`super::time`]).
    ///
    /// # Errors
    /// As [`CdfFile::read_records`]; [`CdfError::WrongType`] if the variable is not TT2000.
    pub fn read_tt2000(&self, name: &str) -> Result<Vec<i64>, CdfError> {
        let index = self.index_of(name)?;
        let variable = &self.variables[index];
        if variable.data_type != DataType::TimeTt2000 {
            return Err(self.wrong_type(variable, "TT2000 times"));
        }
        let raw = self.raw_records(index, 0..variable.records)?;
        Ok(decode_i64(self.order, &raw))
    }

    fn index_of(&self, name: &str) -> Result<usize, CdfError> {
        self.variables
            .iter()
            .position(|v| v.name == name)
            .ok_or_else(|| CdfError::MissingVariable {
                path: self.bytes.path.clone(),
                variable: name.to_owned(),
            })
    }

    fn wrong_type(&self, variable: &VariableDescriptor, expected: &'static str) -> CdfError {
        CdfError::WrongType {
            path: self.bytes.path.clone(),
            variable: variable.name.clone(),
            found: variable.data_type.describe(),
            expected,
        }
    }

    fn variable_entry(&self, variable: &str, attribute: &str) -> Option<&records::Entry> {
        let v = &self.variables[self.index_of(variable).ok()?];
        self.attributes
            .iter()
            .filter(|a| !a.global && a.name == attribute)
            .flat_map(|a| &a.entries)
            .find(|e| e.target == v.number && e.is_z == v.is_z)
    }

    /// Bytes per record; `None` if the stated dimensions overflow.
    fn record_bytes(variable: &VariableDescriptor) -> Option<usize> {
        variable
            .shape
            .iter()
            .try_fold(variable.elements, |bytes, &dim| bytes.checked_mul(dim))?
            .checked_mul(variable.data_type.size())
    }

    /// The stored bytes of records `range`, records the file does not hold filled with the
    /// pad value (or NaN-producing bytes for reals, zeros otherwise).
    fn raw_records(&self, index: usize, range: Range<usize>) -> Result<Vec<u8>, CdfError> {
        let variable = &self.variables[index];
        if range.start > range.end || range.end > variable.records {
            return Err(CdfError::RecordRange {
                path: self.bytes.path.clone(),
                variable: variable.name.clone(),
                records: variable.records,
                first: range.start,
                end: range.end,
            });
        }
        // Corrupt dimensions can state records of any size: what a read asks for must be
        // something the file can hold (GZIP inflates at most MAX_INFLATION-fold) before any of
        // it is allocated.
        let size = Self::record_bytes(variable)
            .and_then(|size| Some((size, size.checked_mul(range.len())?)))
            .filter(|(_, total)| {
                (*total as u64) <= self.bytes.len().saturating_mul(MAX_INFLATION as u64)
            })
            .map(|(size, _)| size)
            .ok_or_else(|| {
                self.bytes.corrupt(
                    0,
                    format!(
                        "variable {}: {} records of dimensions {:?} cannot come from a {}-byte file",
                        variable.name,
                        range.len(),
                        variable.shape,
                        self.bytes.len()
                    ),
                )
            })?;
        let mut out = self.missing_records(variable, size, range.len());
        for extent in variable
            .extents
            .iter()
            .filter(|e| e.last >= range.start && e.first < range.end)
        {
            let first = extent.first.max(range.start);
            let end = (extent.last + 1).min(range.end);
            let target = &mut out[(first - range.start) * size..(end - range.start) * size];
            // A compressed variable may hold some blocks uncompressed (writers store a block
            // as is when GZIP would make it larger), so each block's own type decides.
            let (record_size, kind) =
                records::header(&self.bytes, extent.offset, "variable values record")?;
            if kind == CVVR {
                self.with_inflated(index, extent, size, |block| {
                    target.copy_from_slice(
                        &block[(first - extent.first) * size..(end - extent.first) * size],
                    );
                })?;
            } else {
                let needed = 12 + ((extent.last - extent.first + 1) * size) as i64;
                if record_size < needed {
                    return Err(self.bytes.corrupt(
                        extent.offset as u64,
                        format!("variable {}: values record too short", variable.name),
                    ));
                }
                let at = extent.offset as u64 + 12 + ((first - extent.first) * size) as u64;
                self.bytes.read_into(at, target, "variable values")?;
            }
        }
        Ok(out)
    }

    /// Bytes standing for records the file does not hold: the pad value if the variable has
    /// one, else NaN for reals (missing) and zeros for the rest.
    fn missing_records(&self, variable: &VariableDescriptor, size: usize, count: usize) -> Vec<u8> {
        let value: Vec<u8> = match (&variable.pad, variable.data_type) {
            (Some(pad), _) => pad.clone(),
            (None, DataType::Real4) => to_order(f32::NAN.to_be_bytes().to_vec(), self.order),
            (None, DataType::Real8) => to_order(f64::NAN.to_be_bytes().to_vec(), self.order),
            (None, t) => vec![0; t.size() * variable.elements],
        };
        if value.is_empty() {
            return vec![0; size * count];
        }
        value.iter().copied().cycle().take(size * count).collect()
    }

    fn with_inflated(
        &self,
        index: usize,
        extent: &Extent,
        record_size: usize,
        use_block: impl FnOnce(&[u8]),
    ) -> Result<(), CdfError> {
        let mut cache = self
            .inflated
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if !matches!(cache.get(&index), Some((first, _)) if *first == extent.first) {
            let (size, kind) =
                records::header(&self.bytes, extent.offset, "compressed values record")?;
            if kind != CVVR || size < 24 {
                return Err(self
                    .bytes
                    .corrupt(extent.offset as u64, "expected a compressed values record"));
            }
            let compressed = self.bytes.read(
                extent.offset as u64 + 24,
                (size - 24) as usize,
                "compressed values",
            )?;
            let expected = (extent.last - extent.first + 1) * record_size;
            let name = &self.variables[index].name;
            let block = gunzip(&compressed, expected).map_err(|why| {
                self.bytes
                    .corrupt(extent.offset as u64, format!("variable {name}: {why}"))
            })?;
            cache.insert(index, (extent.first, block));
        }
        use_block(&cache.get(&index).expect("filled above").1);
        Ok(())
    }

    fn shaped(
        &self,
        variable: &VariableDescriptor,
        records: usize,
        values: Vec<f64>,
    ) -> Result<ArrayD<f64>, CdfError> {
        let mut dims = variable.shape.clone();
        if variable.elements > 1 {
            dims.push(variable.elements);
        }
        let corrupt = |_| {
            self.bytes.corrupt(
                0,
                format!("variable {}: values do not fill their shape", variable.name),
            )
        };
        if self.row_major || dims.len() < 2 {
            let shape: Vec<usize> = std::iter::once(records).chain(dims).collect();
            return ArrayD::from_shape_vec(IxDyn(&shape), values).map_err(corrupt);
        }
        // Column-major: the first dimension varies fastest within a record. Read it with the
        // dimensions reversed, then swap them back into the declared order.
        let stored: Vec<usize> = std::iter::once(records)
            .chain(dims.iter().rev().copied())
            .collect();
        let array = ArrayD::from_shape_vec(IxDyn(&stored), values).map_err(corrupt)?;
        let axes: Vec<usize> = std::iter::once(0).chain((1..stored.len()).rev()).collect();
        Ok(array
            .permuted_axes(IxDyn(&axes))
            .as_standard_layout()
            .into_owned())
    }
}

/// The most DEFLATE can expand its input: 258 bytes from every 2 bits, bounded by 1032-fold.
const MAX_INFLATION: usize = 1032;

fn info(v: &VariableDescriptor) -> VariableInfo {
    VariableInfo {
        name: v.name.clone(),
        data_type: v.data_type,
        shape: v.shape.clone(),
        records: v.records,
        compressed: v.gzip,
        varies_by_record: v.record_varies,
    }
}

fn text(bytes: &[u8]) -> String {
    let end = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
    String::from_utf8_lossy(&bytes[..end]).trim_end().to_owned()
}

fn to_order(mut big_endian: Vec<u8>, order: ByteOrder) -> Vec<u8> {
    if order == ByteOrder::Little {
        big_endian.reverse();
    }
    big_endian
}

/// Inflates a GZIP stream to exactly `expected` bytes; more or fewer is corruption (and a
/// stream that would inflate past `expected` is stopped there, not inflated whole).
fn gunzip(compressed: &[u8], expected: usize) -> Result<Vec<u8>, String> {
    if expected > compressed.len().saturating_mul(MAX_INFLATION) {
        return Err(format!(
            "{} bytes of GZIP data cannot inflate to the stated {expected}",
            compressed.len()
        ));
    }
    let mut out = Vec::with_capacity(expected);
    let mut decoder = flate2::read::MultiGzDecoder::new(compressed).take(expected as u64 + 1);
    decoder
        .read_to_end(&mut out)
        .map_err(|e| format!("GZIP data do not inflate ({e})"))?;
    if out.len() != expected {
        return Err(format!(
            "GZIP data inflate to {} bytes, expected {expected}",
            out.len()
        ));
    }
    Ok(out)
}

/// A file whose body is one GZIP block (a CCR after the magic numbers) is inflated into
/// memory, with uncompressed magic numbers in front, as the CDF library does.
fn inflate_whole_file(bytes: Bytes) -> Result<Bytes, CdfError> {
    let (size, kind) = records::header(&bytes, 8, "compressed CDF record")?;
    if kind != CCR || size < 32 {
        return Err(bytes.corrupt(8, "expected the compressed CDF record"));
    }
    let mut fields = [0u8; 20];
    bytes.read_into(20, &mut fields, "compressed CDF record")?;
    let cpr_offset = i64::from_be_bytes(fields[..8].try_into().expect("8 bytes"));
    let uncompressed = i64::from_be_bytes(fields[8..16].try_into().expect("8 bytes"));
    let cpr = records::descriptor(&bytes, cpr_offset, 11, "compression parameters record")?;
    let kind = cpr
        .get(..4)
        .map(|b| i32::from_be_bytes(b.try_into().expect("4 bytes")));
    if kind != Some(5) {
        return Err(CdfError::Unsupported {
            path: bytes.path.clone(),
            what: format!("whole-file compression type {kind:?}"),
        });
    }
    if !(0..=1 << 34).contains(&uncompressed) {
        return Err(bytes.corrupt(8, format!("compressed CDF claims {uncompressed} bytes")));
    }
    let compressed = bytes.read(40, (size - 32) as usize, "compressed CDF body")?;
    let body = gunzip(&compressed, uncompressed as usize).map_err(|why| bytes.corrupt(40, why))?;
    let mut whole = Vec::with_capacity(body.len() + 8);
    whole.extend_from_slice(&0xCDF3_0001u32.to_be_bytes());
    whole.extend_from_slice(&0x0000_FFFFu32.to_be_bytes());
    whole.extend_from_slice(&body);
    Ok(Bytes {
        path: bytes.path,
        source: Source::Memory(whole),
    })
}
