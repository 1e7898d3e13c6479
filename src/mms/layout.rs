//! Where MMS Level-2 files lie on disk: the directory layout pySPEDAS (and speasy's
//! mirror of it) writes, `mms{1-4}/{instrument}/{rate}/l2/[{datatype}/]YYYY/MM[/DD]/`, with
//! names such as `mms1_fgm_brst_l2_20170711223400_v5.93.0.cdf`. Burst files start at their
//! name's time and run until the next one; survey and fast files are daily or 2-hourly and
//! their directories stop at the month. Of several versions of one file, the highest is read.

use super::MmsError;
use crate::cdf::time::{epoch_from_tt2000, format_utc};
use std::path::{Path, PathBuf};

/// A data rate, as in the file names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rate {
    /// Burst (`brst`).
    Burst,
    /// Survey (`srvy`: FGM, MEC).
    Survey,
    /// Fast survey (`fast`: FPI).
    Fast,
}

impl Rate {
    /// The name in paths and file names.
    pub fn name(self) -> &'static str {
        match self {
            Self::Burst => "brst",
            Self::Survey => "srvy",
            Self::Fast => "fast",
        }
    }
}

/// One MMS data product of one spacecraft: e.g. MMS1 FGM burst, or MMS3 FPI burst `des-dist`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Product {
    /// Spacecraft number, 1-4.
    pub probe: u8,
    /// Instrument directory: `fgm`, `fpi`, `mec`.
    pub instrument: &'static str,
    /// Data rate.
    pub rate: Rate,
    /// Data type, where the instrument has several (`des-dist`, `dis-moms`, `epht89d`).
    pub datatype: Option<&'static str>,
}

impl Product {
    /// The file-name prefix, e.g. `mms1_fpi_brst_l2_des-dist_`.
    pub fn prefix(&self) -> String {
        let datatype = self.datatype.map(|d| format!("{d}_")).unwrap_or_default();
        format!(
            "mms{}_{}_{}_l2_{datatype}",
            self.probe,
            self.instrument,
            self.rate.name()
        )
    }

    /// A short label for messages, e.g. `mms1 fpi brst des-dist`.
    pub fn label(&self) -> String {
        let datatype = self.datatype.map(|d| format!(" {d}")).unwrap_or_default();
        format!(
            "mms{} {} {}{datatype}",
            self.probe,
            self.instrument,
            self.rate.name()
        )
    }

    /// Where a file of this product starting at `start` (TT2000 ns) with `version` (`5.93.0`)
    /// lies below `root`: burst and fast files are named to the second, survey files by day.
    pub fn file_path(&self, root: &Path, start: i64, version: &str) -> PathBuf {
        let (y, mo, d, h, mi, s, _) = epoch_from_tt2000(start).to_gregorian_utc();
        let stamp = match self.rate {
            Rate::Survey => format!("{y:04}{mo:02}{d:02}"),
            Rate::Burst | Rate::Fast => format!("{y:04}{mo:02}{d:02}{h:02}{mi:02}{s:02}"),
        };
        self.directory(root, (y, mo, d))
            .join(format!("{}{stamp}_v{version}.cdf", self.prefix()))
    }

    /// The range of sample spacings this product is made at, s, where the workbook knows it:
    /// FGM burst 1/128 s and survey 1/16 to 1/8 s, FPI burst 30 ms (DES) or 150 ms (DIS) and
    /// fast 4.5 s, MEC 30 s (or 60 s in some versions). A file whose spacing lies outside is
    /// mislabelled or of another rate.
    pub fn nominal_cadence_s(&self) -> Option<(f64, f64)> {
        match (self.instrument, self.rate, self.datatype) {
            ("fgm", Rate::Burst, _) => Some((1.0 / 128.0, 1.0 / 128.0)),
            ("fgm", Rate::Survey, _) => Some((1.0 / 16.0, 1.0 / 8.0)),
            ("fpi", Rate::Burst, Some(d)) if d.starts_with("des") => Some((0.030, 0.030)),
            ("fpi", Rate::Burst, Some(d)) if d.starts_with("dis") => Some((0.150, 0.150)),
            ("fpi", Rate::Fast, _) => Some((4.5, 4.5)),
            ("mec", _, _) => Some((30.0, 60.0)),
            _ => None,
        }
    }

    /// The product's directory for one day, below the data root.
    fn directory(&self, root: &Path, (year, month, day): (i32, u8, u8)) -> PathBuf {
        let mut path = root
            .join(format!("mms{}", self.probe))
            .join(self.instrument)
            .join(self.rate.name())
            .join("l2");
        if let Some(datatype) = self.datatype {
            path.push(datatype);
        }
        path.push(format!("{year:04}"));
        path.push(format!("{month:02}"));
        if self.rate == Rate::Burst {
            path.push(format!("{day:02}"));
        }
        path
    }
}

/// A file found for a product: its start time (TT2000 ns, from the name) and version.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Candidate {
    path: PathBuf,
    start: i64,
    version: (u32, u32, u32),
}

/// The files of `product` that hold data in `[start, end]` (TT2000 ns), oldest first: every
/// file starting inside the interval and the last one starting before it, each at its
/// highest version. Files of the day before the interval are considered too, since a daily
/// or burst file may run past midnight.
///
/// # Errors
/// [`MmsError::NoFiles`] naming the pattern and directories searched.
pub fn find_files(
    root: &Path,
    product: &Product,
    start: i64,
    end: i64,
) -> Result<Vec<PathBuf>, MmsError> {
    const DAY_NS: i64 = 86_400_000_000_000;
    let mut directories = Vec::new();
    let mut day = start.saturating_sub(DAY_NS);
    while day <= end.saturating_add(DAY_NS / 2) {
        let (y, m, d, ..) = epoch_from_tt2000(day).to_gregorian_utc();
        let directory = product.directory(root, (y, m, d));
        if !directories.contains(&directory) {
            directories.push(directory);
        }
        day += DAY_NS;
    }
    let prefix = product.prefix();
    let mut candidates: Vec<Candidate> = Vec::new();
    for directory in &directories {
        let Ok(entries) = std::fs::read_dir(directory) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let Some(parsed) = name.to_str().and_then(|n| parse_name(n, &prefix)) else {
                continue;
            };
            let (file_start, version) = parsed;
            let path = entry.path();
            match candidates.iter_mut().find(|c| c.start == file_start) {
                Some(existing) if existing.version >= version => {}
                Some(existing) => {
                    *existing = Candidate {
                        path,
                        start: file_start,
                        version,
                    }
                }
                None => candidates.push(Candidate {
                    path,
                    start: file_start,
                    version,
                }),
            }
        }
    }
    candidates.sort_by_key(|c| c.start);
    let before = candidates.iter().rposition(|c| c.start <= start);
    let chosen: Vec<PathBuf> = candidates
        .iter()
        .enumerate()
        .filter(|(k, c)| Some(*k) == before || (c.start > start && c.start <= end))
        .map(|(_, c)| c.path.clone())
        .collect();
    if chosen.is_empty() {
        return Err(MmsError::NoFiles {
            product: product.label(),
            start: format_utc(start),
            end: format_utc(end),
            pattern: format!("{prefix}YYYYMMDD[hhmmss]_vX.Y.Z.cdf"),
            directories: directories
                .iter()
                .map(|d| d.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
        });
    }
    Ok(chosen)
}

/// The start time (TT2000 ns) and version of a file called `name`, if it is one of `prefix`'s:
/// `{prefix}YYYYMMDD[hhmmss]_vX.Y.Z.cdf`.
fn parse_name(name: &str, prefix: &str) -> Option<(i64, (u32, u32, u32))> {
    let rest = name.strip_prefix(prefix)?.strip_suffix(".cdf")?;
    let (stamp, version) = rest.split_once("_v")?;
    let mut numbers = version.split('.').map(|p| p.parse::<u32>().ok());
    let version = (numbers.next()??, numbers.next()??, numbers.next()??);
    if numbers.next().is_some()
        || !(stamp.len() == 8 || stamp.len() == 14)
        || !stamp.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let field =
        |range: std::ops::Range<usize>| stamp.get(range).map_or(Some(0), |s| s.parse::<u8>().ok());
    let year: i32 = stamp[..4].parse().ok()?;
    let (month, day) = (field(4..6)?, field(6..8)?);
    let (hour, minute, second) = (field(8..10)?, field(10..12)?, field(12..14)?);
    let iso = format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}");
    let start = crate::cdf::time::parse_utc(&iso).ok()?;
    Some((start, version))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_give_start_and_version() {
        let (start, version) = parse_name(
            "mms1_fgm_brst_l2_20170711223400_v5.93.0.cdf",
            "mms1_fgm_brst_l2_",
        )
        .unwrap();
        assert_eq!(format_utc(start), "2017-07-11T22:34:00.000Z");
        assert_eq!(version, (5, 93, 0));
        let (day, _) = parse_name(
            "mms2_mec_srvy_l2_epht89d_20170711_v2.2.0.cdf",
            "mms2_mec_srvy_l2_epht89d_",
        )
        .unwrap();
        assert_eq!(format_utc(day), "2017-07-11T00:00:00.000Z");
        assert!(
            parse_name(
                "mms1_fgm_brst_l2_20170711223400_v5.93.cdf",
                "mms1_fgm_brst_l2_"
            )
            .is_none()
        );
        assert!(
            parse_name(
                "mms1_fgm_brst_l2_2017071122340_v5.93.0.cdf",
                "mms1_fgm_brst_l2_"
            )
            .is_none()
        );
        assert!(
            parse_name(
                "mms1_fgm_brst_l2_20171311223400_v5.93.0.cdf",
                "mms1_fgm_brst_l2_"
            )
            .is_none()
        );
    }
}
