//! CDF_TIME_TT2000 times: nanoseconds of Terrestrial Time since J2000.0 (2000-01-01T12:00:00
//! TT), with leap seconds between it and UTC. The conversion is hifitime's, whose leap-second
//! table is the IERS one; none is written here.

use hifitime::{Duration, Epoch, TimeScale};

/// The ISTP fill value of a TT2000 variable (its `FILLVAL`): no time.
pub const TT2000_FILL: i64 = i64::MIN;

/// J2000.0 in Terrestrial Time, the zero of TT2000.
fn j2000_tt() -> Epoch {
    Epoch::from_gregorian(2000, 1, 1, 12, 0, 0, 0, TimeScale::TT)
}

/// The instant of a TT2000 value, nanoseconds.
///
/// ```
/// use mmsbook::cdf::time::{epoch_from_tt2000, tt2000_from_epoch};
/// // Noon UTC on 2000-01-01 is 64.184 s of TT after J2000: 32 leap seconds + 32.184 s.
/// let noon = epoch_from_tt2000(64_184_000_000);
/// assert_eq!(noon.to_gregorian_utc(), (2000, 1, 1, 12, 0, 0, 0));
/// assert_eq!(tt2000_from_epoch(noon), 64_184_000_000);
/// ```
pub fn epoch_from_tt2000(nanoseconds: i64) -> Epoch {
    j2000_tt() + Duration::from_total_nanoseconds(i128::from(nanoseconds))
}

/// The TT2000 value of an instant, nanoseconds (saturating far outside 1707-2292).
pub fn tt2000_from_epoch(epoch: Epoch) -> i64 {
    // In TT, which has no leap seconds: a difference of two UTC epochs would skip them.
    let nanoseconds = (epoch.to_time_scale(TimeScale::TT) - j2000_tt()).total_nanoseconds();
    nanoseconds.clamp(i128::from(i64::MIN + 1), i128::from(i64::MAX)) as i64
}

/// Parses an ISO 8601 UTC time (`2017-07-11T22:34:02Z`, `2017-07-11T22:34:02.5`, or a date
/// alone) into TT2000 nanoseconds.
///
/// # Errors
/// The reason, as text, if the string is not such a time.
///
/// ```
/// use mmsbook::cdf::time::parse_utc;
/// // 2017 has 37 leap seconds: TT - UTC = 69.184 s.
/// let t = parse_utc("2017-01-01T00:00:00Z").unwrap();
/// assert_eq!(t, 536_500_869_184_000_000);
/// assert!(parse_utc("yesterday").is_err());
/// ```
pub fn parse_utc(text: &str) -> Result<i64, String> {
    let trimmed = text.trim().trim_end_matches('Z');
    let with_time = if trimmed.len() == 10 {
        format!("{trimmed}T00:00:00")
    } else {
        trimmed.to_owned()
    };
    let epoch = Epoch::from_gregorian_str(&format!("{with_time} UTC"))
        .map_err(|e| format!("{text:?} is not an ISO 8601 UTC time ({e})"))?;
    Ok(tt2000_from_epoch(epoch))
}

/// A TT2000 time as ISO 8601 UTC with milliseconds, `2017-07-11T22:34:02.123Z`.
pub fn format_utc(nanoseconds: i64) -> String {
    let (y, mo, d, h, mi, s, ns) = epoch_from_tt2000(nanoseconds).to_gregorian_utc();
    format!(
        "{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}.{:03}Z",
        ns / 1_000_000
    )
}
