//! Realistic, varied 2021-format reports for the benchmarks: the same generator feeds the
//! criterion benches (`crates/govreport/benches`) and the comparison in `bench/`.
//!
//! Every report is built the way a real one is: intake per applicant column, some carried
//! into next year, the rest spread over the 22 result rows, so that tables B and C add up,
//! the overview quotes the table's numbers and the dates meet the deadline. About three in
//! ten then get one or two of the defects seen in published reports: a row total or a
//! results total off by a few, a blank or "/" cell, a review group that does not add up, an
//! overview quoting the wrong number, a perfunctory part 五, a late publication, fees
//! collected above fees billed. Deterministic: the same seed gives the same texts.
//!
//! Only `serde_json` is used, so the file can be included with `#[path]` anywhere.

#![allow(dead_code)]

use serde_json::{Map, Value, json};

/// A small, fast, deterministic generator (splitmix64).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }
    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < p
    }
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.next() as usize % items.len()]
    }
    /// A count with a long tail: most are small, a few are large (as request counts are).
    pub fn skewed(&mut self, scale: u64) -> u64 {
        if scale == 0 {
            return 0;
        }
        let r = self.range(0, 1000) as f64 / 1000.0;
        (r * r * r * scale as f64).round() as u64
    }
}

/// The six applicant columns, then 总计.
pub const COLUMNS: [&str; 6] = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org"];

/// The result rows of table B (2021), as (group, row) with their weight in a typical year.
pub const RESULT_ROWS: [(&str, &str, u64); 20] = [
    ("", "granted", 45),
    ("", "partially_granted", 10),
    ("withheld", "state_secret", 1),
    ("withheld", "prohibited_by_law", 1),
    ("withheld", "security_stability", 1),
    ("withheld", "third_party", 3),
    ("withheld", "internal_affairs", 2),
    ("withheld", "process_info", 2),
    ("withheld", "enforcement_files", 1),
    ("withheld", "inquiry_matters", 2),
    ("unable", "not_held", 18),
    ("unable", "needs_creation", 3),
    ("unable", "still_unclear", 2),
    ("not_processed", "petition", 3),
    ("not_processed", "duplicate", 3),
    ("not_processed", "publication", 2),
    ("not_processed", "excessive", 1),
    ("not_processed", "confirmation", 1),
    ("other", "no_correction", 5),
    ("other", "other", 3),
];
// ("other", "fee_unpaid") is filled from the fee notices below.

/// Share of each applicant column in intake, in per mille.
const COLUMN_SCALE: [u64; 6] = [400, 80, 6, 4, 20, 10];

const PROVINCES: [(&str, &str); 12] = [
    ("11", "北京市"),
    ("31", "上海市"),
    ("32", "江苏省"),
    ("33", "浙江省"),
    ("37", "山东省"),
    ("41", "河南省"),
    ("44", "广东省"),
    ("51", "四川省"),
    ("22", "吉林省"),
    ("15", "内蒙古自治区"),
    ("61", "陕西省"),
    ("50", "重庆市"),
];
const CITIES: [&str; 16] = ["长春", "包头", "深圳", "苏州", "温州", "青岛", "洛阳", "绵阳", "宝鸡", "南通", "佛山", "台州", "烟台", "开封", "宜宾", "咸阳"];
const DISTRICTS: [&str; 14] = ["朝阳", "九原", "福田", "姑苏", "鹿城", "市南", "涧西", "涪城", "渭滨", "崇川", "南海", "椒江", "芝罘", "龙亭"];
const DEPARTMENTS: [&str; 18] = [
    "教育局",
    "卫生健康委员会",
    "市场监督管理局",
    "自然资源和规划局",
    "住房和城乡建设局",
    "人力资源和社会保障局",
    "生态环境局",
    "交通运输局",
    "农业农村局",
    "民政局",
    "财政局",
    "公安局",
    "司法局",
    "应急管理局",
    "城市管理综合行政执法局",
    "医疗保障局",
    "退役军人事务局",
    "房屋征收工作管理办公室",
];
const TOWNS: [&str; 10] = ["兴隆", "新华", "城关", "石桥", "河东", "白云", "红旗", "团结", "东风", "青山"];

/// A part 五 copied word for word by some units (内容雷同, GR701 across a batch).
const COPIED_PROBLEMS: &str = "一是部分业务科室对依申请公开答复的规范性认识不足，答复文书格式不统一；二是政策解读形式较为单一，图解、视频等形式运用不多。下一步，我们将加强业务培训，统一答复文书模板，丰富政策解读形式，提升公开质效。";

/// Problems and measures that part 五 is written from, a few of each.
const ISSUES: [&str; 12] = [
    "部分业务科室对依申请公开答复的规范性认识不足，答复文书格式不统一",
    "政策解读形式较为单一，图解、视频等形式运用不多",
    "信息更新不够及时，个别栏目内容长期未更新",
    "基层政务公开标准化规范化建设进展不平衡",
    "主动公开的深度和广度有待拓展，部分领域信息公开内容不够全面",
    "工作人员业务能力有待提高，人员变动较为频繁",
    "回应社会关切不够及时，舆情研判能力有待加强",
    "政府网站栏目内容维护存在滞后，检索功能不够便捷",
    "个别工作人员对“以公开为常态、不公开为例外”的原则理解不深",
    "依申请公开办理流程仍需优化，登记、审核、答复环节衔接不够紧密",
    "重点领域信息公开的精准度不高，公众获取信息仍有不便",
    "政务新媒体更新频率不高，互动性不强",
];
const MEASURES: [&str; 12] = [
    "加强业务培训，统一答复文书模板",
    "丰富政策解读形式，坚持解读与政策同步起草、同步审签、同步发布",
    "建立信息发布定期巡查机制，确保信息准确、及时",
    "推动基层政务公开标准目录落地见效",
    "细化主动公开目录，扩大公开范围",
    "定期组织培训，提高工作人员业务水平和答复质量",
    "完善舆情收集、研判和回应机制",
    "优化网站栏目设置，提升检索和导航功能",
    "组织专题学习，强化公开意识",
    "修订依申请公开工作规程，完善各环节工作衔接",
    "围绕重点领域编制公开清单，逐项落实",
    "整合政务新媒体账号，提高发布频率和互动水平",
];
const ORDINALS: [&str; 4] = ["一是", "二是", "三是", "四是"];

// Words that sentences are put together from, so that no two units write quite the same text
// (copying is a defect of its own, made on purpose above).
const WHO: [&str; 8] = ["部分科室", "个别下属单位", "少数工作人员", "基层站所", "部分业务领域", "个别栏目", "有的镇街", "窗口单位"];
const TOPICS: [&str; 14] = [
    "政策解读",
    "依申请公开办理",
    "政府网站栏目维护",
    "政务新媒体管理",
    "重点领域信息公开",
    "基层政务公开",
    "公开目录编制",
    "公开前保密审查",
    "政策文件发布",
    "政务公开专区建设",
    "信息公开指南更新",
    "回应社会关切",
    "行政规范性文件清理",
    "办事服务指南公开",
];
const FAULTS: [&str; 10] = [
    "的规范性有待加强",
    "存在更新不够及时的情况",
    "形式较为单一",
    "的深度和广度有待拓展",
    "的工作机制仍需完善",
    "与群众期待还有差距",
    "的标准化程度不高",
    "的人员力量相对薄弱",
    "的质量参差不齐",
    "的督促检查不够到位",
];
const VERBS: [&str; 10] = ["进一步规范", "持续加强", "着力优化", "认真落实", "不断完善", "扎实推进", "全面提升", "切实抓好", "深入开展", "统筹做好"];
const OBJECTS: [&str; 10] = ["工作机制", "业务培训", "日常监测", "考核评估", "流程管理", "质量把关", "制度建设", "队伍建设", "台账管理", "协调联动"];
const OUTCOMES: [&str; 8] = [
    "取得了较好成效",
    "群众满意度稳步提升",
    "各项工作有序开展",
    "公开质量明显提高",
    "工作规范化水平不断提升",
    "全年未出现差错",
    "做到了应公开尽公开",
    "为公众获取信息提供了便利",
];

/// "持续加强政策解读质量把关，取得了较好成效。"
fn action(rng: &mut Rng) -> String {
    format!("{}{}{}，{}。", rng.pick(&VERBS), rng.pick(&TOPICS), rng.pick(&OBJECTS), rng.pick(&OUTCOMES))
}

const OTHER_MATTERS: [&str; 4] = [
    "本年度未收取信息处理费。无其他需要报告的事项。",
    "依据《政府信息公开信息处理费管理办法》，本年度未收取信息处理费。本机关全年未发生其他需要报告的事项。",
    "本年度本机关按照国务院办公厅要求落实政务公开工作要点，相关落实情况已在门户网站专栏公开。",
    "本年度无其他需要报告的事项。",
];

const INTROS: [&str; 4] = [
    "认真贯彻落实《中华人民共和国政府信息公开条例》，",
    "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实《中华人民共和国政府信息公开条例》和上级关于政务公开工作的部署要求，",
    "按照本级政务公开工作要点的安排，扎实推进政府信息公开各项工作，",
    "围绕中心工作，持续深化政务公开，不断提升政府工作透明度，",
];
const MANAGEMENT: [&str; 4] = [
    "严格落实公开前审查，动态更新政府信息公开目录。",
    "健全政府信息公开审查机制，对拟公开信息逐条审核，全年未发生失泄密事件。",
    "开展行政规范性文件清理，及时公布清理结果，对现行有效文件实行目录化管理。",
    "规范政府信息管理流程，落实信息发布“三审三校”制度，建立公开台账。",
];
const PLATFORMS: [&str; 4] = [
    "优化门户网站栏目设置，加强政务新媒体管理。",
    "完成政府信息公开专栏改版，统一栏目设置和内容规范，提升用户体验。",
    "加强政务公开专区建设，在政务服务中心设置查阅点，提供现场查阅和咨询服务。",
    "推进政务新媒体规范化管理，关停整合功能重复、更新缓慢的账号。",
];
const OVERSIGHT: [&str; 3] = [
    "将政务公开工作纳入年度工作要点，明确专人负责，接受社会监督。",
    "成立政务公开工作领导小组，主要负责同志亲自部署，分管负责同志具体抓落实。",
    "定期开展政务公开自查，对发现的问题即知即改，主动接受群众监督。",
];
const GOVERNMENT_OVERSIGHT: [&str; 3] = [
    "将政务公开工作纳入年度绩效考核，邀请人大代表、政协委员开展社会评议，全年未发生责任追究情况。",
    "把政务公开纳入政府目标考核体系，组织开展社会评议，对工作不力的单位依规责任追究，本年度未发生追责情形。",
    "政务公开工作在全区综合考核中占比4%，聘请社会监督员进行社会评议，评议结果总体满意，全年无责任追究事项。",
];
const EXTRA: [&str; 6] = [
    "坚持以公开为常态、不公开为例外，全面推进决策、执行、管理、服务、结果公开。",
    "围绕优化营商环境、乡村振兴、民生保障等重点领域，及时发布政策文件并同步做好解读。",
    "严格执行公开前保密审查制度，确保公开信息不涉密、涉密信息不上网。",
    "完成本机关政府信息公开指南和公开目录的年度更新，方便公众查阅。",
    "通过政务新媒体、新闻发布会、政策吹风会等形式，扩大政策知晓面。",
    "在政务服务大厅设置政府信息公开查阅点，提供现场查阅服务。",
];

/// One applicant row: six columns and their total.
fn row(cols: &[u64; 6]) -> Value {
    let mut m = Map::new();
    for (c, v) in COLUMNS.iter().zip(cols) {
        m.insert((*c).into(), json!(v));
    }
    m.insert("total".into(), json!(cols.iter().sum::<u64>()));
    Value::Object(m)
}

/// 统一社会信用代码 (GB 32100) with its check character.
fn credit_code(rng: &mut Rng, region: &str) -> String {
    const CHARS: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
    const WEIGHTS: [u32; 17] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    let mut s: Vec<u8> = b"11".to_vec();
    s.extend_from_slice(region.as_bytes());
    while s.len() < 17 {
        s.push(CHARS[rng.range(0, 30) as usize]);
    }
    let sum: u32 = s.iter().zip(WEIGHTS).map(|(b, w)| CHARS.iter().position(|c| c == b).unwrap() as u32 * w).sum();
    s.push(CHARS[((31 - sum % 31) % 31) as usize]);
    String::from_utf8(s).unwrap()
}

fn amount(rng: &mut Rng, max_cents: u64) -> String {
    let cents = rng.range(0, max_cents);
    if cents == 0 {
        "0".into()
    } else if cents.is_multiple_of(100) {
        format!("{}", cents / 100)
    } else {
        format!("{}.{:02}", cents / 100, cents % 100)
    }
}

/// The `i`-th report of the set made with `seed`, as a JSON value.
pub fn report(seed: u64, i: u64) -> Value {
    let mut rng = Rng::new(seed.wrapping_mul(1_000_003).wrapping_add(i));
    let year = rng.range(2021, 2024);
    let (pcode, province) = rng.pick(&PROVINCES);
    let city = rng.pick(&CITIES);
    let district = rng.pick(&DISTRICTS);
    let region = format!("{pcode}{:02}{:02}", rng.range(1, 20), rng.range(1, 30));
    let kind = match rng.range(0, 99) {
        0..=59 => "department",
        60..=84 => "government",
        _ => "township",
    };
    let (name, level, size) = match kind {
        "department" => match rng.range(0, 9) {
            0 => (format!("{province}{}", rng.pick(&DEPARTMENTS)), "provincial", 400),
            1..=3 => (format!("{city}市{}", rng.pick(&DEPARTMENTS)), "prefectural", 150),
            _ => (format!("{city}市{district}区{}", rng.pick(&DEPARTMENTS)), "county", 60),
        },
        "government" => {
            if rng.chance(0.3) {
                (format!("{city}市人民政府"), "prefectural", 300)
            } else {
                (format!("{city}市{district}区人民政府"), "county", 120)
            }
        }
        _ => {
            if rng.chance(0.5) {
                (format!("{city}市{district}区{}镇人民政府", rng.pick(&TOWNS)), "township", 12)
            } else {
                (format!("{city}市{district}区{}街道办事处", rng.pick(&TOWNS)), "township", 12)
            }
        }
    };
    // Published within the deadline: January for departments and townships, by March for
    // governments.
    let published_on = match kind {
        "government" => format!("{}-{:02}-{:02}", year + 1, rng.range(1, 3), rng.range(10, 28)),
        _ => format!("{}-01-{:02}", year + 1, rng.range(8, 30)),
    };

    // Table B, consistent by construction.
    let volume = rng.skewed(size * 4) + rng.range(0, size / 4);
    let mut new = [0u64; 6];
    let mut carried_over = [0u64; 6];
    let mut carried_forward = [0u64; 6];
    for c in 0..6 {
        new[c] = rng.skewed(volume * COLUMN_SCALE[c] / 400 + 1);
        carried_over[c] = if rng.chance(0.4) { rng.range(0, new[c] / 10 + 1) } else { 0 };
        let intake = new[c] + carried_over[c];
        carried_forward[c] = if intake > 0 && rng.chance(0.35) { rng.range(0, intake / 8 + 1).min(intake) } else { 0 };
    }
    let weight_sum: u64 = RESULT_ROWS.iter().map(|r| r.2).sum();
    let mut results = vec![[0u64; 6]; RESULT_ROWS.len() + 1]; // last: fee_unpaid
    for c in 0..6 {
        let mut left = new[c] + carried_over[c] - carried_forward[c];
        // fee_unpaid: rare.
        if left > 0 && rng.chance(0.03) {
            results[RESULT_ROWS.len()][c] = 1;
            left -= 1;
        }
        while left > 0 {
            // Draw a row by weight.
            let mut r = rng.range(0, weight_sum - 1);
            let mut k = 0;
            while r >= RESULT_ROWS[k].2 {
                r -= RESULT_ROWS[k].2;
                k += 1;
            }
            let take = left.min(rng.range(1, 1 + left / 6));
            results[k][c] += take;
            left -= take;
        }
    }
    let mut requests = Map::new();
    requests.insert("new".into(), row(&new));
    requests.insert("carried_over".into(), row(&carried_over));
    let mut groups: Vec<(&str, Map<String, Value>)> = vec![];
    let mut results_total = [0u64; 6];
    let mut withheld = 0;
    let mut unable = 0;
    let mut not_processed = 0;
    let mut other = 0;
    for (k, (group, name, _)) in RESULT_ROWS.iter().enumerate() {
        for c in 0..6 {
            results_total[c] += results[k][c];
        }
        let t: u64 = results[k].iter().sum();
        match *group {
            "withheld" => withheld += t,
            "unable" => unable += t,
            "not_processed" => not_processed += t,
            "other" => other += t,
            _ => {}
        }
        if group.is_empty() {
            requests.insert((*name).into(), row(&results[k]));
        } else {
            match groups.iter_mut().find(|(g, _)| g == group) {
                Some((_, m)) => {
                    m.insert((*name).into(), row(&results[k]));
                }
                None => {
                    let mut m = Map::new();
                    m.insert((*name).into(), row(&results[k]));
                    groups.push((group, m));
                }
            }
            if *group == "other" && *name == "no_correction" {
                let fee = &results[RESULT_ROWS.len()];
                for c in 0..6 {
                    results_total[c] += fee[c];
                }
                other += fee.iter().sum::<u64>();
                groups.last_mut().unwrap().1.insert("fee_unpaid".into(), row(fee));
            }
        }
    }
    for (g, m) in groups {
        requests.insert(g.into(), Value::Object(m));
    }
    requests.insert("results_total".into(), row(&results_total));
    requests.insert("carried_forward".into(), row(&carried_forward));
    let fee_unpaid: u64 = results[RESULT_ROWS.len()].iter().sum();

    // Table C.
    let cases = |rng: &mut Rng, scale: u64| {
        let upheld = rng.skewed(scale);
        let corrected = if rng.chance(0.3) { rng.range(0, scale / 4 + 1) } else { 0 };
        let other = if rng.chance(0.2) { rng.range(0, 2) } else { 0 };
        let pending = if rng.chance(0.3) { rng.range(0, 2) } else { 0 };
        json!({"upheld": upheld, "corrected": corrected, "other": other, "pending": pending, "total": upheld + corrected + other + pending})
    };
    let case_scale = volume / 10 + 1;
    let review = cases(&mut rng, case_scale);
    let direct = cases(&mut rng, case_scale / 2 + 1);
    let after = cases(&mut rng, case_scale / 3 + 1);

    // Table A and fees.
    let in_force = rng.skewed(size / 2 + 5);
    let proactive = json!({
        "rules": if level == "provincial" || (kind == "government" && level == "prefectural") {
            json!({"issued": rng.range(0, 6), "repealed": rng.range(0, 3), "in_force": rng.range(5, 120)})
        } else {
            json!({"issued": 0, "repealed": 0, "in_force": 0})
        },
        "normative_documents": {"issued": rng.range(0, 12), "repealed": rng.range(0, 5), "in_force": in_force},
        "licensing": rng.skewed(size * 60),
        "penalty": rng.skewed(size * 8),
        "coercion": rng.skewed(size / 2 + 1),
        "fees_10k_yuan": if rng.chance(0.8) { "0".to_string() } else { amount(&mut rng, 500_000) },
    });
    let notices = fee_unpaid + if rng.chance(0.05) { rng.range(0, 3) } else { 0 };
    let billed = if notices > 0 { amount(&mut rng, 50_000) } else { "0".into() };

    // The prose, quoting the tables.
    let new_total: u64 = new.iter().sum();
    let co_total: u64 = carried_over.iter().sum();
    let cf_total: u64 = carried_forward.iter().sum();
    let granted: u64 = results[0].iter().sum();
    let mut overview = format!("{year}年，{name}{}", rng.pick(&INTROS));
    for _ in 0..rng.range(0, 3) {
        overview.push_str(rng.pick(&EXTRA));
    }
    overview.push_str(&format!(
        "\n（一）主动公开。全年通过门户网站主动公开政府信息{}条，发布政策解读{}篇，{}\n（二）依申请公开。全年新收政府信息公开申请{new_total}件，上年结转{co_total}件，予以公开{granted}件，不予公开{withheld}件，无法提供{unable}件，不予处理{not_processed}件，其他处理{other}件，另{cf_total}件结转下一年处理。",
        rng.skewed(size * 40) + 10,
        rng.range(0, 60),
        rng.pick(&EXTRA),
    ));
    overview.push_str(&format!(
        "全年发生政府信息公开行政复议{}件，行政诉讼{}件。",
        review["total"],
        direct["total"].as_u64().unwrap() + after["total"].as_u64().unwrap()
    ));
    for _ in 0..rng.range(1, 2) {
        overview.push_str(&action(&mut rng));
    }
    let (m, p) = (rng.pick(&MANAGEMENT), rng.pick(&PLATFORMS));
    overview.push_str(&format!("\n（三）政府信息管理。{m}{}\n（四）政府信息公开平台建设。{p}{}\n（五）监督保障。", action(&mut rng), action(&mut rng)));
    if kind == "government" || name.ends_with("人民政府") {
        overview.push_str(rng.pick(&GOVERNMENT_OVERSIGHT));
    } else {
        overview.push_str(rng.pick(&OVERSIGHT));
    }
    overview.push_str(&action(&mut rng));

    let mut report = json!({
        "format": "2021",
        "year": year,
        "agency": {"name": name, "kind": kind, "level": level, "region_code": region},
        "published_on": published_on,
        "sections": {
            "overview": overview,
            "problems": problems(&mut rng, year, &name),
            "other_matters": rng.pick(&OTHER_MATTERS),
        },
        "proactive": proactive,
        "requests": Value::Object(requests),
        "review_litigation": {"review": review, "litigation_direct": direct, "litigation_after_review": after},
        "processing_fees": {"notices": notices, "billed_yuan": billed, "collected_yuan": billed},
    });
    if rng.chance(0.4) {
        report["agency"]["credit_code"] = json!(credit_code(&mut rng, &report["agency"]["region_code"].as_str().unwrap()[..6]));
    }
    if rng.chance(0.3) {
        for _ in 0..rng.range(1, 2) {
            defect(&mut rng, &mut report);
        }
    }
    report
}

/// Part 五: a few problems and what the unit will do about them, put together from phrases;
/// one unit in a hundred copies it whole from a common text.
fn problems(rng: &mut Rng, year: u64, name: &str) -> String {
    if rng.chance(0.01) {
        return COPIED_PROBLEMS.into();
    }
    let mut out = format!("{year}年，{name}政府信息公开工作仍存在一些不足：");
    for ordinal in ORDINALS.iter().take(rng.range(2, 4) as usize) {
        // A plain sentence now and then, a composed one mostly.
        let issue = if rng.chance(0.25) { rng.pick(&ISSUES).to_string() } else { format!("{}{}{}", rng.pick(&WHO), rng.pick(&TOPICS), rng.pick(&FAULTS)) };
        out.push_str(&format!("{ordinal}{issue}；"));
    }
    out.pop();
    out.push_str(&format!("。{}年，我们将", year + 1));
    for _ in 0..rng.range(2, 4) {
        if rng.chance(0.25) {
            out.push_str(rng.pick(&MEASURES));
        } else {
            out.push_str(&format!("{}{}{}", rng.pick(&VERBS), rng.pick(&TOPICS), rng.pick(&OBJECTS)));
        }
        out.push('，');
    }
    out.pop();
    out.push_str("，持续提升政务公开工作水平。");
    out
}

/// Rows of table B, as JSON pointers.
fn request_rows() -> Vec<String> {
    let mut out = vec!["/requests/new".to_string(), "/requests/carried_over".to_string()];
    for (g, r, _) in RESULT_ROWS {
        out.push(if g.is_empty() { format!("/requests/{r}") } else { format!("/requests/{g}/{r}") });
    }
    out.push("/requests/results_total".into());
    out.push("/requests/carried_forward".into());
    out
}

/// One of the defects seen in published reports.
/// A second defect may land on a cell the first made blank or "/": it then counts from 0.
fn defect(rng: &mut Rng, r: &mut Value) {
    let rows = request_rows();
    match rng.range(0, 9) {
        0 | 1 => {
            // A row's 总计 off by a few (B3, and B1/B2 through it).
            let row = rows[rng.next() as usize % rows.len()].clone();
            let t = r.pointer_mut(&format!("{row}/total")).unwrap();
            *t = json!(t.as_u64().unwrap_or(0) + rng.range(1, 3));
        }
        2 => {
            // A results cell off: B2 and B3 fail together.
            let c = rng.pick(&COLUMNS);
            let t = r.pointer_mut(&format!("/requests/results_total/{c}")).unwrap();
            *t = json!(t.as_u64().unwrap_or(0) + 1);
        }
        3 => {
            // A blank cell: the rules that need it cannot be judged.
            let (row, c) = (rows[rng.next() as usize % rows.len()].clone(), rng.pick(&COLUMNS));
            *r.pointer_mut(&format!("{row}/{c}")).unwrap() = Value::Null;
        }
        4 => {
            // "/" for a column the agency never has.
            let row = rows[rng.next() as usize % rows.len()].clone();
            *r.pointer_mut(&format!("{row}/research")).unwrap() = json!("/");
        }
        5 => {
            // A review group that does not add up (C1).
            let t = r.pointer_mut("/review_litigation/review/total").unwrap();
            *t = json!(t.as_u64().unwrap_or(0) + 1);
        }
        6 => {
            // The overview quotes a different number from the table (GR404).
            let o = r.pointer_mut("/sections/overview").unwrap();
            let text = o.as_str().unwrap().replacen("全年新收政府信息公开申请", "全年新收政府信息公开申请1", 1);
            *o = json!(text);
        }
        7 => {
            // A perfunctory part 五.
            *r.pointer_mut("/sections/problems").unwrap() = json!("无。");
        }
        8 => {
            // Published after the deadline.
            let y = r["year"].as_u64().unwrap() + 1;
            *r.pointer_mut("/published_on").unwrap() = json!(format!("{y}-05-{:02}", rng.range(10, 28)));
        }
        _ => {
            // Fees collected above the fees billed (GR103).
            *r.pointer_mut("/processing_fees/billed_yuan").unwrap() = json!("120");
            *r.pointer_mut("/processing_fees/collected_yuan").unwrap() = json!("360");
        }
    }
}

/// `n` reports as compact JSON texts (one line each).
pub fn reports(seed: u64, n: u64) -> Vec<String> {
    (0..n).map(|i| serde_json::to_string(&report(seed, i)).unwrap()).collect()
}
