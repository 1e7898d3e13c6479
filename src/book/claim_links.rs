//! Links between the prose and the ledger, both ways. A claim id written in backticks in a
//! chapter's prose (`yang.density_minimum`, or `density_minimum` in the Yang chapter) becomes
//! a link to its row on the ledger page, where every claim has an anchor; its first mention
//! in a chapter gets an anchor of its own (`text-<id>`), so that the claim's row, on the
//! ledger page and in the chapter's own table, can link back to the paragraph deriving it.

use std::collections::{HashMap, HashSet};

/// The anchor of a claim's first mention in a chapter's prose.
pub fn text_anchor(id: &str) -> String {
    format!("text-{id}")
}

/// `markdown` with every backticked known claim id outside code fences turned into a link to
/// `ledger.md#<id>`, the first mention of each preceded by its [`text_anchor`]. In the
/// chapter of paper `paper_id`, a bare name that is a claim of that paper counts too. Spans
/// already inside a link are left alone.
///
/// ```
/// use std::collections::HashSet;
/// let ids: HashSet<String> = ["yang.density_minimum".to_owned()].into();
/// let linked = mmsbook::book::link_claims("see `density_minimum` and `x`", Some("yang"), &ids);
/// assert_eq!(
///     linked,
///     "see <a id=\"text-yang.density_minimum\"></a>[`density_minimum`](ledger.md#yang.density_minimum) and `x`"
/// );
/// ```
pub fn link_claims(markdown: &str, paper_id: Option<&str>, ids: &HashSet<String>) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut anchored = HashSet::new();
    for_prose_lines(markdown, |line| match line {
        Line::Prose(line) if line.contains('`') => {
            out.push_str(&link_line(line, paper_id, ids, &mut anchored))
        }
        Line::Prose(line) | Line::Code(line) => out.push_str(line),
    });
    out
}

/// The claim ids `markdown`'s prose mentions (as [`link_claims`] reads them), in order of
/// first mention.
pub fn mentioned_claims(
    markdown: &str,
    paper_id: Option<&str>,
    ids: &HashSet<String>,
) -> Vec<String> {
    let mut mentioned = Vec::new();
    for_prose_lines(markdown, |line| {
        if let Line::Prose(line) = line {
            for span in line.split('`').skip(1).step_by(2) {
                if let Some(id) =
                    claim_of_span(span, paper_id, ids).filter(|id| !mentioned.contains(id))
                {
                    mentioned.push(id);
                }
            }
        }
    });
    mentioned
}

/// `html` (a page holding claims tables) with a link after each claim id whose derivation
/// `text_pages` locates: `[id → page of its first mention]`. `this_page` is the page being
/// rendered, so a link to the same page is a bare fragment.
pub fn link_rows_to_text(
    html: &str,
    text_pages: &HashMap<String, String>,
    this_page: &str,
) -> String {
    // One pass over the page (a ledger page holds hundreds of claims: searching it once per
    // claim took seconds in the test build), linking the first cell of each claim.
    const OPEN: &str = "<a class=\"claim-id\" href=\"#";
    let mut out = String::with_capacity(html.len() + 64 * text_pages.len());
    let mut linked = HashSet::new();
    let mut rest = html;
    while let Some(start) = rest.find(OPEN) {
        let (before, from_cell) = rest.split_at(start);
        out.push_str(before);
        let id = from_cell[OPEN.len()..]
            .split('"')
            .next()
            .unwrap_or_default();
        let cell = format!("{OPEN}{id}\">{id}</a>");
        let Some(page) = text_pages
            .get(id)
            .filter(|_| from_cell.starts_with(&cell) && !linked.contains(id))
        else {
            out.push_str(OPEN);
            rest = &from_cell[OPEN.len()..];
            continue;
        };
        linked.insert(id.to_owned());
        let target = if page == this_page { "" } else { page.as_str() };
        let anchor = text_anchor(id);
        out.push_str(&format!(
            "{cell} <a class=\"in-text\" href=\"{target}#{anchor}\" title=\"where the chapter derives it\">in the text</a>"
        ));
        rest = &from_cell[cell.len()..];
    }
    out.push_str(rest);
    out
}

enum Line<'a> {
    Prose(&'a str),
    Code(&'a str),
}

fn for_prose_lines<'a>(markdown: &'a str, mut visit: impl FnMut(Line<'a>)) {
    let mut in_fence = false;
    for line in markdown.split_inclusive('\n') {
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
            visit(Line::Code(line));
        } else if in_fence {
            visit(Line::Code(line));
        } else {
            visit(Line::Prose(line));
        }
    }
}

fn claim_of_span(span: &str, paper_id: Option<&str>, ids: &HashSet<String>) -> Option<String> {
    if ids.contains(span) {
        Some(span.to_owned())
    } else {
        paper_id
            .map(|paper| format!("{paper}.{span}"))
            .filter(|full| ids.contains(full))
    }
}

fn link_line(
    line: &str,
    paper_id: Option<&str>,
    ids: &HashSet<String>,
    anchored: &mut HashSet<String>,
) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(start) = rest.find('`') {
        let Some(length) = rest[start + 1..].find('`') else {
            break;
        };
        let (before, span) = (&rest[..start], &rest[start + 1..start + 1 + length]);
        out.push_str(before);
        let already_linked = before.ends_with('[');
        match claim_of_span(span, paper_id, ids).filter(|_| !already_linked) {
            Some(id) => {
                if anchored.insert(id.clone()) {
                    out.push_str(&format!("<a id=\"{}\"></a>", text_anchor(&id)));
                }
                out.push_str(&format!("[`{span}`](ledger.md#{id})"));
            }
            None => out.push_str(&format!("`{span}`")),
        }
        rest = &rest[start + 2 + length..];
    }
    out.push_str(rest);
    out
}

/// `markdown` with every `doi:10.…` outside code turned into a link to `https://doi.org/…`.
/// A trailing full stop ends the DOI, as in prose it ends the sentence.
///
/// ```
/// let linked = mmsbook::book::link_dois("Zhang et al., doi:10.1029/2025GL115440.");
/// assert_eq!(linked, "Zhang et al., [doi:10.1029/2025GL115440](https://doi.org/10.1029/2025GL115440).");
/// ```
pub fn link_dois(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    for_prose_lines(markdown, |line| match line {
        Line::Prose(line) if line.contains("doi:10.") => {
            // Code spans alternate with prose between backticks: link only in the prose parts.
            for (index, part) in line.split('`').enumerate() {
                if index > 0 {
                    out.push('`');
                }
                if index % 2 == 1 {
                    out.push_str(part);
                } else {
                    out.push_str(&link_dois_in_prose(part));
                }
            }
        }
        Line::Prose(line) | Line::Code(line) => out.push_str(line),
    });
    out
}

fn link_dois_in_prose(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("doi:10.") {
        out.push_str(&rest[..start]);
        let candidate = &rest[start + 4..];
        let mut length = candidate
            .find(|c: char| {
                c.is_whitespace() || matches!(c, ')' | ']' | ',' | ';' | '*' | '<' | '"')
            })
            .unwrap_or(candidate.len());
        while candidate[..length].ends_with('.') {
            length -= 1;
        }
        let doi = &candidate[..length];
        let already_linked = out.ends_with('[') || out.ends_with("](");
        if already_linked {
            out.push_str(&format!("doi:{doi}"));
        } else {
            out.push_str(&format!("[doi:{doi}](https://doi.org/{doi})"));
        }
        rest = &candidate[length..];
    }
    out.push_str(rest);
    out
}
