//! One figure style for the whole book: plotted panels to SVG, the plotted numbers to CSV,
//! atomic writes, and captions that say which function made the figure and how to remake it.

mod error;
mod plot;
mod style;
mod write;

pub use error::FigureError;
pub use plot::{
    Axis, HeatMap, Layout, MAX_STACKED_PANELS, Panel, Scale, Series, SeriesKind,
    SeriesLabelPosition, Ticks, render_bitmap,
};
pub use style::{FIGURE_HEIGHT_PX, FIGURE_WIDTH_PX, GRID_PANEL_WIDTH_PX, register_fonts};
pub use write::write_atomic;

use std::fmt::Write as _;

/// A finished figure: its SVG, the data behind it, and its caption.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Stable id, also the file stem: `figures/<id>.svg`, `figures/<id>.csv`.
    pub id: String,
    /// The SVG document.
    pub svg: String,
    /// Long-format CSV of every plotted point: `panel,series,x,y,y_error` (for a colour map's
    /// cells, x and y are the cell centre and the last column the cell value; for bars, spans
    /// and bands, y is the upper end and the last column the lower end).
    pub csv: String,
    /// Caption with provenance (see [`caption`]).
    pub caption: String,
}

impl Figure {
    /// Renders `panels` (stacked, or in two columns when there are many: [`Layout`]) with the book style and collects their data.
    ///
    /// * `id`: figure id (`methods.curvature`), used for file names and in the caption.
    /// * `producer`: path of the function that made the figure, named in the caption.
    /// * `description`: what the figure shows, in words; say "synthetic" when it is.
    ///
    /// # Errors
    /// [`FigureError`] if a series is empty, holds non-finite values, or cannot be drawn.
    pub fn from_panels(
        id: &str,
        producer: &str,
        description: &str,
        panels: &[Panel],
    ) -> Result<Self, FigureError> {
        for panel in panels {
            panel.validate()?;
        }
        Ok(Figure {
            id: id.to_owned(),
            svg: plot::render_svg(panels)?,
            csv: data_csv(panels),
            caption: crate::typography::superscripts(&caption(id, producer, description)),
        })
    }
}

/// The caption convention: description, then the producing function and the command that
/// remakes this one figure.
pub fn caption(id: &str, producer: &str, description: &str) -> String {
    format!(
        "{description} Made by `{producer}`; remake with `cargo run --release --bin regen -- --figure {id}`."
    )
}

fn data_csv(panels: &[Panel]) -> String {
    let mut csv = String::from("panel,series,x,y,y_error\n");
    for (index, panel) in panels.iter().enumerate() {
        // A colour map's cells: x and y are the cell centres, y_error holds the cell value.
        if let Some(map) = &panel.heatmap {
            for (x0, x1, y0, y1, value) in map.cells() {
                let _ = writeln!(
                    csv,
                    "{},{},{},{},{value}",
                    index + 1,
                    csv_field(&map.label),
                    0.5 * (x0 + x1),
                    0.5 * (y0 + y1)
                );
            }
        }
        for series in &panel.series {
            // The last column holds error bars, or the lower end of bars, spans and bands.
            let errors = match &series.kind {
                SeriesKind::ErrorBars(errors) => Some(errors),
                SeriesKind::Bars { bottoms: lower, .. }
                | SeriesKind::Spans { lower }
                | SeriesKind::Band { lower } => Some(lower),
                _ => None,
            };
            for (point, (x, y)) in series.x.iter().zip(&series.y).enumerate() {
                let error = errors.map(|e| e[point].to_string()).unwrap_or_default();
                let _ = writeln!(
                    csv,
                    "{},{},{x},{y},{error}",
                    index + 1,
                    csv_field(&series.label)
                );
            }
        }
    }
    csv
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}
