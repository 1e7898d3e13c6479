//! The internal records of a CDF version 3 file that a reader of zVariables needs (CDF
//! Internal Format Description v3.9, Chapter 2): the descriptor records (CDR, GDR), the
//! variable descriptors (zVDR, rVDR) with their index trees (VXR), compression parameters
//! (CPR) and the attributes (ADR, AgrEDR, AzEDR). Offsets below are from each record's start.

use super::CdfError;
use super::source::{Bytes, Fields};
use super::types::{ByteOrder, DataType};

const CDR: i32 = 1;
const GDR: i32 = 2;
const RVDR: i32 = 3;
const ADR: i32 = 4;
const AGREDR: i32 = 5;
pub(crate) const VXR: i32 = 6;
pub(crate) const VVR: i32 = 7;
const ZVDR: i32 = 8;
const AZEDR: i32 = 9;
const CPR: i32 = 11;
pub(crate) const CVVR: i32 = 13;
/// GZIP in a CPR's compression-type field; the only compression MMS files use.
const GZIP: i32 = 5;
/// The longest descriptor record read whole: real ones are a few hundred bytes, VXRs a few
/// kilobytes; anything larger is a corrupt size field, not a record.
const MAX_DESCRIPTOR_BYTES: i64 = 1 << 24;
/// Index trees deeper than this are corrupt (real files use one or two levels).
const MAX_INDEX_DEPTH: usize = 16;
/// A record larger than this is a corrupt size field (an MMS DES distribution is 64 KB).
const MAX_RECORD_BYTES: usize = 1 << 28;
/// More dimensions than this in a variable is a corrupt field (CDF's own limit is 10).
const MAX_DIMENSIONS: i32 = 10;

/// Reads the internal record at `offset`, checking its type; returns its bytes after the
/// 12-byte size-and-type header.
pub(crate) fn descriptor(
    bytes: &Bytes,
    offset: i64,
    expected: i32,
    what: &'static str,
) -> Result<Vec<u8>, CdfError> {
    let (size, record_type) = header(bytes, offset, what)?;
    if record_type != expected {
        return Err(bytes.corrupt(
            offset as u64,
            format!("expected a {what} (type {expected}), found type {record_type}"),
        ));
    }
    if size > MAX_DESCRIPTOR_BYTES {
        return Err(bytes.corrupt(offset as u64, format!("{what} claims {size} bytes")));
    }
    bytes.read(offset as u64 + 12, (size - 12) as usize, what)
}

/// The size and type of the record at `offset`.
pub(crate) fn header(
    bytes: &Bytes,
    offset: i64,
    what: &'static str,
) -> Result<(i64, i32), CdfError> {
    if offset < 8 {
        return Err(bytes.corrupt(
            offset.max(0) as u64,
            format!("{what} pointer {offset} is invalid"),
        ));
    }
    let mut raw = [0u8; 12];
    bytes.read_into(offset as u64, &mut raw, what)?;
    let size = i64::from_be_bytes(raw[..8].try_into().expect("8 bytes"));
    let record_type = i32::from_be_bytes(raw[8..].try_into().expect("4 bytes"));
    if size < 12 || size as u64 > bytes.len() - offset as u64 {
        return Err(bytes.corrupt(
            offset as u64,
            format!("{what} size {size} does not fit in the file"),
        ));
    }
    Ok((size, record_type))
}

/// What the CDR and GDR say about the whole file.
pub(crate) struct Descriptor {
    pub order: ByteOrder,
    pub row_major: bool,
    pub zvdr_head: i64,
    pub rvdr_head: i64,
    pub adr_head: i64,
    pub z_variables: i32,
    pub r_variables: i32,
    pub attributes: i32,
    pub r_dims: Vec<usize>,
}

pub(crate) fn file_descriptor(bytes: &Bytes) -> Result<Descriptor, CdfError> {
    let cdr = descriptor(bytes, 8, CDR, "CDF descriptor record")?;
    let mut f = Fields::new(&cdr, 8, "CDF descriptor record");
    let gdr_offset = f.i64(bytes)?;
    let version = f.i32(bytes)?;
    let _release = f.i32(bytes)?;
    let encoding = f.i32(bytes)?;
    let flags = f.i32(bytes)?;
    if version != 3 {
        return Err(CdfError::Unsupported {
            path: bytes.path.clone(),
            what: format!("CDF version {version}"),
        });
    }
    let order = ByteOrder::from_encoding(encoding).ok_or_else(|| CdfError::Unsupported {
        path: bytes.path.clone(),
        what: format!("data encoding {encoding} (VAX or unknown)"),
    })?;
    let gdr = descriptor(bytes, gdr_offset, GDR, "global descriptor record")?;
    let mut g = Fields::new(&gdr, gdr_offset as u64, "global descriptor record");
    let rvdr_head = g.i64(bytes)?;
    let zvdr_head = g.i64(bytes)?;
    let adr_head = g.i64(bytes)?;
    let _eof = g.i64(bytes)?;
    let r_variables = g.i32(bytes)?;
    let attributes = g.i32(bytes)?;
    let _r_max_record = g.i32(bytes)?;
    let r_num_dims = g.i32(bytes)?;
    let z_variables = g.i32(bytes)?;
    let _uir_head = g.i64(bytes)?;
    let _rfu_c = g.i32(bytes)?;
    let _leap_second_update = g.i32(bytes)?;
    let _rfu_e = g.i32(bytes)?;
    if !(0..=MAX_DIMENSIONS).contains(&r_num_dims) {
        return Err(bytes.corrupt(
            gdr_offset as u64,
            format!("{r_num_dims} rVariable dimensions"),
        ));
    }
    let r_dims = (0..r_num_dims)
        .map(|_| g.i32(bytes).map(|d| d.max(0) as usize))
        .collect::<Result<_, _>>()?;
    Ok(Descriptor {
        order,
        row_major: flags & 1 == 1,
        zvdr_head,
        rvdr_head,
        adr_head,
        z_variables,
        r_variables,
        attributes,
        r_dims,
    })
}

/// One contiguous run of records, `first..=last`, stored in the VVR or CVVR at `offset`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Extent {
    pub first: usize,
    pub last: usize,
    pub offset: i64,
}

/// A variable as its descriptor record describes it.
pub(crate) struct VariableDescriptor {
    pub name: String,
    pub number: i32,
    pub is_z: bool,
    pub data_type: DataType,
    pub elements: usize,
    pub shape: Vec<usize>,
    pub record_varies: bool,
    pub records: usize,
    pub gzip: bool,
    pub pad: Option<Vec<u8>>,
    pub extents: Vec<Extent>,
}

/// Walks a linked list of records of one type from `head`, at most `count` of them; a list
/// that comes back to a record it has visited is corrupt (and would otherwise never end).
fn walk<T>(
    bytes: &Bytes,
    head: i64,
    count: i32,
    mut read: impl FnMut(i64) -> Result<(T, i64), CdfError>,
) -> Result<Vec<T>, CdfError> {
    let mut items = Vec::new();
    let mut visited = std::collections::HashSet::new();
    let mut next = head;
    while next != 0 && items.len() < count.max(0) as usize {
        if !visited.insert(next) {
            return Err(bytes.corrupt(next as u64, "a list of records loops back on itself"));
        }
        let (item, following) = read(next)?;
        items.push(item);
        next = following;
    }
    Ok(items)
}

pub(crate) fn variables(
    bytes: &Bytes,
    d: &Descriptor,
) -> Result<Vec<VariableDescriptor>, CdfError> {
    let mut all = walk(bytes, d.zvdr_head, d.z_variables, |at| {
        variable(bytes, at, true, d)
    })?;
    all.extend(walk(bytes, d.rvdr_head, d.r_variables, |at| {
        variable(bytes, at, false, d)
    })?);
    Ok(all)
}

fn variable(
    bytes: &Bytes,
    offset: i64,
    is_z: bool,
    d: &Descriptor,
) -> Result<(VariableDescriptor, i64), CdfError> {
    let what = if is_z {
        "zVariable descriptor"
    } else {
        "rVariable descriptor"
    };
    let raw = descriptor(bytes, offset, if is_z { ZVDR } else { RVDR }, what)?;
    let mut f = Fields::new(&raw, offset as u64, what);
    let next = f.i64(bytes)?;
    let type_code = f.i32(bytes)?;
    let max_record = f.i32(bytes)?;
    let vxr_head = f.i64(bytes)?;
    let _vxr_tail = f.i64(bytes)?;
    let flags = f.i32(bytes)?;
    let _sparse_records = f.i32(bytes)?;
    f.take(12, bytes)?; // rfuB, rfuC, rfuF
    let elements = f.i32(bytes)?;
    let number = f.i32(bytes)?;
    let cpr_offset = f.i64(bytes)?;
    let _blocking_factor = f.i32(bytes)?;
    let name = f.text(256, bytes)?;
    let all_dims: Vec<i32> = if is_z {
        let n = f.i32(bytes)?;
        if !(0..=MAX_DIMENSIONS).contains(&n) {
            return Err(bytes.corrupt(offset as u64, format!("variable {name} has {n} dimensions")));
        }
        (0..n).map(|_| f.i32(bytes)).collect::<Result<_, _>>()?
    } else {
        d.r_dims.iter().map(|&s| s as i32).collect()
    };
    let varies: Vec<bool> = (0..all_dims.len())
        .map(|_| f.i32(bytes).map(|v| v != 0))
        .collect::<Result<_, _>>()?;
    let data_type = DataType::from_code(type_code).ok_or_else(|| {
        bytes.corrupt(
            offset as u64,
            format!("variable {name} has unknown data type {type_code}"),
        )
    })?;
    if elements < 1 || all_dims.iter().any(|&s| s < 1) || max_record < -1 {
        return Err(bytes.corrupt(
            offset as u64,
            format!("variable {name} has impossible sizes"),
        ));
    }
    // Dimensions that do not vary are stored once: they drop out of the shape, as in cdflib.
    let shape: Vec<usize> = all_dims
        .iter()
        .zip(&varies)
        .filter(|(_, v)| **v)
        .map(|(&s, _)| s as usize)
        .collect();
    shape
        .iter()
        .try_fold(elements as usize * data_type.size(), |acc, &s| {
            acc.checked_mul(s)
        })
        .filter(|&b| b <= MAX_RECORD_BYTES)
        .ok_or_else(|| {
            bytes.corrupt(
                offset as u64,
                format!("variable {name}: a record of over {MAX_RECORD_BYTES} bytes"),
            )
        })?;
    let value_bytes = elements as usize * data_type.size();
    let pad = (flags & 2 != 0)
        .then(|| f.rest().get(..value_bytes).map(<[u8]>::to_vec))
        .flatten();
    let gzip = flags & 4 != 0;
    if gzip {
        let cpr = descriptor(bytes, cpr_offset, CPR, "compression parameters record")?;
        let kind =
            Fields::new(&cpr, cpr_offset as u64, "compression parameters record").i32(bytes)?;
        if kind != GZIP {
            return Err(CdfError::Unsupported {
                path: bytes.path.clone(),
                what: format!(
                    "variable {name} uses compression type {kind}; only GZIP (5) is read"
                ),
            });
        }
    }
    let mut extents = Vec::new();
    index(bytes, vxr_head, 0, &mut extents)?;
    extents.sort_by_key(|e| e.first);
    let records = (max_record + 1) as usize;
    // Records past the last one stored would be virtual: MMS files have none, and a corrupt
    // MaxRec would otherwise ask for gigabytes of padding.
    let stored = extents.iter().map(|e| e.last + 1).max().unwrap_or(0);
    if records > stored.max(usize::from(!extents.is_empty() || records == 0)) {
        return Err(bytes.corrupt(
            offset as u64,
            format!("variable {name} claims {records} records but stores {stored}"),
        ));
    }
    if let Some(e) = extents
        .iter()
        .find(|e| e.last < e.first || e.last >= records.max(1))
    {
        return Err(bytes.corrupt(
            e.offset as u64,
            format!(
                "variable {name}: index entry {}..={} outside its {records} records",
                e.first, e.last
            ),
        ));
    }
    let descriptor = VariableDescriptor {
        name,
        number,
        is_z,
        data_type,
        elements: elements as usize,
        shape,
        record_varies: flags & 1 != 0,
        records,
        gzip,
        pad,
        extents,
    };
    Ok((descriptor, next))
}

/// Collects the leaves of the variable index tree rooted at the VXR at `offset`.
fn index(
    bytes: &Bytes,
    offset: i64,
    depth: usize,
    extents: &mut Vec<Extent>,
) -> Result<(), CdfError> {
    let mut next = offset;
    let mut hops = 0usize;
    while next != 0 {
        if depth > MAX_INDEX_DEPTH || hops > bytes.len() as usize / 16 {
            return Err(bytes.corrupt(next as u64, "variable index records form a loop"));
        }
        hops += 1;
        let raw = descriptor(bytes, next, VXR, "variable index record")?;
        let mut f = Fields::new(&raw, next as u64, "variable index record");
        let following = f.i64(bytes)?;
        let entries = f.i32(bytes)?.max(0) as usize;
        let used = f.i32(bytes)?.max(0) as usize;
        if used > entries || entries * 16 > raw.len() {
            return Err(bytes.corrupt(
                next as u64,
                format!("variable index record with {used} of {entries} entries"),
            ));
        }
        let table = f.take(entries * 16, bytes)?;
        let int =
            |i: usize| i32::from_be_bytes(table[4 * i..4 * i + 4].try_into().expect("4 bytes"));
        for k in 0..used {
            let (first, last) = (int(k), int(entries + k));
            let at = 8 * entries + 8 * k;
            let child = i64::from_be_bytes(table[at..at + 8].try_into().expect("8 bytes"));
            let (_, kind) = header(bytes, child, "variable values record")?;
            match kind {
                VXR => index(bytes, child, depth + 1, extents)?,
                VVR | CVVR if first >= 0 && last >= first => extents.push(Extent {
                    first: first as usize,
                    last: last as usize,
                    offset: child,
                }),
                _ => {
                    return Err(bytes.corrupt(
                        child as u64,
                        format!("index entry of type {kind} for records {first}..={last}"),
                    ));
                }
            }
        }
        next = following;
    }
    Ok(())
}

/// One attribute entry: its target (a global entry number, or a variable's number) and value.
pub(crate) struct Entry {
    pub target: i32,
    pub is_z: bool,
    pub data_type: DataType,
    pub value: Vec<u8>,
}

pub(crate) struct Attribute {
    pub name: String,
    pub global: bool,
    pub entries: Vec<Entry>,
}

pub(crate) fn attributes(bytes: &Bytes, d: &Descriptor) -> Result<Vec<Attribute>, CdfError> {
    walk(bytes, d.adr_head, d.attributes, |at| {
        let raw = descriptor(bytes, at, ADR, "attribute descriptor record")?;
        let mut f = Fields::new(&raw, at as u64, "attribute descriptor record");
        let next = f.i64(bytes)?;
        let gr_head = f.i64(bytes)?;
        let scope = f.i32(bytes)?;
        let _num = f.i32(bytes)?;
        let gr_count = f.i32(bytes)?;
        let _max_gr = f.i32(bytes)?;
        let _rfu_a = f.i32(bytes)?;
        let z_head = f.i64(bytes)?;
        let z_count = f.i32(bytes)?;
        let _max_z = f.i32(bytes)?;
        let _rfu_e = f.i32(bytes)?;
        let name = f.text(256, bytes)?;
        let mut entries = walk(bytes, gr_head, gr_count, |e| entry(bytes, e, AGREDR))?;
        entries.extend(walk(bytes, z_head, z_count, |e| entry(bytes, e, AZEDR))?);
        Ok((
            Attribute {
                name,
                global: scope == 1 || scope == 3,
                entries,
            },
            next,
        ))
    })
}

fn entry(bytes: &Bytes, offset: i64, kind: i32) -> Result<(Entry, i64), CdfError> {
    let raw = descriptor(bytes, offset, kind, "attribute entry")?;
    let mut f = Fields::new(&raw, offset as u64, "attribute entry");
    let next = f.i64(bytes)?;
    let _attribute = f.i32(bytes)?;
    let type_code = f.i32(bytes)?;
    let target = f.i32(bytes)?;
    let elements = f.i32(bytes)?.max(0) as usize;
    f.take(20, bytes)?; // NumStrings, rfuB..rfuE
    let data_type = DataType::from_code(type_code).ok_or_else(|| {
        bytes.corrupt(
            offset as u64,
            format!("attribute entry of unknown type {type_code}"),
        )
    })?;
    let value = f
        .take(elements.saturating_mul(data_type.size()), bytes)?
        .to_vec();
    Ok((
        Entry {
            target,
            is_z: kind == AZEDR,
            data_type,
            value,
        },
        next,
    ))
}
