//! The HTML book: mdBook as a library, with math pre-rendered to MathML so the built pages
//! need no script and no network, and the regenerated figures copied beside the pages.

mod claim_links;
mod figure_numbers;
mod math;

pub use claim_links::{link_claims, link_dois, link_rows_to_text, mentioned_claims, text_anchor};
pub use figure_numbers::{UnknownFigure, figure_anchors, number_chapter, number_figures};
pub use math::{MathError, render_math};

use mdbook_driver::MDBook;
use mdbook_driver::book::{Book, BookItem};
use mdbook_preprocessor::{Preprocessor, PreprocessorContext};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Why the book could not be built.
#[derive(Debug, thiserror::Error)]
pub enum BookError {
    /// A formula in a chapter does not parse.
    #[error("chapter {chapter}: {source}")]
    Math {
        /// The chapter's source path.
        chapter: String,
        /// The parse failure.
        source: MathError,
    },
    /// A chapter refers to a figure no chapter shows.
    #[error("chapter {chapter}: {source}")]
    Figure {
        /// The chapter's name.
        chapter: String,
        /// The unknown figure.
        source: UnknownFigure,
    },
    /// `SUMMARY.md` lists no chapter: building would replace the whole book with an empty one.
    #[error("{summary} lists no chapter; refusing to build an empty book")]
    NoChapters {
        /// The summary file.
        summary: PathBuf,
    },
    /// mdBook failed (bad SUMMARY.md, missing chapter, I/O...).
    #[error("mdBook: {0}")]
    Mdbook(String),
    /// The committed ledger (`chapters/claims.json`), whose ids the chapter links need, is
    /// missing or malformed.
    #[error("reading the claim ids from {path}: {reason}")]
    Ledger {
        /// The ledger file.
        path: PathBuf,
        /// What went wrong.
        reason: String,
    },
    /// Copying figures or assets into the built book failed.
    #[error("copying {path} into the book: {source}")]
    Copy {
        /// What was being copied.
        path: PathBuf,
        /// The I/O failure.
        source: std::io::Error,
    },
}

/// The mdBook preprocessor that replaces `$...$` and `$$...$$` with MathML.
struct MathPreprocessor;

impl Preprocessor for MathPreprocessor {
    fn name(&self) -> &str {
        "mathml"
    }

    fn run(
        &self,
        _context: &PreprocessorContext,
        mut book: Book,
    ) -> mdbook_preprocessor::errors::Result<Book> {
        let mut failure = None;
        book.for_each_chapter_mut(|chapter| {
            if failure.is_some() {
                return;
            }
            match render_math(&chapter.content) {
                Ok(content) => chapter.content = content,
                Err(source) => {
                    let chapter = chapter
                        .source_path
                        .as_ref()
                        .map_or(chapter.name.clone(), |p| p.display().to_string());
                    failure = Some(BookError::Math { chapter, source });
                }
            }
        });
        match failure {
            Some(error) => Err(error.into()),
            None => Ok(book),
        }
    }
}

/// The mdBook preprocessor that numbers the figures chapter by chapter and writes the
/// numbers into every `[Figure](…#figure-<id>)` link.
struct FigureNumberPreprocessor;

impl Preprocessor for FigureNumberPreprocessor {
    fn name(&self) -> &str {
        "figure-numbers"
    }

    fn run(
        &self,
        _context: &PreprocessorContext,
        mut book: Book,
    ) -> mdbook_preprocessor::errors::Result<Book> {
        // A figure shown in more than one chapter keeps the number of its numbered chapter;
        // unnumbered chapters (the introduction) number only the figures no chapter numbers.
        let mut numbered = Vec::new();
        let mut unnumbered = Vec::new();
        for item in book.iter() {
            if let BookItem::Chapter(chapter) = item {
                let anchors = figure_anchors(&chapter.content);
                match &chapter.number {
                    Some(number) => numbered
                        .push((number.to_string().trim_end_matches('.').to_owned(), anchors)),
                    None => unnumbered.extend(anchors),
                }
            }
        }
        let mut numbers: HashMap<String, String> = HashMap::new();
        for (section, anchors) in &numbered {
            let fresh: Vec<String> = anchors
                .iter()
                .filter(|id| !numbers.contains_key(*id))
                .cloned()
                .collect();
            numbers.extend(number_chapter(Some(section), &fresh));
        }
        unnumbered.retain(|id| !numbers.contains_key(id));
        numbers.extend(number_chapter(None, &unnumbered));
        let mut failure = None;
        book.for_each_chapter_mut(|chapter| match number_figures(&chapter.content, &numbers) {
            Ok(content) => chapter.content = content,
            Err(unknown) => {
                failure = Some(BookError::Figure {
                    chapter: chapter.name.clone(),
                    source: unknown,
                })
            }
        });
        match failure {
            Some(error) => Err(error.into()),
            None => Ok(book),
        }
    }
}

/// The mdBook preprocessor that links DOIs to doi.org and claim ids in the prose to their
/// ledger rows.
struct ClaimLinkPreprocessor {
    ids: HashSet<String>,
}

impl Preprocessor for ClaimLinkPreprocessor {
    fn name(&self) -> &str {
        "claim-links"
    }

    fn run(
        &self,
        _context: &PreprocessorContext,
        mut book: Book,
    ) -> mdbook_preprocessor::errors::Result<Book> {
        // First pass: where each claim is first mentioned, its own paper's chapter first.
        let mut text_pages: HashMap<String, String> = HashMap::new();
        for item in book.iter() {
            if let BookItem::Chapter(chapter) = item {
                let Some(page) = page_of(chapter) else {
                    continue;
                };
                for id in mentioned_claims(&chapter.content, paper_of(&page), &self.ids) {
                    let own_paper = id.split('.').next() == page.strip_suffix(".md");
                    if own_paper || !text_pages.contains_key(&id) {
                        text_pages.insert(id, page.clone());
                    }
                }
            }
        }
        book.for_each_chapter_mut(|chapter| {
            let page = page_of(chapter).unwrap_or_default();
            chapter.content = link_dois(&chapter.content);
            // The ledger page is generated with its own anchors and links.
            if page != "ledger.md" {
                chapter.content = link_claims(&chapter.content, paper_of(&page), &self.ids);
            }
            chapter.content = link_rows_to_text(&chapter.content, &text_pages, &page);
        });
        Ok(book)
    }
}

/// A chapter's page, as its source path (`yang.md`), when it has one.
fn page_of(chapter: &mdbook_driver::book::Chapter) -> Option<String> {
    chapter
        .source_path
        .as_ref()
        .map(|path| path.to_string_lossy().into_owned())
}

/// The paper whose chapter `page` is, if it is one.
fn paper_of(page: &str) -> Option<&str> {
    let stem = page.strip_suffix(".md")?;
    crate::claims::Paper::ALL
        .iter()
        .map(|p| p.id())
        .find(|id| *id == stem)
}

/// The claim ids of the committed ledger (`chapters/claims.json`), for the links.
fn claim_ids(root: &Path) -> Result<HashSet<String>, BookError> {
    let claims = crate::ledger::committed_claims(root).map_err(|error| BookError::Ledger {
        path: error.path,
        reason: error.reason,
    })?;
    Ok(claims.into_iter().map(|claim| claim.id).collect())
}

/// Checks every formula of every chapter listed in the book at `root` without building.
///
/// # Errors
/// [`BookError::Math`] for the first formula that does not parse.
pub fn check_math(root: &Path) -> Result<usize, BookError> {
    let book = MDBook::load(root).map_err(mdbook_error)?;
    let mut formulas = 0;
    for item in book.iter() {
        if let BookItem::Chapter(chapter) = item {
            let rendered = render_math(&chapter.content).map_err(|source| BookError::Math {
                chapter: chapter.name.clone(),
                source,
            })?;
            formulas += rendered.matches("<math").count();
        }
    }
    Ok(formulas)
}

/// Builds the HTML book of the workbook rooted at `root` (where `book.toml` is) and copies
/// `figures/` and the MathML fonts into it. Returns the output directory. It builds in place:
/// `regen` calls it on a staged copy of the root ([`crate::transaction`]).
///
/// # Errors
/// [`BookError::NoChapters`] for a summary without chapters; [`BookError`] on a formula that
/// does not parse, an mdBook failure, or a failed copy.
pub fn build_book(root: &Path) -> Result<PathBuf, BookError> {
    let mut book = MDBook::load(root).map_err(mdbook_error)?;
    let has_chapter = book
        .iter()
        .any(|item| matches!(item, BookItem::Chapter(chapter) if chapter.path.is_some()));
    if !has_chapter {
        return Err(BookError::NoChapters {
            summary: root.join(&book.config.book.src).join("SUMMARY.md"),
        });
    }
    book.with_preprocessor(ClaimLinkPreprocessor {
        ids: claim_ids(root)?,
    });
    book.with_preprocessor(FigureNumberPreprocessor);
    book.with_preprocessor(MathPreprocessor);
    book.build().map_err(mdbook_error)?;
    let output = book.build_dir_for("html");
    relative_404(&output)?;
    copy_directory(&root.join("figures"), &output.join("figures"))?;
    copy_directory(
        &root.join("assets/mathml/font"),
        &output.join("assets/mathml/font"),
    )?;
    Ok(output)
}

/// mdBook writes `<base href="/">` into `404.html` (its `site-url` default), which breaks the
/// page's styles under `file://` and under any sub-path. Without it, its links are relative
/// to where the page sits, as on every other page of the book.
fn relative_404(output: &Path) -> Result<(), BookError> {
    let path = output.join("404.html");
    let copy_error = |source| BookError::Copy {
        path: path.clone(),
        source,
    };
    let Ok(html) = std::fs::read_to_string(&path) else {
        return Ok(());
    };
    let relative = html.replacen("<base href=\"/\">", "", 1);
    if relative != html {
        std::fs::write(&path, relative).map_err(copy_error)?;
    }
    Ok(())
}

fn mdbook_error(error: mdbook_driver::errors::Error) -> BookError {
    BookError::Mdbook(format!("{error:#}"))
}

fn copy_directory(from: &Path, to: &Path) -> Result<(), BookError> {
    let copy_error = |source| BookError::Copy {
        path: from.to_owned(),
        source,
    };
    std::fs::create_dir_all(to).map_err(copy_error)?;
    for entry in std::fs::read_dir(from).map_err(copy_error)? {
        let entry = entry.map_err(copy_error)?;
        if entry.file_type().map_err(copy_error)?.is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name())).map_err(copy_error)?;
        }
    }
    Ok(())
}
