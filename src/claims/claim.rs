//! One claim: a published number, the number we compute, and the verdict the rule derives.

use super::{Computed, Interval, Paper, PrecisionError, Published, Quoted};
use serde::Serialize;

/// Whether a claim reproduces. Derived by [`Status::derive`], never set by hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// The computed interval and the published interval overlap.
    Reproduced,
    /// They are disjoint; the note gives the derivation.
    Discrepancy,
    /// The paper leaves a choice open and the readings disagree: some reproduce, some do
    /// not; the note says what would decide.
    ReadingDependent,
    /// Nothing can be computed without observations; the note says which.
    NeedsData,
}

impl Status {
    /// Every status, in the order the ledger lists them.
    pub const ALL: [Status; 4] = [
        Status::Discrepancy,
        Status::ReadingDependent,
        Status::NeedsData,
        Status::Reproduced,
    ];

    /// The status as written in the ledger.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Reproduced => "reproduced",
            Status::Discrepancy => "discrepancy",
            Status::ReadingDependent => "reading-dependent",
            Status::NeedsData => "needs-data",
        }
    }

    /// The one rule. A single computation reproduces when its interval overlaps the
    /// published one, and is a discrepancy otherwise. Several readings give the common
    /// verdict when they agree and `reading-dependent` when they do not. No computation at
    /// all is `needs-data`.
    ///
    /// Each computation (`None`: one that needs data) gets its own verdict; the claim takes
    /// the verdict they share, or `reading-dependent` when they differ.
    ///
    /// ```
    /// use mmsbook::claims::{Interval, Status};
    /// let published = Interval::new(672.5, 673.5).unwrap();
    /// let computed = Interval::new(668.1, 684.0).unwrap();
    /// assert_eq!(Status::derive(published, &[Some(computed)]), Status::Reproduced);
    /// let far = Interval::new(700.0, 710.0).unwrap();
    /// assert_eq!(Status::derive(published, &[Some(far)]), Status::Discrepancy);
    /// assert_eq!(Status::derive(published, &[Some(computed), Some(far)]), Status::ReadingDependent);
    /// assert_eq!(Status::derive(published, &[Some(far), None]), Status::ReadingDependent);
    /// assert_eq!(Status::derive(published, &[]), Status::NeedsData);
    /// ```
    pub fn derive(published: Interval, computed: &[Option<Interval>]) -> Status {
        let verdict = |c: &Option<Interval>| match c {
            None => Status::NeedsData,
            Some(c) if c.overlaps(published) => Status::Reproduced,
            Some(_) => Status::Discrepancy,
        };
        let mut verdicts = computed.iter().map(verdict);
        let Some(first) = verdicts.next() else {
            return Status::NeedsData;
        };
        if verdicts.all(|v| v == first) {
            first
        } else {
            Status::ReadingDependent
        }
    }
}

/// What a claim's computed value rests on. Only `model` and `derivation` are reproductions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Basis {
    /// Computed by the library's model or method code from the paper's inputs.
    Model,
    /// A closed-form limit or identity derived in the chapter.
    Derivation,
    /// A consistency check of the paper's own numbers against each other.
    Arithmetic,
    /// An echo of a stated input, kept as a sanity check.
    Input,
}

impl Basis {
    /// Every basis, in the order the ledger lists them.
    pub const ALL: [Basis; 4] = [
        Basis::Model,
        Basis::Derivation,
        Basis::Arithmetic,
        Basis::Input,
    ];

    /// The basis as written in the ledger.
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::Model => "model",
            Basis::Derivation => "derivation",
            Basis::Arithmetic => "arithmetic",
            Basis::Input => "input",
        }
    }

    /// Whether a reproduced claim of this basis counts as a reproduction.
    pub fn is_reproduction(self) -> bool {
        matches!(self, Basis::Model | Basis::Derivation)
    }
}

/// The computed side of a claim, in the published unit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reproduced {
    /// The value at the inputs as printed.
    pub value: f64,
    /// Same unit as [`Published::unit`].
    pub unit: String,
    /// The interval the inputs' precision implies.
    pub interval: Interval,
    /// How the interval was propagated, in words.
    pub propagation: String,
}

impl Reproduced {
    fn new(computed: &Computed, unit: &str) -> Self {
        Reproduced {
            value: computed.value,
            unit: unit.to_owned(),
            interval: computed.interval,
            propagation: computed.propagation.describe(),
        }
    }
}

/// One reading of a claim the paper leaves open (a definition, a unit, a location), with
/// its own verdict under the rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reading {
    /// What the reading takes the paper to mean.
    pub name: String,
    /// The value under this reading; `None` when only data could give it.
    pub value: Option<f64>,
    /// Its interval.
    pub interval: Option<Interval>,
    /// How the interval was propagated, in words.
    pub propagation: Option<String>,
    /// The verdict of this reading alone.
    pub status: Status,
}

/// One published quantitative statement with its reproduction. Build with [`Claim::builder`];
/// the status is derived from the intervals and cannot be set.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    /// Stable id, `<paper>.<name>`, e.g. `zhang2025.example_thickness`.
    pub id: String,
    /// The paper the claim comes from.
    pub paper: Paper,
    /// Where it stands in the paper (section, equation, figure, table).
    pub source: String,
    /// What the quantity is, in words.
    pub quantity: String,
    /// What the computation rests on.
    pub basis: Basis,
    status: Status,
    /// The published value and its interval.
    pub published: Published,
    /// The computed value and its interval; `None` for readings and for needs-data.
    pub reproduced: Option<Reproduced>,
    /// The readings, when the paper leaves a choice open (empty otherwise).
    pub readings: Vec<Reading>,
    /// The derivation for a discrepancy, what would decide for a reading-dependent claim,
    /// the data that would settle a needs-data claim; context otherwise.
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
    /// The published number has no interval.
    #[error("claim `{id}`: {source}")]
    Precision {
        /// The claim id.
        id: String,
        /// Why.
        source: PrecisionError,
    },
    /// A computed value is NaN or infinite, or lies outside its own interval.
    #[error("claim `{id}`: computed value {value} is not finite or not inside its interval")]
    BadComputed {
        /// The claim id.
        id: String,
        /// The rejected value.
        value: f64,
    },
    /// A claim has both a single computed value and readings.
    #[error("claim `{id}` has both a computed value and readings: give one or the other")]
    ValueAndReadings {
        /// The claim id.
        id: String,
    },
    /// A claim's readings must be at least two: one reading is a plain computation.
    #[error("claim `{id}` has a single reading; give its value with `computed`")]
    SingleReading {
        /// The claim id.
        id: String,
    },
    /// Every status but reproduced must explain itself.
    #[error("claim `{id}` is `{status}` but has no note explaining why")]
    UnexplainedStatus {
        /// The claim id.
        id: String,
        /// The status lacking a note.
        status: &'static str,
    },
    /// The caller expected a status the rule does not give.
    #[error("claim `{id}` was expected to be `{expected}` but the rule gives `{derived}`")]
    StatusMismatch {
        /// The claim id.
        id: String,
        /// The expected status.
        expected: &'static str,
        /// The status the rule derives.
        derived: &'static str,
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
            basis: None,
            published: None,
            computed: None,
            readings: Vec::new(),
            expected: None,
            note: String::new(),
        }
    }

    /// The verdict, as the rule derived it.
    pub fn status(&self) -> Status {
        self.status
    }

    /// Whether the claim counts as a reproduction: reproduced, on a model or a derivation.
    pub fn is_reproduction(&self) -> bool {
        self.status == Status::Reproduced && self.basis.is_reproduction()
    }

    /// The computed intervals the status rests on: the single one, or one per reading
    /// (`None` for a reading that needs data); empty for a needs-data claim.
    pub fn computed_intervals(&self) -> Vec<Option<Interval>> {
        match &self.reproduced {
            Some(r) => vec![Some(r.interval)],
            None => self.readings.iter().map(|r| r.interval).collect(),
        }
    }

    /// Whether the stored status is what the rule gives for the stored intervals, for the
    /// claim and for each of its readings.
    pub fn follows_rule(&self) -> bool {
        let readings_ok = self
            .readings
            .iter()
            .all(|r| r.status == Status::derive(self.published.interval, &[r.interval]));
        readings_ok
            && self.status == Status::derive(self.published.interval, &self.computed_intervals())
    }
}

/// Collects a claim's fields; [`ClaimBuilder::build`] validates them and derives the status.
#[derive(Debug, Clone)]
pub struct ClaimBuilder {
    id: String,
    paper: Paper,
    source: String,
    quantity: String,
    basis: Option<Basis>,
    published: Option<(Quoted, String)>,
    computed: Option<Computed>,
    readings: Vec<(String, Option<Computed>)>,
    expected: Option<Status>,
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
    /// What the computation rests on.
    pub fn basis(mut self, basis: Basis) -> Self {
        self.basis = Some(basis);
        self
    }
    /// The published number (from the paper's `published.rs`) and its unit.
    pub fn published(mut self, quoted: Quoted, unit: &str) -> Self {
        self.published = Some((quoted, unit.to_owned()));
        self
    }
    /// The value computed by the library, in the published unit, with its interval.
    pub fn computed(mut self, computed: Computed) -> Self {
        self.computed = Some(computed);
        self
    }
    /// One reading of an open choice, computed; give every reading the paper admits.
    pub fn reading(mut self, name: &str, computed: Computed) -> Self {
        self.readings.push((name.to_owned(), Some(computed)));
        self
    }
    /// A reading that only data could compute; the note says which data.
    pub fn reading_needing_data(mut self, name: &str) -> Self {
        self.readings.push((name.to_owned(), None));
        self
    }
    /// The explanation: derivation, deciding datum, missing data, or context.
    pub fn note(mut self, note: &str) -> Self {
        self.note = note.to_owned();
        self
    }
    /// Asserts the status the rule must give: `build` fails if it gives another. For tests
    /// and examples that pin a verdict; the ledger itself never states one.
    pub fn expect(mut self, status: Status) -> Self {
        self.expected = Some(status);
        self
    }

    /// Validates the claim and derives its status by [`Status::derive`].
    ///
    /// # Errors
    /// [`ClaimError`] for a malformed id, a missing field, a published number without an
    /// interval, a non-finite computed value, both a value and readings, a single reading,
    /// a status other than reproduced without a note, or a failed [`ClaimBuilder::expect`].
    pub fn build(self) -> Result<Claim, ClaimError> {
        let paper = self.paper;
        let id = self.id;
        let missing = |field| ClaimError::Missing {
            id: id.clone(),
            field,
        };
        let well_formed = id
            .strip_prefix(paper.id())
            .and_then(|rest| rest.strip_prefix('.'))
            .is_some_and(|name| {
                !name.is_empty()
                    && name.chars().all(|c| {
                        c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '.'
                    })
            });
        if !well_formed {
            return Err(ClaimError::BadId {
                id,
                paper: paper.id(),
            });
        }
        if self.source.is_empty() {
            return Err(missing("source"));
        }
        if self.quantity.is_empty() {
            return Err(missing("quantity"));
        }
        let basis = self.basis.ok_or_else(|| missing("basis"))?;
        let (quoted, unit) = self.published.ok_or_else(|| missing("published value"))?;
        let published_interval = quoted.interval().map_err(|source| ClaimError::Precision {
            id: id.clone(),
            source,
        })?;
        let sound = |c: &Computed| c.value.is_finite() && c.interval.contains(c.value);
        if let Some(bad) = self
            .computed
            .iter()
            .chain(self.readings.iter().filter_map(|(_, c)| c.as_ref()))
            .find(|c| !sound(c))
        {
            return Err(ClaimError::BadComputed {
                id,
                value: bad.value,
            });
        }
        if self.computed.is_some() && !self.readings.is_empty() {
            return Err(ClaimError::ValueAndReadings { id });
        }
        if self.readings.len() == 1 {
            return Err(ClaimError::SingleReading { id });
        }
        let readings: Vec<Reading> = self
            .readings
            .iter()
            .map(|(name, c)| Reading {
                name: name.clone(),
                value: c.map(|c| c.value),
                interval: c.map(|c| c.interval),
                propagation: c.map(|c| c.propagation.describe()),
                status: Status::derive(published_interval, &[c.map(|c| c.interval)]),
            })
            .collect();
        let intervals: Vec<Option<Interval>> = match &self.computed {
            Some(c) => vec![Some(c.interval)],
            None => readings.iter().map(|r| r.interval).collect(),
        };
        let status = Status::derive(published_interval, &intervals);
        if status != Status::Reproduced && self.note.trim().is_empty() {
            return Err(ClaimError::UnexplainedStatus {
                id,
                status: status.as_str(),
            });
        }
        if let Some(expected) = self.expected.filter(|&e| e != status) {
            return Err(ClaimError::StatusMismatch {
                id,
                expected: expected.as_str(),
                derived: status.as_str(),
            });
        }
        Ok(Claim {
            reproduced: self.computed.as_ref().map(|c| Reproduced::new(c, &unit)),
            published: Published {
                value: quoted.value,
                unit,
                interval: published_interval,
                precision: quoted.precision_words(),
            },
            id,
            paper,
            source: self.source,
            quantity: self.quantity,
            basis,
            status,
            readings,
            note: self.note,
        })
    }
}
