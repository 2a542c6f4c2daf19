//! Charts of the review page: a chart is a list of shapes, drawn as SVG (in the HTML page and
//! in the Word file) and as a PNG (the fallback Word files carry for viewers that do not show
//! SVG, such as LibreOffice 7). The PNG's texts are drawn with a CJK font of the system
//! ([`font`]); without one it has the shapes only. No JavaScript, no fonts embedded.

use std::fmt::Write as _;
use std::sync::OnceLock;

use ab_glyph::{Font, FontVec, PxScale, ScaleFont};

/// A colour as `#rrggbb`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Colour(pub u8, pub u8, pub u8);

impl Colour {
    fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// Colours with enough contrast on white, distinguishable without colour vision by their order.
pub const BLUE: Colour = Colour(0x1f, 0x4e, 0x9a);
pub const ORANGE: Colour = Colour(0xb3, 0x4a, 0x00);
pub const RED: Colour = Colour(0xa8, 0x1d, 0x1d);
pub const GREEN: Colour = Colour(0x2b, 0x6e, 0x2b);
pub const GREY: Colour = Colour(0x55, 0x55, 0x55);
pub const LIGHT: Colour = Colour(0xc9, 0xd6, 0xea);
const AXIS: Colour = Colour(0x33, 0x33, 0x33);

/// A shape of a chart, in pixels from the top left.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// A filled rectangle.
    Rect { x: f64, y: f64, w: f64, h: f64, fill: Colour },
    /// A straight line; dashed when `dash`.
    Line { x1: f64, y1: f64, x2: f64, y2: f64, stroke: Colour, width: f64, dash: bool },
    /// A filled circle.
    Circle { cx: f64, cy: f64, r: f64, fill: Colour },
    /// Connected line segments.
    Polyline { points: Vec<(f64, f64)>, stroke: Colour, width: f64 },
    /// A filled polygon.
    Polygon { points: Vec<(f64, f64)>, fill: Colour },
    /// Text; `anchor` is start, middle or end.
    Text { x: f64, y: f64, text: String, size: f64, anchor: &'static str, fill: Colour, bold: bool },
}

/// A chart: its size, a description for readers who cannot see it, and its shapes.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// What it shows, in words (the SVG's title and the image's description).
    pub description: String,
    /// The shapes, drawn in order.
    pub shapes: Vec<Shape>,
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Roughly how wide `text` is at `size` px: a Chinese character is as wide as the size, a
/// Latin letter or digit about half of it.
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars().map(|c| if c.is_ascii() { 0.58 } else { 1.0 }).sum::<f64>() * size
}

/// `text` cut to at most `width` px at `size`, with "…" when cut.
fn fit(text: &str, width: f64, size: f64) -> String {
    if text_width(text, size) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if text_width(&out, size) + text_width(&c.to_string(), size) + size > width {
            out.push('…');
            break;
        }
        out.push(c);
    }
    out
}

impl Chart {
    /// The chart as an SVG document (also fit to be placed inline in HTML).
    pub fn to_svg(&self) -> String {
        let mut s = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{d}\" font-family=\"SimSun, 'Songti SC', 'Noto Serif CJK SC', 'Noto Sans CJK SC', sans-serif\"><title>{d}</title>",
            w = self.width,
            h = self.height,
            d = esc(&self.description)
        );
        for shape in &self.shapes {
            let _ = match shape {
                Shape::Rect { x, y, w, h, fill } => write!(s, "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" fill=\"{}\"/>", fill.hex()),
                Shape::Line { x1, y1, x2, y2, stroke, width, dash } => write!(
                    s,
                    "<line x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{x2:.1}\" y2=\"{y2:.1}\" stroke=\"{}\" stroke-width=\"{width}\"{}/>",
                    stroke.hex(),
                    if *dash { " stroke-dasharray=\"4 3\"" } else { "" }
                ),
                Shape::Circle { cx, cy, r, fill } => write!(s, "<circle cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"{r:.1}\" fill=\"{}\"/>", fill.hex()),
                Shape::Polyline { points, stroke, width } => write!(
                    s,
                    "<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{width}\"/>",
                    points.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect::<Vec<_>>().join(" "),
                    stroke.hex()
                ),
                Shape::Polygon { points, fill } => write!(
                    s,
                    "<polygon points=\"{}\" fill=\"{}\"/>",
                    points.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect::<Vec<_>>().join(" "),
                    fill.hex()
                ),
                Shape::Text { x, y, text, size, anchor, fill, bold } => write!(
                    s,
                    "<text x=\"{x:.1}\" y=\"{y:.1}\" font-size=\"{size}\" text-anchor=\"{anchor}\" fill=\"{}\"{}>{}</text>",
                    fill.hex(),
                    if *bold { " font-weight=\"bold\"" } else { "" },
                    esc(text)
                ),
            };
        }
        s.push_str("</svg>");
        s
    }

    /// The chart as a PNG at twice its size (for print), texts drawn with [`font`] when the
    /// system has one, else shapes only.
    pub fn to_png(&self) -> Vec<u8> {
        const K: f64 = 2.0;
        let mut canvas = Canvas::new(self.width * 2, self.height * 2);
        let pts = |p: &[(f64, f64)]| p.iter().map(|(x, y)| (x * K, y * K)).collect::<Vec<_>>();
        for shape in &self.shapes {
            match shape {
                Shape::Rect { x, y, w, h, fill } => canvas.rect(x * K, y * K, w * K, h * K, *fill),
                Shape::Line { x1, y1, x2, y2, stroke, width, .. } => canvas.line(x1 * K, y1 * K, x2 * K, y2 * K, width * K, *stroke),
                Shape::Circle { cx, cy, r, fill } => canvas.circle(cx * K, cy * K, r * K, *fill),
                Shape::Polyline { points, stroke, width } => {
                    for w in pts(points).windows(2) {
                        canvas.line(w[0].0, w[0].1, w[1].0, w[1].1, width * K, *stroke);
                    }
                }
                Shape::Polygon { points, fill } => canvas.polygon(&pts(points), *fill),
                Shape::Text { x, y, text, size, anchor, fill, bold } => {
                    if let Some(f) = font() {
                        canvas.text(f, x * K, y * K, text, size * K, anchor, *fill, *bold);
                    }
                }
            }
        }
        canvas.png()
    }
}

/// Where CJK fonts usually are: Windows, macOS, then Debian/Ubuntu and Fedora packages.
const FONT_PATHS: &[&str] = &[
    "C:\\Windows\\Fonts\\simsun.ttc",
    "C:\\Windows\\Fonts\\msyh.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/STHeiti Light.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
];

/// The font the PNG charts' texts are drawn with: the file named by `GOVREPORT_FONT`, else the
/// first of [`FONT_PATHS`] that has Chinese characters; read once. None: shapes only.
pub fn font() -> Option<&'static FontVec> {
    static FONT: OnceLock<Option<FontVec>> = OnceLock::new();
    FONT.get_or_init(|| {
        let given = std::env::var_os("GOVREPORT_FONT").map(std::path::PathBuf::from);
        given.into_iter().chain(FONT_PATHS.iter().map(std::path::PathBuf::from)).find_map(|p| {
            let bytes = std::fs::read(p).ok()?;
            let f = FontVec::try_from_vec_and_index(bytes, 0).ok()?;
            (f.glyph_id('中').0 != 0).then_some(f)
        })
    })
    .as_ref()
}

/// An RGB image being drawn.
struct Canvas {
    w: u32,
    h: u32,
    px: Vec<u8>,
}

impl Canvas {
    fn new(w: u32, h: u32) -> Canvas {
        Canvas { w, h, px: vec![255; (w * h * 3) as usize] }
    }

    fn set(&mut self, x: i64, y: i64, c: Colour) {
        if x >= 0 && y >= 0 && (x as u32) < self.w && (y as u32) < self.h {
            let i = ((y as u32 * self.w + x as u32) * 3) as usize;
            self.px[i..i + 3].copy_from_slice(&[c.0, c.1, c.2]);
        }
    }

    /// Mixes `c` into the pixel by `coverage` (0–1).
    fn blend(&mut self, x: i64, y: i64, c: Colour, coverage: f32) {
        if x >= 0 && y >= 0 && (x as u32) < self.w && (y as u32) < self.h {
            let i = ((y as u32 * self.w + x as u32) * 3) as usize;
            let a = coverage.clamp(0.0, 1.0);
            for (k, v) in [c.0, c.1, c.2].into_iter().enumerate() {
                self.px[i + k] = (f32::from(self.px[i + k]) * (1.0 - a) + f32::from(v) * a).round() as u8;
            }
        }
    }

    /// Text with its baseline at `y`, anchored at `x` as SVG anchors it.
    #[allow(clippy::too_many_arguments)]
    fn text(&mut self, font: &FontVec, x: f64, y: f64, text: &str, size: f64, anchor: &str, c: Colour, bold: bool) {
        let scaled = font.as_scaled(PxScale::from(size as f32));
        let width: f32 = text.chars().map(|ch| scaled.h_advance(font.glyph_id(ch))).sum();
        let mut pen = match anchor {
            "middle" => x as f32 - width / 2.0,
            "end" => x as f32 - width,
            _ => x as f32,
        };
        for ch in text.chars() {
            let id = font.glyph_id(ch);
            let glyph = id.with_scale_and_position(scaled.scale(), ab_glyph::point(pen, y as f32));
            if let Some(outlined) = font.outline_glyph(glyph) {
                let b = outlined.px_bounds();
                for dx in 0..=i64::from(bold) {
                    outlined.draw(|gx, gy, coverage| self.blend(b.min.x as i64 + i64::from(gx) + dx, b.min.y as i64 + i64::from(gy), c, coverage));
                }
            }
            pen += scaled.h_advance(id);
        }
    }

    fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, c: Colour) {
        for py in y.round() as i64..(y + h).round() as i64 {
            for px in x.round() as i64..(x + w).round() as i64 {
                self.set(px, py, c);
            }
        }
    }

    fn line(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, width: f64, c: Colour) {
        let steps = ((x2 - x1).abs().max((y2 - y1).abs()).ceil() as i64).max(1);
        let half = (width / 2.0).max(0.5);
        for i in 0..=steps {
            let t = i as f64 / steps as f64;
            let (x, y) = (x1 + (x2 - x1) * t, y1 + (y2 - y1) * t);
            self.rect(x - half, y - half, half * 2.0, half * 2.0, c);
        }
    }

    fn circle(&mut self, cx: f64, cy: f64, r: f64, c: Colour) {
        for py in (cy - r).floor() as i64..=(cy + r).ceil() as i64 {
            for px in (cx - r).floor() as i64..=(cx + r).ceil() as i64 {
                let (dx, dy) = (px as f64 + 0.5 - cx, py as f64 + 0.5 - cy);
                if dx * dx + dy * dy <= r * r {
                    self.set(px, py, c);
                }
            }
        }
    }

    /// Even-odd scanline fill.
    fn polygon(&mut self, points: &[(f64, f64)], c: Colour) {
        if points.len() < 3 {
            return;
        }
        let (lo, hi) = points.iter().fold((f64::MAX, f64::MIN), |(lo, hi), p| (lo.min(p.1), hi.max(p.1)));
        for py in lo.floor() as i64..=hi.ceil() as i64 {
            let y = py as f64 + 0.5;
            let mut xs = vec![];
            for i in 0..points.len() {
                let (a, b) = (points[i], points[(i + 1) % points.len()]);
                if (a.1 <= y && b.1 > y) || (b.1 <= y && a.1 > y) {
                    xs.push(a.0 + (y - a.1) / (b.1 - a.1) * (b.0 - a.0));
                }
            }
            xs.sort_by(f64::total_cmp);
            for pair in xs.chunks(2) {
                if let [from, to] = pair {
                    for px in from.round() as i64..to.round() as i64 {
                        self.set(px, py, c);
                    }
                }
            }
        }
    }

    fn png(&self) -> Vec<u8> {
        use std::io::Write;
        let mut raw = Vec::with_capacity(self.px.len() + self.h as usize);
        for row in self.px.chunks((self.w * 3) as usize) {
            raw.push(0);
            raw.extend_from_slice(row);
        }
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        let _ = z.write_all(&raw);
        let data = z.finish().unwrap_or_default();
        let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
        let chunk = |out: &mut Vec<u8>, kind: &[u8], body: &[u8]| {
            out.extend_from_slice(&(body.len() as u32).to_be_bytes());
            let mut crc = crc32fast::Hasher::new();
            crc.update(kind);
            crc.update(body);
            out.extend_from_slice(kind);
            out.extend_from_slice(body);
            out.extend_from_slice(&crc.finalize().to_be_bytes());
        };
        let mut ihdr = vec![];
        ihdr.extend_from_slice(&self.w.to_be_bytes());
        ihdr.extend_from_slice(&self.h.to_be_bytes());
        ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
        chunk(&mut out, b"IHDR", &ihdr);
        chunk(&mut out, b"IDAT", &data);
        chunk(&mut out, b"IEND", &[]);
        out
    }
}

/// A bar of a bar chart.
pub struct Bar {
    /// What it is (a unit, a rule).
    pub label: String,
    /// Its length.
    pub value: f64,
    /// The value as shown at its end.
    pub shown: String,
    /// Its colour.
    pub colour: Colour,
}

/// A reference line across the bars (a quartile, the median).
pub struct Reference {
    /// Its name ("P50 中位数").
    pub label: String,
    /// Where it is.
    pub value: f64,
    /// Its colour.
    pub colour: Colour,
}

const WIDTH: f64 = 640.0;
const ROW: f64 = 22.0;
const FONT: f64 = 12.0;

/// Horizontal bars, one per item, longest scale from 0 to the largest value, with optional
/// dashed reference lines and their legend.
pub fn bars(description: &str, items: &[Bar], references: &[Reference]) -> Chart {
    let label_w = items.iter().map(|b| text_width(&b.label, FONT)).fold(60.0, f64::max).min(220.0) + 14.0;
    let value_w = items.iter().map(|b| text_width(&b.shown, FONT)).fold(24.0, f64::max) + 10.0;
    let legend_h = if references.is_empty() { 0.0 } else { ROW };
    let top = 8.0 + legend_h;
    let height = top + items.len().max(1) as f64 * ROW + 10.0;
    let plot_w = WIDTH - label_w - value_w - 8.0;
    let max = items.iter().map(|b| b.value).chain(references.iter().map(|r| r.value)).fold(0.0, f64::max);
    let scale = |v: f64| if max > 0.0 { v / max * plot_w } else { 0.0 };
    let mut shapes = vec![];
    let mut lx = label_w;
    for r in references {
        shapes.push(Shape::Line { x1: lx, y1: 12.0, x2: lx + 18.0, y2: 12.0, stroke: r.colour, width: 2.0, dash: true });
        shapes.push(Shape::Text { x: lx + 22.0, y: 16.0, text: r.label.clone(), size: FONT, anchor: "start", fill: AXIS, bold: false });
        lx += 30.0 + text_width(&r.label, FONT);
    }
    for (i, b) in items.iter().enumerate() {
        let y = top + i as f64 * ROW;
        shapes.push(Shape::Text {
            x: label_w - 6.0,
            y: y + 15.0,
            text: fit(&b.label, label_w - 8.0, FONT),
            size: FONT,
            anchor: "end",
            fill: AXIS,
            bold: false,
        });
        let w = scale(b.value);
        shapes.push(Shape::Rect { x: label_w, y: y + 4.0, w: w.max(if b.value > 0.0 { 1.0 } else { 0.0 }), h: ROW - 8.0, fill: b.colour });
        shapes.push(Shape::Text { x: label_w + w + 4.0, y: y + 15.0, text: b.shown.clone(), size: FONT, anchor: "start", fill: AXIS, bold: false });
    }
    let bottom = top + items.len().max(1) as f64 * ROW;
    shapes.push(Shape::Line { x1: label_w, y1: top, x2: label_w, y2: bottom, stroke: AXIS, width: 1.0, dash: false });
    for r in references {
        let x = label_w + scale(r.value);
        shapes.push(Shape::Line { x1: x, y1: top, x2: x, y2: bottom, stroke: r.colour, width: 2.0, dash: true });
    }
    Chart { width: WIDTH as u32, height: height.ceil() as u32, description: description.to_string(), shapes }
}

/// One year of a line chart: the value, and the band around it (quartiles) when known.
pub struct Point {
    /// The year.
    pub year: i64,
    /// The value.
    pub value: Option<f64>,
    /// The band's bottom and top.
    pub band: Option<(f64, f64)>,
    /// The value as shown.
    pub shown: String,
}

/// A line over the years with a shaded band (P25–P75) and the values written at the points.
pub fn trend(description: &str, points: &[Point], band_label: &str, line_label: &str) -> Chart {
    let (w, h) = (WIDTH, 220.0);
    let (left, right, top, bottom) = (40.0, 20.0, 30.0, h - 30.0);
    let max = points.iter().flat_map(|p| p.value.into_iter().chain(p.band.map(|b| b.1))).fold(0.0, f64::max);
    let max = if max > 0.0 { max * 1.1 } else { 1.0 };
    let n = points.len().max(2);
    let x = |i: usize| left + (w - left - right) * i as f64 / (n - 1) as f64;
    let y = |v: f64| bottom - (bottom - top) * v / max;
    let mut shapes = vec![
        Shape::Line { x1: left, y1: bottom, x2: w - right, y2: bottom, stroke: AXIS, width: 1.0, dash: false },
        Shape::Rect { x: left, y: 6.0, w: 18.0, h: 10.0, fill: LIGHT },
        Shape::Text { x: left + 22.0, y: 15.0, text: band_label.to_string(), size: FONT, anchor: "start", fill: AXIS, bold: false },
    ];
    let lx = left + 40.0 + text_width(band_label, FONT);
    shapes.push(Shape::Line { x1: lx, y1: 11.0, x2: lx + 18.0, y2: 11.0, stroke: BLUE, width: 2.5, dash: false });
    shapes.push(Shape::Text { x: lx + 22.0, y: 15.0, text: line_label.to_string(), size: FONT, anchor: "start", fill: AXIS, bold: false });
    // The band, over each run of years that have one.
    let mut run: Vec<(usize, (f64, f64))> = vec![];
    let flush = |run: &mut Vec<(usize, (f64, f64))>, shapes: &mut Vec<Shape>| {
        if run.len() >= 2 {
            let mut poly: Vec<(f64, f64)> = run.iter().map(|(i, b)| (x(*i), y(b.1))).collect();
            poly.extend(run.iter().rev().map(|(i, b)| (x(*i), y(b.0))));
            shapes.push(Shape::Polygon { points: poly, fill: LIGHT });
        }
        run.clear();
    };
    for (i, p) in points.iter().enumerate() {
        match p.band {
            Some(b) => run.push((i, b)),
            None => flush(&mut run, &mut shapes),
        }
    }
    flush(&mut run, &mut shapes);
    let mut line: Vec<(f64, f64)> = vec![];
    for (i, p) in points.iter().enumerate() {
        shapes.push(Shape::Text { x: x(i), y: h - 10.0, text: p.year.to_string(), size: FONT, anchor: "middle", fill: AXIS, bold: false });
        match p.value {
            Some(v) => {
                line.push((x(i), y(v)));
                shapes.push(Shape::Circle { cx: x(i), cy: y(v), r: 3.5, fill: BLUE });
                shapes.push(Shape::Text { x: x(i), y: y(v) - 8.0, text: p.shown.clone(), size: FONT, anchor: "middle", fill: AXIS, bold: false });
            }
            None => {
                if line.len() >= 2 {
                    shapes.push(Shape::Polyline { points: std::mem::take(&mut line), stroke: BLUE, width: 2.5 });
                }
                line.clear();
            }
        }
    }
    if line.len() >= 2 {
        shapes.push(Shape::Polyline { points: line, stroke: BLUE, width: 2.5 });
    }
    Chart { width: w as u32, height: h as u32, description: description.to_string(), shapes }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_largest_and_the_png_is_a_png() {
        let c = bars(
            "新收申请",
            &[
                Bar { label: "进贤县教育体育局".into(), value: 17.0, shown: "17".into(), colour: BLUE },
                Bar { label: "民和镇".into(), value: 0.0, shown: "0".into(), colour: BLUE },
            ],
            &[Reference { label: "P50".into(), value: 8.5, colour: ORANGE }],
        );
        let svg = c.to_svg();
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\"") && svg.ends_with("</svg>"));
        assert!(svg.contains("<title>新收申请</title>") && svg.contains(">进贤县教育体育局</text>"));
        let widths: Vec<f64> = c.shapes.iter().filter_map(|s| if let Shape::Rect { w, .. } = s { Some(*w) } else { None }).collect();
        assert!(widths[0] > 100.0 && widths[1] == 0.0, "{widths:?}");
        let png = c.to_png();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        assert_eq!(u32::from_be_bytes(png[16..20].try_into().unwrap()), 2 * c.width);
        // Some pixels are the bar's colour.
        assert!(pixels(&png).windows(3).any(|p| p == [BLUE.0, BLUE.1, BLUE.2]));
    }

    /// The RGB bytes of a PNG made by `to_png` (its rows without their filter byte).
    fn pixels(png: &[u8]) -> Vec<u8> {
        let width = u32::from_be_bytes(png[16..20].try_into().unwrap()) as usize;
        let mut z = flate2::read::ZlibDecoder::new(&png[41..png.len() - 12]);
        let mut raw = vec![];
        std::io::Read::read_to_end(&mut z, &mut raw).unwrap();
        raw.chunks(1 + 3 * width).flat_map(|row| row[1..].to_vec()).collect()
    }

    #[test]
    fn the_png_has_the_texts_when_the_system_has_a_cjk_font() {
        let chart = Chart {
            width: 200,
            height: 40,
            description: "文字".into(),
            shapes: vec![Shape::Text { x: 10.0, y: 25.0, text: "进贤县教育体育局".into(), size: 14.0, anchor: "start", fill: BLUE, bold: false }],
        };
        let coloured = pixels(&chart.to_png()).chunks(3).filter(|p| p.len() == 3 && p != &[255, 255, 255]).count();
        match font() {
            // About a fifth of the box the eight characters take is ink.
            Some(_) => assert!(coloured > 1000, "{coloured} pixels of text"),
            None => {
                assert_eq!(coloured, 0, "without a font the PNG has no text");
                eprintln!("no CJK font on this system (set GOVREPORT_FONT): the PNG fallback has no texts");
            }
        }
    }

    #[test]
    fn text_is_escaped_and_cut_to_fit() {
        assert_eq!(esc("a<b&\"c\""), "a&lt;b&amp;&quot;c&quot;");
        assert_eq!(fit("一二三四五六七八九十", 60.0, 12.0), "一二三四…");
        assert_eq!(fit("短", 60.0, 12.0), "短");
    }
}
