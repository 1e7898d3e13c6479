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
    assert_eq!(profile, binned_mean(&from_memory, "x_re", "tension", &edges).unwrap(), "same pipeline, same answer");
    assert_eq!(profile.mean, vec![9.5, 13.0], "far (-30..-20) and near (-20..-10) means");
    assert_eq!(profile.centre, vec![-25.0, -15.0]);
}

#[test]
fn standard_error_is_sample_deviation_over_sqrt_n() {
    let csv = "x,y\n0.1,1\n0.2,2\n0.3,3\n0.4,4\n";
    let profile = binned_mean(&read_catalogue_str(csv, &["x", "y"]).unwrap(), "x", "y", &[0.0, 1.0]).unwrap();
    let sample_std = (5.0f64 / 3.0).sqrt(); // deviations -1.5, -0.5, 0.5, 1.5 with n - 1 = 3
    assert!((profile.standard_error[0] - sample_std / 2.0).abs() < 1e-12, "s.e. = {}", profile.standard_error[0]);
}

#[test]
fn edges_are_half_open_except_the_last() {
    let csv = "x,y\n0.0,1\n0.5,2\n1.0,3\n-0.1,100\n1.1,100\n";
    let profile = binned_mean(&read_catalogue_str(csv, &["x", "y"]).unwrap(), "x", "y", &[0.0, 0.5, 1.0]).unwrap();
    assert_eq!(profile.count, vec![1, 2], "0.5 opens the second bin; 1.0 closes it; outliers dropped");
    assert_eq!(profile.mean, vec![1.0, 2.5]);
}

#[test]
fn bad_catalogues_and_edges_are_typed_errors() {
    let missing = read_catalogue_str("x,z\n1,2\n", &["x", "y"]).unwrap_err();
    assert!(matches!(&missing, BinningError::MissingColumn { column, available } if column == "y" && available == "x, z"), "{missing}");
    let text = read_catalogue_str("x,y\n1,abc\n", &["x", "y"]).unwrap_err();
    assert!(matches!(text, BinningError::NotNumeric { ref column, .. } if column == "y"), "{text}");
    let hole = read_catalogue_str("x,y\n1,2\n3,\n", &["x", "y"]).unwrap_err();
    assert!(matches!(hole, BinningError::MissingValue { ref column, row: 1 } if column == "y"), "{hole}");
    let frame = read_catalogue_str("x,y\n1,2\n", &["x", "y"]).unwrap();
    for edges in [&[0.0][..], &[1.0, 0.0], &[0.0, f64::NAN, 1.0]] {
        assert!(matches!(binned_mean(&frame, "x", "y", edges), Err(BinningError::BadEdges)), "edges {edges:?}");
    }
    assert!(read_catalogue(std::path::Path::new("/nonexistent/catalogue.csv"), &["x"]).is_err());
}

#[test]
fn a_histogram_cell_outside_the_grid_has_no_density() {
    let frame = read_catalogue_str("x,y\n0.5,0.5\n", &["x", "y"]).unwrap();
    let histogram = mmsbook::binning::joint_histogram(&frame, "x", "y", &[0.0, 1.0], &[0.0, 1.0]).unwrap();
    assert!(histogram.density(0, 0).is_some());
    assert_eq!(histogram.density(1, 0), None);
    assert_eq!(histogram.density(0, usize::MAX), None);
}
