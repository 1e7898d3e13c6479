//! The ledger as markdown: a count of claims by paper, status and basis, and one table per
//! paper, for the book.

use super::{Basis, Claim, Counts, Interval, Ledger, Paper, Status, format_significant};
use std::fmt::Write;

/// Significant digits shown for computed values and interval ends: one more than most
/// papers print, so a reader can see rounding at work.
const SHOWN_DIGITS: usize = 4;

impl Ledger {
    /// Markdown: the counts, then for each paper with claims a heading and its table.
    pub fn to_markdown(&self) -> String {
        if self.claims().is_empty() {
            return "No claims are registered yet.\n".to_owned();
        }
        let mut out = self.counts_markdown();
        for paper in Paper::ALL {
            let claims: Vec<&Claim> = self.claims().iter().filter(|c| c.paper == paper).collect();
            if claims.is_empty() {
                continue;
            }
            let _ = writeln!(out, "\n## {}\n", paper.citation());
            out.push_str(&table(&claims));
        }
        out
    }

    /// The claims as one markdown table, without headings: for a chapter's own claims section.
    pub fn to_markdown_table(&self) -> String {
        if self.claims().is_empty() {
            return "No claims are registered yet.\n".to_owned();
        }
        table(&self.claims().iter().collect::<Vec<_>>())
    }

    /// The headline: how many claims, how many are reproductions, and a table of counts by
    /// paper, basis and status.
    pub fn counts_markdown(&self) -> String {
        let counts = Counts::of(self);
        let total = self.claims().len();
        let mut out = format!(
            "{total} claims; **{} reproductions** (reproduced on a model or a derivation), {} consistency checks of \
             the papers' own numbers or inputs that hold, {} discrepancies, {} reading-dependent, {} needing data.\n\n",
            counts.reproductions(None),
            counts.count(None, Some(Status::Reproduced), None) - counts.reproductions(None),
            counts.count(None, Some(Status::Discrepancy), None),
            counts.count(None, Some(Status::ReadingDependent), None),
            counts.count(None, Some(Status::NeedsData), None),
        );
        out.push_str("| Paper | Basis |");
        Status::ALL.iter().for_each(|s| {
            let _ = write!(out, " {} |", s.as_str());
        });
        out.push_str(" all |\n|---|---|");
        out.push_str(&"---:|".repeat(Status::ALL.len() + 1));
        out.push('\n');
        for paper in Paper::ALL {
            for basis in Basis::ALL {
                let all = counts.count(Some(paper), None, Some(basis));
                if all == 0 {
                    continue;
                }
                let _ = write!(out, "| {} | {} |", paper.id(), basis.as_str());
                for status in Status::ALL {
                    let _ = write!(out, " {} |", counts.count(Some(paper), Some(status), Some(basis)));
                }
                let _ = writeln!(out, " {all} |");
            }
        }
        let _ = write!(out, "| all | all |");
        for status in Status::ALL {
            let _ = write!(out, " {} |", counts.count(None, Some(status), None));
        }
        let _ = writeln!(out, " {total} |");
        out
    }
}

fn table(claims: &[&Claim]) -> String {
    // Status and the two values first, so they stay in view when a narrow screen clips the table.
    let mut out = String::from("| Claim | Status | Published | Computed | Basis | Quantity | Source | Note |\n");
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
    let computed = match (&claim.reproduced, claim.readings.is_empty()) {
        (Some(r), _) => format!("{}{unit} {} ({})", format_significant(r.value, SHOWN_DIGITS), interval(r.interval), r.propagation),
        (None, false) => claim
            .readings
            .iter()
            .map(|r| match (r.value, r.interval) {
                (Some(value), Some(range)) => format!("{}: {} {} *{}*", r.name, format_significant(value, SHOWN_DIGITS), interval(range), r.status.as_str()),
                _ => format!("{}: — *{}*", r.name, r.status.as_str()),
            })
            .collect::<Vec<_>>()
            .join("<br>"),
        (None, true) => "—".to_owned(),
    };
    [
        format!("`{}`", claim.id),
        format!("**{}**", claim.status().as_str()),
        format!("{}{unit} {} ({})", as_printed(published.value), interval(published.interval), published.precision),
        computed,
        claim.basis.as_str().to_owned(),
        claim.quantity.clone(),
        claim.source.clone(),
        claim.note.clone(),
    ]
}

/// `[lo, hi]` at the shown digits, with infinite ends as ∞.
fn interval(interval: Interval) -> String {
    let end = |x: f64| {
        if x == f64::INFINITY {
            "∞".to_owned()
        } else if x == f64::NEG_INFINITY {
            "−∞".to_owned()
        } else {
            format_significant(x, SHOWN_DIGITS)
        }
    };
    format!("[{}, {}]", end(interval.lo()), end(interval.hi()))
}

/// The published number as the paper prints it: plain, or in scientific notation when tiny
/// or huge.
fn as_printed(value: f64) -> String {
    if value == 0.0 || (1e-3..1e6).contains(&value.abs()) { format!("{value}") } else { format!("{value:e}") }
}

fn escape(cell: &str) -> String {
    cell.replace('|', "\\|").replace('\n', " ")
}
