//! One unit notation for the book: exponents written `^2`, `^-3` in code and data become
//! typographic superscripts (m², cm⁻³) wherever text reaches a reader (figure titles, axis
//! labels, legends, captions, the claims tables).

/// `text` with every integer exponent `^n` or `^-n` written as superscript characters. An
/// exponent followed by a decimal point (`^-0.88`) or in brackets (`^(-alpha)`) is left as
/// it is: it is a formula, not a unit.
///
/// ```
/// use mmsbook::typography::superscripts;
/// assert_eq!(superscripts("j in nA/m^2, n in cm^-3"), "j in nA/m², n in cm⁻³");
/// assert_eq!(superscripts("P0 (-X/20)^-0.88"), "P0 (-X/20)^-0.88");
/// ```
pub fn superscripts(text: &str) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '^' {
            let minus = chars.get(i + 1) == Some(&'-');
            let start = i + 1 + usize::from(minus);
            let end = (start..chars.len())
                .find(|&k| !chars[k].is_ascii_digit())
                .unwrap_or(chars.len());
            let decimal = chars.get(end) == Some(&'.')
                && chars.get(end + 1).is_some_and(char::is_ascii_digit);
            if end > start && !decimal {
                if minus {
                    out.push('⁻');
                }
                out.extend(
                    chars[start..end]
                        .iter()
                        .map(|d| DIGITS[d.to_digit(10).unwrap_or(0) as usize]),
                );
                i = end;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}
