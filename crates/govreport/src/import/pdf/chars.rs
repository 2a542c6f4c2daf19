//! Characters as the text means them. Fonts that give one glyph to a Kangxi radical and to
//! the ideograph it looks like (Noto CJK, as Chromium embeds it) often make ToUnicode name
//! the radical: "⼯作" for "工作". Kangxi radicals become their ideographs (their NFKC form),
//! and so do the radicals of the supplement that are whole characters ("⺠" 民, "⻓" 长).
//! Three radicals whose NFKC form is a variant that simplified Chinese writes otherwise, and
//! whose glyph in a simplified Chinese font is the simplified character, become that: ⼾ 户
//! (not 戶), ⿈ 黄 (not 黃), ⾭ 青 (not 靑). The reports are published in simplified Chinese.
//! The deprecated angle brackets U+2329 and U+232A become 〈 〉, their canonical forms.

/// The ideographs of the Kangxi radicals U+2F00 … U+2FD5, in order (their NFKC forms).
const KANGXI: &str = "一丨丶丿乙亅二亠人儿入八冂冖冫几凵刀力勹匕匚匸十卜卩厂厶又口囗土士夂夊夕大女子宀寸小尢尸屮山巛工己巾干幺广廴廾弋弓彐彡彳心戈戶手支攴文斗斤方无日曰月木欠止歹殳毋比毛氏气水火爪父爻爿片牙牛犬玄玉瓜瓦甘生用田疋疒癶白皮皿目矛矢石示禸禾穴立竹米糸缶网羊羽老而耒耳聿肉臣自至臼舌舛舟艮色艸虍虫血行衣襾見角言谷豆豕豸貝赤走足身車辛辰辵邑酉釆里金長門阜隶隹雨靑非面革韋韭音頁風飛食首香馬骨高髟鬥鬯鬲鬼魚鳥鹵鹿麥麻黃黍黑黹黽鼎鼓鼠鼻齊齒龍龜龠";

/// Radicals of the CJK Radicals Supplement that stand for a whole character.
const SUPPLEMENT: &[(char, char)] = &[
    ('⺟', '母'),
    ('⺠', '民'),
    ('⻁', '虎'),
    ('⻄', '西'),
    ('⻅', '见'),
    ('⻆', '角'),
    ('⻉', '贝'),
    ('⻋', '车'),
    ('⻑', '長'),
    ('⻓', '长'),
    ('⻔', '门'),
    ('⻘', '青'),
    ('⻙', '韦'),
    ('⻚', '页'),
    ('⻛', '风'),
    ('⻜', '飞'),
    ('⻝', '食'),
    ('⻢', '马'),
    ('⻣', '骨'),
    ('⻤', '鬼'),
    ('⻥', '鱼'),
    ('⻦', '鸟'),
    ('⻧', '卤'),
    ('⻨', '麦'),
    ('⻩', '黄'),
    ('⻪', '黾'),
    ('⻫', '斉'),
    ('⻬', '齐'),
    ('⻭', '歯'),
    ('⻮', '齿'),
    ('⻯', '竜'),
    ('⻰', '龙'),
    ('⻱', '龜'),
    ('⻲', '亀'),
    ('⻳', '龟'),
];

/// The character `c` stands for in text.
pub fn unify(c: char) -> char {
    match c as u32 {
        // Deprecated angle brackets, canonically the CJK ones (Chromium's ToUnicode writes them).
        0x2329 => '〈',
        0x232A => '〉',
        0x2F3E => '户',
        0x2FC8 => '黄',
        0x2FAD => '青',
        0x2F00..=0x2FD5 => KANGXI.chars().nth(c as usize - 0x2F00).unwrap_or(c),
        0x2E80..=0x2EFF => SUPPLEMENT.iter().find(|(r, _)| *r == c).map_or(c, |(_, u)| *u),
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn radicals_become_ideographs() {
        let s: String = "⼯作⽇期⼈⺠⻓⻔⾦额⾨⼾⿈".chars().map(unify).collect();
        assert_eq!(s, "工作日期人民长门金额門户黄");
        assert_eq!(unify('工'), '工');
        assert_eq!(unify('\u{2329}'), '〈');
        assert_eq!(unify('⺅'), '⺅');
    }
}
