//! The chapters' methods run on MMS data on disk over an interval (`regen event`): each
//! analysis is a pure function of (data root, interval, options) returning a serialisable
//! result, so a survey can run it over many intervals, here in parallel or on a cluster.

pub mod anisotropy;
pub mod catalogue;
pub mod centre_fit;
pub mod curlometer;
pub mod des_four;
pub mod error;
pub mod figures;
pub mod four;
pub mod frame;
pub mod gradient_distribution;
pub mod harris;

pub use error::EventError;

use crate::cdf::time::{format_utc, parse_utc};
use std::path::PathBuf;

/// Where the data lie and which interval to analyse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interval {
    /// Data root: the directory holding `mms1/`, `mms2/`... in the pySPEDAS layout.
    pub root: PathBuf,
    /// Start, TT2000 ns.
    pub start: i64,
    /// End, TT2000 ns.
    pub end: i64,
}

impl Interval {
    /// An interval from ISO 8601 UTC times.
    ///
    /// # Errors
    /// [`EventError::Time`] naming the parameter for an unreadable time,
    /// [`EventError::Data`] for an empty or reversed interval.
    pub fn parse(root: PathBuf, start: &str, end: &str) -> Result<Self, EventError> {
        let time = |parameter: &'static str, text: &str| {
            parse_utc(text).map_err(|reason| EventError::Time { parameter, reason })
        };
        let (start, end) = (time("--start", start)?, time("--end", end)?);
        if end <= start {
            return Err(crate::mms::MmsError::EmptyInterval {
                start: format_utc(start),
                end: format_utc(end),
            }
            .into());
        }
        Ok(Self { root, start, end })
    }
}
