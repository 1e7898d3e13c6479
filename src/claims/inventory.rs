//! The inventory of every number a paper's text states (`chapters/inventory/<paper>.csv`):
//! one row per number, abstract to conclusions, captions included, with what the workbook
//! does with it. Every number is checked by claims, an input the models take, or context that cannot
//! be checked even in principle; the chapter states the coverage.

use super::Paper;
use polars::prelude::{DataFrame, PolarsError};
use polars_io::SerReader;
use polars_io::csv::read::CsvReadOptions;

/// What the workbook does with a number the paper states.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Disposition {
    /// Checked by the ledger claims with these ids (written `claim:<id> <id>…`: one number
    /// can be checked in more than one way, e.g. a total against the stated tension and
    /// against the sum of its parts).
    Claims(Vec<String>),
    /// A parameter a model or derivation takes as given.
    Input,
    /// Not checkable even in principle (a launch year, another paper's finding).
    Context,
}

/// One number of the paper.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InventoryRow {
    /// Where it stands (section, caption, table).
    pub section: String,
    /// The number as printed, with its unit.
    pub number: String,
    /// What the workbook does with it.
    pub disposition: Disposition,
    /// Why, briefly.
    pub reason: String,
}

/// Why an inventory cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum InventoryError {
    /// The CSV does not parse or lacks a column.
    #[error("inventory of {paper}: {source}")]
    Csv {
        /// The paper.
        paper: &'static str,
        /// The polars failure.
        source: PolarsError,
    },
    /// A row's disposition is none of `claim:<id>`, `input`, `context`.
    #[error(
        "inventory of {paper}, row {row}: disposition {disposition:?} is none of claim:<id>, input, context"
    )]
    BadDisposition {
        /// The paper.
        paper: &'static str,
        /// The data row, from 1.
        row: usize,
        /// What the row says.
        disposition: String,
    },
    /// A row has an empty cell.
    #[error("inventory of {paper}, row {row}: empty {column}")]
    Empty {
        /// The paper.
        paper: &'static str,
        /// The data row, from 1.
        row: usize,
        /// The empty column.
        column: &'static str,
    },
}

/// The committed inventory CSV of `paper`.
pub fn inventory_csv(paper: Paper) -> &'static str {
    match paper {
        Paper::Zhang2025 => include_str!("../../chapters/inventory/zhang2025.csv"),
        Paper::Yang => include_str!("../../chapters/inventory/yang.csv"),
        Paper::Shuster2026 => include_str!("../../chapters/inventory/shuster2026.csv"),
        Paper::Richard2025 => include_str!("../../chapters/inventory/richard2025.csv"),
    }
}

/// The inventory of `paper`, from its committed CSV.
///
/// # Errors
/// [`InventoryError`] for a malformed CSV, an empty cell or an unknown disposition.
pub fn inventory(paper: Paper) -> Result<Vec<InventoryRow>, InventoryError> {
    parse(paper.id(), inventory_csv(paper))
}

/// Parses inventory CSV text (columns `section,number,disposition,reason`).
///
/// ```
/// use mmsbook::claims::{Disposition, parse_inventory};
/// let rows = parse_inventory("yang", "section,number,disposition,reason\nSec. 2,22 nT,claim:yang.peak_field,peak\n").unwrap();
/// assert_eq!(rows[0].disposition, Disposition::Claims(vec!["yang.peak_field".into()]));
/// assert!(parse_inventory("yang", "section,number,disposition,reason\nSec. 2,22 nT,maybe,peak\n").is_err());
/// ```
///
/// # Errors
/// As [`inventory`].
pub fn parse_inventory(
    paper: &'static str,
    csv: &str,
) -> Result<Vec<InventoryRow>, InventoryError> {
    parse(paper, csv)
}

fn parse(paper: &'static str, csv: &str) -> Result<Vec<InventoryRow>, InventoryError> {
    let csv_error = |source| InventoryError::Csv { paper, source };
    let cursor = std::io::Cursor::new(csv.as_bytes().to_vec());
    // Every column is text: "0.96" is a number as printed, not a value.
    let frame: DataFrame = CsvReadOptions::default()
        .with_has_header(true)
        .with_infer_schema_length(Some(0))
        .into_reader_with_file_handle(cursor)
        .finish()
        .map_err(csv_error)?;
    let column = |name: &'static str| -> Result<Vec<Option<String>>, InventoryError> {
        let values = frame
            .column(name)
            .and_then(|c| c.str().cloned())
            .map_err(csv_error)?;
        Ok(values.iter().map(|v| v.map(str::to_owned)).collect())
    };
    let (sections, numbers, dispositions, reasons) = (
        column("section")?,
        column("number")?,
        column("disposition")?,
        column("reason")?,
    );
    let mut rows = Vec::with_capacity(frame.height());
    for (index, (((section, number), disposition), reason)) in sections
        .into_iter()
        .zip(numbers)
        .zip(dispositions)
        .zip(reasons)
        .enumerate()
    {
        let row = index + 1;
        let cell = |value: Option<String>, column| {
            value
                .filter(|v| !v.trim().is_empty())
                .ok_or(InventoryError::Empty { paper, row, column })
        };
        let disposition = cell(disposition, "disposition")?;
        let disposition = match disposition.as_str() {
            "input" => Disposition::Input,
            "context" => Disposition::Context,
            other => match other.strip_prefix("claim:").map(|ids| {
                ids.split_whitespace()
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            }) {
                Some(ids) if !ids.is_empty() => Disposition::Claims(ids),
                _ => {
                    return Err(InventoryError::BadDisposition {
                        paper,
                        row,
                        disposition,
                    });
                }
            },
        };
        rows.push(InventoryRow {
            section: cell(section, "section")?,
            number: cell(number, "number")?,
            disposition,
            reason: cell(reason, "reason")?,
        });
    }
    Ok(rows)
}

/// How the numbers of an inventory divide: rows checked by claims, inputs, context, and how
/// many distinct claims the claim rows name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Coverage {
    /// Rows checked by a claim.
    pub claim_rows: usize,
    /// Distinct claims named.
    pub claims: usize,
    /// Rows that are inputs.
    pub inputs: usize,
    /// Rows that are context.
    pub context: usize,
}

impl Coverage {
    /// The coverage of `rows`.
    pub fn of(rows: &[InventoryRow]) -> Self {
        let mut named = std::collections::HashSet::new();
        let mut coverage = Coverage::default();
        for row in rows {
            match &row.disposition {
                Disposition::Claims(ids) => {
                    coverage.claim_rows += 1;
                    named.extend(ids.iter().map(String::as_str));
                }
                Disposition::Input => coverage.inputs += 1,
                Disposition::Context => coverage.context += 1,
            }
        }
        coverage.claims = named.len();
        coverage
    }

    /// Every row.
    pub fn rows(self) -> usize {
        self.claim_rows + self.inputs + self.context
    }

    /// One sentence for the chapter, linking the CSV.
    pub fn sentence(self, paper: Paper) -> String {
        format!(
            "The paper's text states {} numbers ([inventory](inventory/{id}.csv)): {} are checked by {} claims, {} are \
             inputs the models take, and {} are context that no data or model could check.",
            self.rows(),
            self.claim_rows,
            self.claims,
            self.inputs,
            self.context,
            id = paper.id()
        )
    }
}
