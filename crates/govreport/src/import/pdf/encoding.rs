//! Simple fonts' encodings: the base encodings (WinAnsi, MacRoman, Standard) and glyph names
//! as `/Differences` arrays give them, to Unicode.

/// A base encoding of a simple font.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Base {
    /// WinAnsiEncoding (Windows code page 1252).
    WinAnsi,
    /// MacRomanEncoding.
    MacRoman,
    /// StandardEncoding (the Type 1 default).
    Standard,
    /// No encoding: a symbolic font's codes as they are.
    Symbol,
}

impl Base {
    /// The base encoding a `/BaseEncoding` or `/Encoding` name stands for.
    pub fn from_name(name: &[u8]) -> Option<Base> {
        match name {
            b"WinAnsiEncoding" => Some(Base::WinAnsi),
            b"MacRomanEncoding" | b"MacExpertEncoding" => Some(Base::MacRoman),
            b"StandardEncoding" | b"PDFDocEncoding" => Some(Base::Standard),
            _ => None,
        }
    }

    /// The character of `code`.
    pub fn char(self, code: u8) -> Option<char> {
        self.table()[usize::from(code)]
    }

    /// Every code's character, computed once.
    pub fn table(self) -> &'static [Option<char>; 256] {
        static TABLES: std::sync::OnceLock<[[Option<char>; 256]; 4]> = std::sync::OnceLock::new();
        let tables = TABLES.get_or_init(|| {
            let of = |f: &dyn Fn(u8) -> Option<char>| std::array::from_fn(|c| f(c as u8));
            [
                of(&|c| single(encoding_rs::WINDOWS_1252, c)),
                of(&|c| single(encoding_rs::MACINTOSH, c)),
                of(&standard),
                of(&|c| (0x20..0x7F).contains(&c).then_some(c as char)),
            ]
        });
        &tables[self as usize]
    }
}

fn single(e: &'static encoding_rs::Encoding, code: u8) -> Option<char> {
    if code < 0x20 {
        return None;
    }
    let mut out = [0u16; 2];
    let mut dec = e.new_decoder_without_bom_handling();
    let (_, _, written, _) = dec.decode_to_utf16([code].as_slice(), &mut out, true);
    char::from_u32(u32::from(out[..written].first().copied()?)).filter(|c| *c != '\u{FFFD}' && !c.is_control())
}

fn standard(code: u8) -> Option<char> {
    Some(match code {
        0x27 => '’',
        0x60 => '‘',
        0x20..=0x7E => code as char,
        0xA1 => '¡',
        0xA2 => '¢',
        0xA3 => '£',
        0xA5 => '¥',
        0xA7 => '§',
        0xA9 => '\'',
        0xAA => '“',
        0xAB => '«',
        0xAE => 'ﬁ',
        0xAF => 'ﬂ',
        0xB1 => '–',
        0xB2 => '†',
        0xB3 => '‡',
        0xB4 => '·',
        0xB7 => '•',
        0xB8 => '‚',
        0xB9 => '„',
        0xBA => '”',
        0xBB => '»',
        0xBC => '…',
        0xBD => '‰',
        0xD0 => '—',
        _ => return None,
    })
}

/// Glyph names of the Adobe Glyph List that simple fonts in these reports use (Latin letters,
/// digits, punctuation, Latin-1), beside `uniXXXX`, `uXXXX` and one-letter names.
const NAMES: &[(&str, char)] = &[
    ("space", ' '),
    ("exclam", '!'),
    ("quotedbl", '"'),
    ("numbersign", '#'),
    ("dollar", '$'),
    ("percent", '%'),
    ("ampersand", '&'),
    ("quotesingle", '\''),
    ("quoteright", '’'),
    ("parenleft", '('),
    ("parenright", ')'),
    ("asterisk", '*'),
    ("plus", '+'),
    ("comma", ','),
    ("hyphen", '-'),
    ("minus", '−'),
    ("period", '.'),
    ("slash", '/'),
    ("zero", '0'),
    ("one", '1'),
    ("two", '2'),
    ("three", '3'),
    ("four", '4'),
    ("five", '5'),
    ("six", '6'),
    ("seven", '7'),
    ("eight", '8'),
    ("nine", '9'),
    ("colon", ':'),
    ("semicolon", ';'),
    ("less", '<'),
    ("equal", '='),
    ("greater", '>'),
    ("question", '?'),
    ("at", '@'),
    ("bracketleft", '['),
    ("backslash", '\\'),
    ("bracketright", ']'),
    ("asciicircum", '^'),
    ("underscore", '_'),
    ("grave", '`'),
    ("quoteleft", '‘'),
    ("braceleft", '{'),
    ("bar", '|'),
    ("braceright", '}'),
    ("asciitilde", '~'),
    ("bullet", '•'),
    ("endash", '–'),
    ("emdash", '—'),
    ("ellipsis", '…'),
    ("quotedblleft", '“'),
    ("quotedblright", '”'),
    ("quotesinglbase", '‚'),
    ("quotedblbase", '„'),
    ("guillemotleft", '«'),
    ("guillemotright", '»'),
    ("periodcentered", '·'),
    ("middot", '·'),
    ("degree", '°'),
    ("multiply", '×'),
    ("divide", '÷'),
    ("plusminus", '±'),
    ("section", '§'),
    ("paragraph", '¶'),
    ("copyright", '©'),
    ("registered", '®'),
    ("trademark", '™'),
    ("yen", '¥'),
    ("sterling", '£'),
    ("cent", '¢'),
    ("Euro", '€'),
    ("nbspace", '\u{A0}'),
    ("fi", 'ﬁ'),
    ("fl", 'ﬂ'),
    ("dagger", '†'),
    ("daggerdbl", '‡'),
    ("perthousand", '‰'),
    ("onehalf", '½'),
    ("onequarter", '¼'),
    ("threequarters", '¾'),
];

/// The character a glyph name stands for.
pub fn glyph_name(name: &[u8]) -> Option<char> {
    let name = std::str::from_utf8(name).ok()?;
    // "one.alt", "a_b": the part before the suffix.
    let base = name.split('.').next().unwrap_or(name);
    static BY_NAME: std::sync::OnceLock<std::collections::HashMap<&'static str, char>> = std::sync::OnceLock::new();
    if let Some(c) = BY_NAME.get_or_init(|| NAMES.iter().copied().collect()).get(base) {
        return Some(*c);
    }
    let mut chars = base.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_ascii_alphanumeric()
    {
        return Some(c);
    }
    let hex = |s: &str| u32::from_str_radix(s, 16).ok().and_then(char::from_u32);
    if let Some(h) = base.strip_prefix("uni").filter(|h| h.len() >= 4) {
        return hex(&h[..4]);
    }
    if let Some(h) = base.strip_prefix('u').filter(|h| (4..=6).contains(&h.len()) && h.bytes().all(|b| b.is_ascii_hexdigit())) {
        return hex(h);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_and_names() {
        assert_eq!(Base::WinAnsi.char(0x80), Some('€'));
        assert_eq!(Base::WinAnsi.char(b'7'), Some('7'));
        assert_eq!(Base::MacRoman.char(0xD2), Some('“'));
        assert_eq!(Base::Standard.char(0x27), Some('’'));
        assert_eq!(glyph_name(b"seven"), Some('7'));
        assert_eq!(glyph_name(b"uni4E00"), Some('一'));
        assert_eq!(glyph_name(b"u1F600"), Some('😀'));
        assert_eq!(glyph_name(b"A"), Some('A'));
        assert_eq!(glyph_name(b"g123"), None);
    }
}
