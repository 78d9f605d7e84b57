//! An SVG chart rendered to pixels with resvg, in the app's own font (Ubuntu Light, from egui's
//! default fonts). resvg is built without system fonts, and its font database maps
//! `sans-serif` to Arial: without a font loaded and named here, every text would silently
//! vanish. So the one font is loaded once and set as every generic family and as the default.

use std::sync::{Arc, OnceLock};

use resvg::tiny_skia;
use resvg::usvg::{self, fontdb};

/// The largest side of a rendered image in pixels.
pub const MAX_SIDE: u32 = 16_384;
/// The largest image in pixels (a quarter of `MAX_SIDE` squared: 256 MiB of RGBA).
pub const MAX_PIXELS: u64 = (MAX_SIDE as u64) * (MAX_SIDE as u64) / 4;

/// Why an SVG could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum PngError {
    /// The scale is not a positive finite number.
    #[error("the scale must be a positive number, not {0}")]
    Scale(f32),
    /// The text is not an SVG image resvg reads.
    #[error("not a readable SVG image: {0}")]
    Svg(String),
    /// The image would be too large (or empty) to render.
    #[error("a {width} × {height} pixel image is too large to render (at most {MAX_SIDE} pixels a side)")]
    TooLarge {
        /// The width it would have.
        width: u64,
        /// The height it would have.
        height: u64,
    },
    /// Encoding the pixels as PNG failed.
    #[error("cannot encode the PNG: {0}")]
    Encode(String),
}

/// Rendered pixels: RGBA with premultiplied alpha, row by row from the top left.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Image {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// `width × height × 4` bytes (what `egui::ColorImage::from_rgba_premultiplied` takes).
    pub rgba_premultiplied: Vec<u8>,
}

/// The font database holding the app's font, built once.
fn fonts() -> Arc<fontdb::Database> {
    static FONTS: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut db = fontdb::Database::new();
            db.load_font_data(epaint_default_fonts::UBUNTU_LIGHT.to_vec());
            let family = family_of(&db);
            db.set_sans_serif_family(family.clone());
            db.set_serif_family(family.clone());
            db.set_monospace_family(family.clone());
            db.set_cursive_family(family.clone());
            db.set_fantasy_family(family);
            Arc::new(db)
        })
        .clone()
}

/// The family name the font declares (the SVG's "Ubuntu" finds it when the names agree, and
/// the generic families find it whatever it is called).
fn family_of(db: &fontdb::Database) -> String {
    db.faces().next().and_then(|face| face.families.first()).map_or_else(|| "Ubuntu".to_owned(), |f| f.0.clone())
}

/// Options for parsing an SVG with the app's font: what [`render`] uses, and what a test
/// parsing a chart needs so that its text is laid out rather than dropped.
pub fn options() -> usvg::Options<'static> {
    usvg::Options { font_family: family_of(&fonts()), fontdb: fonts(), ..usvg::Options::default() }
}

/// `svg` rendered at `scale` device pixels per CSS pixel (2.0 for sharp slides), as RGBA.
pub fn render_rgba(svg: &str, scale: f32) -> Result<Image, PngError> {
    let pixmap = pixmap(svg, scale)?;
    Ok(Image { width: pixmap.width(), height: pixmap.height(), rgba_premultiplied: pixmap.take() })
}

/// `svg` rendered at `scale` (see [`render_rgba`]) and encoded as a PNG file's bytes.
pub fn render(svg: &str, scale: f32) -> Result<Vec<u8>, PngError> {
    pixmap(svg, scale)?.encode_png().map_err(|e| PngError::Encode(e.to_string()))
}

fn pixmap(svg: &str, scale: f32) -> Result<tiny_skia::Pixmap, PngError> {
    if !(scale.is_finite() && scale > 0.0) {
        return Err(PngError::Scale(scale));
    }
    let tree = usvg::Tree::from_str(svg, &options()).map_err(|e| PngError::Svg(e.to_string()))?;
    let size = tree.size();
    let width = (f64::from(size.width()) * f64::from(scale)).ceil();
    let height = (f64::from(size.height()) * f64::from(scale)).ceil();
    // Checked in floating point before any allocation: an absurd size is an error, not an abort.
    let side = f64::from(MAX_SIDE);
    let fits = width >= 1.0 && height >= 1.0 && width <= side && height <= side && width * height <= MAX_PIXELS as f64;
    let too_large = PngError::TooLarge { width: width.max(0.0) as u64, height: height.max(0.0) as u64 };
    if !fits {
        return Err(too_large);
    }
    let mut pixmap = tiny_skia::Pixmap::new(width as u32, height as u32).ok_or(too_large)?;
    resvg::render(&tree, tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    Ok(pixmap)
}
