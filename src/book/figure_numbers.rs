//! Figure numbers: "Figure 9.2" is the second figure of chapter 9, counted in the order the
//! figures' anchors (`<a id="figure-<id>"></a>`, written by the figure snippets) appear in the
//! built book. A link whose text is just `Figure` and whose target is a figure anchor, in a
//! caption or in the prose (`[Figure](#figure-yang.profiles)`, or
//! `[Figure](yang.md#figure-yang.profiles)` from another chapter), gets the number as its
//! text, so the prose never types a number that could go stale.

use std::collections::HashMap;

const ANCHOR_OPEN: &str = "<a id=\"figure-";
const REFERENCE_OPEN: &str = "[Figure](";

/// A reference to a figure the book does not show.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a reference to figure `{id}`, which no chapter shows")]
pub struct UnknownFigure {
    /// The figure id referred to.
    pub id: String,
}

/// The figure ids whose anchors `markdown` holds, in order.
pub fn figure_anchors(markdown: &str) -> Vec<String> {
    markdown
        .match_indices(ANCHOR_OPEN)
        .filter_map(|(at, _)| {
            let rest = &markdown[at + ANCHOR_OPEN.len()..];
            rest.find('"').map(|end| rest[..end].to_owned())
        })
        .collect()
}

/// Numbers for the figures of one chapter: `chapter` is its section number without the
/// trailing dot (`"9"`), or `None` for an unnumbered chapter, whose figures are numbered
/// 1, 2, … on their own.
pub fn number_chapter(chapter: Option<&str>, ids: &[String]) -> Vec<(String, String)> {
    ids.iter()
        .enumerate()
        .map(|(index, id)| {
            let number = match chapter {
                Some(chapter) => format!("{chapter}.{}", index + 1),
                None => (index + 1).to_string(),
            };
            (id.clone(), number)
        })
        .collect()
}

/// `markdown` with every `[Figure](…#figure-<id>)` link's text replaced by the figure's
/// number from `numbers` (`id → "9.2"`).
///
/// ```
/// use std::collections::HashMap;
/// let numbers: HashMap<String, String> = [("yang.profiles".to_owned(), "8.1".to_owned())].into();
/// let text = mmsbook::book::number_figures("see [Figure](#figure-yang.profiles), panel g", &numbers).unwrap();
/// assert_eq!(text, "see [Figure 8.1](#figure-yang.profiles), panel g");
/// ```
///
/// # Errors
/// [`UnknownFigure`] for a reference to an id that `numbers` does not hold.
pub fn number_figures(
    markdown: &str,
    numbers: &HashMap<String, String>,
) -> Result<String, UnknownFigure> {
    let mut out = String::with_capacity(markdown.len());
    let mut rest = markdown;
    while let Some(start) = rest.find(REFERENCE_OPEN) {
        let target_start = start + REFERENCE_OPEN.len();
        let Some(length) = rest[target_start..].find(')') else {
            break;
        };
        let target = &rest[target_start..target_start + length];
        out.push_str(&rest[..start]);
        match target.split_once("#figure-") {
            Some((_, id)) => {
                let number = numbers
                    .get(id)
                    .ok_or_else(|| UnknownFigure { id: id.to_owned() })?;
                out.push_str(&format!("[Figure {number}]({target})"));
            }
            None => out.push_str(&rest[start..target_start + length + 1]),
        }
        rest = &rest[target_start + length + 1..];
    }
    out.push_str(rest);
    Ok(out)
}
