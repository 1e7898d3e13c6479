//! Catalogue ingestion and binned statistics.

use mmsbook::binning::{BinningError, binned_mean, read_catalogue, read_catalogue_str};

#[test]
fn a_catalogue_file_is_read_and_binned_like_an_in_memory_one() {
    let csv = "event,x_re,tension\n1,-12.0,14.0\n2,-15.0,12.0\n3,-25.0,9.0\n4,-28.0,10.0\n";
    let directory = tempfile::tempdir().unwrap();
    let path = directory.path().join("catalogue.csv");
    std::fs::write(&path, csv).unwrap();
    let from_file = read_catalogue(&path, &["x_re", "tension"]).unwrap();
    let from_memory = read_catalogue_str(csv, &["x_re", "tension"]).unwrap();
    let edges = [-30.0, -20.0, -10.0];
    let profile = binned_mean(&from_file, "x_re", "tension", &edges).unwrap();
    assert_eq!(
        profile,
        binned_mean(&from_memory, "x_re", "tension", &edges).unwrap(),
        "same pipeline, same answer"
    );
    assert_eq!(
        profile.mean,
        vec![9.5, 13.0],
        "far (-30..-20) and near (-20..-10) means"
    );
    assert_eq!(profile.centre, vec![-25.0, -15.0]);
}

#[test]
fn standard_error_is_sample_deviation_over_sqrt_n() {
    let csv = "x,y\n0.1,1\n0.2,2\n0.3,3\n0.4,4\n";
    let profile = binned_mean(
        &read_catalogue_str(csv, &["x", "y"]).unwrap(),
        "x",
        "y",
        &[0.0, 1.0],
    )
    .unwrap();
    let sample_std = (5.0f64 / 3.0).sqrt(); // deviations -1.5, -0.5, 0.5, 1.5 with n - 1 = 3
    assert!(
        (profile.standard_error[0] - sample_std / 2.0).abs() < 1e-12,
        "s.e. = {}",
        profile.standard_error[0]
    );
}

#[test]
fn edges_are_half_open_except_the_last() {
    let csv = "x,y\n0.0,1\n0.5,2\n1.0,3\n-0.1,100\n1.1,100\n";
    let profile = binned_mean(
        &read_catalogue_str(csv, &["x", "y"]).unwrap(),
        "x",
        "y",
        &[0.0, 0.5, 1.0],
    )
    .unwrap();
    assert_eq!(
        profile.count,
        vec![1, 2],
        "0.5 opens the second bin; 1.0 closes it; outliers dropped"
    );
    assert_eq!(profile.mean, vec![1.0, 2.5]);
}

#[test]
fn bad_catalogues_and_edges_are_typed_errors() {
    let missing = read_catalogue_str("x,z\n1,2\n", &["x", "y"]).unwrap_err();
    assert!(
        matches!(&missing, BinningError::MissingColumn { column, available } if column == "y" && available == "x, z"),
        "{missing}"
    );
    let text = read_catalogue_str("x,y\n1,abc\n", &["x", "y"]).unwrap_err();
    assert!(
        matches!(text, BinningError::NotNumeric { ref column, .. } if column == "y"),
        "{text}"
    );
    let hole = read_catalogue_str("x,y\n1,2\n3,\n", &["x", "y"]).unwrap_err();
    assert!(
        matches!(hole, BinningError::MissingValue { ref column, row: 1 } if column == "y"),
        "{hole}"
    );
    let frame = read_catalogue_str("x,y\n1,2\n", &["x", "y"]).unwrap();
    for edges in [&[0.0][..], &[1.0, 0.0], &[0.0, f64::NAN, 1.0]] {
        assert!(
            matches!(
                binned_mean(&frame, "x", "y", edges),
                Err(BinningError::BadEdges)
            ),
            "edges {edges:?}"
        );
    }
    assert!(read_catalogue(std::path::Path::new("/nonexistent/catalogue.csv"), &["x"]).is_err());
}

#[test]
fn a_histogram_cell_outside_the_grid_has_no_density() {
    let frame = read_catalogue_str("x,y\n0.5,0.5\n", &["x", "y"]).unwrap();
    let histogram =
        mmsbook::binning::joint_histogram(&frame, "x", "y", &[0.0, 1.0], &[0.0, 1.0]).unwrap();
    assert!(histogram.density(0, 0).is_some());
    assert_eq!(histogram.density(1, 0), None);
    assert_eq!(histogram.density(0, usize::MAX), None);
}

/// Longest one-line message a catalogue error may give (issue 14: a binary file gave 10 KB,
/// a 10,000-column file 89 KB).
const MESSAGE_LIMIT: usize = 400;

fn file_error(contents: &[u8], required: &[&str]) -> BinningError {
    let directory = tempfile::tempdir().unwrap();
    let path = directory.path().join("catalogue.csv");
    std::fs::write(&path, contents).unwrap();
    read_catalogue(&path, required).unwrap_err()
}

fn assert_short_one_line(error: &BinningError, what: &str) {
    let message = error.to_string();
    assert!(
        message.len() <= MESSAGE_LIMIT && !message.contains('\n'),
        "{what}: one line of at most {MESSAGE_LIMIT} bytes, got {} bytes: {message:.500}",
        message.len()
    );
    assert!(
        message.contains("catalogue.csv"),
        "{what}: the message names the file: {message}"
    );
}

#[test]
fn columns_are_read_as_numbers_without_type_inference() {
    // 200 integers, then a fraction: inference from the first rows would make the column i64.
    let csv = format!("x,y\n{}2.5,1\n", "1,1\n".repeat(200));
    let frame =
        read_catalogue_str(&csv, &["x", "y"]).expect("integers then a fraction read as f64");
    let x: Vec<f64> = frame
        .column("x")
        .unwrap()
        .f64()
        .unwrap()
        .into_no_null_iter()
        .collect();
    assert_eq!((x.len(), x[200]), (201, 2.5));
}

#[test]
fn nan_in_any_spelling_and_inf_are_refused_with_their_row() {
    for spelling in ["nan", "NaN", "NAN", " nan "] {
        let error =
            read_catalogue_str(&format!("x,y\n1,2\n3,4\n{spelling},5\n"), &["x", "y"]).unwrap_err();
        assert!(
            matches!(&error, BinningError::MissingValue { column, row: 2 } if column == "x"),
            "`{spelling}`: {error}"
        );
    }
    for spelling in ["inf", "-inf", "Infinity", "1e400"] {
        let error =
            read_catalogue_str(&format!("x,y\n1,2\n3,{spelling}\n"), &["x", "y"]).unwrap_err();
        assert!(
            matches!(&error, BinningError::Infinite { column, row: 1 } if column == "y"),
            "`{spelling}`: {error}"
        );
        assert!(
            error.to_string().contains("data row 1 (line 3)"),
            "the message gives the row: {error}"
        );
    }
    let error = read_catalogue_str("x,y\n1,2\n3,4.5.6\n", &["x", "y"]).unwrap_err();
    assert!(
        matches!(&error, BinningError::NotNumeric { column, row: 1, cell } if column == "y" && cell == "4.5.6"),
        "{error}"
    );
}

#[test]
fn header_only_and_duplicate_columns_are_refused() {
    let error = read_catalogue_str("x,y\n", &["x", "y"]).unwrap_err();
    assert!(
        matches!(error, BinningError::NoRows),
        "a header without rows: {error}"
    );
    assert!(error.to_string().contains("no rows"), "{error}");
    let error = read_catalogue_str("x,y,x\n1,2,3\n", &["x", "y"]).unwrap_err();
    assert!(
        matches!(&error, BinningError::DuplicateColumn { column } if column == "x"),
        "two columns named x: {error}"
    );
}

#[test]
fn messages_about_hostile_files_are_one_short_line_naming_the_file() {
    let binary: Vec<u8> = (0..20_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    assert_short_one_line(&file_error(&binary, &["x"]), "a binary file");
    let wide = (0..10_000)
        .map(|i| format!("column_{i}"))
        .collect::<Vec<_>>()
        .join(",")
        + "\n"
        + &vec!["1"; 10_000].join(",")
        + "\n";
    assert_short_one_line(
        &file_error(wide.as_bytes(), &["x"]),
        "a 10,000-column file without the column",
    );
    let long_cell = format!("x\n{}\n", "9".repeat(5_000) + "z");
    assert_short_one_line(
        &file_error(long_cell.as_bytes(), &["x"]),
        "a 5,000-character cell",
    );
    assert_short_one_line(&file_error(b"x,y\n", &["x"]), "a header-only file");
}

#[test]
fn binning_refuses_infinite_cells() {
    use polars::prelude::{Column, DataFrame};
    let frame = DataFrame::new_infer_height(vec![
        Column::new("x".into(), vec![0.2, 0.4]),
        Column::new("y".into(), vec![1.0, f64::INFINITY]),
    ])
    .unwrap();
    let error = binned_mean(&frame, "x", "y", &[0.0, 1.0]).unwrap_err();
    assert!(
        matches!(&error, BinningError::Infinite { column, row: 1 } if column == "y"),
        "an infinite cell would give an infinite mean: {error}"
    );
}
