//! The one error type of the `figure` module.

/// Why a figure could not be made or written.
#[derive(Debug, thiserror::Error)]
pub enum FigureError {
    /// A series has no points.
    #[error("series `{series}` is empty")]
    EmptySeries {
        /// Series label.
        series: String,
    },
    /// A series' x, y (and error) vectors differ in length.
    #[error("series `{series}`: x has {x} points but y (or its errors) has {y}")]
    LengthMismatch {
        /// Series label.
        series: String,
        /// Length of x.
        x: usize,
        /// Length of y or of the error bars.
        y: usize,
    },
    /// A plotted value is NaN or infinite, or not positive on a log axis.
    #[error("series `{series}`: point {index} is not plottable ({value})")]
    Unplottable {
        /// Series label.
        series: String,
        /// Zero-based point index.
        index: usize,
        /// The offending value.
        value: f64,
    },
    /// A fixed axis range is empty, reversed, not finite, or not positive on a log axis.
    #[error("axis `{axis}`: range [{low}, {high}] is not usable")]
    BadRange {
        /// The axis label.
        axis: String,
        /// Lower bound.
        low: f64,
        /// Upper bound.
        high: f64,
    },
    /// The computation behind the figure failed (a model rejected its parameters).
    #[error("computing the figure's data: {0}")]
    Model(String),
    /// The committed font could not be registered with plotters.
    #[error("the committed font could not be loaded")]
    Font,
    /// plotters failed while drawing.
    #[error("drawing failed: {0}")]
    Draw(String),
    /// Writing a file failed.
    #[error("writing {path}: {source}")]
    Io {
        /// The file being written.
        path: std::path::PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
}

impl FigureError {
    /// Wraps the error of the model that computes a figure's data.
    pub fn model(error: impl std::fmt::Display) -> Self {
        FigureError::Model(error.to_string())
    }
}
