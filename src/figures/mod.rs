//! Every figure of the book, registered in one list: `regen` builds from it, `regen --list`
//! prints it, and `regen --check` compares it with the committed files.

pub mod methods;
pub mod richard2025;
pub mod shuster2026;
pub mod shuster2026_layer;
pub mod yang;
pub mod zhang2025;

use crate::claims::Paper;
use crate::figure::{Figure, FigureError};

/// The part of the book a figure belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The methods part (toolkit worked examples).
    Methods,
    /// A paper's chapter.
    Paper(Paper),
}

impl Part {
    /// Id used by `regen --part`: `methods` or the paper id.
    pub fn id(self) -> &'static str {
        match self {
            Part::Methods => "methods",
            Part::Paper(paper) => paper.id(),
        }
    }

    /// Every part, in book order.
    pub fn all() -> Vec<Part> {
        std::iter::once(Part::Methods)
            .chain(Paper::ALL.map(Part::Paper))
            .collect()
    }
}

/// A registered figure: its id, part, producing function, and the function itself.
#[derive(Debug, Clone, Copy)]
pub struct FigureSpec {
    /// Stable id and file stem.
    pub id: &'static str,
    /// Where it appears.
    pub part: Part,
    /// Path of the producing function (named in the caption).
    pub producer: &'static str,
    /// Makes the figure; receives its own spec for the id and caption.
    pub make: fn(&FigureSpec) -> Result<Figure, FigureError>,
}

impl FigureSpec {
    /// Computes and renders the figure.
    ///
    /// # Errors
    /// Whatever the producing function reports.
    pub fn render(&self) -> Result<Figure, FigureError> {
        (self.make)(self)
    }

    /// Renders `panels` as this figure, with `description` as the caption's first part.
    ///
    /// # Errors
    /// As [`Figure::from_panels`].
    pub fn figure(
        &self,
        description: &str,
        panels: &[crate::figure::Panel],
    ) -> Result<Figure, FigureError> {
        Figure::from_panels(self.id, self.producer, description, panels)
    }
}

/// Registers a producing function under an id, naming it by its real path.
macro_rules! figure_spec {
    ($id:literal, $part:expr, $function:ident) => {
        $crate::figures::FigureSpec {
            id: $id,
            part: $part,
            producer: concat!(module_path!(), "::", stringify!($function)),
            make: $function,
        }
    };
}
pub(crate) use figure_spec;

/// Every figure, in book order.
pub fn registry() -> Vec<FigureSpec> {
    let mut figures = methods::figures();
    figures.extend(zhang2025::figures());
    figures.extend(yang::figures());
    figures.extend(shuster2026::figures());
    figures.extend(shuster2026_layer::figures());
    figures.extend(richard2025::figures());
    figures
}
