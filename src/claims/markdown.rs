//! The ledger for the book: a count of claims by paper, status and basis (markdown), and one
//! claims table per paper (HTML inside the markdown, so it can carry anchors, status badges
//! and a fold-out row for the basis, readings and note). Four narrow columns fit the book's
//! column on a desktop; on a phone each claim becomes a card (`assets/book.css`).

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

    /// The claims as one table, without headings: for a chapter's own claims section.
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
                    let _ = write!(
                        out,
                        " {} |",
                        counts.count(Some(paper), Some(status), Some(basis))
                    );
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

/// The columns of a claims table, as headers and as the labels phone cards show.
pub const TABLE_COLUMNS: [&str; 4] = ["Status", "Claim", "Published", "Computed"];

/// The claims in the ledger's order of attention (discrepancies first, reproduced last),
/// each as a row and a fold-out detail row.
fn table(claims: &[&Claim]) -> String {
    let mut ordered: Vec<&Claim> = claims.to_vec();
    ordered.sort_by_key(|c| Status::ALL.iter().position(|s| *s == c.status()));
    let mut out = String::from("<table class=\"claims\">\n<thead><tr>");
    for column in TABLE_COLUMNS {
        let _ = write!(out, "<th>{column}</th>");
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for claim in ordered {
        out.push_str(&rows(claim));
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

fn rows(claim: &Claim) -> String {
    let published = &claim.published;
    let unit = if published.unit == "1" {
        String::new()
    } else {
        format!(" {}", escape(&published.unit))
    };
    let status = claim.status().as_str();
    let computed = match (&claim.reproduced, claim.readings.is_empty()) {
        (Some(r), _) => format!(
            "{}{unit}<div class=\"interval\">{} · {}</div>",
            format_significant(r.value, SHOWN_DIGITS),
            interval(r.interval),
            escape(&r.propagation)
        ),
        (None, false) => {
            let agreeing = claim
                .readings
                .iter()
                .filter(|r| r.status == Status::Reproduced)
                .count();
            format!(
                "{} readings<div class=\"interval\">{agreeing} reproduce; see below</div>",
                claim.readings.len()
            )
        }
        (None, true) => "—<div class=\"interval\">needs data</div>".to_owned(),
    };
    let id = escape(&claim.id);
    let mut out = format!(
        "<tr class=\"claim\" id=\"{id}\"><td data-label=\"Status\"><span class=\"status status-{status}\">{status}</span></td>\
         <td data-label=\"Claim\"><a class=\"claim-id\" href=\"#{id}\">{id}</a><div class=\"quantity\">{}</div></td>\
         <td data-label=\"Published\">{}{unit}<div class=\"interval\">{} · {}</div></td>\
         <td data-label=\"Computed\">{computed}</td></tr>\n",
        escape(&claim.quantity),
        as_printed(published.value),
        interval(published.interval),
        escape(&published.precision),
    );
    let _ = write!(
        out,
        "<tr class=\"claim-detail\"><td colspan=\"{}\"><details><summary>{} · {}</summary>",
        TABLE_COLUMNS.len(),
        claim.basis.as_str(),
        escape(&claim.source)
    );
    if !claim.readings.is_empty() {
        out.push_str("<ul class=\"readings\">");
        for reading in &claim.readings {
            let value = match (reading.value, reading.interval) {
                (Some(v), Some(i)) => format!(
                    "{}{unit} {}",
                    format_significant(v, SHOWN_DIGITS),
                    interval(i)
                ),
                _ => "needs data".to_owned(),
            };
            let _ = write!(
                out,
                "<li><span class=\"status status-{0}\">{0}</span> {1}: {value}</li>",
                reading.status.as_str(),
                escape(&reading.name)
            );
        }
        out.push_str("</ul>");
    }
    if !claim.note.is_empty() {
        let _ = write!(out, "<p>{}</p>", escape(&claim.note));
    }
    out.push_str("</details></td></tr>\n");
    out
}

/// `[lo, hi]` at the shown digits, with infinite ends as ∞. A sign's interval, which stops
/// at the smallest positive double to exclude zero, reads `(0, ∞]` (or `[−∞, 0)`).
fn interval(interval: Interval) -> String {
    let end = |x: f64| {
        if x == f64::INFINITY {
            "∞".to_owned()
        } else if x == f64::NEG_INFINITY {
            "−∞".to_owned()
        } else if x.abs() == f64::MIN_POSITIVE {
            "0".to_owned()
        } else {
            format_significant(x, SHOWN_DIGITS)
        }
    };
    let open = if interval.lo() == f64::MIN_POSITIVE {
        '('
    } else {
        '['
    };
    let close = if interval.hi() == -f64::MIN_POSITIVE {
        ')'
    } else {
        ']'
    };
    format!(
        "{open}{}, {}{close}",
        end(interval.lo()),
        end(interval.hi())
    )
}

/// The published number as the paper prints it: plain, or in scientific notation when tiny
/// or huge.
fn as_printed(value: f64) -> String {
    if value == 0.0 || (1e-3..1e6).contains(&value.abs()) {
        format!("{value}")
    } else {
        format!("{value:e}")
    }
}

/// Text for HTML: exponents as superscripts (one unit notation), the three characters that
/// would be read as markup, and `$`, which the book's math preprocessor would read as a
/// formula.
fn escape(text: &str) -> String {
    crate::typography::superscripts(text)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('$', "&#36;")
        .replace('\n', " ")
}
