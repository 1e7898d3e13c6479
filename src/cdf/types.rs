//! CDF data types and the byte order of values (CDF Internal Format Description, v3.9,
//! Sections 2.6 and 5): how many bytes a value takes and how it becomes an `f64`.

/// A CDF value type, by its code in the internal format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataType {
    /// CDF_INT1 (1) or CDF_BYTE (41).
    Int1,
    /// CDF_INT2 (2).
    Int2,
    /// CDF_INT4 (4).
    Int4,
    /// CDF_INT8 (8).
    Int8,
    /// CDF_UINT1 (11).
    Uint1,
    /// CDF_UINT2 (12).
    Uint2,
    /// CDF_UINT4 (14).
    Uint4,
    /// CDF_REAL4 (21) or CDF_FLOAT (44).
    Real4,
    /// CDF_REAL8 (22) or CDF_DOUBLE (45).
    Real8,
    /// CDF_EPOCH (31): milliseconds since 0000-01-01, as a REAL8.
    Epoch,
    /// CDF_EPOCH16 (32): two REAL8s, seconds and picoseconds.
    Epoch16,
    /// CDF_TIME_TT2000 (33): nanoseconds of Terrestrial Time since J2000, as an INT8.
    TimeTt2000,
    /// CDF_CHAR (51) or CDF_UCHAR (52).
    Char,
}

impl DataType {
    /// The type of internal-format code `code`, or `None` for an unknown code.
    pub fn from_code(code: i32) -> Option<Self> {
        Some(match code {
            1 | 41 => Self::Int1,
            2 => Self::Int2,
            4 => Self::Int4,
            8 => Self::Int8,
            11 => Self::Uint1,
            12 => Self::Uint2,
            14 => Self::Uint4,
            21 | 44 => Self::Real4,
            22 | 45 => Self::Real8,
            31 => Self::Epoch,
            32 => Self::Epoch16,
            33 => Self::TimeTt2000,
            51 | 52 => Self::Char,
            _ => return None,
        })
    }

    /// Bytes per element.
    pub fn size(self) -> usize {
        match self {
            Self::Int1 | Self::Uint1 | Self::Char => 1,
            Self::Int2 | Self::Uint2 => 2,
            Self::Int4 | Self::Uint4 | Self::Real4 => 4,
            Self::Int8 | Self::Real8 | Self::Epoch | Self::TimeTt2000 => 8,
            Self::Epoch16 => 16,
        }
    }

    /// A short name for messages.
    pub fn describe(self) -> &'static str {
        match self {
            Self::Char => "text",
            Self::TimeTt2000 => "TT2000 times",
            Self::Epoch | Self::Epoch16 => "CDF_EPOCH times",
            _ => "numbers",
        }
    }

    /// Whether the values are numbers an analysis can use as `f64` (every integer and real
    /// type; not times or text).
    pub fn is_numeric(self) -> bool {
        !matches!(
            self,
            Self::Char | Self::Epoch | Self::Epoch16 | Self::TimeTt2000
        )
    }
}

/// Byte order of the values (the internal records themselves are always big-endian).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ByteOrder {
    /// Network, SUN, SGi, IBMRS, PPC, HP, NeXT, ARM big-endian.
    Big,
    /// DECSTATION, IBMPC, ALPHAOSF1, ALPHAVMSi, ARM little-endian, IA64VMSi.
    Little,
}

impl ByteOrder {
    /// The byte order of CDR encoding `code`, or `None` for the VAX encodings (whose floats
    /// are not IEEE) and unknown codes.
    pub fn from_encoding(code: i32) -> Option<Self> {
        match code {
            1 | 2 | 5 | 7 | 9 | 11 | 12 | 18 => Some(Self::Big),
            4 | 6 | 13 | 16 | 17 | 19 => Some(Self::Little),
            _ => None,
        }
    }
}

macro_rules! read_as {
    ($ty:ty, $bytes:expr, $order:expr) => {{
        let array = $bytes.try_into().expect("chunk length is the type's size");
        match $order {
            ByteOrder::Big => <$ty>::from_be_bytes(array),
            ByteOrder::Little => <$ty>::from_le_bytes(array),
        }
    }};
}

/// Decodes numeric values (`DataType::is_numeric`) from `bytes` into `out`, one per element.
pub(crate) fn decode_numbers(
    data_type: DataType,
    order: ByteOrder,
    bytes: &[u8],
    out: &mut Vec<f64>,
) {
    let size = data_type.size();
    out.reserve(bytes.len() / size);
    let chunks = bytes.chunks_exact(size);
    match data_type {
        DataType::Int1 => out.extend(chunks.map(|c| f64::from(c[0] as i8))),
        DataType::Uint1 => out.extend(chunks.map(|c| f64::from(c[0]))),
        DataType::Int2 => out.extend(chunks.map(|c| f64::from(read_as!(i16, c, order)))),
        DataType::Uint2 => out.extend(chunks.map(|c| f64::from(read_as!(u16, c, order)))),
        DataType::Int4 => out.extend(chunks.map(|c| f64::from(read_as!(i32, c, order)))),
        DataType::Uint4 => out.extend(chunks.map(|c| f64::from(read_as!(u32, c, order)))),
        // Counts in MMS files are far below 2^53, where an i64 stops being exact in an f64.
        DataType::Int8 => out.extend(chunks.map(|c| read_as!(i64, c, order) as f64)),
        DataType::Real4 => out.extend(chunks.map(|c| f64::from(read_as!(f32, c, order)))),
        DataType::Real8 | DataType::Epoch => out.extend(chunks.map(|c| read_as!(f64, c, order))),
        DataType::TimeTt2000 | DataType::Epoch16 | DataType::Char => {
            unreachable!("callers check is_numeric before decoding numbers")
        }
    }
}

/// Decodes 8-byte signed integers (TT2000 times) from `bytes`.
pub(crate) fn decode_i64(order: ByteOrder, bytes: &[u8]) -> Vec<i64> {
    bytes
        .chunks_exact(8)
        .map(|c| read_as!(i64, c, order))
        .collect()
}
