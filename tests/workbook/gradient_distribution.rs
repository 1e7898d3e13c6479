//! `regen event ... gradient-distribution` (Shuster et al. 2026) on files in the real MMS
//! layout: the committed smile fixture gives the crescent model's known answer, and broken
//! copies of it give one-line typed errors with nothing written.

use mmsbook::cdf::CdfFile;
use mmsbook::cdf::write::AttributeValue;
use mmsbook::mms::Rate;
use mmsbook::mms::names::{Species, des_distribution, fpi_moment, mec_position};
use mmsbook::mms::synthetic::smile::SmileCrossing;
use mmsbook::mms::synthetic::{data_attributes, product_file, write_product};
use mmsbook::smile::detector::GradientEstimate;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const START: &str = "2015-10-16T13:07:01.6Z";
const END: &str = "2015-10-16T13:07:02.4Z";

fn fixture_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/mms")
}

fn run(root: &Path, extra: &[&str], out: Option<&Path>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_regen"));
    command
        .args(["event", "--data"])
        .arg(root)
        .args(["--start", START, "--end", END]);
    if let Some(out) = out {
        command.arg("--out").arg(out);
    }
    command
        .arg("gradient-distribution")
        .args(extra)
        .output()
        .expect("regen runs")
}

fn json(output: &Output) -> serde_json::Value {
    assert!(
        output.status.success(),
        "regen failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("one JSON object on stdout")
}

#[test]
fn the_fixture_smiles_in_the_normal_gradient_at_both_des_times() {
    let result = json(&run(&fixture_root(), &[], None));
    let readings = result["readings"].as_array().unwrap();
    assert_eq!(readings.len(), 2, "two DES times in the interval");
    assert_eq!(
        result["normal_smiles"], 2,
        "the model smiles at z = 0.375-0.44 d_e"
    );
    assert_eq!(
        result["parallel_smiles"], 0,
        "a 1D layer has no gradient along B"
    );
    for reading in readings {
        let normal = &reading["normal"];
        assert!(
            normal["centre"].as_f64().unwrap() > 0.0,
            "red centre (smile) at {}",
            reading["time"]
        );
        for eye in normal["eyes"].as_array().unwrap() {
            assert!(
                eye.as_f64().unwrap() < 0.0,
                "blue eyes at {}",
                reading["time"]
            );
        }
        let parallel = reading["parallel"]["scale"].as_f64().unwrap();
        assert!(
            parallel < 0.2 * normal["scale"].as_f64().unwrap(),
            "grad f . b is resampling noise, {parallel}"
        );
    }
}

#[test]
fn the_mva_normal_is_the_layers_normal() {
    let result = json(&run(&fixture_root(), &[], None));
    let n: Vec<f64> = result["normal_gse"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect();
    let known = SmileCrossing::fixture().normal_gse();
    let angle = (n[0] * known.x + n[1] * known.y + n[2] * known.z)
        .clamp(-1.0, 1.0)
        .acos()
        .to_degrees();
    assert!(
        angle < 1.0,
        "MVA normal within 1 deg of the layer's +z (toward the magnetosphere), got {angle:.2} deg"
    );
    assert_eq!(result["normal_source"], "mva");
}

#[test]
fn the_ring_reading_matches_the_models_own_tetrahedron_estimate() {
    let fixture = SmileCrossing::fixture();
    let model = GradientEstimate::Tetrahedron {
        side: fixture.side_de,
        angles_rad: [0.3, 0.9, 0.2],
    }
    .read(&fixture.model, fixture.z_de)
    .unwrap();
    let result = json(&run(
        &fixture_root(),
        &["--time", "2015-10-16T13:07:02.000Z"],
        None,
    ));
    let reading = &result["readings"][0];
    assert_eq!(result["samples"], 1, "--time reads one time");
    for (k, eye) in reading["normal"]["eye_angles_deg"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
    {
        let error = (eye.as_f64().unwrap() - model.eye_angles_deg[k]).abs();
        assert!(
            error <= 15.0,
            "eye {k} within 15 deg (three ring steps, one FPI azimuth bin) of the model's {}",
            model.eye_angles_deg[k]
        );
    }
    let scales = fixture.scales().unwrap();
    let ring_km_s = model.ring_speed * scales.velocity_unit_ms(fixture.model.thermal_speed) * 1e-3;
    let speed = reading["ring_speed_km_s"].as_f64().unwrap();
    // The data's ring is an FPI channel: channels are 14% apart in speed.
    assert!(
        (speed / ring_km_s - 1.0).abs() < 0.15,
        "ring speed {speed:.0} km/s within a channel of the model's {ring_km_s:.0}"
    );
    let offsets: Vec<f64> = reading["offsets_ms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect();
    assert_eq!(
        offsets,
        vec![0.0, 3.0, -4.0, 6.0],
        "each spacecraft's nearest record, offsets as written"
    );
}

#[test]
fn a_given_normal_is_used_and_reversing_it_reverses_the_pattern() {
    let n = SmileCrossing::fixture().normal_gse();
    let given = json(&run(
        &fixture_root(),
        &["--normal", &format!("{},{},{}", n.x, n.y, n.z)],
        None,
    ));
    assert_eq!(given["normal_source"], "given");
    assert_eq!(given["normal_smiles"], 2, "the known normal smiles");
    let reversed = json(&run(
        &fixture_root(),
        &["--normal", &format!("{},{},{}", -n.x, -n.y, -n.z)],
        None,
    ));
    assert_eq!(
        reversed["normal_smiles"], 0,
        "-n turns the smile into a frown"
    );
}

#[test]
fn out_writes_figures_and_csv() {
    let directory = tempfile::tempdir().unwrap();
    let out = directory.path().join("out");
    json(&run(&fixture_root(), &[], Some(&out)));
    for name in [
        "gradient-distribution.json",
        "gradient-distribution.svg",
        "gradient-distribution.csv",
    ] {
        assert!(out.join(name).is_file(), "--out holds {name}");
    }
}

/// A copy of the fixture below a temporary directory, written by its generator.
fn copy(crossing: &SmileCrossing) -> tempfile::TempDir {
    let directory = tempfile::tempdir().unwrap();
    crossing.write(directory.path(), false).unwrap();
    directory
}

/// Runs on `root`, expects failure with one line naming `needles`, and no `--out` left.
fn fails_naming(root: &Path, extra: &[&str], needles: &[&str]) {
    let out = root.join("out");
    let output = run(root, extra, Some(&out));
    let message = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "exit code 1: {message}");
    assert_eq!(message.trim_end().lines().count(), 1, "one line: {message}");
    for needle in needles {
        assert!(
            message.contains(needle),
            "the message names {needle}: {message}"
        );
    }
    assert!(!out.exists(), "nothing written to --out");
    assert!(output.stdout.is_empty(), "nothing on stdout");
}

#[test]
fn a_missing_des_file_names_the_product_looked_for() {
    let directory = copy(&SmileCrossing::fixture());
    let (product, _) = des_distribution(3, Rate::Burst);
    std::fs::remove_dir_all(directory.path().join("mms3/fpi/brst/l2/des-dist")).unwrap();
    fails_naming(
        directory.path(),
        &["--normal", "1,0,0"],
        &[&product.prefix(), "des-dist"],
    );
}

#[test]
fn a_fill_value_in_a_distribution_names_file_variable_and_time() {
    let crossing = SmileCrossing::fixture();
    let directory = copy(&crossing);
    let (product, variable) = des_distribution(2, Rate::Burst);
    let path = std::fs::read_dir(
        directory
            .path()
            .join("mms2/fpi/brst/l2/des-dist/2015/10/16"),
    )
    .unwrap()
    .next()
    .unwrap()
    .unwrap()
    .path();
    let file = CdfFile::open(&path).unwrap();
    let epoch = file.read_tt2000("Epoch").unwrap();
    let mut psd: Vec<f32> = file
        .read(&variable)
        .unwrap()
        .iter()
        .map(|&v| v as f32)
        .collect();
    psd[1000] = -1e31; // FILLVAL
    let info = file.variable(&variable).unwrap();
    let names = [
        "mms2_des_phi_brst",
        "mms2_des_theta_brst",
        "mms2_des_energy_brst",
    ];
    let mut writer = product_file(&product, &epoch);
    let var = writer.real4(&variable, &info.shape, &psd);
    data_attributes("s^3/cm^6").into_iter().for_each(|(n, v)| {
        var.attribute(n, v);
    });
    for (k, name) in names.iter().enumerate() {
        var.attribute(
            &format!("DEPEND_{}", k + 1),
            AttributeValue::Text((*name).to_owned()),
        );
    }
    for name in names {
        let values: Vec<f32> = file.read(name).unwrap().iter().map(|&v| v as f32).collect();
        let shape = file.variable(name).unwrap().shape;
        if name.contains("theta") {
            writer.constant_real4(name, &shape, &values);
        } else {
            writer.real4(name, &shape, &values);
        }
    }
    drop(file);
    write_product(directory.path(), &product, epoch[0], &writer).unwrap();
    fails_naming(
        directory.path(),
        &["--normal", "1,0,0"],
        &[
            "mms2_fpi_brst_l2_des-dist",
            &variable,
            "fill value",
            "13:07:02",
        ],
    );
}

#[test]
fn a_clock_offset_beyond_half_a_cadence_is_an_error() {
    let crossing = SmileCrossing {
        des_offsets_ms: [0.0, 3.0, 20.0, 6.0],
        ..SmileCrossing::fixture()
    };
    let directory = copy(&crossing);
    fails_naming(
        directory.path(),
        &["--normal", "1,0,0"],
        &["mms3_fpi_brst_l2_des-dist", "Epoch", "15.0 ms"],
    );
}

#[test]
fn a_degenerate_tetrahedron_is_an_error() {
    let crossing = SmileCrossing::fixture();
    let directory = copy(&crossing);
    // MMS4's MEC file rewritten with MMS3's position: two spacecraft at one point.
    let position = crossing.positions_km().unwrap()[2];
    let (product, variable) = mec_position(4);
    let path = std::fs::read_dir(directory.path().join("mms4/mec/srvy/l2/epht89d/2015/10"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let epoch = CdfFile::open(&path).unwrap().read_tt2000("Epoch").unwrap();
    let mut writer = product_file(&product, &epoch);
    let r: Vec<f64> = epoch
        .iter()
        .flat_map(|_| [position.x, position.y, position.z])
        .collect();
    let var = writer.real8(&variable, &[3], &r);
    data_attributes("km").into_iter().for_each(|(n, v)| {
        var.attribute(n, v);
    });
    let day = mmsbook::cdf::time::parse_utc("2015-10-16").unwrap();
    write_product(directory.path(), &product, day, &writer).unwrap();
    fails_naming(
        directory.path(),
        &["--normal", "1,0,0"],
        &["spacecraft 3 and 4 are at the same position", "13:07:02"],
    );
}

#[test]
fn a_normal_that_is_not_three_numbers_is_an_option_error() {
    fails_naming(
        &fixture_root(),
        &["--normal", "1,0"],
        &["--normal", "3 finite numbers"],
    );
    fails_naming(
        &fixture_root(),
        &["--time", "2015-10-16T14:00:00Z"],
        &["--time", "outside"],
    );
}

#[test]
fn a_missing_bulk_velocity_names_its_product() {
    let directory = copy(&SmileCrossing::fixture());
    let (product, _) = fpi_moment(1, Species::Electrons, Rate::Burst, "bulkv_dbcs");
    std::fs::remove_dir_all(directory.path().join("mms1/fpi/brst/l2/des-moms")).unwrap();
    fails_naming(
        directory.path(),
        &["--normal", "1,0,0"],
        &[&product.prefix()],
    );
}

/// One minute of four-spacecraft burst DES data (4 x 2000 records of 32 x 16 x 32), written
/// full size to a temporary directory, read and turned into gradient distributions by the
/// release binary: the issue asks for <= 10 s on 2 cores and <= 2 GB resident. Run with
/// `cargo test --release --test workbook -- --ignored one_minute --nocapture`.
#[test]
#[ignore = "writes 0.5 GB and measures speed; run in release"]
fn one_minute_of_burst_distributions_within_ten_seconds() {
    let directory = tempfile::tempdir().unwrap();
    let crossing = SmileCrossing::minute();
    crossing.write(directory.path(), true).unwrap();
    let n = crossing.normal_gse();
    let normal = format!("{},{},{}", n.x, n.y, n.z);
    let arguments = [
        "event",
        "--data",
        directory.path().to_str().unwrap(),
        "--start",
        "2015-10-16T13:07:02Z",
        "--end",
        "2015-10-16T13:08:01.98Z",
        "gradient-distribution",
        "--normal",
        &normal,
    ];
    let timer = std::time::Instant::now();
    let output = Command::new("/usr/bin/time")
        .arg("-v")
        .arg(env!("CARGO_BIN_EXE_regen"))
        .args(arguments)
        .output()
        .expect("/usr/bin/time runs regen");
    let wall = timer.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    let rss_kb: f64 = stderr
        .lines()
        .find_map(|l| {
            l.trim()
                .strip_prefix("Maximum resident set size (kbytes): ")
        })
        .and_then(|v| v.parse().ok())
        .unwrap_or(f64::NAN);
    let result: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    println!(
        "one minute: {} aligned times, wall {wall:.2} s, peak RSS {:.0} MB",
        result["samples"],
        rss_kb / 1024.0
    );
    assert_eq!(result["samples"], 2000, "2000 DES times in the minute");
    assert!(wall <= 10.0, "wall {wall:.2} s");
    assert!(rss_kb <= 2.0 * 1024.0 * 1024.0, "peak RSS {rss_kb} kB");
}

mod sky_grid {
    use mmsbook::mms::sky_grid::SkyGrid;

    fn grid(phi_start: f64, parity: f64) -> SkyGrid {
        let phi: Vec<f64> = (0..32)
            .map(|k| (phi_start + (k as f64 + 0.5) * 11.25).rem_euclid(360.0))
            .collect();
        let theta: Vec<f64> = (0..16).map(|k| (k as f64 + 0.5) * 11.25).collect();
        let energy: Vec<f64> = (0..8)
            .map(|k| 10.0 * 1.31f64.powf(k as f64 + 0.5 * parity))
            .collect();
        SkyGrid::new(&phi, &theta, &energy).unwrap()
    }

    /// Values `a + b ln E + c phi` on a grid's bins (phi measured from 180 deg, away from the wrap).
    fn linear(grid: &SkyGrid, phi_start: f64) -> Vec<f64> {
        let [n_phi, n_theta, n_energy] = grid.shape();
        let mut values = Vec::new();
        for p in 0..n_phi {
            let phi = (phi_start + (p as f64 + 0.5) * 11.25).rem_euclid(360.0);
            for _ in 0..n_theta {
                for &e in grid.energies_ev() {
                    values.push(1.0 + 0.3 * e.ln() + 0.01 * phi);
                }
            }
        }
        assert_eq!(values.len(), n_phi * n_theta * n_energy);
        values
    }

    #[test]
    fn resampling_is_exact_for_values_linear_in_azimuth_and_log_energy() {
        let (source, target) = (grid(2.0, 0.0), grid(-3.0, 1.0));
        let values = linear(&source, 2.0);
        let mut scratch = vec![0.0; source.len()];
        let mut out = vec![0.0; target.len()];
        source
            .resample_into(&values, &target, &mut scratch, &mut out)
            .unwrap();
        let expected = linear(&target, -3.0);
        let [n_phi, n_theta, n_energy] = target.shape();
        for p in 1..n_phi - 1 {
            for t in 0..n_theta {
                // The last target channel lies above the source's last: held, not extrapolated.
                for e in 0..n_energy - 1 {
                    let i = (p * n_theta + t) * n_energy + e;
                    assert!(
                        (out[i] - expected[i]).abs() < 1e-9,
                        "bin ({p}, {t}, {e}): {} vs {}",
                        out[i],
                        expected[i]
                    );
                }
            }
        }
    }

    #[test]
    fn a_bins_velocity_is_read_back_at_that_bin() {
        let g = grid(0.0, 0.0);
        let values: Vec<f64> = (0..g.len()).map(|i| i as f64).collect();
        let [_, n_theta, n_energy] = g.shape();
        for (p, t, e) in [(0, 0, 0), (5, 7, 3), (31, 15, 7), (17, 8, 4)] {
            let read = g.sample(&values, &g.velocity(p, t, e));
            assert!(
                (read - ((p * n_theta + t) * n_energy + e) as f64).abs() < 1e-6,
                "bin ({p}, {t}, {e}) read as {read}: velocity is minus the look direction"
            );
        }
    }

    #[test]
    fn uneven_azimuths_are_rejected() {
        let mut phi: Vec<f64> = (0..32).map(|k| (k as f64 + 0.5) * 11.25).collect();
        phi[7] += 3.0;
        let theta: Vec<f64> = (0..16).map(|k| (k as f64 + 0.5) * 11.25).collect();
        assert!(
            SkyGrid::new(&phi, &theta, &[10.0, 20.0]).is_err(),
            "a displaced azimuth"
        );
        assert!(
            SkyGrid::new(&phi[..1], &theta, &[20.0, 10.0]).is_err(),
            "decreasing energies"
        );
    }
}
