//! What the charts share: the heading and stale treatment, axis and hover formatting.

use egui::{RichText, Ui};
use egui_plot::{Corner, Legend};

use super::ChartInput;
use crate::chart::ChartKind;
use crate::engine::OptionResult;
use crate::ui::palette;

/// Height of a full-width chart: tall enough for a legend of a few options beside the data.
pub(crate) const PLOT_HEIGHT: f32 = 280.0;

/// Below this plot width, text inside plots is cut to the figures: sentences would run off the plot.
pub(crate) const NARROW: f32 = 640.0;

fn plot_height_id() -> egui::Id {
    egui::Id::unique("slide_plot_height")
}

/// The height of a chart's plot: `default`, or the height a slide gives its chart (see
/// [`with_plot_height`]), so one chart function draws both the tab's chart and the slide's.
pub(crate) fn plot_height(ui: &Ui, default: f32) -> f32 {
    ui.ctx().data(|d| d.get_temp(plot_height_id())).unwrap_or(default)
}

/// Runs `add` with every chart's plot `height` tall (a slide's chart fills the screen).
pub(crate) fn with_plot_height<R>(ui: &mut Ui, height: f32, add: impl FnOnce(&mut Ui) -> R) -> R {
    ui.ctx().data_mut(|d| d.insert_temp(plot_height_id(), height));
    let out = add(ui);
    ui.ctx().data_mut(|d| d.remove::<f32>(plot_height_id()));
    out
}

/// What a stale chart says above itself, so that dimming is never the only signal.
pub(crate) const STALE_NOTE: &str = "Out of date: the model has problems, these are the last valid results.";

/// Draws a chart's heading (with its export menu) and caption, then the chart; dimmed when the
/// results are stale. A right-click anywhere on the chart opens the same export menu.
pub(crate) fn chart_frame(ui: &mut Ui, input: &ChartInput, kind: ChartKind, caption: &str, add: impl FnOnce(&mut Ui)) {
    let frame = ui.vertical(|ui| {
        ui.horizontal_wrapped(|ui| {
            ui.heading(kind.title());
            super::export::menu_button(ui, kind);
        });
        if input.stale {
            ui.label(RichText::new(STALE_NOTE).color(ui.visuals().warn_fg_color));
            ui.multiply_opacity(palette::STALE_OPACITY);
        }
        if !caption.is_empty() {
            ui.add(egui::Label::new(RichText::new(caption).weak()).wrap());
        }
        add(ui);
    });
    super::export::context_menu(ui, frame.response.rect, kind);
}

/// A legend as a row of colour swatches above a chart, for items an in-plot legend would cover
/// (bars filling the plot, small charts). Wraps in narrow windows.
pub(crate) fn legend_row(ui: &mut Ui, title: &str, entries: &[(String, egui::Color32)]) {
    ui.horizontal_wrapped(|ui| {
        if !title.is_empty() {
            ui.weak(title);
        }
        for (name, color) in entries {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
            ui.painter().rect_filled(rect, 2.0, *color);
            ui.label(name.as_str());
            ui.add_space(6.0);
        }
    });
}

/// Draws `count` panels side by side when each gets at least `min_width` points, else one under
/// the other: two charts squeezed into a narrow window (projector zoom) would cut their text.
pub(crate) fn side_by_side(ui: &mut Ui, count: usize, min_width: f32, mut add: impl FnMut(&mut Ui, usize)) {
    let gaps = ui.spacing().item_spacing.x * count.saturating_sub(1) as f32;
    if count > 1 && ui.available_width() - gaps >= min_width * count as f32 {
        ui.columns(count, |columns| {
            for (i, column) in columns.iter_mut().enumerate() {
                add(column, i);
            }
        });
    } else {
        for i in 0..count {
            add(ui, i);
            ui.add_space(8.0);
        }
    }
}

/// The option in focus, if the index is valid (an app mid-edit may hold a stale index).
pub(crate) fn focused<'a>(input: &ChartInput<'a>) -> Option<&'a OptionResult> {
    input.evaluation.options.get(input.option)
}

/// The legend every chart uses: top left, where the lines start low and leave room.
pub(crate) fn legend() -> Legend {
    Legend::default().position(Corner::LeftTop).background_alpha(0.85).follow_insertion_order(true)
}

/// Text drawn inside a plot: body size (egui_plot's default is small), in the given colour.
pub(crate) fn annotation(text: impl Into<String>, color: egui::Color32) -> RichText {
    RichText::new(text).text_style(egui::TextStyle::Body).color(color)
}

/// The index `t` of the month under plot coordinate `x` (month `t` is drawn at `x = t + 1`, the
/// end of the month, so that a payback of k months sits at `x = k`).
pub(crate) fn month_at(x: f64, horizon: usize) -> Option<usize> {
    let m = x.round();
    (m >= 1.0 && m <= horizon as f64).then(|| m as usize - 1)
}

/// A name safe to use as a plot item id and legend entry (newlines would break the legend).
pub(crate) fn one_line(name: &str) -> String {
    name.replace(['\n', '\r', '\t'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_found_at_their_end() {
        assert_eq!(month_at(1.0, 36), Some(0));
        assert_eq!(month_at(1.4, 36), Some(0));
        assert_eq!(month_at(36.2, 36), Some(35));
        assert_eq!(month_at(0.4, 36), None);
        assert_eq!(month_at(37.0, 36), None);
    }
}
