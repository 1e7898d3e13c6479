//! A small CDF version 3 writer: uncompressed, little-endian (IBMPC), row-major zVariables
//! with ISTP attributes. It writes the workbook's fixture files and the full-size files the
//! reader is benchmarked on; files from an independent writer (Python `cdflib`) test the
//! reader too, so the two cannot share a misreading of the format unnoticed.

use super::types::DataType;
use std::io::{self, Write};
use std::path::Path;

/// A variable to write: values already in little-endian bytes.
pub struct NewVariable {
    name: String,
    data_type: DataType,
    shape: Vec<usize>,
    varies_by_record: bool,
    records: usize,
    /// Values given, checked against the records and shape when the file is written.
    values: usize,
    bytes: Vec<u8>,
    attributes: Vec<(String, AttributeValue)>,
}

/// The value of an attribute entry.
#[derive(Debug, Clone, PartialEq)]
pub enum AttributeValue {
    /// Text (CDF_CHAR).
    Text(String),
    /// A CDF_REAL4.
    Real4(f32),
    /// A CDF_REAL8.
    Real8(f64),
    /// A CDF_TIME_TT2000.
    Tt2000(i64),
}

impl AttributeValue {
    fn data_type(&self) -> DataType {
        match self {
            Self::Text(_) => DataType::Char,
            Self::Real4(_) => DataType::Real4,
            Self::Real8(_) => DataType::Real8,
            Self::Tt2000(_) => DataType::TimeTt2000,
        }
    }

    fn bytes(&self) -> Vec<u8> {
        match self {
            Self::Text(text) => text.as_bytes().to_vec(),
            Self::Real4(v) => v.to_le_bytes().to_vec(),
            Self::Real8(v) => v.to_le_bytes().to_vec(),
            Self::Tt2000(v) => v.to_le_bytes().to_vec(),
        }
    }
}

impl NewVariable {
    /// Adds a variable attribute (`FILLVAL`, `DEPEND_0`, `UNITS`...).
    pub fn attribute(&mut self, name: &str, value: AttributeValue) -> &mut Self {
        self.attributes.push((name.to_owned(), value));
        self
    }
}

/// A CDF file being assembled in memory, then written in one pass.
#[derive(Default)]
pub struct CdfWriter {
    globals: Vec<(String, String)>,
    variables: Vec<NewVariable>,
}

const CDR_BYTES: u64 = 312;
const GDR_BYTES: u64 = 84;
const ZVDR_FIXED_BYTES: u64 = 344;
const VXR_BYTES: u64 = 12 + 8 + 4 + 4 + 4 + 4 + 8;
const ADR_BYTES: u64 = 324;
const AEDR_FIXED_BYTES: u64 = 56;

impl CdfWriter {
    /// An empty file.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a global text attribute (`Logical_source`, `Data_version`...).
    pub fn global(&mut self, name: &str, text: &str) -> &mut Self {
        self.globals.push((name.to_owned(), text.to_owned()));
        self
    }

    /// Adds a record-varying REAL4 variable with records of `shape` (`values.len()` a multiple
    /// of its product).
    pub fn real4(&mut self, name: &str, shape: &[usize], values: &[f32]) -> &mut NewVariable {
        let bytes = values.iter().flat_map(|v| v.to_le_bytes()).collect();
        self.push(name, DataType::Real4, shape, true, values.len(), bytes)
    }

    /// Adds a record-varying REAL8 variable with records of `shape`.
    pub fn real8(&mut self, name: &str, shape: &[usize], values: &[f64]) -> &mut NewVariable {
        let bytes = values.iter().flat_map(|v| v.to_le_bytes()).collect();
        self.push(name, DataType::Real8, shape, true, values.len(), bytes)
    }

    /// Adds a REAL4 variable with one record for all times (ISTP "NRV"), e.g. an angle table.
    pub fn constant_real4(
        &mut self,
        name: &str,
        shape: &[usize],
        values: &[f32],
    ) -> &mut NewVariable {
        let bytes = values.iter().flat_map(|v| v.to_le_bytes()).collect();
        self.push(name, DataType::Real4, shape, false, values.len(), bytes)
    }

    /// Adds a REAL8 variable with one record for all times (ISTP "NRV").
    pub fn constant_real8(
        &mut self,
        name: &str,
        shape: &[usize],
        values: &[f64],
    ) -> &mut NewVariable {
        let bytes = values.iter().flat_map(|v| v.to_le_bytes()).collect();
        self.push(name, DataType::Real8, shape, false, values.len(), bytes)
    }

    /// Adds a TT2000 time variable (an `Epoch`), nanoseconds.
    pub fn tt2000(&mut self, name: &str, times: &[i64]) -> &mut NewVariable {
        let bytes = times.iter().flat_map(|v| v.to_le_bytes()).collect();
        self.push(name, DataType::TimeTt2000, &[], true, times.len(), bytes)
    }

    fn push(
        &mut self,
        name: &str,
        data_type: DataType,
        shape: &[usize],
        varies_by_record: bool,
        values: usize,
        bytes: Vec<u8>,
    ) -> &mut NewVariable {
        let per_record = shape.iter().product::<usize>().max(1);
        self.variables.push(NewVariable {
            name: name.to_owned(),
            data_type,
            shape: shape.to_vec(),
            varies_by_record,
            records: values / per_record,
            values,
            bytes,
            attributes: Vec::new(),
        });
        self.variables.last_mut().expect("just pushed")
    }

    /// Writes the file to `path` (through a temporary file in the same directory, renamed
    /// into place, so a reader never sees half a file).
    ///
    /// # Errors
    /// [`io::ErrorKind::InvalidInput`] naming the variable if its values do not fill whole
    /// records of its shape, a dimension is zero, its name is empty, repeated or longer than
    /// CDF's 256 bytes, or it has more records than CDF counts; otherwise whatever the file
    /// system says. Nothing is written then.
    pub fn write(&self, path: &Path) -> io::Result<()> {
        self.validate()?;
        let directory = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let mut file = tempfile::NamedTempFile::new_in(directory)?;
        {
            let mut out = io::BufWriter::new(file.as_file_mut());
            self.write_to(&mut out)?;
            out.flush()?;
        }
        file.persist(path).map_err(|e| e.error)?;
        Ok(())
    }

    fn validate(&self) -> io::Result<()> {
        for (k, v) in self.variables.iter().enumerate() {
            let per_record = v.shape.iter().product::<usize>();
            let problem = if v.name.is_empty() || v.name.len() > 256 {
                Some("a name of 1 to 256 bytes".to_owned())
            } else if self.variables[..k].iter().any(|w| w.name == v.name) {
                Some("a name no other variable has".to_owned())
            } else if per_record == 0 && !v.shape.is_empty() {
                Some(format!("no zero dimension (shape {:?})", v.shape))
            } else if v.values % per_record.max(1) != 0 {
                Some(format!(
                    "whole records of shape {:?} ({} values given)",
                    v.shape, v.values
                ))
            } else if v.records > i32::MAX as usize {
                Some(format!("at most {} records", i32::MAX))
            } else {
                None
            };
            if let Some(needed) = problem {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidInput,
                    format!("CDF variable {:?} needs {needed}", v.name),
                ));
            }
        }
        Ok(())
    }

    fn attribute_names(&self) -> Vec<(String, bool)> {
        let mut names: Vec<(String, bool)> = Vec::new();
        let globals = self.globals.iter().map(|(n, _)| (n, true));
        let locals = self
            .variables
            .iter()
            .flat_map(|v| v.attributes.iter().map(|(n, _)| (n, false)));
        for (name, global) in globals.chain(locals) {
            if !names.iter().any(|(n, _)| n == name) {
                names.push((name.clone(), global));
            }
        }
        names
    }

    fn write_to(&self, out: &mut impl Write) -> io::Result<()> {
        let names = self.attribute_names();
        // First pass: where every record goes.
        let mut at = 8 + CDR_BYTES + GDR_BYTES;
        let mut variable_at = Vec::new();
        for v in &self.variables {
            let vdr = ZVDR_FIXED_BYTES + 8 * v.shape.len() as u64;
            variable_at.push((at, at + vdr, at + vdr + VXR_BYTES));
            at += vdr + VXR_BYTES + 12 + v.bytes.len() as u64;
        }
        let mut attribute_at = Vec::new();
        for (name, global) in &names {
            let entries = self.entries(name, *global);
            let sizes: Vec<u64> = entries
                .iter()
                .map(|(_, value)| AEDR_FIXED_BYTES + value.bytes().len() as u64)
                .collect();
            attribute_at.push((at, entries, sizes.clone()));
            at += ADR_BYTES + sizes.iter().sum::<u64>();
        }
        let eof = at;
        // Second pass: write them in that order.
        out.write_all(&0xCDF3_0001u32.to_be_bytes())?;
        out.write_all(&0x0000_FFFFu32.to_be_bytes())?;
        let mut r = Record::new(CDR_BYTES, 1);
        r.i64(8 + CDR_BYTES as i64)
            .i32(3)
            .i32(9)
            .i32(6)
            .i32(0b11)
            .i32(0)
            .i32(0)
            .i32(0)
            .i32(-1)
            .i32(-1);
        r.text("mmsbook CDF writer", 256);
        r.finish(out)?;
        let mut g = Record::new(GDR_BYTES, 2);
        let first_variable = variable_at.first().map_or(0, |v| v.0 as i64);
        let first_attribute = attribute_at.first().map_or(0, |a| a.0 as i64);
        g.i64(0)
            .i64(first_variable)
            .i64(first_attribute)
            .i64(eof as i64);
        g.i32(0)
            .i32(names.len() as i32)
            .i32(-1)
            .i32(0)
            .i32(self.variables.len() as i32);
        g.i64(0).i32(0).i32(-1).i32(0);
        g.finish(out)?;
        for (k, v) in self.variables.iter().enumerate() {
            let (vdr_at, vxr_at, vvr_at) = variable_at[k];
            let next = variable_at.get(k + 1).map_or(0, |n| n.0 as i64);
            let mut z = Record::new(vxr_at - vdr_at, 8);
            let max_record = if v.records == 0 {
                -1
            } else {
                v.records as i32 - 1
            };
            z.i64(next)
                .i32(type_code(v.data_type))
                .i32(max_record)
                .i64(vxr_at as i64)
                .i64(vxr_at as i64);
            z.i32(i32::from(v.varies_by_record))
                .i32(0)
                .i32(0)
                .i32(-1)
                .i32(-1);
            z.i32(1).i32(k as i32).i64(-1).i32(0).text(&v.name, 256);
            z.i32(v.shape.len() as i32);
            v.shape.iter().for_each(|&s| {
                z.i32(s as i32);
            });
            v.shape.iter().for_each(|_| {
                z.i32(-1);
            });
            z.finish(out)?;
            let mut x = Record::new(VXR_BYTES, 6);
            x.i64(0)
                .i32(1)
                .i32(i32::from(v.records > 0))
                .i32(0)
                .i32(max_record)
                .i64(vvr_at as i64);
            x.finish(out)?;
            let vvr = Record::new(12 + v.bytes.len() as u64, 7);
            vvr.finish(out)?;
            out.write_all(&v.bytes)?;
        }
        for (k, (name, global)) in names.iter().enumerate() {
            let (adr_at, entries, sizes) = &attribute_at[k];
            let next = attribute_at.get(k + 1).map_or(0, |a| a.0 as i64);
            let first_entry = if entries.is_empty() {
                0
            } else {
                (adr_at + ADR_BYTES) as i64
            };
            let count = entries.len() as i32;
            let max_entry = entries.iter().map(|(t, _)| *t).max().unwrap_or(-1);
            let mut a = Record::new(ADR_BYTES, 4);
            a.i64(next);
            if *global {
                a.i64(first_entry)
                    .i32(1)
                    .i32(k as i32)
                    .i32(count)
                    .i32(max_entry)
                    .i32(0)
                    .i64(0)
                    .i32(0)
                    .i32(-1);
            } else {
                a.i64(0)
                    .i32(2)
                    .i32(k as i32)
                    .i32(0)
                    .i32(-1)
                    .i32(0)
                    .i64(first_entry)
                    .i32(count)
                    .i32(max_entry);
            }
            a.i32(-1).text(name, 256);
            a.finish(out)?;
            let mut entry_at = adr_at + ADR_BYTES;
            for (e, (target, value)) in entries.iter().enumerate() {
                let next = if e + 1 < entries.len() {
                    (entry_at + sizes[e]) as i64
                } else {
                    0
                };
                let bytes = value.bytes();
                let elements = if matches!(value, AttributeValue::Text(_)) {
                    bytes.len()
                } else {
                    1
                };
                let mut r = Record::new(sizes[e], if *global { 5 } else { 9 });
                r.i64(next)
                    .i32(k as i32)
                    .i32(type_code(value.data_type()))
                    .i32(*target)
                    .i32(elements as i32);
                r.i32(0).i32(0).i32(0).i32(-1).i32(-1);
                r.finish(out)?;
                out.write_all(&bytes)?;
                entry_at += sizes[e];
            }
        }
        Ok(())
    }

    /// The entries of attribute `name`: (global entry number or variable number, value).
    fn entries(&self, name: &str, global: bool) -> Vec<(i32, AttributeValue)> {
        if global {
            let texts = self.globals.iter().filter(|(n, _)| n == name);
            return texts
                .enumerate()
                .map(|(k, (_, t))| (k as i32, AttributeValue::Text(t.clone())))
                .collect();
        }
        let numbered = self.variables.iter().enumerate();
        numbered
            .flat_map(|(k, v)| {
                v.attributes
                    .iter()
                    .filter(|(n, _)| n == name)
                    .map(move |(_, value)| (k as i32, value.clone()))
            })
            .collect()
    }
}

fn type_code(data_type: DataType) -> i32 {
    match data_type {
        DataType::Real4 => 21,
        DataType::Real8 => 22,
        DataType::TimeTt2000 => 33,
        DataType::Char => 51,
        other => unreachable!("the writer makes no {other:?} values"),
    }
}

/// One internal record's fixed part, big-endian, checked against its declared size.
struct Record {
    bytes: Vec<u8>,
    size: u64,
}

impl Record {
    fn new(size: u64, record_type: i32) -> Self {
        let mut r = Self {
            bytes: Vec::with_capacity(512),
            size,
        };
        r.i64(size as i64).i32(record_type);
        r
    }

    fn i32(&mut self, v: i32) -> &mut Self {
        self.bytes.extend_from_slice(&v.to_be_bytes());
        self
    }

    fn i64(&mut self, v: i64) -> &mut Self {
        self.bytes.extend_from_slice(&v.to_be_bytes());
        self
    }

    fn text(&mut self, text: &str, width: usize) -> &mut Self {
        let mut field = text.as_bytes().to_vec();
        field.resize(width, 0);
        self.bytes.extend_from_slice(&field);
        self
    }

    /// Writes the fixed part; the caller writes any values that follow it.
    fn finish(&self, out: &mut impl Write) -> io::Result<()> {
        debug_assert!(
            self.bytes.len() as u64 <= self.size,
            "record larger than its size field"
        );
        out.write_all(&self.bytes)
    }
}
