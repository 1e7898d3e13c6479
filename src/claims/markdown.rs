//! The ledger as markdown tables, one per paper, for the book.

use super::{Claim, Ledger, Paper, format_significant};
use std::fmt::Write;

/// Significant digits shown for reproduced values: one more than most papers print, so a
/// reader can see rounding at work.
const SHOWN_DIGITS: usize = 4;

impl Ledger {
    /// Markdown: for each paper with claims, a heading and a table with one row per claim
    /// (id, source, quantity, published, reproduced, tolerance, status, note).
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        for paper in Paper::ALL {
            let claims: Vec<&Claim> = self.claims().iter().filter(|c| c.paper == paper).collect();
            if claims.is_empty() {
                continue;
            }
            let _ = writeln!(out, "## {}\n", paper.citation());
            out.push_str(&table(&claims));
            out.push('\n');
        }
        if out.is_empty() {
            out.push_str("No claims are registered yet.\n");
        }
        out
    }
}

impl Ledger {
    /// The claims as one markdown table, without headings: for a chapter's own claims section.
    pub fn to_markdown_table(&self) -> String {
        if self.claims().is_empty() {
            return "No claims are registered yet.\n".to_owned();
        }
        table(&self.claims().iter().collect::<Vec<_>>())
    }
}

fn table(claims: &[&Claim]) -> String {
    let mut out = String::from("| Claim | Source | Quantity | Published | Reproduced | Tolerance | Status | Note |\n");
    out.push_str("|---|---|---|---|---|---|---|---|\n");
    for claim in claims {
        let _ = writeln!(out, "| {} |", row(claim).map(|cell| escape(&cell)).join(" | "));
    }
    out
}

fn row(claim: &Claim) -> [String; 8] {
    let published = &claim.published;
    // Pure numbers carry the unit "1" in the data; the table shows them bare.
    let unit = if published.unit == "1" { String::new() } else { format!(" {}", published.unit) };
    let reproduced = match claim.reproduced.value {
        Some(value) => format!("{}{unit}", format_significant(value, SHOWN_DIGITS)),
        None => "—".to_owned(),
    };
    let tolerance = &claim.tolerance;
    let mut bounds = Vec::new();
    if tolerance.relative > 0.0 {
        bounds.push(format!("±{}%", format_significant(100.0 * tolerance.relative, 2)));
    }
    if tolerance.absolute > 0.0 {
        bounds.push(format!("±{}{unit}", format_significant(tolerance.absolute, 2)));
    }
    if bounds.is_empty() {
        bounds.push("exact".to_owned());
    }
    [
        format!("`{}`", claim.id),
        claim.source.clone(),
        claim.quantity.clone(),
        format!("{}{unit} ({})", as_printed(published.value), published.precision),
        reproduced,
        format!("{} ({})", bounds.join(" + "), tolerance.reason),
        format!("**{}**", claim.status.as_str()),
        claim.note.clone(),
    ]
}

/// The published number as the paper prints it: plain, or in scientific notation when tiny
/// or huge.
fn as_printed(value: f64) -> String {
    if value == 0.0 || (1e-3..1e6).contains(&value.abs()) { format!("{value}") } else { format!("{value:e}") }
}

fn escape(cell: &str) -> String {
    cell.replace('|', "\\|").replace('\n', " ")
}
