//! `$...$` (inline) and `$$...$$` (display) LaTeX in markdown, rendered to MathML with
//! pulldown-latex. Code fences and inline code are left alone; `\$` is a literal dollar.

use pulldown_latex::config::DisplayMode;
use pulldown_latex::{Parser, RenderConfig, Storage, push_mathml};

/// A formula that does not parse.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum MathError {
    /// pulldown-latex rejected the formula.
    #[error("formula `{tex}` does not parse: {message}")]
    Parse {
        /// The LaTeX source.
        tex: String,
        /// The parser's message.
        message: String,
    },
    /// A `$` or `$$` was opened and never closed.
    #[error("unclosed `{delimiter}` starting at line {line}")]
    Unclosed {
        /// `$` or `$$`.
        delimiter: &'static str,
        /// One-based line number.
        line: usize,
    },
}

/// Replaces every formula in `markdown` by MathML. Display formulas become a
/// `<div class="math-display">` block of their own; inline ones stay in the paragraph.
///
/// # Errors
/// [`MathError`] for a formula that does not parse or an unclosed delimiter.
///
/// ```
/// let html = mmsbook::book::render_math("Thermal speed $v = \\sqrt{2T/m}$, `$x$` kept.").unwrap();
/// assert!(html.contains("<math") && html.contains("<msqrt>") && html.contains("`$x$`"));
/// ```
pub fn render_math(markdown: &str) -> Result<String, MathError> {
    let mut out = String::with_capacity(markdown.len() * 2);
    let mut prose = String::new();
    let mut prose_start_line = 1;
    let mut fence: Option<&str> = None;
    for (index, line) in markdown.split_inclusive('\n').enumerate() {
        let trimmed = line.trim_start();
        if let Some(open) = fence {
            if trimmed.starts_with(open) {
                fence = None;
            }
            out.push_str(line);
        } else if let Some(marker) = ["```", "~~~"].into_iter().find(|m| trimmed.starts_with(m)) {
            out.push_str(&render_prose(&prose, prose_start_line)?);
            prose.clear();
            fence = Some(marker);
            out.push_str(line);
        } else {
            if prose.is_empty() {
                prose_start_line = index + 1;
            }
            prose.push_str(line);
        }
    }
    out.push_str(&render_prose(&prose, prose_start_line)?);
    Ok(out)
}

/// Renders the formulas of text that holds no code fence; `first_line` numbers its first
/// line for error messages. Formulas may span lines but not paragraphs.
fn render_prose(text: &str, first_line: usize) -> Result<String, MathError> {
    let line_of = |offset: usize| first_line + text[..offset].matches('\n').count();
    let mut out = String::with_capacity(text.len() * 2);
    let mut position = 0;
    while let Some((relative, special)) = next_special(&text[position..]) {
        let start = position + relative;
        out.push_str(&text[position..start]);
        position = match special {
            Special::Code(length) => {
                out.push_str(&text[start..start + length]);
                start + length
            }
            Special::EscapedDollar => {
                out.push_str("&#36;");
                start + 2
            }
            Special::Display => {
                let body = &text[start + 2..];
                let end = body.find("$$").ok_or(MathError::Unclosed {
                    delimiter: "$$",
                    line: line_of(start),
                })?;
                out.push_str(&display_block(&body[..end], line_of(start))?);
                start + 2 + end + 2
            }
            Special::Inline => {
                let body = &text[start + 1..];
                let end = body
                    .find('$')
                    .filter(|&end| !body[..end].contains("\n\n"))
                    .ok_or(MathError::Unclosed {
                        delimiter: "$",
                        line: line_of(start),
                    })?;
                out.push_str(&to_mathml(&body[..end], DisplayMode::Inline)?);
                start + 1 + end + 1
            }
        };
    }
    out.push_str(&text[position..]);
    Ok(out)
}

enum Special {
    /// An inline code span of this many bytes.
    Code(usize),
    EscapedDollar,
    Display,
    Inline,
}

fn next_special(text: &str) -> Option<(usize, Special)> {
    let index = text.find(['`', '$', '\\'])?;
    let tail = &text[index..];
    let special = if tail.starts_with('`') {
        let ticks = tail.len() - tail.trim_start_matches('`').len();
        let fence = &tail[..ticks];
        let length = tail[ticks..]
            .find(fence)
            .map_or(ticks, |end| 2 * ticks + end);
        Special::Code(length)
    } else if tail.starts_with("\\$") {
        Special::EscapedDollar
    } else if tail.starts_with('\\') {
        // A backslash outside math is ordinary markdown: keep it and move on.
        return next_special(&text[index + 1..]).map(|(i, s)| (i + index + 1, s));
    } else if tail.starts_with("$$") {
        Special::Display
    } else {
        Special::Inline
    };
    Some((index, special))
}

fn display_block(tex: &str, line: usize) -> Result<String, MathError> {
    if tex.trim().is_empty() {
        return Err(MathError::Unclosed {
            delimiter: "$$",
            line,
        });
    }
    // Its own HTML block: blank lines around, one line inside, so markdown leaves it alone.
    Ok(format!(
        "\n\n<div class=\"math-display\">{}</div>\n\n",
        to_mathml(tex.trim(), DisplayMode::Block)?
    ))
}

fn to_mathml(tex: &str, display_mode: DisplayMode) -> Result<String, MathError> {
    let storage = Storage::new();
    let events: Vec<_> = Parser::new(tex, &storage)
        .collect::<Result<_, _>>()
        .map_err(|error| MathError::Parse {
            tex: tex.to_owned(),
            message: error.to_string(),
        })?;
    let mut mathml = String::new();
    let config = RenderConfig {
        display_mode,
        ..RenderConfig::default()
    };
    push_mathml(
        &mut mathml,
        events.into_iter().map(Ok::<_, std::convert::Infallible>),
        config,
    )
    .map_err(|error| MathError::Parse {
        tex: tex.to_owned(),
        message: error.to_string(),
    })?;
    // pulldown-latex 0.8 writes the control space `\ ` as an escaped entity, "&amp;nbsp;",
    // which a browser shows literally: restore the no-break space.
    let mathml = mathml.replace("&amp;nbsp;", "&#160;").replace('\n', " ");
    Ok(protect_from_markdown(&mathml))
}

/// Markdown still reads the text between inline HTML tags: escape the characters it would
/// act on (emphasis, escapes, links, code) as numeric entities.
fn protect_from_markdown(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ => {}
        }
        match c {
            '*' | '_' | '\\' | '`' | '[' | ']' | '~' | '$' | '|' if !in_tag => {
                out.push_str(&format!("&#{};", c as u32));
            }
            _ => out.push(c),
        }
    }
    out
}
