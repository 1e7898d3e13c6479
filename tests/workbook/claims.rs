//! The claims ledger: the one status rule, applied both ways over the whole ledger; the
//! intervals printed precision implies; uncertainty propagation against known answers; the
//! snapshot with values, intervals and basis; the JSON interface's shape.

use mmsbook::claims::{
    Basis, Claim, ClaimError, Computed, Counts, Interval, Ledger, Paper, Precision,
    PropagationError, Quoted, Status, Towards, corners, exact, first_order, format_significant,
    limit, monte_carlo, one_at_a_time,
};
use mmsbook::ledger::workbook_ledger;
use proptest::prelude::*;
use std::sync::OnceLock;

/// Significant digits of values and interval ends in the snapshot: enough to see a real
/// change (a loosened interval shows), few enough that round-off never does.
const SNAPSHOT_DIGITS: usize = 4;

fn ledger() -> &'static Ledger {
    static LEDGER: OnceLock<Ledger> = OnceLock::new();
    LEDGER.get_or_init(|| workbook_ledger().expect("every claim computes"))
}

fn interval_text(interval: Interval) -> String {
    let end = |x: f64| {
        if x.is_finite() {
            format_significant(x, SNAPSHOT_DIGITS)
        } else {
            format!("{x}")
        }
    };
    format!("[{}, {}]", end(interval.lo()), end(interval.hi()))
}

/// `text` with every long number in it at [`SNAPSHOT_DIGITS`] (a propagation's computed error
/// bound, whose last digits are round-off), short ones (a stated `1e-8`) as they are.
fn numbers_rounded(text: &str) -> String {
    text.split(' ')
        .map(|word| {
            let number = word.trim_end_matches([',', ';', ')']);
            match number.parse::<f64>() {
                Ok(x) if x.is_finite() && number.len() > 8 => format!(
                    "{}{}",
                    format_significant(x, SNAPSHOT_DIGITS),
                    &word[number.len()..]
                ),
                _ => word.to_owned(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn snapshot_lines(ledger: &Ledger) -> String {
    ledger
        .claims()
        .iter()
        .map(|claim| {
            let computed = match (&claim.reproduced, claim.readings.is_empty()) {
                (Some(r), _) => format!(
                    "{} {} ({})",
                    format_significant(r.value, SNAPSHOT_DIGITS),
                    interval_text(r.interval),
                    numbers_rounded(&r.propagation.to_string())
                ),
                (None, false) => claim
                    .readings
                    .iter()
                    .map(|r| match (r.value, r.interval) {
                        (Some(v), Some(i)) => format!(
                            "\n    {}: {} {} -> {}",
                            r.name,
                            format_significant(v, SNAPSHOT_DIGITS),
                            interval_text(i),
                            r.status.as_str()
                        ),
                        _ => format!("\n    {}: - -> {}", r.name, r.status.as_str()),
                    })
                    .collect(),
                (None, true) => "-".to_owned(),
            };
            format!(
                "{} | {} | published {} {} {} ({}) | computed {} | {}",
                claim.id,
                claim.basis.as_str(),
                claim.published.value,
                claim.published.unit,
                interval_text(claim.published.interval),
                claim.published.precision,
                computed,
                claim.status().as_str()
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn ledger_snapshot_per_paper() {
    for paper in Paper::ALL {
        insta::assert_snapshot!(
            format!("ledger_{}", paper.id()),
            snapshot_lines(&ledger().for_paper(paper))
        );
    }
}

/// The rule restated independently of `Status::derive`: one verdict per computation, the
/// common verdict when they agree.
fn expected_status(claim: &Claim) -> Status {
    let published = claim.published.interval;
    let verdicts: Vec<&str> = claim
        .computed_intervals()
        .iter()
        .map(|c| match c {
            None => "needs-data",
            Some(c) if c.hi() < published.lo() || c.lo() > published.hi() => "discrepancy",
            Some(_) => "reproduced",
        })
        .collect();
    match verdicts.first() {
        None => Status::NeedsData,
        Some(first) if verdicts.iter().all(|v| v == first) => Status::ALL
            .into_iter()
            .find(|s| s.as_str() == *first)
            .unwrap(),
        Some(_) => Status::ReadingDependent,
    }
}

#[test]
fn every_status_follows_the_rule_both_ways() {
    assert!(
        ledger().claims().len() > 50,
        "the ledger holds the four papers' claims"
    );
    for claim in ledger().claims() {
        assert_eq!(
            claim.status(),
            expected_status(claim),
            "{}: status does not follow from its intervals",
            claim.id
        );
        for reading in &claim.readings {
            let expected = match reading.interval {
                None => Status::NeedsData,
                Some(i) if i.overlaps(claim.published.interval) => Status::Reproduced,
                Some(_) => Status::Discrepancy,
            };
            assert_eq!(
                reading.status, expected,
                "{}: reading `{}`",
                claim.id, reading.name
            );
        }
    }
    assert!(
        ledger().inconsistent().is_empty(),
        "no claim disagrees with the rule"
    );
}

#[test]
fn the_consistency_check_catches_a_tampered_interval_in_either_direction() {
    let find = |status| {
        ledger()
            .claims()
            .iter()
            .find(|c| c.status() == status && c.reproduced.is_some())
            .cloned()
            .expect("a claim with that status")
    };
    // A reproduced claim whose interval is moved away, and a discrepancy moved onto its value.
    let mut moved_away = find(Status::Reproduced);
    let published = moved_away.published.interval;
    let span = (published.hi() - published.lo()).max(1.0);
    moved_away.reproduced.as_mut().unwrap().interval =
        Interval::new(published.hi() + span, published.hi() + 2.0 * span).unwrap();
    let mut moved_onto = find(Status::Discrepancy);
    let target = moved_onto.published.interval;
    let inside = if target.lo().is_finite() {
        target.lo()
    } else {
        target.hi()
    };
    moved_onto.reproduced.as_mut().unwrap().interval = Interval::point(inside).unwrap();
    for claim in [moved_away, moved_onto] {
        let mut tampered = Ledger::new();
        tampered.push(claim.clone()).unwrap();
        assert_eq!(
            tampered.inconsistent().len(),
            1,
            "{}: a stored status that no longer follows is caught",
            claim.id
        );
    }
}

#[test]
fn no_claims_file_sets_a_status() {
    for paper_module in ["force_balance", "flux_rope", "smile", "anisotropy"] {
        let path = format!(
            "{}/src/{paper_module}/claims.rs",
            env!("CARGO_MANIFEST_DIR")
        );
        let source = std::fs::read_to_string(&path).unwrap();
        assert!(
            !source.contains("Status::"),
            "{path} names a status: statuses come only from the rule"
        );
        assert!(
            !source.contains(".expect("),
            "{path} pins a status with `expect`"
        );
    }
}

#[test]
fn every_claim_has_a_basis_and_counts_add_up() {
    let counts = Counts::of(ledger());
    let total: usize = Basis::ALL
        .iter()
        .map(|&b| counts.count(None, None, Some(b)))
        .sum();
    assert_eq!(
        total,
        ledger().claims().len(),
        "each claim counted once by basis"
    );
    let by_status: usize = Status::ALL
        .iter()
        .map(|&s| counts.count(None, Some(s), None))
        .sum();
    assert_eq!(
        by_status,
        ledger().claims().len(),
        "each claim counted once by status"
    );
    let reproductions = ledger()
        .claims()
        .iter()
        .filter(|c| c.is_reproduction())
        .count();
    assert_eq!(
        counts.reproductions(None),
        reproductions,
        "reproductions are reproduced model or derivation claims"
    );
    assert!(
        ledger()
            .claims()
            .iter()
            .filter(|c| matches!(c.basis, Basis::Arithmetic | Basis::Input))
            .all(|c| !c.is_reproduction()),
        "arithmetic and input claims never count as reproductions"
    );
}

#[test]
fn json_interface_has_the_documented_fields() {
    let json: serde_json::Value = serde_json::from_str(&ledger().to_json()).unwrap();
    let claims = json.as_array().expect("an array of claims");
    assert_eq!(claims.len(), ledger().claims().len());
    for claim in claims {
        for field in [
            "id",
            "paper",
            "source",
            "quantity",
            "basis",
            "status",
            "published",
            "reproduced",
            "readings",
            "note",
        ] {
            assert!(claim.get(field).is_some(), "claim lacks `{field}`: {claim}");
        }
        let published = &claim["published"];
        assert!(
            published["value"].is_number()
                && published["unit"].is_string()
                && published["precision"].is_string()
        );
        assert_eq!(
            published["interval"].as_array().map(Vec::len),
            Some(2),
            "published interval is [lo, hi]"
        );
        let status = claim["status"].as_str().unwrap();
        assert!(
            [
                "reproduced",
                "discrepancy",
                "reading-dependent",
                "needs-data"
            ]
            .contains(&status)
        );
        assert!(
            ["model", "derivation", "arithmetic", "input"]
                .contains(&claim["basis"].as_str().unwrap())
        );
        let reproduced = &claim["reproduced"];
        if !reproduced.is_null() {
            assert!(reproduced["value"].is_number());
            assert_eq!(
                reproduced["unit"], published["unit"],
                "same unit on both sides"
            );
            let ends = reproduced["interval"]
                .as_array()
                .expect("computed interval");
            assert!(
                ends.iter().all(serde_json::Value::is_number),
                "computed intervals are finite"
            );
        }
        let readings = claim["readings"].as_array().unwrap();
        if status == "reading-dependent" {
            assert!(
                readings.len() >= 2,
                "a reading-dependent claim lists its readings"
            );
        }
        if status == "needs-data" {
            assert!(
                reproduced.is_null(),
                "nothing computed for a needs-data claim"
            );
        }
        let paper = claim["paper"].as_str().unwrap();
        assert!(
            claim["id"]
                .as_str()
                .unwrap()
                .starts_with(&format!("{paper}.")),
            "id carries the paper id"
        );
    }
}

#[test]
fn markdown_has_one_table_row_per_claim_and_the_counts() {
    let markdown = ledger().to_markdown();
    for claim in ledger().claims() {
        assert_eq!(
            markdown
                .matches(&format!("<tr class=\"claim\" id=\"{}\">", claim.id))
                .count(),
            1,
            "one anchored row for {}",
            claim.id
        );
    }
    for table in markdown.split("<table class=\"claims\">").skip(1) {
        let header = &table[..table.find("</thead>").expect("a header")];
        assert_eq!(
            header.matches("<th>").count(),
            mmsbook::claims::TABLE_COLUMNS.len(),
            "four columns in every claims table"
        );
        let body = &table[..table.find("</table>").expect("a closed table")];
        assert!(
            !body.contains("<j_y>") && !body.contains('$'),
            "text is escaped for HTML and the math preprocessor"
        );
    }
    let total_row = format!(" {} |\n", ledger().claims().len());
    assert!(
        markdown.contains("| all | all |") && markdown.contains(&total_row),
        "the counts table ends with the total"
    );
    assert!(
        Ledger::new().to_markdown().contains("No claims"),
        "an empty ledger says so"
    );
}

fn quoted(value: f64, precision: Precision) -> Quoted {
    Quoted::new(value, precision, "test", "x")
}

fn assert_interval(q: Quoted, lo: f64, hi: f64) {
    let i = q.interval().unwrap();
    let close = |a: f64, b: f64| a == b || (a - b).abs() <= 1e-12 * b.abs().max(1e-300);
    assert!(
        close(i.lo(), lo) && close(i.hi(), hi),
        "{:?} -> [{}, {}], expected [{lo}, {hi}]",
        q.precision,
        i.lo(),
        i.hi()
    );
}

#[test]
fn printed_precision_gives_the_interval_the_digits_allow() {
    assert_interval(quoted(7.9, Precision::Significant(2)), 7.85, 7.95);
    assert_interval(quoted(673.0, Precision::Significant(3)), 672.5, 673.5);
    assert_interval(quoted(20.0, Precision::Significant(2)), 19.5, 20.5);
    assert_interval(quoted(3400.0, Precision::Significant(2)), 3350.0, 3450.0);
    assert_interval(quoted(25.0, Precision::Step(5.0)), 22.5, 27.5);
    assert_interval(quoted(0.045, Precision::Significant(2)), 0.0445, 0.0455);
    assert_interval(quoted(-8.5, Precision::Significant(2)), -8.55, -8.45);
    assert_interval(quoted(4e-28, Precision::Significant(1)), 3.5e-28, 4.5e-28);
    assert_interval(quoted(0.0, Precision::Decimals(1)), -0.05, 0.05);
    assert_interval(quoted(10.0, Precision::Below), f64::NEG_INFINITY, 10.0);
    assert_interval(quoted(0.0, Precision::Above), 0.0, f64::INFINITY);
    assert_interval(quoted(2.5, Precision::Range { lo: 2.0, hi: 3.0 }), 2.0, 3.0);
    assert_interval(
        quoted(0.3, Precision::Stated { lo: 0.1, hi: 0.7 }),
        0.1,
        0.7,
    );
    assert_interval(
        quoted(10.0, Precision::OrderOfMagnitude),
        10.0 / 10f64.sqrt(),
        10.0 * 10f64.sqrt(),
    );
    assert_interval(
        quoted(-4e-28, Precision::OrderOfMagnitude),
        -4e-28 * 10f64.sqrt(),
        -4e-28 / 10f64.sqrt(),
    );
    let positive = quoted(1.0, Precision::Sign).interval().unwrap();
    assert!(
        positive.lo() > 0.0 && !positive.contains(0.0) && !positive.contains(-1.0),
        "a positive sign excludes zero and negatives"
    );
    let negative = quoted(-1.0, Precision::Sign).interval().unwrap();
    assert!(
        negative.hi() < 0.0 && negative.contains(-1e-300),
        "a negative sign is (-inf, 0)"
    );
}

#[test]
fn precisions_that_cannot_apply_are_typed_errors_not_overflows() {
    for (case, q) in [
        (
            "zero at significant figures",
            quoted(0.0, Precision::Significant(2)),
        ),
        (
            "no significant figures",
            quoted(1.0, Precision::Significant(0)),
        ),
        (
            "zero as an order of magnitude",
            quoted(0.0, Precision::OrderOfMagnitude),
        ),
        ("zero as a sign", quoted(0.0, Precision::Sign)),
        ("NaN", quoted(f64::NAN, Precision::Exact)),
        ("infinite", quoted(f64::INFINITY, Precision::Significant(2))),
        (
            "value outside its range",
            quoted(4.0, Precision::Range { lo: 2.0, hi: 3.0 }),
        ),
        (
            "reversed range",
            quoted(2.5, Precision::Range { lo: 3.0, hi: 2.0 }),
        ),
        ("zero step", quoted(25.0, Precision::Step(0.0))),
        ("NaN step", quoted(25.0, Precision::Step(f64::NAN))),
    ] {
        assert!(q.interval().is_err(), "{case} must be rejected");
    }
}

#[test]
fn corners_are_exact_for_a_monotone_map() {
    // x y on [1, 2] x [3, 4] spans [3, 8].
    let x = quoted(1.5, Precision::Stated { lo: 1.0, hi: 2.0 });
    let y = quoted(3.5, Precision::Stated { lo: 3.0, hi: 4.0 });
    let product = corners(&[x, y], |v| Ok::<_, PropagationError>(v[0] * v[1])).unwrap();
    assert_eq!(
        (product.value, product.interval.lo(), product.interval.hi()),
        (5.25, 3.0, 8.0)
    );
    // A ratio is decreasing in its denominator: 1/y on [3, 4] spans [1/4, 1/3].
    let ratio = corners(&[y], |v| Ok::<_, PropagationError>(1.0 / v[0])).unwrap();
    assert!(
        (ratio.interval.lo() - 0.25).abs() < 1e-15
            && (ratio.interval.hi() - 1.0 / 3.0).abs() < 1e-15
    );
}

#[test]
fn corners_refuse_a_map_that_is_not_monotone_and_monte_carlo_covers_it() {
    // (x - 1)^2 on [0, 2] is 1 at both corners and 0 in the middle: the true range is [0, 1],
    // and corners with the printed value 0.5 would report [0.25, 1].
    let x = quoted(0.5, Precision::Stated { lo: 0.0, hi: 2.0 });
    let parabola = |v: &[f64]| Ok::<_, PropagationError>((v[0] - 1.0).powi(2));
    assert!(
        matches!(
            corners(&[x], parabola),
            Err(PropagationError::NotMonotone { .. })
        ),
        "corners would miss the minimum"
    );
    let sampled = monte_carlo(&[x], 4000, 7, parabola).unwrap();
    assert!(
        sampled.interval.lo() < 1e-6
            && sampled.interval.hi() > 0.99
            && sampled.interval.hi() <= 1.0,
        "Monte Carlo spans [0, 1]: {:?}",
        sampled.interval
    );
    let again = monte_carlo(&[x], 4000, 7, parabola).unwrap();
    assert_eq!(sampled, again, "a seeded run is reproducible");
}

#[test]
fn first_order_is_exact_for_a_sum_and_close_for_a_small_product() {
    let a = quoted(2.0, Precision::Significant(2));
    let b = quoted(-3.0, Precision::Significant(2));
    let sum = one_at_a_time(&[a, b], |v| Ok::<_, PropagationError>(v[0] - 2.0 * v[1])).unwrap();
    assert!(
        (sum.interval.lo() - (1.95 + 5.9)).abs() < 1e-12
            && (sum.interval.hi() - (2.05 + 6.1)).abs() < 1e-12,
        "{:?}",
        sum.interval
    );
    let (p, q) = (
        quoted(7.9, Precision::Significant(2)),
        quoted(9.3, Precision::Significant(2)),
    );
    let exact_box = corners(&[p, q], |v| Ok::<_, PropagationError>(v[0] / v[1])).unwrap();
    let linear = one_at_a_time(&[p, q], |v| Ok::<_, PropagationError>(v[0] / v[1])).unwrap();
    let width = exact_box.interval.hi() - exact_box.interval.lo();
    assert!(
        (linear.interval.lo() - exact_box.interval.lo()).abs() < 0.01 * width,
        "first order matches corners to 1% of the width"
    );
    let direct = first_order(1.0, &[[0.9, 1.2], [1.05, 0.97]]).unwrap();
    assert!(
        (direct.interval.lo() - 0.87).abs() < 1e-12 && (direct.interval.hi() - 1.25).abs() < 1e-12,
        "{:?}",
        direct.interval
    );
}

#[test]
fn limits_carry_the_error_of_the_last_decade() {
    // (1 + 2/x)^-1 / x -> 1/2 and x^(1/2) -> 0: the interval holds the limit and excludes
    // the stated-but-wrong value.
    let half = limit(Towards::Zero, |x| {
        Ok::<_, PropagationError>(1.0 / (1.0 + 2.0 / x) / x)
    })
    .unwrap();
    assert!(half.interval.contains(0.5) && !half.interval.contains(1.0));
    let slow = limit(Towards::Zero, |x| Ok::<_, PropagationError>(x.sqrt())).unwrap();
    assert!(
        slow.interval.contains(0.0),
        "a square-root approach is still covered"
    );
    let infinity = limit(Towards::Infinity, |x| {
        Ok::<_, PropagationError>(1.0 - 1.0 / x)
    })
    .unwrap();
    assert!(infinity.interval.contains(1.0));
}

fn example() -> mmsbook::claims::ClaimBuilder {
    Claim::builder("zhang2025.example", Paper::Zhang2025)
        .source("Sec. 3")
        .quantity("a thickness")
        .published(quoted(673.0, Precision::Significant(3)), "km")
        .basis(Basis::Model)
        .computed(Computed {
            value: 673.4,
            interval: Interval::point(673.4).unwrap(),
            propagation: exact(673.4).unwrap().propagation,
        })
}

#[test]
fn the_builder_refuses_a_status_the_rule_does_not_give_in_either_direction() {
    assert_eq!(
        example()
            .expect(Status::Reproduced)
            .build()
            .unwrap()
            .status(),
        Status::Reproduced,
        "673.4 rounds to 673"
    );
    let outside = example()
        .computed(exact(673.6).unwrap())
        .note("rounds to 674");
    assert!(
        matches!(
            outside.clone().expect(Status::Reproduced).build(),
            Err(ClaimError::StatusMismatch { .. })
        ),
        "673.6 is not reproduced"
    );
    assert_eq!(
        outside
            .expect(Status::Discrepancy)
            .build()
            .unwrap()
            .status(),
        Status::Discrepancy
    );
    assert!(
        matches!(
            example().expect(Status::Discrepancy).note("x").build(),
            Err(ClaimError::StatusMismatch { .. })
        ),
        "673.4 is no discrepancy"
    );
    let widened = example().computed(Computed {
        value: 673.6,
        interval: Interval::new(673.4, 673.8).unwrap(),
        ..exact(673.6).unwrap()
    });
    assert_eq!(
        widened.build().unwrap().status(),
        Status::Reproduced,
        "an interval reaching into the published one reproduces"
    );
}

#[test]
fn readings_give_their_own_verdicts_and_the_claim_the_common_one() {
    let base = || example().note("a choice is open");
    let (inside, outside) = (exact(673.2).unwrap(), exact(700.0).unwrap());
    let both = Claim::builder("zhang2025.readings", Paper::Zhang2025)
        .source("s")
        .quantity("q")
        .published(quoted(673.0, Precision::Significant(3)), "km")
        .basis(Basis::Model);
    let mixed = both
        .clone()
        .reading("a", inside)
        .reading("b", outside)
        .note("which reading decides")
        .build()
        .unwrap();
    assert_eq!(mixed.status(), Status::ReadingDependent);
    assert_eq!(
        mixed.readings.iter().map(|r| r.status).collect::<Vec<_>>(),
        [Status::Reproduced, Status::Discrepancy]
    );
    assert_eq!(
        both.clone()
            .reading("a", inside)
            .reading("b", inside)
            .build()
            .unwrap()
            .status(),
        Status::Reproduced,
        "agreeing readings"
    );
    assert_eq!(
        both.clone()
            .reading("a", outside)
            .reading_needing_data("b")
            .note("n")
            .build()
            .unwrap()
            .status(),
        Status::ReadingDependent
    );
    assert!(matches!(
        base().reading("a", inside).reading("b", inside).build(),
        Err(ClaimError::ValueAndReadings { .. })
    ));
    assert!(matches!(
        both.reading("only", inside).build(),
        Err(ClaimError::SingleReading { .. })
    ));
}

#[test]
fn malformed_claims_are_typed_errors() {
    let plain = || {
        Claim::builder("zhang2025.x", Paper::Zhang2025)
            .source("s")
            .quantity("q")
            .published(quoted(1.0, Precision::Exact), "km")
            .basis(Basis::Model)
    };
    let cases: Vec<(&str, Result<Claim, ClaimError>)> = vec![
        (
            "id without paper prefix",
            Claim::builder("thickness", Paper::Zhang2025)
                .source("s")
                .quantity("q")
                .published(quoted(1.0, Precision::Exact), "km")
                .basis(Basis::Model)
                .computed(exact(1.0).unwrap())
                .build(),
        ),
        (
            "id of another paper",
            Claim::builder("yang.thickness", Paper::Zhang2025)
                .source("s")
                .quantity("q")
                .published(quoted(1.0, Precision::Exact), "km")
                .basis(Basis::Model)
                .computed(exact(1.0).unwrap())
                .build(),
        ),
        (
            "NaN computed",
            plain()
                .computed(Computed {
                    value: f64::NAN,
                    ..exact(1.0).unwrap()
                })
                .build(),
        ),
        (
            "value outside its own interval",
            plain()
                .computed(Computed {
                    value: 5.0,
                    ..exact(1.0).unwrap()
                })
                .build(),
        ),
        (
            "published without an interval",
            plain()
                .published(quoted(0.0, Precision::Significant(2)), "km")
                .computed(exact(1.0).unwrap())
                .build(),
        ),
        (
            "unexplained discrepancy",
            plain().computed(exact(2.0).unwrap()).build(),
        ),
        ("unexplained needs-data", plain().build()),
        (
            "no basis",
            Claim::builder("zhang2025.x", Paper::Zhang2025)
                .source("s")
                .quantity("q")
                .published(quoted(1.0, Precision::Exact), "km")
                .computed(exact(1.0).unwrap())
                .build(),
        ),
        (
            "no source",
            plain().source("").computed(exact(1.0).unwrap()).build(),
        ),
    ];
    for (case, result) in cases {
        assert!(result.is_err(), "{case} must be rejected");
    }
    let mut ledger = Ledger::new();
    ledger
        .push(plain().computed(exact(1.0).unwrap()).build().unwrap())
        .unwrap();
    assert!(matches!(
        ledger.push(plain().computed(exact(1.0).unwrap()).build().unwrap()),
        Err(ClaimError::DuplicateId { .. })
    ));
}

proptest! {
    /// The rule is an order-free function of the verdicts: shuffling readings never changes it,
    /// and a claim reproduces exactly when every interval meets the published one.
    #[test]
    fn the_rule_depends_only_on_which_intervals_overlap(
        centre in -100.0f64..100.0, half in 0.01f64..10.0,
        ends in proptest::collection::vec((-120.0f64..120.0, 0.0f64..20.0), 1..5),
    ) {
        let published = Interval::new(centre - half, centre + half).unwrap();
        let computed: Vec<Option<Interval>> = ends.iter().map(|&(lo, width)| Interval::new(lo, lo + width)).collect();
        let status = Status::derive(published, &computed);
        let mut reversed = computed.clone();
        reversed.reverse();
        prop_assert_eq!(status, Status::derive(published, &reversed));
        let overlapping = computed.iter().flatten().filter(|c| c.overlaps(published)).count();
        prop_assert_eq!(status == Status::Reproduced, overlapping == computed.len());
        prop_assert_eq!(status == Status::Discrepancy, overlapping == 0);
    }
}

proptest! {
    /// Hostile numbers never panic, hang or come back as NaN: each entry point of the claims
    /// toolkit answers with a finite interval or a typed error.
    #[test]
    fn hostile_numbers_give_intervals_or_typed_errors(
        value in prop_oneof![Just(f64::NAN), Just(f64::INFINITY), Just(f64::NEG_INFINITY), Just(0.0), Just(-0.0), Just(1e308), Just(-1e-308), -1e6f64..1e6],
        other in prop_oneof![Just(f64::NAN), Just(f64::INFINITY), Just(0.0), Just(1e308), -1e6f64..1e6],
        digits in 0u8..=255,
    ) {
        let precisions = [
            Precision::Significant(digits), Precision::Decimals(digits), Precision::Step(other), Precision::Exact, Precision::Below,
            Precision::Above, Precision::Range { lo: other, hi: value }, Precision::Stated { lo: value, hi: other },
            Precision::OrderOfMagnitude, Precision::Sign,
        ];
        for precision in precisions {
            let q = quoted(value, precision);
            if let Ok(interval) = q.interval() {
                prop_assert!(!interval.lo().is_nan() && !interval.hi().is_nan() && interval.lo() <= interval.hi());
            }
            let identity = |x: &[f64]| Ok::<_, PropagationError>(x[0] * other);
            for result in [corners(&[q], identity), one_at_a_time(&[q], identity), monte_carlo(&[q], 16, 1, identity)] {
                if let Ok(c) = result {
                    prop_assert!(c.value.is_finite() && c.interval.contains(c.value), "{:?}", c);
                }
            }
        }
        prop_assert!(first_order(value, &[[other, value]]).map_or(true, |c| c.value.is_finite()));
        let _ = limit(Towards::Zero, |x| Ok::<_, PropagationError>(value / x)).map(|c| assert!(c.interval.lo() <= c.interval.hi()));
    }

    #[test]
    fn text_helpers_take_any_string(text in ".{0,80}") {
        let _ = mmsbook::typography::superscripts(&text);
        let ids: std::collections::HashSet<String> = ["yang.rope_radius".to_owned()].into();
        let _ = mmsbook::book::link_claims(&text, Some("yang"), &ids);
        let _ = mmsbook::book::link_dois(&text);
        let _ = mmsbook::book::mentioned_claims(&text, Some("yang"), &ids);
        let pages: std::collections::HashMap<String, String> = [("yang.rope_radius".to_owned(), "yang.md".to_owned())].into();
        let _ = mmsbook::book::link_rows_to_text(&text, &pages, "ledger.md");
        let numbers: std::collections::HashMap<String, String> = [("yang.profiles".to_owned(), "8.1".to_owned())].into();
        let _ = mmsbook::book::number_figures(&text, &numbers);
        let _ = mmsbook::book::number_figures(&format!("[Figure]({text}"), &numbers);
    }
}

#[test]
fn monte_carlo_refuses_sample_counts_that_would_hang() {
    let x = quoted(1.0, Precision::Significant(2));
    let f = |v: &[f64]| Ok::<_, PropagationError>(v[0]);
    for samples in [0, mmsbook::claims::MAX_MONTE_CARLO_SAMPLES + 1, usize::MAX] {
        assert!(
            matches!(
                monte_carlo(&[x], samples, 1, f),
                Err(PropagationError::BadSampleCount { .. })
            ),
            "{samples} samples"
        );
    }
}

#[test]
fn absurd_digit_counts_are_capped_not_allocated() {
    use mmsbook::claims::format_significant;
    assert_eq!(
        format_significant(1.5, 1 << 40),
        format_significant(1.5, 17)
    );
    assert_eq!(
        format_significant(0.0, 1 << 40),
        format_significant(0.0, 17)
    );
}
