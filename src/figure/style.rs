//! The book's plot style: size, font, palette. Change it here and every figure follows.

use super::FigureError;
use plotters::style::{FontStyle, RGBColor, register_font};
use std::sync::OnceLock;

/// Width of every figure, px.
pub const FIGURE_WIDTH_PX: u32 = 820;
/// Height of one panel, px; a figure is as many times as tall as it has rows of panels.
pub const FIGURE_HEIGHT_PX: u32 = 360;
/// Width of one panel when a figure's panels stand in two columns, px.
pub const GRID_PANEL_WIDTH_PX: u32 = 560;
/// Font family name the committed font is registered under.
pub(super) const FONT_FAMILY: &str = "sans-serif";
pub(super) const LABEL_FONT_PX: u32 = 17;
pub(super) const TICK_FONT_PX: u32 = 14;
pub(super) const LINE_WIDTH_PX: u32 = 2;
/// Dash and gap of dashed lines, px.
pub(super) const DASH_PX: u32 = 8;
pub(super) const DASH_GAP_PX: u32 = 5;

/// Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
pub(super) const PALETTE: [RGBColor; 7] = [
    RGBColor(0, 114, 178),
    RGBColor(213, 94, 0),
    RGBColor(0, 158, 115),
    RGBColor(204, 121, 167),
    RGBColor(86, 180, 233),
    RGBColor(230, 159, 0),
    RGBColor(0, 0, 0),
];

static DEJAVU_SANS: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// Registers the committed DejaVu Sans with plotters, once per process. Without it, text
/// layout fails on machines that have no system fonts.
///
/// # Errors
/// [`FigureError::Font`] if the font bytes do not parse.
pub fn register_fonts() -> Result<(), FigureError> {
    static REGISTERED: OnceLock<bool> = OnceLock::new();
    let ok = *REGISTERED.get_or_init(|| {
        [
            FontStyle::Normal,
            FontStyle::Bold,
            FontStyle::Italic,
            FontStyle::Oblique,
        ]
        .into_iter()
        .all(|style| register_font(FONT_FAMILY, style, DEJAVU_SANS).is_ok())
    });
    if ok { Ok(()) } else { Err(FigureError::Font) }
}
