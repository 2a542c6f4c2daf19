//! A page's content stream interpreted into what a reader of tables needs: every glyph with
//! its text and box, every straight line the page strokes or fills thinly (the ruling lines of
//! tables), and how much of the page images cover. Colours, clips, shadings and glyph shapes
//! are not drawn; form XObjects are followed, to a depth.

use std::rc::Rc;

use hayro_syntax::content::TypedIter;
use hayro_syntax::content::ops::TypedInstruction as Op;
use hayro_syntax::object::{Dict, Name, Number, Object, ObjectIdentifier, Stream};
use hayro_syntax::page::{Page, Resources};

use super::filters::{self, Budget};
use super::font::{self, Font, Text};
use super::geom::{Matrix, Rect};
use super::limits::{self, Exceeded};

/// A glyph on the page.
#[derive(Clone, Copy, Debug)]
pub struct Glyph {
    /// Its character (U+FFFD when the font does not say).
    pub c: char,
    /// Its box: the advance by the font's em (ascent 0.88, descent 0.12).
    pub rect: Rect,
    /// The font size on the page, in points.
    pub size: f32,
    /// Whether it is written top to bottom (a vertical font, or text turned a quarter).
    pub vertical: bool,
    /// Whether it is marked as an artifact (page furniture) by the producer.
    pub artifact: bool,
}

/// A straight line the page draws, horizontal or vertical.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Segment {
    /// Horizontal (else vertical).
    pub horizontal: bool,
    /// Its y (horizontal) or x (vertical).
    pub at: f32,
    /// Where it starts along its direction.
    pub from: f32,
    /// Where it ends (≥ `from`).
    pub to: f32,
}

/// What a page shows.
#[derive(Debug, Default)]
pub struct PageContent {
    /// Width and height of the page as shown, in points.
    pub size: (f32, f32),
    /// Glyphs in content order.
    pub glyphs: Vec<Glyph>,
    /// Straight lines.
    pub segments: Vec<Segment>,
    /// Area covered by images, in square points (overlaps counted twice).
    pub image_area: f32,
    /// Glyphs whose font gives no Unicode.
    pub unmapped: usize,
}

/// Budgets shared by every page of a document.
pub struct Ctx {
    /// Fonts and CMaps, loaded once.
    pub fonts: font::Cache,
    /// Bytes that streams may still decode to.
    pub budget: Budget,
    /// Operators that may still be run.
    pub ops_left: u64,
    /// Glyphs that may still be shown.
    pub glyphs_left: u64,
}

#[derive(Clone)]
struct State {
    ctm: Matrix,
    line_width: f32,
    stroke_visible: bool,
    fill_visible: bool,
    font: Option<Rc<Font>>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    hscale: f32,
    leading: f32,
    rise: f32,
}

/// A point of a path and whether a straight segment leads to it.
#[derive(Clone, Copy)]
struct Point {
    x: f32,
    y: f32,
    straight: bool,
}

struct Interp<'c> {
    ctx: &'c mut Ctx,
    out: PageContent,
    state: State,
    stack: Vec<State>,
    tm: Matrix,
    tlm: Matrix,
    path: Vec<(Vec<Point>, bool)>,
    marked: Vec<bool>,
    forms: Vec<ObjectIdentifier>,
    page: Rect,
}

fn num(n: &Number) -> f32 {
    let v = n.as_f32();
    if v.is_finite() { v } else { 0.0 }
}

/// Whether a colour of `n` components is white (or nearly): an invisible line on paper.
fn is_white(c: &[f32]) -> bool {
    match c.len() {
        1 => c[0] >= 0.97,
        3 => c.iter().all(|v| *v >= 0.97),
        4 => c.iter().all(|v| *v <= 0.03),
        _ => false,
    }
}

/// Interprets one page.
pub fn page(page: &Page<'_>, ctx: &mut Ctx) -> Result<PageContent, Exceeded> {
    let (w, h) = page.render_dimensions();
    let initial = Matrix(page.initial_transform(true).as_coeffs());
    let state = State {
        ctm: initial,
        line_width: 1.0,
        stroke_visible: true,
        fill_visible: true,
        font: None,
        size: 0.0,
        char_spacing: 0.0,
        word_spacing: 0.0,
        hscale: 1.0,
        leading: 0.0,
        rise: 0.0,
    };
    let mut it = Interp {
        ctx,
        out: PageContent { size: (w, h), ..PageContent::default() },
        state,
        stack: vec![],
        tm: Matrix::IDENTITY,
        tlm: Matrix::IDENTITY,
        path: vec![],
        marked: vec![],
        forms: vec![],
        page: Rect { x0: -2.0, top: -2.0, x1: w + 2.0, bottom: h + 2.0 },
    };
    let data = contents(page.raw(), &mut it.ctx.budget)?;
    it.run(&data, page.resources(), 0)?;
    Ok(it.out)
}

/// The page's content streams, decoded and joined.
fn contents(page: &Dict<'_>, budget: &mut Budget) -> Result<Vec<u8>, Exceeded> {
    let mut out = Vec::new();
    let mut add = |s: &Stream<'_>, budget: &mut Budget| -> Result<(), Exceeded> {
        out.extend(filters::decode(s, budget).map_err(|_| Exceeded::Decoded)?);
        out.push(b'\n');
        Ok(())
    };
    if let Some(s) = page.get::<Stream<'_>>(b"Contents".as_slice()) {
        add(&s, budget)?;
    } else if let Some(a) = page.get::<hayro_syntax::object::Array<'_>>(b"Contents".as_slice()) {
        for s in a.iter::<Stream<'_>>() {
            add(&s, budget)?;
        }
    }
    Ok(out)
}

impl Interp<'_> {
    fn run(&mut self, data: &[u8], res: &Resources<'_>, depth: usize) -> Result<(), Exceeded> {
        let mut ops = TypedIter::new(data);
        while let Some(op) = ops.next() {
            self.ctx.ops_left = self.ctx.ops_left.checked_sub(1).ok_or(Exceeded::Operators)?;
            match op {
                Op::SaveState(_) if self.stack.len() < limits::MAX_STATE_DEPTH => self.stack.push(self.state.clone()),
                Op::RestoreState(_) => {
                    if let Some(s) = self.stack.pop() {
                        self.state = s;
                    }
                }
                Op::Transform(t) => {
                    let m = Matrix::from_f32([num(&t.0), num(&t.1), num(&t.2), num(&t.3), num(&t.4), num(&t.5)]);
                    self.state.ctm = m.then(self.state.ctm);
                }
                Op::LineWidth(w) => self.state.line_width = num(&w.0).abs(),
                Op::SetGraphicsState(name) => {
                    if let Some(gs) = res.get_ext_g_state(name.0)
                        && let Some(lw) = gs.get::<f32>(b"LW".as_slice())
                    {
                        self.state.line_width = lw.abs();
                    }
                }
                Op::StrokeColorDeviceGray(g) => self.state.stroke_visible = !is_white(&[num(&g.0)]),
                Op::NonStrokeColorDeviceGray(g) => self.state.fill_visible = !is_white(&[num(&g.0)]),
                Op::StrokeColorDeviceRgb(c) => self.state.stroke_visible = !is_white(&[num(&c.0), num(&c.1), num(&c.2)]),
                Op::NonStrokeColorDeviceRgb(c) => self.state.fill_visible = !is_white(&[num(&c.0), num(&c.1), num(&c.2)]),
                Op::StrokeColorCmyk(c) => self.state.stroke_visible = !is_white(&[num(&c.0), num(&c.1), num(&c.2), num(&c.3)]),
                Op::NonStrokeColorCmyk(c) => self.state.fill_visible = !is_white(&[num(&c.0), num(&c.1), num(&c.2), num(&c.3)]),
                Op::StrokeColor(c) => self.state.stroke_visible = !is_white(&c.0.iter().map(num).collect::<Vec<_>>()),
                Op::NonStrokeColor(c) => self.state.fill_visible = !is_white(&c.0.iter().map(num).collect::<Vec<_>>()),
                Op::StrokeColorNamed(c) => self.state.stroke_visible = c.1.is_some() || !is_white(&c.0.iter().map(num).collect::<Vec<_>>()),
                Op::NonStrokeColorNamed(c) => self.state.fill_visible = c.1.is_some() || !is_white(&c.0.iter().map(num).collect::<Vec<_>>()),
                Op::ColorSpaceStroke(_) => self.state.stroke_visible = true,
                Op::ColorSpaceNonStroke(_) => self.state.fill_visible = true,
                // Paths
                Op::MoveTo(p) if self.path.len() < limits::MAX_SEGMENTS => {
                    let (x, y) = self.state.ctm.apply(f64::from(num(&p.0)), f64::from(num(&p.1)));
                    self.path.push((vec![Point { x: x as f32, y: y as f32, straight: false }], false));
                }
                Op::LineTo(p) => self.line_to(num(&p.0), num(&p.1), true),
                Op::CubicTo(c) => self.line_to(num(&c.4), num(&c.5), false),
                Op::CubicStartTo(c) => self.line_to(num(&c.2), num(&c.3), false),
                Op::CubicEndTo(c) => self.line_to(num(&c.2), num(&c.3), false),
                Op::ClosePath(_) => {
                    if let Some(last) = self.path.last_mut() {
                        last.1 = true;
                    }
                }
                Op::RectPath(r) if self.path.len() < limits::MAX_SEGMENTS => {
                    let (x, y, w, h) = (f64::from(num(&r.0)), f64::from(num(&r.1)), f64::from(num(&r.2)), f64::from(num(&r.3)));
                    let m = self.state.ctm;
                    let pts = [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
                        .iter()
                        .enumerate()
                        .map(|(i, (px, py))| {
                            let (dx, dy) = m.apply(*px, *py);
                            Point { x: dx as f32, y: dy as f32, straight: i > 0 }
                        })
                        .collect();
                    self.path.push((pts, true));
                }
                Op::StrokePath(_) => self.paint(true, false, false),
                Op::CloseAndStrokePath(_) => self.paint(true, false, true),
                Op::FillPathNonZero(_) | Op::FillPathNonZeroCompatibility(_) | Op::FillPathEvenOdd(_) => self.paint(false, true, true),
                Op::FillAndStrokeNonZero(_) | Op::FillAndStrokeEvenOdd(_) => self.paint(true, true, false),
                Op::CloseFillAndStrokeNonZero(_) | Op::CloseFillAndStrokeEvenOdd(_) => self.paint(true, true, true),
                Op::EndPath(_) => self.path.clear(),
                // Text
                Op::BeginText(_) => {
                    self.tm = Matrix::IDENTITY;
                    self.tlm = Matrix::IDENTITY;
                }
                Op::TextFont(f) => {
                    self.state.size = num(&f.1);
                    // A font met before is found by its reference, without reading its
                    // dictionary again (Chromium sets the font for every run of text).
                    let known = res.fonts.get_ref(f.0).and_then(|r| self.ctx.fonts.known(r.into()));
                    self.state.font = match known {
                        Some(font) => Some(font),
                        None => match res.get_font(f.0) {
                            Some(d) => Some(self.ctx.fonts.font(&d, &mut self.ctx.budget).map_err(|_| Exceeded::Decoded)?),
                            None => None,
                        },
                    };
                }
                Op::CharacterSpacing(v) => self.state.char_spacing = num(&v.0),
                Op::WordSpacing(v) => self.state.word_spacing = num(&v.0),
                Op::HorizontalScaling(v) => self.state.hscale = num(&v.0) / 100.0,
                Op::TextLeading(v) => self.state.leading = num(&v.0),
                Op::TextRise(v) => self.state.rise = num(&v.0),
                Op::NextLine(p) => self.next_line(num(&p.0), num(&p.1)),
                Op::NextLineAndSetLeading(p) => {
                    self.state.leading = -num(&p.1);
                    self.next_line(num(&p.0), num(&p.1));
                }
                Op::SetTextMatrix(t) => {
                    self.tm = Matrix::from_f32([num(&t.0), num(&t.1), num(&t.2), num(&t.3), num(&t.4), num(&t.5)]);
                    self.tlm = self.tm;
                }
                Op::NextLineUsingLeading(_) => self.next_line(0.0, -self.state.leading),
                Op::ShowText(s) => self.show(s.0.as_bytes())?,
                Op::NextLineAndShowText(s) => {
                    self.next_line(0.0, -self.state.leading);
                    self.show(s.0.as_bytes())?;
                }
                Op::ShowTextWithParameters(s) => {
                    self.state.word_spacing = num(&s.0);
                    self.state.char_spacing = num(&s.1);
                    self.next_line(0.0, -self.state.leading);
                    self.show(s.2.as_bytes())?;
                }
                Op::ShowTexts(a) => {
                    for o in a.0.iter::<Object<'_>>() {
                        match o {
                            Object::String(s) => self.show(s.as_bytes())?,
                            Object::Number(n) => self.adjust(num(&n)),
                            _ => {}
                        }
                    }
                }
                // Marked content: artifacts are page furniture by the producer's word.
                Op::BeginMarkedContent(tag) => self.marked.push(tag.0.as_ref() == b"Artifact"),
                Op::BeginMarkedContentWithProperties(tag) => self.marked.push(tag.0.as_ref() == b"Artifact"),
                Op::EndMarkedContent(_) => {
                    self.marked.pop();
                }
                Op::XObject(name) => self.xobject(name.0, res, depth)?,
                Op::InlineImage(_) => self.image(),
                _ => {}
            }
        }
        Ok(())
    }

    fn line_to(&mut self, x: f32, y: f32, straight: bool) {
        let (dx, dy) = self.state.ctm.apply(f64::from(x), f64::from(y));
        let p = Point { x: dx as f32, y: dy as f32, straight };
        if self.path.len() >= limits::MAX_SEGMENTS || self.path.last().is_some_and(|(pts, _)| pts.len() >= limits::MAX_SEGMENTS) {
            return;
        }
        match self.path.last_mut() {
            Some((pts, _)) => pts.push(p),
            None => self.path.push((vec![Point { straight: false, ..p }], false)),
        }
    }

    /// Paints the current path: its straight strokes, and thin filled rectangles, become segments.
    fn paint(&mut self, stroke: bool, fill: bool, close: bool) {
        let path = std::mem::take(&mut self.path);
        let width = (f64::from(self.state.line_width) * self.state.ctm.scale()) as f32;
        for (pts, closed) in &path {
            if stroke && self.state.stroke_visible && width <= limits::MAX_RULE_WIDTH {
                for w in pts.windows(2) {
                    if w[1].straight {
                        self.segment(w[0].x, w[0].y, w[1].x, w[1].y);
                    }
                }
                if (*closed || close) && pts.len() > 2 {
                    let (a, b) = (pts[pts.len() - 1], pts[0]);
                    self.segment(a.x, a.y, b.x, b.y);
                }
            }
            if fill && self.state.fill_visible {
                self.filled(pts);
            }
        }
    }

    fn segment(&mut self, x0: f32, y0: f32, x1: f32, y1: f32) {
        let (dx, dy) = ((x1 - x0).abs(), (y1 - y0).abs());
        if !(dx.is_finite() && dy.is_finite()) || dx.max(dy) < 0.5 {
            return;
        }
        let s = if dy <= 0.05 * dx.max(1.0) {
            Segment { horizontal: true, at: (y0 + y1) / 2.0, from: x0.min(x1), to: x0.max(x1) }
        } else if dx <= 0.05 * dy.max(1.0) {
            Segment { horizontal: false, at: (x0 + x1) / 2.0, from: y0.min(y1), to: y0.max(y1) }
        } else {
            return;
        };
        if self.out.segments.len() < limits::MAX_SEGMENTS {
            self.out.segments.push(s);
        }
    }

    /// A filled path that is a thin axis-aligned rectangle is a ruling line.
    fn filled(&mut self, pts: &[Point]) {
        let mut pts: &[Point] = pts;
        if pts.len() == 5 && (pts[4].x - pts[0].x).abs() < 0.1 && (pts[4].y - pts[0].y).abs() < 0.1 {
            pts = &pts[..4];
        }
        if pts.len() != 4 || pts.iter().skip(1).any(|p| !p.straight) {
            return;
        }
        let axis = |a: &Point, b: &Point| (a.x - b.x).abs() < 0.1 || (a.y - b.y).abs() < 0.1;
        if !(0..4).all(|i| axis(&pts[i], &pts[(i + 1) % 4])) {
            return;
        }
        let (x0, x1) = pts.iter().fold((f32::MAX, f32::MIN), |(a, b), p| (a.min(p.x), b.max(p.x)));
        let (y0, y1) = pts.iter().fold((f32::MAX, f32::MIN), |(a, b), p| (a.min(p.y), b.max(p.y)));
        let (w, h) = (x1 - x0, y1 - y0);
        if self.out.segments.len() >= limits::MAX_SEGMENTS {
            return;
        }
        if h <= limits::MAX_RULE_WIDTH && w > 2.0 * h {
            self.out.segments.push(Segment { horizontal: true, at: (y0 + y1) / 2.0, from: x0, to: x1 });
        } else if w <= limits::MAX_RULE_WIDTH && h > 2.0 * w {
            self.out.segments.push(Segment { horizontal: false, at: (x0 + x1) / 2.0, from: y0, to: y1 });
        }
    }

    fn next_line(&mut self, tx: f32, ty: f32) {
        self.tlm = Matrix::translate(f64::from(tx), f64::from(ty)).then(self.tlm);
        self.tm = self.tlm;
    }

    /// A number in a TJ array: moves the next glyph back by thousandths of the font size.
    fn adjust(&mut self, n: f32) {
        let vertical = self.state.font.as_ref().is_some_and(|f| f.vertical());
        let d = f64::from(-n / 1000.0 * self.state.size);
        self.tm = if vertical { Matrix::translate(0.0, d) } else { Matrix::translate(d * f64::from(self.state.hscale), 0.0) }.then(self.tm);
    }

    fn show(&mut self, bytes: &[u8]) -> Result<(), Exceeded> {
        let Some(font) = self.state.font.clone() else { return Ok(()) };
        let s = &self.state;
        let (fs, th) = (f64::from(s.size), f64::from(s.hscale));
        let (tc, tw, rise) = (f64::from(s.char_spacing), f64::from(s.word_spacing), f64::from(s.rise));
        let artifact = self.marked.iter().any(|a| *a);
        let mut i = 0;
        while i < bytes.len() {
            let (code, n) = font.next_code(&bytes[i..]);
            i += n;
            self.ctx.glyphs_left = self.ctx.glyphs_left.checked_sub(1).ok_or(Exceeded::Glyphs)?;
            let text = font.text(code, n);
            let space = n == 1 && code == 32;
            let w0 = f64::from(font.width(code, n));
            let params = Matrix([fs * th, 0.0, 0.0, fs, 0.0, rise]);
            let trm = params.then(self.tm).then(self.state.ctm);
            let (rect, vertical, advance) = if font.vertical() {
                let (w1y, vx, vy) = font.vertical_metrics(code, n);
                let (vx, vy) = (f64::from(vx), f64::from(vy));
                let rect = trm.bbox(-vx, -vy - 0.12, -vx + w0, -vy + 0.88);
                (rect, true, Matrix::translate(0.0, f64::from(w1y) * fs + tc + if space { tw } else { 0.0 }))
            } else {
                let rect = trm.bbox(0.0, -0.12, w0, 0.88);
                // The direction the text runs on the page: a quarter turn reads top to bottom.
                let (ax, ay) = trm.apply_vector(1.0, 0.0);
                (rect, ay.abs() > ax.abs(), Matrix::translate((w0 * fs + tc + if space { tw } else { 0.0 }) * th, 0.0))
            };
            self.tm = advance.then(self.tm);
            let (bx, by) = trm.apply_vector(0.0, 1.0);
            let size = (bx * bx + by * by).sqrt() as f32;
            let (cx, cy) = rect.centre();
            if !rect.is_finite() || !self.page.contains(cx, cy) || size < 0.5 {
                continue;
            }
            match text {
                Text::Char(c) => self.glyph(c, rect, size, vertical, artifact),
                Text::Str(s) => {
                    let k = s.chars().count() as f32;
                    for (j, c) in s.chars().enumerate() {
                        let part = if vertical {
                            let h = rect.height() / k;
                            Rect { top: rect.top + h * j as f32, bottom: rect.top + h * (j + 1) as f32, ..rect }
                        } else {
                            let w = rect.width() / k;
                            Rect { x0: rect.x0 + w * j as f32, x1: rect.x0 + w * (j + 1) as f32, ..rect }
                        };
                        self.glyph(c, part, size, vertical, artifact);
                    }
                }
                Text::Unknown => {
                    self.out.unmapped += 1;
                    self.glyph('\u{FFFD}', rect, size, vertical, artifact);
                }
            }
        }
        Ok(())
    }

    fn glyph(&mut self, c: char, rect: Rect, size: f32, vertical: bool, artifact: bool) {
        if c.is_control() {
            return;
        }
        self.out.glyphs.push(Glyph { c: super::chars::unify(c), rect, size, vertical, artifact });
    }

    fn image(&mut self) {
        let r = self.state.ctm.bbox(0.0, 0.0, 1.0, 1.0);
        let clipped = Rect { x0: r.x0.max(0.0), top: r.top.max(0.0), x1: r.x1.min(self.out.size.0), bottom: r.bottom.min(self.out.size.1) };
        if clipped.is_finite() && clipped.width() > 0.0 && clipped.height() > 0.0 {
            self.out.image_area += clipped.width() * clipped.height();
        }
    }

    fn xobject(&mut self, name: &Name<'_>, res: &Resources<'_>, depth: usize) -> Result<(), Exceeded> {
        let Some(stream) = res.get_x_object(name) else { return Ok(()) };
        let dict = stream.dict();
        match dict.get::<Name<'_>>(b"Subtype".as_slice()).as_deref() {
            Some(b"Image") => {
                self.image();
                Ok(())
            }
            Some(b"Form") => {
                let id = stream.obj_id();
                if depth >= limits::MAX_FORM_DEPTH || self.forms.contains(&id) {
                    return Ok(());
                }
                let data = filters::decode(&stream, &mut self.ctx.budget).map_err(|_| Exceeded::Decoded)?;
                let matrix = dict.get::<[f32; 6]>(b"Matrix".as_slice()).map_or(Matrix::IDENTITY, Matrix::from_f32);
                let own = dict.get::<Dict<'_>>(b"Resources".as_slice()).map(Resources::new);
                let saved = (self.state.clone(), self.stack.len(), std::mem::take(&mut self.path));
                self.state.ctm = matrix.then(self.state.ctm);
                self.forms.push(id);
                let r = self.run(&data, own.as_ref().unwrap_or(res), depth + 1);
                self.forms.pop();
                self.state = saved.0;
                self.stack.truncate(saved.1);
                self.path = saved.2;
                r
            }
            _ => Ok(()),
        }
    }
}
