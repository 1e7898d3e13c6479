//! Where a CDF's bytes come from: the file itself, read at offsets, or (for a file whose
//! whole body is compressed) its inflated body in memory. Every read is bounds-checked, so a
//! pointer past the end of a truncated file is an error, not a short read.

use super::CdfError;
use std::fs::File;
use std::path::{Path, PathBuf};

pub(crate) enum Source {
    File { file: File, len: u64 },
    Memory(Vec<u8>),
}

/// A CDF's bytes and its path, for messages.
pub(crate) struct Bytes {
    pub path: PathBuf,
    pub source: Source,
}

impl Bytes {
    pub fn open(path: &Path) -> Result<Self, CdfError> {
        let io = |reason| CdfError::Io {
            path: path.to_owned(),
            reason,
        };
        let file = File::open(path).map_err(io)?;
        let len = file.metadata().map_err(io)?.len();
        Ok(Self {
            path: path.to_owned(),
            source: Source::File { file, len },
        })
    }

    pub fn len(&self) -> u64 {
        match &self.source {
            Source::File { len, .. } => *len,
            Source::Memory(bytes) => bytes.len() as u64,
        }
    }

    pub fn corrupt(&self, offset: u64, what: impl Into<String>) -> CdfError {
        CdfError::Corrupt {
            path: self.path.clone(),
            offset,
            what: what.into(),
        }
    }

    /// Fills `buffer` from byte `offset`; an error if the file ends first.
    pub fn read_into(&self, offset: u64, buffer: &mut [u8], what: &str) -> Result<(), CdfError> {
        let end = offset.checked_add(buffer.len() as u64);
        if end.is_none_or(|end| end > self.len()) {
            return Err(self.corrupt(
                offset,
                format!(
                    "{what} runs past the end of the file ({} bytes)",
                    self.len()
                ),
            ));
        }
        match &self.source {
            Source::File { file, .. } => {
                read_exact_at(file, buffer, offset).map_err(|reason| CdfError::Io {
                    path: self.path.clone(),
                    reason,
                })
            }
            Source::Memory(bytes) => {
                let start = offset as usize;
                buffer.copy_from_slice(&bytes[start..start + buffer.len()]);
                Ok(())
            }
        }
    }

    pub fn read(&self, offset: u64, len: usize, what: &str) -> Result<Vec<u8>, CdfError> {
        if len as u64 > self.len() {
            return Err(self.corrupt(
                offset,
                format!("{what} of {len} bytes is longer than the file"),
            ));
        }
        let mut buffer = vec![0; len];
        self.read_into(offset, &mut buffer, what)?;
        Ok(buffer)
    }
}

#[cfg(unix)]
fn read_exact_at(file: &File, buffer: &mut [u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buffer, offset)
}

#[cfg(windows)]
fn read_exact_at(file: &File, mut buffer: &mut [u8], mut offset: u64) -> std::io::Result<()> {
    use std::os::windows::fs::FileExt;
    while !buffer.is_empty() {
        match file.seek_read(buffer, offset)? {
            0 => return Err(std::io::ErrorKind::UnexpectedEof.into()),
            n => {
                buffer = &mut buffer[n..];
                offset += n as u64;
            }
        }
    }
    Ok(())
}

/// A big-endian cursor over one internal record's bytes; reading past its end is an error
/// naming the record, never a panic.
pub(crate) struct Fields<'a> {
    bytes: &'a [u8],
    at: usize,
    pub offset: u64,
    pub what: &'static str,
}

impl<'a> Fields<'a> {
    pub fn new(bytes: &'a [u8], offset: u64, what: &'static str) -> Self {
        Self {
            bytes,
            at: 0,
            offset,
            what,
        }
    }

    pub fn take(&mut self, n: usize, source: &Bytes) -> Result<&'a [u8], CdfError> {
        let slice = self
            .bytes
            .get(self.at..self.at.saturating_add(n))
            .ok_or_else(|| {
                source.corrupt(
                    self.offset,
                    format!("{} shorter than its fields", self.what),
                )
            })?;
        self.at += n;
        Ok(slice)
    }

    pub fn i32(&mut self, source: &Bytes) -> Result<i32, CdfError> {
        Ok(i32::from_be_bytes(
            self.take(4, source)?.try_into().expect("4 bytes"),
        ))
    }

    pub fn i64(&mut self, source: &Bytes) -> Result<i64, CdfError> {
        Ok(i64::from_be_bytes(
            self.take(8, source)?.try_into().expect("8 bytes"),
        ))
    }

    pub fn text(&mut self, n: usize, source: &Bytes) -> Result<String, CdfError> {
        let raw = self.take(n, source)?;
        let end = raw.iter().position(|&b| b == 0).unwrap_or(raw.len());
        Ok(String::from_utf8_lossy(&raw[..end]).into_owned())
    }

    pub fn rest(&self) -> &'a [u8] {
        &self.bytes[self.at.min(self.bytes.len())..]
    }
}
