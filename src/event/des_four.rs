//! The four spacecraft's DES burst distributions, time-aligned and streamed: MMS1's records
//! set the times, and each other spacecraft contributes its nearest record, which must lie
//! within half a cadence (15 ms at the 30 ms burst cadence) of MMS1's; further off, the four
//! do not describe one instant and the alignment is a typed error
//! ([`crate::mms::MmsError::TimeOffset`]). The four FPI clocks are not synchronised, so
//! offsets of a few ms are normal.
//!
//! Records are read a block at a time ([`BLOCK_RECORDS`]) from each spacecraft's files, so a
//! minute of burst data never sits in memory whole.

use super::{EventError, Interval};
use crate::cdf::time::format_utc;
use crate::mms::distribution::{DistributionBlock, DistributionFile};
use crate::mms::layout::find_files;
use crate::mms::names::des_distribution;
use crate::mms::{MmsError, Rate};

/// Records read at a time per spacecraft: 64 x 16 384 bins x 8 bytes = 8 MB.
pub const BLOCK_RECORDS: usize = 64;

/// One spacecraft's distributions over the interval, read on demand.
pub struct ProbeStream {
    files: Vec<DistributionFile>,
    /// `(file, record, time)` of every record, in time order.
    index: Vec<(usize, usize, i64)>,
    block: Option<(usize, DistributionBlock)>,
}

/// One record of one spacecraft, borrowed from its stream's block.
pub struct RecordView<'a> {
    /// Time, TT2000 ns.
    pub time: i64,
    /// Densities `[phi][theta][energy]` flattened, s^3/m^6.
    pub psd: &'a [f64],
    /// Azimuths, deg.
    pub phi_deg: &'a [f64],
    /// Polar angles, deg.
    pub theta_deg: &'a [f64],
    /// Energies, eV.
    pub energy_ev: &'a [f64],
}

impl ProbeStream {
    /// Opens the `des-dist` burst files of `probe` covering `[start, end]` (TT2000 ns).
    ///
    /// # Errors
    /// [`MmsError::NoFiles`] and the reader's errors.
    pub fn open(interval: &Interval, probe: u8, start: i64, end: i64) -> Result<Self, EventError> {
        let (product, variable) = des_distribution(probe, Rate::Burst);
        let mut files = Vec::new();
        let mut index = Vec::new();
        for path in find_files(&interval.root, &product, start, end)? {
            let file = DistributionFile::open(&path, &variable)?;
            let after = index.last().map_or(i64::MIN, |&(_, _, t)| t);
            index.extend(
                file.times
                    .iter()
                    .enumerate()
                    .filter(|(_, t)| **t > after)
                    .map(|(r, &t)| (files.len(), r, t)),
            );
            files.push(file);
        }
        Ok(Self {
            files,
            index,
            block: None,
        })
    }

    /// Record times, TT2000 ns.
    pub fn times(&self) -> impl Iterator<Item = i64> + '_ {
        self.index.iter().map(|&(_, _, t)| t)
    }

    /// The median spacing of the records, ns (0 with fewer than two).
    pub fn cadence_ns(&self) -> i64 {
        let mut spacings: Vec<i64> = self.index.windows(2).map(|w| w[1].2 - w[0].2).collect();
        if spacings.is_empty() {
            return 0;
        }
        let middle = spacings.len() / 2;
        *spacings.select_nth_unstable(middle).1
    }

    /// The record nearest `time` if it lies within `limit_ns`.
    ///
    /// # Errors
    /// [`MmsError::TimeOffset`] naming the file and its time variable.
    pub fn nearest(&self, time: i64, limit_ns: i64) -> Result<usize, EventError> {
        let upper = self.index.partition_point(|&(_, _, t)| t < time);
        let candidates = [
            upper.checked_sub(1),
            (upper < self.index.len()).then_some(upper),
        ];
        let best = candidates
            .into_iter()
            .flatten()
            .min_by_key(|&k| (self.index[k].2 - time).abs());
        let file = best.map_or(0, |k| self.index[k].0);
        match best {
            Some(k) if (self.index[k].2 - time).abs() <= limit_ns => Ok(k),
            _ => Err(MmsError::TimeOffset {
                path: self
                    .files
                    .get(file)
                    .map(|f| f.path.clone())
                    .unwrap_or_default(),
                variable: self
                    .files
                    .get(file)
                    .map(|f| f.epoch.clone())
                    .unwrap_or_else(|| "Epoch".to_owned()),
                time: format_utc(time),
                offset_ms: best.map_or(f64::INFINITY, |k| (self.index[k].2 - time) as f64 * 1e-6),
                limit_ms: limit_ns as f64 * 1e-6,
            }
            .into()),
        }
    }

    /// Makes record `k` (of [`ProbeStream::times`]) available, reading its block if needed.
    ///
    /// # Errors
    /// The reader's errors (fills, a corrupt block).
    pub fn load(&mut self, k: usize) -> Result<(), EventError> {
        let (file, record, _) = self.index[k];
        if let Some((f, block)) = &self.block {
            if *f == file && record >= block.first && record < block.first + block.times.len() {
                return Ok(());
            }
        }
        let source = &self.files[file];
        let end = (record + BLOCK_RECORDS).min(source.times.len());
        self.block = Some((file, source.read(record..end)?));
        Ok(())
    }

    /// Record `k`, which [`ProbeStream::load`] must have made available.
    pub fn view(&self, k: usize) -> Option<RecordView<'_>> {
        let (file, record, time) = self.index[k];
        let (f, block) = self.block.as_ref()?;
        if *f != file || record < block.first || record >= block.first + block.times.len() {
            return None;
        }
        let row = record - block.first;
        let psd = block.psd.index_axis(ndarray::Axis(0), row);
        Some(RecordView {
            time,
            psd: psd.to_slice()?,
            phi_deg: block.phi_deg.row(row).to_slice()?,
            theta_deg: &block.theta_deg,
            energy_ev: block.energy_ev.row(row).to_slice()?,
        })
    }

    /// The file holding record `k` and the distribution's name, for messages.
    pub fn source(&self, k: usize) -> (&std::path::Path, &str) {
        let file = &self.files[self.index[k].0];
        (&file.path, &file.variable)
    }
}

/// The four streams and, for each of MMS1's times, the record of each spacecraft.
pub struct FourDistributions {
    /// MMS1..MMS4.
    pub probes: [ProbeStream; 4],
    /// Per aligned time: the record index of each spacecraft.
    pub aligned: Vec<[usize; 4]>,
    /// MMS1's cadence, ns.
    pub cadence_ns: i64,
}

impl FourDistributions {
    /// Opens the four spacecraft's DES burst files and aligns them on MMS1's records in the
    /// interval, or on the single record of MMS1 nearest `at` (TT2000 ns).
    ///
    /// # Errors
    /// Missing files, reader errors, [`EventError::Method`] with no MMS1 record in the
    /// interval, [`MmsError::TimeOffset`] for a record further than half a cadence.
    pub fn open(interval: &Interval, at: Option<i64>) -> Result<Self, EventError> {
        let margin = 100_000_000; // 0.1 s: a few records either side, for the nearest-record search
        let (start, end) = (interval.start - margin, interval.end + margin);
        let first = ProbeStream::open(interval, 1, start, end)?;
        let cadence_ns = first.cadence_ns();
        let reference: Vec<usize> = match at {
            Some(t) => vec![first.nearest(t, cadence_ns.max(1) / 2)?],
            None => (0..first.index.len())
                .filter(|&k| (interval.start..=interval.end).contains(&first.index[k].2))
                .collect(),
        };
        if reference.is_empty() || cadence_ns <= 0 {
            return Err(EventError::Method {
                analysis: "gradient-distribution",
                reason: format!(
                    "fewer than one MMS1 DES burst record (or no cadence) in {}..{}",
                    format_utc(interval.start),
                    format_utc(interval.end)
                ),
            });
        }
        let others = [2u8, 3, 4].map(|probe| ProbeStream::open(interval, probe, start, end));
        let [s2, s3, s4] = others;
        let probes = [first, s2?, s3?, s4?];
        let mut aligned = Vec::with_capacity(reference.len());
        for &k in &reference {
            let time = probes[0].index[k].2;
            let mut row = [k; 4];
            for (a, stream) in probes.iter().enumerate().skip(1) {
                row[a] = stream.nearest(time, cadence_ns / 2)?;
            }
            aligned.push(row);
        }
        Ok(Self {
            probes,
            aligned,
            cadence_ns,
        })
    }

    /// MMS1's time of aligned sample `j`, TT2000 ns.
    pub fn time(&self, j: usize) -> i64 {
        self.probes[0].index[self.aligned[j][0]].2
    }

    /// Offsets of MMS2-4's records from MMS1's at aligned sample `j`, ms (MMS1's is 0).
    pub fn offsets_ms(&self, j: usize) -> [f64; 4] {
        let t = self.time(j);
        std::array::from_fn(|a| (self.probes[a].index[self.aligned[j][a]].2 - t) as f64 * 1e-6)
    }
}
