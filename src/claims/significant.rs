//! Fixed significant-digit formatting: how numbers enter snapshots and tables, so that
//! round-off in the last bits never changes a committed file.

/// `value` with `digits` significant digits: plain notation between 1e-3 and 1e6,
/// scientific outside. Non-finite values print as `NaN`/`inf`.
///
/// ```
/// use mmsbook::claims::format_significant;
/// assert_eq!(format_significant(673.0449, 3), "673");
/// assert_eq!(format_significant(0.0012345, 3), "0.00123");
/// assert_eq!(format_significant(1.47e-28, 2), "1.5e-28");
/// assert_eq!(format_significant(-2.0, 3), "-2.00");
/// ```
pub fn format_significant(value: f64, digits: usize) -> String {
    // A double holds at most 17 significant digits; more would only allocate zeros.
    let digits = digits.clamp(1, 17);
    if !value.is_finite() {
        return format!("{value}");
    }
    if value == 0.0 {
        return format!("{:.*}", digits - 1, 0.0);
    }
    let magnitude = value.abs();
    if !(1e-3..1e6).contains(&magnitude) {
        return format!("{:.*e}", digits - 1, value);
    }
    // Round first in scientific form so that 999.96 -> "1000" gets the exponent right.
    let rounded: f64 = format!("{:.*e}", digits - 1, value)
        .parse()
        .expect("formatted float parses");
    let exponent = rounded.abs().log10().floor() as i64;
    let decimals = (digits as i64 - 1 - exponent).max(0) as usize;
    format!("{rounded:.decimals$}")
}
