//! The themes: egui's dark and light, and a high-contrast one for washed-out projectors —
//! black on white, weak text still near black, lines and outlines twice as strong.

use egui::{Color32, Stroke, Visuals};

/// Black on white with strong strokes.
pub fn high_contrast() -> Visuals {
    let mut v = Visuals::light();
    v.override_text_color = Some(Color32::BLACK);
    v.weak_text_color = Some(Color32::from_gray(45));
    v.panel_fill = Color32::WHITE;
    v.window_fill = Color32::WHITE;
    v.extreme_bg_color = Color32::WHITE;
    v.faint_bg_color = Color32::from_gray(232);
    v.window_stroke = Stroke::new(2.0, Color32::BLACK);
    let widgets = &mut v.widgets;
    for w in [
        &mut widgets.noninteractive,
        &mut widgets.inactive,
        &mut widgets.hovered,
        &mut widgets.active,
        &mut widgets.open,
    ] {
        w.fg_stroke = Stroke::new(w.fg_stroke.width.max(1.5), Color32::BLACK);
        w.bg_stroke = Stroke::new(w.bg_stroke.width.max(1.5), Color32::BLACK);
    }
    widgets.noninteractive.bg_stroke = Stroke::new(1.5, Color32::from_gray(60));
    // Slider rails and button faces dark enough to be seen through a washed-out projector.
    widgets.inactive.bg_fill = Color32::from_gray(175);
    widgets.inactive.weak_bg_fill = Color32::from_gray(210);
    widgets.hovered.bg_fill = Color32::from_gray(150);
    v.selection.stroke = Stroke::new(2.0, Color32::BLACK);
    v
}

/// Applies the theme the settings ask for, when it is not already the one shown.
pub fn apply(ctx: &egui::Context, dark: bool, high_contrast: bool, applied: &mut Option<(bool, bool)>) {
    if *applied == Some((dark, high_contrast)) && ctx.theme() == wanted(dark, high_contrast) {
        return;
    }
    // High contrast is a light theme: it replaces the light visuals while it is on.
    ctx.set_visuals_of(egui::Theme::Light, if high_contrast { self::high_contrast() } else { Visuals::light() });
    ctx.set_theme(wanted(dark, high_contrast));
    *applied = Some((dark, high_contrast));
}

fn wanted(dark: bool, high_contrast: bool) -> egui::Theme {
    if dark && !high_contrast { egui::Theme::Dark } else { egui::Theme::Light }
}
