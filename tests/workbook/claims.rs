//! The claims ledger: every claim computed now, reproduced claims within tolerance, the whole
//! ledger snapshotted at fixed significant digits, and the JSON interface's shape.

use mmsbook::claims::{Claim, ClaimError, Ledger, Paper, Status, Tolerance, format_significant};
use mmsbook::ledger::workbook_ledger;

/// Significant digits of reproduced values in the snapshot: enough to see a real change,
/// few enough that round-off never does.
const SNAPSHOT_DIGITS: usize = 4;

fn snapshot_lines(ledger: &Ledger) -> String {
    if ledger.claims().is_empty() {
        return "(no claims yet)".to_owned();
    }
    ledger
        .claims()
        .iter()
        .map(|claim| {
            let reproduced = claim.reproduced.value.map_or("-".to_owned(), |v| format_significant(v, SNAPSHOT_DIGITS));
            format!(
                "{} | published {} {} | reproduced {} | {}",
                claim.id, claim.published.value, claim.published.unit, reproduced, claim.status.as_str()
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn ledger_snapshot_per_paper() {
    let ledger = workbook_ledger().expect("every claim computes");
    for paper in Paper::ALL {
        insta::assert_snapshot!(format!("ledger_{}", paper.id()), snapshot_lines(&ledger.for_paper(paper)));
    }
}

#[test]
fn every_reproduced_claim_is_within_its_tolerance() {
    let ledger = workbook_ledger().unwrap();
    assert!(!ledger.claims().is_empty(), "the ledger has claims");
    for claim in ledger.claims().iter().filter(|c| c.status == Status::Reproduced) {
        assert!(
            claim.within_tolerance(),
            "{}: published {} {}, reproduced {:?} outside tolerance ({})",
            claim.id, claim.published.value, claim.published.unit, claim.reproduced.value, claim.tolerance.reason
        );
    }
    assert!(ledger.inconsistent().is_empty());
}

#[test]
fn json_interface_has_the_documented_fields() {
    let json: serde_json::Value = serde_json::from_str(&workbook_ledger().unwrap().to_json()).unwrap();
    let claims = json.as_array().expect("an array of claims");
    for claim in claims {
        for field in ["id", "paper", "source", "quantity", "tolerance", "status", "note"] {
            assert!(claim.get(field).is_some(), "claim lacks `{field}`: {claim}");
        }
        assert!(claim["published"]["value"].is_number() && claim["published"]["unit"].is_string());
        assert!(claim["published"]["precision"].is_string());
        assert!(claim["reproduced"]["value"].is_number() || claim["status"] == "needs-data");
        assert_eq!(claim["reproduced"]["unit"], claim["published"]["unit"], "same unit on both sides");
        assert!(["reproduced", "discrepancy", "needs-data"].contains(&claim["status"].as_str().unwrap()));
        let paper = claim["paper"].as_str().unwrap();
        assert!(claim["id"].as_str().unwrap().starts_with(&format!("{paper}.")), "id carries the paper id");
    }
}

#[test]
fn markdown_has_one_table_row_per_claim() {
    let ledger = workbook_ledger().unwrap();
    let markdown = ledger.to_markdown();
    for claim in ledger.claims() {
        assert_eq!(markdown.matches(&format!("| `{}` |", claim.id)).count(), 1, "row for {}", claim.id);
    }
    assert!(Ledger::new().to_markdown().contains("No claims"), "an empty ledger says so");
}

fn example() -> mmsbook::claims::ClaimBuilder {
    Claim::builder("zhang2025.example", Paper::Zhang2025)
        .source("Sec. 3")
        .quantity("a thickness")
        .published(673.0, "km", "3 s.f.")
        .reproduced(673.4)
        .tolerance(Tolerance::rounding(673.0, 3, "rounded to 3 s.f."))
        .status(Status::Reproduced)
}

#[test]
fn tolerances_admit_exactly_their_stated_band() {
    assert!(example().build().unwrap().within_tolerance(), "673.4 rounds to 673");
    assert!(!example().reproduced(673.6).build().unwrap().within_tolerance(), "673.6 rounds to 674");
    let relative = example().tolerance(Tolerance::relative(0.1, "10%")).reproduced(740.0).build().unwrap();
    assert!(relative.within_tolerance(), "740 is within 10% of 673");
    assert!(!example().tolerance(Tolerance::relative(0.1, "10%")).reproduced(741.0).build().unwrap().within_tolerance());
    let below = example().reproduced(600.0).build().unwrap();
    assert!(!below.within_tolerance(), "a value far below is outside (no signed-sum pass)");
}

#[test]
fn malformed_claims_are_typed_errors() {
    let cases: Vec<(&str, Result<Claim, ClaimError>)> = vec![
        ("id without paper prefix", Claim::builder("thickness", Paper::Zhang2025).source("s").quantity("q").published(1.0, "km", "x").reproduced(1.0).tolerance(Tolerance::relative(0.1, "r")).status(Status::Reproduced).build()),
        ("id of another paper", Claim::builder("yang.thickness", Paper::Zhang2025).source("s").quantity("q").published(1.0, "km", "x").reproduced(1.0).tolerance(Tolerance::relative(0.1, "r")).status(Status::Reproduced).build()),
        ("NaN reproduced", example().reproduced(f64::NAN).build()),
        ("infinite published", example().published(f64::INFINITY, "km", "x").build()),
        ("negative tolerance", example().tolerance(Tolerance::relative(-0.1, "r")).build()),
        ("unexplained discrepancy", example().status(Status::Discrepancy).build()),
        ("unexplained needs-data", example().status(Status::NeedsData).build()),
        ("no source", example().source("").build()),
    ];
    for (case, result) in cases {
        assert!(result.is_err(), "{case} must be rejected");
    }
    let mut ledger = Ledger::new();
    ledger.push(example().build().unwrap()).unwrap();
    assert!(matches!(ledger.push(example().build().unwrap()), Err(ClaimError::DuplicateId { .. })));
}
