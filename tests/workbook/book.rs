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
    assert!(
        html.contains("<div class=\"math-display\"><math display=\"block\""),
        "display block: {html}"
    );
    assert!(
        html.contains("let price = \"$5\";") && html.contains("`$x$`"),
        "code untouched: {html}"
    );
    assert!(html.contains("costs &#36;3"), "escaped dollar: {html}");
    assert!(!html.contains("v_{th}"), "no raw TeX left: {html}");
}

#[test]
fn a_control_space_renders_as_a_space_not_as_an_entity_name() {
    let html = render_math("$9.3\\ \\mathrm{nA}$").unwrap();
    assert!(
        !html.contains("&amp;nbsp;") && !html.contains("nbsp"),
        "{html}"
    );
}

#[test]
fn markdown_sensitive_characters_inside_math_are_protected() {
    let html = render_math("A $a_1 * b_2$ and $c_3 * d_4$.").unwrap();
    let text_outside_tags: String = html
        .split('<')
        .filter_map(|part| part.split_once('>').map(|(_, text)| text))
        .collect();
    assert!(
        !text_outside_tags.contains('*') && !text_outside_tags.contains('_'),
        "emphasis markers escaped: {html}"
    );
}

#[test]
fn malformed_math_is_a_typed_error_with_its_line() {
    assert_eq!(
        render_math("one\ntwo $x^2 three\n\nfour $").unwrap_err(),
        MathError::Unclosed {
            delimiter: "$",
            line: 2
        }
    );
    assert!(matches!(
        render_math("$$\n\\frac{1}\n$$\n"),
        Err(MathError::Parse { .. })
    ));
    assert!(matches!(
        render_math("text\n\n$$ a = b\n"),
        Err(MathError::Unclosed {
            delimiter: "$$",
            line: 3
        })
    ));
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
    assert!(
        index.contains("figures/methods.plasma_scales.svg"),
        "index shows a figure"
    );
    assert!(
        output.join("figures/methods.plasma_scales.svg").exists(),
        "figures copied into the book"
    );
    assert!(
        output
            .join("assets/mathml/font/latinmodern-math.woff2")
            .exists(),
        "math font copied"
    );
    assert!(
        index.contains("href=\"https://doi.org/10.1029/2025GL115440\""),
        "DOIs are links"
    );
    let not_found = std::fs::read_to_string(output.join("404.html")).unwrap();
    assert!(
        !not_found.contains("<base href=\"/\">"),
        "404.html keeps relative links (file:// and sub-paths)"
    );
    let ledger = std::fs::read_to_string(output.join("ledger.html")).unwrap();
    let mut links = 0;
    for page in std::fs::read_dir(&output)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
    {
        let html = std::fs::read_to_string(&page).unwrap();
        let prefix = "href=\"ledger.html#";
        for (at, _) in html.match_indices(prefix) {
            let id: String = html[at + prefix.len()..]
                .chars()
                .take_while(|c| *c != '"')
                .collect();
            assert!(
                ledger.contains(&format!("id=\"{id}\"")),
                "{}: link to ledger row {id} resolves",
                page.display()
            );
            links += 1;
        }
    }
    assert!(
        links > 20,
        "the chapters link their claims to the ledger ({links} links)"
    );
    let search_index = std::fs::read_dir(&output)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .find(|n| n.starts_with("searchindex"));
    let search_index =
        std::fs::read_to_string(output.join(search_index.expect("the book has a search index")))
            .unwrap();
    assert!(
        search_index.contains("tension_near"),
        "the search index holds the claim ids"
    );
    check_ledger_links_back_to_the_text(&output, &ledger);
    check_figures_are_numbered(&output);
    check_claims_tables_and_units(&output);
    for page in std::fs::read_dir(&output)
        .unwrap()
        .map(|e| e.unwrap().path())
    {
        if page.extension().is_some_and(|e| e == "html") {
            let html = std::fs::read_to_string(&page).unwrap();
            for remote in [
                "src=\"http",
                "href=\"http://",
                "cdn.",
                "mathjax",
                "googleapis",
            ] {
                let hits: Vec<_> = html
                    .match_indices(remote)
                    .map(|(i, _)| &html[i..(i + 80).min(html.len())])
                    .collect();
                assert!(
                    hits.is_empty(),
                    "{}: loads remote content: {hits:?}",
                    page.display()
                );
            }
        }
    }
}

fn chapter_pages(output: &Path) -> Vec<(String, String)> {
    let mut pages: Vec<(String, String)> = std::fs::read_dir(output)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "html")
                && !p.ends_with("print.html")
                && !p.ends_with("toc.html")
        })
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    pages.sort();
    pages
}

/// Every attribute value `attribute="…"` in `html` that starts with `prefix`, prefix removed.
fn attribute_values<'a>(html: &'a str, attribute: &str, prefix: &str) -> Vec<&'a str> {
    let open = format!("{attribute}=\"{prefix}");
    html.match_indices(&open)
        .map(|(at, _)| {
            let rest = &html[at + open.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect()
}

/// Each claim's ledger row links to an anchor in a chapter's prose that exists.
fn check_ledger_links_back_to_the_text(output: &Path, ledger: &str) {
    let claims: Vec<serde_json::Value> = serde_json::from_str(
        &std::fs::read_to_string(root().join("chapters/claims.json")).unwrap(),
    )
    .unwrap();
    let pages = chapter_pages(output);
    let back_links = attribute_values(ledger, "class=\"in-text\" href", "");
    for claim in &claims {
        let id = claim["id"].as_str().unwrap();
        let link = back_links
            .iter()
            .find(|l| l.ends_with(&format!("#text-{id}")))
            .unwrap_or_else(|| panic!("ledger row {id} links back to the text"));
        let (page, anchor) = link.split_once('#').unwrap();
        let (_, html) = pages
            .iter()
            .find(|(name, _)| name == page)
            .unwrap_or_else(|| panic!("{id}: page {page} exists"));
        assert!(
            html.contains(&format!("id=\"{anchor}\"")),
            "{id}: anchor {anchor} exists on {page}"
        );
        assert_eq!(
            page,
            format!("{}.html", claim["paper"].as_str().unwrap()),
            "{id}: derived in its own paper's chapter"
        );
    }
}

/// Every figure on a page has a number "Figure N.k" (unique in the book), alt text that is
/// more than its id, and every reference to a figure shows its number.
fn check_figures_are_numbered(output: &Path) {
    let mut numbers = std::collections::HashMap::new();
    let mut figures = 0;
    for (page, html) in chapter_pages(output) {
        for id in attribute_values(&html, "<a id", "figure-") {
            figures += 1;
            let label = format!("href=\"#figure-{id}\">Figure ");
            let at = html
                .find(&label)
                .unwrap_or_else(|| panic!("{page}: figure {id} has a numbered label"));
            let number: String = html[at + label.len()..]
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '.')
                .collect();
            assert!(
                number.contains('.'),
                "{page}: figure {id} numbered by chapter, got {number}"
            );
            let owner = numbers
                .entry(number.clone())
                .or_insert_with(|| id.to_owned());
            assert_eq!(
                owner, id,
                "{page}: figure number {number} given to two figures"
            );
            let image = format!("src=\"figures/{id}.svg\" alt=\"");
            let alt_at = html
                .find(&image)
                .unwrap_or_else(|| panic!("{page}: figure {id} shows its image"));
            let alt: String = html[alt_at + image.len()..]
                .chars()
                .take_while(|c| *c != '"')
                .collect();
            assert!(
                alt.len() > 30 && !alt.contains(id),
                "{page}: figure {id} alt text says what it shows: {alt:?}"
            );
        }
        assert!(
            !html.contains(">Figure</a>"),
            "{page}: a figure reference without its number"
        );
    }
    assert!(
        figures >= 26,
        "every figure appears in the book ({figures})"
    );
}

/// Claims tables keep their four columns on every page, and no rendered text writes a unit
/// with a caret (`nA/m^2`, `cm^-3`): prose, tables and captions use superscripts or MathML.
fn check_claims_tables_and_units(output: &Path) {
    for (page, html) in chapter_pages(output) {
        for row in html.split("<tr class=\"claim\"").skip(1) {
            let row = &row[..row.find("</tr>").unwrap()];
            assert_eq!(
                row.matches("<td").count(),
                4,
                "{page}: a claims row has four cells: {}",
                &row[..row.len().min(120)]
            );
        }
        let text = visible_text(&html);
        for caret in ["m^", "s^", "^-", "^2", "^3"] {
            let hits: Vec<_> = text
                .match_indices(caret)
                .map(|(at, _)| &text[at.saturating_sub(40)..(at + 20).min(text.len())])
                .collect();
            assert!(
                hits.is_empty(),
                "{page}: a caret unit in the rendered text: {hits:?}"
            );
        }
    }
}

/// The text of `html` a reader sees as prose: tags, code, preformatted blocks, math and
/// the hidden parts mdBook adds (scripts, styles) removed.
fn visible_text(html: &str) -> String {
    let mut text = String::new();
    let mut rest = html;
    let skipped = [
        ("<code", "</code>"),
        ("<pre", "</pre>"),
        ("<math", "</math>"),
        ("<script", "</script>"),
        ("<style", "</style>"),
    ];
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        rest = &rest[open..];
        if let Some((_, close)) = skipped.iter().find(|(start, _)| rest.starts_with(start)) {
            rest = rest
                .find(close)
                .map_or("", |end| &rest[end + close.len()..]);
        } else {
            rest = rest.find('>').map_or("", |end| &rest[end + 1..]);
        }
    }
    text.push_str(rest);
    text
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
                assert!(
                    open || !tag.trim().is_empty(),
                    "{}:{}: untagged fence",
                    path.display(),
                    number + 1
                );
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
    let ids: HashSet<String> = [
        "zhang2025.tension_near".to_owned(),
        "yang.rope_radius".to_owned(),
    ]
    .into();
    let prose = "Claim `zhang2025.tension_near`, bare `rope_radius`, other `code`.\n```rust\nlet x = `yang.rope_radius`;\n```\n[`yang.rope_radius`](elsewhere.md)\n";
    let linked = link_claims(prose, Some("yang"), &ids);
    assert!(
        linked.contains("[`zhang2025.tension_near`](ledger.md#zhang2025.tension_near)"),
        "a full id links: {linked}"
    );
    assert!(
        linked.contains("[`rope_radius`](ledger.md#yang.rope_radius)"),
        "a bare name of the chapter's paper links"
    );
    assert!(linked.contains("other `code`."), "other code spans stay");
    assert!(
        linked.contains("let x = `yang.rope_radius`;"),
        "code fences stay"
    );
    assert!(
        linked.contains("[`yang.rope_radius`](elsewhere.md)"),
        "an existing link is left alone"
    );
    assert_eq!(
        link_claims("`rope_radius`", Some("zhang2025"), &ids),
        "`rope_radius`",
        "a bare name of another paper stays"
    );
}
