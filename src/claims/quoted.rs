//! A number as a paper prints it: its value, and the precision that gives it an interval.

use super::Interval;
use serde::Serialize;

/// How precisely a paper states a number, which fixes the interval the number stands for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Precision {
    /// Rounded to this many significant figures: half a unit in the last printed digit
    /// either side (7.9 -> [7.85, 7.95]). Trailing zeros of an integer are not significant
    /// unless the context shows they are ("~3400 km/s" is two figures, [3350, 3450]); a
    /// `published.rs` says where it departs from that.
    Significant(u8),
    /// Rounded to a multiple of this step, in the number's unit: half a step either side
    /// (a paper that prints every share as a multiple of 5% has rounded to 5 points).
    Step(f64),
    /// Rounded to this many decimal places (for numbers printed as 0, or with fixed decimals).
    Decimals(u8),
    /// An exact number: a definition, an identity, a limit, a count.
    Exact,
    /// "Less than x": everything up to x.
    Below,
    /// "More than x": everything from x.
    Above,
    /// A stated range "a–b" (or "between a and b"); the value is the number the paper
    /// gives as typical, or the middle.
    Range {
        /// Lower end, in the number's unit.
        lo: f64,
        /// Upper end, in the number's unit.
        hi: f64,
    },
    /// An order of magnitude: within a factor sqrt(10) either way, with the same sign.
    OrderOfMagnitude,
    /// Only the sign is stated: (0, inf) for a positive value, (-inf, 0) for a negative one.
    Sign,
    /// An uncertainty the paper states for this number, as the interval it gives
    /// (`0.3 (+0.4/-0.2)` -> [0.1, 0.7]; "an error of 10–20%" -> the 20% band).
    Stated {
        /// Lower end, in the number's unit.
        lo: f64,
        /// Upper end, in the number's unit.
        hi: f64,
    },
}

/// Why a quoted number cannot give an interval.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PrecisionError {
    /// The value is NaN or infinite.
    #[error("{what}: value {value} is not finite")]
    NonFinite {
        /// The quoted number's description.
        what: &'static str,
        /// The rejected value.
        value: f64,
    },
    /// Significant figures, orders of magnitude and signs need a non-zero value.
    #[error("{what}: {precision} needs a non-zero value")]
    ZeroValue {
        /// The quoted number's description.
        what: &'static str,
        /// The precision that cannot apply.
        precision: &'static str,
    },
    /// A range or stated interval that does not hold the value, or has NaN ends.
    #[error("{what}: value {value} lies outside its stated interval [{lo}, {hi}]")]
    OutsideRange {
        /// The quoted number's description.
        what: &'static str,
        /// The value.
        value: f64,
        /// Lower end.
        lo: f64,
        /// Upper end.
        hi: f64,
    },
    /// A rounding step that is not positive and finite.
    #[error("{what}: rounding step {step} must be positive and finite")]
    BadStep {
        /// The quoted number's description.
        what: &'static str,
        /// The rejected step.
        step: f64,
    },
    /// Zero significant figures.
    #[error("{what}: at least one significant figure is needed")]
    NoDigits {
        /// The quoted number's description.
        what: &'static str,
    },
    /// A finite value whose interval at this precision does not fit in a double (an order
    /// of magnitude about 1e308).
    #[error("{what}: the interval of {value} at this precision overflows")]
    Overflow {
        /// The quoted number's description.
        what: &'static str,
        /// The value.
        value: f64,
    },
}

/// A number taken from a paper: its value in the paper's unit, how precisely it is stated,
/// and where it stands. Every number a chapter takes from its paper is one of these, typed
/// once in the paper's `published.rs`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quoted {
    /// The value as printed, in the paper's unit.
    pub value: f64,
    /// How precisely it is stated.
    pub precision: Precision,
    /// Where it stands in the paper (section, equation, figure, table).
    pub location: &'static str,
    /// What it is, briefly (used in error messages).
    pub what: &'static str,
}

impl Quoted {
    /// A quoted number.
    pub const fn new(
        value: f64,
        precision: Precision,
        location: &'static str,
        what: &'static str,
    ) -> Self {
        Quoted {
            value,
            precision,
            location,
            what,
        }
    }

    /// The interval the number stands for.
    ///
    /// ```
    /// use mmsbook::claims::{Precision, Quoted};
    /// let b0 = Quoted::new(7.9, Precision::Significant(2), "Sec. 3", "B0");
    /// let interval = b0.interval().unwrap();
    /// assert!((interval.lo() - 7.85).abs() < 1e-12 && (interval.hi() - 7.95).abs() < 1e-12);
    /// ```
    ///
    /// # Errors
    /// [`PrecisionError`] for a non-finite value, a zero value where the precision needs a
    /// magnitude, a range that does not hold the value, or an interval that overflows.
    pub fn interval(&self) -> Result<Interval, PrecisionError> {
        let (what, value) = (self.what, self.value);
        if !value.is_finite() {
            return Err(PrecisionError::NonFinite { what, value });
        }
        let zero = |precision| PrecisionError::ZeroValue { what, precision };
        let symmetric = |half: f64| Interval::new(value - half, value + half);
        let interval = match self.precision {
            Precision::Significant(0) => return Err(PrecisionError::NoDigits { what }),
            Precision::Significant(digits) => {
                if value == 0.0 {
                    return Err(zero("significant figures"));
                }
                let exponent = value.abs().log10().floor() as i32;
                symmetric(0.5 * 10f64.powi(exponent - i32::from(digits) + 1))
            }
            Precision::Decimals(places) => symmetric(0.5 * 10f64.powi(-i32::from(places))),
            Precision::Step(step) => {
                if !(step.is_finite() && step > 0.0) {
                    return Err(PrecisionError::BadStep { what, step });
                }
                symmetric(0.5 * step)
            }
            Precision::Exact => Interval::point(value),
            Precision::Below => Interval::new(f64::NEG_INFINITY, value),
            Precision::Above => Interval::new(value, f64::INFINITY),
            Precision::Range { lo, hi } | Precision::Stated { lo, hi } => {
                Some(Interval::new(lo, hi).filter(|i| i.contains(value)).ok_or(
                    PrecisionError::OutsideRange {
                        what,
                        value,
                        lo,
                        hi,
                    },
                )?)
            }
            Precision::OrderOfMagnitude => {
                if value == 0.0 {
                    return Err(zero("an order of magnitude"));
                }
                let factor = 10f64.sqrt();
                let (a, b) = (value / factor, value * factor);
                Interval::new(a.min(b), a.max(b))
            }
            Precision::Sign => {
                if value == 0.0 {
                    return Err(zero("a sign"));
                }
                if value > 0.0 {
                    Interval::new(f64::MIN_POSITIVE, f64::INFINITY)
                } else {
                    Interval::new(f64::NEG_INFINITY, -f64::MIN_POSITIVE)
                }
            }
        };
        // Every arm above yields ordered, non-NaN ends for a finite value.
        let interval = interval.expect("finite value gives an ordered interval");
        // Only the one-sided precisions are unbounded by meaning.
        let one_sided = matches!(
            self.precision,
            Precision::Below | Precision::Above | Precision::Sign
        );
        let bounded = interval.lo().is_finite() && interval.hi().is_finite();
        if !(one_sided || bounded) {
            return Err(PrecisionError::Overflow { what, value });
        }
        Ok(interval)
    }

    /// The precision in words, as the ledger prints it (`2 s.f.`, `< x`, `range`, ...).
    pub fn precision_words(&self) -> String {
        match self.precision {
            Precision::Significant(d) => format!("{d} s.f."),
            Precision::Decimals(d) => format!("{d} decimal{}", if d == 1 { "" } else { "s" }),
            Precision::Step(step) => format!("rounded to {step}"),
            Precision::Exact => "exact".into(),
            Precision::Below => "upper bound".into(),
            Precision::Above => "lower bound".into(),
            Precision::Range { .. } => "range".into(),
            Precision::OrderOfMagnitude => "order of magnitude".into(),
            Precision::Sign => "sign".into(),
            Precision::Stated { .. } => "stated uncertainty".into(),
        }
    }
}

/// The published side of a claim: the quoted number, its unit, and the interval it implies.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Published {
    /// The value as printed.
    pub value: f64,
    /// Its unit as the paper writes it (`km`, `nA nT/m^2`, `%`; `1` for pure numbers).
    pub unit: String,
    /// The interval the printed precision implies.
    pub interval: Interval,
    /// The precision in words (`2 s.f.`, `upper bound`, `order of magnitude`, ...).
    pub precision: String,
}
