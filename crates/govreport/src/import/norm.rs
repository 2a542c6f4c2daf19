//! Normalising text for matching: the same label written with full- or half-width punctuation
//! and digits, spaces or line breaks inside it, "1、" for "1.", curly or straight quotes, or in
//! traditional characters must give the same key. Keys are for matching only; what the
//! document keeps (section text, agency names) stays as published.

/// Traditional → simplified, for the characters of the labels and of the words the importer
/// looks for (titles, dates, document numbers, agency kinds). Not a general converter.
const T2S: &[(char, char)] = &[
    ('總', '总'),
    ('體', '体'),
    ('況', '况'),
    ('動', '动'),
    ('開', '开'),
    ('條', '条'),
    ('項', '项'),
    ('內', '内'),
    ('發', '发'),
    ('廢', '废'),
    ('數', '数'),
    ('現', '现'),
    ('規', '规'),
    ('範', '范'),
    ('許', '许'),
    ('處', '处'),
    ('決', '决'),
    ('罰', '罚'),
    ('強', '强'),
    ('費', '费'),
    ('額', '额'),
    ('單', '单'),
    ('萬', '万'),
    ('請', '请'),
    ('關', '关'),
    ('係', '系'),
    ('為', '为'),
    ('於', '于'),
    ('組', '组'),
    ('織', '织'),
    ('計', '计'),
    ('業', '业'),
    ('機', '机'),
    ('構', '构'),
    ('會', '会'),
    ('務', '务'),
    ('結', '结'),
    ('轉', '转'),
    ('辦', '办'),
    ('區', '区'),
    ('這', '这'),
    ('屬', '属'),
    ('國', '国'),
    ('與', '与'),
    ('穩', '稳'),
    ('護', '护'),
    ('權', '权'),
    ('類', '类'),
    ('過', '过'),
    ('執', '执'),
    ('詢', '询'),
    ('獲', '获'),
    ('據', '据'),
    ('無', '无'),
    ('製', '制'),
    ('補', '补'),
    ('後', '后'),
    ('確', '确'),
    ('訪', '访'),
    ('舉', '举'),
    ('報', '报'),
    ('訴', '诉'),
    ('復', '复'),
    ('複', '复'),
    ('議', '议'),
    ('當', '当'),
    ('認', '认'),
    ('繳', '缴'),
    ('納', '纳'),
    ('維', '维'),
    ('糾', '纠'),
    ('審', '审'),
    ('訟', '讼'),
    ('問', '问'),
    ('題', '题'),
    ('進', '进'),
    ('採', '采'),
    ('購', '购'),
    ('對', '对'),
    ('減', '减'),
    ('產', '产'),
    ('資', '资'),
    ('縣', '县'),
    ('鎮', '镇'),
    ('鄉', '乡'),
    ('門', '门'),
    ('廳', '厅'),
    ('員', '员'),
    ('號', '号'),
    ('標', '标'),
    ('統', '统'),
    ('間', '间'),
    ('實', '实'),
    ('際', '际'),
    ('設', '设'),
    ('導', '导'),
    ('級', '级'),
    ('點', '点'),
    ('擊', '击'),
    ('閱', '阅'),
    ('讀', '读'),
    ('佈', '布'),
    ('覽', '览'),
    ('衛', '卫'),
    ('戶', '户'),
    ('網', '网'),
    ('圖', '图'),
    ('書', '书'),
    ('館', '馆'),
    ('東', '东'),
    ('廣', '广'),
    ('龍', '龙'),
    ('陝', '陕'),
    ('雲', '云'),
    ('貴', '贵'),
    ('寧', '宁'),
    ('臺', '台'),
    ('義', '义'),
    ('眾', '众'),
    ('勞', '劳'),
    ('個', '个'),
    ('們', '们'),
    ('來', '来'),
    ('時', '时'),
    ('長', '长'),
    ('經', '经'),
    ('營', '营'),
    ('環', '环'),
    ('態', '态'),
    ('參', '参'),
    ('準', '准'),
    ('專', '专'),
    ('證', '证'),
    ('隊', '队'),
    ('醫', '医'),
    ('療', '疗'),
    ('學', '学'),
    ('協', '协'),
    ('電', '电'),
    ('傳', '传'),
    ('運', '运'),
    ('輸', '输'),
    ('車', '车'),
    ('場', '场'),
    ('稅', '税'),
    ('監', '监'),
    ('財', '财'),
    ('檔', '档'),
    ('備', '备'),
    ('責', '责'),
    ('紀', '纪'),
    ('錄', '录'),
    ('劃', '划'),
    ('聯', '联'),
    ('頁', '页'),
    ('檢', '检'),
    ('驗', '验'),
    ('變', '变'),
    ('嚴', '严'),
    ('隱', '隐'),
    ('險', '险'),
    ('歸', '归'),
    ('團', '团'),
    ('還', '还'),
    ('將', '将'),
    ('選', '选'),
    ('遠', '远'),
    ('撫', '抚'),
    ('聞', '闻'),
    ('稱', '称'),
    ('簡', '简'),
    ('億', '亿'),
    ('徵', '征'),
    ('陽', '阳'),
    ('蘇', '苏'),
    ('濟', '济'),
    ('漢', '汉'),
    ('遼', '辽'),
    ('島', '岛'),
    ('灣', '湾'),
    ('協', '协'),
    ('狀', '状'),
    ('兩', '两'),
    ('廳', '厅'),
    ('縮', '缩'),
    ('達', '达'),
    ('歲', '岁'),
    ('顯', '显'),
    ('週', '周'),
    ('適', '适'),
    ('遞', '递'),
    ('邊', '边'),
    ('論', '论'),
    ('講', '讲'),
    ('訊', '讯'),
    ('記', '记'),
    ('錢', '钱'),
    ('價', '价'),
    ('辭', '辞'),
    ('職', '职'),
    ('責', '责'),
    ('屆', '届'),
    ('養', '养'),
    ('農', '农'),
    ('愛', '爱'),
    ('黨', '党'),
    ('體', '体'),
    ('質', '质'),
    ('輔', '辅'),
    ('劇', '剧'),
    ('藝', '艺'),
    ('術', '术'),
    ('鄰', '邻'),
    ('築', '筑'),
    ('樓', '楼'),
    ('災', '灾'),
    ('險', '险'),
    ('應', '应'),
    ('急', '急'),
    ('預', '预'),
    ('約', '约'),
    ('線', '线'),
    ('軟', '软'),
    ('鑑', '鉴'),
    ('鑒', '鉴'),
    ('勢', '势'),
    ('優', '优'),
    ('歷', '历'),
    ('層', '层'),
    ('蔔', '卜'),
    ('攝', '摄'),
    ('託', '托'),
    ('託', '托'),
    ('療', '疗'),
    ('衆', '众'),
    ('啟', '启'),
    ('盡', '尽'),
    ('畫', '画'),
    ('絡', '络'),
    ('碼', '码'),
    ('測', '测'),
    ('讓', '让'),
    ('塊', '块'),
    ('懷', '怀'),
    ('淨', '净'),
    ('邁', '迈'),
    ('館', '馆'),
    ('帳', '帐'),
    ('賬', '账'),
    ('負', '负'),
    ('責', '责'),
    ('續', '续'),
    ('賠', '赔'),
    ('償', '偿'),
    ('際', '际'),
    ('僅', '仅'),
    ('廠', '厂'),
    ('較', '较'),
    ('擬', '拟'),
    ('範', '范'),
    ('圍', '围'),
];

/// The simplified form of `c` when it is one of the traditional characters the importer knows.
pub fn simplify(c: char) -> char {
    /// The table's characters, as a set (a bit per character of the basic CJK block): most
    /// characters are not in it, and a bit says so.
    struct Map {
        from: crate::charset::CharSet,
        map: rustc_hash::FxHashMap<char, char>,
    }
    static MAP: std::sync::OnceLock<Map> = std::sync::OnceLock::new();
    if !('\u{4E00}'..='\u{9FFF}').contains(&c) {
        return c;
    }
    let m = MAP.get_or_init(|| Map { from: crate::charset::CharSet::new(T2S.iter().map(|(t, _)| *t)), map: T2S.iter().copied().collect() });
    if !m.from.contains(c) {
        return c;
    }
    m.map.get(&c).copied().unwrap_or(c)
}

/// Full-width ASCII forms (ＡＢ１２（）：，) as ASCII; the ideographic space as a space.
pub fn half_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        '\u{2212}' => '-',
        _ => c,
    }
}

/// Whether `c` is white space of any kind, including no-break and zero-width spaces.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' | '\u{00A0}' | '\u{3000}')
}

/// Quotation marks of every kind: a label matches with or without them.
fn is_quote(c: char) -> bool {
    matches!(c, '“' | '”' | '‘' | '’' | '"' | '\'' | '「' | '」' | '『' | '』' | '〝' | '〞' | '＂')
}

/// One character as the matching key has it: simplified, half-width, quotes and spaces gone.
fn key_char(c: char) -> Option<char> {
    let c = half_width(simplify(c));
    if is_space(c) || is_quote(c) {
        return None;
    }
    Some(match c {
        '【' | '〔' | '［' => '[',
        '】' | '〕' | '］' => ']',
        '﹙' => '(',
        '﹚' => ')',
        _ => c,
    })
}

/// Whether the key keeps `c` (as itself or another character): not a space or a quote. A key
/// has at least one character fewer than the characters of its text it keeps (a numbering
/// "(1)" becomes "1."), so text with more than a label's length + 1 of them is not that label.
pub fn in_key(c: char) -> bool {
    // Simplifying never gives a space or a quote.
    let c = half_width(c);
    !(is_space(c) || is_quote(c))
}

/// The first character of the key of `text` when it has no numbering, which can change it (a
/// key starting "1." or "(" may be numbering): a cheap test that a text is not a given key.
pub fn key_first(text: &str) -> Option<char> {
    text.chars().find_map(key_char)
}

/// The matching key of a label or cell text.
///
/// `（三） 不予公开` and `(三)不予公开` give the same key; `1、属于国家秘密`, `１．属于国家秘密`
/// and `(1)属于国家秘密` all give `1.属于国家秘密`.
pub fn key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut it = text.chars().filter_map(key_char);
    // Leading digit numbering: "1、", "1.", "1．", "(1)", "1)" → "1.".
    // The digits `it` goes on with (after `first`), and the character that ends them.
    fn digits_then(first: Option<char>, it: &mut impl Iterator<Item = char>) -> (String, Option<char>) {
        let mut digits = String::from_iter(first);
        for c in it {
            if !c.is_ascii_digit() {
                return (digits, Some(c));
            }
            digits.push(c);
        }
        (digits, None)
    }
    match it.next() {
        None => return out,
        Some('(') => {
            let (digits, stop) = digits_then(None, &mut it);
            if !digits.is_empty() && stop == Some(')') {
                out.push_str(&digits);
                out.push('.');
            } else {
                out.push('(');
                out.push_str(&digits);
                out.extend(stop);
            }
        }
        Some(first) if first.is_ascii_digit() => {
            let (digits, stop) = digits_then(Some(first), &mut it);
            let after = if stop.is_some() { it.next() } else { None };
            out.push_str(&digits);
            if digits.len() < 3 && matches!(stop, Some('、' | '.' | ')' | ',')) && after.is_some_and(|c| !c.is_ascii_digit()) {
                out.push('.');
            } else {
                out.extend(stop);
            }
            out.extend(after);
        }
        Some(c) => out.push(c),
    }
    out.extend(it);
    // 其它 is the other spelling of 其他 (法人或其它组织, 不计其它情形).
    if out.contains("其它") { out.replace("其它", "其他") } else { out }
}

/// Text with traditional characters simplified and full-width forms made half-width, one
/// character for one, so that character positions still match the original.
pub fn plain(text: &str) -> Vec<char> {
    text.chars().map(|c| half_width(simplify(c))).collect()
}

/// The value of a Chinese numeral 一 … 九十九 (as used to number parts), or None.
pub fn chinese_number(s: &str) -> Option<u32> {
    let digit = |c: char| "〇一二三四五六七八九".chars().position(|d| d == c).map(|p| p as u32);
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [] => None,
        [c] if *c == '十' => Some(10),
        [c] => digit(*c).filter(|d| *d > 0),
        ['十', u] => digit(*u).map(|d| 10 + d),
        [t, '十'] => digit(*t).map(|d| d * 10),
        [t, '十', u] => Some(digit(*t)? * 10 + digit(*u)?),
        _ => None,
    }
}

/// The Chinese numeral for 1 … 99.
pub fn chinese_numeral(n: u32) -> String {
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => D[n as usize].to_string(),
        10 => "十".into(),
        11..=19 => format!("十{}", D[(n % 10) as usize]),
        20..=99 => format!("{}十{}", D[(n / 10) as usize], D[(n % 10) as usize]),
        _ => n.to_string(),
    }
}

/// Whether `c` is a CJK ideograph.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys() {
        assert_eq!(key("（三） 不予公开"), key("(三)不予公开"));
        assert_eq!(key("1、属于国家秘密"), "1.属于国家秘密");
        assert_eq!(key("１．属于国家秘密"), "1.属于国家秘密");
        assert_eq!(key("(1)属于国家秘密"), "1.属于国家秘密");
        assert_eq!(key("商业 企业"), "商业企业");
        assert_eq!(key("3.危及“三安全一稳定”"), key("3.危及\"三安全一稳定\""));
        assert_eq!(key("行政規范性文件"), "行政规范性文件");
        assert_eq!(key("本年收费金额（单位：万元）"), "本年收费金额(单位:万元)");
        assert_eq!(key("2022"), "2022");
        assert_eq!(key("12.5"), "12.5");
        assert_eq!(key("法人或其它组织"), "法人或其他组织");
        // Numbering only where it is numbering.
        assert_eq!(key("(12)"), "12.");
        assert_eq!(key("(12"), "(12");
        assert_eq!(key("()"), "()");
        assert_eq!(key("(a)"), "(a)");
        assert_eq!(key("12、3"), "12、3");
        assert_eq!(key("123.x"), "123.x");
        assert_eq!(key("12."), "12.");
        assert_eq!(key("1)其他"), "1.其他");
        assert_eq!(key("7"), "7");
        assert_eq!(key(" "), "");
        for t in ["（三） 不予公开", " “其它", "１．x", "體制"] {
            assert_eq!(key_first(t), key(t).chars().next(), "{t}");
        }
        for c in ['＂', '\u{3000}', '“', ' ', '體', 'a', '（'] {
            assert_eq!(in_key(c), key_char(c).is_some(), "{c}");
        }
        for t in ["(12)其他", "“1”、x", "１．属于 国家秘密", "其它", "(1", "a b"] {
            let kept = t.chars().filter(|c| in_key(*c)).count();
            assert!(key(t).chars().count() + 1 >= kept, "{t}");
        }
    }

    #[test]
    fn traditional_characters_are_basic_ideographs() {
        // `simplify` looks only in the basic CJK block.
        for (t, s) in T2S {
            assert!(('\u{4E00}'..='\u{9FFF}').contains(t), "{t}");
            assert_eq!(simplify(*t), *s);
        }
    }

    #[test]
    fn numerals() {
        assert_eq!(chinese_number("四"), Some(4));
        assert_eq!(chinese_number("十二"), Some(12));
        assert_eq!(chinese_number("二十"), Some(20));
        assert_eq!(chinese_numeral(12), "十二");
        assert_eq!(chinese_number("x"), None);
    }
}
