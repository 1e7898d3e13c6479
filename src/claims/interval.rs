//! Closed intervals of the real line: what a printed number admits, and what a computed
//! number's uncertain inputs allow.

use serde::ser::{Serialize, SerializeTuple, Serializer};

/// The closed interval `[lo, hi]`. Either end may be infinite (a bound "< x" is
/// `[-inf, x]`); neither is NaN. Serialised as `[lo, hi]`, an infinite end as `null`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    lo: f64,
    hi: f64,
}

impl Interval {
    /// `[lo, hi]`, or `None` if an end is NaN or `lo > hi`.
    pub fn new(lo: f64, hi: f64) -> Option<Self> {
        (!lo.is_nan() && !hi.is_nan() && lo <= hi).then_some(Interval { lo, hi })
    }

    /// The degenerate interval `[value, value]` of an exact number (`None` if not finite).
    pub fn point(value: f64) -> Option<Self> {
        value.is_finite().then_some(Interval {
            lo: value,
            hi: value,
        })
    }

    /// The smallest interval holding every value, or `None` if there are none or one is NaN.
    pub fn hull(values: impl IntoIterator<Item = f64>) -> Option<Self> {
        let mut hull: Option<Interval> = None;
        for value in values {
            if value.is_nan() {
                return None;
            }
            hull = Some(match hull {
                None => Interval {
                    lo: value,
                    hi: value,
                },
                Some(h) => Interval {
                    lo: h.lo.min(value),
                    hi: h.hi.max(value),
                },
            });
        }
        hull
    }

    /// Lower end.
    pub fn lo(self) -> f64 {
        self.lo
    }

    /// Upper end.
    pub fn hi(self) -> f64 {
        self.hi
    }

    /// Whether `value` lies in the interval.
    pub fn contains(self, value: f64) -> bool {
        self.lo <= value && value <= self.hi
    }

    /// Whether the two intervals share at least one point: the reproduction rule.
    pub fn overlaps(self, other: Interval) -> bool {
        self.lo <= other.hi && other.lo <= self.hi
    }
}

impl Serialize for Interval {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let end = |x: f64| x.is_finite().then_some(x);
        let mut tuple = serializer.serialize_tuple(2)?;
        tuple.serialize_element(&end(self.lo))?;
        tuple.serialize_element(&end(self.hi))?;
        tuple.end()
    }
}
