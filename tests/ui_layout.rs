//! The window is legible at projector zoom and in a small window: at every zoom from 100 % to
//! 200 % and at 1024×640 and 1920×1080, no widget of the top bar, no tab and no KPI card lies
//! outside the window, and no two widgets of the top bar overlap.

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use shoreline::app::AppState;
use shoreline::ui::app::ShorelineApp;

const ZOOMS: [f32; 6] = [1.0, 1.25, 1.5, 1.75, 1.8, 2.0];
/// Window sizes in physical pixels.
const WINDOWS: [(f32, f32); 5] = [(1024.0, 640.0), (1280.0, 800.0), (1366.0, 768.0), (1600.0, 900.0), (1920.0, 1080.0)];

/// The top bar's widgets by their accessible names.
const TOP_BAR: &[&str] = &["File", "Undo", "Redo", "Scenario", "Option", "Present", "+", "−"];
const TABS: &[&str] =
    &["Overview", "Locations", "Monthly table", "Sensitivity", "Monte Carlo", "Scenarios", "Problems"];

/// The window at `zoom`, `width`×`height` physical pixels: the app's remembered zoom is applied
/// as a user's would be, so the window is `width / zoom` points wide.
fn window(data: &std::path::Path, zoom: f32, (width, height): (f32, f32)) -> Harness<'static, ShorelineApp> {
    let mut state = AppState::start(None, Some(data.to_owned()));
    state.settings.zoom = zoom;
    let mut h = Harness::builder()
        .with_size(egui::vec2(width / zoom, height / zoom))
        .with_pixels_per_point(zoom)
        .build_ui_state(|ui, app: &mut ShorelineApp| app.show(ui), ShorelineApp::new(state));
    // The app applies its zoom on the first frame; the harness then keeps the window's pixels.
    h.run();
    h.set_size(egui::vec2(width / zoom, height / zoom));
    h.run();
    h
}

fn overlap(a: egui::Rect, b: egui::Rect) -> f32 {
    let i = a.intersect(b);
    if i.is_positive() { i.area() } else { 0.0 }
}

#[test]
fn nothing_is_cut_or_overlaps_at_any_zoom_and_window_size() {
    let data = tempfile::tempdir().expect("temp dir");
    for zoom in ZOOMS {
        for size in WINDOWS {
            let h = window(data.path(), zoom, size);
            let screen = h.ctx.content_rect().expand(0.5);
            let at = format!("zoom {zoom}, window {}×{}", size.0, size.1);
            let mut bar = Vec::new();
            for name in TOP_BAR {
                for node in h.query_all_by_label(name) {
                    bar.push((*name, node.rect()));
                }
            }
            let theme = h.query_by_label("Light theme").or_else(|| h.query_by_label("Dark theme"));
            bar.push(("theme", theme.expect("the theme switch is shown").rect()));
            let zoom_label = format!("{:.0} %", zoom * 100.0);
            bar.push(("zoom", h.get_by_label(&zoom_label).rect()));
            for (name, rect) in &bar {
                assert!(screen.contains_rect(*rect), "{at}: {name} at {rect:?} is outside the window {screen:?}");
            }
            for (i, (a, ra)) in bar.iter().enumerate() {
                for (b, rb) in &bar[i + 1..] {
                    // A caption and the picker it labels share a name but not a place.
                    assert!(overlap(*ra, *rb) < 1.0, "{at}: {a} {ra:?} overlaps {b} {rb:?}");
                }
            }
            for tab in TABS {
                let rect = h.get_by_label(tab).rect();
                assert!(screen.contains_rect(rect), "{at}: the {tab} tab at {rect:?} is cut");
            }
            // Nothing on the overview scrolls sideways: whatever reaches past the right edge is cut.
            for node in h.root().children_recursive() {
                let node = node.accesskit_node();
                // Bounds are in physical pixels.
                let Some(bounds) = node.bounding_box() else { continue };
                let right = bounds.x1 as f32 / h.ctx.pixels_per_point();
                // A label's text runs are laid out unclipped; the label's own box is what shows.
                if bounds.x1 > bounds.x0 && node.role() != egui::Role::TextRun {
                    let name = node.label().unwrap_or_default();
                    assert!(
                        right <= screen.right(),
                        "{at}: {name:?} ({:?}) ends at x = {right}, past {}",
                        node.role(),
                        screen.right()
                    );
                }
            }
        }
    }
}

#[test]
fn a_picker_is_as_wide_as_its_longest_choice_not_a_fixed_width() {
    let data = tempfile::tempdir().expect("temp dir");
    let h = window(data.path(), 1.0, (1920.0, 1080.0));
    let width = |name: &str| h.query_all_by_label(name).map(|n| n.rect().width()).fold(0.0, f32::max);
    // "Philippine wage spike" is the sample's longest scenario name; its option names are longer.
    let (scenario, option) = (width("Scenario"), width("Option"));
    assert!(scenario < 240.0, "the scenario picker is {scenario} wide for short names");
    assert!(option > scenario, "the option picker ({option}) fits its longer names");
}
