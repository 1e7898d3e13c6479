//! Panels and series, drawn with plotters in the book style.

use super::FigureError;
use super::style::{
    DASH_GAP_PX, DASH_PX, FIGURE_HEIGHT_PX, FIGURE_WIDTH_PX, FONT_FAMILY, GRID_PANEL_WIDTH_PX,
    LABEL_FONT_PX, LINE_WIDTH_PX, PALETTE, TICK_FONT_PX, register_fonts,
};
use crate::typography::superscripts;
use plotters::coord::Shift;
use plotters::coord::ranged1d::{AsRangedCoord, ValueFormatter};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

pub use plotters::chart::SeriesLabelPosition;

/// Linear or logarithmic axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    /// Linear axis.
    Linear,
    /// Base-10 logarithmic axis; every value on it must be positive.
    Log,
}

/// One axis: its label (with unit) and scale; the range follows the data unless fixed.
#[derive(Debug, Clone, PartialEq)]
pub struct Axis {
    /// Label with unit, e.g. `B_x (nT)`.
    pub label: String,
    /// Linear or log.
    pub scale: Scale,
    /// Fixed range, or `None` to fit the data with a small margin.
    pub range: Option<(f64, f64)>,
    /// Which ticks get a label.
    pub ticks: Ticks,
}

/// Which ticks of an axis get a label.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Ticks {
    /// Numbers, as the scale suggests.
    #[default]
    Numbers,
    /// Whole numbers only (counts, iterations).
    Integers,
    /// Names for the positions 1, 2, 3, ...: a categorical axis.
    Categories(Vec<String>),
}

impl Axis {
    /// A linear axis fitted to the data.
    pub fn linear(label: &str) -> Self {
        Axis {
            label: label.to_owned(),
            scale: Scale::Linear,
            range: None,
            ticks: Ticks::Numbers,
        }
    }
    /// A log axis fitted to the data.
    pub fn log(label: &str) -> Self {
        Axis {
            label: label.to_owned(),
            scale: Scale::Log,
            range: None,
            ticks: Ticks::Numbers,
        }
    }
    /// A linear axis labelled only at whole numbers.
    pub fn integer(label: &str) -> Self {
        Axis {
            ticks: Ticks::Integers,
            ..Axis::linear(label)
        }
    }
    /// A categorical axis: the names stand at x = 1, 2, 3, ..., and the range spans them.
    pub fn categories(label: &str, names: &[&str]) -> Self {
        let range = Some((0.5, names.len() as f64 + 0.5));
        Axis {
            ticks: Ticks::Categories(names.iter().map(|n| (*n).to_owned()).collect()),
            range,
            ..Axis::linear(label)
        }
    }
    /// The same axis with a fixed range.
    pub fn with_range(mut self, low: f64, high: f64) -> Self {
        self.range = Some((low, high));
        self
    }
}

/// How a series is drawn.
#[derive(Debug, Clone, PartialEq)]
pub enum SeriesKind {
    /// Connected line.
    Line,
    /// Connected dashed line: a reference curve drawn over solid ones without hiding them.
    DashedLine,
    /// Markers only.
    Points,
    /// Markers with symmetric vertical error bars of the given half-widths.
    ErrorBars(Vec<f64>),
    /// Filled bars from `bottoms[i]` up to `y[i]`, centred on `x[i]`, `width` wide (in x
    /// units): stack several series by passing the previous tops as bottoms.
    Bars {
        /// Lower end of each bar.
        bottoms: Vec<f64>,
        /// Bar width, x units.
        width: f64,
    },
    /// Vertical intervals from `lower[i]` up to `y[i]` at `x[i]` (with caps, no marker): an
    /// uncertainty interval that need not be symmetric.
    Spans {
        /// Lower end of each interval.
        lower: Vec<f64>,
    },
    /// A translucent band between `lower` and `y`, along increasing x: the range a stated
    /// uncertainty allows.
    Band {
        /// Lower edge of the band.
        lower: Vec<f64>,
    },
}

/// A labelled set of points.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// Legend label (empty: not in the legend).
    pub label: String,
    /// Abscissae.
    pub x: Vec<f64>,
    /// Ordinates.
    pub y: Vec<f64>,
    /// Line, points or error bars.
    pub kind: SeriesKind,
    /// Index into the palette.
    pub colour: usize,
}

impl Series {
    /// A line.
    pub fn line(label: &str, x: Vec<f64>, y: Vec<f64>, colour: usize) -> Self {
        Series {
            label: label.to_owned(),
            x,
            y,
            kind: SeriesKind::Line,
            colour,
        }
    }
    /// A dashed line.
    pub fn dashed(label: &str, x: Vec<f64>, y: Vec<f64>, colour: usize) -> Self {
        Series {
            label: label.to_owned(),
            x,
            y,
            kind: SeriesKind::DashedLine,
            colour,
        }
    }
    /// Markers.
    pub fn points(label: &str, x: Vec<f64>, y: Vec<f64>, colour: usize) -> Self {
        Series {
            label: label.to_owned(),
            x,
            y,
            kind: SeriesKind::Points,
            colour,
        }
    }
    /// Bars from `bottoms` to `tops`, centred on `x`, `width` wide.
    pub fn bars(
        label: &str,
        x: Vec<f64>,
        tops: Vec<f64>,
        bottoms: Vec<f64>,
        width: f64,
        colour: usize,
    ) -> Self {
        Series {
            label: label.to_owned(),
            x,
            y: tops,
            kind: SeriesKind::Bars { bottoms, width },
            colour,
        }
    }
    /// Vertical intervals `[lower[i], upper[i]]` at `x[i]`.
    pub fn spans(
        label: &str,
        x: Vec<f64>,
        lower: Vec<f64>,
        upper: Vec<f64>,
        colour: usize,
    ) -> Self {
        Series {
            label: label.to_owned(),
            x,
            y: upper,
            kind: SeriesKind::Spans { lower },
            colour,
        }
    }
    /// A band between `lower` and `upper` along `x`.
    pub fn band(label: &str, x: Vec<f64>, lower: Vec<f64>, upper: Vec<f64>, colour: usize) -> Self {
        Series {
            label: label.to_owned(),
            x,
            y: upper,
            kind: SeriesKind::Band { lower },
            colour,
        }
    }
    /// Markers with error bars (half-widths `errors`).
    pub fn error_bars(
        label: &str,
        x: Vec<f64>,
        y: Vec<f64>,
        errors: Vec<f64>,
        colour: usize,
    ) -> Self {
        Series {
            label: label.to_owned(),
            x,
            y,
            kind: SeriesKind::ErrorBars(errors),
            colour,
        }
    }

    fn y_extent(&self) -> impl Iterator<Item = f64> + '_ {
        let errors = match &self.kind {
            SeriesKind::ErrorBars(errors) => errors.as_slice(),
            _ => &[],
        };
        let bottoms = match &self.kind {
            SeriesKind::Bars { bottoms, .. } => bottoms.as_slice(),
            SeriesKind::Spans { lower } | SeriesKind::Band { lower } => lower.as_slice(),
            _ => &[],
        };
        self.y.iter().enumerate().flat_map(move |(i, &y)| {
            let e = errors.get(i).copied().unwrap_or(0.0);
            let bottom = bottoms.get(i).copied().unwrap_or(y - e);
            [bottom.min(y - e), y + e]
        })
    }
}

/// A colour map over a grid of cells, drawn beneath the series (a joint PDF, say).
/// Colours run from dark purple (lowest value) to yellow (highest), viridis-like.
#[derive(Debug, Clone, PartialEq)]
pub struct HeatMap {
    /// Name of the plotted quantity (used in the CSV).
    pub label: String,
    /// Cell edges along x (increasing).
    pub x_edges: Vec<f64>,
    /// Cell edges along y (increasing).
    pub y_edges: Vec<f64>,
    /// `values[i][j]` for the cell of x bin i and y bin j; `None` leaves it blank.
    pub values: Vec<Vec<Option<f64>>>,
    /// Signed data: blue (negative) through white (zero) to red (positive), symmetric about
    /// zero, instead of the sequential map.
    pub diverging: bool,
}

impl HeatMap {
    fn value_range(&self) -> (f64, f64) {
        self.values
            .iter()
            .flatten()
            .flatten()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| {
                (lo.min(v), hi.max(v))
            })
    }

    /// The values the ends of the colour map stand for: the data's range, or for signed data
    /// the symmetric range about zero.
    fn colour_range(&self) -> (f64, f64) {
        let (low, high) = self.value_range();
        if self.diverging {
            let bound = low.abs().max(high.abs());
            (-bound, bound)
        } else {
            (low, high)
        }
    }

    /// Cells with a value: (x0, x1, y0, y1, value).
    pub(super) fn cells(&self) -> impl Iterator<Item = (f64, f64, f64, f64, f64)> + '_ {
        self.values.iter().enumerate().flat_map(move |(i, column)| {
            column.iter().enumerate().filter_map(move |(j, value)| {
                value.map(|v| {
                    (
                        self.x_edges[i],
                        self.x_edges[i + 1],
                        self.y_edges[j],
                        self.y_edges[j + 1],
                        v,
                    )
                })
            })
        })
    }
}

/// Blue–white–red for signed data: `fraction` in [0, 1], 0.5 is white (zero).
fn diverging_map(fraction: f64) -> RGBColor {
    const BLUE: (f64, f64, f64) = (33.0, 102.0, 172.0);
    const RED: (f64, f64, f64) = (178.0, 24.0, 43.0);
    let t = (2.0 * fraction.clamp(0.0, 1.0) - 1.0).abs();
    let end = if fraction < 0.5 { BLUE } else { RED };
    let mix = |white: f64, c: f64| (white + t * (c - white)).round() as u8;
    RGBColor(mix(255.0, end.0), mix(255.0, end.1), mix(255.0, end.2))
}

/// Viridis-like colour map: `fraction` in [0, 1] from dark purple to yellow.
fn colour_map(fraction: f64) -> RGBColor {
    const STOPS: [(f64, f64, f64); 5] = [
        (68.0, 1.0, 84.0),
        (59.0, 82.0, 139.0),
        (33.0, 145.0, 140.0),
        (94.0, 201.0, 98.0),
        (253.0, 231.0, 37.0),
    ];
    let position = fraction.clamp(0.0, 1.0) * (STOPS.len() - 1) as f64;
    let index = (position.floor() as usize).min(STOPS.len() - 2);
    let t = position - index as f64;
    let (a, b) = (STOPS[index], STOPS[index + 1]);
    let mix = |x: f64, y: f64| (x + t * (y - x)).round() as u8;
    RGBColor(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

/// One chart: title, axes and series.
#[derive(Debug, Clone, PartialEq)]
pub struct Panel {
    /// Title drawn above the chart.
    pub title: String,
    /// Horizontal axis.
    pub x: Axis,
    /// Vertical axis.
    pub y: Axis,
    /// The data.
    pub series: Vec<Series>,
    /// Where the legend goes; `None` puts it in the corner with the least data.
    pub legend: Option<SeriesLabelPosition>,
    /// No legend box: the caption names the series (a colour map fills the whole chart, so
    /// any box would hide some of its cells).
    pub legend_hidden: bool,
    /// An optional colour map drawn beneath the series.
    pub heatmap: Option<HeatMap>,
}

impl Panel {
    /// A panel whose legend goes in the corner with the least data.
    pub fn new(title: &str, x: Axis, y: Axis, series: Vec<Series>) -> Self {
        Panel {
            title: title.to_owned(),
            x,
            y,
            series,
            legend: None,
            legend_hidden: false,
            heatmap: None,
        }
    }

    /// The same panel with a colour map beneath its series.
    pub fn with_heatmap(mut self, heatmap: HeatMap) -> Self {
        self.heatmap = Some(heatmap);
        self
    }

    /// The same panel with the legend elsewhere.
    pub fn legend_at(mut self, position: SeriesLabelPosition) -> Self {
        self.legend = Some(position);
        self
    }

    /// The same panel without a legend box; its caption must say what each series is.
    pub fn without_legend(mut self) -> Self {
        self.legend_hidden = true;
        self
    }

    pub(super) fn validate(&self) -> Result<(), FigureError> {
        for axis in [&self.x, &self.y] {
            if let Some((low, high)) = axis.range {
                let usable = low.is_finite()
                    && high.is_finite()
                    && low < high
                    && (axis.scale == Scale::Linear || low > 0.0);
                if !usable {
                    return Err(FigureError::BadRange {
                        axis: axis.label.clone(),
                        low,
                        high,
                    });
                }
            }
        }
        if let Some(map) = &self.heatmap {
            let bad = |value: f64| FigureError::Unplottable {
                series: map.label.clone(),
                index: 0,
                value,
            };
            for (edges, scale) in [(&map.x_edges, self.x.scale), (&map.y_edges, self.y.scale)] {
                let ordered = edges.len() >= 2 && edges.windows(2).all(|p| p[0] < p[1]);
                if let Some(&edge) = edges
                    .iter()
                    .find(|e| !e.is_finite() || (scale == Scale::Log && **e <= 0.0))
                {
                    return Err(bad(edge));
                }
                if !ordered {
                    return Err(FigureError::LengthMismatch {
                        series: map.label.clone(),
                        x: edges.len(),
                        y: 0,
                    });
                }
            }
            let shape_ok = map.values.len() + 1 == map.x_edges.len()
                && map.values.iter().all(|c| c.len() + 1 == map.y_edges.len());
            if !shape_ok {
                return Err(FigureError::LengthMismatch {
                    series: map.label.clone(),
                    x: map.x_edges.len(),
                    y: map.y_edges.len(),
                });
            }
            if let Some(value) = map
                .values
                .iter()
                .flatten()
                .flatten()
                .find(|v| !v.is_finite())
            {
                return Err(bad(*value));
            }
        }
        for series in &self.series {
            let name = || series.label.clone();
            if series.x.is_empty() {
                return Err(FigureError::EmptySeries { series: name() });
            }
            if series.x.len() != series.y.len() {
                return Err(FigureError::LengthMismatch {
                    series: name(),
                    x: series.x.len(),
                    y: series.y.len(),
                });
            }
            if let SeriesKind::ErrorBars(errors) = &series.kind
                && errors.len() != series.x.len()
            {
                return Err(FigureError::LengthMismatch {
                    series: name(),
                    x: series.x.len(),
                    y: errors.len(),
                });
            }
            if let SeriesKind::Spans { lower } | SeriesKind::Band { lower } = &series.kind {
                if lower.len() != series.x.len() {
                    return Err(FigureError::LengthMismatch {
                        series: name(),
                        x: series.x.len(),
                        y: lower.len(),
                    });
                }
                if let Some((index, &value)) =
                    lower.iter().enumerate().find(|(_, b)| !b.is_finite())
                {
                    return Err(FigureError::Unplottable {
                        series: name(),
                        index,
                        value,
                    });
                }
            }
            if let SeriesKind::Bars { bottoms, width } = &series.kind {
                if bottoms.len() != series.x.len() {
                    return Err(FigureError::LengthMismatch {
                        series: name(),
                        x: series.x.len(),
                        y: bottoms.len(),
                    });
                }
                if let Some((index, &value)) =
                    bottoms.iter().enumerate().find(|(_, b)| !b.is_finite())
                {
                    return Err(FigureError::Unplottable {
                        series: name(),
                        index,
                        value,
                    });
                }
                if !(width.is_finite() && *width > 0.0) {
                    return Err(FigureError::Unplottable {
                        series: name(),
                        index: 0,
                        value: *width,
                    });
                }
            }
            let checks = [(&series.x, self.x.scale), (&series.y, self.y.scale)];
            for (values, scale) in checks {
                if let Some((index, &value)) = values
                    .iter()
                    .enumerate()
                    .find(|(_, v)| !v.is_finite() || (scale == Scale::Log && **v <= 0.0))
                {
                    return Err(FigureError::Unplottable {
                        series: name(),
                        index,
                        value,
                    });
                }
            }
        }
        Ok(())
    }
}

/// Fraction of the plot's width a legend takes, and of its height per entry (and for the
/// frame): measured on the book's figures at 820 px.
const LEGEND_WIDTH_FRACTION: f64 = 0.45;
const LEGEND_ENTRY_FRACTION: f64 = 0.06;

/// The corner or side whose legend-sized box covers the fewest plotted points (lines sampled
/// between their points, bars, spans and bands at both ends, error bars at their ends),
/// upper right first among equals.
/// Fraction of the plot's height the legend of `panel` takes.
fn legend_height(panel: &Panel) -> f64 {
    LEGEND_ENTRY_FRACTION
        * (panel.series.iter().filter(|s| !s.label.is_empty()).count() as f64 + 1.0)
}

/// Returns the position and how many points its box still covers.
fn emptiest_corner(
    panel: &Panel,
    (x0, x1): (f64, f64),
    (y0, y1): (f64, f64),
) -> (SeriesLabelPosition, usize) {
    let position = |axis: &Axis, low: f64, high: f64, v: f64| match axis.scale {
        Scale::Log if v > 0.0 && low > 0.0 => {
            (v.log10() - low.log10()) / (high.log10() - low.log10())
        }
        Scale::Log => f64::NAN,
        Scale::Linear => (v - low) / (high - low),
    };
    let mut points: Vec<(f64, f64)> = Vec::new();
    for series in &panel.series {
        let lower: Vec<f64> = match &series.kind {
            SeriesKind::Bars { bottoms, .. } => bottoms.clone(),
            SeriesKind::Spans { lower } | SeriesKind::Band { lower } => lower.clone(),
            SeriesKind::ErrorBars(errors) => {
                let upper =
                    series
                        .x
                        .iter()
                        .zip(series.y.iter().zip(errors))
                        .map(|(&x, (&y, &e))| {
                            (
                                position(&panel.x, x0, x1, x),
                                position(&panel.y, y0, y1, y + e),
                            )
                        });
                points.extend(upper.collect::<Vec<_>>());
                series.y.iter().zip(errors).map(|(y, e)| y - e).collect()
            }
            _ => Vec::new(),
        };
        let normal: Vec<(f64, f64)> = series
            .x
            .iter()
            .zip(&series.y)
            .map(|(&x, &y)| (position(&panel.x, x0, x1, x), position(&panel.y, y0, y1, y)))
            .collect();
        points.extend(&normal);
        points.extend(
            series
                .x
                .iter()
                .zip(&lower)
                .map(|(&x, &y)| (position(&panel.x, x0, x1, x), position(&panel.y, y0, y1, y))),
        );
        if matches!(
            series.kind,
            SeriesKind::Line | SeriesKind::DashedLine | SeriesKind::Band { .. }
        ) {
            for pair in normal.windows(2) {
                let ((ax, ay), (bx, by)) = (pair[0], pair[1]);
                points.extend(
                    (1..8)
                        .map(|k| f64::from(k) / 8.0)
                        .map(|t| (ax + t * (bx - ax), ay + t * (by - ay))),
                );
            }
        }
    }
    let height = legend_height(panel);
    let (right, left, centre) = (
        (1.0 - LEGEND_WIDTH_FRACTION, 1.0),
        (0.0, LEGEND_WIDTH_FRACTION),
        (
            0.5 - LEGEND_WIDTH_FRACTION / 2.0,
            0.5 + LEGEND_WIDTH_FRACTION / 2.0,
        ),
    );
    let (top, bottom, middle) = (
        (1.0 - height, 1.0),
        (0.0, height),
        (0.5 - height / 2.0, 0.5 + height / 2.0),
    );
    // Corners first, then the middles of the sides, in order of preference among equals.
    let corners = [
        (SeriesLabelPosition::UpperRight, right, top),
        (SeriesLabelPosition::UpperLeft, left, top),
        (SeriesLabelPosition::LowerRight, right, bottom),
        (SeriesLabelPosition::LowerLeft, left, bottom),
        (SeriesLabelPosition::MiddleRight, right, middle),
        (SeriesLabelPosition::MiddleLeft, left, middle),
        (SeriesLabelPosition::UpperMiddle, centre, top),
        (SeriesLabelPosition::LowerMiddle, centre, bottom),
    ];
    let covered = |(x_lo, x_hi): (f64, f64), (y_lo, y_hi): (f64, f64)| {
        points
            .iter()
            .filter(|(x, y)| (x_lo..=x_hi).contains(x) && (y_lo..=y_hi).contains(y))
            .count()
    };
    corners
        .iter()
        .map(|(corner, x, y)| (corner.clone(), covered(*x, *y)))
        .min_by_key(|(_, count)| *count)
        .unwrap_or((SeriesLabelPosition::UpperRight, 0))
}

fn fitted_range(axis: &Axis, values: impl Iterator<Item = f64>) -> (f64, f64) {
    if let Some(range) = axis.range {
        return range;
    }
    let positive_only = axis.scale == Scale::Log;
    let (low, high) = values
        .filter(|v| v.is_finite() && (!positive_only || *v > 0.0))
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        });
    match axis.scale {
        Scale::Log => (low / 1.25, high * 1.25),
        Scale::Linear => {
            let pad = if high > low {
                0.05 * (high - low)
            } else {
                0.5 * low.abs().max(1.0)
            };
            (low - pad, high + pad)
        }
    }
}

pub(super) fn render_svg(panels: &[Panel]) -> Result<String, FigureError> {
    register_fonts()?;
    let layout = Layout::for_panels(panels.len());
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, layout.size()).into_drawing_area();
        root.fill(&WHITE).map_err(draw_error)?;
        for (area, panel) in root
            .split_evenly((layout.rows, layout.columns))
            .iter()
            .zip(panels)
        {
            draw_panel(area, panel)?;
        }
        root.present().map_err(draw_error)?;
    }
    Ok(svg)
}

/// How a figure's panels are arranged: up to [`MAX_STACKED_PANELS`] stacked in one column
/// of the full width; more in two narrower columns, filled row by row (a, b on the first
/// row), so that a tall figure still reads at the book's width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// Panel rows.
    pub rows: usize,
    /// Panel columns.
    pub columns: usize,
}

/// The most panels stacked in a single column.
pub const MAX_STACKED_PANELS: usize = 3;

impl Layout {
    /// The layout of a figure with `panels` panels.
    pub fn for_panels(panels: usize) -> Self {
        let panels = panels.max(1);
        let columns = if panels > MAX_STACKED_PANELS { 2 } else { 1 };
        Layout {
            rows: panels.div_ceil(columns),
            columns,
        }
    }

    /// Width of one panel, px.
    pub fn panel_width(self) -> u32 {
        if self.columns == 1 {
            FIGURE_WIDTH_PX
        } else {
            GRID_PANEL_WIDTH_PX
        }
    }

    /// The whole figure's size, px.
    pub fn size(self) -> (u32, u32) {
        (
            self.panel_width() * self.columns as u32,
            FIGURE_HEIGHT_PX * self.rows as u32,
        )
    }
}

/// Draws one panel into a bitmap buffer (RGB, `width x height`): proves text renders with the
/// committed font alone. Used by the tests and available for thumbnails.
///
/// # Errors
/// As for SVG rendering.
pub fn render_bitmap(panel: &Panel, width: u32, height: u32) -> Result<Vec<u8>, FigureError> {
    register_fonts()?;
    panel.validate()?;
    let mut pixels = vec![0u8; (width * height * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut pixels, (width, height)).into_drawing_area();
        root.fill(&WHITE).map_err(draw_error)?;
        draw_panel(&root, panel)?;
        root.present().map_err(draw_error)?;
    }
    Ok(pixels)
}

/// The title's font size: the label size, or smaller (down to [`MIN_TITLE_FONT_PX`]) so that
/// the title fits the panel's width. DejaVu Sans averages about 0.55 em per character in
/// mixed text; plotters draws a size-s font at 0.8 s px.
fn fitted_title_size(title: &str, panel_width_px: u32) -> f64 {
    const EM_PER_CHARACTER: f64 = 0.55;
    const PX_PER_SIZE: f64 = 0.8;
    let characters = title.chars().count().max(1) as f64;
    let fitting = f64::from(panel_width_px.saturating_sub(24))
        / (characters * EM_PER_CHARACTER * PX_PER_SIZE);
    fitting.clamp(MIN_TITLE_FONT_PX, f64::from(LABEL_FONT_PX))
}

/// The smallest title font size, in plotters' units (as [`LABEL_FONT_PX`]).
const MIN_TITLE_FONT_PX: f64 = 13.0;

/// Width of a heat map's colour bar, px (bar, ticks and the label beside it).
const COLOUR_BAR_PX: u32 = 110;

fn draw_panel<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    panel: &Panel,
) -> Result<(), FigureError> {
    let Some(map) = &panel.heatmap else {
        return draw_chart(area, panel);
    };
    let (width, _) = area.dim_in_pixel();
    let (chart_area, bar_area) = area.split_horizontally(width.saturating_sub(COLOUR_BAR_PX));
    draw_chart(&chart_area, panel)?;
    draw_colour_bar(&bar_area, map)
}

/// The colour bar of a heat map: its colours against the values they stand for, labelled
/// with what the map shows.
fn draw_colour_bar<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    map: &HeatMap,
) -> Result<(), FigureError> {
    let (low, high) = map.colour_range();
    let span = if high > low { high - low } else { 1.0 };
    // The label runs up the right edge, rotated, beside the tick labels.
    let (width, height) = area.dim_in_pixel();
    let label_style = TextStyle::from((FONT_FAMILY, TICK_FONT_PX).into_font())
        .transform(FontTransform::Rotate270)
        .pos(Pos::new(HPos::Center, VPos::Center));
    area.draw(&Text::new(
        superscripts(&map.label),
        (width as i32 - 10, height as i32 / 2),
        label_style,
    ))
    .map_err(draw_error)?;
    let mut chart = ChartBuilder::on(area)
        .margin_top(40)
        .margin_bottom(58)
        .margin_right(22)
        .y_label_area_size(0)
        .right_y_label_area_size(48)
        .build_cartesian_2d(0.0..1.0, low..low + span)
        .map_err(draw_error)?;
    chart
        .configure_mesh()
        .disable_x_axis()
        .disable_x_mesh()
        .disable_y_mesh()
        .label_style((FONT_FAMILY, TICK_FONT_PX))
        .y_label_formatter(&|v| tick_label(*v, span))
        .draw()
        .map_err(draw_error)?;
    const STEPS: usize = 64;
    let colour = |fraction: f64| {
        if map.diverging {
            diverging_map(fraction)
        } else {
            colour_map(fraction)
        }
    };
    chart
        .draw_series((0..STEPS).map(|k| {
            let (a, b) = (k as f64 / STEPS as f64, (k + 1) as f64 / STEPS as f64);
            Rectangle::new(
                [(0.0, low + a * span), (1.0, low + b * span)],
                colour(0.5 * (a + b)).filled(),
            )
        }))
        .map_err(draw_error)?;
    Ok(())
}

fn draw_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    panel: &Panel,
) -> Result<(), FigureError> {
    // A colour map's edges count towards the range, so a panel may hold a map alone.
    let map_x = panel.heatmap.iter().flat_map(|m| m.x_edges.iter().copied());
    let map_y = panel.heatmap.iter().flat_map(|m| m.y_edges.iter().copied());
    let (x0, x1) = fitted_range(
        &panel.x,
        panel
            .series
            .iter()
            .flat_map(|s| s.x.iter().copied())
            .chain(map_x),
    );
    let (y0, y1) = fitted_range(
        &panel.y,
        panel.series.iter().flat_map(|s| s.y_extent()).chain(map_y),
    );
    let mut y1 = y1;
    let labelled = panel.series.iter().any(|s| !s.label.is_empty());
    let legend = match &panel.legend {
        Some(position) => position.clone(),
        None if !labelled => SeriesLabelPosition::UpperRight,
        None => {
            let (position, covered) = emptiest_corner(panel, (x0, x1), (y0, y1));
            if covered > 0 && panel.y.range.is_none() {
                // No free spot: raise the top of a fitted axis to make room above the data.
                let room = legend_height(panel) / (1.0 - legend_height(panel));
                match panel.y.scale {
                    Scale::Linear => y1 += room * (y1 - y0),
                    Scale::Log => y1 *= (y1 / y0).powf(room),
                }
                SeriesLabelPosition::UpperRight
            } else {
                position
            }
        }
    };
    let spans = ((x1 - x0).abs(), (y1 - y0).abs());
    let decades = |low: f64, high: f64| {
        if low > 0.0 && high > 0.0 {
            (high / low).log10().abs()
        } else {
            0.0
        }
    };
    let decades = (decades(x0, x1), decades(y0, y1));
    let panel = &Panel {
        legend: Some(legend),
        ..panel.clone()
    };
    match (panel.x.scale, panel.y.scale) {
        (Scale::Linear, Scale::Linear) => draw_in(area, panel, x0..x1, y0..y1, spans, decades),
        (Scale::Log, Scale::Linear) => {
            draw_in(area, panel, (x0..x1).log_scale(), y0..y1, spans, decades)
        }
        (Scale::Linear, Scale::Log) => {
            draw_in(area, panel, x0..x1, (y0..y1).log_scale(), spans, decades)
        }
        (Scale::Log, Scale::Log) => draw_in(
            area,
            panel,
            (x0..x1).log_scale(),
            (y0..y1).log_scale(),
            spans,
            decades,
        ),
    }
}

fn draw_in<DB, X, Y>(
    area: &DrawingArea<DB, Shift>,
    panel: &Panel,
    x: X,
    y: Y,
    (x_span, y_span): (f64, f64),
    (x_decades, y_decades): (f64, f64),
) -> Result<(), FigureError>
where
    DB: DrawingBackend,
    X: AsRangedCoord<Value = f64>,
    Y: AsRangedCoord<Value = f64>,
    X::CoordDescType: ValueFormatter<f64>,
    Y::CoordDescType: ValueFormatter<f64>,
{
    let title = superscripts(&panel.title);
    let mut chart = ChartBuilder::on(area)
        .caption(
            &title,
            (
                FONT_FAMILY,
                fitted_title_size(&title, area.dim_in_pixel().0),
            ),
        )
        .margin(12)
        .x_label_area_size(48)
        .y_label_area_size(78)
        .build_cartesian_2d(x, y)
        .map_err(draw_error)?;
    chart
        .configure_mesh()
        .x_desc(superscripts(&panel.x.label))
        .y_desc(superscripts(&panel.y.label))
        .label_style((FONT_FAMILY, TICK_FONT_PX))
        .axis_desc_style((FONT_FAMILY, LABEL_FONT_PX))
        .x_labels(label_count(&panel.x))
        .y_labels(label_count(&panel.y))
        .x_label_formatter(&|v| axis_label(&panel.x, *v, x_span, x_decades))
        .y_label_formatter(&|v| axis_label(&panel.y, *v, y_span, y_decades))
        .light_line_style(RGBColor(238, 238, 238))
        .bold_line_style(RGBColor(215, 215, 215))
        .draw()
        .map_err(draw_error)?;
    if let Some(map) = &panel.heatmap {
        let (low, high) = map.colour_range();
        let colour = |fraction: f64| {
            if map.diverging {
                diverging_map(fraction)
            } else {
                colour_map(fraction)
            }
        };
        let span = if high > low { high - low } else { 1.0 };
        chart
            .draw_series(map.cells().map(|(x0, x1, y0, y1, v)| {
                Rectangle::new([(x0, y0), (x1, y1)], colour((v - low) / span).filled())
            }))
            .map_err(draw_error)?;
    }
    let y_floor = match panel.y.scale {
        Scale::Log => f64::MIN_POSITIVE,
        Scale::Linear => f64::NEG_INFINITY,
    };
    for series in &panel.series {
        let colour = PALETTE[series.colour % PALETTE.len()];
        let points = series.x.iter().copied().zip(series.y.iter().copied());
        let drawn = match &series.kind {
            SeriesKind::Line => chart
                .draw_series(LineSeries::new(points, colour.stroke_width(LINE_WIDTH_PX)))
                .map_err(draw_error)?,
            SeriesKind::DashedLine => chart
                .draw_series(DashedLineSeries::new(
                    points,
                    DASH_PX,
                    DASH_GAP_PX,
                    colour.stroke_width(LINE_WIDTH_PX),
                ))
                .map_err(draw_error)?,
            // Translucent markers, so dense clouds show their density and what lies beneath.
            SeriesKind::Points => chart
                .draw_series(points.map(|p| Circle::new(p, 3, colour.mix(0.6).filled())))
                .map_err(draw_error)?,
            SeriesKind::Bars { bottoms, width } => {
                let half = width / 2.0;
                let bars =
                    series
                        .x
                        .iter()
                        .zip(&series.y)
                        .zip(bottoms)
                        .map(|((&x, &top), &bottom)| {
                            Rectangle::new([(x - half, bottom), (x + half, top)], colour.filled())
                        });
                chart.draw_series(bars).map_err(draw_error)?
            }
            SeriesKind::Spans { lower } => chart
                .draw_series(series.x.iter().zip(&series.y).zip(lower).map(
                    |((&x, &upper), &lower)| {
                        ErrorBar::new_vertical(
                            x,
                            lower.max(y_floor),
                            0.5 * (lower + upper),
                            upper,
                            colour.stroke_width(LINE_WIDTH_PX + 1),
                            10,
                        )
                    },
                ))
                .map_err(draw_error)?,
            SeriesKind::Band { lower } => {
                let outline: Vec<(f64, f64)> = series
                    .x
                    .iter()
                    .copied()
                    .zip(series.y.iter().copied())
                    .chain(
                        series
                            .x
                            .iter()
                            .copied()
                            .zip(lower.iter().map(|l| l.max(y_floor)))
                            .rev(),
                    )
                    .collect();
                chart
                    .draw_series(std::iter::once(Polygon::new(
                        outline,
                        colour.mix(0.25).filled(),
                    )))
                    .map_err(draw_error)?
            }
            SeriesKind::ErrorBars(errors) => {
                chart
                    .draw_series(points.zip(errors).map(|((x, y), e)| {
                        ErrorBar::new_vertical(
                            x,
                            (y - e).max(y_floor),
                            y,
                            y + e,
                            colour.stroke_width(LINE_WIDTH_PX),
                            10,
                        )
                    }))
                    .map_err(draw_error)?;
                let markers = series
                    .x
                    .iter()
                    .zip(&series.y)
                    .map(|(&x, &y)| Circle::new((x, y), 4, colour.filled()));
                chart.draw_series(markers).map_err(draw_error)?
            }
        };
        if !series.label.is_empty() {
            let labelled = drawn.label(superscripts(&series.label));
            match series.kind {
                SeriesKind::Line => labelled.legend(move |(x, y)| {
                    PathElement::new(
                        vec![(x, y), (x + 22, y)],
                        colour.stroke_width(LINE_WIDTH_PX + 1),
                    )
                }),
                SeriesKind::DashedLine => labelled.legend(move |(x, y)| {
                    EmptyElement::at((x, y))
                        + PathElement::new(
                            vec![(0, 0), (DASH_PX as i32, 0)],
                            colour.stroke_width(LINE_WIDTH_PX + 1),
                        )
                        + PathElement::new(
                            vec![
                                ((DASH_PX + DASH_GAP_PX) as i32, 0),
                                ((2 * DASH_PX + DASH_GAP_PX) as i32, 0),
                            ],
                            colour.stroke_width(LINE_WIDTH_PX + 1),
                        )
                }),
                SeriesKind::Bars { .. } => labelled.legend(move |(x, y)| {
                    Rectangle::new([(x + 4, y - 6), (x + 18, y + 6)], colour.filled())
                }),
                SeriesKind::Band { .. } => labelled.legend(move |(x, y)| {
                    Rectangle::new([(x + 4, y - 6), (x + 18, y + 6)], colour.mix(0.25).filled())
                }),
                SeriesKind::Spans { .. } => labelled.legend(move |(x, y)| {
                    PathElement::new(
                        vec![(x + 11, y - 7), (x + 11, y + 7)],
                        colour.stroke_width(LINE_WIDTH_PX + 1),
                    )
                }),
                _ => labelled.legend(move |(x, y)| Circle::new((x + 11, y), 4, colour.filled())),
            };
        }
    }
    if !panel.legend_hidden && panel.series.iter().any(|s| !s.label.is_empty()) {
        chart
            .configure_series_labels()
            .position(
                panel
                    .legend
                    .clone()
                    .unwrap_or(SeriesLabelPosition::UpperRight),
            )
            .background_style(WHITE.mix(0.85))
            .border_style(RGBColor(150, 150, 150))
            .label_font((FONT_FAMILY, TICK_FONT_PX))
            .draw()
            .map_err(draw_error)?;
    }
    Ok(())
}

fn draw_error<E: std::error::Error + Send + Sync>(error: DrawingAreaErrorKind<E>) -> FigureError {
    FigureError::Draw(error.to_string())
}

/// How many tick positions to ask plotters for: on a log axis enough that it offers every
/// 1–9 multiple of each decade, which [`axis_label`] then thins to the ones worth a label.
fn label_count(axis: &Axis) -> usize {
    match (axis.scale, &axis.ticks) {
        (Scale::Log, _) => 80,
        // Enough positions that every whole number in the range is offered.
        (Scale::Linear, Ticks::Categories(names)) => 4 * names.len() + 1,
        (Scale::Linear, _) => 10,
    }
}

/// A tick's label. Log axes label every decade, and 2 and 5 times it when fewer than three
/// decades are shown; other log ticks keep their grid line but no label.
fn axis_label(axis: &Axis, value: f64, span: f64, decades: f64) -> String {
    let whole = (value - value.round()).abs() < 1e-9 * span.max(1.0);
    match &axis.ticks {
        Ticks::Integers if !whole => return String::new(),
        Ticks::Categories(names) => {
            let index = value.round() as i64 - 1;
            return if whole && (0..names.len() as i64).contains(&index) {
                names[index as usize].clone()
            } else {
                String::new()
            };
        }
        _ => {}
    }
    if axis.scale == Scale::Linear || value <= 0.0 {
        return tick_label(value, span);
    }
    let mantissa = value / 10f64.powf(value.log10().floor());
    let is = |m: f64| (mantissa - m).abs() < 1e-6 || (mantissa - 10.0 * m).abs() < 1e-5;
    // On a log axis no tick is zero: measure "round-off" against the value itself.
    if is(1.0) || (decades < 3.0 && (is(2.0) || is(5.0))) {
        tick_label(value, value)
    } else {
        String::new()
    }
}

/// Tick labels: powers of ten as `1e-5` outside [1e-3, 1e4], otherwise three significant
/// digits without trailing zeros (`15`, `0.25`, not `15.0`); a tick that is zero up to
/// round-off relative to the axis `span` prints as `0`.
fn tick_label(value: f64, span: f64) -> String {
    if value == 0.0 || value.abs() < 1e-9 * span {
        return "0".to_owned();
    }
    let exponent = value.abs().log10().round();
    let is_power_of_ten = (value.abs() / 10f64.powf(exponent) - 1.0).abs() < 1e-6;
    if is_power_of_ten {
        let sign = if value < 0.0 { "-" } else { "" };
        if !(-3.0..=4.0).contains(&exponent) {
            return format!("{sign}1e{exponent}");
        }
        // Exactly the power, so round-off below it never prints as 1.00e-3.
        let decimals = (-exponent).max(0.0) as usize;
        return format!("{sign}{:.decimals$}", 10f64.powf(exponent));
    }
    let text = crate::claims::format_significant(value, 3);
    if text.contains('.') && !text.contains('e') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn panel_with(points: &[(f64, f64)]) -> Panel {
        let (x, y) = points.iter().copied().unzip();
        Panel::new(
            "t",
            Axis::linear("x"),
            Axis::linear("y"),
            vec![Series::points("data", x, y, 0)],
        )
    }

    #[test]
    fn the_legend_avoids_the_corner_with_data() {
        let crowded_upper_right = panel_with(&[(0.9, 0.95), (0.95, 0.9), (0.8, 0.97), (0.0, 0.5)]);
        let (position, covered) = emptiest_corner(&crowded_upper_right, (0.0, 1.0), (0.0, 1.0));
        assert_eq!(covered, 0, "an empty corner exists");
        assert!(
            !matches!(position, SeriesLabelPosition::UpperRight),
            "data fill the upper right"
        );
        let grid: Vec<(f64, f64)> = (0..=20)
            .flat_map(|i| (0..=20).map(move |j| (f64::from(i) / 20.0, f64::from(j) / 20.0)))
            .collect();
        let (_, covered) = emptiest_corner(&panel_with(&grid), (0.0, 1.0), (0.0, 1.0));
        assert!(
            covered > 0,
            "a full panel has no free spot, so the axis must make room"
        );
    }
}

#[cfg(test)]
mod log_label_tests {
    use super::*;

    #[test]
    fn log_axes_label_decades_and_two_and_five_only_when_few_decades_show() {
        let log = Axis::log("x");
        assert_eq!(axis_label(&log, 100.0, 1e3, 6.0), "100");
        assert_eq!(
            axis_label(&log, 200.0, 1e3, 6.0),
            "",
            "many decades: decades only"
        );
        assert_eq!(
            axis_label(&log, 200.0, 1e3, 2.0),
            "200",
            "few decades: 2 and 5 too"
        );
        assert_eq!(axis_label(&log, 3.0, 1e3, 2.0), "");
        assert_eq!(axis_label(&log, 1e-5, 1.0, 6.0), "1e-5");
        assert_eq!(
            axis_label(&log, 0.000_999_999_999_9, 1.0, 6.0),
            "0.001",
            "a power of ten a hair below prints as itself"
        );
        assert_eq!(
            axis_label(&Axis::linear("x"), 2.5, 10.0, 0.0),
            "2.5",
            "linear axes keep every label"
        );
        assert_eq!(
            axis_label(&Axis::integer("n"), 2.5, 10.0, 0.0),
            "",
            "no fractional iterations"
        );
        assert_eq!(axis_label(&Axis::integer("n"), 3.0, 10.0, 0.0), "3");
        let terms = Axis::categories("term", &["d/dt", "inertia", "pressure"]);
        assert_eq!(
            axis_label(&terms, 2.0, 3.0, 0.0),
            "inertia",
            "a category's name at its position"
        );
        assert_eq!(axis_label(&terms, 2.5, 3.0, 0.0), "");
    }
}
