//! One claim: a published number, the number we compute, and the verdict.

use super::Paper;
use serde::Serialize;

/// Whether a claim reproduces, and if not, why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// The computed value lies within the stated tolerance of the published one.
    Reproduced,
    /// The paper's number does not follow from its own equations, parameters or other
    /// numbers; the note gives the derivation and which reading, if any, gives it.
    Discrepancy,
    /// Only data we cannot fetch here would settle it; the note says which.
    NeedsData,
}

impl Status {
    /// The status as written in the ledger (`reproduced`, `discrepancy`, `needs-data`).
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Reproduced => "reproduced",
            Status::Discrepancy => "discrepancy",
            Status::NeedsData => "needs-data",
        }
    }
}

/// The published value, in the paper's unit, with the precision the paper gives.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Published {
    /// The number as printed.
    pub value: f64,
    /// Its unit as the paper writes it (`km`, `nA nT/m^2`, `%`, `d_i`, `1` for pure numbers).
    pub unit: String,
    /// The precision the paper gives, in words (`3 s.f.`, `~`, `order of magnitude`).
    pub precision: String,
}

/// The value the library computed, in the same unit as the published one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reproduced {
    /// Computed value; `None` only for `needs-data` claims with nothing to compute.
    pub value: Option<f64>,
    /// Same unit as [`Published::unit`].
    pub unit: String,
}

/// How close counts as reproduced: `|reproduced - published| <= absolute + relative *
/// |published|`, with the reason for the size.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tolerance {
    /// Relative part (0.05 = 5%).
    pub relative: f64,
    /// Absolute part, in the published unit.
    pub absolute: f64,
    /// Why this tolerance (rounding in the paper, a stated error bar...).
    pub reason: String,
}

impl Tolerance {
    /// A purely relative tolerance.
    pub fn relative(fraction: f64, reason: &str) -> Self {
        Tolerance { relative: fraction, absolute: 0.0, reason: reason.to_owned() }
    }

    /// A purely absolute tolerance, in the published unit.
    pub fn absolute(amount: f64, reason: &str) -> Self {
        Tolerance { relative: 0.0, absolute: amount, reason: reason.to_owned() }
    }

    /// Half a unit in the last printed digit of `published` at `significant_digits`: the
    /// tolerance for a number the paper rounded.
    pub fn rounding(published: f64, significant_digits: i32, reason: &str) -> Self {
        let exponent = published.abs().log10().floor() as i32;
        let half_last_digit = 0.5 * 10f64.powi(exponent - significant_digits + 1);
        Tolerance::absolute(half_last_digit, reason)
    }

    fn admits(&self, published: f64, reproduced: f64) -> bool {
        (reproduced - published).abs() <= self.absolute + self.relative * published.abs()
    }
}

/// One published quantitative statement with its reproduction. Build with [`Claim::builder`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    /// Stable id, `<paper>.<name>`, e.g. `zhang2025.thickness_example`.
    pub id: String,
    /// The paper the claim comes from.
    pub paper: Paper,
    /// Where it stands in the paper (section, equation, figure, table).
    pub source: String,
    /// What the quantity is, in words.
    pub quantity: String,
    /// The published value.
    pub published: Published,
    /// The computed value.
    pub reproduced: Reproduced,
    /// How close counts, and why.
    pub tolerance: Tolerance,
    /// The verdict.
    pub status: Status,
    /// Explanation: the derivation for a discrepancy, the missing data for needs-data.
    pub note: String,
}

/// Why a claim or ledger is malformed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ClaimError {
    /// Ids are lowercase `[a-z0-9_]` words joined by dots and start with the paper id.
    #[error("claim id `{id}` must be `{paper}.<name>` in lowercase [a-z0-9_.]")]
    BadId {
        /// The rejected id.
        id: String,
        /// The paper id it should start with.
        paper: &'static str,
    },
    /// A required field was not given.
    #[error("claim `{id}` has no {field}")]
    Missing {
        /// The claim id.
        id: String,
        /// The missing field.
        field: &'static str,
    },
    /// A published or reproduced value is NaN or infinite.
    #[error("claim `{id}`: {field} value is not finite ({value})")]
    NonFinite {
        /// The claim id.
        id: String,
        /// `published` or `reproduced`.
        field: &'static str,
        /// The rejected value.
        value: f64,
    },
    /// A tolerance is negative or not finite.
    #[error("claim `{id}`: tolerance must be finite and non-negative")]
    BadTolerance {
        /// The claim id.
        id: String,
    },
    /// Discrepancies and needs-data claims must explain themselves.
    #[error("claim `{id}` is `{status}` but has no note explaining why")]
    UnexplainedStatus {
        /// The claim id.
        id: String,
        /// The status lacking a note.
        status: &'static str,
    },
    /// Two claims share an id.
    #[error("claim id `{id}` appears twice in the ledger")]
    DuplicateId {
        /// The repeated id.
        id: String,
    },
}

impl Claim {
    /// Starts a claim of `paper` with the given id.
    pub fn builder(id: &str, paper: Paper) -> ClaimBuilder {
        ClaimBuilder {
            id: id.to_owned(),
            paper,
            source: String::new(),
            quantity: String::new(),
            published: None,
            reproduced: None,
            tolerance: None,
            status: None,
            note: String::new(),
        }
    }

    /// Whether the reproduced value lies within tolerance of the published one (false when
    /// nothing was computed).
    pub fn within_tolerance(&self) -> bool {
        self.reproduced.value.is_some_and(|value| self.tolerance.admits(self.published.value, value))
    }

    /// `(reproduced - published) / published`, when both exist and published is non-zero.
    pub fn relative_difference(&self) -> Option<f64> {
        let value = self.reproduced.value?;
        (self.published.value != 0.0).then(|| (value - self.published.value) / self.published.value)
    }
}

/// Collects a claim's fields; [`ClaimBuilder::build`] validates them.
#[derive(Debug, Clone)]
pub struct ClaimBuilder {
    id: String,
    paper: Paper,
    source: String,
    quantity: String,
    published: Option<(f64, String, String)>,
    reproduced: Option<f64>,
    tolerance: Option<Tolerance>,
    status: Option<Status>,
    note: String,
}

impl ClaimBuilder {
    /// Where the claim stands in the paper.
    pub fn source(mut self, source: &str) -> Self {
        self.source = source.to_owned();
        self
    }
    /// What the quantity is, in words.
    pub fn quantity(mut self, quantity: &str) -> Self {
        self.quantity = quantity.to_owned();
        self
    }
    /// The published value, its unit and the precision the paper gives.
    pub fn published(mut self, value: f64, unit: &str, precision: &str) -> Self {
        self.published = Some((value, unit.to_owned(), precision.to_owned()));
        self
    }
    /// The value computed by the library, in the published unit.
    pub fn reproduced(mut self, value: f64) -> Self {
        self.reproduced = Some(value);
        self
    }
    /// The tolerance and its reason.
    pub fn tolerance(mut self, tolerance: Tolerance) -> Self {
        self.tolerance = Some(tolerance);
        self
    }
    /// The verdict.
    pub fn status(mut self, status: Status) -> Self {
        self.status = Some(status);
        self
    }
    /// The explanation.
    pub fn note(mut self, note: &str) -> Self {
        self.note = note.to_owned();
        self
    }

    /// Validates and builds the claim.
    ///
    /// # Errors
    /// [`ClaimError`] for a malformed id, a missing field, a non-finite value, a bad
    /// tolerance, or a discrepancy / needs-data status without a note.
    pub fn build(self) -> Result<Claim, ClaimError> {
        let paper = self.paper;
        let id = self.id;
        let missing = |field| ClaimError::Missing { id: id.clone(), field };
        let well_formed = id.strip_prefix(paper.id()).and_then(|rest| rest.strip_prefix('.')).is_some_and(|name| {
            !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '.')
        });
        if !well_formed {
            return Err(ClaimError::BadId { id, paper: paper.id() });
        }
        if self.source.is_empty() {
            return Err(missing("source"));
        }
        if self.quantity.is_empty() {
            return Err(missing("quantity"));
        }
        let (value, unit, precision) = self.published.ok_or_else(|| missing("published value"))?;
        let tolerance = self.tolerance.ok_or_else(|| missing("tolerance"))?;
        let status = self.status.ok_or_else(|| missing("status"))?;
        if !value.is_finite() {
            return Err(ClaimError::NonFinite { id, field: "published", value });
        }
        if let Some(value) = self.reproduced.filter(|v| !v.is_finite()) {
            return Err(ClaimError::NonFinite { id, field: "reproduced", value });
        }
        if self.reproduced.is_none() && status != Status::NeedsData {
            return Err(missing("reproduced value"));
        }
        let tolerance_ok = [tolerance.relative, tolerance.absolute].iter().all(|t| t.is_finite() && *t >= 0.0);
        if !tolerance_ok {
            return Err(ClaimError::BadTolerance { id });
        }
        if status != Status::Reproduced && self.note.trim().is_empty() {
            return Err(ClaimError::UnexplainedStatus { id, status: status.as_str() });
        }
        Ok(Claim {
            id,
            paper,
            source: self.source,
            quantity: self.quantity,
            reproduced: Reproduced { value: self.reproduced, unit: unit.clone() },
            published: Published { value, unit, precision },
            tolerance,
            status,
            note: self.note,
        })
    }
}
