//! Links from the chapters to the ledger: a claim id written in backticks in a chapter's
//! prose (`yang.density_minimum`, or `density_minimum` in the Yang chapter) becomes a link to
//! its row on the ledger page, where every claim has an anchor.

use std::collections::HashSet;

/// `markdown` with every backticked known claim id outside code fences turned into a link to
/// `ledger.md#<id>`. In the chapter of paper `paper_id`, a bare name that is a claim of that
/// paper counts too. Spans already inside a link are left alone.
///
/// ```
/// use std::collections::HashSet;
/// let ids: HashSet<String> = ["yang.density_minimum".to_owned()].into();
/// let linked = mmsbook::book::link_claims("see `density_minimum` and `x`", Some("yang"), &ids);
/// assert_eq!(linked, "see [`density_minimum`](ledger.md#yang.density_minimum) and `x`");
/// ```
pub fn link_claims(markdown: &str, paper_id: Option<&str>, ids: &HashSet<String>) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut in_fence = false;
    for line in markdown.split_inclusive('\n') {
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
        }
        if in_fence || !line.contains('`') {
            out.push_str(line);
            continue;
        }
        out.push_str(&link_line(line, paper_id, ids));
    }
    out
}

fn link_line(line: &str, paper_id: Option<&str>, ids: &HashSet<String>) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(start) = rest.find('`') {
        let Some(length) = rest[start + 1..].find('`') else { break };
        let (before, span) = (&rest[..start], &rest[start + 1..start + 1 + length]);
        out.push_str(before);
        let already_linked = before.ends_with('[');
        let id = if ids.contains(span) {
            Some(span.to_owned())
        } else {
            paper_id.map(|paper| format!("{paper}.{span}")).filter(|full| ids.contains(full))
        };
        match id.filter(|_| !already_linked) {
            Some(id) => out.push_str(&format!("[`{span}`](ledger.md#{id})")),
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
    let mut in_fence = false;
    for line in markdown.split_inclusive('\n') {
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
        }
        if in_fence || !line.contains("doi:10.") {
            out.push_str(line);
            continue;
        }
        // Code spans alternate with prose between backticks: link only in the prose parts.
        for (index, part) in line.split('`').enumerate() {
            if index > 0 {
                out.push('`');
            }
            if index % 2 == 1 {
                out.push_str(part);
                continue;
            }
            out.push_str(&link_dois_in_prose(part));
        }
    }
    out
}

fn link_dois_in_prose(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("doi:10.") {
        out.push_str(&rest[..start]);
        let candidate = &rest[start + 4..];
        let mut length = candidate.find(|c: char| c.is_whitespace() || matches!(c, ')' | ']' | ',' | ';' | '*' | '<' | '"')).unwrap_or(candidate.len());
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
