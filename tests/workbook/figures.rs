//! Figures: every registered figure renders, the committed files match a fresh rebuild, text
//! renders with the committed font alone, and bad data is a typed error.

use mmsbook::figure::{Axis, Figure, FigureError, Panel, Series, render_bitmap};
use mmsbook::figures::{FigureSpec, registry};
use mmsbook::workbook::{compare_outputs, figure_outputs, ledger_outputs};
use std::collections::HashSet;
use std::path::Path;
use std::sync::OnceLock;

/// Every registered figure, rendered once for all the tests of this file: rendering is the
/// slowest thing the suite does.
fn rendered() -> &'static [(FigureSpec, Figure)] {
    static FIGURES: OnceLock<Vec<(FigureSpec, Figure)>> = OnceLock::new();
    FIGURES.get_or_init(|| {
        registry()
            .into_iter()
            .map(|spec| (spec, spec.render().unwrap()))
            .collect()
    })
}

#[test]
fn committed_figures_and_ledger_match_a_fresh_rebuild() {
    // The same check as `regen --check`, so `cargo test` alone catches stale files.
    let ledger = mmsbook::ledger::workbook_ledger().unwrap();
    let mut outputs: Vec<_> = rendered()
        .iter()
        .flat_map(|(_, figure)| figure_outputs(figure))
        .collect();
    outputs.extend(ledger_outputs(&ledger));
    let differences = compare_outputs(Path::new(env!("CARGO_MANIFEST_DIR")), &outputs);
    assert!(
        differences.is_empty(),
        "run `cargo run --release --bin regen` and commit:\n{}",
        differences
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn registry_ids_are_unique_and_captions_name_producer_and_command() {
    let mut seen = HashSet::new();
    for (spec, figure) in rendered() {
        assert!(seen.insert(spec.id), "duplicate figure id {}", spec.id);
        assert!(
            spec.id.starts_with(&format!("{}.", spec.part.id())),
            "{} is prefixed by its part",
            spec.id
        );
        assert!(
            figure.caption.contains(&format!("`{}`", spec.producer)),
            "{}: caption names the producer",
            spec.id
        );
        assert!(
            figure.caption.contains(&format!("--figure {}", spec.id)),
            "{}: caption gives the command",
            spec.id
        );
        assert!(
            figure.svg.starts_with("<svg") && figure.svg.contains("<text"),
            "{}: SVG with text",
            spec.id
        );
        for line in figure.csv.lines().skip(1) {
            // panel,series,x,y,y_error: series labels may hold commas only inside quotes, so
            // read the numbers from the right.
            let numbers: Vec<&str> = line.rsplitn(4, ',').take(3).collect();
            for number in numbers.iter().filter(|n| !n.is_empty()) {
                let value: f64 = number
                    .parse()
                    .unwrap_or_else(|_| panic!("{}: `{number}` is not a number", spec.id));
                assert!(
                    value.is_finite(),
                    "{}: non-finite value in `{line}`",
                    spec.id
                );
            }
        }
    }
}

#[test]
fn every_figure_is_included_in_a_chapter() {
    let chapters =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("chapters")).unwrap();
    let text: String = chapters
        .filter_map(|e| std::fs::read_to_string(e.unwrap().path()).ok())
        .collect();
    for spec in registry() {
        assert!(
            text.contains(&format!("{{{{#include ../figures/{}.md}}}}", spec.id)),
            "{} is not in any chapter",
            spec.id
        );
    }
}

fn panel(y: Vec<f64>, axis: Axis) -> Panel {
    Panel::new(
        "test",
        Axis::linear("x"),
        axis,
        vec![Series::line(
            "y",
            (0..y.len()).map(|i| i as f64).collect(),
            y,
            0,
        )],
    )
}

#[test]
fn text_renders_from_the_committed_font() {
    // A bitmap needs real glyph outlines: no system font is involved, so this proves the
    // committed DejaVu Sans is registered. Text pixels are neither white nor the line colour.
    let pixels = render_bitmap(&panel(vec![1.0, 2.0, 3.0], Axis::linear("y")), 400, 300).unwrap();
    let dark = pixels
        .chunks(3)
        .filter(|p| p[0] < 100 && p[1] < 100 && p[2] < 100)
        .count();
    assert!(dark > 200, "expected dark text pixels, found {dark}");
}

#[test]
fn unplottable_data_is_a_typed_error() {
    let nan = Figure::from_panels(
        "methods.t",
        "p",
        "d",
        &[panel(vec![1.0, f64::NAN], Axis::linear("y"))],
    );
    assert!(
        matches!(nan, Err(FigureError::Unplottable { index: 1, .. })),
        "NaN: {nan:?}"
    );
    let log = Figure::from_panels(
        "methods.t",
        "p",
        "d",
        &[panel(vec![1.0, 0.0], Axis::log("y"))],
    );
    assert!(
        matches!(log, Err(FigureError::Unplottable { index: 1, .. })),
        "zero on a log axis: {log:?}"
    );
    let empty = Figure::from_panels("methods.t", "p", "d", &[panel(vec![], Axis::linear("y"))]);
    assert!(matches!(empty, Err(FigureError::EmptySeries { .. })));
    let reversed = Figure::from_panels(
        "methods.t",
        "p",
        "d",
        &[panel(
            vec![1.0, 2.0],
            Axis::linear("y").with_range(2.0, 1.0),
        )],
    );
    assert!(
        matches!(reversed, Err(FigureError::BadRange { .. })),
        "reversed range: {reversed:?}"
    );
    let log_zero = Figure::from_panels(
        "methods.t",
        "p",
        "d",
        &[panel(vec![1.0, 2.0], Axis::log("y").with_range(0.0, 1.0))],
    );
    assert!(
        matches!(log_zero, Err(FigureError::BadRange { .. })),
        "log range from 0: {log_zero:?}"
    );
    let uneven = Panel::new(
        "t",
        Axis::linear("x"),
        Axis::linear("y"),
        vec![Series::line("s", vec![1.0, 2.0], vec![1.0], 0)],
    );
    assert!(matches!(
        Figure::from_panels("methods.t", "p", "d", &[uneven]),
        Err(FigureError::LengthMismatch { .. })
    ));
}

#[test]
fn rendering_is_deterministic_and_writes_are_atomic() {
    let first = registry()[0].render().unwrap();
    assert_eq!(
        first,
        registry()[0].render().unwrap(),
        "same inputs, same bytes"
    );
    let directory = tempfile::tempdir().unwrap();
    let path = directory.path().join("nested/figure.svg");
    mmsbook::figure::write_atomic(&path, first.svg.as_bytes()).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), first.svg);
    let leftovers = std::fs::read_dir(path.parent().unwrap()).unwrap().count();
    assert_eq!(leftovers, 1, "no temporary file is left behind");
}

#[cfg(unix)]
#[test]
fn written_files_are_readable_by_others_as_the_umask_allows() {
    use std::os::unix::fs::PermissionsExt;
    let directory = tempfile::tempdir().unwrap();
    let path = directory.path().join("ledger.json");
    mmsbook::figure::write_atomic(&path, b"[]\n").unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    // 0666 under the process umask (Linux reports it in /proc/self/status): the usual umask
    // 022 gives 0644, never the temporary file's private 0600.
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let umask = status
        .lines()
        .find_map(|l| l.strip_prefix("Umask:"))
        .map(|m| u32::from_str_radix(m.trim(), 8).unwrap());
    match umask {
        Some(umask) => assert_eq!(mode, 0o666 & !umask, "mode {mode:o} under umask {umask:o}"),
        None => assert_eq!(mode & 0o600, 0o600, "the owner reads and writes"),
    }
}

#[test]
fn every_figure_snippet_has_an_anchor_and_alt_text_that_says_what_it_shows() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for spec in registry() {
        let snippet =
            std::fs::read_to_string(root.join(format!("figures/{}.md", spec.id))).unwrap();
        assert!(
            snippet.starts_with(&format!("<a id=\"figure-{}\"></a>", spec.id)),
            "{}: anchor",
            spec.id
        );
        let alt = snippet
            .split("![")
            .nth(1)
            .and_then(|rest| rest.split("](").next())
            .unwrap_or("");
        assert!(
            alt.len() > 30 && alt != spec.id,
            "{}: alt text describes the figure, got {alt:?}",
            spec.id
        );
    }
}

#[test]
fn every_heat_map_has_a_colour_bar_labelled_with_what_it_shows() {
    let map = mmsbook::figure::HeatMap {
        label: "counts per bin".to_owned(),
        x_edges: vec![0.0, 1.0, 2.0],
        y_edges: vec![0.0, 1.0],
        values: vec![vec![Some(1.0)], vec![Some(3.0)]],
        diverging: false,
    };
    let panel =
        Panel::new("map", Axis::linear("x"), Axis::linear("y"), Vec::new()).with_heatmap(map);
    let svg = Figure::from_panels("methods.test", "test", "a test map", &[panel])
        .unwrap()
        .svg;
    assert!(
        svg.contains("counts per bin"),
        "the colour bar carries the map's label"
    );
    // 64 colour steps of the bar, beside the 2 cells of the map.
    assert!(svg.matches("<rect").count() > 64, "the colour bar is drawn");
}

#[test]
fn exponents_reach_the_reader_as_superscripts_in_figures_and_claims() {
    use mmsbook::typography::superscripts;
    for (spec, figure) in rendered() {
        assert_eq!(
            superscripts(&figure.caption),
            figure.caption,
            "{}: caption keeps a ^-style unit",
            spec.id
        );
        assert_eq!(
            superscripts(&figure.svg),
            figure.svg,
            "{}: figure text keeps a ^-style unit",
            spec.id
        );
    }
    let ledger = mmsbook::ledger::workbook_ledger().unwrap().to_markdown();
    assert_eq!(
        superscripts(&ledger),
        ledger,
        "the claims tables keep a ^-style unit"
    );
}
