//! The rate card: in-house and each option's labour rates side by side for one plan year, so a
//! percentage reads as the money behind it ("3,695 against 8,379 per productive FTE-month").

use egui::{Grid, RichText, ScrollArea, Ui};

use super::ChartInput;
use super::common;
use crate::engine::{Rate, RateYear};
use crate::format::{cheaper, or_dash, thousands};
use crate::ui::palette;

/// The columns: heading and what it means, for the header tooltips.
const COLUMNS: [(&str, &str); 6] = [
    ("FTE", "Average paid staff per month over the year (vendor staff while ramping up included)."),
    (
        "Per FTE-month",
        "Cost per paid FTE-month. In-house: every in-house cost line, fixed and step lines included, \
         divided by the in-house staff. Option: its fees (after the minimum, in the model currency) \
         and retained cost divided by the vendor's staff. Parallel running and hidden costs are not \
         in the rates; they are in the totals.",
    ),
    ("Per hour", "Cost per FTE-month divided by the hours of an FTE-month shown in the caption."),
    (
        "Productivity",
        "In-house-equivalent FTE of work per paid FTE: the units done divided by the in-house units \
         per FTE-month. An option's includes its learning dip and the rounding up of vendor staff; \
         in-house it is below 1 when staff are sized for the busiest month.",
    ),
    (
        "Per productive FTE-month",
        "Cost per in-house-equivalent FTE-month of work: the cost per FTE-month divided by the \
         productivity. This is the rate to compare.",
    ),
    ("vs in-house", "How much cheaper per productive FTE-month than in-house."),
];

/// Draws the rate card with a plan-year picker.
pub fn show(ui: &mut Ui, input: &ChartInput) {
    let card = &input.evaluation.rate_card;
    let caption = format!(
        "Labour rates in {}, hourly at {} hours per FTE-month{}. Hover a heading for what it counts.",
        input.model.currency,
        thousands(card.hours_per_fte_month),
        if card.hours_per_fte_month == crate::engine::rate_card::STANDARD_HOURS_PER_FTE_MONTH {
            ""
        } else {
            " (the hourly offer's billing hours)"
        }
    );
    common::chart_frame(ui, input, crate::chart::ChartKind::RateCard, &caption, |ui| {
        let Some(last) = card.years.len().checked_sub(1) else { return };
        let id = ui.make_persistent_id("rate_card_year");
        let mut year = ui.data(|d| d.get_temp::<usize>(id)).unwrap_or(0).min(last);
        if last > 0 {
            ui.horizontal_wrapped(|ui| {
                ui.label("Plan year");
                for (i, y) in card.years.iter().enumerate() {
                    let label =
                        if y.months == 12 { format!("{}", y.year) } else { format!("{} ({} mo)", y.year, y.months) };
                    ui.selectable_value(&mut year, i, label);
                }
            });
            ui.data_mut(|d| d.insert_temp(id, year));
        }
        let Some(rates) = card.years.get(year) else { return };
        headline(ui, input, rates);
        ScrollArea::horizontal().id_salt("rate_card_scroll").show(ui, |ui| table(ui, input, rates));
    });
}

/// The focused option's rate against in-house, in one sentence.
fn headline(ui: &mut Ui, input: &ChartInput, rates: &RateYear) {
    let (Some(name), Some(rate)) = (input.model.options.get(input.option), rates.options.get(input.option)) else {
        return;
    };
    let (Some(vendor), Some(in_house)) = (rate.per_productive_fte_month, rates.in_house.per_productive_fte_month)
    else {
        return;
    };
    let c = &input.model.currency;
    let mut text = format!(
        "{}: {c} {} against {c} {} in-house per productive FTE-month",
        common::one_line(&name.name),
        thousands(vendor),
        thousands(in_house)
    );
    if let Some(share) = rate.cheaper_than(&rates.in_house) {
        text.push_str(&format!(" ({})", cheaper(share)));
    }
    ui.add(egui::Label::new(RichText::new(text).strong()).wrap());
}

fn table(ui: &mut Ui, input: &ChartInput, rates: &RateYear) {
    let mut rows = vec![(RichText::new("In-house").color(palette::IN_HOUSE), cells(&rates.in_house, None))];
    for (i, (option, rate)) in input.model.options.iter().zip(&rates.options).enumerate() {
        let name = RichText::new(common::one_line(&option.name)).color(palette::option(i));
        rows.push((name, cells(rate, Some(&rates.in_house))));
    }
    // Figures are right-aligned by padding in a monospace font, as in the monthly table: a Grid
    // cell has no right alignment that does not also stretch the column.
    let widths: Vec<usize> =
        (0..COLUMNS.len()).map(|c| rows.iter().map(|(_, cells)| cells[c].chars().count()).max().unwrap_or(0)).collect();
    Grid::new("rate_card_grid").striped(true).spacing([16.0, 4.0]).show(ui, |ui| {
        ui.strong("");
        for (heading, meaning) in COLUMNS {
            ui.strong(heading).on_hover_text(meaning);
        }
        ui.end_row();
        for (name, cells) in rows {
            ui.label(name);
            for (text, width) in cells.iter().zip(&widths) {
                ui.monospace(format!("{text:>width$}"));
            }
            ui.end_row();
        }
    });
}

/// The figures of one row, in the order of [`COLUMNS`]; the comparison only for an option.
fn cells(rate: &Rate, in_house: Option<&Rate>) -> [String; 6] {
    [
        format!("{:.1}", rate.fte),
        or_dash(rate.per_fte_month, thousands),
        or_dash(rate.per_hour, |x| format!("{x:.2}")),
        or_dash(rate.productivity, |x| format!("{x:.2}")),
        or_dash(rate.per_productive_fte_month, thousands),
        in_house.map_or_else(String::new, |reference| or_dash(rate.cheaper_than(reference), cheaper)),
    ]
}
