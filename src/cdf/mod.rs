//! A reader of NASA CDF version 3 files, as the MMS Level-2 products are written: zVariables
//! (and rVariables), little- or big-endian values, row- or column-major records, GZIP
//! compression of single variables or of the whole file, ISTP attributes (`FILLVAL`,
//! `DEPEND_0`, `UNITS`), and CDF_TIME_TT2000 epochs converted with hifitime.
//!
//! Written against the CDF Internal Format Description (v3.9, NASA GSFC) and checked
//! against files written by an independent writer (Python `cdflib`, `tests/data/`). The
//! `cdf` crate (0.1.4) was evaluated first: it parses the record structure, but decodes every
//! value of every variable eagerly into a 32-byte enum on open (8x the memory of the REAL4
//! distributions, with no way to read a range of records), and leaves GZIP-compressed
//! records compressed, so a minute of burst distributions could be neither streamed nor read.
//!
//! What is not read: CDF 2.x files, EPOCH16 values, VAX encodings, RLE and Huffman
//! compression, and sparse records beyond pad filling; each gives a typed error or is filled
//! as missing.

mod error;
mod file;
mod records;
mod source;
pub mod time;
mod types;
pub mod write;

pub use error::CdfError;
pub use file::{CdfFile, VariableInfo};
pub use types::{ByteOrder, DataType};
