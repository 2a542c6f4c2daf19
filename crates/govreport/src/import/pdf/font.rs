//! Fonts as far as text needs them: how a string splits into character codes, the Unicode
//! text of each code and its advance width. Glyph programs are never read.
//!
//! Composite (Type 0) fonts map codes to CIDs through their CMap (Identity-H/V, an embedded
//! CMap, or one of Adobe's predefined CMaps such as GBK-EUC-H or UniGB-UCS2-H, which
//! hayro-cmap carries); the text comes from the font's ToUnicode CMap, else from the code
//! itself for Unicode and GB encodings, else from the CID through the character collection's
//! UCS2 CMap (Adobe-GB1-UCS2 …), else from the embedded font program ([`embedded`]). Simple
//! fonts map codes through ToUnicode, else their encoding (base encoding and `/Differences`
//! glyph names), else (a symbolic TrueType font) the embedded program's own code map.

use std::collections::HashMap;
use std::rc::Rc;

use hayro_cmap::{BfString, CMap, CMapName, CidFamily, WritingMode};
use hayro_syntax::object::{Array, Dict, Name, Object, Stream};

use super::embedded::{self, Glyphs};
use super::encoding::{self, Base};
use super::filters::{self, Budget, Limit};

/// The text of one character code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Text {
    /// One character.
    Char(char),
    /// Several (a ligature, or a ToUnicode entry that maps to a string).
    Str(Box<str>),
    /// Nothing maps the code to Unicode.
    Unknown,
}

impl From<BfString> for Text {
    fn from(b: BfString) -> Text {
        match b {
            BfString::Char(c) => Text::Char(c),
            BfString::String(s) => {
                let mut cs = s.chars();
                match (cs.next(), cs.next()) {
                    (Some(c), None) => Text::Char(c),
                    (None, _) => Text::Unknown,
                    _ => Text::Str(s.into_boxed_str()),
                }
            }
        }
    }
}

/// How codes of a composite font become text when ToUnicode does not say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CodeText {
    /// Through the CID and the collection's UCS2 CMap.
    Cid,
    /// The code is UTF-16 (UniGB-UCS2-H, UniGB-UTF16-H …).
    Utf16,
    /// The code is GB 2312 / GBK / GB 18030 bytes (GB-EUC-H, GBK-EUC-H, GBK2K-H …).
    Gb,
}

enum Kind {
    Simple {
        chars: Box<[Option<char>; 256]>,
        widths: Box<[f32; 256]>,
        /// The embedded program, for a symbolic font (its codes mean what its code map says).
        glyphs: Option<Glyphs>,
    },
    Composite {
        encoding: Rc<CMap>,
        identity: bool,
        code_text: CodeText,
        ucs2: Option<Rc<CMap>>,
        widths: Ranges<[f32; 1]>,
        default_width: f32,
        vertical_metrics: Ranges<[f32; 3]>,
        default_vertical: (f32, f32),
        /// The embedded program and the CIDToGIDMap (None: identity), for codes nothing else
        /// names.
        glyphs: Option<(Glyphs, Option<Vec<u16>>)>,
    },
}

/// A font of a page, ready to turn strings into text and advances.
pub struct Font {
    kind: Kind,
    to_unicode: Option<CMap>,
    /// Text space units per glyph space unit (0.001; a Type 3 font's FontMatrix).
    scale: f32,
    vertical: bool,
}

/// Parsed CMaps shared by the fonts of one document.
#[derive(Default)]
pub struct Cache {
    fonts: HashMap<hayro_syntax::object::ObjectIdentifier, Rc<Font>>,
    cmaps: HashMap<Vec<u8>, Option<Rc<CMap>>>,
}

fn predefined(name: &[u8]) -> Option<&'static [u8]> {
    hayro_cmap::load_embedded(CMapName::from_bytes(name))
}

fn parse_cmap(data: &[u8]) -> Option<CMap> {
    CMap::parse(data, |n: CMapName<'_>| hayro_cmap::load_embedded(n))
}

impl Cache {
    /// The font of the object `id`, when it was loaded before.
    pub fn known(&self, id: hayro_syntax::object::ObjectIdentifier) -> Option<Rc<Font>> {
        self.fonts.get(&id).cloned()
    }

    /// The font of `dict`, loaded once per document when it is an indirect object.
    pub fn font(&mut self, dict: &Dict<'_>, budget: &mut Budget) -> Result<Rc<Font>, Limit> {
        let id = dict.obj_id();
        if let Some(id) = id
            && let Some(f) = self.fonts.get(&id)
        {
            return Ok(f.clone());
        }
        let f = Rc::new(Font::load(dict, self, budget)?);
        if let Some(id) = id {
            self.fonts.insert(id, f.clone());
        }
        Ok(f)
    }

    fn named(&mut self, name: &[u8]) -> Option<Rc<CMap>> {
        self.cmaps
            .entry(name.to_vec())
            .or_insert_with(|| match name {
                b"Identity-H" => Some(Rc::new(CMap::identity_h())),
                b"Identity-V" => Some(Rc::new(CMap::identity_v())),
                _ => predefined(name).and_then(parse_cmap).map(Rc::new),
            })
            .clone()
    }
}

fn to_unicode(dict: &Dict<'_>, budget: &mut Budget) -> Result<Option<CMap>, Limit> {
    match dict.get::<Stream<'_>>(b"ToUnicode".as_slice()) {
        Some(s) => Ok(parse_cmap(&filters::decode(&s, budget)?)),
        None => Ok(None),
    }
}

fn name_bytes(n: &Name<'_>) -> Vec<u8> {
    n.as_ref().to_vec()
}

impl Font {
    fn load(dict: &Dict<'_>, cache: &mut Cache, budget: &mut Budget) -> Result<Font, Limit> {
        let subtype = dict.get::<Name<'_>>(b"Subtype".as_slice()).map(|n| name_bytes(&n)).unwrap_or_default();
        let to_unicode = to_unicode(dict, budget)?;
        if subtype == b"Type0" {
            return Font::composite(dict, to_unicode, cache, budget);
        }
        let scale = if subtype == b"Type3" { dict.get::<[f32; 6]>(b"FontMatrix".as_slice()).map_or(0.001, |m| m[0].abs()).clamp(1e-6, 1.0) } else { 0.001 };
        let descriptor = dict.get::<Dict<'_>>(b"FontDescriptor".as_slice());
        let flags = descriptor.as_ref().and_then(|d| d.get::<u32>(b"Flags".as_slice())).unwrap_or(0);
        let symbolic = flags & 4 != 0 && flags & 32 == 0;
        let base_font = dict.get::<Name<'_>>(b"BaseFont".as_slice()).map(|n| name_bytes(&n)).unwrap_or_default();
        // Encoding: a name, or a dictionary with a base and differences.
        let mut base = if symbolic {
            Base::Symbol
        } else if subtype == b"TrueType" {
            Base::WinAnsi
        } else {
            Base::Standard
        };
        let mut differences: Option<Array<'_>> = None;
        match dict.get::<Object<'_>>(b"Encoding".as_slice()) {
            Some(Object::Name(n)) => base = Base::from_name(n.as_ref()).unwrap_or(base),
            Some(Object::Dict(d)) => {
                if let Some(b) = d.get::<Name<'_>>(b"BaseEncoding".as_slice()).and_then(|n| Base::from_name(n.as_ref())) {
                    base = b;
                }
                differences = d.get::<Array<'_>>(b"Differences".as_slice());
            }
            _ => {}
        }
        let mut chars: Box<[Option<char>; 256]> = Box::new(*base.table());
        if let Some(diff) = differences {
            let mut code: i64 = 0;
            for o in diff.iter::<Object<'_>>() {
                match o {
                    Object::Number(n) => code = n.as_i64(),
                    Object::Name(n) => {
                        if (0..256).contains(&code) {
                            chars[code as usize] = encoding::glyph_name(n.as_ref()).or(chars[code as usize]);
                        }
                        code += 1;
                    }
                    _ => {}
                }
            }
        }
        let monospace = base_font.windows(7).any(|w| w == b"Courier");
        let missing =
            descriptor.as_ref().and_then(|d| d.get::<f32>(b"MissingWidth".as_slice())).filter(|w| *w > 0.0).unwrap_or(if monospace { 600.0 } else { 500.0 });
        let mut widths: Box<[f32; 256]> = Box::new([missing; 256]);
        let first = dict.get::<i64>(b"FirstChar".as_slice()).unwrap_or(0);
        if let Some(ws) = dict.get::<Array<'_>>(b"Widths".as_slice()) {
            for (i, w) in ws.iter::<f32>().enumerate() {
                let code = first + i as i64;
                if (0..256).contains(&code) && w.is_finite() {
                    widths[code as usize] = w;
                }
            }
        }
        // A symbolic TrueType font's codes have no standard meaning: its own code map says
        // which glyph each draws (only read when ToUnicode does not cover the font).
        let glyphs = match (&descriptor, symbolic && subtype == b"TrueType" && to_unicode.is_none()) {
            (Some(d), true) => Glyphs::load(d, true, budget)?,
            _ => None,
        };
        Ok(Font { kind: Kind::Simple { chars, widths, glyphs }, to_unicode, scale, vertical: false })
    }

    fn composite(dict: &Dict<'_>, to_unicode: Option<CMap>, cache: &mut Cache, budget: &mut Budget) -> Result<Font, Limit> {
        let (encoding, enc_name) = match dict.get::<Object<'_>>(b"Encoding".as_slice()) {
            Some(Object::Name(n)) => (cache.named(n.as_ref()), name_bytes(&n)),
            Some(Object::Stream(s)) => {
                let name = s.dict().get::<Name<'_>>(b"CMapName".as_slice()).map(|n| name_bytes(&n)).unwrap_or_default();
                let parsed = filters::decode(&s, budget).ok().and_then(|d| parse_cmap(&d)).map(Rc::new);
                (parsed.or_else(|| cache.named(&name)), name)
            }
            _ => (None, Vec::new()),
        };
        let encoding = encoding.unwrap_or_else(|| Rc::new(CMap::identity_h()));
        let identity = encoding.metadata().name.as_deref().is_some_and(|n| n.starts_with(b"Identity"));
        let vertical = encoding.metadata().writing_mode == Some(WritingMode::Vertical);
        let descendant = dict.get::<Array<'_>>(b"DescendantFonts".as_slice()).and_then(|a| a.iter::<Dict<'_>>().next()).unwrap_or_default();
        let family = descendant
            .get::<Dict<'_>>(b"CIDSystemInfo".as_slice())
            .and_then(|i| {
                let r = i.get::<hayro_syntax::object::String<'_>>(b"Registry".as_slice())?;
                let o = i.get::<hayro_syntax::object::String<'_>>(b"Ordering".as_slice())?;
                Some(CidFamily::from_registry_ordering(r.as_bytes(), o.as_bytes()))
            })
            .or_else(|| encoding.metadata().character_collection.as_ref().map(|c| c.family.clone()));
        let code_text = if enc_name.starts_with(b"Uni") && (enc_name.windows(4).any(|w| w == b"UCS2") || enc_name.windows(5).any(|w| w == b"UTF16")) {
            CodeText::Utf16
        } else if enc_name.starts_with(b"GB") && enc_name.windows(3).any(|w| w == b"EUC" || w == b"K2K") {
            CodeText::Gb
        } else {
            CodeText::Cid
        };
        let ucs2 = match (&family, code_text) {
            (Some(f), CodeText::Cid) => f.ucs2_cmap().and_then(|n| cache.named(n.to_bytes())),
            _ => None,
        };
        let default_width = descendant.get::<f32>(b"DW".as_slice()).filter(|w| w.is_finite()).unwrap_or(1000.0);
        let widths = descendant.get::<Array<'_>>(b"W".as_slice()).map(|a| cid_metrics::<1>(&a)).unwrap_or_default();
        let dw2 = descendant.get::<[f32; 2]>(b"DW2".as_slice()).map_or((880.0, -1000.0), |v| (v[0], v[1]));
        let vertical_metrics = descendant.get::<Array<'_>>(b"W2".as_slice()).map(|a| cid_metrics::<3>(&a)).unwrap_or_default();
        // CIDs that no collection names (Identity) and no ToUnicode: the embedded program.
        let glyphs = match descendant.get::<Dict<'_>>(b"FontDescriptor".as_slice()) {
            Some(d) if ucs2.is_none() && code_text == CodeText::Cid && to_unicode.is_none() => {
                Glyphs::load(&d, false, budget)?.map(|g| embedded::cid_to_gid(&descendant, budget).map(|m| (g, m))).transpose()?
            }
            _ => None,
        };
        Ok(Font {
            kind: Kind::Composite { encoding, identity, code_text, ucs2, widths, default_width, vertical_metrics, default_vertical: dw2, glyphs },
            to_unicode,
            scale: 0.001,
            vertical,
        })
    }

    /// Whether the font writes top to bottom (a vertical CMap such as Identity-V).
    pub fn vertical(&self) -> bool {
        self.vertical
    }

    /// The first character code of `bytes` and its length in bytes (at least 1).
    pub fn next_code(&self, bytes: &[u8]) -> (u32, usize) {
        let be = |n: usize| bytes[..n].iter().fold(0u32, |a, &b| a << 8 | u32::from(b));
        match &self.kind {
            Kind::Simple { .. } => (u32::from(bytes[0]), 1),
            Kind::Composite { identity: true, .. } => {
                let n = bytes.len().min(2);
                (be(n), n)
            }
            Kind::Composite { encoding, .. } => {
                for n in 1..=bytes.len().min(4) {
                    let code = be(n);
                    if encoding.lookup_cid_code(code, n as u8).is_some() {
                        return (code, n);
                    }
                }
                let n = if bytes[0] >= 0x81 && bytes.len() >= 2 { 2 } else { 1 };
                (be(n), n)
            }
        }
    }

    fn cid(&self, code: u32, len: usize) -> u32 {
        match &self.kind {
            Kind::Composite { identity: true, .. } | Kind::Simple { .. } => code,
            Kind::Composite { encoding, .. } => encoding.lookup_cid_code(code, len as u8).unwrap_or(0),
        }
    }

    /// The text of a code.
    pub fn text(&self, code: u32, len: usize) -> Text {
        if let Some(b) = self.to_unicode.as_ref().and_then(|t| t.lookup_bf_string(code)) {
            let t = Text::from(b);
            if t != Text::Unknown {
                return t;
            }
        }
        match &self.kind {
            Kind::Simple { glyphs: Some(g), chars, .. } => {
                g.of_code(code).or_else(|| chars.get(code as usize).copied().flatten()).map_or(Text::Unknown, Text::Char)
            }
            Kind::Simple { chars, .. } => chars.get(code as usize).copied().flatten().map_or(Text::Unknown, Text::Char),
            Kind::Composite { code_text: CodeText::Utf16, .. } => {
                let units: Vec<u16> = if len >= 4 { vec![(code >> 16) as u16, code as u16] } else { vec![code as u16] };
                String::from_utf16(&units).ok().and_then(|s| s.chars().next()).map_or(Text::Unknown, Text::Char)
            }
            Kind::Composite { code_text: CodeText::Gb, .. } => {
                let bytes = code.to_be_bytes();
                let (s, bad) = encoding_rs::GB18030.decode_without_bom_handling(&bytes[4 - len.min(4)..]);
                if bad { Text::Unknown } else { s.chars().next().map_or(Text::Unknown, Text::Char) }
            }
            Kind::Composite { ucs2: Some(u), .. } => {
                let cid = self.cid(code, len);
                if let Some(b) = u.lookup_bf_string(cid) {
                    return Text::from(b);
                }
                for n in 1..=4u8 {
                    if let Some(c) = u.lookup_cid_code(cid, n).and_then(char::from_u32) {
                        return Text::Char(c);
                    }
                }
                Text::Unknown
            }
            Kind::Composite { glyphs: Some((g, map)), .. } => {
                let cid = self.cid(code, len);
                let gid = match map {
                    None => Some(cid),
                    Some(m) => m.get(cid as usize).map(|g| u32::from(*g)),
                };
                gid.filter(|id| *id != 0).and_then(|id| g.of_glyph(id)).map_or(Text::Unknown, Text::Char)
            }
            Kind::Composite { .. } => Text::Unknown,
        }
    }

    /// The horizontal advance of a code, in text space units (before the font size).
    pub fn width(&self, code: u32, len: usize) -> f32 {
        let w = match &self.kind {
            Kind::Simple { widths, .. } => widths.get(code as usize).copied().unwrap_or(500.0),
            Kind::Composite { widths, default_width, .. } => widths.get(self.cid(code, len)).map_or(*default_width, |w| w[0]),
        };
        w * self.scale
    }

    /// Vertical metrics of a code in text space units: the advance (w1y, negative down) and
    /// the position vector (vx, vy) from the horizontal origin.
    pub fn vertical_metrics(&self, code: u32, len: usize) -> (f32, f32, f32) {
        match &self.kind {
            Kind::Composite { vertical_metrics, default_vertical, .. } => {
                let cid = self.cid(code, len);
                match vertical_metrics.get(cid) {
                    Some([w1y, vx, vy]) => (w1y * self.scale, vx * self.scale, vy * self.scale),
                    None => (default_vertical.1 * self.scale, self.width(code, len) / 2.0, default_vertical.0 * self.scale),
                }
            }
            Kind::Simple { .. } => (-self.scale * 1000.0, self.width(code, len) / 2.0, 0.88),
        }
    }
}

/// Values by ranges of CIDs, sorted, found by binary search: linear in the size of the array
/// however wide the ranges it states.
#[derive(Default)]
struct Ranges<T>(Vec<(u32, u32, T)>);

impl<T: Copy> Ranges<T> {
    fn get(&self, cid: u32) -> Option<T> {
        let i = self.0.partition_point(|(first, _, _)| *first <= cid);
        let (_, last, v) = self.0.get(i.checked_sub(1)?)?;
        (cid <= *last).then_some(*v)
    }
}

/// A CIDFont's `W` (n = 1: `c [w …]`, `c_first c_last w`) or `W2` (n = 3: `c [w1y vx vy …]`,
/// `c_first c_last w1y vx vy`) array.
fn cid_metrics<const N: usize>(a: &Array<'_>) -> Ranges<[f32; N]> {
    let mut out: Vec<(u32, u32, [f32; N])> = Vec::new();
    let items: Vec<Object<'_>> = a.iter::<Object<'_>>().collect();
    let num = |o: &Object<'_>| match o {
        Object::Number(n) => Some(n.as_f64()),
        _ => None,
    };
    let cid = |f: f64| (f >= 0.0 && f < f64::from(u32::MAX)).then_some(f as u32);
    let mut i = 0;
    while i < items.len() {
        let Some(first) = num(&items[i]).and_then(cid) else { break };
        match items.get(i + 1) {
            Some(Object::Array(ws)) => {
                let v: Vec<f32> = ws.iter::<f32>().collect();
                for (k, m) in v.chunks_exact(N).enumerate() {
                    let c = first.saturating_add(k as u32);
                    out.push((c, c, std::array::from_fn(|j| m[j])));
                }
                i += 2;
            }
            Some(o) => {
                let Some(last) = num(o).and_then(cid) else { break };
                let m: Vec<f32> = items[i + 2..(i + 2 + N).min(items.len())].iter().filter_map(num).map(|f| f as f32).collect();
                if m.len() < N {
                    break;
                }
                out.push((first, last.max(first), std::array::from_fn(|j| m[j])));
                i += 2 + N;
            }
            None => break,
        }
    }
    out.sort_by_key(|r| r.0);
    Ranges(out)
}
