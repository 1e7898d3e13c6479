//! `regen event` on the committed fixture tree (`tests/data/mms`, a synthetic Harris crossing
//! in the real MMS layout): the methods recover the known answers, and bad data on disk
//! ends the run with one line naming the file and variable.

use mmsbook::cdf::time::parse_utc;
use mmsbook::cdf::write::{AttributeValue, CdfWriter};
use mmsbook::cdf::{CdfFile, DataType};
use mmsbook::mms::layout::find_files;
use mmsbook::mms::names::{Species, fgm, fpi_moment, mec_position};
use mmsbook::mms::synthetic::flux_rope::RopeCrossing;
use mmsbook::mms::synthetic::harris::HarrisCrossing;
use mmsbook::mms::{Product, Rate};
use nalgebra::Vector3;
use std::path::{Path, PathBuf};
use std::process::Command;

const START: &str = "2017-07-11T22:34:01Z";
const END: &str = "2017-07-11T22:34:13Z";

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/mms")
}

/// Runs `regen event --data root --start START --end END <arguments>` (the Harris crossing).
fn event(root: &Path, arguments: &[&str]) -> std::process::Output {
    event_over(root, (START, END), arguments)
}

fn event_over(root: &Path, (start, end): (&str, &str), arguments: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_regen"))
        .args(["event", "--data"])
        .arg(root)
        .args(["--start", start, "--end", end])
        .args(arguments)
        .output()
        .expect("regen runs")
}

/// The flux-rope crossing's second around the barycentre's closest approach.
const ROPE: (&str, &str) = ("2017-07-12T10:19:59.5Z", "2017-07-12T10:20:00.5Z");

/// A frame as `--lmn` takes it: L, M, N, the columns of `lmn_to_gse`.
fn lmn_argument(lmn_to_gse: &nalgebra::Matrix3<f64>) -> String {
    let components: Vec<String> = (0..3)
        .flat_map(|c| (0..3).map(move |i| lmn_to_gse[(i, c)].to_string()))
        .collect();
    components.join(",")
}

fn json(output: &std::process::Output) -> serde_json::Value {
    assert!(
        output.status.success(),
        "regen failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("one JSON object")
}

fn number(value: &serde_json::Value, key: &str) -> f64 {
    value[key]
        .as_f64()
        .unwrap_or_else(|| panic!("no number {key} in {value}"))
}

fn vector(value: &serde_json::Value) -> Vector3<f64> {
    let v: Vec<f64> = value
        .as_array()
        .expect("an array")
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect();
    Vector3::new(v[0], v[1], v[2])
}

/// A copy of the fixture tree to spoil.
fn copy_of_fixtures() -> tempfile::TempDir {
    let copy = tempfile::tempdir().unwrap();
    copy_tree(&fixtures(), copy.path());
    copy
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// The one file of `product` on the fixture day under `root`.
fn file_of(root: &Path, product: &Product) -> PathBuf {
    let day = parse_utc("2017-07-11T22:30:00Z").unwrap();
    let files = find_files(root, product, day, day + 600_000_000_000).unwrap();
    assert_eq!(files.len(), 1, "one fixture file of {}", product.label());
    files.into_iter().next().unwrap()
}

/// A file's contents as the fixtures hold them: `Epoch` and REAL4/REAL8 data variables.
struct Contents {
    epoch: Vec<i64>,
    variables: Vec<(String, DataType, Vec<usize>, Vec<f64>)>,
    /// An accumulation (ms) to declare on `Epoch` through ISTP DELTA_PLUS_VAR/DELTA_MINUS_VAR,
    /// as FPI does.
    accumulation_ms: Option<f64>,
}

fn read_contents(path: &Path) -> Contents {
    let file = CdfFile::open(path).unwrap();
    let epoch = file.read_tt2000("Epoch").unwrap();
    let variables = file
        .variables()
        .into_iter()
        .filter(|v| v.name != "Epoch")
        .map(|v| {
            (
                v.name.clone(),
                v.data_type,
                v.shape.clone(),
                file.read(&v.name).unwrap().iter().copied().collect(),
            )
        })
        .collect();
    Contents {
        epoch,
        variables,
        accumulation_ms: None,
    }
}

/// Rewrites `path` with `contents` (NaN written as the FILLVAL -1e31).
fn write_contents(path: &Path, contents: &Contents) {
    let mut writer = CdfWriter::new();
    let epoch = writer.tt2000("Epoch", &contents.epoch);
    if let Some(ms) = contents.accumulation_ms {
        epoch
            .attribute(
                "DELTA_PLUS_VAR",
                AttributeValue::Text("Epoch_plus_var".into()),
            )
            .attribute(
                "DELTA_MINUS_VAR",
                AttributeValue::Text("Epoch_minus_var".into()),
            );
        writer
            .constant_real8("Epoch_plus_var", &[], &[ms])
            .attribute("UNITS", AttributeValue::Text("ms".into()));
        writer
            .constant_real8("Epoch_minus_var", &[], &[0.0])
            .attribute("UNITS", AttributeValue::Text("ms".into()));
    }
    for (name, data_type, shape, values) in &contents.variables {
        let var = if *data_type == DataType::Real8 {
            writer.real8(name, shape, values)
        } else {
            let values: Vec<f32> = values
                .iter()
                .map(|&v| if v.is_nan() { -1e31 } else { v as f32 })
                .collect();
            writer.real4(name, shape, &values)
        };
        var.attribute("DEPEND_0", AttributeValue::Text("Epoch".into()))
            .attribute("FILLVAL", AttributeValue::Real4(-1e31));
    }
    writer.write(path).unwrap();
}

/// Edits one product's file in `root`.
fn spoil(root: &Path, product: &Product, edit: impl FnOnce(&mut Contents)) -> PathBuf {
    let path = file_of(root, product);
    let mut contents = read_contents(&path);
    edit(&mut contents);
    write_contents(&path, &contents);
    path
}

/// Runs `analysis` on `root` and returns its one-line complaint, checking exit code 1.
fn complaint(root: &Path, analysis: &[&str]) -> String {
    let output = event(root, analysis);
    assert_eq!(
        output.status.code(),
        Some(1),
        "expected exit code 1; stdout {}",
        String::from_utf8_lossy(&output.stdout)
    );
    assert!(output.stdout.is_empty(), "nothing on stdout after an error");
    let message = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(message.trim_end().lines().count(), 1, "one line: {message}");
    message
}

#[test]
fn the_committed_fixtures_are_what_the_generator_writes() {
    let fresh = tempfile::tempdir().unwrap();
    let written = mmsbook::mms::synthetic::write_all(fresh.path()).unwrap();
    for path in written {
        let relative = path.strip_prefix(fresh.path()).unwrap();
        let committed = std::fs::read(fixtures().join(relative)).unwrap_or_else(|e| {
            panic!(
                "{}: {e} (run `cargo run --bin regen -- fixtures`)",
                relative.display()
            )
        });
        assert!(
            committed == std::fs::read(&path).unwrap(),
            "{} differs from a fresh `regen fixtures`",
            relative.display()
        );
    }
}

#[test]
fn harris_recovers_the_sheet_it_was_given() {
    let crossing = HarrisCrossing::fixture();
    let result = json(&event(&fixtures(), &["harris"]));
    // B0 from the extremes of B_L at +-3L is B0 tanh(3), 0.5% low; L inherits it.
    let thickness = number(&result, "thickness_km");
    assert!(
        (thickness / crossing.thickness_km - 1.0).abs() < 0.02,
        "L = {thickness} km, sheet 500 km"
    );
    let b0 = number(&result, "b0_nt");
    assert!((b0 / crossing.b0_nt - 1.0).abs() < 0.01, "B0 = {b0} nT");
    let j0 = number(&result, "j0_na_m2");
    assert!(
        (j0 / crossing.j0_na_m2() - 1.0).abs() < 0.01,
        "j0 = {j0} nA/m^2 against {}",
        crossing.j0_na_m2()
    );
    let tension = number(&result, "tension_na_nt_m2");
    assert!(
        (tension / crossing.tension() - 1.0).abs() < 0.02,
        "tension {tension} against {}",
        crossing.tension()
    );
    let (ion, electron) = (
        number(&result, "ion_share_percent"),
        number(&result, "electron_share_percent"),
    );
    assert!(
        (ion - 40.0).abs() < 1.0 && (electron - 25.0).abs() < 1.0,
        "shares {ion}% and {electron}%, given 40% and 25%"
    );
    // The columns Zhang et al.'s statistics read: the isotropic pressures and where.
    assert!(
        (number(&result, "p_ixx_npa") - 0.20).abs() < 1e-6
            && (number(&result, "p_exx_npa") - 0.04).abs() < 1e-6
    );
    let x_re = crossing.barycentre_km[0] / 6371.2;
    assert!(
        (number(&result, "x_re") - x_re).abs() < 1e-9,
        "x_re {} against {x_re}",
        number(&result, "x_re")
    );
    let true_l = crossing.lmn_to_gse().column(0).into_owned();
    let angle = vector(&result["frame"]["l"])
        .dot(&true_l)
        .clamp(-1.0, 1.0)
        .acos()
        .to_degrees();
    assert!(angle < 1.0, "MVA's L is {angle} deg from the sheet's");
}

#[test]
fn a_given_frame_is_used_and_a_bad_one_refused() {
    let r = HarrisCrossing::fixture().lmn_to_gse();
    let lmn: Vec<String> = (0..3)
        .flat_map(|c| (0..3).map(move |i| (c, i)))
        .map(|(c, i)| format!("{}", r[(i, c)]))
        .collect();
    let result = json(&event(&fixtures(), &["harris", "--lmn", &lmn.join(",")]));
    assert!(
        result["frame"]["eigenvalues_nt2"].is_null(),
        "a given frame has no MVA eigenvalues"
    );
    assert!((number(&result, "thickness_km") / 500.0 - 1.0).abs() < 0.02);
    let message = complaint(&fixtures(), &["harris", "--lmn", "1,0,0,1,0,0,0,0,1"]);
    assert!(
        message.contains("--lmn") && message.contains("orthogonal"),
        "{message}"
    );
}

#[test]
fn the_curlometer_recovers_the_sheet_current() {
    let crossing = HarrisCrossing::fixture();
    let result = json(&event(&fixtures(), &["curlometer"]));
    let m = crossing.lmn_to_gse().column(1).into_owned();
    // The mean of sech^2 over a uniform crossing of +-3L is tanh(3)/3.
    let expected = crossing.j0_na_m2() * 3f64.tanh() / 3.0;
    let along_m = vector(&result["j_mean_na_m2"]).dot(&m);
    assert!(
        (along_m / expected - 1.0).abs() < 0.02,
        "<j_M> = {along_m}, expected {expected}"
    );
    assert!(
        number(&result, "div_over_curl_median") < 0.01,
        "a 1D sheet has no divergence to speak of"
    );
    assert!(
        number(&result["quality"], "elongation") < 1e-6,
        "a regular tetrahedron"
    );
    assert_eq!(
        result["samples"].as_u64(),
        Some(1537),
        "12 s of 128 Hz FGM, both ends included"
    );
}

#[test]
fn a_missing_file_names_what_was_looked_for() {
    let root = copy_of_fixtures();
    std::fs::remove_file(file_of(root.path(), &fgm(3, Rate::Burst).0)).unwrap();
    let message = complaint(root.path(), &["curlometer"]);
    assert!(
        message.contains("mms3 fgm brst") && message.contains("mms3_fgm_brst_l2_YYYYMMDD"),
        "{message}"
    );
    assert!(
        message.contains("mms3/fgm/brst/l2/2017/07/11"),
        "names the directory: {message}"
    );
}

#[test]
fn a_missing_variable_names_file_and_variable() {
    let root = copy_of_fixtures();
    let (product, variable) = fpi_moment(1, Species::Ions, Rate::Burst, "prestensor_gse");
    spoil(root.path(), &product, |c| {
        c.variables.retain(|v| v.0 != variable)
    });
    let message = complaint(root.path(), &["harris"]);
    assert!(
        message.contains("no variable mms1_dis_prestensor_gse_brst")
            && message.contains("dis-moms"),
        "{message}"
    );
}

#[test]
fn a_fill_value_inside_the_interval_is_refused() {
    let root = copy_of_fixtures();
    let path = spoil(root.path(), &fgm(2, Rate::Burst).0, |c| {
        c.variables[0].3[4 * 600] = f64::NAN
    });
    let message = complaint(root.path(), &["curlometer"]);
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        message.contains(&name)
            && message.contains("mms2_fgm_b_gse_brst_l2")
            && message.contains("fill"),
        "{message}"
    );
}

#[test]
fn times_that_go_backwards_or_repeat_are_refused() {
    for (what, edit) in [("backwards", 1_000_000_000i64), ("repeated", 0)] {
        let root = copy_of_fixtures();
        spoil(root.path(), &fgm(1, Rate::Burst).0, |c| {
            c.epoch[300] = c.epoch[299] - edit
        });
        let message = complaint(root.path(), &["curlometer"]);
        assert!(
            message.contains("not increasing at record 300"),
            "{what}: {message}"
        );
    }
}

#[test]
fn a_gap_inside_the_interval_is_refused() {
    let root = copy_of_fixtures();
    spoil(root.path(), &fgm(2, Rate::Burst).0, |c| {
        c.epoch.drain(700..800);
        c.variables[0].3.drain(4 * 700..4 * 800);
    });
    let message = complaint(root.path(), &["curlometer"]);
    assert!(
        message.contains("gap of 0.7") && message.contains("mms2_fgm_b_gse_brst_l2"),
        "{message}"
    );
}

#[test]
fn survey_data_in_a_burst_file_is_a_cadence_mismatch() {
    let root = copy_of_fixtures();
    spoil(root.path(), &fgm(4, Rate::Burst).0, |c| {
        c.epoch = c.epoch.iter().step_by(8).copied().collect();
        c.variables[0].3 = c.variables[0]
            .3
            .chunks(4)
            .step_by(8)
            .flatten()
            .copied()
            .collect();
    });
    let message = complaint(root.path(), &["curlometer"]);
    assert!(
        message.contains("sampled every 0.0625 s") && message.contains("mms4 fgm brst"),
        "{message}"
    );
}

#[test]
fn a_truncated_file_is_named() {
    let root = copy_of_fixtures();
    let path = file_of(
        root.path(),
        &fpi_moment(4, Species::Electrons, Rate::Burst, "prestensor_gse").0,
    );
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    let message = complaint(root.path(), &["harris"]);
    assert!(
        message.contains("mms4_fpi_brst_l2_des-moms") && message.contains("truncated"),
        "{message}"
    );
}

#[test]
fn a_flat_tetrahedron_is_refused() {
    let root = copy_of_fixtures();
    let crossing = HarrisCrossing::fixture();
    let [r1, r2, r3, _] = crossing.positions_km();
    let flat = r1 + (r2 - r1) * 0.3 + (r3 - r1) * 0.4; // in the plane of MMS1-3
    spoil(root.path(), &mec_position(4).0, |c| {
        c.variables[0].3 = c
            .epoch
            .iter()
            .flat_map(|_| [flat.x, flat.y, flat.z])
            .collect();
    });
    let message = complaint(root.path(), &["curlometer"]);
    assert!(message.contains("coplanar"), "{message}");
}

#[test]
fn the_highest_version_is_read() {
    let root = copy_of_fixtures();
    let product = fgm(1, Rate::Burst).0;
    let original = file_of(root.path(), &product);
    let newer = original.with_file_name(
        original
            .file_name()
            .unwrap()
            .to_string_lossy()
            .replace("v0.0.1", "v0.0.10"),
    );
    std::fs::copy(&original, &newer).unwrap();
    let mut contents = read_contents(&newer);
    contents.variables[0].3[4 * 900] = f64::NAN;
    write_contents(&newer, &contents);
    let message = complaint(root.path(), &["curlometer"]);
    assert!(
        message.contains("v0.0.10"),
        "v0.0.10 outranks v0.0.1 (not as text, where it sorts first): {message}"
    );
}

#[test]
fn an_interval_split_over_two_files_reads_as_one() {
    let root = copy_of_fixtures();
    let product = fgm(1, Rate::Burst).0;
    let whole = file_of(root.path(), &product);
    let contents = read_contents(&whole);
    let split = 900;
    let second_start = contents.epoch[split];
    let part = |range: std::ops::Range<usize>| Contents {
        accumulation_ms: None,
        epoch: contents.epoch[range.clone()].to_vec(),
        variables: vec![(
            contents.variables[0].0.clone(),
            DataType::Real4,
            vec![4],
            contents.variables[0].3[4 * range.start..4 * range.end].to_vec(),
        )],
    };
    write_contents(&whole, &part(0..split));
    let second = product.file_path(root.path(), second_start, "0.0.1");
    write_contents(&second, &part(split..contents.epoch.len()));
    let joined = json(&event(root.path(), &["curlometer"]));
    let original = json(&event(&fixtures(), &["curlometer"]));
    assert_eq!(
        joined["samples"], original["samples"],
        "the two files give every sample once"
    );
    assert_eq!(joined["j_mean_na_m2"], original["j_mean_na_m2"]);
}

#[test]
fn bad_times_name_the_parameter_and_write_nothing() {
    let out = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_regen"))
        .args(["event", "--data"])
        .arg(fixtures())
        .args(["--start", "yesterday", "--end", END, "--out"])
        .arg(out.path())
        .arg("curlometer")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--start"));
    let reversed = Command::new(env!("CARGO_BIN_EXE_regen"))
        .args(["event", "--data"])
        .arg(fixtures())
        .args(["--start", END, "--end", START, "curlometer"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&reversed.stderr).contains("empty"),
        "a reversed interval is named empty"
    );
    assert_eq!(
        std::fs::read_dir(out.path()).unwrap().count(),
        0,
        "nothing written after an error"
    );
}

#[test]
fn centre_fit_finds_the_rope_axis_in_the_rope_frame() {
    let rope = RopeCrossing::fixture();
    let lmn = lmn_argument(&rope.lmn_to_gse());
    let result = json(&event_over(
        &fixtures(),
        ROPE,
        &["centre-fit", "--lmn", &lmn],
    ));
    let error = (vector(&result["centre_gse_km"]) - rope.centre_from_barycentre_km()).norm();
    assert!(error < 1.0, "the centre is {error} km from the axis");
    assert!(
        (number(&result, "closest_approach_km") - 4.0).abs() < 0.01,
        "the barycentre passes 4 km from the axis"
    );
    assert!(
        number(&result, "loss_km2") < 1e-3,
        "a noise-free crossing fits its circles exactly"
    );
    assert_eq!(result["contours_used"].as_u64(), Some(11));
    // The DIS velocity is the rope's: giving it changes nothing.
    let v = rope.rope_velocity_km_s();
    let given = json(&event_over(
        &fixtures(),
        ROPE,
        &[
            "centre-fit",
            "--lmn",
            &lmn,
            "--velocity",
            &format!("{},{},{}", v.x, v.y, v.z),
        ],
    ));
    let moved = (vector(&given["centre_gse_km"]) - vector(&result["centre_gse_km"])).norm();
    assert!(
        moved < 0.01,
        "the given velocity moved the centre by {moved} km"
    );
}

#[test]
fn centre_fit_in_the_mva_frame_is_honest_about_its_axis() {
    // Over one second of a rope crossed off-axis, MVA's intermediate direction misses the
    // axis by several degrees; the fit is then worse, and its loss says so.
    let rope = RopeCrossing::fixture();
    let result = json(&event_over(&fixtures(), ROPE, &["centre-fit"]));
    let axis = rope.lmn_to_gse().column(1).into_owned();
    let tilt = vector(&result["frame"]["m"])
        .dot(&axis)
        .abs()
        .clamp(0.0, 1.0)
        .acos()
        .to_degrees();
    assert!(
        tilt > 2.0 && tilt < 15.0,
        "MVA's M is {tilt} deg from the axis"
    );
    assert!(
        number(&result, "loss_km2") > 1e3 * 1e-5,
        "a tilted frame leaves a visible loss"
    );
    let error = (vector(&result["centre_gse_km"]) - rope.centre_from_barycentre_km()).norm();
    assert!(error < 2.0, "still within 2 km: {error}");
}

#[test]
fn centre_fit_refuses_contours_not_crossed_and_bad_velocities() {
    let message = String::from_utf8_lossy(
        &event_over(&fixtures(), ROPE, &["centre-fit", "--levels", "30,40,5"]).stderr,
    )
    .into_owned();
    assert!(
        message.contains("centre-fit") && message.contains("30"),
        "{message}"
    );
    let output = event_over(&fixtures(), ROPE, &["centre-fit", "--velocity", "0,0,0"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--velocity"));
}

#[test]
fn anisotropy_rows_are_the_model_seen_at_the_barycentre() {
    use mmsbook::plasma::constants::{ELEMENTARY_CHARGE, PROTON_MASS, VACUUM_PERMEABILITY};
    let crossing = HarrisCrossing::fixture();
    let out = tempfile::tempdir().unwrap();
    let summary = json(&event(
        &fixtures(),
        &["--out", out.path().to_str().unwrap(), "anisotropy"],
    ));
    assert_eq!(
        summary["samples"].as_u64(),
        Some(80),
        "12 s of 150 ms DIS samples"
    );
    let frame = mmsbook::binning::read_catalogue(
        &out.path().join("anisotropy.csv"),
        &["beta_par", "perp_over_par", "kappa"],
    )
    .unwrap();
    assert!(
        out.path().join("anisotropy-brazil.svg").is_file(),
        "the Brazil plot is drawn"
    );
    let column = |name: &str| -> Vec<f64> {
        frame
            .column(name)
            .unwrap()
            .f64()
            .unwrap()
            .into_no_null_iter()
            .collect()
    };
    let text = std::fs::read_to_string(out.path().join("anisotropy.csv")).unwrap();
    let times: Vec<i64> = text
        .lines()
        .skip(1)
        .map(|line| parse_utc(line.split(',').next().unwrap()).unwrap())
        .collect();
    let (beta, anisotropy, kappa) = (column("beta_par"), column("perp_over_par"), column("kappa"));
    let centre = parse_utc(crossing.centre_time).unwrap();
    let here = Vector3::from(crossing.barycentre_km);
    let mut worst = [0.0f64; 3];
    for k in 0..times.len() {
        let t = (times[k] - centre) as f64 * 1e-9;
        let b = crossing.field_gse(&here, t);
        let b_hat = b.normalize();
        // Temperature: the pressure over n k_B (eV); the anisotropy is P's, as T = P/n.
        let p = crossing.pressure_gse(&here, t, Species::Ions);
        let p_par = b_hat.dot(&(p * b_hat));
        let p_perp = 0.5 * (p.trace() - p_par);
        let expected_beta = 2.0 * VACUUM_PERMEABILITY * p_par * 1e-9 / (b.norm() * 1e-9).powi(2);
        // Curvature of a field that varies along N only: (b . grad) b = b_N db/dz.
        let dz = 1e-3;
        let normal = crossing.lmn_to_gse().column(2).into_owned();
        let ahead = crossing.field_gse(&(here + normal * dz), t).normalize();
        let behind = crossing.field_gse(&(here - normal * dz), t).normalize();
        let curvature_per_km = (b_hat.dot(&normal) * (ahead - behind) / (2.0 * dz)).norm();
        let t_perp_j = p_perp * 1e-9 / (mmsbook::mms::synthetic::harris::DENSITY_CM3 * 1e6);
        let gyroradius_km = (2.0 * t_perp_j / PROTON_MASS).sqrt()
            / (ELEMENTARY_CHARGE * b.norm() * 1e-9 / PROTON_MASS)
            * 1e-3;
        let expected_kappa = (1.0 / curvature_per_km / gyroradius_km).sqrt();
        for (slot, (found, expected)) in worst.iter_mut().zip([
            (beta[k], expected_beta),
            (anisotropy[k], p_perp / p_par),
            (kappa[k], expected_kappa),
        ]) {
            *slot = slot.max((found / expected - 1.0).abs());
        }
    }
    // Four-spacecraft means of fields curved on 75 km scales through a 20 km tetrahedron:
    // errors of order (20/75)^2 / 12 in kappa^2, far less in beta and anisotropy.
    assert!(worst[0] < 1e-3, "beta_par off by {:.2e}", worst[0]);
    assert!(worst[1] < 1e-3, "T_perp/T_par off by {:.2e}", worst[1]);
    assert!(worst[2] < 0.02, "kappa off by {:.2e}", worst[2]);
    eprintln!(
        "anisotropy against the model: beta {:.1e}, anisotropy {:.1e}, kappa {:.1e}",
        worst[0], worst[1], worst[2]
    );
}

fn survey(intervals: &str, analysis: &str, out: &Path) -> serde_json::Value {
    let list = out.join("intervals.csv");
    std::fs::write(&list, intervals).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_regen"))
        .args(["event", "--data"])
        .arg(fixtures())
        .arg("--catalogue")
        .arg(&list)
        .arg("--out")
        .arg(out)
        .arg(analysis)
        .output()
        .unwrap();
    json(&output)
}

#[test]
fn a_survey_writes_one_row_per_interval_that_the_statistics_read() {
    let out = tempfile::tempdir().unwrap();
    let summary = survey(
        "label,start,end\nwhole,2017-07-11T22:34:01Z,2017-07-11T22:34:13Z\nnarrower,2017-07-11T22:34:02Z,2017-07-11T22:34:12Z\n",
        "harris",
        out.path(),
    );
    assert_eq!(summary["succeeded"].as_u64(), Some(2));
    // Zhang et al.'s statistics pipeline reads the table as it is.
    let frame =
        mmsbook::force_balance::catalogue::read(&out.path().join("harris-intervals.csv")).unwrap();
    assert_eq!(frame.height(), 2);
    let parquet = std::fs::File::open(out.path().join("harris-intervals.parquet")).unwrap();
    use polars_io::SerReader;
    let back = polars_io::parquet::read::ParquetReader::new(parquet)
        .finish()
        .unwrap();
    assert_eq!(back.height(), 2, "the Parquet table holds the same rows");
    let thickness: Vec<f64> = back
        .column("thickness_km")
        .unwrap()
        .f64()
        .unwrap()
        .into_no_null_iter()
        .collect();
    let single = json(&event(&fixtures(), &["harris"]));
    // (serde_json parses without float round-tripping: allow an ulp or two.)
    assert!(
        (thickness[0] / number(&single, "thickness_km") - 1.0).abs() < 1e-14,
        "a survey row is the single run's result"
    );
}

#[test]
fn a_survey_reports_failed_intervals_and_keeps_the_rest() {
    let out = tempfile::tempdir().unwrap();
    let summary = survey(
        "start,end\n2017-07-11T22:34:01Z,2017-07-11T22:34:13Z\n2017-07-13T00:00:00Z,2017-07-13T00:00:10Z\n",
        "anisotropy",
        out.path(),
    );
    assert_eq!(summary["succeeded"].as_u64(), Some(1));
    assert_eq!(
        summary["failed"][0]["label"].as_str(),
        Some("row 2"),
        "unlabelled rows are numbered"
    );
    assert!(
        summary["failed"][0]["error"]
            .as_str()
            .unwrap()
            .contains("not the interval")
    );
    // The per-sample catalogue is what `regen brazil` draws.
    let samples = out.path().join("anisotropy-catalogue.csv");
    let brazil = Command::new(env!("CARGO_BIN_EXE_regen"))
        .arg("brazil")
        .arg(&samples)
        .arg("--out")
        .arg(out.path().join("b.svg"))
        .output()
        .unwrap();
    assert!(
        brazil.status.success(),
        "{}",
        String::from_utf8_lossy(&brazil.stderr)
    );
}

/// Every `regen -- event` command of the "Running it on real data" page, run, and every
/// `key value` line of the text block after it compared at the precision printed.
#[test]
fn methods_data_page_prints_what_regen_prints() {
    let page = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("chapters/methods-data.md"),
    )
    .unwrap();
    let blocks: Vec<(&str, String)> = page
        .split("```")
        .skip(1)
        .step_by(2)
        .map(|block| {
            block
                .split_once('\n')
                .map_or((block, String::new()), |(kind, body)| {
                    (kind.trim(), body.to_owned())
                })
        })
        .collect();
    let mut checked = 0;
    for pair in blocks.windows(2) {
        let [(kind, command), (next, expected)] = pair else {
            continue;
        };
        if *kind != "console" || *next != "text" || !command.contains("regen -- event") {
            continue;
        }
        let command = command.replace("\\\n", " ");
        let arguments: Vec<&str> = command
            .split_once("regen -- ")
            .unwrap()
            .1
            .split_whitespace()
            .collect();
        let output = Command::new(env!("CARGO_BIN_EXE_regen"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(&arguments)
            .output()
            .unwrap();
        let result = json(&output);
        for line in expected.lines().filter(|l| !l.trim().is_empty()) {
            let (key, printed) = line.split_once(char::is_whitespace).unwrap();
            let printed = printed.trim();
            let decimals = printed.split_once('.').map_or(0, |(_, d)| d.len());
            let value = number(&result, key);
            assert_eq!(
                format!("{value:.decimals$}"),
                printed,
                "{key} of `{}`",
                command.trim()
            );
            checked += 1;
        }
    }
    assert!(checked >= 12, "the page's numbers were found ({checked})");
}

#[test]
fn hostile_option_text_is_refused_by_name_never_a_panic() {
    use mmsbook::event::centre_fit::{parse_levels, parse_velocity};
    use mmsbook::event::frame::parse_lmn;
    use mmsbook::event::{EventError, Interval};
    let hostile = [
        "",
        ",",
        "NaN,0,0,0,1,0,0,0,1",
        "inf,0,0,0,1,0,0,0,1",
        "1e309,1,1",
        "0,0,0,0,0,0,0,0,0",
        "1,2",
        "1,2,3,4",
        "16,20,11",
        "20,16,11",
        "16,20,1000000000000",
        "16,20,-3",
        "-1,5,3",
        "é,ü,ß",
        "1;0;0 0;1;0 0;0;1",
        "1,0,0,0,1,0,0,0,1",
        "0,0,0",
    ];
    let mut refused = 0;
    for text in hostile {
        for outcome in [
            parse_lmn(text).map(|f| f.l.iter().all(|v| v.is_finite())),
            parse_levels(text).map(|l| l.low_nt.is_finite() && l.high_nt.is_finite()),
            parse_velocity(text).map(|v| v.iter().all(|c| c.is_finite())),
        ] {
            match outcome {
                Ok(finite) => assert!(finite, "{text:?} gave a non-finite Ok"),
                Err(EventError::Option { parameter, .. }) => {
                    assert!(parameter.starts_with("--"), "{parameter}");
                    refused += 1;
                }
                Err(other) => panic!("{text:?}: unexpected error {other}"),
            }
        }
        let interval = Interval::parse(fixtures(), text, "2017-07-11T22:34:13Z");
        assert!(
            matches!(
                interval,
                Err(EventError::Time {
                    parameter: "--start",
                    ..
                })
            ),
            "{text:?} as --start"
        );
    }
    assert!(
        refused > 40,
        "most hostile option text is refused ({refused})"
    );
}

#[test]
fn out_holds_each_analysis_figure_and_nothing_after_a_data_error() {
    let out = tempfile::tempdir().unwrap();
    for analysis in ["curlometer", "harris"] {
        json(&event(
            &fixtures(),
            &["--out", out.path().to_str().unwrap(), analysis],
        ));
        for extension in ["json", "svg", "csv"] {
            let path = out.path().join(format!("{analysis}.{extension}"));
            assert!(
                std::fs::metadata(&path)
                    .map(|m| m.len() > 100)
                    .unwrap_or(false),
                "{} written",
                path.display()
            );
        }
    }
    let root = copy_of_fixtures();
    spoil(root.path(), &fgm(2, Rate::Burst).0, |c| {
        c.variables[0].3[4 * 600] = f64::NAN
    });
    let empty = tempfile::tempdir().unwrap();
    let output = event(
        root.path(),
        &["--out", empty.path().to_str().unwrap(), "harris"],
    );
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        std::fs::read_dir(empty.path()).unwrap().count(),
        0,
        "a failed run writes nothing"
    );
}

#[test]
fn harris_frames_put_m_along_the_current_and_the_curlometer_agrees() {
    let r = HarrisCrossing::fixture().lmn_to_gse();
    // L, -M, -N is right-handed too, but its M points against the current.
    let mut flipped = r;
    flipped.set_column(1, &(-r.column(1)));
    flipped.set_column(2, &(-r.column(2)));
    let message = complaint(&fixtures(), &["harris", "--lmn", &lmn_argument(&flipped)]);
    assert!(message.contains("against the mean current"), "{message}");
    let by_moments = json(&event(&fixtures(), &["harris"]));
    let by_curlometer = json(&event(&fixtures(), &["harris", "--current", "curlometer"]));
    assert_eq!(by_curlometer["current"].as_str(), Some("curlometer"));
    let (a, b) = (
        number(&by_moments, "j0_na_m2"),
        number(&by_curlometer, "j0_na_m2"),
    );
    assert!(
        (a / b - 1.0).abs() < 0.01,
        "moments {a} and curlometer {b} nA/m^2 agree on a noise-free sheet"
    );
    let m = r.column(1).into_owned();
    let angle = vector(&by_moments["frame"]["m"])
        .dot(&m)
        .clamp(-1.0, 1.0)
        .acos()
        .to_degrees();
    assert!(
        angle < 1.0,
        "M from the current is {angle} deg from the sheet's"
    );
}

#[test]
fn fpi_times_that_mark_an_accumulation_start_are_centred() {
    // FPI's Epoch marks the start of each 150 ms (DIS) or 30 ms (DES) accumulation and says so
    // through DELTA_PLUS_VAR: stamped that way, the fixture gives the same answer.
    let original = json(&event(&fixtures(), &["harris"]));
    let (declared, undeclared) = (copy_of_fixtures(), copy_of_fixtures());
    for probe in 1..=4 {
        for (species, ms) in [(Species::Ions, 150.0), (Species::Electrons, 30.0)] {
            let product = fpi_moment(probe, species, Rate::Burst, "numberdensity").0;
            for (root, declare) in [(&declared, true), (&undeclared, false)] {
                spoil(root.path(), &product, |c| {
                    c.epoch.iter_mut().for_each(|t| *t -= (ms * 0.5e6) as i64);
                    c.variables.retain(|v| !v.0.starts_with("Epoch_"));
                    c.accumulation_ms = declare.then_some(ms);
                });
            }
        }
    }
    let centred = json(&event(declared.path(), &["harris"]));
    for key in ["j0_na_m2", "tension_na_nt_m2", "ion_share_percent"] {
        assert!(
            (number(&centred, key) / number(&original, key) - 1.0).abs() < 1e-9,
            "{key}: {centred}"
        );
    }
    let shifted = json(&event(undeclared.path(), &["harris"]));
    let moved =
        (number(&shifted, "ion_share_percent") - number(&original, "ion_share_percent")).abs();
    assert!(
        moved > 0.05,
        "uncentred times change the answer ({moved} points), so the test can fail"
    );
}
