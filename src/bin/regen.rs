//! `regen`: rebuild every figure, the claims ledger and the HTML book with one command.
//!
//! ```text
//! cargo run --release --bin regen                          # everything
//! cargo run --release --bin regen -- --figure methods.mva_harris
//! cargo run --release --bin regen -- --part methods --no-book
//! cargo run --release --bin regen -- --check               # committed files up to date?
//! cargo run --release --bin regen -- --list
//! cargo run --release --bin regen -- claims --format json
//! ```

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use mmsbook::claims::Paper;
use mmsbook::figures::{FigureSpec, Part, registry};
use mmsbook::ledger::workbook_ledger;
use mmsbook::transaction::Transaction;
use mmsbook::workbook::{all_output_paths, compare_outputs, leftovers, render_outputs};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

#[path = "regen/event_cli.rs"]
mod event_cli;

#[derive(Parser)]
#[command(
    about = "Rebuild the workbook's figures, claims ledger and HTML book",
    version
)]
struct Cli {
    /// Print every figure id, and every claim id with its status as the committed ledger
    /// (chapters/claims.json) records it, then exit.
    #[arg(long)]
    list: bool,
    /// Only this part of the book: `methods` or a paper id (zhang2025, yang, shuster2026, richard2025).
    #[arg(long, value_name = "PART")]
    part: Option<String>,
    /// Only this figure (see --list).
    #[arg(long, value_name = "ID")]
    figure: Option<String>,
    /// Rebuild in memory and fail if any committed file differs, or if temporary, staging or
    /// orphan files lie among the generated ones.
    #[arg(long)]
    check: bool,
    /// Print the wall time of every step and the kernel benchmarks (as `cargo bench`).
    #[arg(long)]
    timings: bool,
    /// Skip building the HTML book.
    #[arg(long)]
    no_book: bool,
    /// Workbook root (where book.toml is); the current directory by default.
    #[arg(long, value_name = "DIR")]
    root: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Draw the Brazil plot (Richard et al. 2025, Fig. 4 analogue) of your own catalogue: a CSV
    /// with columns beta_par and perp_over_par, one row per ion distribution.
    Brazil {
        /// The catalogue CSV.
        csv: PathBuf,
        /// Where to write the SVG (the CSV of the plotted data goes beside it).
        #[arg(long, default_value = "brazil.svg")]
        out: PathBuf,
        /// Electron current fraction eta_e. Without any of the three fractions the thresholds
        /// are drawn as bands over the paper's ranges (eta_e = 0.3 +0.4/-0.2, eta_s = 3 +2/-1,
        /// eta_c in [1/10, 1/2]); with any of them, as lines at the given values (the paper's
        /// medians for those not given).
        #[arg(long)]
        eta_e: Option<f64>,
        /// Speiser drift ratio eta_s.
        #[arg(long)]
        eta_s: Option<f64>,
        /// Cold-ion temperature ratio eta_c.
        #[arg(long)]
        eta_c: Option<f64>,
    },
    /// Run a chapter's method on MMS Level-2 files on disk (the pySPEDAS layout under
    /// --data) over an interval, printing one JSON object.
    Event(event_cli::EventArgs),
    /// Write the synthetic MMS files in the real layout that test `regen event`.
    Fixtures {
        /// Where (the committed set is tests/data/mms).
        #[arg(long, value_name = "DIR", default_value = "tests/data/mms")]
        out: PathBuf,
    },
    /// Print the claims ledger.
    Claims {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Markdown)]
        format: Format,
        /// Only this paper's claims.
        #[arg(long, value_enum)]
        paper: Option<Paper>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Markdown,
}

/// Writes a line to standard output; a closed pipe or a full disk becomes an error that ends
/// the run with a message, where `println!` would panic.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout().lock(), $($arg)*).context("writing to standard output")?
    }};
}

fn main() {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) if !error.use_stderr() => error.exit(), // --help, --version
        Err(error) => {
            // One line, not clap's usage block: the first line of its message.
            let message = error.to_string();
            let first = message
                .lines()
                .next()
                .unwrap_or("invalid arguments")
                .trim_start_matches("error: ");
            complain(&format!("regen: {first} (see `regen --help`)"));
            std::process::exit(2);
        }
    };
    if let Err(error) = run(cli) {
        complain(&format!("regen: {error:#}"));
        std::process::exit(1);
    }
}

/// Writes a line to standard error, ignoring a failure: with stderr closed too there is no one
/// left to tell, and `eprintln!` would panic.
fn complain(message: &str) {
    use std::io::Write as _;
    let _ = writeln!(std::io::stderr().lock(), "{message}");
}

fn run(cli: Cli) -> Result<()> {
    if let Some(Command::Event(arguments)) = &cli.command {
        return event_cli::event(arguments);
    }
    if let Some(Command::Fixtures { out }) = &cli.command {
        let written = event_cli::fixtures(out)?;
        say!(
            "wrote {} fixture files under {}",
            written.len(),
            out.display()
        );
        return Ok(());
    }
    if let Some(Command::Brazil {
        csv,
        out,
        eta_e,
        eta_s,
        eta_c,
    }) = &cli.command
    {
        return brazil(csv, out, *eta_e, *eta_s, *eta_c);
    }
    if let Some(Command::Claims { format, paper }) = cli.command {
        let ledger = match paper {
            Some(paper) => mmsbook::ledger::paper_ledger(paper)?,
            None => workbook_ledger()?,
        };
        let text = match format {
            Format::Json => ledger.to_json(),
            Format::Markdown => ledger.to_markdown(),
        };
        {
            use std::io::Write as _;
            std::io::stdout()
                .lock()
                .write_all(text.as_bytes())
                .and_then(|()| std::io::stdout().flush())
                .context("writing to standard output")?;
        }
        return Ok(());
    }
    let figures = select_figures(cli.part.as_deref(), cli.figure.as_deref())?;
    let root = workbook_root(cli.root.as_deref())?;
    if cli.list {
        return list(&figures, &root);
    }
    let mut timings = Timings {
        started: Some(Instant::now()),
        ..Timings::default()
    };
    let whole_ledger = cli.figure.is_none() && cli.part.is_none();
    // A run for one figure or part writes (and checks) no ledger. The ledger is computed
    // beside the figures (they share cached models, see mmsbook::parallel), and its pages
    // follow the figures' files, as in a serial run.
    let (ledger, outputs) = std::thread::scope(|scope| {
        let ledger = scope.spawn(|| -> Result<_> {
            if !whole_ledger {
                return Ok(None);
            }
            let start = Instant::now();
            let ledger = workbook_ledger().context("claims ledger")?;
            Ok(Some((ledger, start.elapsed())))
        });
        let outputs = render_with_progress(&figures, &mut timings);
        (
            ledger
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            outputs,
        )
    });
    let ledger = ledger?.map(|(ledger, elapsed)| {
        timings.record("claims ledger (beside the figures)", elapsed);
        ledger
    });
    let mut outputs = outputs?;
    if let Some(ledger) = &ledger {
        outputs.extend(mmsbook::workbook::ledger_outputs(ledger));
    }

    if cli.check {
        let mut differences = compare_outputs(&root, &outputs);
        differences.extend(leftovers(&root, &all_output_paths()));
        timings.report(cli.timings)?;
        if !differences.is_empty() {
            for difference in &differences {
                complain(&difference.to_string());
            }
            bail!(
                "{} committed file(s) differ from a fresh rebuild or should not be there: run `cargo run --release --bin regen` and commit",
                differences.len()
            );
        }
        say!(
            "regen --check: {} files match a fresh rebuild",
            outputs.len()
        );
        return Ok(());
    }

    // Figures, ledger and book are staged and swapped in together: a failure or a kill before
    // the commit leaves the previous set (mmsbook::transaction).
    let mut transaction = Transaction::begin(&root)?;
    timings.step("write figures and ledger", || transaction.write(&outputs))?;
    let book = if cli.no_book {
        None
    } else {
        Some(timings.step("build HTML book", || transaction.build_book())?)
    };
    timings.step("swap in the new files", || transaction.commit())?;
    say!(
        "wrote {} files ({} figures{})",
        outputs.len(),
        figures.len(),
        if whole_ledger { ", ledger" } else { "" }
    );
    if let Some(book) = book {
        say!("book: {}", root.join(book).join("index.html").display());
    }
    if cli.timings {
        timings.benchmarks()?;
    }
    timings.report(cli.timings)?;
    Ok(())
}

/// The workbook root: `--root` or the current directory, which must hold `book.toml` (so a
/// mistyped or missing root is refused before anything is written there).
fn workbook_root(root: Option<&Path>) -> Result<PathBuf> {
    let root = match root {
        Some(root) => root.to_owned(),
        None => std::env::current_dir().context("finding the current directory")?,
    };
    if !root.join("book.toml").is_file() {
        bail!(
            "no book.toml in {}: run regen in the workbook root or pass --root DIR",
            root.display()
        );
    }
    Ok(root)
}

/// The book's Brazil-plot code on a user catalogue.
fn brazil(
    csv: &std::path::Path,
    out: &std::path::Path,
    eta_e: Option<f64>,
    eta_s: Option<f64>,
    eta_c: Option<f64>,
) -> Result<()> {
    use mmsbook::anisotropy::{CurrentFractions, bands::ThresholdRanges, brazil};
    let ranges = if eta_e.is_none() && eta_s.is_none() && eta_c.is_none() {
        ThresholdRanges::published()?
    } else {
        let medians = *ThresholdRanges::published()?.nominal();
        ThresholdRanges::exact(&CurrentFractions::new(
            eta_e.unwrap_or(medians.eta_e),
            eta_s.unwrap_or(medians.eta_s),
            eta_c.unwrap_or(medians.eta_c),
        )?)
    };
    let data = out.with_extension("csv");
    refuse_to_overwrite(csv, out, &data)?;
    let frame =
        mmsbook::binning::read_catalogue(csv, &[brazil::BETA_COLUMN, brazil::ANISOTROPY_COLUMN])?;
    let figure = mmsbook::figures::richard2025::catalogue_brazil(
        &frame,
        &ranges,
        &csv.display().to_string(),
        "regen brazil",
    )?;
    mmsbook::figure::write_atomic(out, figure.svg.as_bytes())?;
    mmsbook::figure::write_atomic(&data, figure.csv.as_bytes())?;
    say!("wrote {} and {}", out.display(), data.display());
    Ok(())
}

/// Refuses outputs that would destroy something: the SVG and its data CSV on the same path
/// (`--out x.csv`), either of them on the input catalogue (`regen brazil brazil.csv` writes
/// `brazil.csv` beside `brazil.svg`), or on something that is not a regular file (a rename
/// over `/dev/null` replaces the device node).
fn refuse_to_overwrite(input: &Path, svg: &Path, data: &Path) -> Result<()> {
    if svg == data {
        bail!(
            "--out {}: the plot and its data CSV would be the same file; give a path ending in .svg",
            svg.display()
        );
    }
    let input =
        std::fs::canonicalize(input).with_context(|| format!("reading {}", input.display()))?;
    for target in [svg, data] {
        if std::fs::canonicalize(target).is_ok_and(|t| t == input) {
            bail!(
                "--out {}: writing {} would overwrite the input catalogue; choose another --out",
                svg.display(),
                target.display()
            );
        }
        if std::fs::metadata(target).is_ok_and(|m| !m.is_file()) {
            bail!(
                "--out {}: {} exists and is not a regular file",
                svg.display(),
                target.display()
            );
        }
    }
    Ok(())
}

fn select_figures(part: Option<&str>, figure: Option<&str>) -> Result<Vec<FigureSpec>> {
    let mut figures = registry();
    if let Some(part) = part {
        let known: Vec<&str> = Part::all().iter().map(|p| p.id()).collect();
        if !known.contains(&part) {
            bail!(
                "unknown part `{part}`; expected one of: {}",
                known.join(", ")
            );
        }
        figures.retain(|spec| spec.part.id() == part);
    }
    if let Some(id) = figure {
        figures.retain(|spec| spec.id == id);
        if figures.is_empty() {
            bail!("unknown figure `{id}`; `regen --list` prints the ids");
        }
    }
    Ok(figures)
}

/// The figure ids, and the claim ids as the committed ledger records them: listing needs no
/// computation, and `regen --check` fails whenever that ledger is not what the code computes.
fn list(figures: &[FigureSpec], root: &Path) -> Result<()> {
    let claims = mmsbook::ledger::committed_claims(root)?;
    say!("figures:");
    for spec in figures {
        say!("  {:<36} {:<12} {}", spec.id, spec.part.id(), spec.producer);
    }
    say!(
        "claims (as last generated, in {}):",
        mmsbook::ledger::COMMITTED_LEDGER
    );
    for claim in claims {
        say!("  {:<40} {:<17} {}", claim.id, claim.status, claim.quantity);
    }
    Ok(())
}

fn render_with_progress(
    figures: &[FigureSpec],
    timings: &mut Timings,
) -> Result<Vec<mmsbook::workbook::Output>> {
    let bar = ProgressBar::new(figures.len() as u64);
    bar.set_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}").expect("static template"),
    );
    // Figures render on several threads: their times are collected here and reported in
    // registry order.
    let elapsed = std::sync::Mutex::new(Vec::new());
    let outputs = render_outputs(figures, None, |id, time| match time {
        None => bar.set_message(id.to_owned()),
        Some(time) => {
            bar.inc(1);
            if let Ok(mut elapsed) = elapsed.lock() {
                elapsed.push((id.to_owned(), time));
            }
        }
    })?;
    bar.finish_and_clear();
    let mut elapsed = elapsed
        .into_inner()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    elapsed.sort_by_key(|(id, _)| figures.iter().position(|spec| spec.id == id));
    for (id, time) in elapsed {
        timings.record(&format!("figure {id}"), time);
    }
    Ok(outputs)
}

#[derive(Default)]
struct Timings {
    steps: Vec<(String, Duration)>,
    notes: Vec<String>,
    /// When the run started: the figures and the ledger overlap, so the wall time is less
    /// than the sum of the steps.
    started: Option<Instant>,
}

impl Timings {
    fn step<T, E: Into<anyhow::Error>>(
        &mut self,
        name: &str,
        work: impl FnOnce() -> Result<T, E>,
    ) -> Result<T> {
        let start = Instant::now();
        let value = work()
            .map_err(Into::into)
            .with_context(|| name.to_owned())?;
        self.record(name, start.elapsed());
        Ok(value)
    }

    fn record(&mut self, name: &str, elapsed: Duration) {
        self.steps.push((name.to_owned(), elapsed));
    }

    /// The kernel lines: the library's benchmarks (the same code as `cargo bench`), each
    /// against a baseline measured in the same run.
    fn benchmarks(&mut self) -> Result<()> {
        for comparison in mmsbook::benchmarks::all()? {
            self.notes.push(comparison.line());
        }
        Ok(())
    }

    fn report(&self, show: bool) -> Result<()> {
        if !show {
            return Ok(());
        }
        let total: Duration = self.steps.iter().map(|(_, d)| *d).sum();
        say!("{:<48} {:>10}", "step", "wall (ms)");
        for (name, elapsed) in &self.steps {
            say!("{name:<48} {:>10.1}", elapsed.as_secs_f64() * 1e3);
        }
        say!(
            "{:<48} {:>10.1}",
            "sum of the steps (they overlap)",
            total.as_secs_f64() * 1e3
        );
        if let Some(started) = self.started {
            say!(
                "{:<48} {:>10.1}",
                "wall",
                started.elapsed().as_secs_f64() * 1e3
            );
        }
        for note in &self.notes {
            say!("{note}");
        }
        Ok(())
    }
}
