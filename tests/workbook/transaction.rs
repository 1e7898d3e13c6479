//! `regen`'s outputs as one transaction: a failed or killed run leaves the previous complete
//! set of figures, ledger and book, `--check` reports what interrupted runs leave behind, and
//! the root is where `book.toml` is.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Instant;

/// A cheap figure: the runs below stage it, build the book around it and swap both in.
const FIGURE: &str = "methods.mva_harris";

fn regen_in(root: &Path, arguments: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_regen"))
        .args(arguments)
        .arg("--root")
        .arg(root)
        .output()
        .expect("regen runs")
}

/// The chapter that shows [`FIGURE`].
const CHAPTER: &str = "methods-mva.md";

/// A one-chapter workbook in a temporary directory: the book's configuration and assets, the
/// chapter that shows [`FIGURE`] (the only one its summary lists), the committed ledger whose
/// claim ids the book links, and that figure's files. The transaction is the same code for any
/// book, and this one builds in a fifth of the time of the whole (0.2 s against 1.1 s in the
/// debug build): the kill test alone runs ten builds.
fn small_root() -> tempfile::TempDir {
    let root = tempfile::tempdir().unwrap();
    let source = Path::new(env!("CARGO_MANIFEST_DIR"));
    for item in [
        "book.toml",
        "assets",
        &format!("chapters/{CHAPTER}"),
        "chapters/claims.json",
    ] {
        copy(&source.join(item), &root.path().join(item));
    }
    std::fs::write(
        root.path().join("chapters/SUMMARY.md"),
        format!("# Summary\n\n- [The figure's chapter]({CHAPTER})\n"),
    )
    .unwrap();
    std::fs::create_dir(root.path().join("figures")).unwrap();
    for entry in std::fs::read_dir(source.join("figures")).unwrap() {
        let name = entry.unwrap().file_name();
        if name.to_string_lossy().starts_with(&format!("{FIGURE}.")) {
            copy(
                &source.join("figures").join(&name),
                &root.path().join("figures").join(&name),
            );
        }
    }
    root
}

fn copy(from: &Path, to: &Path) {
    if from.is_dir() {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            copy(&entry.path(), &to.join(entry.file_name()));
        }
    } else {
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(from, to).unwrap();
    }
}

/// A root whose outputs of [`FIGURE`] and whose book are an "old set" that a run must
/// replace whole: every file differs from what the run writes.
fn old_root() -> tempfile::TempDir {
    let root = small_root();
    for extension in ["svg", "csv"] {
        std::fs::write(
            root.path().join(format!("figures/{FIGURE}.{extension}")),
            format!("old {extension}\n"),
        )
        .unwrap();
    }
    std::fs::create_dir_all(root.path().join("book/figures")).unwrap();
    std::fs::write(root.path().join("book/index.html"), "old book\n").unwrap();
    std::fs::write(
        root.path().join("book/figures/old.svg"),
        "old figure copy\n",
    )
    .unwrap();
    root
}

/// Every generated file under `root` (figures, ledger pages, book) with its bytes; the
/// staging directories of interrupted runs are left out (`--check` reports them).
fn snapshot(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, directory: &Path, into: &mut BTreeMap<PathBuf, Vec<u8>>) {
        let Ok(entries) = std::fs::read_dir(directory) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if entry.file_type().unwrap().is_dir() {
                walk(root, &path, into);
            } else {
                into.insert(
                    path.strip_prefix(root).unwrap().to_owned(),
                    std::fs::read(&path).unwrap(),
                );
            }
        }
    }
    let mut files = BTreeMap::new();
    for directory in ["figures", "chapters", "book"] {
        walk(root, &root.join(directory), &mut files);
    }
    files
}

#[test]
fn a_killed_run_leaves_the_old_set_or_the_new_set_byte_for_byte() {
    // The new set: uninterrupted runs from the old set, two at once as the kills below run,
    // timed to place the kills.
    let (complete, twin) = (old_root(), old_root());
    let old = snapshot(complete.path());
    let start = Instant::now();
    let (output, twin_output) = std::thread::scope(|scope| {
        let twin_run = scope.spawn(|| regen_in(twin.path(), &["--figure", FIGURE]));
        let output = regen_in(complete.path(), &["--figure", FIGURE]);
        (output, twin_run.join().unwrap())
    });
    let full_run = start.elapsed();
    for output in [&output, &twin_output] {
        assert!(
            output.status.success(),
            "the uninterrupted run succeeds: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let new = snapshot(complete.path());
    assert_eq!(new, snapshot(twin.path()), "the runs are deterministic");
    assert_ne!(old, new, "the run replaces the old set");
    assert!(
        mmsbook::transaction::stages(complete.path())
            .unwrap()
            .is_empty(),
        "a complete run leaves no stage"
    );

    // One kill: the state it leaves (old, new or mixed) and whether the next run had to
    // finish an interrupted swap.
    let kill_at = |fraction: f64| -> (Result<bool, String>, bool) {
        let root = old_root();
        let mut child = Command::new(env!("CARGO_BIN_EXE_regen"))
            .args(["--figure", FIGURE, "--root"])
            .arg(root.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(full_run.mul_f64(fraction));
        let _ = child.kill(); // SIGKILL: no destructor runs
        child.wait().unwrap();
        // Killed after the commit point and before the swap ended: the next run finishes it.
        let finished = mmsbook::transaction::finish_interrupted(root.path()).unwrap();
        let state = snapshot(root.path());
        let outcome = if state == old {
            Ok(true)
        } else if state == new {
            Ok(false)
        } else {
            let mixed: Vec<_> = state
                .keys()
                .filter(|k| old.get(*k) != state.get(*k) && new.get(*k) != state.get(*k))
                .take(5)
                .collect();
            Err(format!(
                "killed at {fraction} of {full_run:?}: neither the old nor the new set, e.g. {mixed:?}"
            ))
        };
        (outcome, finished)
    };
    let fractions = [0.05, 0.2, 0.4, 0.6, 0.8, 0.9, 0.95, 0.99];
    // Two kills at a time, as the full run was timed: the test is mostly waiting, and each kill
    // still lands where its fraction of the run says.
    let outcomes: Vec<(Result<bool, String>, bool)> = fractions
        .chunks(2)
        .flat_map(|pair| {
            std::thread::scope(|scope| {
                let kills: Vec<_> = pair
                    .iter()
                    .map(|&fraction| scope.spawn(move || kill_at(fraction)))
                    .collect();
                kills
                    .into_iter()
                    .map(|kill| kill.join().unwrap())
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let (mut as_old, mut as_new, mut finished) = (0, 0, 0);
    for (outcome, finished_swap) in outcomes {
        match outcome {
            Ok(true) => as_old += 1,
            Ok(false) => as_new += 1,
            Err(mixed) => panic!("{mixed}"),
        }
        finished += usize::from(finished_swap);
    }
    println!(
        "kill test: full run {full_run:.2?}; {} kills: {as_old} left the old set, {as_new} the new set ({finished} finished an interrupted swap)",
        fractions.len()
    );
    assert_eq!(
        as_old + as_new,
        fractions.len(),
        "every kill leaves a complete set"
    );
}

#[test]
fn check_reports_temporary_orphan_and_staging_files() {
    let root = small_root();
    std::fs::write(root.path().join("figures/.tmpAB12cd"), "half a figure").unwrap();
    std::fs::write(root.path().join("figures/stray.svg"), "<svg/>").unwrap();
    std::fs::create_dir(root.path().join(".regen-XYZ123")).unwrap();
    let output = regen_in(root.path(), &["--check", "--figure", FIGURE]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        !output.status.success(),
        "--check fails on leftovers: {stderr}"
    );
    for leftover in [
        "temporary: figures/.tmpAB12cd",
        "orphan:  figures/stray.svg",
        "temporary: .regen-XYZ123",
    ] {
        assert!(
            stderr.contains(leftover),
            "--check names `{leftover}`: {stderr}"
        );
    }
    // The next run drops the temporary file and the stage, and keeps the orphan (a file no
    // one can regenerate is not regen's to delete).
    let output = regen_in(root.path(), &["--figure", FIGURE, "--no-book"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        !root.path().join("figures/.tmpAB12cd").exists(),
        "the temporary file is gone"
    );
    assert!(
        !root.path().join(".regen-XYZ123").exists(),
        "the stale stage is gone"
    );
    assert!(
        root.path().join("figures/stray.svg").exists(),
        "the orphan is kept"
    );
}

#[test]
fn a_failed_book_build_changes_nothing() {
    let root = old_root();
    let before = snapshot(root.path());
    // An empty summary would build a book without pages: refused, before anything is swapped.
    std::fs::write(root.path().join("chapters/SUMMARY.md"), "").unwrap();
    let output = regen_in(root.path(), &["--figure", FIGURE]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        !output.status.success() && stderr.contains("lists no chapter"),
        "an empty SUMMARY.md is an error: {stderr}"
    );
    let mut after = snapshot(root.path());
    after.insert(
        "chapters/SUMMARY.md".into(),
        before[Path::new("chapters/SUMMARY.md")].clone(),
    );
    assert!(after == before, "the figures and the book are the old set");
    assert!(
        mmsbook::transaction::stages(root.path())
            .unwrap()
            .is_empty(),
        "the failed run removed its stage"
    );
}

#[test]
fn the_root_is_the_current_directory_and_must_hold_book_toml() {
    let empty = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_regen"))
        .args(["--figure", FIGURE, "--no-book"])
        .current_dir(empty.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "no book.toml here: {stderr}");
    assert!(
        stderr.contains("book.toml")
            && stderr.contains("--root")
            && stderr.trim_end().lines().count() == 1,
        "one line naming --root: {stderr}"
    );
    assert_eq!(
        std::fs::read_dir(empty.path()).unwrap().count(),
        0,
        "nothing was written"
    );
    let missing = empty.path().join("nonexistent");
    let output = regen_in(&missing, &["--figure", FIGURE, "--no-book"]);
    assert!(
        !output.status.success() && !missing.exists(),
        "a missing --root is refused, not created"
    );
    // In a workbook root, the current directory is the root.
    let root = small_root();
    std::fs::remove_file(root.path().join(format!("figures/{FIGURE}.svg"))).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_regen"))
        .args(["--figure", FIGURE, "--no-book"])
        .current_dir(root.path())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        root.path().join(format!("figures/{FIGURE}.svg")).exists(),
        "the figure is written under the current directory"
    );
}

#[test]
fn brazil_never_overwrites_its_input() {
    let directory = tempfile::tempdir().unwrap();
    let catalogue = "beta_par,perp_over_par\n0.5,1.0\n2.0,0.05\n";
    let input = directory.path().join("brazil.csv");
    std::fs::write(&input, catalogue).unwrap();
    let run = |arguments: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_regen"))
            .arg("brazil")
            .args(arguments)
            .current_dir(directory.path())
            .output()
            .unwrap()
    };
    // The default --out is brazil.svg, whose data CSV is brazil.csv: the input.
    // A rename over something that is not a regular file (`--out /dev/null` as root) would
    // replace it: a directory stands in for the device node, which a test must not risk.
    std::fs::create_dir(directory.path().join("device.svg")).unwrap();
    for arguments in [
        &["brazil.csv"][..],
        &["brazil.csv", "--out", "brazil.csv"],
        &["brazil.csv", "--out", "plot.csv"],
        &["brazil.csv", "--out", "device.svg"],
    ] {
        let output = run(arguments);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            !output.status.success() && stderr.contains("--out"),
            "{arguments:?} is refused: {stderr}"
        );
        assert_eq!(
            std::fs::read_to_string(&input).unwrap(),
            catalogue,
            "{arguments:?}: the input is intact"
        );
    }
    assert!(
        !directory.path().join("plot.csv").exists(),
        "nothing written for --out plot.csv"
    );
    let output = run(&["brazil.csv", "--out", "plot.svg"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn a_swap_interrupted_between_two_renames_is_finished_by_the_next_run() {
    // The layout a kill leaves after the commit point, with figures/ already moved aside and
    // the new one not yet in place: the window is microseconds wide, so it is built by hand.
    let root = tempfile::tempdir().unwrap();
    let committed = root.path().join(mmsbook::transaction::COMMITTED);
    std::fs::create_dir_all(committed.join("root/figures")).unwrap();
    std::fs::create_dir_all(committed.join("root/book")).unwrap();
    std::fs::create_dir_all(committed.join("old/figures")).unwrap();
    std::fs::write(committed.join("root/figures/a.svg"), "new").unwrap();
    std::fs::write(committed.join("root/book/index.html"), "new book").unwrap();
    std::fs::write(committed.join("old/figures/a.svg"), "old").unwrap();
    std::fs::create_dir_all(root.path().join("book")).unwrap();
    std::fs::write(root.path().join("book/index.html"), "old book").unwrap();
    std::fs::write(committed.join("targets"), "figures\nbook\n").unwrap();
    let leftovers = mmsbook::workbook::leftovers(root.path(), &[]);
    assert!(
        leftovers.contains(&mmsbook::workbook::Difference::Temporary(
            ".regen-commit".into()
        )),
        "--check reports the interrupted swap: {leftovers:?}"
    );
    assert!(
        mmsbook::transaction::finish_interrupted(root.path()).unwrap(),
        "there was a swap to finish"
    );
    assert_eq!(
        std::fs::read_to_string(root.path().join("figures/a.svg")).unwrap(),
        "new",
        "figures/ swapped in"
    );
    assert_eq!(
        std::fs::read_to_string(root.path().join("book/index.html")).unwrap(),
        "new book",
        "book/ swapped in"
    );
    assert!(!committed.exists(), "the old set is removed");
    assert!(
        !mmsbook::transaction::finish_interrupted(root.path()).unwrap(),
        "nothing left to finish"
    );
}

#[test]
fn atomic_writes_never_replace_what_is_not_a_regular_file() {
    // A directory stands in for a device node (`--out /dev/null` as root), which a test must
    // not risk.
    let directory = tempfile::tempdir().unwrap();
    let target = directory.path().join("device.svg");
    std::fs::create_dir(&target).unwrap();
    let refused = mmsbook::figure::write_atomic(&target, b"<svg/>");
    assert!(
        refused.is_err() && target.is_dir(),
        "refused, and the directory is intact: {refused:?}"
    );
    assert_eq!(
        std::fs::read_dir(directory.path()).unwrap().count(),
        1,
        "no temporary file left"
    );
}

#[test]
fn ledger_pages_are_staged_and_swapped_with_the_figures() {
    use mmsbook::transaction::Transaction;
    use mmsbook::workbook::Output;
    let root = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(root.path().join("chapters/claims")).unwrap();
    std::fs::create_dir_all(root.path().join("figures")).unwrap();
    for (path, text) in [
        ("chapters/ledger.md", "old ledger"),
        ("chapters/claims/yang.md", "old table"),
        ("chapters/intro.md", "prose"),
        ("figures/a.svg", "old figure"),
    ] {
        std::fs::write(root.path().join(path), text).unwrap();
    }
    let outputs: Vec<Output> = [
        "chapters/ledger.md",
        "chapters/claims.json",
        "chapters/claims/yang.md",
        "figures/a.svg",
    ]
    .into_iter()
    .map(|path| Output {
        path: path.into(),
        contents: format!("new {path}").into_bytes(),
    })
    .collect();
    // Staged and dropped (a failure before the commit): nothing under the root changes.
    let mut abandoned = Transaction::begin(root.path()).unwrap();
    abandoned.write(&outputs).unwrap();
    drop(abandoned);
    assert_eq!(
        std::fs::read_to_string(root.path().join("chapters/ledger.md")).unwrap(),
        "old ledger",
        "an abandoned stage changes nothing"
    );
    assert!(
        !root.path().join("chapters/claims.json").exists()
            && mmsbook::transaction::stages(root.path())
                .unwrap()
                .is_empty()
    );
    // Committed: every output lands, the hand-written chapter is untouched.
    let mut transaction = Transaction::begin(root.path()).unwrap();
    transaction.write(&outputs).unwrap();
    transaction.commit().unwrap();
    for output in &outputs {
        assert_eq!(
            std::fs::read(root.path().join(&output.path)).unwrap(),
            output.contents,
            "{} swapped in",
            output.path.display()
        );
    }
    assert_eq!(
        std::fs::read_to_string(root.path().join("chapters/intro.md")).unwrap(),
        "prose",
        "chapters/ itself is not replaced"
    );
    // An output outside the root is refused before anything is written.
    let mut outside = Transaction::begin(root.path()).unwrap();
    let escape = Output {
        path: "../escape.md".into(),
        contents: Vec::new(),
    };
    assert!(matches!(
        outside.write(&[escape]),
        Err(mmsbook::transaction::TransactionError::OutsideRoot { .. })
    ));
}
