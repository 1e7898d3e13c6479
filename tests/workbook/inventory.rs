//! The inventories of every number each paper states: every row parses, every claim row
//! names a ledger claim of that paper, and the chapter states the coverage.

use mmsbook::claims::{Coverage, Disposition, Paper, inventory};
use mmsbook::ledger::workbook_ledger;

#[test]
fn every_claim_row_names_a_claim_of_its_paper_and_the_chapter_states_the_coverage() {
    let ledger = workbook_ledger().unwrap();
    for paper in Paper::ALL {
        let rows = inventory(paper).unwrap_or_else(|e| panic!("{e}"));
        let coverage = Coverage::of(&rows);
        assert!(
            coverage.rows() >= 60,
            "{}: the inventory lists the paper's numbers ({} rows)",
            paper.id(),
            coverage.rows()
        );
        for row in &rows {
            let Disposition::Claims(ids) = &row.disposition else {
                continue;
            };
            for id in ids {
                let claim = ledger.claims().iter().find(|c| &c.id == id);
                let claim = claim.unwrap_or_else(|| {
                    panic!(
                        "{}: row {:?} ({}) names no ledger claim {id}",
                        paper.id(),
                        row.number,
                        row.section
                    )
                });
                assert_eq!(
                    claim.paper, paper,
                    "{id}: a claim of the paper whose inventory names it"
                );
            }
        }
        let include = std::fs::read_to_string(format!(
            "{}/chapters/claims/{}.md",
            env!("CARGO_MANIFEST_DIR"),
            paper.id()
        ))
        .unwrap();
        assert!(
            include.starts_with(&coverage.sentence(paper)),
            "{}: the chapter's claims section states the current coverage",
            paper.id()
        );
    }
}

#[test]
fn every_claim_of_a_paper_is_named_by_its_inventory_or_says_why_not() {
    // A claim no row names checks a number the text does not print as such (a sign, a
    // computed quantity the paper only describes): those are listed here, so a new claim
    // cannot slip past its inventory unnoticed.
    const NOT_PRINTED_AS_NUMBERS: [(&str, &str); 8] = [
        (
            "yang.pad_trend_model",
            "'more significant at higher energies': a trend, tested by its sign",
        ),
        (
            "yang.pad_trend_observed",
            "'more significant at higher energies' in the observed PADs: a trend, tested by its sign",
        ),
        (
            "yang.equilibrium_force_balance",
            "'a Vlasov equilibrium': a property, whose residual is zero by definition",
        ),
        (
            "yang.equilibrium_vlasov",
            "'a Vlasov equilibrium': a property, whose residual is zero by definition",
        ),
        (
            "yang.density_minimum",
            "'a local minimum at the flux rope center': a place, not a number",
        ),
        ("yang.anisotropy_inside", "T_perp > T_par inside: a sign"),
        ("yang.anisotropy_outside", "T_perp < T_par outside: a sign"),
        (
            "richard2025.lp_lobe_field",
            "the normalisation to the lobe field B0: implied, never printed",
        ),
    ];
    let ledger = workbook_ledger().unwrap();
    for paper in Paper::ALL {
        let rows = inventory(paper).unwrap();
        for claim in ledger.claims().iter().filter(|c| c.paper == paper) {
            let named = rows.iter().any(
                |r| matches!(&r.disposition, Disposition::Claims(ids) if ids.contains(&claim.id)),
            );
            let excused = NOT_PRINTED_AS_NUMBERS.iter().any(|(id, _)| *id == claim.id);
            assert!(
                named != excused,
                "{}: named by an inventory row exactly when it is not excused as unprinted",
                claim.id
            );
        }
    }
}
