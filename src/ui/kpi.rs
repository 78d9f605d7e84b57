//! The key figures of each option as cards: savings, NPV, IRR, payback, break-even volume and how
//! far hidden costs can grow. The focused option's card is outlined in its colour.

use egui::{Frame, Grid, Label, RichText, Stroke, Ui};

use crate::engine::OptionResult;
use crate::engine::finance::{discount_factors, present_value};
use crate::format::{compact_money, money, months, or_dash, percent, thousands};
use crate::ui::charts::{ChartInput, common};
use crate::ui::palette;

/// Width of a card: two columns of short figures; cards wrap onto more rows in narrow windows.
const CARD_WIDTH: f32 = 250.0;
/// Narrowest a card gets: below this the figures themselves would wrap.
const MIN_CARD_WIDTH: f32 = 180.0;
/// A card's frame around its content: inner margin and stroke on both sides.
const CARD_CHROME: f32 = 2.0 * (10.0 + 2.0);

/// Draws one card per option, wrapping to the available width.
pub fn show(ui: &mut Ui, input: &ChartInput) {
    ui.vertical(|ui| {
        if input.stale {
            ui.label(RichText::new(common::STALE_NOTE).color(ui.visuals().warn_fg_color));
            ui.multiply_opacity(palette::STALE_OPACITY);
        }
        // Rows of as many cards as fit: a Frame's size is only known once drawn, so
        // `horizontal_wrapped` cannot wrap cards and would overflow a narrow window instead.
        let spacing = 10.0;
        // All cards on one row when they fit at the minimum width: charts stay above the fold.
        let count = input.evaluation.options.len().max(1) as f32;
        // A card is as wide as its widest line ("66,000 contacts/mo"), which is known only once
        // drawn: the width a card really took is remembered for the document state, and a frame
        // whose cards came out wider than planned is laid out again before it is shown.
        let grown_id = egui::Id::unique("kpi_card_content_width");
        let grown = ui.data(|d| d.get_temp::<(u64, f32)>(grown_id)).filter(|(rev, _)| *rev == input.revision);
        let min_width = grown.map_or(MIN_CARD_WIDTH, |(_, w)| w.max(MIN_CARD_WIDTH));
        let one_row = (ui.available_width() - spacing * (count - 1.0)) / count - CARD_CHROME;
        let width = CARD_WIDTH.max(min_width).min(one_row.max(min_width));
        let per_row = (((ui.available_width() + spacing) / (width + CARD_CHROME + spacing)).floor() as usize).max(1);
        let width = width.min(ui.available_width() - CARD_CHROME).max(MIN_CARD_WIDTH.min(ui.available_width()));
        let options: Vec<_> = input.evaluation.options.iter().enumerate().collect();
        ui.spacing_mut().item_spacing = egui::vec2(spacing, spacing);
        for row in options.chunks(per_row) {
            let drawn = ui.horizontal(|ui| {
                for &(i, o) in row {
                    card(ui, input, i, o, width);
                }
            });
            let n = row.len() as f32;
            let taken = (drawn.response.rect.width() - spacing * (n - 1.0)) / n - CARD_CHROME;
            if taken > width + 1.0 && per_row > 1 {
                ui.data_mut(|d| d.insert_temp(grown_id, (input.revision, taken.ceil())));
                ui.ctx().request_discard("KPI cards wider than planned");
            }
        }
    });
}

fn card(ui: &mut Ui, input: &ChartInput, i: usize, o: &OptionResult, width: f32) {
    let currency = input.model.currency.as_str();
    let color = palette::option(i);
    let focused = i == input.option;
    let stroke = if focused { Stroke::new(2.0, color) } else { ui.visuals().widgets.noninteractive.bg_stroke };
    Frame::group(ui.style()).stroke(stroke).inner_margin(10.0).show(ui, |ui| {
        ui.set_width(width);
        ui.vertical(|ui| {
            ui.horizontal(|ui| {
                let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
                ui.painter().rect_filled(rect, 2.0, color);
                ui.add(Label::new(RichText::new(o.name.as_str()).strong()).truncate());
            });
            if let Some(option) = input.model.options.get(i) {
                let place = if option.region.is_empty() {
                    option.shore.label().to_owned()
                } else {
                    format!("{}, {}", option.shore.label(), option.region)
                };
                ui.weak(place);
            }
            Grid::new(("kpi", i)).num_columns(2).spacing([12.0, 4.0]).show(ui, |ui| {
                ui.label("Savings").on_hover_text(SAVINGS_MEANING);
                let pct = or_dash(o.savings_pct, percent);
                ui.label(RichText::new(pct).strong().color(palette::savings(o.savings_total)));
                ui.end_row();
                ui.label("Total saved").on_hover_text(TOTAL_SAVED_MEANING);
                ui.label(compact_money(o.savings_total, currency)).on_hover_text(money(o.savings_total, currency));
                ui.end_row();
                ui.label("NPV").on_hover_text(NPV_MEANING);
                ui.label(RichText::new(compact_money(o.npv, currency)).color(palette::savings(o.npv)))
                    .on_hover_text(money(o.npv, currency));
                ui.end_row();
                ui.label("IRR").on_hover_text(IRR_MEANING);
                let irr = ui.label(crate::format::irr(o.irr));
                if let Some(note) = crate::format::irr_note(o.irr) {
                    irr.on_hover_text(note);
                }
                ui.end_row();
                ui.label("Payback").on_hover_text(PAYBACK_MEANING);
                ui.label(or_dash(o.payback_months, months));
                ui.end_row();
                ui.label("Break-even").on_hover_text("Monthly volume at which the option costs what in-house costs");
                let unit = input.model.workload.unit.as_str();
                let text = crate::format::break_even(o, |v| format!("{} {unit}/mo", thousands(v)));
                if o.no_break_even.is_some() {
                    // The reason is a phrase: it wraps in a narrow card.
                    ui.add(Label::new(text).wrap())
                        .on_hover_text("The two cost curves do not cross between 0 and 10 × today's monthly volume.");
                } else {
                    ui.label(text);
                }
                ui.end_row();
            });
            let rate = input.model.discount_rate.base();
            ui.add(Label::new(RichText::new(headroom(o, rate)).italics()).wrap());
        });
    });
}

const SAVINGS_MEANING: &str =
    "Share of the in-house cost over the whole horizon that this option saves (percent; negative: it costs more)";
const TOTAL_SAVED_MEANING: &str =
    "In-house cost minus the option's cost, summed over every month of the horizon (model currency, undiscounted)";
const NPV_MEANING: &str =
    "Net present value of the monthly savings at the model's discount rate (model currency; above 0: worth doing)";
const IRR_MEANING: &str =
    "Internal rate of return of the monthly savings, as a yearly rate (percent per year; — when there is none)";
const PAYBACK_MEANING: &str =
    "Months until the cumulative savings stop being negative for good (months from the start of the plan)";

/// How far the option's hidden costs can grow before its NPV is zero, as a sentence.
/// `annual_rate` is the model's discount rate (the NPV's own), used to tell the cases the
/// multiplier leaves null apart.
pub fn headroom(o: &OptionResult, annual_rate: f64) -> String {
    if let Some(k) = o.hidden_multiplier_at_break_even {
        return if k >= 1.0 {
            format!("Hidden costs can grow {k:.1}× before the savings vanish.")
        } else {
            format!("Hidden costs already exceed the savings: they would have to fall to {k:.2}× to break even.")
        };
    }
    if o.hidden.iter().all(|&h| h == 0.0) {
        return "No hidden costs.".to_owned();
    }
    let pv_hidden = present_value(&o.hidden, &discount_factors(annual_rate, o.hidden.len()));
    if pv_hidden <= 0.0 {
        "Hidden costs net out as a credit.".to_owned()
    } else {
        "No savings even without the hidden costs.".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Evaluation;

    fn example() -> OptionResult {
        let model = crate::model::samples::contract_example();
        Evaluation::of_model(&model).options.remove(0)
    }

    #[test]
    fn every_kpi_tooltip_says_what_the_figure_means_and_its_unit_in_brackets() {
        for meaning in [SAVINGS_MEANING, TOTAL_SAVED_MEANING, NPV_MEANING, IRR_MEANING, PAYBACK_MEANING] {
            let unit = meaning.rsplit_once('(').map(|(_, u)| u);
            assert!(unit.is_some_and(|u| u.ends_with(')') && u.len() > 2), "no unit in: {meaning}");
        }
    }

    #[test]
    fn headroom_names_the_multiplier() {
        let mut o = example();
        o.hidden_multiplier_at_break_even = Some(3.21);
        assert_eq!(headroom(&o, 0.08), "Hidden costs can grow 3.2× before the savings vanish.");
        o.hidden_multiplier_at_break_even = Some(0.5);
        assert!(headroom(&o, 0.08).starts_with("Hidden costs already exceed the savings"));
    }

    #[test]
    fn headroom_explains_the_null_cases() {
        let mut o = example();
        o.hidden_multiplier_at_break_even = None;
        o.hidden.iter_mut().for_each(|h| *h = 0.0);
        assert_eq!(headroom(&o, 0.08), "No hidden costs.");
        o.hidden[0] = -10.0;
        assert_eq!(headroom(&o, 0.08), "Hidden costs net out as a credit.");
        o.hidden[0] = 10.0;
        assert_eq!(headroom(&o, 0.08), "No savings even without the hidden costs.");
    }
}
