//! Points, boxes and affine matrices in page space: points from the top-left corner of the
//! page as shown (crop box, rotation applied), y growing downwards.

/// An affine matrix `[a b c d e f]` as PDF writes it: x' = a·x + c·y + e, y' = b·x + d·y + f.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Matrix(pub [f64; 6]);

impl Matrix {
    /// The identity.
    pub const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    /// A matrix from PDF numbers; a non-finite one is the identity.
    pub fn from_f32(m: [f32; 6]) -> Matrix {
        if m.iter().all(|v| v.is_finite()) { Matrix(m.map(f64::from)) } else { Matrix::IDENTITY }
    }

    /// A translation.
    pub fn translate(x: f64, y: f64) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, x, y])
    }

    /// `self` applied first, then `next` (PDF's `self × next`).
    pub fn then(self, next: Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = next.0;
        Matrix([a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2, e * a2 + f * c2 + e2, e * b2 + f * d2 + f2])
    }

    /// Where the point goes.
    pub fn apply(self, x: f64, y: f64) -> (f64, f64) {
        let [a, b, c, d, e, f] = self.0;
        (a * x + c * y + e, b * x + d * y + f)
    }

    /// Where a vector goes (no translation).
    pub fn apply_vector(self, x: f64, y: f64) -> (f64, f64) {
        let [a, b, c, d, ..] = self.0;
        (a * x + c * y, b * x + d * y)
    }

    /// The box around the rectangle (x0, y0)–(x1, y1) once transformed.
    pub fn bbox(self, x0: f64, y0: f64, x1: f64, y1: f64) -> Rect {
        let pts = [self.apply(x0, y0), self.apply(x1, y0), self.apply(x0, y1), self.apply(x1, y1)];
        let mut r = Rect { x0: f32::MAX, top: f32::MAX, x1: f32::MIN, bottom: f32::MIN };
        for (x, y) in pts {
            r.x0 = r.x0.min(x as f32);
            r.x1 = r.x1.max(x as f32);
            r.top = r.top.min(y as f32);
            r.bottom = r.bottom.max(y as f32);
        }
        r
    }

    /// How much the matrix scales lengths, on average.
    pub fn scale(self) -> f64 {
        let [a, b, c, d, ..] = self.0;
        (a * d - b * c).abs().sqrt()
    }
}

/// A box in page space.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Rect {
    /// Left edge.
    pub x0: f32,
    /// Top edge.
    pub top: f32,
    /// Right edge.
    pub x1: f32,
    /// Bottom edge.
    pub bottom: f32,
}

impl Rect {
    /// Width.
    pub fn width(&self) -> f32 {
        self.x1 - self.x0
    }

    /// Height.
    pub fn height(&self) -> f32 {
        self.bottom - self.top
    }

    /// The centre.
    pub fn centre(&self) -> (f32, f32) {
        ((self.x0 + self.x1) / 2.0, (self.top + self.bottom) / 2.0)
    }

    /// The smallest box holding both.
    pub fn union(&self, o: &Rect) -> Rect {
        Rect { x0: self.x0.min(o.x0), top: self.top.min(o.top), x1: self.x1.max(o.x1), bottom: self.bottom.max(o.bottom) }
    }

    /// Whether the point is inside (edges included).
    pub fn contains(&self, x: f32, y: f32) -> bool {
        x >= self.x0 && x <= self.x1 && y >= self.top && y <= self.bottom
    }

    /// Whether every number is finite.
    pub fn is_finite(&self) -> bool {
        self.x0.is_finite() && self.x1.is_finite() && self.top.is_finite() && self.bottom.is_finite()
    }
}
