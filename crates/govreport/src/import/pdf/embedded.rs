//! Text from the font program a PDF embeds, for fonts that say nothing else: a composite font
//! over the `Identity` collection without a ToUnicode map (its CIDs are glyph ids, which no
//! character collection names), or a symbolic TrueType font whose codes have no standard
//! meaning. The glyph a code draws is fixed by the font; the font's own Unicode `cmap` says
//! which characters that glyph is drawn for, so the text is what the page shows, not a guess.
//!
//! A glyph drawn for several characters (Noto CJK gives one glyph to 工 and the Kangxi radical
//! ⼯) is read as the ideograph of the main blocks; a glyph no Unicode `cmap` names keeps its
//! `post` table name when that is a glyph name (`uni5E74`, `seven`), else it stays unknown
//! (GR914 counts it).

use std::collections::HashMap;

use hayro_syntax::object::{Dict, Name, Stream};

use super::encoding;
use super::filters::{self, Budget, Limit};

/// The characters each glyph of an embedded font is drawn for, and how codes reach glyphs.
pub struct Glyphs {
    by_glyph: HashMap<u16, char>,
    /// A simple font's codes to glyphs (its (3,0) symbol or (1,0) Macintosh `cmap`).
    by_code: Option<Box<[Option<u16>; 256]>>,
}

/// How much a character is preferred as the text of a glyph drawn for several: ideographs and
/// letters of the main blocks first, radicals and compatibility forms last.
fn rank(c: char) -> u8 {
    match c as u32 {
        0x2E80..=0x2FDF | 0xF900..=0xFAFF | 0x2F800..=0x2FA1F => 3,
        0xE000..=0xF8FF | 0xF0000.. => 4,
        0x3400..=0x9FFF | 0x20000..=0x2EBEF => 0,
        _ if c.is_control() => 5,
        _ => 1,
    }
}

impl Glyphs {
    /// The glyphs of the font program in `descriptor` (FontFile2, or FontFile3 of subtype
    /// OpenType), when there is one that parses; `simple` also reads how codes reach glyphs.
    pub fn load(descriptor: &Dict<'_>, simple: bool, budget: &mut Budget) -> Result<Option<Glyphs>, Limit> {
        let program = descriptor.get::<Stream<'_>>(b"FontFile2".as_slice()).or_else(|| {
            descriptor
                .get::<Stream<'_>>(b"FontFile3".as_slice())
                .filter(|s| s.dict().get::<Name<'_>>(b"Subtype".as_slice()).is_some_and(|n| n.as_ref() == b"OpenType"))
        });
        let Some(program) = program else { return Ok(None) };
        let data = filters::decode(&program, budget)?;
        Ok(Glyphs::parse(&data, simple))
    }

    fn parse(data: &[u8], simple: bool) -> Option<Glyphs> {
        let face = ttf_parser::Face::parse(data, 0).ok()?;
        let mut by_glyph: HashMap<u16, char> = HashMap::new();
        let mut by_code: Option<Box<[Option<u16>; 256]>> = None;
        if let Some(cmap) = face.tables().cmap {
            for sub in cmap.subtables {
                if sub.is_unicode() {
                    sub.codepoints(|cp| {
                        if let (Some(c), Some(g)) = (char::from_u32(cp), sub.glyph_index(cp)) {
                            let e = by_glyph.entry(g.0).or_insert(c);
                            if (rank(c), c) < (rank(*e), *e) {
                                *e = c;
                            }
                        }
                    });
                } else if simple && by_code.is_none() {
                    // (3,0): codes at U+F000 + code (or the code itself); (1,0): the code.
                    let symbol = sub.platform_id == ttf_parser::PlatformId::Windows && sub.encoding_id == 0;
                    let mac = sub.platform_id == ttf_parser::PlatformId::Macintosh && sub.encoding_id == 0;
                    if symbol || mac {
                        let mut table: Box<[Option<u16>; 256]> = Box::new([None; 256]);
                        for (code, slot) in table.iter_mut().enumerate() {
                            let code = code as u32;
                            let g = if symbol { sub.glyph_index(0xF000 + code).or_else(|| sub.glyph_index(code)) } else { sub.glyph_index(code) };
                            *slot = g.map(|g| g.0).filter(|g| *g != 0);
                        }
                        by_code = Some(table);
                    }
                }
            }
        }
        // Glyphs no Unicode cmap names: their names, when those are glyph names.
        for g in 1..face.number_of_glyphs() {
            if let std::collections::hash_map::Entry::Vacant(v) = by_glyph.entry(g)
                && let Some(c) = face.glyph_name(ttf_parser::GlyphId(g)).and_then(|n| encoding::glyph_name(n.as_bytes()))
            {
                v.insert(c);
            }
        }
        (!by_glyph.is_empty()).then_some(Glyphs { by_glyph, by_code })
    }

    /// The character glyph `gid` is drawn for.
    pub fn of_glyph(&self, gid: u32) -> Option<char> {
        u16::try_from(gid).ok().and_then(|g| self.by_glyph.get(&g)).copied()
    }

    /// The character a simple font's `code` draws, through the font's own code map.
    pub fn of_code(&self, code: u32) -> Option<char> {
        let g = self.by_code.as_ref()?.get(code as usize).copied().flatten()?;
        self.of_glyph(u32::from(g))
    }
}

/// A CIDFont's `CIDToGIDMap`: None for `/Identity` (or absent), else the glyph of each CID.
pub fn cid_to_gid(descendant: &Dict<'_>, budget: &mut Budget) -> Result<Option<Vec<u16>>, Limit> {
    match descendant.get::<Stream<'_>>(b"CIDToGIDMap".as_slice()) {
        Some(s) => Ok(Some(filters::decode(&s, budget)?.chunks_exact(2).map(|b| u16::from_be_bytes([b[0], b[1]])).collect())),
        None => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ideographs_are_preferred_over_radicals_and_compatibility_forms() {
        assert!(rank('工') < rank('⼯'));
        assert!(rank('工') < rank('\u{F9A8}'));
        assert!(rank('A') < rank('\u{E000}'));
    }

    #[test]
    fn what_is_no_font_gives_nothing() {
        assert!(Glyphs::parse(b"not a font", true).is_none());
        assert!(Glyphs::parse(&[], false).is_none());
    }
}
