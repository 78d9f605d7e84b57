//! Values as a diff writes them: exact (a change of 0.001 must not be rounded away), with
//! thousands separated so that 52,000 and 520,000 are not confused.

use crate::model::Estimate;

/// A number written exactly, with thousands separated: `52000` → "52,000", `0.035` → "0.035",
/// `1234.5` → "1,234.5", `-0.01` → "-0.01".
pub fn number_text(x: f64) -> String {
    if !x.is_finite() {
        return x.to_string();
    }
    // `{}` writes the shortest text that reads back as the same number, never an exponent.
    let text = format!("{}", x.abs());
    let (whole, fraction) = text.split_once('.').map_or((text.as_str(), None), |(w, f)| (w, Some(f)));
    let mut out = String::with_capacity(text.len() + whole.len() / 3 + 1);
    if x < 0.0 {
        out.push('-');
    }
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(fraction) = fraction {
        out.push('.');
        out.push_str(fraction);
    }
    out
}

/// An estimate as it reads: a number, or its distribution with each parameter
/// ("Triangular(low 52,000, mode 55,000, high 60,000)").
pub fn estimate_text(estimate: &Estimate) -> String {
    match estimate {
        Estimate::Fixed(x) => number_text(*x),
        Estimate::Uncertain(d) => {
            let parameters: Vec<String> =
                d.parameters().into_iter().map(|(name, value)| format!("{name} {}", number_text(value))).collect();
            format!("{}({})", d.name(), parameters.join(", "))
        }
    }
}

/// Text as a one-line table cell: at most `max` characters, the rest shown as "…".
pub fn shortened(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let head: String = text.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", head.trim_end())
    }
}

/// A signed difference with a true minus sign: "+1.1", "−0.3".
pub(super) fn signed(x: f64, text: impl FnOnce(f64) -> String) -> String {
    if x < 0.0 { format!("−{}", text(-x)) } else { format!("+{}", text(x)) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Distribution;

    #[test]
    fn numbers_are_exact_with_thousands_separated() {
        assert_eq!(number_text(52_000.0), "52,000");
        assert_eq!(number_text(11.0), "11");
        assert_eq!(number_text(0.035), "0.035");
        assert_eq!(number_text(1234.5), "1,234.5");
        assert_eq!(number_text(-1_234_567.25), "-1,234,567.25");
        assert_eq!(number_text(-0.01), "-0.01");
        assert_eq!(number_text(1e20), "100,000,000,000,000,000,000");
        assert_eq!(number_text(f64::NAN), "NaN");
    }

    #[test]
    fn a_distribution_reads_with_its_named_parameters() {
        let e = Estimate::Uncertain(Distribution::Triangular { low: 52_000.0, mode: 55_000.0, high: 60_000.0 });
        assert_eq!(estimate_text(&e), "Triangular(low 52,000, mode 55,000, high 60,000)");
        assert_eq!(estimate_text(&Estimate::Fixed(12.0)), "12");
    }

    #[test]
    fn long_text_is_cut_with_an_ellipsis() {
        assert_eq!(shortened("short", 10), "short");
        assert_eq!(shortened("a long description", 8), "a long…");
        assert_eq!(signed(-0.3, |x| format!("{x}")), "−0.3");
        assert_eq!(signed(2.0, |x| format!("{x}")), "+2");
    }
}
