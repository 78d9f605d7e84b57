//! The Workload section: unit, volume, growth and the twelve seasonality factors.

use egui::{DragValue, Rect, Sense, Ui, pos2, vec2};

use super::common::{Ed, row, text};
use super::estimate::estimate;
use super::settings::MONTHS;
use crate::model::{ValueKind, Workload};

/// The Workload section.
pub(crate) fn show(ui: &mut Ui, ed: &Ed, workload: &mut Workload) {
    ed.section(ui, "Workload", "workload", &["workload"], true, |ui| {
        ed.field(ui, "workload.unit", |ui| {
            row(ui, "Unit of work", |ui| text(ui, &mut workload.unit, "Workload unit"));
        });
        estimate(
            ui,
            ed,
            "workload.monthly_volume",
            "Monthly volume",
            "Monthly volume".into(),
            ValueKind::Quantity,
            &mut workload.monthly_volume,
        );
        estimate(
            ui,
            ed,
            "workload.annual_growth",
            "Growth / year",
            "Volume growth".into(),
            ValueKind::Growth,
            &mut workload.annual_growth,
        );
        seasonality(ui, ed, &mut workload.seasonality);
    });
}

/// The seasonality toggle, the twelve factors (January first) and their sparkline.
fn seasonality(ui: &mut Ui, ed: &Ed, factors: &mut Vec<f64>) {
    // Turning seasonality off and on again restores the factors instead of resetting them.
    let kept = ui.scope_id().with("kept-seasonality");
    ui.horizontal(|ui| {
        let mut on = !factors.is_empty();
        if ui.checkbox(&mut on, "Seasonality").changed() {
            if on {
                let restored: Option<Vec<f64>> = ui.ctx().data_mut(|d| d.get_temp(kept));
                *factors = restored.filter(|f| f.len() == 12).unwrap_or_else(|| vec![1.0; 12]);
            } else {
                let old = std::mem::take(factors);
                ui.ctx().data_mut(|d| d.insert_temp(kept, old));
            }
        }
        if !factors.is_empty() {
            sparkline(ui, factors);
            if ui.small_button("Flat").accessible_name("Seasonality › flat").on_hover_text("All months 1.0").clicked()
            {
                *factors = vec![1.0; 12];
            }
        }
    });
    ed.messages(ui, "workload.seasonality", false);
    if factors.is_empty() {
        return;
    }
    // A month's label and field take about 90 points with the grid's spacing.
    let columns = ((ui.available_width() / 90.0) as usize).clamp(2, 6);
    egui::Grid::new("seasonality").num_columns(columns * 2).spacing(vec2(4.0, 2.0)).show(ui, |ui| {
        for (i, f) in factors.iter_mut().enumerate() {
            let month = MONTHS.get(i).copied().unwrap_or("?");
            ui.label(month);
            let path = format!("workload.seasonality[{i}]");
            let bad = ed.problems.at(&path).next().is_some();
            let field = DragValue::new(f).speed(0.01).range(0.0..=10.0).max_decimals(2);
            let r = ui
                .add_sized([40.0, ui.spacing().interact_size.y], field)
                .accessible_name(format!("Seasonality › {month}"));
            if bad {
                ui.painter().rect_stroke(r.rect, 2.0, (1.5, ui.visuals().error_fg_color), egui::StrokeKind::Outside);
            }
            if (i + 1) % columns == 0 {
                ui.end_row();
            }
        }
    });
    for i in 0..factors.len() {
        ed.messages(ui, &format!("workload.seasonality[{i}]"), false);
    }
}

/// Twelve bars around a line at 1.0 (a flat year).
fn sparkline(ui: &mut Ui, factors: &[f64]) {
    let (rect, response) = ui.allocate_exact_size(vec2(72.0, 20.0), Sense::hover());
    let painter = ui.painter_at(rect);
    let visuals = ui.visuals();
    painter.rect_filled(rect, 2.0, visuals.extreme_bg_color);
    let top = factors.iter().copied().fold(1.0_f64, f64::max).max(1e-9);
    let width = rect.width() / factors.len().max(1) as f32;
    for (i, &f) in factors.iter().enumerate() {
        let h = (rect.height() - 2.0) * (f.max(0.0) / top) as f32;
        let x = rect.left() + i as f32 * width;
        let bar = Rect::from_min_max(pos2(x + 0.5, rect.bottom() - h), pos2(x + width - 0.5, rect.bottom()));
        painter.rect_filled(bar, 0.0, visuals.selection.stroke.color);
    }
    let y = rect.bottom() - (rect.height() - 2.0) * (1.0 / top) as f32;
    painter.hline(rect.x_range(), y, (1.0, visuals.weak_text_color()));
    let summary: Vec<String> = MONTHS.iter().zip(factors).map(|(m, f)| format!("{m} {f:.2}")).collect();
    response.on_hover_text(summary.join(" · "));
}
