//! The book: math renders to MathML, every chapter's formulas parse, and the built HTML is
//! self-contained (no CDN, figures copied in).

use mmsbook::book::{MathError, build_book, check_math, render_math};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn inline_and_display_math_become_mathml_and_code_is_untouched() {
    let markdown = "Speed $v_{th} = \\sqrt{2T/m}$ here.\n\n$$\nB_x = B_0 \\tanh(z/L)\n$$\n\n```rust\nlet price = \"$5\";\n```\nand `$x$` too, costs \\$3.\n";
    let html = render_math(markdown).unwrap();
    assert_eq!(html.matches("<math").count(), 2, "{html}");
    assert!(html.contains("<div class=\"math-display\"><math display=\"block\""), "display block: {html}");
    assert!(html.contains("let price = \"$5\";") && html.contains("`$x$`"), "code untouched: {html}");
    assert!(html.contains("costs &#36;3"), "escaped dollar: {html}");
    assert!(!html.contains("v_{th}"), "no raw TeX left: {html}");
}

#[test]
fn a_control_space_renders_as_a_space_not_as_an_entity_name() {
    let html = render_math("$9.3\\ \\mathrm{nA}$").unwrap();
    assert!(!html.contains("&amp;nbsp;") && !html.contains("nbsp"), "{html}");
}

#[test]
fn markdown_sensitive_characters_inside_math_are_protected() {
    let html = render_math("A $a_1 * b_2$ and $c_3 * d_4$.").unwrap();
    let text_outside_tags: String = html.split('<').filter_map(|part| part.split_once('>').map(|(_, text)| text)).collect();
    assert!(!text_outside_tags.contains('*') && !text_outside_tags.contains('_'), "emphasis markers escaped: {html}");
}

#[test]
fn malformed_math_is_a_typed_error_with_its_line() {
    assert_eq!(render_math("one\ntwo $x^2 three\n\nfour $").unwrap_err(), MathError::Unclosed { delimiter: "$", line: 2 });
    assert!(matches!(render_math("$$\n\\frac{1}\n$$\n"), Err(MathError::Parse { .. })));
    assert!(matches!(render_math("text\n\n$$ a = b\n"), Err(MathError::Unclosed { delimiter: "$$", line: 3 })));
}

#[test]
fn every_formula_in_the_book_parses() {
    let formulas = check_math(&root()).unwrap();
    assert!(formulas > 20, "the chapters hold formulas ({formulas})");
}

#[test]
fn built_book_is_self_contained_with_math_and_figures() {
    // Build a copy, so the test never touches the working tree's book/.
    let scratch = tempfile::tempdir().unwrap();
    for directory in ["chapters", "figures", "assets"] {
        copy_tree(&root().join(directory), &scratch.path().join(directory));
    }
    std::fs::copy(root().join("book.toml"), scratch.path().join("book.toml")).unwrap();
    let output = build_book(scratch.path()).unwrap();
    let index = std::fs::read_to_string(output.join("index.html")).unwrap();
    assert!(index.contains("<math"), "index shows rendered math");
    assert!(index.contains("figures/methods.plasma_scales.svg"), "index shows a figure");
    assert!(output.join("figures/methods.plasma_scales.svg").exists(), "figures copied into the book");
    assert!(output.join("assets/mathml/font/latinmodern-math.woff2").exists(), "math font copied");
    assert!(index.contains("href=\"https://doi.org/10.1029/2025GL115440\""), "DOIs are links");
    let not_found = std::fs::read_to_string(output.join("404.html")).unwrap();
    assert!(!not_found.contains("<base href=\"/\">"), "404.html keeps relative links (file:// and sub-paths)");
    let ledger = std::fs::read_to_string(output.join("ledger.html")).unwrap();
    let mut links = 0;
    for page in std::fs::read_dir(&output).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "html")) {
        let html = std::fs::read_to_string(&page).unwrap();
        let prefix = "href=\"ledger.html#";
        for (at, _) in html.match_indices(prefix) {
            let id: String = html[at + prefix.len()..].chars().take_while(|c| *c != '"').collect();
            assert!(ledger.contains(&format!("id=\"{id}\"")), "{}: link to ledger row {id} resolves", page.display());
            links += 1;
        }
    }
    assert!(links > 20, "the chapters link their claims to the ledger ({links} links)");
    for page in std::fs::read_dir(&output).unwrap().map(|e| e.unwrap().path()) {
        if page.extension().is_some_and(|e| e == "html") {
            let html = std::fs::read_to_string(&page).unwrap();
            for remote in ["src=\"http", "href=\"http://", "cdn.", "mathjax", "googleapis"] {
                let hits: Vec<_> = html.match_indices(remote).map(|(i, _)| &html[i..(i + 80).min(html.len())]).collect();
                assert!(hits.is_empty(), "{}: loads remote content: {hits:?}", page.display());
            }
        }
    }
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &to.join(entry.file_name()));
        } else {
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}

#[test]
fn every_code_fence_in_the_chapters_names_its_language() {
    for entry in std::fs::read_dir(root().join("chapters")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "md") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let mut open = false;
        for (number, line) in text.lines().enumerate() {
            if let Some(tag) = line.trim_start().strip_prefix("```") {
                assert!(open || !tag.trim().is_empty(), "{}:{}: untagged fence", path.display(), number + 1);
                open = !open;
            }
        }
        assert!(!open, "{}: unclosed fence", path.display());
    }
}

#[test]
fn claim_ids_in_prose_link_to_their_ledger_rows_and_nothing_else_does() {
    use mmsbook::book::link_claims;
    use std::collections::HashSet;
    let ids: HashSet<String> = ["zhang2025.tension_near".to_owned(), "yang.rope_radius".to_owned()].into();
    let prose = "Claim `zhang2025.tension_near`, bare `rope_radius`, other `code`.\n```rust\nlet x = `yang.rope_radius`;\n```\n[`yang.rope_radius`](elsewhere.md)\n";
    let linked = link_claims(prose, Some("yang"), &ids);
    assert!(linked.contains("[`zhang2025.tension_near`](ledger.md#zhang2025.tension_near)"), "a full id links: {linked}");
    assert!(linked.contains("[`rope_radius`](ledger.md#yang.rope_radius)"), "a bare name of the chapter's paper links");
    assert!(linked.contains("other `code`."), "other code spans stay");
    assert!(linked.contains("let x = `yang.rope_radius`;"), "code fences stay");
    assert!(linked.contains("[`yang.rope_radius`](elsewhere.md)"), "an existing link is left alone");
    assert_eq!(link_claims("`rope_radius`", Some("zhang2025"), &ids), "`rope_radius`", "a bare name of another paper stays");
}
