//! The CDF reader against files an independent writer (Python cdflib) made, the workbook's
//! own writer against the reader, and hostile bytes against both.

use mmsbook::cdf::time::{epoch_from_tt2000, format_utc, parse_utc, tt2000_from_epoch};
use mmsbook::cdf::write::{AttributeValue, CdfWriter};
use mmsbook::cdf::{CdfError, CdfFile};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

fn reference(variant: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/cdflib")
        .join(format!("{variant}.cdf"))
}

const VARIANTS: [&str; 5] = [
    "row_major",
    "column_major",
    "gzip_variables",
    "gzip_file",
    "big_endian",
];

#[test]
fn every_cdflib_variant_reads_as_written() {
    for variant in VARIANTS {
        let file = CdfFile::open(reference(variant)).unwrap_or_else(|e| panic!("{variant}: {e}"));
        let b = file.read("b").unwrap();
        assert_eq!(b.shape(), [3, 3, 4], "{variant}: shape of b");
        for ((record, row, column), value) in
            b.indexed_iter().map(|(i, v)| ((i[0], i[1], i[2]), *v))
        {
            if (record, row, column) == (1, 2, 3) {
                assert!(
                    value.is_nan(),
                    "{variant}: the fill value must read as missing, got {value}"
                );
            } else {
                let expected = (100 * record + 4 * row + column) as f64;
                assert_eq!(value, expected, "{variant}: b[{record},{row},{column}]");
            }
        }
        let wide = file.read_records("wide", 1..3).unwrap();
        assert_eq!(wide.shape(), [2, 64], "{variant}: shape of wide");
        assert_eq!(
            wide[[1, 63]],
            2007.0,
            "{variant}: last value of the last record of wide"
        );
        let theta = file.read("theta").unwrap();
        assert_eq!(
            theta.as_slice().unwrap(),
            [11.25, 33.75, 56.25],
            "{variant}: the NRV angle table"
        );
        let times: Vec<String> = file
            .read_tt2000("Epoch")
            .unwrap()
            .into_iter()
            .map(format_utc)
            .collect();
        assert_eq!(
            times,
            [
                "2017-07-11T22:34:02.000Z",
                "2017-07-11T22:34:03.500Z",
                "2017-07-11T22:34:05.000Z"
            ]
        );
        assert_eq!(
            file.variable_text("b", "UNITS").as_deref(),
            Some("nT"),
            "{variant}: UNITS"
        );
        assert_eq!(
            file.variable_text("b", "DEPEND_0").as_deref(),
            Some("Epoch"),
            "{variant}: DEPEND_0"
        );
        assert_eq!(
            file.global_text("Logical_source"),
            ["mms1_test_reference"],
            "{variant}: global attribute"
        );
    }
}

#[test]
fn the_gzip_variant_really_holds_compressed_blocks() {
    let file = CdfFile::open(reference("gzip_variables")).unwrap();
    assert!(file.variable("wide").unwrap().compressed);
    assert!(
        !CdfFile::open(reference("row_major"))
            .unwrap()
            .variable("wide")
            .unwrap()
            .compressed
    );
}

#[test]
fn asking_for_the_wrong_thing_is_a_typed_error_naming_it() {
    let file = CdfFile::open(reference("row_major")).unwrap();
    let missing = file.read("mms1_fgm_b_gse_brst_l2").unwrap_err();
    assert!(
        matches!(missing, CdfError::MissingVariable { ref variable, .. } if variable == "mms1_fgm_b_gse_brst_l2")
    );
    assert!(
        missing.to_string().contains("row_major.cdf"),
        "the message names the file: {missing}"
    );
    assert!(
        matches!(file.read("Epoch"), Err(CdfError::WrongType { .. })),
        "times are not numbers"
    );
    assert!(
        matches!(file.read_tt2000("b"), Err(CdfError::WrongType { .. })),
        "numbers are not times"
    );
    assert!(matches!(
        file.read_records("b", 2..9),
        Err(CdfError::RecordRange { records: 3, .. })
    ));
}

#[test]
fn a_corrupt_dimension_is_refused_before_its_records_are_allocated() {
    // Byte 2092 of the row-major reference is the high byte of `b`'s first dimension: set
    // to 190 it asks for 3 x 12451843 x 4 REAL4 values from a 5 kB file. Before the guard the
    // reader padded 600 MB before finding the record too short (10 s in the test build).
    let mut bytes = std::fs::read(reference("row_major")).unwrap();
    bytes[2092] = 190;
    let directory = tempfile::tempdir().unwrap();
    let path = directory.path().join("huge_dimension.cdf");
    std::fs::write(&path, &bytes).unwrap();
    let file = CdfFile::open(&path).unwrap();
    let b = file
        .variables()
        .into_iter()
        .find(|v| v.name == "b")
        .unwrap();
    assert_eq!(
        b.shape,
        vec![12_451_843, 4],
        "the flip lands on b's dimension"
    );
    match file.read("b") {
        Err(CdfError::Corrupt { what, .. }) => assert!(
            what.contains("cannot come from a 5198-byte file"),
            "the error says why: {what}"
        ),
        other => panic!("a corrupt dimension is a Corrupt error, got {other:?}"),
    }
    assert_eq!(
        file.read("wide").unwrap().shape(),
        &[3, 64],
        "the other variables still read"
    );
}

#[test]
fn a_file_cut_short_anywhere_is_an_error_never_a_panic_or_a_wrong_value() {
    let whole = std::fs::read(reference("gzip_variables")).unwrap();
    let directory = tempfile::tempdir().unwrap();
    let path = directory.path().join("cut.cdf");
    for length in (0..whole.len()).step_by(7) {
        std::fs::write(&path, &whole[..length]).unwrap();
        let outcome = CdfFile::open(&path).and_then(|f| f.read("b").and_then(|_| f.read("wide")));
        assert!(
            outcome.is_err(),
            "a file cut at byte {length} of {} read without error",
            whole.len()
        );
    }
}

#[test]
fn a_file_that_is_not_cdf_says_so() {
    let directory = tempfile::tempdir().unwrap();
    let path = directory.path().join("notes.cdf");
    std::fs::write(&path, b"netCDF is a different format altogether").unwrap();
    assert!(matches!(
        CdfFile::open(&path),
        Err(CdfError::NotCdf3 { .. })
    ));
}

proptest! {
    #[test]
    fn flipped_bytes_give_errors_or_values_never_a_panic(flips in prop::collection::vec((0usize..5198, any::<u8>()), 1..8)) {
        let mut bytes = std::fs::read(reference("row_major")).unwrap();
        for (at, value) in flips {
            let at = at % bytes.len();
            bytes[at] = value;
        }
        let directory = tempfile::tempdir().unwrap();
        let path = directory.path().join("flipped.cdf");
        std::fs::write(&path, &bytes).unwrap();
        if let Ok(file) = CdfFile::open(&path) {
            for variable in file.variables() {
                let _ = file.read(&variable.name);
                let _ = file.read_tt2000(&variable.name);
            }
        }
    }

    #[test]
    fn what_the_writer_writes_the_reader_reads(
        records in 0usize..5,
        shape in prop::collection::vec(1usize..5, 0..4),
        seed in any::<u32>(),
    ) {
        let per_record: usize = shape.iter().product();
        let values: Vec<f32> = (0..records * per_record).map(|k| (k as f32 * 0.37 + seed as f32).sin()).collect();
        let times: Vec<i64> = (0..records as i64).map(|k| 553_084_511_184_000_000 + k * 30_000_000).collect();
        let mut writer = CdfWriter::new();
        writer.global("Logical_source", "mms1_fgm_brst_l2");
        writer.tt2000("Epoch", &times);
        writer.real4("x", &shape, &values).attribute("DEPEND_0", AttributeValue::Text("Epoch".into()))
            .attribute("FILLVAL", AttributeValue::Real4(-1e31));
        let directory = tempfile::tempdir().unwrap();
        let path = directory.path().join("round_trip.cdf");
        writer.write(&path).unwrap();
        let file = CdfFile::open(&path).unwrap();
        let read = file.read("x").unwrap();
        let expected_shape: Vec<usize> = std::iter::once(records).chain(shape.iter().copied()).collect();
        prop_assert_eq!(read.shape(), expected_shape.as_slice());
        let back: Vec<f32> = read.iter().map(|&v| v as f32).collect();
        prop_assert_eq!(back, values);
        prop_assert_eq!(file.read_tt2000("Epoch").unwrap(), times);
        prop_assert_eq!(file.variable_text("x", "DEPEND_0"), Some("Epoch".to_owned()));
        prop_assert_eq!(file.global_text("Logical_source"), vec!["mms1_fgm_brst_l2".to_owned()]);
    }
}

#[test]
fn tt2000_counts_the_leap_second_of_2016() {
    // 2016-12-31T23:59:60 UTC exists: the two midnights are 86401 s apart in TT2000.
    let before = parse_utc("2016-12-31T00:00:00Z").unwrap();
    let after = parse_utc("2017-01-01T00:00:00Z").unwrap();
    assert_eq!(after - before, 86_401_000_000_000);
    assert_eq!(tt2000_from_epoch(epoch_from_tt2000(after)), after);
    assert_eq!(format_utc(after + 1_500_000), "2017-01-01T00:00:00.001Z");
}

#[test]
fn a_real4_fillval_marks_fills_in_real8_values_and_the_reverse() {
    let directory = tempfile::tempdir().unwrap();
    let path = directory.path().join("fills.cdf");
    let mut writer = CdfWriter::new();
    writer.tt2000("Epoch", &[0, 1, 2]);
    // A REAL4 -1e31 stored as REAL8 is the REAL4 widened, not -1e31.
    writer
        .real8("wide", &[], &[1.0, f64::from(-1e31f32), 3.0])
        .attribute("FILLVAL", AttributeValue::Real4(-1e31));
    writer
        .real4("narrow", &[], &[1.0, 2.0, -1e31])
        .attribute("FILLVAL", AttributeValue::Real8(-1e31));
    writer.write(&path).unwrap();
    let file = CdfFile::open(&path).unwrap();
    let wide: Vec<f64> = file.read("wide").unwrap().iter().copied().collect();
    assert!(
        wide[1].is_nan() && wide[0] == 1.0 && wide[2] == 3.0,
        "{wide:?}"
    );
    let narrow: Vec<f64> = file.read("narrow").unwrap().iter().copied().collect();
    assert!(narrow[2].is_nan() && narrow[1] == 2.0, "{narrow:?}");
}

#[test]
fn the_writer_refuses_variables_it_cannot_write_and_writes_nothing() {
    let directory = tempfile::tempdir().unwrap();
    let path = directory.path().join("refused.cdf");
    let attempts: [(&str, Box<dyn Fn(&mut CdfWriter)>); 4] = [
        (
            "whole records",
            Box::new(|w| {
                w.real4("b", &[4], &[1.0, 2.0, 3.0]);
            }),
        ),
        (
            "zero dimension",
            Box::new(|w| {
                w.real4("b", &[0, 3], &[]);
            }),
        ),
        (
            "no other variable",
            Box::new(|w| {
                w.real4("b", &[], &[1.0]);
                w.real8("b", &[], &[1.0]);
            }),
        ),
        (
            "256 bytes",
            Box::new(|w| {
                w.real4(&"x".repeat(300), &[], &[1.0]);
            }),
        ),
    ];
    for (needed, build) in attempts {
        let mut writer = CdfWriter::new();
        build(&mut writer);
        let error = writer.write(&path).unwrap_err();
        assert_eq!(error.kind(), std::io::ErrorKind::InvalidInput);
        assert!(error.to_string().contains(needed), "{error}");
        assert!(!path.exists(), "nothing written");
    }
}
