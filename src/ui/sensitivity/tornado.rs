//! The tornado: one row per uncertain input, largest NPV swing first. Each row is one clickable
//! widget (so it has an accessible name and can be tested): the input's label and P10/P90 values
//! on the left, the bar from the base NPV to the NPV at each end, the NPVs written at the ends.

use egui::{Align2, Color32, FontId, Rect, Sense, Stroke, StrokeKind, pos2, vec2};

use super::{HIGH, LOW, input_value};
use crate::engine::Plan;
use crate::engine::sensitivity::{Sensitivity, TornadoBar};
use crate::format;

const ROW_HEIGHT: f32 = 38.0;
/// Rows shown until the user asks for all of them.
const FIRST_ROWS: usize = 10;
const BAR_HEIGHT: f32 = 18.0;
/// Room for the NPV written beyond each end of the bar area.
const END_TEXT: f32 = 74.0;

/// Draws the tornado; returns the path of the clicked input, if any.
pub(crate) fn show(
    ui: &mut egui::Ui,
    sens: &Sensitivity,
    plan: &Plan,
    currency: &str,
    focus: Option<&str>,
) -> Option<String> {
    // Inputs of other options do not move this option's NPV: they would only be empty rows.
    let bars: Vec<&TornadoBar> = sens.tornado.iter().filter(|b| b.moves(sens.base_npv)).collect();
    if bars.is_empty() {
        ui.label("No uncertain input moves this option's NPV: give an input a distribution to see its swing.");
        return None;
    }
    legend(ui, sens.base_npv, currency);
    let show_all_id = egui::Id::unique("tornado_show_all");
    let show_all: bool = ui.ctx().data(|d| d.get_temp(show_all_id)).unwrap_or(false);
    let shown = if show_all { bars.len() } else { bars.len().min(FIRST_ROWS) };
    let (lo, hi) = bars.iter().fold((sens.base_npv, sens.base_npv), |(lo, hi), b| {
        (lo.min(b.npv_low).min(b.npv_high), hi.max(b.npv_low).max(b.npv_high))
    });
    let span = if hi > lo { hi - lo } else { 1.0 };
    let mut clicked = None;
    for bar in &bars[..shown] {
        let kind = plan.slot_of(&bar.path).map(|s| plan.inputs[s.0].kind);
        let values = kind.map_or_else(
            || format!("P10 {} · P90 {}", format::compact(bar.low), format::compact(bar.high)),
            |k| format!("P10 {} · P90 {}", input_value(k, bar.low), input_value(k, bar.high)),
        );
        let name = format!(
            "{}: NPV {} at P10 ({}), {} at P90 ({})",
            bar.label,
            format::compact_money(bar.npv_low, currency),
            kind.map_or_else(|| format::compact(bar.low), |k| input_value(k, bar.low)),
            format::compact_money(bar.npv_high, currency),
            kind.map_or_else(|| format::compact(bar.high), |k| input_value(k, bar.high)),
        );
        let width = ui.available_width();
        let label = label_galley(ui, &bar.label, label_width(width));
        let height = ROW_HEIGHT + (label.size().y - ui.fonts_mut(|f| f.row_height(&body_font()))).max(0.0);
        let response = ui.allocate_response(vec2(width, height), Sense::click());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
        let focused = focus == Some(bar.path.as_str());
        let row = Row { bar, label, values: &values };
        paint_row(ui, response.rect, &row, (lo, span, sens.base_npv), currency, response.hovered(), focused);
        let response = response.on_hover_text(format!("{name}\nClick to select this input in the editor."));
        if response.clicked() {
            clicked = Some(bar.path.clone());
        }
    }
    if bars.len() > FIRST_ROWS {
        let text =
            if show_all { "Show the first 10 only".to_owned() } else { format!("Show all {} inputs", bars.len()) };
        if ui.button(text).clicked() {
            ui.ctx().data_mut(|d| d.insert_temp(show_all_id, !show_all));
        }
    }
    let still = sens.tornado.len() - bars.len();
    if still > 0 {
        ui.weak(format!("{still} uncertain inputs of other options do not affect this one."));
    }
    clicked
}

fn legend(ui: &mut egui::Ui, base: f64, currency: &str) {
    ui.horizontal_wrapped(|ui| {
        for (color, text) in [(LOW, "input at its P10"), (HIGH, "input at its P90")] {
            let (rect, _) = ui.allocate_exact_size(vec2(12.0, 12.0), Sense::hover());
            ui.painter().rect_filled(rect, 2.0, color);
            ui.label(text);
            ui.add_space(8.0);
        }
        ui.label(format!("vertical line: base NPV {}", format::compact_money(base, currency)));
    });
}

/// The width of the label column of a row `width` points wide.
fn label_width(width: f32) -> f32 {
    (width * 0.34).clamp(140.0, 320.0)
}

fn body_font() -> FontId {
    FontId::proportional(13.0)
}

/// An input's label laid out in the label column: wrapped onto two lines when it is long, and
/// only then cut with "…" (the whole label is in the row's tooltip).
fn label_galley(ui: &egui::Ui, label: &str, width: f32) -> std::sync::Arc<egui::Galley> {
    let mut job = egui::text::LayoutJob::single_section(
        label.to_owned(),
        egui::TextFormat::simple(body_font(), ui.visuals().text_color()),
    );
    job.wrap = egui::text::TextWrapping { max_width: width - 8.0, max_rows: 2, ..Default::default() };
    ui.fonts_mut(|f| f.layout_job(job))
}

/// What one row shows.
struct Row<'a> {
    bar: &'a TornadoBar,
    label: std::sync::Arc<egui::Galley>,
    values: &'a str,
}

fn paint_row(
    ui: &egui::Ui,
    rect: Rect,
    row: &Row<'_>,
    (lo, span, base): (f64, f64, f64),
    currency: &str,
    hovered: bool,
    focused: bool,
) {
    let painter = ui.painter_at(rect);
    let visuals = ui.visuals();
    if focused {
        painter.rect_filled(rect, 3.0, visuals.selection.bg_fill.gamma_multiply(0.35));
        painter.rect_stroke(rect.shrink(0.5), 3.0, visuals.selection.stroke, StrokeKind::Inside);
    } else if hovered {
        painter.rect_filled(rect, 3.0, visuals.widgets.hovered.weak_bg_fill);
    }
    let bar = row.bar;
    let label_width = label_width(rect.width());
    let text = visuals.text_color();
    let weak = visuals.weak_text_color();
    let small = FontId::proportional(11.5);
    painter.galley(rect.left_top() + vec2(4.0, 3.0), row.label.clone(), text);
    let values = truncate(ui, row.values, &small, label_width - 8.0);
    painter.text(rect.left_bottom() + vec2(4.0, -3.0), Align2::LEFT_BOTTOM, values, small.clone(), weak);

    let left = rect.left() + label_width + END_TEXT;
    let right = (rect.right() - END_TEXT).max(left + 20.0);
    let x = |v: f64| left + ((v - lo) / span) as f32 * (right - left);
    let mid = rect.center().y;
    let base_x = x(base);
    for (npv, color) in [(bar.npv_low, LOW), (bar.npv_high, HIGH)] {
        let (a, b) = (base_x.min(x(npv)), base_x.max(x(npv)));
        let r = Rect::from_min_max(pos2(a, mid - BAR_HEIGHT / 2.0), pos2(b.max(a + 1.0), mid + BAR_HEIGHT / 2.0));
        painter.rect_filled(r, 2.0, color);
    }
    painter.line_segment([pos2(base_x, rect.top()), pos2(base_x, rect.bottom())], Stroke::new(1.5, text));
    // Each NPV written beyond its own end of the bar; when both ends fall on one side of the
    // base, the nearer one goes inside so the two never overlap.
    let ends = [(bar.npv_low, LOW), (bar.npv_high, HIGH)];
    for (npv, color) in ends {
        let other = if npv == bar.npv_low { bar.npv_high } else { bar.npv_low };
        let right_side = npv >= base;
        let same_side = (other >= base) == right_side;
        let outer = !same_side || (npv - base).abs() >= (other - base).abs();
        let label = format::compact_money(npv, currency);
        let (pos, align) = match (right_side, outer) {
            (true, true) => (pos2(x(npv) + 4.0, mid), Align2::LEFT_CENTER),
            (false, true) => (pos2(x(npv) - 4.0, mid), Align2::RIGHT_CENTER),
            (true, false) => (pos2(base_x - 4.0, mid), Align2::RIGHT_CENTER),
            (false, false) => (pos2(base_x + 4.0, mid), Align2::LEFT_CENTER),
        };
        let tint =
            if visuals.dark_mode { color.lerp_to_gamma(Color32::WHITE, 0.35) } else { color.gamma_multiply(0.9) };
        painter.text(pos, align, label, small.clone(), tint);
    }
}

/// `s` shortened with an ellipsis to fit `width` points.
fn truncate(ui: &egui::Ui, s: &str, font: &FontId, width: f32) -> String {
    let fits = |t: &str| {
        ui.ctx().fonts_mut(|f| f.layout_no_wrap(t.to_owned(), font.clone(), Color32::WHITE).size().x) <= width
    };
    if fits(s) {
        return s.to_owned();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut n = chars.len();
    while n > 1 {
        n -= 1;
        let t: String = chars[..n].iter().collect::<String>() + "…";
        if fits(&t) {
            return t;
        }
    }
    "…".to_owned()
}
