//! Numbers as people read them: money with thousands separators or compact units, percentages,
//! months. Shared by the command line and the window.

/// `1234567.8` → `"1,234,568"` (rounded to whole units).
pub fn thousands(x: f64) -> String {
    if !x.is_finite() {
        return x.to_string();
    }
    let rounded = x.round();
    let digits = format!("{:.0}", rounded.abs());
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if rounded < 0.0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `1234567.8, "USD"` → `"USD 1,234,568"`.
pub fn money(x: f64, currency: &str) -> String {
    format!("{currency} {}", thousands(x))
}

/// `1234567.8` → `"1.23 M"`, `-45200` → `"-45.2 k"`, `830` → `"830"`: three significant digits.
pub fn compact(x: f64) -> String {
    if !x.is_finite() {
        return x.to_string();
    }
    let a = x.abs();
    let (scaled, unit) = if a >= 1e12 {
        (x / 1e12, " T")
    } else if a >= 1e9 {
        (x / 1e9, " B")
    } else if a >= 1e6 {
        (x / 1e6, " M")
    } else if a >= 1e3 {
        (x / 1e3, " k")
    } else {
        (x, "")
    };
    let s = scaled.abs();
    let decimals = if s >= 100.0 || (unit.is_empty() && s >= 10.0) {
        0
    } else if s >= 10.0 {
        1
    } else {
        2
    };
    let decimals = if unit.is_empty() && s == s.trunc() { 0 } else { decimals };
    format!("{scaled:.decimals$}{unit}")
}

/// `1234567.8, "USD"` → `"USD 1.23 M"`.
pub fn compact_money(x: f64, currency: &str) -> String {
    format!("{currency} {}", compact(x))
}

/// `0.5593` → `"55.9 %"`.
pub fn percent(x: f64) -> String {
    format!("{:.1} %", x * 100.0)
}

/// Above this annual IRR (100 %: the money more than doubles each year) the IRR says no more
/// than "the move pays back at once": there is hardly an upfront investment to earn a return on,
/// and the rate grows without bound as that investment shrinks (813 %, 7,812 %).
pub const IRR_MEANINGFUL_UP_TO: f64 = 1.0;

/// What an IRR reads as: "12.5 %", "n/m" above [`IRR_MEANINGFUL_UP_TO`], "—" when there is none.
pub fn irr(x: Option<f64>) -> String {
    or_dash(x, |r| if r > IRR_MEANINGFUL_UP_TO { "n/m".to_owned() } else { percent(r) })
}

/// Why an IRR reads "n/m", for a tooltip; `None` when it reads as a number.
pub fn irr_note(x: Option<f64>) -> Option<String> {
    x.filter(|r| *r > IRR_MEANINGFUL_UP_TO).map(|r| {
        format!(
            "n/m — not meaningful: the move pays back at once. The upfront cost is small against the \
             savings, so the rate of return ({}) says nothing a reader can use; shown as n/m above \
             {} a year. Read the payback and the NPV instead.",
            percent(r),
            percent(IRR_MEANINGFUL_UP_TO)
        )
    })
}

/// Why there is no break-even volume, in a few words ("never: the vendor is cheaper at every
/// volume"), where a bare "—" would leave the reader guessing.
pub fn no_break_even(reason: crate::engine::break_even::NoBreakEven) -> &'static str {
    match reason {
        crate::engine::break_even::NoBreakEven::VendorCheaperAtEveryVolume => "never: vendor cheaper at every volume",
        crate::engine::break_even::NoBreakEven::InHouseCheaperAtEveryVolume => {
            "never: in-house cheaper at every volume"
        }
    }
}

/// An option's break-even volume shown with `show`, or why there is none.
pub fn break_even(o: &crate::engine::OptionResult, show: impl FnOnce(f64) -> String) -> String {
    match (o.break_even_volume, o.no_break_even) {
        (Some(volume), _) => show(volume),
        (None, Some(reason)) => no_break_even(reason).to_owned(),
        (None, None) => "—".to_owned(),
    }
}

/// A share saved against a reference: `0.41` → `"41 % cheaper"`, `-0.12` → `"12 % dearer"`.
pub fn cheaper(share: f64) -> String {
    let pct = (share * 100.0).abs();
    let pct = if pct >= 10.0 { format!("{pct:.0}") } else { format!("{pct:.1}") };
    match share {
        s if s > 0.0 => format!("{pct} % cheaper"),
        s if s < 0.0 => format!("{pct} % dearer"),
        _ => "the same".to_owned(),
    }
}

/// An optional value, or an em dash.
pub fn or_dash<T>(x: Option<T>, f: impl FnOnce(T) -> String) -> String {
    x.map_or_else(|| "—".to_owned(), f)
}

/// `7` → `"7 months"`, `1` → `"1 month"`.
pub fn months(n: u32) -> String {
    if n == 1 { "1 month".to_owned() } else { format!("{n} months") }
}

/// The sentence a CFO remembers: the option with the best NPV, what it saves, over how long and
/// when it pays back — or that no option saves money.
pub fn headline(model: &crate::model::Model, evaluation: &crate::engine::Evaluation) -> String {
    let best = evaluation.options.iter().max_by(|a, b| a.npv.total_cmp(&b.npv));
    let Some(best) = best.filter(|o| o.savings_total > 0.0) else {
        return "No option saves money over the horizon: keeping the work in-house is cheapest.".to_owned();
    };
    let horizon = model.horizon_months;
    let pays_back = match best.payback_months {
        Some(m) => format!("pays back in {}", months(m)),
        None => "does not pay back within the horizon".to_owned(),
    };
    format!(
        "{} saves {} — {} over {horizon} months — and {pays_back}",
        best.name.replace(['\n', '\r', '\t'], " "),
        or_dash(best.savings_pct, |p| format!("{:.0} %", p * 100.0)),
        compact_money(best.savings_total, &model.currency),
    )
}

/// `text` as XML or HTML text or attribute value: `& < > " '` escaped, and control characters
/// other than line breaks and tabs dropped, so a name from a model file is shown as text and
/// can neither open markup nor hide what follows it.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rate_reads_as_cheaper_or_dearer() {
        assert_eq!(cheaper(0.413), "41 % cheaper");
        assert_eq!(cheaper(-0.052), "5.2 % dearer");
        assert_eq!(cheaper(0.0), "the same");
    }

    #[test]
    fn an_irr_above_100_percent_a_year_reads_as_not_meaningful() {
        assert_eq!(irr(Some(8.132)), "n/m");
        assert!(irr_note(Some(8.132)).is_some_and(|n| n.contains("pays back at once") && n.contains("813.2 %")));
        assert_eq!(irr(Some(0.25)), "25.0 %");
        assert_eq!(irr_note(Some(0.25)), None);
        assert_eq!(irr(Some(1.0)), "100.0 %");
        assert_eq!(irr(None), "—");
    }

    #[test]
    fn thousands_are_separated() {
        assert_eq!(thousands(1_234_567.8), "1,234,568");
        assert_eq!(thousands(-999.4), "-999");
        assert_eq!(thousands(0.0), "0");
        assert_eq!(thousands(1000.0), "1,000");
    }

    #[test]
    fn compact_units_keep_three_significant_digits() {
        assert_eq!(compact(1_234_567.8), "1.23 M");
        assert_eq!(compact(-45_200.0), "-45.2 k");
        assert_eq!(compact(830.0), "830");
        assert_eq!(compact(17_654_148.0), "17.7 M");
        assert_eq!(compact(2.75), "2.75");
    }

    #[test]
    fn percentages_have_one_decimal() {
        assert_eq!(percent(0.5593), "55.9 %");
    }
}
