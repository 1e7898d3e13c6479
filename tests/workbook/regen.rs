//! The `regen` command line: listing, the JSON ledger, and one-line errors for bad input.

use std::process::Command;

fn regen(arguments: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_regen"))
        .args(arguments)
        .output()
        .expect("regen runs")
}

#[test]
fn list_prints_every_figure_and_claim_id() {
    let output = regen(&["--list"]);
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    for spec in mmsbook::figures::registry() {
        assert!(text.contains(spec.id), "--list names figure {}", spec.id);
    }
    // The claims come from the committed ledger, which must be the computed one.
    for claim in mmsbook::ledger::workbook_ledger().unwrap().claims() {
        assert!(
            text.lines().any(|line| {
                let mut words = line.split_whitespace();
                words.next() == Some(claim.id.as_str())
                    && words.next() == Some(claim.status().as_str())
            }),
            "--list names claim {} with its status {}",
            claim.id,
            claim.status().as_str()
        );
    }
    // Without a committed ledger there is nothing to list: one line naming the file.
    let root = tempfile::tempdir().unwrap();
    std::fs::write(root.path().join("book.toml"), "").unwrap();
    let output = regen(&["--list", "--root", root.path().to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        !output.status.success()
            && stderr.contains("chapters/claims.json")
            && stderr.trim_end().lines().count() == 1,
        "a missing ledger is one line naming it: {stderr}"
    );
}

#[test]
fn claims_json_is_the_ledger() {
    // One paper's claims, computed alone by the subprocess, are that paper's part of the whole
    // ledger computed here, in either format. The papers with the quickest claims keep the
    // subprocess short (the whole ledger, unoptimised, took 4 s of the suite's CPU); the whole
    // ledger's JSON is held to the committed one by the figures test.
    use mmsbook::claims::Paper;
    let ledger = mmsbook::ledger::workbook_ledger().unwrap();
    for (paper, id) in [
        (Paper::Zhang2025, "zhang2025"),
        (Paper::Richard2025, "richard2025"),
    ] {
        let part = ledger.for_paper(paper);
        assert!(!part.claims().is_empty(), "{id} has claims");
        for (format, expected) in [("json", part.to_json()), ("markdown", part.to_markdown())] {
            let output = regen(&["claims", "--format", format, "--paper", id]);
            assert!(output.status.success(), "{id} {format}");
            assert_eq!(
                String::from_utf8(output.stdout).unwrap(),
                expected,
                "{id} {format}"
            );
        }
    }
}

#[test]
fn bad_arguments_get_one_line_and_a_non_zero_exit() {
    for arguments in [
        &["--no-such-flag"][..],
        &["--figure", "no.such.figure"],
        &["--part", "nowhere"],
        &["claims", "--format", "yaml"],
    ] {
        let output = regen(arguments);
        assert!(!output.status.success(), "{arguments:?} must fail");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(
            stderr.trim_end().lines().count(),
            1,
            "{arguments:?}: one line, got:\n{stderr}"
        );
        assert!(stderr.starts_with("regen: "), "{arguments:?}: {stderr}");
    }
}

#[test]
fn brazil_subcommand_plots_a_user_catalogue() {
    let directory = tempfile::tempdir().unwrap();
    let csv = directory.path().join("catalogue.csv");
    std::fs::write(
        &csv,
        "beta_par,perp_over_par\n0.5,1.0\n2.0,0.05\n0.05,5.0\n",
    )
    .unwrap();
    let out = directory.path().join("plot.svg");
    let output = regen(&[
        "brazil",
        csv.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(std::fs::read_to_string(&out).unwrap().contains("<svg"));
    assert!(
        directory.path().join("plot.csv").exists(),
        "the plotted data beside the SVG"
    );
    let bad = directory.path().join("bad.csv");
    std::fs::write(&bad, "beta,anisotropy\n1,1\n").unwrap();
    let output = regen(&[
        "brazil",
        bad.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(
        !output.status.success(),
        "a catalogue without the columns fails"
    );
    assert!(
        String::from_utf8(output.stderr)
            .unwrap()
            .contains("beta_par"),
        "and says which column is missing"
    );
}

#[test]
fn a_closed_standard_output_ends_the_run_with_a_message_not_a_panic() {
    use std::process::Stdio;
    // Standard output is a pipe whose reading end is closed before regen starts, so its first
    // write of `--list` fails (EPIPE) however fast it runs.
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let child = Command::new(env!("CARGO_BIN_EXE_regen"))
        .arg("--list")
        .stdout(writer)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "no panic: {stderr}");
    assert!(
        !output.status.success() && stderr.contains("writing to standard output"),
        "a message and a failure: {stderr}"
    );
}

#[test]
fn a_catalogue_error_is_said_once() {
    let directory = tempfile::tempdir().unwrap();
    let csv = directory.path().join("catalogue.csv");
    std::fs::write(&csv, "beta_par,perp_over_par\n0.5,1.0\n2.0,abc\n").unwrap();
    let out = directory.path().join("plot.svg");
    let output = regen(&[
        "brazil",
        csv.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        !output.status.success() && stderr.trim_end().lines().count() == 1,
        "one line: {stderr}"
    );
    assert_eq!(
        stderr.matches("is not a number").count(),
        1,
        "the cause is not repeated: {stderr}"
    );
    assert!(
        stderr.contains("catalogue.csv")
            && stderr.contains("perp_over_par")
            && stderr.contains("line 3"),
        "file, column and row: {stderr}"
    );
}

#[test]
fn hostile_threshold_fractions_get_one_line_not_a_panic() {
    let directory = tempfile::tempdir().unwrap();
    let csv = directory.path().join("catalogue.csv");
    std::fs::write(&csv, "beta_par,perp_over_par\n0.5,1.0\n2.0,0.05\n").unwrap();
    let out = directory.path().join("plot.svg");
    for (flag, value) in [
        ("--eta-e", "nan"),
        ("--eta-s", "inf"),
        ("--eta-c", "-1"),
        ("--eta-e", "1e308"),
        ("--eta-s", "-0"),
        ("--eta-c", "1e-320"),
    ] {
        let output = regen(&[
            "brazil",
            csv.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            flag,
            value,
        ]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("panicked"), "{flag} {value}: {stderr}");
        if !output.status.success() {
            assert_eq!(
                stderr.trim_end().lines().count(),
                1,
                "{flag} {value}: one line, got {stderr}"
            );
        }
    }
}
