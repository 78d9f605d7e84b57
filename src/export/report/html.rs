//! Writing HTML safely: every text from a model file is escaped, whatever it holds.

use std::fmt::Write as _;

/// `text` as HTML text or attribute value (see [`crate::format::xml_escape`]).
pub(crate) fn text(text: &str) -> String {
    crate::format::xml_escape(text)
}

/// `text` inside a CSS string (`content: "…"`): everything but letters, digits, spaces and
/// plain punctuation is written as a CSS escape, so neither a quote nor `</style>` can end it.
pub(crate) fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_alphanumeric() && !c.is_control() || " .,:;-_()·/#%".contains(c) {
            out.push(c);
        } else if !c.is_control() {
            let _ = write!(out, "\\{:x} ", u32::from(c));
        }
    }
    out
}

/// A table row of cells; `numeric[i]` right-aligns cell `i` (figures line up by their digits).
pub(crate) fn row(cells: &[String], numeric: &[bool]) -> String {
    let mut out = String::from("<tr>");
    for (i, cell) in cells.iter().enumerate() {
        let class = if numeric.get(i).copied().unwrap_or(false) { " class=\"num\"" } else { "" };
        let _ = write!(out, "<td{class}>{cell}</td>");
    }
    out.push_str("</tr>\n");
    out
}

/// A table header row.
pub(crate) fn head(cells: &[&str], numeric: &[bool]) -> String {
    let mut out = String::from("<thead><tr>");
    for (i, cell) in cells.iter().enumerate() {
        let class = if numeric.get(i).copied().unwrap_or(false) { " class=\"num\"" } else { "" };
        let _ = write!(out, "<th{class}>{}</th>", text(cell));
    }
    out.push_str("</tr></thead>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_a_name_is_text() {
        assert_eq!(text("<img src=x onerror=alert(1)>"), "&lt;img src=x onerror=alert(1)&gt;");
        assert_eq!(text("a\"b'c&d"), "a&quot;b&#39;c&amp;d");
        assert_eq!(text("bell\u{7}\u{1b}[2J"), "bell[2J");
    }

    #[test]
    fn nothing_can_end_a_css_string() {
        let escaped = css_string("x\"; } </style><script>");
        assert!(!escaped.contains('"') && !escaped.contains('<') && !escaped.contains('>'), "{escaped}");
        assert!(escaped.starts_with('x'));
    }
}
