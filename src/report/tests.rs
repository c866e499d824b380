//! Unit tests of the section grammar, the cleaner and the metadata heuristics: the exact trees
//! of the five sample reports, and short excerpts of every heading form.

use super::*;

fn lines(text: &str) -> Vec<String> {
    crate::corpus::split_lines(text)
}

/// (heading path joined with " / ", level, first line, last line) of each section.
fn tree(r: &Report) -> Vec<(String, u8, usize, usize)> {
    r.sections
        .iter()
        .map(|s| (s.heading.join(" / "), s.level, s.line_start, s.line_end))
        .collect()
}

/// Each section's heading path, joined with " / ".
fn heading_paths(r: &Report) -> Vec<String> {
    r.sections.iter().map(|s| s.heading.join(" / ")).collect()
}

fn pinned(expect: &[(&str, u8, usize, usize)]) -> Vec<(String, u8, usize, usize)> {
    expect
        .iter()
        .map(|(h, l, a, b)| (h.to_string(), *l, *a, *b))
        .collect()
}

fn seed(name: &str) -> Report {
    let path = format!("{}/data/{name}.txt", env!("CARGO_MANIFEST_DIR"));
    let source = crate::corpus::load(std::path::Path::new(&path))
        .unwrap()
        .source;
    parse_report(&source.lines, name)
}

#[test]
fn seed_liuzhou_metadata_and_sections() {
    let r = seed("000_3c0aa72eacdcc2b2");
    assert_eq!(r.title, "2021年度柳州市科学技术局法治政府建设工作报告");
    assert_eq!(r.year, Some(2021));
    assert_eq!(r.org.as_deref(), Some("柳州市科学技术局"));
    assert_eq!(r.date.as_deref(), None);
    let expect = [
        ("", 0, 1, 3),
        ("一、坚持党的坚强领导和法治建设规范科技创新工作开展情况", 1, 4, 6),
        ("二、落实第一责任人职责情况", 1, 7, 8),
        ("三、法治政府建设科技工作情况", 1, 9, 9),
        ("三、法治政府建设科技工作情况 / （一）科技法律法规政策宣传情况", 2, 10, 11),
        ("三、法治政府建设科技工作情况 / （二）重大科技政策出台情况", 2, 12, 14),
        ("三、法治政府建设科技工作情况 / （三）科技政策与重大行政决策实施亮点成效", 2, 15, 16),
        ("三、法治政府建设科技工作情况 / （三）科技政策与重大行政决策实施亮点成效 / 1.柳州获批成为“科创中国”第二批试点城市", 3, 17, 17),
        ("三、法治政府建设科技工作情况 / （三）科技政策与重大行政决策实施亮点成效 / 2.重大创新平台取得新突破", 3, 18, 18),
        ("三、法治政府建设科技工作情况 / （三）科技政策与重大行政决策实施亮点成效 / 3.获得1项国家科学技术进步二等奖", 3, 19, 19),
        ("三、法治政府建设科技工作情况 / （四）法治建设优化科技计划管理", 2, 20, 23),
        ("四、存在问题及下步工作计划", 1, 24, 25),
    ];
    assert_eq!(tree(&r), pinned(&expect));
}

#[test]
fn seed_hefei_metadata_and_sections() {
    let r = seed("001_37099fbd818ace80");
    assert_eq!(r.title, "2020年度市科技局法治政府建设工作报告");
    assert_eq!(r.year, Some(2020));
    assert_eq!(r.org.as_deref(), Some("市科技局"));
    assert_eq!(r.date.as_deref(), None);
    let expect = [
        ("", 0, 1, 3),
        ("一、构建科技工作法治轨道", 1, 5, 5),
        (
            "一、构建科技工作法治轨道 / (一)加强对法治政府建设工作的领导",
            2,
            7,
            7,
        ),
        (
            "一、构建科技工作法治轨道 / (二)认真开展《合肥市科技创新条例》文本框架起草工作",
            2,
            9,
            9,
        ),
        (
            "一、构建科技工作法治轨道 / (三)制定出台系列规范性文件",
            2,
            11,
            11,
        ),
        ("二、规范开展各项科技工作", 1, 13, 13),
        (
            "二、规范开展各项科技工作 / (一)坚持民主集中科学决策",
            2,
            15,
            15,
        ),
        (
            "二、规范开展各项科技工作 / (二)加强规范性文件管理",
            2,
            17,
            17,
        ),
        (
            "二、规范开展各项科技工作 / (三)优化科技领域政务服务",
            2,
            19,
            19,
        ),
        (
            "二、规范开展各项科技工作 / (四)推进科技信用体系建设",
            2,
            21,
            21,
        ),
        ("三、扎实推进法治宣传教育", 1, 23, 23),
        ("三、扎实推进法治宣传教育 / (一)严格日常学法用法", 2, 25, 25),
        ("三、扎实推进法治宣传教育 / (二)举办赛事活动宣传", 2, 27, 27),
        ("三、扎实推进法治宣传教育 / (三)深入基层群众宣传", 2, 29, 29),
    ];
    assert_eq!(tree(&r), pinned(&expect));
}

#[test]
fn seed_changde_metadata_and_sections() {
    let r = seed("002_3b35ca370aa899d8");
    assert_eq!(r.title, "2023年度常德市科学技术局法治政府建设情况工作报告");
    assert_eq!(r.year, Some(2023));
    assert_eq!(r.org.as_deref(), Some("常德市科学技术局"));
    assert_eq!(r.date.as_deref(), Some("2024年2月19日"));
    let expect = [
        ("", 0, 3, 7),
        ("一、深入学习习近平新时代中国特色社会主义思想情况", 1, 9, 11),
        ("二、依法行政制度体系完善情况", 1, 13, 15),
        ("三、完善法治化管理体系不断推进全市科技创新情况", 1, 17, 19),
        ("四、提升服务水平打造优秀的法治营商环境工作情况", 1, 21, 23),
        ("五、推进科研领域遵纪守法与诚信建设情况", 1, 25, 27),
        ("六、存在的问题", 1, 29, 31),
        ("七、下一步工作打算", 1, 33, 46),
    ];
    assert_eq!(tree(&r), pinned(&expect));
}

#[test]
fn seed_shapingba_metadata_and_sections() {
    let r = seed("003_941c10f9f08c4ec0");
    assert_eq!(
        r.title,
        "重庆市沙坪坝区科学技术局关于2021年度法治政府建设情况的报告"
    );
    assert_eq!(r.year, Some(2021));
    assert_eq!(r.org.as_deref(), Some("重庆市沙坪坝区科学技术局"));
    assert_eq!(r.date.as_deref(), None);
    let expect = [
        ("", 0, 1, 4),
        ("一、2021年推进法治政府建设主要举措和成效", 1, 5, 5),
        ("一、2021年推进法治政府建设主要举措和成效 / （一）深入学习宣传贯彻习近平法治思想", 2, 6, 6),
        ("一、2021年推进法治政府建设主要举措和成效 / （一）深入学习宣传贯彻习近平法治思想 / 1. 扎实开展学习宣传", 3, 7, 7),
        ("一、2021年推进法治政府建设主要举措和成效 / （一）深入学习宣传贯彻习近平法治思想 / 2. 积极推动贯彻落实", 3, 8, 8),
        ("一、2021年推进法治政府建设主要举措和成效 / （二）依法全面履行政府职能", 2, 9, 9),
        ("一、2021年推进法治政府建设主要举措和成效 / （二）依法全面履行政府职能 / 1. 持续推进科技体制改革", 3, 10, 10),
        ("一、2021年推进法治政府建设主要举措和成效 / （二）依法全面履行政府职能 / 2. 全面依法履行部门职能", 3, 11, 11),
        ("一、2021年推进法治政府建设主要举措和成效 / （三）完善依法行政制度体系", 2, 12, 13),
        ("一、2021年推进法治政府建设主要举措和成效 / （四）推进行政决策科学化、民主化、法治化", 2, 14, 15),
        ("二、履行推进法治建设第一责任人职责情况", 1, 16, 17),
        ("三、存在问题", 1, 18, 19),
        ("四、2022年工作计划", 1, 20, 20),
        ("四、2022年工作计划 / 1.加强学习交流", 3, 21, 21),
        ("四、2022年工作计划 / 2.加强制度建设", 3, 22, 22),
        ("四、2022年工作计划 / 3.强化政务公开", 3, 23, 23),
    ];
    assert_eq!(tree(&r), pinned(&expect));
}

#[test]
fn seed_shi_kejiju_metadata_and_sections() {
    let r = seed("004_c6d07f759a9d0f62");
    assert_eq!(r.title, "市科技局2022年度法治政府建设工作总结");
    assert_eq!(r.year, Some(2022));
    assert_eq!(r.org.as_deref(), Some("市科技局"));
    assert_eq!(r.date.as_deref(), None);
    let expect = [
        ("", 0, 1, 3),
        ("一、上一年度法治政府建设的主要举措和成效", 1, 4, 4),
        ("一、上一年度法治政府建设的主要举措和成效 / （一）深入学习贯彻习近平法治思想、党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设等情况", 2, 5, 5),
        ("一、上一年度法治政府建设的主要举措和成效 / （二）推进政府机构职能优化、推进“放管服”改革、优化法治化营商环境等情况", 2, 6, 6),
        ("一、上一年度法治政府建设的主要举措和成效 / （三）完善依法行政制度和决策制度情况", 2, 7, 7),
        ("一、上一年度法治政府建设的主要举措和成效 / （四）严格规范公正文明执法情况", 2, 8, 8),
        ("一、上一年度法治政府建设的主要举措和成效 / （五）依法处置突发事件、提供公共法律服务和化解社会矛盾纠纷等情况", 2, 9, 9),
        ("一、上一年度法治政府建设的主要举措和成效 / （六）规范行政权力制约监督情况", 2, 11, 11),
        ("一、上一年度法治政府建设的主要举措和成效 / （七）强化法治政府建设保障情况", 2, 12, 12),
        ("二、上一年度法治政府建设存在的不足和原因", 1, 13, 14),
        ("三、下一年度推进法治政府建设的主要安排", 1, 15, 16),
    ];
    assert_eq!(tree(&r), pinned(&expect));
}

#[test]
fn every_heading_form_with_its_level() {
    let cases = [
        ("一、总体情况", 1, "一、总体情况"),
        ("十一、其他", 1, "十一、其他"),
        ("（一）加强领导", 2, "（一）加强领导"),
        ("(二)half width", 2, "(二)half width"),
        ("1.柳州获批", 3, "1.柳州获批"),
        ("2、重大平台", 3, "2、重大平台"),
        ("3．全角点", 3, "3．全角点"),
        ("１．全角数字", 3, "１．全角数字"),
        ("１２、全角数字", 3, "１２、全角数字"),
        ("（３）全角细项", 4, "（３）全角细项"),
        ("㈠完善制度", 2, "㈠完善制度"),
        ("⒈推行清单", 3, "⒈推行清单"),
        ("⑵细化标准", 4, "⑵细化标准"),
        ("（1）细项", 4, "（1）细项"),
        ("(2)细项", 4, "(2)细项"),
        ("第一编 总则", 1, "第一编 总则"),
        ("第二章 行政许可的设定", 2, "第二章 行政许可的设定"),
        ("第三节 程序", 3, "第三节 程序"),
        ("## 第一章 总则", 2, "第一章 总则"),
        ("## 裁判要点", 2, "裁判要点"),
        ("# 中华人民共和国行政许可法", 1, "中华人民共和国行政许可法"),
    ];
    for (line, level, text) in cases {
        let h = parse_heading(line).unwrap_or_else(|| panic!("{line} is a heading"));
        assert_eq!((h.level, h.text.as_str()), (level, text), "{line}");
    }
}

#[test]
fn run_in_headings_stop_at_the_first_full_stop_or_colon() {
    let h = parse_heading("（一）加强对法治政府建设工作的领导。2020年以来，市科技局多次召开会议")
        .unwrap();
    assert_eq!(h.text, "（一）加强对法治政府建设工作的领导");
    let h = parse_heading("三、主要做法：一是加强领导").unwrap();
    assert_eq!(h.text, "三、主要做法");
    let h = parse_heading("第十二条 行政机关应当依法公开。").unwrap();
    assert_eq!((h.text.as_str(), h.is_article()), ("第十二条", true));
}

#[test]
fn run_in_lists_numbers_and_sentences_are_not_headings() {
    for line in [
        "一是学习党的二十大精神。二是推进改革。",
        "2021年，市科技局严格贯彻落实",
        "3.5万亿元的生产总值",
        "第一条规定的情形",
        "各位代表：",
        "（2021-2025年）规划纲要",
    ] {
        assert_eq!(parse_heading(line), None, "{line}");
    }
}

#[test]
fn breadcrumbs_page_controls_and_editor_artefacts_are_dropped() {
    for line in [
        "您的位置: 首页 >适老专区>以案释法>详细内容",
        "来源:常德市科学技术局 2023-12-01 15:00 字体:【",
        "来源：解放日报",
        "时间：2026-02-09",
        "下载 打印 全屏 收藏 【字号：加大 还原 减小】",
        "【字号：",
        "减小",
        "如若转载，请注明出处：http://example.org/1",
        "(新)中华企业资源网后缀.png",
        "<!-- INFO END -->",
        "相关报道：",
        "版权所有：云溪县人民政府　湘ICP备12003456号　技术支持：某某网络公司",
        "主办单位：平川县人民政府办公室",
        "湘公网安备 43012102000123号",
        // A page's date before its source.
        "2023-05-12 来源：某某市人力资源和社会保障局",
        "2023年5月12日 10:30　来源：市司法局　浏览次数：12",
    ] {
        assert_eq!(classify_line(line), LineKind::Boilerplate, "{line}");
    }
    assert_eq!(
        classify_line("[bookmark: _GoBack]2021年，区科技局深入贯彻"),
        LineKind::Text("2021年，区科技局深入贯彻".into())
    );
    // Sentences that merely mention the words stay.
    for line in [
        "来源于群众的意见建议，我们逐条研究办理并及时反馈，共收到来源信息两千余条，全部按时办结。",
        "下载量突破一百万次。",
        "减小企业负担",
        // A law's sentence, a table's column, a rule about registration: no footer.
        "承办单位应当及时反馈办理结果。",
        "协办单位",
        "加强ICP备案管理，依法查处未备案网站。",
        // A home page named in a sentence, or an arrow between sentence parts.
        "首页 > 点击“办事服务”栏目后，按提示填写申请表并提交",
        "首页>登录，再选择“我的办件”",
        "2023年5月12日，来源于群众的意见全部办结。",
        "2023年5月12日 来源：12345热线，群众反映某小区违法建设问题，经核查属实。",
        // A path from the home page may be the way to a service (its breadcrumb over a title
        // is preface, see the portal test).
        "首页 > 办事服务 > 法人办事 > 企业开办",
    ] {
        assert!(matches!(classify_line(line), LineKind::Text(_)), "{line}");
    }
}

#[test]
fn title_after_breadcrumbs_and_missing_title() {
    let r = parse_report(
        &lines("您的位置：首页 > 政务公开\n\n2024年政府工作报告\n各位代表：\n一、工作回顾\n正文。"),
        "file",
    );
    assert_eq!(
        (r.title.as_str(), r.year),
        ("2024年政府工作报告", Some(2024))
    );
    let r = parse_report(
        &lines("各位代表：\n现在，我代表市人民政府报告工作。\n一、回顾\n正文。"),
        "深圳市政府工作报告_2009年",
    );
    assert_eq!(
        (r.title.as_str(), r.year),
        ("深圳市政府工作报告_2009年", Some(2009))
    );
}

#[test]
fn the_body_of_a_work_report_named_only_by_its_congress_in_the_file_name() {
    let text = "各位代表：\n现在，我代表区人民政府，向大会报告工作，请予审议。\n一、2024年工作回顾\n正文。";
    for (stem, org, year) in [
        (
            "2025年政府工作报告（在深圳市罗湖区第八届人民代表大会第六次会议上）_2025",
            "深圳市罗湖区人民政府",
            2025,
        ),
        (
            "2016年10月政府工作报告（在福田区第七届人民代表大会第一次会议上的报告）_2016",
            "福田区人民政府",
            2016,
        ),
    ] {
        let r = parse_report(&lines(text), stem);
        assert_eq!(
            (r.org.as_deref(), r.year),
            (Some(org), Some(year)),
            "{stem}"
        );
    }
    // The speaker names the body.
    for (opening, org) in [
        (
            "现在，我代表龙华区人民政府，向大会报告政府工作，请予审议。",
            Some("龙华区人民政府"),
        ),
        (
            "现在，我代表大鹏新区管理委员会向大会作报告，请予审议。",
            Some("大鹏新区管理委员会"),
        ),
        ("现在，我代表区人民政府向大会作工作报告。", None),
        ("受委托，我代表新区党工委、管委会讲三点意见。", None),
    ] {
        let text = format!("各位代表：\n{opening}\n一、工作回顾\n正文。");
        let r = parse_report(&lines(&text), "光明区2019年工作报告_2019");
        assert_eq!(r.org.as_deref(), org, "{opening}");
    }
    // The place, then the session, in the title.
    let r = parse_report(
        &lines(text),
        "2021年龙华区二届人大一次会议政府工作报告_2021",
    );
    assert_eq!(r.org.as_deref(), Some("龙华区人民政府"));
    // No place anywhere: no body, rather than 政府 (or 月政府 after a month).
    for stem in ["2024年政府工作报告", "2016年10月政府工作报告"] {
        let r = parse_report(&lines(text), stem);
        assert_eq!(r.org, None, "{stem}");
    }
}

#[test]
fn the_name_at_the_start_of_a_title_is_a_body_unless_the_title_is_a_law() {
    let body = "第一条 为了规范管理，制定本办法。\n第二条 本办法自发布之日起施行。";
    for stem in [
        "政府投资条例",
        "仲裁委员会登记暂行办法",
        "民办非企业单位登记管理暂行条例",
        "处方药与非处方药分类管理办法（试行）",
        "某停车管理有限责任公司诉北京市门头沟区城市管理委员会行政协议解除通知案",
    ] {
        let r = parse_report(&lines(body), stem);
        assert_eq!(r.org, None, "{stem}");
    }
    let text = "一、工作情况\n正文。";
    for (stem, org) in [
        (
            "南宁市科学技术委员会2020年法治政府建设工作报告",
            "南宁市科学技术委员会",
        ),
        ("2016年10月市科技局工作总结", "市科技局"),
        ("深圳市科技创新局2021年工作方案", "深圳市科技创新局"),
        ("河南省人大常委会2020年工作要点", "河南省人大常委会"),
        ("大鹏新区2022年管委会工作报告_2022", "大鹏新区管委会"),
    ] {
        let r = parse_report(&lines(text), stem);
        assert_eq!(r.org.as_deref(), Some(org), "{stem}");
    }
}

/// A law's year is its version's: the latest date of the notes under its title, also under a
/// Markdown title and a code's part (`# 合同编`), or the date its file is named by when that is
/// later; without either, the year it took effect.
#[test]
fn a_law_is_dated_by_its_version_notes_its_file_name_or_when_it_took_effect() {
    let body = "## 第一章  总则\n\n第一条 为了规范管理，制定本条例。\n\n第二条 本条例自2002年7月1日起施行。\n";
    let cases = [
        // Notes under a Markdown title; the file name dates an older version.
        (
            "# 上海市住宅物业管理规定\n\n2004年8月19日 通过\n\n2010年12月23日 修订\n\n2018年11月22日 《关于修改〈上海市住宅物业管理规定〉的决定》修正\n\n<!-- INFO END -->\n",
            "上海市住宅物业管理规定(2010-12-23)",
            2018,
        ),
        // The notes stop before the version the file is named by.
        (
            "# 北京市公园条例\n\n2002年10月17日 通过\n\n<!-- INFO END -->\n",
            "北京市公园条例(2019-07-26)",
            2019,
        ),
        // A part of a code between the title and the notes.
        (
            "# 中华人民共和国民法典\n\n# 合同编\n\n2020年5月28日 第十三届全国人民代表大会第三次会议通过\n\n<!-- INFO END -->\n",
            "合同编",
            2020,
        ),
        // No notes, no date in the name: the year it took effect.
        ("# 上海市专利保护条例\n\n<!-- INFO END -->\n", "上海市专利保护条例", 2002),
    ];
    for (head, stem, year) in cases {
        let r = parse_report(&lines(&format!("{head}{body}")), stem);
        assert_eq!(r.year, Some(year), "{stem}");
    }
}

/// A document number is the header's: alone on a line or in brackets after the title, never
/// one cited in a sentence of the text.
#[test]
fn a_document_number_is_the_headers_not_one_cited_in_the_text() {
    let own = "# 最高人民法院关于成渝金融法院案件管辖的规定\n\n法释〔2022〕20号\n\n<!-- INFO END -->\n\n第一条 成渝金融法院管辖。\n\n第二条 本规定自2023年1月1日起施行。\n";
    let r = parse_report(&lines(own), "规定");
    assert_eq!(r.doc_number.as_deref(), Some("法释〔2022〕20号"));
    for header in [
        "京政办发〔2023〕12号　　签发人：张三",
        "签发人：张三　　京政办发〔2023〕12号",
    ] {
        let text =
            format!("北京市人民政府办公厅关于印发工作方案的通知\n{header}\n一、总体要求\n正文。");
        let r = parse_report(&lines(&text), "通知");
        assert_eq!(
            r.doc_number.as_deref(),
            Some("京政办发〔2023〕12号"),
            "{header}"
        );
    }
    // Small brackets, full-width digits and 第 before the serial number, as offices print them.
    for number in [
        "湘农发﹝2024﹞14号",
        "国发〔２０２１〕５号",
        "粤府〔2021〕第12号",
        "粵府〔2023〕15號",
    ] {
        let text = format!("湖南省农业农村厅关于做好春耕生产工作的通知\n{number}\n\n各市州农业农村局：\n一、抓好春耕\n做好工作。\n");
        let r = parse_report(&lines(&text), "通知");
        assert_eq!(r.doc_number.as_deref(), Some(number));
    }
    let titled =
        "某市人民政府办公室关于印发工作方案的通知（某府办发〔2021〕5号）\n一、总体要求\n正文。";
    let r = parse_report(&lines(titled), "通知");
    assert_eq!(r.doc_number.as_deref(), Some("某府办发〔2021〕5号"));
    // A place named with a rare character (䶮 in Ext-A, 𠮷 in Ext-B) keeps it in its numbers.
    for prefix in ["䶮政发", "𠮷府办发"] {
        let text = format!("{prefix}〔2024〕3号\n某县人民政府关于2023年度法治政府建设情况的报告\n一、主要工作\n略。\n");
        let r = parse_report(&lines(&text), "报告");
        assert_eq!(
            r.doc_number.as_deref(),
            Some(format!("{prefix}〔2024〕3号").as_str())
        );
    }
    for cited in [
        "# 最高人民法院关于新民间借贷司法解释适用范围问题的批复\n\n<!-- INFO END -->\n\n广东省高级人民法院：\n\n你院《关于新民间借贷司法解释有关法律适用问题的请示》（粤高法〔2020〕108号）收悉。\n\n一、关于适用范围问题\n",
        "# 征收教育费附加的暂行规定\n\n<!-- INFO END -->\n\n第一条 为贯彻落实。\n\n第二条 除按照《国务院关于筹措农村学校办学经费的通知》(国发〔1984〕174号文)的规定缴纳的外。\n",
        "# 示例规定\n\n<!-- INFO END -->\n\n1998年9月17日，我院以法〔1998〕86号通知印发了《几个问题的规定》。\n\n第一条 示例。\n\n第二条 示例。\n",
    ] {
        let r = parse_report(&lines(cited), "规定");
        assert_eq!(r.doc_number, None, "{cited}");
    }
}

/// A notice signed before what it issues: title, issuer, document number and the date under
/// the signature, then the attached plan's sections.
#[test]
fn a_notice_signed_before_the_plan_it_issues() {
    let text = "北京市人民政府办公厅关于印发《北京市数字政府建设实施方案》的通知\n京政办发〔2023〕12号\n各区人民政府，市政府各委、办、局：\n经市政府同意，现将《北京市数字政府建设实施方案》印发给你们，请认真贯彻落实。\n北京市人民政府办公厅\n2023年5月10日\n北京市数字政府建设实施方案\n一、总体要求\n（一）指导思想。坚持以人民为中心。\n二、重点任务\n1.推进政务服务“一网通办”。依托全市统一平台。\n";
    let r = parse_report(&lines(text), "notice");
    assert_eq!(
        r.title,
        "北京市人民政府办公厅关于印发《北京市数字政府建设实施方案》的通知"
    );
    assert_eq!(r.year, Some(2023));
    assert_eq!(r.org.as_deref(), Some("北京市人民政府办公厅"));
    assert_eq!(r.doc_number.as_deref(), Some("京政办发〔2023〕12号"));
    assert_eq!(r.date.as_deref(), Some("2023年5月10日"));
    assert_eq!(
        tree(&r),
        pinned(&[
            ("", 0, 1, 7),
            ("一、总体要求", 1, 8, 8),
            ("一、总体要求 / （一）指导思想", 2, 9, 9),
            ("二、重点任务", 1, 10, 10),
            ("二、重点任务 / 1.推进政务服务“一网通办”", 3, 11, 11),
        ])
    );
}

/// A work report whose only clue to its body is the speaker's office under the title
/// (`某某市市长　张三`) is the government's of that place, and a date above the speaker's line
/// dates it (trial 13).
#[test]
fn a_work_report_named_by_its_speakers_office() {
    let cases = [
        (
            "政府工作报告\n（2024年1月15日）\n\n青溪市市长　张三\n",
            "青溪市人民政府",
            "2024年1月15日",
        ),
        (
            "政府工作报告\n2024年1月20日\n\n青山省省长　王五\n",
            "青山省人民政府",
            "2024年1月20日",
        ),
        (
            "政府工作报告\n2024年1月20日\n青溪市代市长　张　三\n",
            "青溪市人民政府",
            "2024年1月20日",
        ),
        (
            "政府工作报告\n2024年1月20日\n广西壮族自治区主席　李四\n",
            "广西壮族自治区人民政府",
            "2024年1月20日",
        ),
        (
            "政府工作报告\n2024年1月20日\n西安市长安区区长　李四\n",
            "西安市长安区人民政府",
            "2024年1月20日",
        ),
    ];
    for (head, org, date) in cases {
        let text = format!("{head}一、2023年工作回顾\n过去一年，经济增长6%。\n");
        let r = parse_report(&lines(&text), "报告");
        assert_eq!(
            (r.org.as_deref(), r.date.as_deref(), r.year),
            (Some(org), Some(date), Some(2024)),
            "{head}"
        );
    }
    // Any report: the speaker's office is its issuer when nothing else names one (trial 15).
    let text = "2023年法治政府建设情况报告\n青溪市市长　张三\n一、主要工作\n略。\n";
    assert_eq!(
        parse_report(&lines(text), "报告").org.as_deref(),
        Some("青溪市人民政府")
    );
    // An office that heads no government names none.
    let text = "政府工作报告\n2024年1月20日\n青溪市局长　张三\n一、工作回顾\n略。\n";
    assert_eq!(parse_report(&lines(text), "报告").org, None);
}

/// Parts numbered in formal numerals (壹、贰、 or 貳、參、) stand above the 一、 headings in
/// them (trial 13).
#[test]
fn parts_numbered_in_formal_numerals() {
    for closing in ["參、結語", "参、结语"] {
        let text = format!("年度施政计划\n壹、前言\n推动各项建设。\n贰、年度施政目标\n一、健全财政\n开源节流。\n二、智慧城市\n推动建设。\n{closing}\n持续努力。\n");
        let r = parse_report(&lines(&text), "计划");
        assert_eq!(
            heading_paths(&r),
            [
                "",
                "壹、前言",
                "贰、年度施政目标",
                "贰、年度施政目标 / 一、健全财政",
                "贰、年度施政目标 / 二、智慧城市",
                closing,
            ]
        );
    }
    // Sums in formal numerals are no parts (trial 15).
    let text = "某某县农业农村局关于拨付专项资金的通知\n一、资金用途\n用于农田建设。\n二、资金数额\n壹、拾万元整\n贰、拾伍万元整\n三、工作要求\n专款专用。\n";
    let r = parse_report(&lines(text), "通知");
    assert_eq!(
        heading_paths(&r),
        ["", "一、资金用途", "二、资金数额", "三、工作要求"]
    );
}

/// A code named in two or three characters (民法典, 宪法, 物权法) is titled by its name, not by
/// its file's; a word that only ends in 法 titles nothing (trial 13).
#[test]
fn a_law_with_a_short_name() {
    // A short name is the whole title: the paragraph after it is not joined to it (trial 15).
    let text = "民法典\n\n某某市物业管理办法实施情况\n第一条　为了保护民事主体的合法权益，制定本法。\n第二条　本法调整民事关系。\n";
    assert_eq!(parse_report(&lines(text), "file").title, "民法典");
    for name in [
        "民法典",
        "宪法",
        "物权法",
        "民法",
        "憲法",
        "宪　　法",
        "刑　法",
    ] {
        let text = format!("{name}\n\n第一条　为了保护民事主体的合法权益，制定本法。\n第二条　本法调整民事关系。\n");
        let squeezed: String = name.split_whitespace().collect();
        assert_eq!(parse_report(&lines(&text), "file").title, squeezed);
    }
    for word in ["办法", "新办法", "好做法", "依法"] {
        let text = format!("{word}\n\n第一条　为了保护民事主体的合法权益，制定本法。\n第二条　本法调整民事关系。\n");
        assert_eq!(parse_report(&lines(&text), "file").title, "file", "{word}");
    }
}

/// A law or regulation published with the order that promulgates it: its own title, the year
/// it was passed (not the year it takes effect), the body that gave the order and the date the
/// order was signed.
#[test]
fn a_law_published_with_its_order() {
    let state_council = "中华人民共和国国务院令\n第732号\n《优化营商环境条例》已经2019年10月8日国务院第66次常务会议通过，现予公布，自2020年1月1日起施行。\n总理　李克强\n2019年10月22日\n优化营商环境条例\n第一章　总　　则\n第一条　为了持续优化营商环境，制定本条例。\n第二条　本条例所称营商环境，是指体制机制性因素和条件。\n";
    let r = parse_report(&lines(state_council), "order");
    assert_eq!(
        (
            r.title.as_str(),
            r.year,
            r.org.as_deref(),
            r.date.as_deref()
        ),
        (
            "优化营商环境条例",
            Some(2019),
            Some("国务院"),
            Some("2019年10月22日")
        )
    );
    assert_eq!(heading_paths(&r)[1], "第一章 总则");
    // The order's number is the document number, named with the order as it is cited.
    assert_eq!(
        r.doc_number.as_deref(),
        Some("中华人民共和国国务院令第732号")
    );
    for (head, number) in [
        ("北京市人民政府令\n（第300号）", "北京市人民政府令第300号"),
        ("北京市人民政府令　第300号", "北京市人民政府令第300号"),
        (
            "中华人民共和国主席令\n第三十一号",
            "中华人民共和国主席令第三十一号",
        ),
    ] {
        let text = state_council.replacen("中华人民共和国国务院令\n第732号", head, 1);
        let r = parse_report(&lines(&text), "order");
        assert_eq!(r.doc_number.as_deref(), Some(number), "{head}");
        assert_eq!(r.title, "优化营商环境条例", "{head}");
        let issuer = number.split_once('令').map(|(name, _)| name);
        let issuer = issuer.map(|n| n.trim_start_matches("中华人民共和国"));
        let issuer = issuer.filter(|n| *n != "主席");
        assert_eq!(r.org.as_deref(), issuer, "{head}");
    }
    // An announcement numbered by year, under its name or beside it.
    for (head, number) in [
        (
            "国家税务总局公告\n2024年第1号",
            "国家税务总局公告2024年第1号",
        ),
        (
            "国家税务总局公告　2024年第1号",
            "国家税务总局公告2024年第1号",
        ),
        (
            "青溪市人民政府公告\n〔2024〕第5号",
            "青溪市人民政府公告〔2024〕第5号",
        ),
    ] {
        let text =
            format!("{head}\n为进一步优化纳税服务，现将有关事项公告如下：\n一、适用范围\n略。\n");
        let r = parse_report(&lines(&text), "公告");
        assert_eq!(r.doc_number.as_deref(), Some(number), "{head}");
    }
    // A title about an order is no order.
    let about = "关于严格执行禁令的通知\n第5号\n各区县：\n一、总体要求\n略。\n";
    assert_eq!(parse_report(&lines(about), "通知").doc_number, None);
    let president = "中华人民共和国主席令\n第七十号\n《中华人民共和国行政处罚法》已由第十三届全国人民代表大会常务委员会第二十五次会议于2021年1月22日修订通过，现予公布，自2021年7月15日起施行。\n中华人民共和国主席　习近平\n2021年1月22日\n中华人民共和国行政处罚法\n（1996年3月17日第八届全国人民代表大会第四次会议通过　2021年1月22日第十三届全国人民代表大会常务委员会第二十五次会议修订）\n第一章　总　　则\n第一条　为了规范行政处罚的设定和实施，制定本法。\n第二条　行政处罚是指行政机关依法给予惩戒的行为。\n";
    let r = parse_report(&lines(president), "order");
    assert_eq!(
        (
            r.title.as_str(),
            r.year,
            r.org.as_deref(),
            r.date.as_deref()
        ),
        (
            "中华人民共和国行政处罚法",
            Some(2021),
            None,
            Some("2021年1月22日")
        )
    );
    // A work report signed under its title by the mayor, body and office before the name.
    let report = "2024年宁波市政府工作报告\n宁波市人民政府市长 汤飞帆\n2024年1月23日\n各位代表：\n一、2023年工作回顾\n过去一年。\n";
    let r = parse_report(&lines(report), "report");
    assert_eq!(r.date.as_deref(), Some("2024年1月23日"));
    let meeting = "2024年宁波市政府工作报告\n市长办公会议\n2024年1月23日\n各位代表：\n一、2023年工作回顾\n过去一年。\n";
    let r = parse_report(&lines(meeting), "report");
    assert_eq!(r.date, None, "a meeting is not a signer");
    // A note that wraps inside the meeting's name, and ends with the date it takes effect.
    let reply = "# 最高人民法院关于新民间借贷司法解释适用范围问题的批复\n\n2020年11月9日 最高人民法院审判委员会\n\n第1815次会议通过，自2021年1月1日起施行）\n\n广东省高级人民法院：\n\n一、关于适用范围问题\n\n正文。\n";
    let r = parse_report(&lines(reply), "批复");
    assert_eq!(r.year, Some(2020));
}

#[test]
fn law_with_chapters_and_articles() {
    let text = "# 中华人民共和国示例法\n\n2021年1月1日 通过\n<!-- INFO END -->\n## 第一章 总则\n\n第一条 为了规范管理，制定本法。\n\n第二条 本法适用于全国。\n\n## 第二章 法律责任\n\n第三条 违反本法的，处以罚款。\n";
    let r = parse_report(&lines(text), "示例法(2021-01-01)");
    assert_eq!(r.title, "中华人民共和国示例法");
    assert_eq!(r.year, Some(2021));
    assert_eq!(
        tree(&r),
        pinned(&[
            ("", 0, 1, 3),
            ("第一章 总则", 2, 5, 5),
            ("第一章 总则 / 第一条", 3, 7, 7),
            ("第一章 总则 / 第二条", 3, 9, 9),
            ("第二章 法律责任", 2, 11, 11),
            ("第二章 法律责任 / 第三条", 3, 13, 13),
        ])
    );
}

/// Laws typed without a space after the article's number (`第一条为了…`), or with the article's
/// name in brackets (`第五条【古树名木】`), and chapters run into their names (`第二章养犬登记`):
/// each article is a section under its chapter, and its list items stay in it. A wrapped line
/// that starts with a reference (`第五条规定条件的…`, `第八条的规定`) is text, even where the
/// article it names is the next one.
#[test]
fn articles_and_chapters_without_a_space_after_their_number() {
    let text = "江城市养犬管理条例\n（2021年10月29日江城市人民代表大会常务委员会通过）\n\n第一章总则\n\n第一条为了规范养犬行为，制定本条例。\n\n第二条【适用范围】本条例适用于本市行政区域。\n\n第二章　养犬登记\n\n第三条个人养犬的，每户限养一只；符合本条例\n第五条规定条件的，可以增养一只。\n\n第四条养犬人应当申请登记，并提交下列材料：\n（一）居民身份证；\n1.犬只免疫证明；\n\n第五条禁止饲养烈性犬，违反本条例\n第六条的规定的，依照执行。\n第六条本条例自2022年1月1日起施行。\n";
    let r = parse_report(&lines(text), "江城市养犬管理条例");
    assert_eq!(
        tree(&r),
        pinned(&[
            ("", 0, 1, 2),
            ("第一章 总则", 2, 4, 4),
            ("第一章 总则 / 第一条", 3, 6, 6),
            ("第一章 总则 / 第二条", 3, 8, 8),
            ("第二章 养犬登记", 2, 10, 10),
            ("第二章 养犬登记 / 第三条", 3, 12, 13),
            ("第二章 养犬登记 / 第四条", 3, 15, 17),
            ("第二章 养犬登记 / 第五条", 3, 19, 20),
            ("第二章 养犬登记 / 第六条", 3, 21, 21),
        ])
    );
    // The same sentences in a report that has no articles stay text.
    let report =
        "示例区司法局2023年工作报告\n一、主要工作\n第一章总则部分已修订。\n第一条为新增内容。\n";
    let r = parse_report(&lines(report), "示例");
    assert_eq!(heading_paths(&r), ["", "一、主要工作"]);
}

#[test]
fn numbers_written_as_law_numerals() {
    for (value, numeral) in [
        (1, "一"),
        (10, "十"),
        (12, "十二"),
        (20, "二十"),
        (35, "三十五"),
        (105, "一百零五"),
        (110, "一百一十"),
        (1001, "一千零一"),
        (1010, "一千零一十"),
        (1260, "一千二百六十"),
    ] {
        assert_eq!(
            headings::law_numeral(value).as_deref(),
            Some(numeral),
            "{value}"
        );
    }
    for value in 1..10_000 {
        let numeral = headings::law_numeral(value).unwrap();
        assert_eq!(
            headings::law_numeral_value(&numeral),
            Some(value),
            "{numeral}"
        );
    }
    assert_eq!(headings::law_numeral(0), None);
}

#[test]
fn law_numerals_read_as_numbers() {
    for (numeral, value) in [
        ("一", 1),
        ("十", 10),
        ("十二", 12),
        ("二十", 20),
        ("一百零五", 105),
        ("一百一十", 110),
        ("一千二百六十", 1260),
        ("两千", 2000),
        ("12", 12),
    ] {
        assert_eq!(
            headings::law_numeral_value(numeral),
            Some(value),
            "{numeral}"
        );
    }
}

/// A 目录 whose entries end in page numbers, after dot leaders, a tab or wide spaces, as Word
/// writes them: the entries are text of the preamble, the body's headings are the sections, and
/// the introduction after the 目录 stays in the preamble.
#[test]
fn a_table_of_contents_with_page_numbers_is_no_section() {
    for (lead, page) in [
        ("……………", "1"),
        ("\t", "2"),
        ("\u{3000}", "３"),
        ("  ", "12"),
        ("　　　", "第1页"),
        ("　　　", "ii"),
        (" ...... ", "1"),
        (" ------ ", "2"),
        ("········", "3"),
    ] {
        let text = format!(
            "兴宁县司法局2023年法治政府建设年度报告\n目　　录\n一、主要工作举措{lead}{page}\n（一）强化组织领导{lead}{page}\n二、存在的问题和不足{lead}{page}\n三、2024年工作打算{lead}{page}\n2023年，我局现将有关情况报告如下。\n一、主要工作举措\n（一）强化组织领导\n成立领导小组。\n二、存在的问题和不足\n执法力量不足。\n三、2024年工作打算\n继续推进。\n"
        );
        let r = parse_report(&lines(&text), "报告");
        assert_eq!(
            tree(&r),
            pinned(&[
                ("", 0, 1, 7),
                ("一、主要工作举措", 1, 8, 8),
                ("一、主要工作举措 / （一）强化组织领导", 2, 9, 10),
                ("二、存在的问题和不足", 1, 11, 12),
                ("三、2024年工作打算", 1, 13, 14),
            ]),
            "leader {lead:?}"
        );
    }
    // Headings that end in a figure are headings.
    for heading in [
        "一、2024",
        "（二）新建学校12",
        "1. 完成任务 3",
        "三、发展目标…5%",
        "（四）推广5G",
        "二、实施IV类水体治理",
        "（五）建成Ⅳ",
    ] {
        assert!(!headings::is_toc_entry(heading), "{heading}");
    }
}

/// An official notice as printed (红头): the masthead, the document number with its signer, a
/// title over two lines that issues a plan for a span of years, the addressees, the list of
/// attachments, the signature and date, then the plan. The masthead and the number are not the
/// title; the year is the number's, not the end of the plan's span; the attachments' second
/// item is no heading, so the date under the signature is found.
#[test]
fn an_official_notice_with_its_masthead_number_and_attachments() {
    for masthead in ["宜川市人民政府办公室文件\n\n", ""] {
        let text = format!(
            "{masthead}宜政办发〔2024〕15号　　签发人：张三\n\n宜川市人民政府办公室关于印发宜川市优化营商环境\n三年行动方案（2024—2026年）的通知\n\n各区、县人民政府，市各委办局：\n　　现将方案印发给你们，请认真贯彻执行。\n\n　　附件：1. 宜川市优化营商环境三年行动方案\n　　　　　　2. 重点任务分工表\n\n　　　　　　宜川市人民政府办公室\n　　　　　　2024年3月8日\n\n宜川市优化营商环境三年行动方案\n　　一、总体要求\n　　坚持问题导向。\n"
        );
        let r = parse_report(&lines(&text), "通知");
        assert_eq!(
            r.title,
            "宜川市人民政府办公室关于印发宜川市优化营商环境三年行动方案（2024—2026年）的通知",
            "{masthead:?}"
        );
        assert_eq!(r.year, Some(2024));
        assert_eq!(r.org.as_deref(), Some("宜川市人民政府办公室"));
        assert_eq!(r.doc_number.as_deref(), Some("宜政办发〔2024〕15号"));
        assert_eq!(r.date.as_deref(), Some("2024年3月8日"));
        assert_eq!(heading_paths(&r), ["", "一、总体要求"]);
    }
    // Header fields spaced to a width, as government sites print them.
    let text = "文　　号：平政办发〔2023〕7号\n发布机构：平川县人民政府办公室\n发布日期：2023-04-12\n平川县人民政府办公室关于印发《平川县行政执法公示办法》的通知\n各乡镇人民政府：\n现印发给你们。\n";
    let r = parse_report(&lines(text), "通知");
    // A site's publication date stands in only for a signing date the document does not show.
    assert_eq!(r.date.as_deref(), Some("2023-04-12"));
    let signed = format!("{text}平川县人民政府办公室\n2023年4月10日\n");
    assert_eq!(
        parse_report(&lines(&signed), "通知").date.as_deref(),
        Some("2023年4月10日")
    );
    assert_eq!(r.doc_number.as_deref(), Some("平政办发〔2023〕7号"));
    assert_eq!(r.org.as_deref(), Some("平川县人民政府办公室"));
    assert_eq!(
        r.title,
        "平川县人民政府办公室关于印发《平川县行政执法公示办法》的通知"
    );
}

/// Official documents long wrote years and dates in Chinese numerals: the year of the title
/// and the date under the signature read as well as Arabic ones, and the date is kept as
/// written.
#[test]
fn years_and_dates_in_chinese_numerals() {
    let text = "海阳区教育局二〇二三年度法治政府建设工作报告\n　　二〇二三年，区教育局全面推进依法治教。\n一、主要工作\n　　开展法治教育。\n海阳区教育局\n二〇二四年一月十日\n";
    let r = parse_report(&lines(text), "报告");
    assert_eq!(r.year, Some(2023));
    assert_eq!(r.org.as_deref(), Some("海阳区教育局"));
    assert_eq!(r.date.as_deref(), Some("二〇二四年一月十日"));
    // A title without a year takes the date's.
    let text = "海阳区教育局法治政府建设工作报告\n一、主要工作\n　　开展法治教育。\n海阳区教育局\n二〇二一年十二月三十一日\n";
    let r = parse_report(&lines(text), "报告");
    assert_eq!(r.year, Some(2021));
    assert_eq!(r.date.as_deref(), Some("二〇二一年十二月三十一日"));
    // Zero typed as a circle or a letter O; a long-range goal's year is no title's year.
    for title in ["临川县统计局二○二二年度报告", "临川县统计局二O二二年度报告"]
    {
        let r = parse_report(&lines(&format!("{title}\n一、主要工作\n")), "报告");
        assert_eq!(r.year, Some(2022), "{title}");
    }
    let plan =
        "临川市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n第一章 发展基础\n";
    assert_eq!(parse_report(&lines(plan), "纲要").year, None);
    // Not dates: a month or day out of range, a numeral that is no year.
    for t in [
        "二〇二一年十三月一日",
        "二〇二一年一月三十二日",
        "一二三四年一月一日",
    ] {
        assert_eq!(facts::find_cn_date(t), None, "{t}");
    }
}

/// A 政府工作报告 in parts (第一部分 / 第二部分 / 第三部分): each part holds the headings up to the
/// next one, so the year's targets are not filed under the last year's review.
#[test]
fn a_report_in_parts() {
    let text = "2024年石门县人民政府工作报告\n各位代表：\n第一部分　2023年工作回顾\n过去的一年成绩显著。\n(一)产业发展提速增效\n工业经济稳中有进。\n(二)民生保障有力有效\n1、就业形势总体稳定。\n第二部分：2024年工作安排\n主要预期目标是增长6%。\n一.全力推动产业升级\n（1）实施强链补链工程\n第三部分\n加强政府自身建设。\n";
    let r = parse_report(&lines(text), "报告");
    assert_eq!(
        heading_paths(&r),
        [
            "",
            "第一部分 2023年工作回顾",
            "第一部分 2023年工作回顾 / (一)产业发展提速增效",
            "第一部分 2023年工作回顾 / (二)民生保障有力有效",
            "第一部分 2023年工作回顾 / (二)民生保障有力有效 / 1、就业形势总体稳定",
            "第二部分 2024年工作安排",
            "第二部分 2024年工作安排 / 一.全力推动产业升级",
            "第二部分 2024年工作安排 / 一.全力推动产业升级 / （1）实施强链补链工程",
            "第三部分",
        ]
    );
    // A plan's 第X篇 holds its chapters, and a chapter the 一、 after it; a page break (form
    // feed) before a heading hides nothing.
    let text = "临川市规划纲要\n第一篇　开启新征程\n第一章 发展基础\n成就显著。\n第二篇　坚持创新驱动发展\n第三章 提升创新能力\n加大投入。\n\u{c}二、存在问题\n";
    let r = parse_report(&lines(text), "纲要");
    assert_eq!(
        heading_paths(&r)[..6],
        [
            "",
            "第一篇 开启新征程",
            "第一篇 开启新征程 / 第一章 发展基础",
            "第二篇 坚持创新驱动发展",
            "第二篇 坚持创新驱动发展 / 第三章 提升创新能力",
            "第二篇 坚持创新驱动发展 / 第三章 提升创新能力 / 二、存在问题",
        ]
    );
    // A sentence that names a part is text.
    let r = parse_report(
        &lines("报告\n一、总体情况\n第一部分所列物项依照规定办理。\n"),
        "报告",
    );
    assert_eq!(heading_paths(&r), ["", "一、总体情况"]);
}

/// A Markdown report that mixes `#` headings with plain and bold numbered ones: the bold
/// `**三、…**` heads its part, an unnumbered `## 工作亮点` ranks with the `## 一、` beside it, and
/// the date of a quoted `> 发布时间：` line is read.
#[test]
fn a_markdown_report_with_bold_and_unnumbered_headings() {
    let text = "# 城南区生态环境局2023年度法治政府建设情况报告\n\n> 发布时间：2024-01-30　来源：城南区生态环境局\n\n现将有关情况报告如下。\n\n## 一、主要举措和成效\n\n### （一）完善制度体系\n\n清理规范性文件。\n\n## 工作亮点\n\n**生态环境损害赔偿磋商**机制实现常态化。\n\n## 二、存在的不足\n\n执法人员不足。\n\n**三、2024年工作打算**\n\n（一）深化环评审批改革。\n";
    let r = parse_report(&lines(text), "报告");
    assert_eq!(
        heading_paths(&r),
        [
            "",
            "一、主要举措和成效",
            "一、主要举措和成效 / （一）完善制度体系",
            "工作亮点",
            "二、存在的不足",
            "三、2024年工作打算",
            "三、2024年工作打算 / （一）深化环评审批改革",
        ]
    );
    assert_eq!(r.date.as_deref(), Some("2024-01-30"));
}

/// An article whose items (`（一）申请表；`) follow it with no text between, and which a later
/// article repeats, is no table of contents: the article and the next one stay sections (刑法's
/// 第三十九条 and 73 more laws of ../shared/corpus lost articles so).
#[test]
fn an_article_with_items_another_repeats_is_no_table_of_contents() {
    let text = "上海市建设工程材料管理条例\n第一章 总则\n第一条 为了加强管理，制定本条例。\n第二章 许可\n第四条 市质监局对建设工程材料实行生产许可管理。\n市建委负责准用管理。\n第五条 申请准用证的生产单位，应当提供下列资料：\n（一）申请表；\n（二）工商营业执照；\n（三）产品质量保证书。\n第六条 非本市生产的建设工程材料，应当领取准用证。\n未取得证明的，应当申请准用证。\n第七条 申请备案的，应当提供下列资料：\n（一）申请表；\n（二）工商营业执照；\n（三）产品质量保证书。\n";
    let r = parse_report(&lines(text), "条例");
    assert_eq!(
        heading_paths(&r),
        [
            "",
            "第一章 总则",
            "第一章 总则 / 第一条",
            "第二章 许可",
            "第二章 许可 / 第四条",
            "第二章 许可 / 第五条",
            "第二章 许可 / 第六条",
            "第二章 许可 / 第七条",
        ]
    );
}

/// Articles inserted by an amendment (第五条之一, 第4条之一) are articles of their own, between
/// the article they follow and the next (刑法 has 53).
#[test]
fn an_article_inserted_by_an_amendment() {
    let text = "临川市城市地下管线管理办法\n第一章 总则\n第一条 为了加强管理，制定本办法。\n第五条 建设单位应当报送资料。\n第五条之一 地下管线工程覆土前，应当进行竣工测量。\n第六条 违反本办法第五条之一规定的，责令改正。\n第4条之一 业主大会可以电子投票。\n";
    let r = parse_report(&lines(text), "办法");
    assert_eq!(
        heading_paths(&r),
        [
            "",
            "第一章 总则",
            "第一章 总则 / 第一条",
            "第一章 总则 / 第五条",
            "第一章 总则 / 第五条之一",
            "第一章 总则 / 第六条",
            "第一章 总则 / 第4条之一",
        ]
    );
}

/// A page about a report (数说…, 图解：…) names the report's body, not one made of its headline
/// word; a web page's 信息公开 table gives each label and value a line of its own, and the value
/// under `发布机构：` is the body, the one under `索引号：` no title.
#[test]
fn headline_words_and_labels_alone_on_their_line() {
    for title in [
        "数说2024年临川市政府工作报告",
        "图解：2024年临川市政府工作报告",
    ] {
        let text = format!("{title}\n一、经济运行\n增长5.5%。\n");
        let r = parse_report(&lines(&text), "报告");
        assert_eq!(r.org.as_deref(), Some("临川市人民政府"), "{title}");
    }
    let text = "索引号：\n11361000MB1234567X/2024-00012\n发布机构：\n临川县水利局\n临川县水利局2023年法治政府建设工作报告\n一、主要工作\n查处案件19起。\n";
    let r = parse_report(&lines(text), "报告");
    assert_eq!(r.title, "临川县水利局2023年法治政府建设工作报告");
    assert_eq!(r.org.as_deref(), Some("临川县水利局"));
}

/// Mastheads as text copies print them: spaced out, a letter's (函), two issuers on two lines
/// above a rule of stars. None is the title.
#[test]
fn mastheads_spaced_joint_or_of_a_letter_are_no_title() {
    for (head, title) in [
        (
            "临 川 县 人 民 政 府 文 件\n临政发〔2023〕5号\n临川县人民政府\n关于2022年度法治政府建设情况的报告\n",
            "临川县人民政府关于2022年度法治政府建设情况的报告",
        ),
        (
            "临川市人民政府办公室函\n临府办函〔2024〕33号\n临川市人民政府办公室\n关于同意设立管理服务中心的函\n",
            "临川市人民政府办公室关于同意设立管理服务中心的函",
        ),
        (
            "中共临川县委办公室\n临川县人民政府办公室文件\n临办发〔2023〕21号\n━━━━━━★━━━━━━\n中共临川县委办公室关于印发《重点工作任务》的通知\n",
            "中共临川县委办公室关于印发《重点工作任务》的通知",
        ),
    ] {
        let text = format!("{head}各单位：\n现印发给你们。\n一、总体要求\n坚持问题导向。\n");
        let r = parse_report(&lines(&text), "文件");
        assert_eq!(r.title, title);
    }
}

/// A report whose notes follow its signature is dated by the date under the signature.
#[test]
fn the_signing_date_above_the_notes() {
    let text = "临川市司法局2023年法治政府建设年度报告\n一、主要工作\n办结案件312件[1]。\n\u{3000}\u{3000}临川市司法局\n\u{3000}\u{3000}2024年1月30日\n注释：\n[1] 含2022年结转案件27件。\n① “枫桥式”司法所，是指基层司法所。\n注：1.本报告数据截至2023年12月31日。\n";
    let r = parse_report(&lines(text), "报告");
    assert_eq!(r.date.as_deref(), Some("2024年1月30日"));
    // A mark that numbers an item of the text opens no notes: the date under the signature
    // after it is the report's (trial 13).
    for mark in ["①", "[1]", "注：", "〔1〕"] {
        let text = format!("某某市人民政府关于加强安全生产工作的通知\n\n一、主要举措\n{mark}加强领导。\n\n某某市人民政府\n2024年3月20日\n");
        let r = parse_report(&lines(&text), "通知");
        assert_eq!(
            (r.date.as_deref(), r.year),
            (Some("2024年3月20日"), Some(2024)),
            "{mark}"
        );
    }
}

/// Markdown front matter is no text: its title, date and author are the report's, and a `#`
/// title that repeats it is no section. A text that opens with a rule keeps its lines.
#[test]
fn markdown_front_matter() {
    let text = "---\ntitle: \"临川市交通运输局2023年法治政府建设年度报告\"\ndate: 2024-01-26\nauthor: 临川市交通运输局\ntags: [法治政府]\n---\n\n# 临川市交通运输局2023年法治政府建设年度报告\n\n现将有关情况报告如下。\n\n## 一、主要举措\n\n推进放管服改革。\n";
    let r = parse_report(&lines(text), "报告");
    assert_eq!(r.title, "临川市交通运输局2023年法治政府建设年度报告");
    assert_eq!(r.org.as_deref(), Some("临川市交通运输局"));
    assert_eq!(r.date.as_deref(), Some("2024-01-26"));
    assert_eq!(heading_paths(&r), ["", "一、主要举措"]);
    assert_eq!(r.sections[0].line_start, 8);
    let text = "---\n临川市交通运输局工作报告\n一、主要举措\n推进放管服改革。\n---\n";
    let r = parse_report(&lines(text), "报告");
    assert_eq!(r.title, "临川市交通运输局工作报告");
    assert_eq!(heading_paths(&r), ["", "一、主要举措"]);
}

/// A glossary named in other words (`附：名词、术语解释`) is a glossary: its numbered entries are
/// its text, not headings under the last part of the report.
#[test]
fn a_glossary_of_terms_in_other_words() {
    for name in ["附：名词、术语解释", "名词术语解释", "附：名词解释"] {
        let text = format!("临川市政府工作报告\n一、工作回顾\n成效显著。\n二、2024年工作安排\n推进亩均论英雄改革。\n{name}\n1.亩均论英雄：以亩均效益评价企业。\n2.放管服：简政放权、放管结合、优化服务。\n");
        let r = parse_report(&lines(&text), "报告");
        assert_eq!(
            heading_paths(&r).len(),
            4,
            "{name}: {:?}",
            heading_paths(&r)
        );
        assert_eq!(heading_paths(&r)[3], name.trim_end_matches('：'), "{name}");
    }
}

/// A law whose first chapter heading is missing (as in some published texts) opens with bare
/// articles: the first chapter heading that follows closes the open article instead of nesting
/// under it, as a Markdown chapter heading or a plain one, and a section (节) after an article
/// does the same under its chapter.
#[test]
fn a_chapter_after_bare_articles_is_not_nested_under_the_last_article() {
    for (chapter, shown) in [
        ("## 第二章  优化市场环境", "第二章 优化市场环境"),
        ("第二章 优化市场环境", "第二章 优化市场环境"),
    ] {
        let text = format!(
            "# 河南省示例条例\n\n2020年11月28日 通过\n<!-- INFO END -->\n第一条 为了优化营商环境，制定本条例。\n\n第二条 本条例适用于本省。\n\n{chapter}\n\n第三条 县级以上人民政府应当公开。\n\n第一节 监督\n\n第四条 加强监督。\n"
        );
        let r = parse_report(&lines(&text), "示例条例(2020-11-28)");
        let paths = heading_paths(&r);
        let want = [
            String::new(),
            "第一条".into(),
            "第二条".into(),
            shown.to_string(),
            format!("{shown} / 第三条"),
            format!("{shown} / 第一节 监督"),
            format!("{shown} / 第一节 监督 / 第四条"),
        ];
        assert_eq!(paths, want, "{chapter}");
    }
}

/// Documents converted to Markdown mark one rank with different numbers of `#`: chapters `###`
/// and their sections (节) `##`, or `十、` plain beside `## 十一、`. The numbers decide: a chapter
/// never nests under a section, nor a chapter under a chapter, nor 十一、 under 十、.
#[test]
fn numbered_markdown_headings_nest_by_their_numbers_not_their_hashes() {
    let law = "# 上海市示例条例\n\n<!-- INFO END -->\n### 第一章  总则\n\n第一条 为了规范备案。\n\n### 第三章  审查\n\n## 第一节  审查职责\n\n第二条 审查。\n\n## 第二节  审查标准\n\n第三条 标准。\n\n### 第四章  处理\n\n第四条 处理。\n";
    let r = parse_report(&lines(law), "示例条例(2021-05-21)");
    let paths = heading_paths(&r);
    assert_eq!(
        paths,
        [
            "",
            "第一章 总则",
            "第一章 总则 / 第一条",
            "第三章 审查",
            "第三章 审查 / 第一节 审查职责",
            "第三章 审查 / 第一节 审查职责 / 第二条",
            "第三章 审查 / 第二节 审查标准",
            "第三章 审查 / 第二节 审查标准 / 第三条",
            "第四章 处理",
            "第四章 处理 / 第四条",
        ]
    );
    let decision = "# 北京市示例决定\n\n<!-- INFO END -->\n## 九、加强监督\n\n正文。\n\n十、依法执行备案工作\n\n正文。\n\n## 十一、发挥代表作用\n\n正文。\n";
    let r = parse_report(&lines(decision), "示例决定");
    let paths = heading_paths(&r);
    assert_eq!(
        paths,
        [
            "",
            "九、加强监督",
            "十、依法执行备案工作",
            "十一、发挥代表作用"
        ]
    );
}

/// Where the `#` agree with the numbers, they stand: they hold ranks no number names (分编) and
/// place unnumbered headings among numbered ones.
#[test]
fn markdown_levels_that_agree_with_the_numbers_stand() {
    let code = "# 合同编\n\n<!-- INFO END -->\n## 第一分编  通则\n\n### 第一章  一般规定\n\n第四百六十三条 本编调整合同关系。\n\n### 第二章  合同的订立\n\n第四百六十九条 当事人订立合同。\n\n## 第二分编  典型合同\n\n### 第九章  买卖合同\n\n第五百九十五条 买卖合同是出卖人转移标的物的所有权于买受人。\n";
    let r = parse_report(&lines(code), "合同编");
    let paths = heading_paths(&r);
    assert_eq!(
        paths,
        [
            "",
            "第一分编 通则",
            "第一分编 通则 / 第一章 一般规定",
            "第一分编 通则 / 第一章 一般规定 / 第四百六十三条",
            "第一分编 通则 / 第二章 合同的订立",
            "第一分编 通则 / 第二章 合同的订立 / 第四百六十九条",
            "第二分编 典型合同",
            "第二分编 典型合同 / 第九章 买卖合同",
            "第二分编 典型合同 / 第九章 买卖合同 / 第五百九十五条",
        ]
    );
    let notice = "# 关于工作时间的通知\n\n<!-- INFO END -->\n## 一、制度工作时间的计算\n\n正文。\n\n## 二、日工资的折算\n\n正文。\n\n## 三\n\n正文。\n";
    let r = parse_report(&lines(notice), "通知");
    let paths = heading_paths(&r);
    assert_eq!(
        paths,
        ["", "一、制度工作时间的计算", "二、日工资的折算", "三"]
    );
}

#[test]
fn sections_tile_the_kept_lines_and_long_ones_become_passages() {
    let para = "这是一段很长的正文。".repeat(40); // 400 chars
    let body: Vec<String> = (0..10).map(|_| para.clone()).collect();
    let text = format!("标题报告\n一、长节\n{}", body.join("\n"));
    let r = parse_report(&lines(&text), "x");
    let long: Vec<&Section> = r
        .sections
        .iter()
        .filter(|s| s.heading == ["一、长节"])
        .collect();
    assert!(long.len() > 1, "a 4,000-char section is cut into passages");
    for s in &long {
        assert!(s.chars() <= MAX_PASSAGE_CHARS + para.chars().count());
    }
    // Tiling: consecutive, no gaps, no overlaps over the kept lines.
    let mut next = 1;
    for s in &r.sections {
        assert_eq!(s.line_start, next);
        next = s.line_end + 1;
    }
    assert_eq!(next, 13);
}

#[test]
fn a_file_without_headings_becomes_passages() {
    let para = "没有标题的段落文字。".repeat(50);
    let text = vec![para.clone(); 6].join("\n");
    let r = parse_report(&lines(&text), "notes");
    assert_eq!(
        r.sections.len(),
        2,
        "3,000 chars in passages of at most 1,500"
    );
    assert!(r
        .sections
        .iter()
        .all(|s| s.level == 0 && s.heading.is_empty()));
}

mod properties {
    //! Any input: no panic, sections inside the text, tiling in order, text taken from the lines.
    //! `PROPTEST_CASES=N` runs more cases (the closing note gives the long-run command).
    use super::*;
    use proptest::prelude::*;

    /// Fragments that exercise the grammar, mixed with arbitrary text.
    fn report_text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("一、".to_string()),
            Just("十一、".to_string()),
            Just("（一）".to_string()),
            Just("(二)".to_string()),
            Just("1.".to_string()),
            Just("2、".to_string()),
            Just("（3）".to_string()),
            Just("第一章 ".to_string()),
            Just("第十二条 ".to_string()),
            Just("第二编".to_string()),
            Just("## ".to_string()),
            Just("# ".to_string()),
            Just("\n".to_string()),
            Just("\r\n".to_string()),
            Just("\r".to_string()),
            Just("。".to_string()),
            Just("：".to_string()),
            Just("\u{3000}".to_string()),
            Just("您的位置：首页 > ".to_string()),
            Just("来源：".to_string()),
            Just("[bookmark: _GoBack]".to_string()),
            Just("2021年度".to_string()),
            Just("2024年2月19日".to_string()),
            Just("科学技术局".to_string()),
            "[一-龥]{0,30}",
            any::<String>(),
        ];
        prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
    }

    fn check(text: &str) {
        let lines = crate::corpus::split_lines(text);
        let r = parse_report(&lines, "stem");
        let mut next = 1;
        for s in &r.sections {
            assert!(s.line_start >= next, "sections in order, not overlapping");
            assert!(s.line_start <= s.line_end && s.line_end <= lines.len());
            for piece in s.text.split('\n') {
                let kept = |l: &String| match classify_line(l) {
                    LineKind::Text(t) => t.contains(piece),
                    _ => false,
                };
                assert!(
                    lines[s.line_start - 1..s.line_end].iter().any(kept),
                    "section text comes from its cleaned lines"
                );
            }
            next = s.line_end + 1;
        }
    }

    proptest! {
        #[test]
        fn splitter_never_panics_and_keeps_sections_inside_the_text(text in report_text()) {
            check(&text);
        }

        #[test]
        fn reader_accepts_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
            let path = std::path::Path::new("x.txt");
            if let Ok(source) = crate::corpus::read_bytes(path, crate::corpus::Format::Text, &bytes) {
                check(&source.lines.join("\n"));
            }
            let _ = crate::corpus::read_bytes(std::path::Path::new("x.html"), crate::corpus::Format::Html, &bytes);
            let _ = crate::corpus::read_bytes(std::path::Path::new("x.docx"), crate::corpus::Format::Docx, &bytes);
        }
    }
}

/// A 司法解释 groups its articles under 一、/二、 parts, between articles: each part heads the
/// articles up to the next. An article's own items (一、…；二、…。) stay its text, and so do items
/// without punctuation in a law without parts.
#[test]
fn a_judicial_interpretation_in_parts_between_its_articles() {
    let text = "最高人民法院关于审理开办企业纠纷案件若干问题的规定\n\n（2001年2月6日通过）\n\n为正确审理案件，制定本规定。\n\n一、债务纠纷的处理\n\n第一条 被开办企业具备法人条件的，应当独立承担民事责任。\n\n第二条 开办单位有下列情形之一的，承担民事责任：\n一、抽逃资金的；\n二、隐匿财产的。\n\n　　二、破产案件的处理\n\n第三条 被开办企业申请破产的，人民法院应当受理。\n\n## 三、财产保全和执行\n\n第四条 不得查封办公用房。\n\n四、适用范围\n第五条 本规定仅适用于此类案件。\n";
    let r = parse_report(&lines(text), "规定");
    assert_eq!(
        tree(&r),
        pinned(&[
            ("", 0, 1, 5),
            ("一、债务纠纷的处理", 1, 7, 7),
            ("一、债务纠纷的处理 / 第一条", 2, 9, 9),
            ("一、债务纠纷的处理 / 第二条", 2, 11, 13),
            ("二、破产案件的处理", 1, 15, 15),
            ("二、破产案件的处理 / 第三条", 2, 17, 17),
            ("三、财产保全和执行", 1, 19, 19),
            ("三、财产保全和执行 / 第四条", 2, 21, 21),
            ("四、适用范围", 1, 23, 23),
            ("四、适用范围 / 第五条", 2, 24, 24),
        ])
    );
    let items = "文物保护办法\n第一条 为了保护文物，制定本办法。\n第二条 下列文物受国家保护：\n一、古文化遗址\n二、古墓葬\n第三条 文物属于国家所有。\n";
    let r = parse_report(&lines(items), "办法");
    assert_eq!(heading_paths(&r), ["", "第一条", "第二条", "第三条"]);
    assert_eq!(r.sections[2].line_end, 5, "第二条 holds its items");
}

/// 关于2023年度法治政府建设情况的报告 names no body: 法治政府 is what is built, not who built
/// it. The body is the signature, whatever its ending (办事处, 海关, 管理处, 气象台, 水文站), with
/// a seal mark after it or the date on its line; a title's own 青溪海关 still names one.
#[test]
fn the_body_of_a_report_titled_by_its_subject_is_its_signature() {
    let body = "关于2023年度法治政府建设情况的报告\n一、主要工作\n全面推进依法行政。\n二、存在问题\n执法力量不足。\n";
    for (signature, org, date) in [
        (
            "青溪市青山区滨江街道办事处\n2024年1月19日",
            "青溪市青山区滨江街道办事处",
            "2024年1月19日",
        ),
        ("青溪海关\n2024年1月23日", "青溪海关", "2024年1月23日"),
        (
            "青溪市公路管理处\n2024年1月15日",
            "青溪市公路管理处",
            "2024年1月15日",
        ),
        (
            "青溪市气象台\n2024年1月15日",
            "青溪市气象台",
            "2024年1月15日",
        ),
        (
            "青溪市水文站\n2024年1月15日",
            "青溪市水文站",
            "2024年1月15日",
        ),
        (
            "青溪县交通运输局（印）\n2024年1月20日",
            "青溪县交通运输局",
            "2024年1月20日",
        ),
        (
            "青溪县交通运输局　　2024年1月20日",
            "青溪县交通运输局",
            "2024年1月20日",
        ),
    ] {
        let r = parse_report(&lines(&format!("{body}{signature}\n")), "报告");
        assert_eq!(r.org.as_deref(), Some(org), "{signature}");
        assert_eq!(r.date.as_deref(), Some(date), "{signature}");
    }
    // Unsigned: no body rather than 法治政府.
    let r = parse_report(&lines(body), "报告");
    assert_eq!(r.org, None);
    let r = parse_report(
        &lines("青溪海关2023年法治政府建设年度报告\n一、主要工作\n依法行政。\n"),
        "报告",
    );
    assert_eq!(r.org.as_deref(), Some("青溪海关"));
    let r = parse_report(
        &lines("临川市政府2023年数字政府建设情况报告\n一、主要工作\n建设平台。\n"),
        "报告",
    );
    // The title's body, by its full name (临川市政府 is its short form), not 数字政府.
    assert_eq!(r.org.as_deref(), Some("临川市人民政府"));
}

/// Text copied from a web page keeps its indentation as no-break spaces (U+00A0), em spaces
/// (U+2003) or invisible marks (U+200B, a stray U+FEFF): headings and articles so indented are
/// read as the same lines with ordinary spaces are.
#[test]
fn headings_indented_with_any_space_or_invisible_mark() {
    for indent in [
        "\u{a0}\u{a0}",
        "\u{2003}\u{2003}",
        "\u{200b}",
        "\u{feff}",
        "\u{3000}\u{a0}",
    ] {
        let law = format!(
            "青溪市养犬管理条例\n{indent}第一章　总则\n{indent}第一条　为了规范养犬行为，制定本条例。\n{indent}第二条　本条例适用于本市。\n{indent}第二章　管理\n{indent}第三条　养犬应当登记。\n"
        );
        let r = parse_report(&lines(&law), "条例");
        assert_eq!(
            heading_paths(&r),
            [
                "",
                "第一章 总则",
                "第一章 总则 / 第一条",
                "第一章 总则 / 第二条",
                "第二章 管理",
                "第二章 管理 / 第三条"
            ],
            "{indent:?}"
        );
        let report = format!(
            "青溪县2023年法治政府建设情况报告\n{indent}一、主要工作\n{indent}（一）健全机制\n完善制度。\n{indent}二、存在问题\n力量不足。\n"
        );
        let r = parse_report(&lines(&report), "报告");
        assert_eq!(
            heading_paths(&r),
            [
                "",
                "一、主要工作",
                "一、主要工作 / （一）健全机制",
                "二、存在问题"
            ],
            "{indent:?}"
        );
    }
}

/// A signature's date spaced out to fill its line, typed in full-width digits, in digits with dots
/// or slashes (2024.1.20), or of its month
/// alone dates the report, as written, and gives its year when the title has none; a title's
/// year in full-width digits is its year.
#[test]
fn signature_dates_spaced_full_width_in_digits_or_by_month() {
    let body = "城关镇法治政府建设工作报告\n一、主要工作\n依法行政。\n二、存在问题\n力量不足。\n城关镇人民政府\n";
    for date in [
        "2024 年 1 月 20 日",
        "２０２４年１月２０日",
        "2024年 1月 20日",
        "2024年1月",
        "二〇二四年一月",
        // In digits, as offices also sign, and 元月 for the first month.
        "2024.1.20",
        "2024/1/20",
        "2024-1-20",
        "2024.01.20",
        "2024年元月20日",
    ] {
        let r = parse_report(&lines(&format!("{body}{date}\n")), "报告");
        assert_eq!(r.date.as_deref(), Some(date));
        assert_eq!(r.year, Some(2024), "{date}");
    }
    // Digits that are no date, or not alone on the line, date nothing; nor do digits that are
    // a table's last cell, with no signature above them.
    for line in [
        "2024.13.20",
        "2024.2.30",
        "2024.1.20.5",
        "1024.1.20",
        "投资2024.1.20万元",
    ] {
        let r = parse_report(&lines(&format!("{body}{line}\n")), "报告");
        assert_eq!(r.date, None, "{line}");
    }
    let r = parse_report(
        &lines("城关镇法治政府建设工作报告\n一、主要工作\n依法行政。\n附表\n项目\n完成时间\n2024.6.30\n"),
        "报告",
    );
    assert_eq!((r.date, r.year), (None, None));
    // A month alone is a date only under a signature.
    let r = parse_report(
        &lines("城关镇法治政府建设工作报告\n一、主要工作\n依法行政。\n2024年1月\n"),
        "报告",
    );
    assert_eq!(r.date, None);
    let r = parse_report(
        &lines("城关镇２０２３年度法治政府建设工作报告\n一、主要工作\n依法行政。\n"),
        "报告",
    );
    assert_eq!(r.year, Some(2023));
}

/// A report titled by a body inside another, and not signed, names the inner body with its
/// parent's name, not the parent alone: `--org 国务院` must not find the 国资委's report. What
/// the report is about (法治政府, 政府信息公开) is no part of the name.
#[test]
fn a_sub_body_in_the_title_keeps_its_parents_name() {
    for (title, org) in [
        (
            "湖南省人民政府办公厅2023年政府信息公开工作年度报告",
            "湖南省人民政府办公厅",
        ),
        (
            "国务院国有资产监督管理委员会2023年度法治政府建设情况报告",
            "国务院国有资产监督管理委员会",
        ),
        (
            "国家税务总局深圳市税务局2023年法治政府建设情况报告",
            "国家税务总局深圳市税务局",
        ),
        (
            "深圳市南山区人民政府粤海街道办事处2023年度法治政府建设报告",
            "深圳市南山区人民政府粤海街道办事处",
        ),
        (
            "中共青溪市委宣传部2023年度法治建设工作报告",
            "中共青溪市委宣传部",
        ),
        ("深圳市司法局2023年度法治政府建设报告", "深圳市司法局"),
        (
            "柳州市科学技术局2021年度法治政府建设工作报告",
            "柳州市科学技术局",
        ),
        ("大鹏新区2022年管委会工作报告", "大鹏新区管委会"),
        // A one-character ending that opens the next word is no sub-body.
        ("宁波市教育局2024年部门预算", "宁波市教育局"),
        ("2023年度宁波市财政局部门决算", "宁波市财政局"),
        (
            "宁波市卫生健康委员会2023年度部门决算",
            "宁波市卫生健康委员会",
        ),
        (
            "宁波市发展和改革委员会部署2024年重点工作",
            "宁波市发展和改革委员会",
        ),
        ("宁波市司法局局属单位2023年度工作总结", "宁波市司法局"),
        // A government's short name is its full one.
        ("杭州市政府2023年政府信息公开工作年度报告", "杭州市人民政府"),
        (
            "临川县政府办公室2023年度法治政府建设情况报告",
            "临川县人民政府办公室",
        ),
        ("关于2023年度杭州市政府债务情况的报告", "杭州市人民政府"),
        ("香港特区政府2023年施政报告", "香港特区政府"),
        // A town's or a township's too; so before 关于.
        ("城关镇政府2023年法治政府建设工作报告", "城关镇人民政府"),
        (
            "石桥乡政府关于2023年度法治政府建设情况的报告",
            "石桥乡人民政府",
        ),
        // An office abbreviated 办 is a sub-body; a ending that opens 部门 after any body is none.
        ("宁波市委办2023年工作总结", "宁波市委办"),
        ("宁波市政府办2023年工作总结", "宁波市政府办"),
        ("宁波市总工会2024年部门预算", "宁波市总工会"),
        ("宁波市红十字会2024年部门预算", "宁波市红十字会"),
        // A government's short form that runs on into another body's name is that body.
        ("杭州市政府采购中心2023年工作总结", "杭州市政府采购中心"),
    ] {
        let r = parse_report(
            &lines(&format!("{title}\n一、主要工作\n依法行政。\n")),
            "报告",
        );
        assert_eq!(r.org.as_deref(), Some(org), "{title}");
    }
}

/// Joint issuers in a title are each named in full (杭州市政府 杭州市财政局); words for kinds
/// of places (市县, 县乡, 乡镇, 城乡) make no government.
#[test]
fn joint_issuers_in_full_and_kinds_of_places_no_government() {
    for (title, org) in [
        (
            "杭州市政府 杭州市财政局关于做好2024年工作的通知",
            Some("杭州市人民政府 杭州市财政局"),
        ),
        (
            "杭州市政府、杭州市财政局关于做好2024年工作的通知",
            Some("杭州市人民政府、杭州市财政局"),
        ),
        ("关于市县政府债务管理情况的报告", None),
        ("关于县乡政府债务情况的报告", None),
        ("关于乡镇政府职能转变工作情况的报告", None),
        ("关于城乡政府购买服务工作情况的报告", None),
        // A body that a document acts on is not its issuer.
        ("关于对杭州市政府开展专项督查情况的通报", None),
        ("关于督促城关镇政府整改的通知", None),
        // Nor is one named in a document that a notice hands on: its issuer stands before 关于,
        // or signs it.
        ("关于印发深圳市城市更新办法的通知", None),
        ("关于印发杭州市人民政府工作规则的通知", None),
        ("关于转发省财政厅关于做好预算管理工作的通知的通知", None),
        ("关于公布杭州市司法局行政执法事项清单的通知", None),
        // 办 of 办法 is no office.
        ("杭州市城市更新办法实施情况报告", None),
        // After 关于, a body names its place or is a national one; any other word is what the
        // document does (trial 24), even when a verb and a city look like a place.
        ("关于开展深圳市人民政府规章清理工作的通知", None),
        ("关于规范深圳市民办学校办学行为的通知", None),
        ("关于修缮深圳市人民政府办公楼的请示", None),
        ("关于杭州市财政局2023年部门决算的说明", Some("杭州市财政局")),
        // A congress's session resolves on a work report: the congress is the issuer, without
        // its term (trial 25 gave 第十四届全国人民代表大会第一次会议关于最高人民法院).
        (
            "第十四届全国人民代表大会第一次会议关于最高人民法院工作报告的决议",
            Some("全国人民代表大会"),
        ),
        (
            "某某省第十四届人民代表大会第二次会议关于某某省人民政府工作报告的决议",
            Some("某某省人民代表大会"),
        ),
        (
            "第十四届全国人民代表大会常务委员会第五次会议关于批准某某条约的决定",
            Some("全国人民代表大会常务委员会"),
        ),
        // Real places made of such characters are places.
        ("乡城县政府2023年工作总结", Some("乡城县人民政府")),
        ("城区政府2023年工作总结", Some("城区人民政府")),
    ] {
        let r = parse_report(
            &lines(&format!("{title}\n一、主要工作\n依法行政。\n")),
            "报告",
        );
        assert_eq!(r.org.as_deref(), org, "{title}");
    }
}

/// A government that signs in short form (杭州市政府, 城关镇政府), at the end or under the
/// title, is named in full: one body must not count as two under `--count-by org`.
#[test]
fn a_government_signing_in_short_form_is_named_in_full() {
    for (signer, org) in [
        ("杭州市政府", "杭州市人民政府"),
        ("城关镇政府", "城关镇人民政府"),
        ("临川县政府办公室", "临川县人民政府办公室"),
        ("杭州市司法局", "杭州市司法局"),
    ] {
        let end = format!(
            "关于2023年法治政府建设情况的报告\n一、主要工作\n依法行政。\n{signer}\n2024年1月10日\n"
        );
        let top = format!(
            "关于2023年法治政府建设情况的报告\n{signer}\n2024年1月10日\n一、主要工作\n依法行政。\n"
        );
        for text in [end, top] {
            let r = parse_report(&lines(&text), "报告");
            assert_eq!(r.org.as_deref(), Some(org), "{text}");
        }
    }
}

/// Header fields as sites print them: two on one line, a spaced-out label, an empty field
/// before another; and a masthead that is the issuer's name alone, above the document number or
/// above a title that repeats it. None of them is the title, and no value runs into the next.
#[test]
fn header_fields_side_by_side_empty_or_under_a_bare_masthead() {
    let body = "一、主要工作\n依法行政。\n二、存在问题\n力量不足。\n";
    let title = "临湘市司法局2023年度法治政府建设情况报告";
    let r = parse_report(
        &lines(&format!(
            "发布机构：临湘市司法局　　发文日期：2024-01-22\n文　　号：临司发〔2024〕1号　　主题词：法治\n{title}\n{body}"
        )),
        "报告",
    );
    assert_eq!(r.title, title);
    assert_eq!(r.org.as_deref(), Some("临湘市司法局"));
    assert_eq!(r.date.as_deref(), Some("2024-01-22"));
    assert_eq!(r.doc_number.as_deref(), Some("临司发〔2024〕1号"));
    let r = parse_report(
        &lines(&format!(
            "文号：\n索引号：\n11431000MB1234567X/2024-00012\n{title}\n{body}"
        )),
        "报告",
    );
    assert_eq!(r.title, title);
    assert_eq!(r.year, Some(2023));
    let notice = "北京市人民政府关于加快建设数字经济标杆城市的实施意见";
    for header in [
        format!("北京市人民政府\n京政发〔2024〕7号\n{notice}"),
        format!("北京市人民政府\n{notice}\n京政发〔2024〕7号"),
    ] {
        let r = parse_report(&lines(&format!("{header}\n{body}")), "意见");
        assert_eq!(r.title, notice, "{header}");
        assert_eq!(r.org.as_deref(), Some("北京市人民政府"), "{header}");
        assert_eq!(
            r.doc_number.as_deref(),
            Some("京政发〔2024〕7号"),
            "{header}"
        );
    }
}

/// An item numbered 1、 is a heading whatever follows (、 is never a decimal point), and so is
/// `1.2023年…` (a year after the mark); `1.5亿元…` opens a sentence with a decimal.
#[test]
fn items_whose_text_starts_with_a_year_are_headings() {
    for item in [
        "1、2023年主要工作",
        "1.2023年主要工作",
        "1．2023年主要工作",
        "１．２０２３年主要工作",
    ] {
        let text =
            format!("某局工作总结\n一、工作情况\n{item}\n完成任务。\n二、存在问题\n不足。\n");
        let r = parse_report(&lines(&text), "总结");
        assert_eq!(
            heading_paths(&r)[2],
            format!("一、工作情况 / {item}"),
            "{item}"
        );
    }
    let r = parse_report(
        &lines("某局工作总结\n一、工作情况\n1.5亿元用于基础设施。\n二、存在问题\n不足。\n"),
        "总结",
    );
    assert_eq!(heading_paths(&r), ["", "一、工作情况", "二、存在问题"]);
}

/// A report downloaded as the attachment of its notice opens with the attachment's label
/// (`附件2`, `附件`): the title is the line after it, and the year the title's.
#[test]
fn a_report_that_opens_with_its_attachment_label_keeps_its_title() {
    for label in ["附件2", "附件", "附件 3", "附件一："] {
        let text = format!(
            "{label}\n\n临湘市2023年度法治政府建设情况报告\n一、主要工作\n略。\n临湘市人民政府\n2024年1月20日\n"
        );
        let r = parse_report(&lines(&text), "附件");
        assert_eq!(r.title, "临湘市2023年度法治政府建设情况报告", "{label}");
        assert_eq!(r.year, Some(2023), "{label}");
    }
}

/// A central document dated in brackets under its title, and a white paper dated by its month
/// under its publisher, take that date and its year; a law's bracketed note is no date.
#[test]
fn dates_in_brackets_under_a_title_or_a_month_under_a_publisher() {
    let r = parse_report(
        &lines("中共中央　国务院关于推进乡村全面振兴的意见\n（2024年1月1日）\n推进中国式现代化。\n一、确保国家粮食安全\n略。\n"),
        "意见",
    );
    assert_eq!(r.date.as_deref(), Some("2024年1月1日"));
    assert_eq!(r.year, Some(2024));
    let r = parse_report(
        &lines("新时代的中国绿色发展\n中华人民共和国\n国务院新闻办公室\n2023年1月\n前言\n一、坚定不移走绿色发展道路\n略。\n"),
        "白皮书",
    );
    assert_eq!(r.date.as_deref(), Some("2023年1月"));
    assert_eq!(r.year, Some(2023));
    let r = parse_report(
        &lines("青溪市养犬管理条例\n（2019年10月22日青溪市第十五届人民代表大会常务委员会第二十次会议通过）\n第一章　总则\n第一条　为了规范养犬。\n第二条　本条例适用于本市。\n"),
        "条例",
    );
    assert_eq!(r.date, None);
}

/// A people's congress standing committee's announcement that publishes a regulation with its
/// table of contents: the title is the regulation's, found above its 目录, and the body the
/// committee that announces it.
#[test]
fn an_announced_regulation_with_contents_keeps_its_title() {
    let text = "湖南省人民代表大会常务委员会公告\n第12号\n《湖南省乡村振兴促进条例》已由湖南省第十四届人民代表大会常务委员会第五次会议于2023年9月28日通过，现予公布，自2024年1月1日起施行。\n湖南省人民代表大会常务委员会\n2023年9月28日\n湖南省乡村振兴促进条例\n（2023年9月28日湖南省第十四届人民代表大会常务委员会第五次会议通过）\n目　　录\n第一章　总　　则\n第二章　产业发展\n第三章　附　　则\n第一章　总　　则\n第一条　为了促进乡村振兴，制定本条例。\n第二条　本条例适用于本省。\n第二章　产业发展\n第三条　发展产业。\n第三章　附　　则\n第四条　本条例自2024年1月1日起施行。\n";
    let r = parse_report(&lines(text), "条例");
    assert_eq!(r.title, "湖南省乡村振兴促进条例");
    assert_eq!(r.org.as_deref(), Some("湖南省人民代表大会常务委员会"));
    assert_eq!(r.year, Some(2023));
    assert_eq!(heading_paths(&r)[2], "第一章 总则 / 第一条");
}

/// A numbered item whose name is set in Markdown bold, its text run in after it, is named
/// without the marks: they are emphasis, and a reader never sees them.
#[test]
fn bold_marks_are_no_part_of_a_numbered_items_name() {
    let r = parse_report(
        &lines("某局工作报告\n## 工作成效\n1. **强化组织保障**。局党组专题研究法治工作4次。\n2. **规范行政执法**。全年办理案件68件。\n"),
        "报告",
    );
    assert_eq!(
        heading_paths(&r),
        [
            "",
            "工作成效",
            "工作成效 / 1. 强化组织保障",
            "工作成效 / 2. 规范行政执法"
        ]
    );
}

/// Joint signers sign one above the other over one date, or side by side: the report's body is
/// the first, the lead body, not the one nearest the date nor both names run together.
#[test]
fn joint_signers_on_lines_of_their_own_give_the_lead_body() {
    let r = parse_report(
        &lines("2023年度法律援助工作情况报告\n一、主要工作\n略。\n平江县司法局\n平江县财政局\n2024年1月20日\n"),
        "报告",
    );
    assert_eq!(r.org.as_deref(), Some("平江县司法局"));
    assert_eq!(r.date.as_deref(), Some("2024年1月20日"));
    // Side by side on one line, each dated under its name: the lead body, and the date the
    // last of them signed.
    let r = parse_report(
        &lines("2023年度法律援助工作情况报告\n一、主要工作\n略。\n平江县司法局　　　　平江县财政局（盖章）\n2024年1月20日　　　　2024年1月22日\n"),
        "报告",
    );
    assert_eq!(r.org.as_deref(), Some("平江县司法局"));
    assert_eq!(r.date.as_deref(), Some("2024年1月22日"));
    assert_eq!(r.year, Some(2023));
}

/// A report written in traditional characters names its body by the same grammar, as it writes
/// it: signed 青溪市駐澳辦事處, or a body at the start of its title (青溪縣司法局…).
#[test]
fn a_traditional_report_names_its_body_as_written() {
    let body = "一、主要工作\n瞭解企業需求。\n二、下一步計畫\n持續優化營商環境。\n";
    let r = parse_report(
        &lines(&format!(
            "青溪市駐澳辦事處2023年工作報告\n{body}青溪市駐澳辦事處\n2024年1月12日\n"
        )),
        "報告",
    );
    assert_eq!(r.org.as_deref(), Some("青溪市駐澳辦事處"));
    let r = parse_report(
        &lines(&format!(
            "關於2023年度法治政府建設情況的報告\n{body}青溪市青山區濱江街道辦事處\n2024年1月19日\n"
        )),
        "報告",
    );
    assert_eq!(r.org.as_deref(), Some("青溪市青山區濱江街道辦事處"));
    let r = parse_report(
        &lines(&format!("青溪縣司法局2023年法治政府建設年度報告\n{body}")),
        "報告",
    );
    assert_eq!(r.org.as_deref(), Some("青溪縣司法局"));
    // A government signed in short form in traditional characters keeps its name as written:
    // Taiwan's 臺北市政府 is that city's full name, and 人民政府 the mainland's form (trial 13).
    for signer in ["臺北市政府", "青溪縣政府", "台北市政府", "高雄市政府"] {
        let r = parse_report(
            &lines(&format!("年度施政計畫\n{body}{signer}\n2024年1月10日\n")),
            "計畫",
        );
        assert_eq!(r.org.as_deref(), Some(signer));
    }
    // Taiwan's cities are matched whole: 台州 and 桃园镇 are the mainland's.
    for (signer, full) in [
        ("台州市政府", "台州市人民政府"),
        ("桃园镇政府", "桃园镇人民政府"),
    ] {
        let r = parse_report(
            &lines(&format!("年度工作报告\n{body}{signer}\n2024年1月10日\n")),
            "报告",
        );
        assert_eq!(r.org.as_deref(), Some(full));
    }
    // Written in simplified characters in a report that holds some traditional ones, it is
    // still named in full.
    let r = parse_report(
        &lines(&format!("年度工作報告\n{body}杭州市政府\n2024年1月10日\n")),
        "計畫",
    );
    assert_eq!(r.org.as_deref(), Some("杭州市人民政府"));
}

/// Each traditional character the body grammar reads folds to the character OpenCC t2s makes
/// of it alone, and the table is sorted, as its binary search needs.
#[test]
fn the_traditional_grammar_characters_agree_with_opencc() {
    let t2s =
        ferrous_opencc::OpenCC::from_config(ferrous_opencc::config::BuiltinConfig::T2s).unwrap();
    let table = facts::traditional_grammar_chars();
    for (traditional, simplified) in table {
        assert_eq!(
            t2s.convert(&traditional.to_string()),
            simplified.to_string(),
            "{traditional}"
        );
        assert_eq!(
            traditional.len_utf8(),
            simplified.len_utf8(),
            "{traditional}"
        );
    }
    assert!(table.windows(2).all(|w| w[0].0 < w[1].0), "sorted");
}

/// A 政府工作报告 is dated by the line under its title that says when it was given, in brackets
/// or alone, not only after a dash; its cover title may be spaced out. A law's note of when it
/// was adopted (…会议通过) dates no law.
#[test]
fn a_work_report_dated_by_its_occasion_in_brackets() {
    for occasion in [
        "（2024年1月9日在青溪县第十八届人民代表大会第四次会议上）",
        "2024年1月9日在青溪县第十八届人民代表大会第四次会议上",
        "——2024年1月9日在青溪县第十八届人民代表大会第四次会议上",
    ] {
        for title in [
            "政府工作报告",
            "政　府　工　作　报　告",
            "政 府 工 作 报 告",
        ] {
            let text = format!("{title}\n{occasion}\n青溪县人民政府县长　陈志远\n各位代表：\n一、过去一年工作回顾\n全县生产总值增长5.2%。\n");
            let r = parse_report(&lines(&text), "政府工作报告");
            assert_eq!(r.title, "政府工作报告", "{title}");
            assert_eq!(r.date.as_deref(), Some("2024年1月9日"), "{occasion}");
            assert_eq!(r.year, Some(2024), "{occasion}");
            assert_eq!(r.org.as_deref(), Some("青溪县人民政府"), "{title}");
        }
    }
    // An occasion of a month alone dates the report by its month; a year before the place is
    // no part of the place.
    let body =
        "青溪县人民政府县长　陈志远\n各位代表：\n一、过去一年工作回顾\n全县生产总值增长5.2%。\n";
    let r = parse_report(
        &lines(&format!(
            "政府工作报告\n——2024年1月在青溪县第十八届人民代表大会第四次会议上\n{body}"
        )),
        "政府工作报告",
    );
    assert_eq!(
        (r.date.as_deref(), r.year, r.org.as_deref()),
        (Some("2024年1月"), Some(2024), Some("青溪县人民政府"))
    );
    for occasion in [
        "——在2023年青溪县第十八届人民代表大会第三次会议上",
        "——在2024年1月青溪县第十八届人民代表大会第四次会议上",
    ] {
        let r = parse_report(
            &lines(&format!("政府工作报告\n{occasion}\n{body}")),
            "政府工作报告",
        );
        assert_eq!(r.org.as_deref(), Some("青溪县人民政府"), "{occasion}");
    }
    let law = "青溪市养犬管理条例\n（2021年10月29日青溪市第十六届人民代表大会常务委员会第三十五次会议通过）\n第一条 为了规范养犬行为，制定本条例。\n第二条 本条例适用于本市。\n";
    assert_eq!(parse_report(&lines(law), "条例").date, None);
}

/// A 司法解释 as the court publishes it: its 公告, the court and date, the 法释 number, then
/// the interpretation's own title and articles. The title is the interpretation's; a notice
/// titled 公告 with headings keeps its own title.
#[test]
fn a_judicial_interpretation_published_with_its_announcement() {
    let text = "最高人民法院公告\n\n　　《最高人民法院关于审理示例侵权纠纷案件适用法律若干问题的解释》已于2024年3月4日由最高人民法院审判委员会第1915次会议通过，现予公布，自2024年4月1日起施行。\n\n　　　　　　最高人民法院\n　　　　　　2024年3月25日\n\n法释〔2024〕5号\n\n最高人民法院关于审理示例侵权纠纷案件适用法律若干问题的解释\n\n第一条　侵权人因过错侵害他人民事权益造成损害的，应当承担侵权责任。\n\n第二条　本解释自2024年4月1日起施行。\n";
    let r = parse_report(&lines(text), "解释");
    assert_eq!(
        r.title,
        "最高人民法院关于审理示例侵权纠纷案件适用法律若干问题的解释"
    );
    assert_eq!(r.org.as_deref(), Some("最高人民法院"));
    assert_eq!(r.date.as_deref(), Some("2024年3月25日"));
    assert_eq!(r.doc_number.as_deref(), Some("法释〔2024〕5号"));
    let notice = "临川市人民政府关于2024年度征兵工作的公告\n根据《兵役法》，现将有关事项公告如下：\n一、征集对象\n年满18周岁的男性公民。\n";
    assert_eq!(
        parse_report(&lines(notice), "公告").title,
        "临川市人民政府关于2024年度征兵工作的公告"
    );
}

/// A code in plain text: its 分编 stand between its 编 and its 章 (spaced as printed:
/// `第一分编　通　　则`), and its closing `附　　则`, which has no number, heads the last
/// articles instead of leaving them under the last chapter. A law with chapters only puts its
/// 附则 beside them.
#[test]
fn a_code_with_sub_parts_and_a_closing_division_in_plain_text() {
    let code = "中华人民共和国示例民事法典\n第一编　总　　则\n第一章　基本规定\n第一条　为了保护民事主体的合法权益，制定本法。\n第二编　物　　权\n第一分编　通　　则\n第一章　一般规定\n第二条　因物的归属和利用产生的民事关系，适用本编。\n第二分编　所　有　权\n第二章　所有权一般规定\n第三条　所有权人对自己的不动产依法享有权利。\n附　　则\n第四条　民法所称的“以上”、“以下”，包括本数。\n第五条　本法自2021年1月1日起施行。\n";
    let r = parse_report(&lines(code), "法典");
    assert_eq!(
        heading_paths(&r),
        [
            "",
            "第一编 总则",
            "第一编 总则 / 第一章 基本规定",
            "第一编 总则 / 第一章 基本规定 / 第一条",
            "第二编 物权",
            "第二编 物权 / 第一分编 通则",
            "第二编 物权 / 第一分编 通则 / 第一章 一般规定",
            "第二编 物权 / 第一分编 通则 / 第一章 一般规定 / 第二条",
            "第二编 物权 / 第二分编 所有权",
            "第二编 物权 / 第二分编 所有权 / 第二章 所有权一般规定",
            "第二编 物权 / 第二分编 所有权 / 第二章 所有权一般规定 / 第三条",
            "附则",
            "附则 / 第四条",
            "附则 / 第五条",
        ]
    );
    let law = "临川市燃气管理条例\n第一章　总则\n第一条　为了加强燃气管理，制定本条例。\n第二章　经营\n第二条　燃气经营实行许可制度。\n附则\n第三条　本条例自2022年1月1日起施行。\n";
    let r = parse_report(&lines(law), "条例");
    assert_eq!(
        tree(&r)
            .into_iter()
            .map(|(h, l, _, _)| (h, l))
            .collect::<Vec<_>>(),
        [
            ("".to_string(), 0),
            ("第一章 总则".to_string(), 2),
            ("第一章 总则 / 第一条".to_string(), 3),
            ("第二章 经营".to_string(), 2),
            ("第二章 经营 / 第二条".to_string(), 3),
            ("附则".to_string(), 2),
            ("附则 / 第三条".to_string(), 3),
        ]
    );
}

/// A web page may put a notice's copy-to lines (抄送, then the 印发 line) between the notice and
/// the regulation it issues: the regulation's title then heads its chapters, which are not
/// filed under 抄送, and the 印发 line is not part of that title. The notice keeps its date.
#[test]
fn copy_to_lines_before_the_issued_regulation_do_not_hold_it() {
    let notice = "青溪市人民政府办公室关于印发青溪市公共数据管理办法的通知\n青府办〔2023〕88号\n各区人民政府，市各委办局：\n《青溪市公共数据管理办法》已经市政府同意，现印发给你们，请认真贯彻执行。\n青溪市人民政府办公室\n2023年9月20日\n（此件公开发布）\n抄送：市委各部门，市人大常委会办公室。\n青溪市人民政府办公室2023年9月21日印发\n青溪市公共数据管理办法\n第一章　总则\n第一条　为了规范公共数据管理，制定本办法。\n第二章　附则\n第二条　本办法自2023年11月1日起施行。\n";
    let r = parse_report(&lines(notice), "通知");
    assert_eq!(
        heading_paths(&r),
        [
            "",
            "抄送",
            "青溪市公共数据管理办法",
            "青溪市公共数据管理办法 / 第一章 总则",
            "青溪市公共数据管理办法 / 第一章 总则 / 第一条",
            "青溪市公共数据管理办法 / 第二章 附则",
            "青溪市公共数据管理办法 / 第二章 附则 / 第二条",
        ]
    );
    assert_eq!((r.sections[1].line_start, r.sections[1].line_end), (8, 9));
    assert_eq!(r.date.as_deref(), Some("2023年9月20日"));
    assert_eq!(r.year, Some(2023));
}

/// A notice that issues two documents: each 附件 is a part of its own at the top, holding the
/// attached plan's or 办法's own headings, and the copy-to lines at the end are not text of the
/// last article. A regulation's 附件 after its last article is not text of that article. The
/// list of attachments under the body stays text.
#[test]
fn attachments_after_the_signature_are_parts_of_their_own() {
    let notice = "青溪市人民政府办公室关于印发数字政府建设实施方案和数据共享管理办法的通知\n各区人民政府：\n现将《青溪市数字政府建设实施方案》《青溪市政务数据共享管理办法》印发给你们。\n附件：1．青溪市数字政府建设实施方案\n2．青溪市政务数据共享管理办法\n青溪市人民政府办公室\n2024年3月4日\n附件1\n青溪市数字政府建设实施方案\n一、总体要求\n到2025年基本建成数字政府。\n二、保障措施\n加强组织领导。\n附件2\n青溪市政务数据共享管理办法\n第一章　总则\n第一条　为了规范政务数据共享，制定本办法。\n第二章　共享管理\n第二条　政务数据以共享为原则，不共享为例外。\n抄送：市委各部门，市检察院。\n青溪市人民政府办公室　　2024年3月6日印发\n";
    let r = parse_report(&lines(notice), "通知");
    assert_eq!(
        heading_paths(&r),
        [
            "",
            "附件1",
            "附件1 / 一、总体要求",
            "附件1 / 二、保障措施",
            "附件2",
            "附件2 / 第一章 总则",
            "附件2 / 第一章 总则 / 第一条",
            "附件2 / 第二章 共享管理",
            "附件2 / 第二章 共享管理 / 第二条",
            "抄送",
        ]
    );
    assert_eq!(r.date.as_deref(), Some("2024年3月4日"));
    let regulation = "青溪市城市道路挖掘管理办法\n第一条　为了加强城市道路管理，制定本办法。\n第二条　挖掘城市道路的，应当按照本办法附件规定的标准缴纳修复费。\n第三条　本办法自2022年5月1日起施行。\n附件：城市道路挖掘修复费收费标准\n一、沥青混凝土路面\n1.主干道：每平方米210元\n";
    let r = parse_report(&lines(regulation), "办法");
    assert_eq!(
        heading_paths(&r),
        [
            "",
            "第一条",
            "第二条",
            "第三条",
            "附件",
            "附件 / 一、沥青混凝土路面",
            "附件 / 一、沥青混凝土路面 / 1.主干道"
        ]
    );
    assert_eq!(
        r.sections[3].line_end, 4,
        "第三条 ends before the attachment"
    );
}

/// A law's schedules and appendix after its last article (`附表一`, `附表二`, `附录`) are parts
/// of their own, as an attachment is: a schedule's rows are not text of the last article. A
/// report's `附表1` before its signature names a table of its text and stays text.
#[test]
fn schedules_after_the_last_article_are_parts_of_their_own() {
    let law = "中华人民共和国某税法\n第一条　为了保护环境，制定本法。\n第二条　应税污染物依照本法所附附表缴纳。\n第三条　本法自2018年1月1日起施行。\n附表一\n某税税目税额表\n大气污染物　每污染当量1.2元\n附表二\n应税污染物和当量值表\n一、第一类水污染物\n总汞　0.0005\n附录：\n名词对照\n";
    let r = parse_report(&lines(law), "法");
    assert_eq!(
        heading_paths(&r),
        [
            "",
            "第一条",
            "第二条",
            "第三条",
            "附表一",
            "附表二",
            "附表二 / 一、第一类水污染物",
            "附录"
        ]
    );
    assert_eq!(r.sections[3].line_end, 4, "第三条 ends before the schedule");
    let report = "青溪市2023年度法治政府建设情况报告\n一、主要工作\n全年办理复议案件68件，详见下表。\n附表1\n案件类型　数量\n二、存在问题\n队伍建设有待加强。\n青溪市司法局\n2024年1月20日\n";
    let r = parse_report(&lines(report), "报告");
    assert_eq!(
        heading_paths(&r),
        ["", "一、主要工作", "二、存在问题"],
        "a table's label in the body is text"
    );
}

/// A white paper's 前言 and 结束语 are parts of their own, not text of the title page or of the
/// last numbered part; an interview's questions head its answers, at the top or under the
/// heading they open under; a question answered on its own line is text.
#[test]
fn framing_parts_and_questions_head_sections() {
    let paper = "新时代的中国绿色发展\n中华人民共和国\n国务院新闻办公室\n2023年1月\n前言\n绿色是生命的象征。\n一、坚定不移走绿色发展之路\n中国立足基本国情。\n（一）坚持以人民为中心\n良好生态环境是最普惠的民生福祉。\n二、产业结构持续优化升级\n积极培育新兴产业。\n结 束 语\n推动绿色发展是必然要求。\n";
    let r = parse_report(&lines(paper), "白皮书");
    assert_eq!(r.title, "新时代的中国绿色发展");
    assert_eq!(
        heading_paths(&r),
        [
            "",
            "前言",
            "一、坚定不移走绿色发展之路",
            "一、坚定不移走绿色发展之路 / （一）坚持以人民为中心",
            "二、产业结构持续优化升级",
            "结束语"
        ]
    );
    let interview = "司法部负责人就民营经济促进法草案答记者问\n问：制定民营经济促进法的背景是什么？\n答：党中央高度重视民营经济发展。\n问：草案主要包括哪些内容？\n答：主要包括以下内容：\n（一）关于公平竞争。\n（二）关于权益保护。\n问：下一步将如何推进立法工作？\n答：认真研究各方面意见。\n";
    let r = parse_report(&lines(interview), "答记者问");
    assert_eq!(
        heading_paths(&r),
        [
            "",
            "问：制定民营经济促进法的背景是什么？",
            "问：草案主要包括哪些内容？",
            "问：草案主要包括哪些内容？ / （一）关于公平竞争",
            "问：草案主要包括哪些内容？ / （二）关于权益保护",
            "问：下一步将如何推进立法工作？"
        ]
    );
    let explainer = "《青溪市促进民营经济发展若干措施》政策解读\n一、出台背景\n为进一步优化营商环境。\n二、政策问答\n问：个体工商户能否享受本措施？\n答：可以。\n问：如何申请？答：通过政务服务网申请。\n三、解读机关\n青溪市发展和改革委员会\n";
    let r = parse_report(&lines(explainer), "政策解读");
    assert_eq!(
        heading_paths(&r),
        [
            "",
            "一、出台背景",
            "二、政策问答",
            "二、政策问答 / 问：个体工商户能否享受本措施？",
            "三、解读机关"
        ]
    );
}

/// A page copied to text may keep the site's column above its title (`信息公开`) or as a tag
/// before it (`【法治政府建设年度报告】…`), and set its headings in brackets (`【一、…】`): the
/// title is the report's own, and the bracketed headings head sections. A speaker's tag in
/// brackets is no heading.
#[test]
fn a_sites_column_and_bracketed_headings() {
    let tagged = "【法治政府建设年度报告】朝阳区建外街道办事处2023年法治政府建设年度情况报告\n2023年，建外街道坚持依法行政。\n【一、主要举措和成效】\n一是强化党的领导。\n【二、存在的不足】\n法治宣传的针对性有待增强。\n【主持人　李一舟】\n（一）持续深化学法用法。\n";
    let r = parse_report(&lines(tagged), "r");
    assert_eq!(
        r.title,
        "朝阳区建外街道办事处2023年法治政府建设年度情况报告"
    );
    assert_eq!(
        heading_paths(&r),
        [
            "",
            "一、主要举措和成效",
            "二、存在的不足",
            "二、存在的不足 / （一）持续深化学法用法"
        ]
    );
    assert!(r.sections[2].line_end >= 7, "the speaker's tag is text");
    for column in ["信息公开", "政务动态", "通知公告"] {
        let text = format!("{column}\n临湘市司法局2023年度法治政府建设情况报告\n2023年，我局扎实推进法治政府建设。\n一、主要工作\n略。\n");
        let r = parse_report(&lines(&text), "r");
        assert_eq!(
            r.title, "临湘市司法局2023年度法治政府建设情况报告",
            "{column}"
        );
        assert_eq!(r.year, Some(2023));
    }
}

/// A table's rows copied with tabs between their cells are text of the section they stand in,
/// even when a cell opens like a heading (`4.\t推进信用修复`, `\t2.全员劳动生产率增长`); a heading
/// with a tab after its number is still one.
#[test]
fn table_rows_between_tabs_are_no_headings() {
    let text = "青溪市2024年优化营商环境重点任务清单\n一、重点任务\n序号\t重点任务\t责任单位\t完成时限\n3\t建立企业诉求直通车制度\t市工商联\t2024年12月底前\n4.\t推进信用修复一网通办\t市发展改革委\t2024年12月底前\n\t2.全员劳动生产率增长（%）\t4.0\t预期性\n二、\t保障措施\n加强组织领导。\n";
    let r = parse_report(&lines(text), "清单");
    assert_eq!(heading_paths(&r), ["", "一、重点任务", "二、\t保障措施"]);
    assert_eq!((r.sections[1].line_start, r.sections[1].line_end), (2, 6));
}

/// Titles marked as headings (a web page's `<h1>`/`<h2>`, Markdown `#`): one that ends like a
/// title is the title even beside parts of its rank; a site's name above it is not; a date so
/// marked is no title.
#[test]
fn marked_titles_beside_parts_and_under_a_sites_name() {
    let beside = "## 平江县2023年法治政府建设年度报告\n2023年，全县坚持依法行政。\n## 一、主要成效\n略。\n## 相关文章\n平江县2022年法治政府建设年度报告\n";
    let r = parse_report(&lines(beside), "h13");
    assert_eq!(r.title, "平江县2023年法治政府建设年度报告");
    assert_eq!(r.year, Some(2023));
    let site = "# 平江县人民政府门户网站\n## 平江县2023年法治政府建设年度报告\n2023年，全县坚持依法行政。\n### 工作成效\n略。\n";
    let r = parse_report(&lines(site), "h1");
    assert_eq!(r.title, "平江县2023年法治政府建设年度报告");
    assert_eq!(heading_paths(&r), ["", "工作成效"]);
    let dated = "## 2024年3月1日\n正文。\n### 一、总体要求\n略。\n";
    assert_eq!(parse_report(&lines(dated), "m4").title, "m4");
}

/// A schedule placed after an article, before the next, is that article's table; one after a
/// report's signature is a part, and the signature above it still names the body and date.
#[test]
fn schedules_inside_a_law_and_after_a_signature() {
    let law = "平江县城市生活垃圾处理费征收管理办法\n第一条　为规范收费，制定本办法。\n第二条　处理费按下列标准征收：\n附表\n居民　每户每月10元\n第三条　本办法自2024年1月1日起施行。\n";
    let r = parse_report(&lines(law), "办法");
    assert_eq!(heading_paths(&r), ["", "第一条", "第二条", "第三条"]);
    let report = "平江县2023年法治政府建设年度报告\n一、主要工作成效\n全年开展执法检查120次。\n平江县人民政府\n2024年3月28日\n附表1\n2023年行政执法统计表\n县市场监管局　45\n";
    let r = parse_report(&lines(report), "报告");
    assert_eq!(heading_paths(&r), ["", "一、主要工作成效", "附表1"]);
    assert_eq!(r.org.as_deref(), Some("平江县人民政府"));
    assert_eq!(r.date.as_deref(), Some("2024年3月28日"));
}

/// A site's column over a news headline or a bracketed tag on its own line is not the title; a
/// question not answered on the next line is text; a table's row is no signer; three signers
/// side by side give the first.
#[test]
fn columns_questions_rows_and_signers_that_are_not_what_they_seem() {
    for column in ["政务动态", "【政策解读】"] {
        let text =
            format!("{column}\n平江县召开2024年法治政府建设工作会议\n3月1日，平江县召开会议。\n");
        let r = parse_report(&lines(&text), "news");
        assert_eq!(r.title, "平江县召开2024年法治政府建设工作会议", "{column}");
    }
    let bulletin = "平江县2023年统计公报\n一、综合\n为此我们要问：\n问：增长从哪里来？\n这就要靠改革。\n二、农业\n粮食产量稳定。\n";
    let r = parse_report(&lines(bulletin), "公报");
    assert_eq!(heading_paths(&r), ["", "一、综合", "二、农业"]);
    let row = "平江县2023年法治政府建设年度报告\n一、下一步工作打算\n序号\t任务\t责任单位\n1\t完善制度\t县司法局\n平江县人民政府\n2024年3月28日\n";
    let r = parse_report(&lines(row), "报告");
    assert_eq!(r.org.as_deref(), Some("平江县人民政府"));
    let three = "关于印发管理办法的通知\n各乡镇：\n现印发给你们。\n平江县司法局　　平江县财政局　　平江县审计局\n2024年3月1日\n";
    let r = parse_report(&lines(three), "通知");
    assert_eq!(r.org.as_deref(), Some("平江县司法局"));
}

/// `四 、工作保障`, typed with a space before its mark, is a heading; a Markdown heading's
/// trailing colon is no part of its name, as a plain heading's is not.
#[test]
fn a_space_before_the_mark_and_a_colon_after_a_markdown_heading() {
    let text = "临川市2024年工作总结\n一、主要工作\n推进改革。\n四 、工作保障\n加强领导。\n### （二）数据要素：\n培育市场。\n";
    let r = parse_report(&lines(text), "总结");
    assert_eq!(
        heading_paths(&r),
        [
            "",
            "一、主要工作",
            "四 、工作保障",
            "四 、工作保障 / （二）数据要素"
        ]
    );
}

/// A decision that amends a law, then the law republished: the decision's items 一、…三、 head
/// its parts, and the law, under its own (wrapped) title, holds its chapters and articles
/// instead of nesting them under the decision's last item. Quoted articles in the items stay
/// text.
#[test]
fn a_law_republished_after_the_decision_that_amends_it() {
    let text = "青溪市人民代表大会常务委员会关于修改《青溪市养犬管理条例》的决定\n青溪市人大常委会决定对《青溪市养犬管理条例》作如下修改：\n一、将第三条修改为：“市公安机关是主管部门。”\n二、增加一条，作为第十五条：\n“第十五条　禁止携犬进入学校。”\n三、删去第二十二条。\n本决定自2024年7月1日起施行。\n青溪市\n养犬管理条例\n（2019年8月1日通过　2024年5月30日修正）\n第一章　总　　则\n第一条　为了规范养犬行为，制定本条例。\n第二章　养犬规范\n第二条　携犬出户时，应当束犬链。\n";
    let r = parse_report(&lines(text), "决定");
    assert_eq!(
        heading_paths(&r),
        [
            "",
            "一、将第三条修改为",
            "二、增加一条，作为第十五条",
            "三、删去第二十二条",
            "青溪市养犬管理条例",
            "青溪市养犬管理条例 / 第一章 总则",
            "青溪市养犬管理条例 / 第一章 总则 / 第一条",
            "青溪市养犬管理条例 / 第二章 养犬规范",
            "青溪市养犬管理条例 / 第二章 养犬规范 / 第二条",
        ]
    );
    assert_eq!(
        r.sections[4].line_start, 8,
        "the part starts at the title's first line"
    );
}

/// A report without a signature names no body by its last sentence, however that ends
/// (平台, 服务站, 中心); a signature with its seal and its date on one line gives both.
#[test]
fn a_last_sentence_is_no_signature() {
    let body =
        "关于2023年度法治政府建设情况的报告\n一、主要工作\n全面推进依法行政。\n二、下一步打算\n";
    for last in [
        "一是持续完善行政执法监督平台",
        "三是建设村级便民服务站",
        "三是推进县乡村三级综治中心",
        "三是推进规范化司法所",
    ] {
        let r = parse_report(&lines(&format!("{body}{last}\n")), "报告");
        assert_eq!(r.org, None, "{last}");
    }
    let r = parse_report(
        &lines(&format!(
            "{body}加强队伍建设。\n青溪市政府（印）　　　2024年2月1日\n"
        )),
        "报告",
    );
    assert_eq!(r.org.as_deref(), Some("青溪市人民政府"));
    assert_eq!(r.date.as_deref(), Some("2024年2月1日"));
}

/// What a report attaches after its signature does not hide the signature: the body and date
/// are the signature's. An attachment named with its title on its line (`附件1：…`) after the
/// signature is a part; under the body it is the list of attachments. A speech's occasion line
/// dates a work report before a site's 发布时间 above it.
#[test]
fn attachments_keep_the_signature_and_a_speech_keeps_its_date() {
    let text = "青溪县生态环境分局2023年法治政府建设年度报告\n一、主要工作\n依法行政。\n附件：1．执法案件统计表\n2．权责清单\n青溪县生态环境分局\n2024年1月15日\n附件1：执法案件统计表\n一、行政处罚\n全年立案56件。\n附件2：权责清单\n一、行政许可\n共12项。\n";
    let r = parse_report(&lines(text), "报告");
    assert_eq!(r.org.as_deref(), Some("青溪县生态环境分局"));
    assert_eq!(r.date.as_deref(), Some("2024年1月15日"));
    assert_eq!(
        heading_paths(&r),
        [
            "",
            "一、主要工作",
            "附件1",
            "附件1 / 一、行政处罚",
            "附件2",
            "附件2 / 一、行政许可",
        ]
    );
    let speech = "2026年青溪省政府工作报告\n发布时间：2026-01-28 来源：青溪省人民政府\n政府工作报告\n——2026年1月20日在青溪省第十四届人民代表大会第五次会议上\n一、2025年工作回顾\n经济平稳增长。\n";
    let r = parse_report(&lines(speech), "报告");
    assert_eq!(r.date.as_deref(), Some("2026年1月20日"));
}

/// An article's items (一、…二、…三、) after a part 二、 are items, though 三、 follows 二、 and
/// reads as a name; the next real part 三、 heads its articles. A part with sub-parts
/// (`二、管辖` / `（一）级别管辖` / 第三条) keeps them, and the parts after them.
#[test]
fn a_judicial_interpretation_tells_an_articles_items_from_its_parts() {
    let items = "最高人民法院关于审理示例合同纠纷案件适用法律若干问题的解释\n一、一般规定\n第一条　人民法院审理案件，适用本解释。\n二、合同的效力\n第二条　有下列情形之一的，人民法院应当认定合同无效：\n一、恶意串通\n二、虚构交易\n三、隐瞒真相\n第三条　合同部分无效，不影响其他部分效力。\n三、合同的履行\n第四条　当事人应当全面履行义务。\n";
    let r = parse_report(&lines(items), "解释");
    assert_eq!(
        heading_paths(&r),
        [
            "",
            "一、一般规定",
            "一、一般规定 / 第一条",
            "二、合同的效力",
            "二、合同的效力 / 第二条",
            "二、合同的效力 / 第三条",
            "三、合同的履行",
            "三、合同的履行 / 第四条",
        ]
    );
    let subparts = "最高人民法院关于审理示例行政案件若干问题的规定\n一、受案范围\n第一条　公民对行政行为不服的，可以起诉。\n二、管辖\n（一）级别管辖\n第二条　基层人民法院管辖第一审行政案件。\n（二）地域管辖\n第三条　行政案件由最初作出行政行为的行政机关所在地人民法院管辖。\n三、附则\n第四条　本规定自2024年5月1日起施行。\n";
    let r = parse_report(&lines(subparts), "规定");
    assert_eq!(
        heading_paths(&r),
        [
            "",
            "一、受案范围",
            "一、受案范围 / 第一条",
            "二、管辖",
            "二、管辖 / （一）级别管辖",
            "二、管辖 / （一）级别管辖 / 第二条",
            "二、管辖 / （二）地域管辖",
            "二、管辖 / （二）地域管辖 / 第三条",
            "三、附则",
            "三、附则 / 第四条",
        ]
    );
}

/// Lines a word processor marks as headings: a name heads a section, with or without a short
/// colon; a sentence or a date in a heading style (emphasis) stays text.
#[test]
fn styled_sentences_and_dates_are_no_headings() {
    let text = "临川市司法局2024年工作报告\n工作成效\n办结案件120件。\n主要做法：\n强化监督。\n现将有关情况报告如下，请审阅：\n全面依法履职！\n存在问题\n力量不足。\n2025年1月10日\n";
    let outline = [
        None,
        Some(1),
        None,
        Some(2),
        None,
        Some(1),
        Some(1),
        Some(1),
        None,
        Some(1),
    ];
    let r = parse_report_outlined(&lines(text), Some(&outline), "报告");
    assert_eq!(
        heading_paths(&r),
        ["", "工作成效", "工作成效 / 主要做法", "存在问题"]
    );
    assert_eq!(r.date.as_deref(), Some("2025年1月10日"));
}

/// A plan's outline in 篇, 章 and 节 with 一、 and （一） inside them, as a 规划纲要 is written:
/// each list form stands below the division it is in, and the next 章 closes it. (一、 had
/// stood at the top level, and every later chapter was filed under the last 二、.)
#[test]
fn a_plans_list_headings_stand_below_its_chapters_and_sections() {
    let text = "宁波市国民经济和社会发展第十四个五年规划纲要\n\
                第一篇　开启现代化建设新征程\n\
                第一章　发展环境\n\
                第一节　发展成就\n\
                全市地区生产总值突破1.2万亿元。\n\
                第二节　发展环境\n\
                一、国际环境\n\
                当今世界正经历百年未有之大变局。\n\
                二、国内环境\n\
                我国已转向高质量发展阶段。\n\
                第二章　总体要求\n\
                高举伟大旗帜。\n\
                第二篇　建设现代产业体系\n\
                第三章　打造先进制造业基地\n\
                一、做强绿色石化产业\n\
                （一）建设世界级石化基地。推进镇海炼化扩建。\n\
                二、培育新兴产业\n\
                发展数字经济。\n\
                第四章　发展现代服务业\n\
                建设国际航运中心。\n";
    let r = parse_report(&lines(text), "规划");
    let t = tree(&r);
    let at = |line: usize| {
        t.iter()
            .find(|s| s.2 <= line && line <= s.3)
            .map(|s| s.0.clone())
            .unwrap()
    };
    assert_eq!(
        at(8),
        "第一篇 开启现代化建设新征程 / 第一章 发展环境 / 第二节 发展环境 / 一、国际环境"
    );
    assert_eq!(at(12), "第一篇 开启现代化建设新征程 / 第二章 总体要求");
    assert_eq!(
        at(16),
        "第二篇 建设现代产业体系 / 第三章 打造先进制造业基地 / 一、做强绿色石化产业 / （一）建设世界级石化基地"
    );
    assert_eq!(
        at(18),
        "第二篇 建设现代产业体系 / 第三章 打造先进制造业基地 / 二、培育新兴产业"
    );
    assert_eq!(at(20), "第二篇 建设现代产业体系 / 第四章 发展现代服务业");
    // A 前言 before the first chapter does not take the chapters in.
    let r = parse_report(
        &lines("某市发展规划\n前言\n本规划是全市未来五年的行动纲领。\n第一章　发展基础\n一、发展成效\n成效显著。\n第二章　总体要求\n坚持高质量发展。\n"),
        "规划",
    );
    assert_eq!(
        heading_paths(&r),
        [
            "",
            "前言",
            "第一章 发展基础",
            "第一章 发展基础 / 一、发展成效",
            "第二章 总体要求"
        ]
    );
    // Without 篇: 第二章 closes the 一、 of 第一章.
    let r = parse_report(
        &lines("某市国土空间总体规划\n第一章　规划总则\n一、规划范围\n全市域。\n二、规划期限\n2021至2035年。\n第二章　目标定位\n建设现代化滨海大都市。\n"),
        "规划",
    );
    assert_eq!(
        heading_paths(&r),
        [
            "",
            "第一章 规划总则",
            "第一章 规划总则 / 一、规划范围",
            "第一章 规划总则 / 二、规划期限",
            "第二章 目标定位"
        ]
    );
}

/// A notice that issues a regulation with no `附件` line: items, the signature and its date
/// (perhaps a note in brackets under it), then the regulation's title and articles. The notice
/// is dated by its signature, and the regulation's title heads its articles, without the
/// signature, the date or the note run into it.
#[test]
fn a_notice_issuing_a_regulation_after_its_signature_without_an_attachment_line() {
    for note in ["", "（此件公开发布）\n"] {
        let text = format!(
            "苏州市人民政府办公室关于印发苏州市公共数据管理办法的通知\n\
             苏府办规〔2023〕5号\n\
             各市、区人民政府：\n\
             《苏州市公共数据管理办法》已经市政府常务会议审议通过，现印发给你们。\n\
             一、提高思想认识。各地各部门要充分认识其重要意义。\n\
             二、加强组织实施。市大数据局负责统筹协调。\n\
             苏州市人民政府办公室\n\
             2023年9月20日\n\
             {note}\
             苏州市公共数据管理办法\n\
             第一条　为了加强公共数据管理，制定本办法。\n\
             第二条　本市行政区域内公共数据的管理，适用本办法。\n\
             第三条　市大数据管理部门负责全市公共数据管理工作。\n\
             第四条　本办法自2023年11月1日起施行。\n"
        );
        let r = parse_report(&lines(&text), "通知");
        assert_eq!(
            r.title,
            "苏州市人民政府办公室关于印发苏州市公共数据管理办法的通知"
        );
        assert_eq!(r.date.as_deref(), Some("2023年9月20日"), "{note}");
        assert_eq!(r.org.as_deref(), Some("苏州市人民政府办公室"));
        let paths = heading_paths(&r);
        assert!(
            paths.contains(&"苏州市公共数据管理办法 / 第四条".to_string()),
            "{note}: {paths:?}"
        );
        assert!(
            paths.iter().all(|p| !p.contains("2023年9月20日")),
            "{note}: {paths:?}"
        );
    }
}

/// A report signed under its title, before its body (the title, the body's name, the date,
/// then `一、…`), as plans and statistical communiqués are published: the body is the issuer,
/// however long the report is, as the date under it is its date.
#[test]
fn a_report_signed_under_its_title_names_its_issuer() {
    let items: String = (1..=30)
        .map(|i| format!("（{i}）推进第{i}项工作。全年完成任务。\n"))
        .collect();
    for (title, signer) in [
        ("关于2023年度法治政府建设情况的报告", "宁波市司法局"),
        ("临川市2023年国民经济和社会发展统计公报", "临川市统计局"),
        ("浙江省数字经济发展“十四五”规划", "浙江省人民政府办公厅"),
    ] {
        let text = format!(
            "{title}\n{signer}\n2024年1月20日\n一、主要工作\n{items}二、存在问题\n力量不足。\n"
        );
        let r = parse_report(&lines(&text), "报告");
        assert_eq!(r.org.as_deref(), Some(signer), "{title}");
        assert_eq!(r.date.as_deref(), Some("2024年1月20日"), "{title}");
    }
}

/// A law laid out as converted from PDF or Word: each chapter's number alone on its line and
/// its name, spaced out, on the next; each article's number alone above its text; a table of
/// contents before the text. A chapter is one heading with its name (`第一章 总则`), the
/// contents are no sections, and `附　　则` under `第三章` is that chapter's name, not a division
/// beside it.
#[test]
fn a_chapters_name_on_the_line_after_its_number() {
    let text = "青溪市数字经济促进条例\n\
                （2020年12月24日青溪市人民代表大会常务委员会第二十六次会议通过）\n\
                目　　录\n\
                第一章　总则\n\
                第二章　数字基础设施、数据资源\n\
                第三章　法律责任（罚则）\n\
                第四章　附则\n\
                第一章\n\
                总　　则\n\
                第一条\n\
                为了促进数字经济发展，制定本条例。\n\
                第二条\n\
                本条例所称数字经济，是指以数据资源为关键生产要素的经济形态。\n\
                第二章\n\
                数字基础设施、数据资源\n\
                第三条\n\
                县级以上人民政府应当统筹推进数字基础设施建设。\n\
                第三章\n\
                法律责任（罚则）\n\
                第四条\n\
                违反本条例规定的，依法处理。\n\
                第四章\n\
                附　　则\n\
                第五条\n\
                本条例自2021年3月1日起施行。\n";
    let r = parse_report(&lines(text), "条例");
    assert_eq!(
        heading_paths(&r),
        [
            "",
            "第一章 总则",
            "第一章 总则 / 第一条",
            "第一章 总则 / 第二条",
            "第二章 数字基础设施、数据资源",
            "第二章 数字基础设施、数据资源 / 第三条",
            "第三章 法律责任（罚则）",
            "第三章 法律责任（罚则） / 第四条",
            "第四章 附则",
            "第四章 附则 / 第五条",
        ]
    );
    // The name's line is in its chapter's section.
    assert_eq!((r.sections[1].line_start, r.sections[1].line_end), (8, 9));
    // A chapter's name is no signature, even at the end of a short law.
    let r = parse_report(
        &lines("青溪市村民委员会选举办法\n第一章\n总则\n第一条　为了规范选举，制定本办法。\n第二章\n村民选举委员会\n第二条　村民选举委员会主持选举。\n"),
        "办法",
    );
    assert_eq!(r.org, None);
}

/// Joint issuers whose names stand on the title's first lines, one per line, are two issuers,
/// named apart as when the title spaces them, so that `--org` finds either; a body inside
/// another stays one name.
#[test]
fn joint_issuers_on_the_titles_first_lines_are_named_apart() {
    let body = "市委办发〔2023〕45号\n各区、县（市）党委和人民政府：\n现将规划印发给你们，请认真贯彻执行。\n";
    for (title, org) in [
        (
            "中共杭州市委办公厅\n杭州市人民政府办公厅\n关于印发《杭州市数字经济发展规划》的通知",
            "中共杭州市委办公厅 杭州市人民政府办公厅",
        ),
        (
            "中共青溪县委办公室青溪县人民政府办公室关于印发《青溪县乡村振兴实施方案》的通知",
            "中共青溪县委办公室 青溪县人民政府办公室",
        ),
        (
            "国家税务总局深圳市税务局关于印发《纳税服务规范》的通知",
            "国家税务总局深圳市税务局",
        ),
        (
            "湖南省人民政府办公厅关于印发《湖南省数字政府建设方案》的通知",
            "湖南省人民政府办公厅",
        ),
        // A forwarded document's issuer is the body that forwards it.
        (
            "宁波市人民政府办公厅转发市发展改革委关于做好2024年重点项目建设工作意见的通知",
            "宁波市人民政府办公厅",
        ),
    ] {
        let r = parse_report(&lines(&format!("{title}\n{body}")), "通知");
        assert_eq!(r.org.as_deref(), Some(org), "{title}");
    }
}

/// A notice of one paragraph that issues a regulation, signed or not: the regulation's title
/// heads its articles, as under a notice with items. A law under the decree that publishes it
/// (现予公布) keeps its chapters on top.
#[test]
fn a_plain_notice_issuing_a_regulation_puts_its_articles_under_its_title() {
    for (named, name) in [
        ("青溪市养犬管理办法", "青溪市养犬管理办法"),
        ("青溪市养犬管理办法（试行）", "青溪市养犬管理办法（试行）"),
        // The notice may name it without its note.
        ("青溪市养犬管理办法", "青溪市养犬管理办法（2022年修订）"),
    ] {
        for signature in ["青溪市人民政府\n2024年3月4日\n", ""] {
            let text = format!(
                "青溪市人民政府关于印发{named}的通知\n\
                 各区人民政府：\n\
                 现将《{named}》印发给你们，请认真贯彻执行。\n\
                 {signature}\
                 {name}\n\
                 第一条　为了规范养犬行为，制定本办法。\n\
                 第二条　本办法自2024年5月1日起施行。\n"
            );
            let r = parse_report(&lines(&text), "通知");
            assert_eq!(
                heading_paths(&r),
                [
                    "".to_string(),
                    name.to_string(),
                    format!("{name} / 第一条"),
                    format!("{name} / 第二条")
                ],
                "{signature}"
            );
            assert_eq!(r.org.as_deref(), Some("青溪市人民政府"));
        }
    }
    let decree = "青溪市人民政府令\n第5号\n《青溪市养犬管理办法》已经市人民政府常务会议通过，现予公布，自2024年5月1日起施行。\n市长　张三\n2024年3月4日\n青溪市养犬管理办法\n第一章　总则\n第一条　为了规范养犬行为，制定本办法。\n";
    let r = parse_report(&lines(decree), "令");
    assert_eq!(
        heading_paths(&r),
        ["", "第一章 总则", "第一章 总则 / 第一条"]
    );
}

/// A sentence that opens with a range of numbers (一、二季度 for the first two quarters,
/// 三、四月份, 1、2月份) is text of its section, not a heading numbered 一 or 三; a heading whose
/// name opens with the next number (二、三农工作) stays one (trial 13).
#[test]
fn a_range_of_numbers_opening_a_sentence_is_no_heading() {
    let text = "某某市人民政府关于2023年经济运行情况的报告\n\n一、经济运行总体情况\n\n（一）经济增长\n一、二季度全市地区生产总值增长5.5%，三季度有所回落。\n三、四月份受疫情影响，工业生产出现波动。\n一、二、三产业结构持续优化。\n九、十月份出口回升。\n\n（二）产业结构\n1、推进工业升级\n1、2月份全市规上工业增加值增长4%。\n2、做强服务业\n服务业占比提高。\n二、三农工作\n粮食生产稳定。\n三、下一步工作\n一是稳增长。\n";
    let r = parse_report(&lines(text), "报告");
    assert_eq!(
        heading_paths(&r),
        [
            "",
            "一、经济运行总体情况",
            "一、经济运行总体情况 / （一）经济增长",
            "一、经济运行总体情况 / （二）产业结构",
            "一、经济运行总体情况 / （二）产业结构 / 1、推进工业升级",
            "一、经济运行总体情况 / （二）产业结构 / 2、做强服务业",
            "二、三农工作",
            "三、下一步工作",
        ]
    );
    assert_eq!((r.sections[2].line_start, r.sections[2].line_end), (5, 9));
    // A part, a chapter or an attachment starts the numbering afresh: its first heading may
    // open with the next number (trial 14).
    for (above, under) in [
        ("第二部分　2024年工作安排", "第二部分 2024年工作安排"),
        ("第二章　发展目标", "第二章 发展目标"),
        ("附件", "附件"),
    ] {
        let text = format!("某某市政府工作报告\n第一部分　2023年工作回顾\n一、经济发展\n正文。\n二、三农工作\n正文。\n{above}\n一、二产业融合发展\n正文。\n二、三产业项目\n正文。\n");
        let r = parse_report(&lines(&text), "报告");
        let paths = heading_paths(&r);
        let last = &paths[paths.len() - 2..];
        assert!(
            last[0].ends_with(&format!("{under} / 一、二产业融合发展"))
                && last[1].ends_with(&format!("{under} / 二、三产业项目")),
            "{above}: {paths:?}"
        );
    }
    // A report that skips a number: a heading after the gap whose name opens with a number
    // stays one, and so do those after it (trial 15); a range of months there is text.
    let text = "某某市2023年法治政府建设年度报告\n一、主要举措\n正文。\n二、存在的问题\n正文。\n四、五大领域综合执法改革\n正文。\n六、七月份开展专项检查。\n五、六个坚持\n（一）一二三产业融合\n正文。\n";
    let r = parse_report(&lines(text), "报告");
    assert_eq!(
        heading_paths(&r),
        [
            "",
            "一、主要举措",
            "二、存在的问题",
            "四、五大领域综合执法改革",
            "五、六个坚持",
            "五、六个坚持 / （一）一二三产业融合",
        ]
    );
    // A year in Chinese numerals after the mark is no range (一、二〇一二年…, after 二、).
    let text = "附件三\n一、甲\n正文。\n二、乙\n正文。\n一、二〇一二年选举委员会共1200人\n正文。\n";
    let r = parse_report(&lines(text), "附件");
    assert_eq!(
        r.sections.last().unwrap().heading.last().unwrap(),
        "一、二〇一二年选举委员会共1200人"
    );
}

/// In a web page whose headings are set by `<h2>`/`<h3>`, a paragraph opening with a range of
/// numbers is text by the same rule: the styled headings are the numbering (trial 15).
#[test]
fn a_range_of_numbers_under_styled_headings() {
    let text = "2024年某某区政府工作报告\n各位代表：\n一、2023年工作回顾\n过去一年。\n（一）经济发展\n一、二季度增长较快。\n二、三农工作扎实推进\n粮食丰收。\n";
    let outline = [Some(1), None, Some(2), None, Some(3), None, Some(2), None];
    let r = parse_report_outlined(&lines(text), Some(&outline), "报告");
    assert_eq!(
        heading_paths(&r),
        [
            "",
            "一、2023年工作回顾",
            "一、2023年工作回顾 / （一）经济发展",
            "二、三农工作扎实推进"
        ]
    );
}

/// A law in traditional characters (Hong Kong, Macau, Taiwan, or a traditional copy of a
/// mainland law) has the same divisions and articles: 第一編, 第一節, 第十五條, and Taiwan's
/// `第 18 條` in digits. Its items (一、) stay in their article (trial 13).
#[test]
fn traditional_law_numbers_are_headings() {
    let text = "個人資料保護法\n\n第一編　總則\n第一章　總則\n\n第一條　為規範個人資料之蒐集，特制定本法。\n\n第二條　本法用詞，定義如下：\n一、個人資料：指自然人之姓名。\n二、個人資料檔案：指個人資料之集合。\n\n第二章　公務機關\n第一節　蒐集\n第 18 條\n公務機關對個人資料之蒐集，應有特定目的。\n第十八條之一　依第十八條規定辦理。\n第 18 條之1\n新增條文。\n附　　則\n第十九條　本法自公布日施行。\n";
    let r = parse_report(&lines(text), "法");
    assert_eq!(r.title, "個人資料保護法");
    assert_eq!(
        heading_paths(&r),
        [
            "",
            "第一編 總則",
            "第一編 總則 / 第一章 總則",
            "第一編 總則 / 第一章 總則 / 第一條",
            "第一編 總則 / 第一章 總則 / 第二條",
            "第一編 總則 / 第二章 公務機關",
            "第一編 總則 / 第二章 公務機關 / 第一節 蒐集",
            "第一編 總則 / 第二章 公務機關 / 第一節 蒐集 / 第18條",
            "第一編 總則 / 第二章 公務機關 / 第一節 蒐集 / 第十八條之一",
            "第一編 總則 / 第二章 公務機關 / 第一節 蒐集 / 第18條之1",
            "附則",
            "附則 / 第十九條",
        ]
    );
    // The article's items are its text.
    assert_eq!((r.sections[4].line_start, r.sections[4].line_end), (8, 10));
}

/// A law converted from PDF may space its numbers out character by character (`第 一 章`,
/// `第 十 二 条`): they are the same chapters and articles, and the headings are closed up.
#[test]
fn law_numbers_spaced_out_are_headings() {
    let text = "青溪市养犬管理条例\n第 一 章　总　　则\n第 一 条　为了规范养犬行为，制定本条例。\n第 十 二 条　本条例适用于本市。\n第 十 二 条 之 一　禁止遗弃犬只。\n第 二 章\n附　　则\n第 十 三 条　本条例自2024年5月1日起施行。\n";
    let r = parse_report(&lines(text), "条例");
    assert_eq!(
        heading_paths(&r),
        [
            "",
            "第一章 总则",
            "第一章 总则 / 第一条",
            "第一章 总则 / 第十二条",
            "第一章 总则 / 第十二条之一",
            "第二章 附则",
            "第二章 附则 / 第十三条",
        ]
    );
    // A number in a sentence, or of something else, heads nothing.
    let r = parse_report(
        &lines("青溪市司法局2023年工作总结\n一、主要工作\n第 3 批试点已经完成。\n依据第 5 条规定办理。\n"),
        "总结",
    );
    assert_eq!(heading_paths(&r), ["", "一、主要工作"]);
}

/// A law copied to Markdown with each article's number in bold (`**第一条** 为了…`, also with
/// its text run in: `**第二条**本法…`) has its articles, under the chapters (`## 第一章 总则`);
/// they had been one section per chapter.
#[test]
fn a_markdown_law_with_bold_article_numbers_has_its_articles() {
    let text = "# 中华人民共和国某某法\n\n## 第一章 总则\n\n**第一条** 为了规范某某活动，制定本法。\n\n**第二条**本法适用于某某。\n\n## 第二章 管理\n\n__第三条__ 国务院某某部门负责全国某某工作。\n\n**第四条**【职责】县级以上人民政府负责。\n";
    let r = parse_report(&lines(text), "某某法");
    assert_eq!(
        tree(&r),
        pinned(&[
            ("", 0, 1, 1),
            ("第一章 总则", 2, 3, 3),
            ("第一章 总则 / 第一条", 3, 5, 5),
            ("第一章 总则 / 第二条", 3, 7, 7),
            ("第二章 管理", 2, 9, 9),
            ("第二章 管理 / 第三条", 3, 11, 11),
            ("第二章 管理 / 第四条", 3, 13, 13),
        ])
    );
}

/// A Markdown heading set in bold as well (`## **一、主要工作**`) is named without the marks,
/// which a reader never sees.
#[test]
fn bold_marks_are_no_part_of_a_markdown_headings_name() {
    let text = "# 某某区2023年法治政府建设年度报告\n\n## **一、主要工作**\n\n### __（一）加强组织领导__\n\n区委区政府高度重视法律顾问工作。\n\n## **二、存在问题**：\n\n问题如下。\n";
    let r = parse_report(&lines(text), "报告");
    assert_eq!(
        heading_paths(&r),
        [
            "",
            "一、主要工作",
            "一、主要工作 / （一）加强组织领导",
            "二、存在问题"
        ]
    );
}

/// A title whose first line is a short place's name alone (`某某省` / `某某条例`, as a cover
/// sets it) is read whole; it had been too short for a title, and the file's name stood in.
/// A place's name before a line that is no title stays out of it.
#[test]
fn a_title_whose_first_line_is_a_short_place_name() {
    let r = parse_report(
        &lines("广东省\n\n安全生产条例\n\n第一条　为了规范安全生产，制定本条例。\n第二条　本条例适用于本省。\n"),
        "gd",
    );
    assert_eq!(r.title, "广东省安全生产条例");
    assert_eq!(heading_paths(&r)[1], "第一条");
    let r = parse_report(
        &lines("北京市\n2024年政府工作报告\n各位代表：\n一、回顾\n好。\n"),
        "bj",
    );
    assert_eq!(r.title, "北京市2024年政府工作报告");
    let r = parse_report(&lines("深圳市\n各位代表：\n一、回顾\n好。\n"), "sz");
    assert_ne!(r.title, "深圳市");
    // A province named without its suffix, an autonomous region, places nested (trial 16).
    let r = parse_report(
        &lines("新疆\n维吾尔自治区安全生产条例\n第一条　为了加强安全生产工作，制定本条例。\n第二条　本条例适用于本区。\n"),
        "xj",
    );
    assert_eq!(r.title, "新疆维吾尔自治区安全生产条例");
    let r = parse_report(
        &lines("内蒙古\n自治区政府工作报告\n各位代表：\n一、回顾\n好。\n"),
        "nm",
    );
    assert_eq!(r.title, "内蒙古自治区政府工作报告");
    assert_eq!(r.org.as_deref(), Some("内蒙古自治区人民政府"));
    let r = parse_report(
        &lines("新疆\n新疆维吾尔自治区人民政府关于印发某某办法的通知\n各地州市人民政府：\n现将办法印发给你们。\n"),
        "xj2",
    );
    assert_eq!(r.title, "新疆维吾尔自治区人民政府关于印发某某办法的通知");
    // A place that does not begin the title under it is a masthead (trial 21): a province
    // without its suffix before another issuer or a 关于 title, any place before 关于.
    for (text, title, org) in [
        (
            "北京\n国务院关于支持北京城市副中心高质量发展的意见\n一、总体要求\n好。\n",
            "国务院关于支持北京城市副中心高质量发展的意见",
            Some("国务院"),
        ),
        (
            "海南\n海口市人民政府关于加强台风防御工作的通知\n一、总体要求\n好。\n",
            "海口市人民政府关于加强台风防御工作的通知",
            Some("海口市人民政府"),
        ),
        (
            "城区\n关于加强城市管理的通知\n一、总体要求\n好。\n",
            "关于加强城市管理的通知",
            None,
        ),
        (
            "北京\n关于做好春节期间安全工作的通知\n一、加强值守\n好。\n",
            "关于做好春节期间安全工作的通知",
            None,
        ),
        (
            "香港\n特区政府施政报告\n一、引言\n好。\n",
            "香港特区政府施政报告",
            Some("香港特区政府"),
        ),
        // A place with its suffix over an issuer complete without it: a national body, a
        // ministry, a body of another place (trial 22's 杭州市国务院).
        (
            "杭州市\n国务院关于加强政务诚信建设的指导意见\n一、总体要求\n好。\n",
            "国务院关于加强政务诚信建设的指导意见",
            Some("国务院"),
        ),
        (
            "深圳市\n财政部关于做好预算管理工作的通知\n一、总体要求\n好。\n",
            "财政部关于做好预算管理工作的通知",
            Some("财政部"),
        ),
        (
            "广东省\n福田区人民政府关于加强城市更新工作的通知\n一、总体要求\n好。\n",
            "福田区人民政府关于加强城市更新工作的通知",
            Some("福田区人民政府"),
        ),
        // A body named by its trade alone goes on from the place.
        (
            "深圳市\n财政局关于做好预算管理工作的通知\n一、总体要求\n好。\n",
            "深圳市财政局关于做好预算管理工作的通知",
            Some("深圳市财政局"),
        ),
        (
            "深圳市\n人民政府关于加强城市更新工作的通知\n一、总体要求\n好。\n",
            "深圳市人民政府关于加强城市更新工作的通知",
            Some("深圳市人民政府"),
        ),
    ] {
        let r = parse_report(&lines(text), "m");
        assert_eq!(r.title, title);
        assert_eq!(r.org.as_deref(), org, "{title}");
    }
    // 省 or 市 under a bare province begins another word as often as the rest of its name
    // (trial 22): `北京` / `市场监管总局…` names no 北京市场监管总局.
    let r = parse_report(
        &lines("北京\n市场监管总局关于加强监管的通知\n一、总体要求\n好。\n"),
        "bj3",
    );
    assert!(!r.title.starts_with("北京"), "{}", r.title);
    assert_ne!(r.org.as_deref(), Some("北京市场监管总局"));
    let r = parse_report(
        &lines("北京\n市人民政府关于加强灯会安全管理的通知\n一、总体要求\n好。\n"),
        "bj4",
    );
    assert_eq!(r.title, "北京市人民政府关于加强灯会安全管理的通知");
    // A place over a document number or a date is a masthead, and a date alone over the title
    // dates the page: the title is the line under them (trial 22 gave the file's name).
    for (text, year) in [
        (
            "深圳市\n深府〔2023〕12号\n关于加强城市更新工作的通知\n各区人民政府：\n一、总体要求\n好。\n",
            Some(2023),
        ),
        (
            "深圳市\n2023年12月1日\n关于加强城市更新工作的通知\n各区人民政府：\n一、总体要求\n好。\n",
            Some(2023),
        ),
        (
            "2022年3月5日\n关于加强城市更新工作的通知\n各区人民政府：\n一、总体要求\n好。\n",
            Some(2022),
        ),
        // A page's date in digits, spaced out, with a time or a weekday (trial 24).
        (
            "2022-03-05\n关于加强城市更新工作的通知\n各区人民政府：\n一、总体要求\n好。\n",
            Some(2022),
        ),
        (
            "2022/03/05 10:30\n关于加强城市更新工作的通知\n各区人民政府：\n一、总体要求\n好。\n",
            Some(2022),
        ),
        (
            "2022年3月5日　星期六\n关于加强城市更新工作的通知\n各区人民政府：\n一、总体要求\n好。\n",
            Some(2022),
        ),
        (
            "深圳市\n2022 年 3 月 5 日\n关于加强城市更新工作的通知\n各区人民政府：\n一、总体要求\n好。\n",
            Some(2022),
        ),
        // A signer's line and a publication note under the number (trial 24: 签发人：… was
        // glued onto the title).
        (
            "深圳市\n深府〔2023〕12号\n签发人：张三\n（此件公开发布）\n关于加强城市更新工作的通知\n各区人民政府：\n一、总体要求\n好。\n",
            Some(2023),
        ),
    ] {
        let r = parse_report(&lines(text), "file-name");
        assert_eq!(r.title, "关于加强城市更新工作的通知", "{text}");
        assert_eq!(r.year, year, "{text}");
    }
    // Over a number or a date, a place still begins a title that needs it (trial 24).
    for (text, title, org) in [
        (
            "深圳市\n深府〔2023〕12号\n人民政府关于加强城市更新工作的通知\n各区：\n一、总体要求\n好。\n",
            "深圳市人民政府关于加强城市更新工作的通知",
            "深圳市人民政府",
        ),
        (
            "深圳市\n2023年12月1日\n财政局关于下达2024年资金的通知\n各区：\n一、总体要求\n好。\n",
            "深圳市财政局关于下达2024年资金的通知",
            "深圳市财政局",
        ),
        // A 部 of a place is named by its trade: only the State Council's ministries stand alone.
        (
            "龙岗区\n人民武装部关于做好2024年度征兵工作的通知\n各街道：\n一、总体要求\n好。\n",
            "龙岗区人民武装部关于做好2024年度征兵工作的通知",
            "龙岗区人民武装部",
        ),
    ] {
        let r = parse_report(&lines(text), "file-name");
        assert_eq!(r.title, title, "{text}");
        assert_eq!(r.org.as_deref(), Some(org), "{text}");
    }
    for place in [
        "新疆维吾尔自治区",
        "深圳市福田区",
        "呼和浩特市",
        "锡林郭勒盟",
        "内蒙古",
    ] {
        assert!(facts::is_place_alone(place), "{place}");
    }
    for words in [
        "全市",
        "各区县",
        "城市更新",
        "人民政府",
        "安全生产条例",
        "自治区",
    ] {
        assert!(!facts::is_place_alone(words), "{words}");
    }
}

/// Markdown bold is read as emphasis throughout, as the same text typed plain: bold header
/// labels (`**发文字号**：…`) give the title and number, a bold `**附件1**` after the signature
/// opens an attachment, and `**一、二季度**…` is a sentence, not a heading. The sections keep
/// the marks, as written.
#[test]
fn bold_lines_are_read_as_the_same_lines_plain() {
    let text = "**标题**：某某市人民政府关于印发某某办法的通知\n\n**发文字号**：某府〔2024〕3号\n\n**成文日期**：2024年3月5日\n\n# 某某市人民政府关于印发某某办法的通知\n\n各区人民政府：\n\n**一、高度重视**\n\n**一、二季度**全市经济承压。\n\n**二、抓好落实**\n\n各部门要抓好落实。\n\n某某市人民政府\n\n2024年3月5日\n\n**附件1**\n\n**某某实施方案**\n\n**一、总体要求**\n\n坚持问题导向。\n";
    let r = parse_report(&lines(text), "通知");
    assert_eq!(r.title, "某某市人民政府关于印发某某办法的通知");
    assert_eq!(r.doc_number.as_deref(), Some("某府〔2024〕3号"));
    assert_eq!(r.date.as_deref(), Some("2024年3月5日"));
    assert_eq!(
        heading_paths(&r),
        [
            "",
            "一、高度重视",
            "二、抓好落实",
            "附件1",
            "附件1 / 一、总体要求"
        ]
    );
    assert!(r.sections[1].text.contains("**一、二季度**全市经济承压。"));
    // A list number in bold that runs on into a sentence marks words, not a heading (trial 17);
    // a heading's name in bold, closed by its mark, heads its run-in text (trial 18).
    let text = "# 某某市2024年政府工作报告\n\n## 一、2023年工作回顾\n\n过去一年，全市经济稳中向好。\n\n**二、三季度**经济回升。\n\n**1.**地区生产总值增长5%左右；\n\n## 二、2024年工作安排\n\n**（一）落实主体责任。**企业要落实。\n";
    assert_eq!(
        heading_paths(&parse_report(&lines(text), "报告")),
        [
            "",
            "一、2023年工作回顾",
            "二、2024年工作安排",
            "二、2024年工作安排 / （一）落实主体责任"
        ]
    );
}

/// A division's number alone over another division's number (`第二章` / `第一节`, plain or as
/// Markdown headings) is two headings; over its name as a Markdown heading (`## 第一章` /
/// `## 总则`) it is one.
#[test]
fn a_division_number_takes_a_name_but_not_the_next_number() {
    let plain = "某某市物业管理条例\n第一章\n总　　则\n第一条 为了规范物业管理活动，制定本条例。\n第二章\n第一节　一般规定\n第二条 业主享有下列权利。\n";
    assert_eq!(
        heading_paths(&parse_report(&lines(plain), "条例"))[1..],
        [
            "第一章 总则",
            "第一章 总则 / 第一条",
            "第二章",
            "第二章 / 第一节 一般规定",
            "第二章 / 第一节 一般规定 / 第二条"
        ]
    );
    // A number marked as a heading takes no name from a paragraph under it (trial 17).
    let markdown = "# 某某市物业管理条例\n\n## 第一章\n\n## 总则\n\n第一条 为了规范物业管理活动，制定本条例。\n\n## 第二章\n\n### 第一节\n\n第二条 业主享有下列权利。\n\n## 第三章\n\n某某市人民政府\n\n第三条 本条例自公布之日起施行。\n";
    assert_eq!(
        heading_paths(&parse_report(&lines(markdown), "条例"))[1..],
        [
            "第一章 总则",
            "第一章 总则 / 第一条",
            "第二章",
            "第二章 / 第一节",
            "第二章 / 第一节 / 第二条",
            "第三章",
            "第三章 / 第三条"
        ]
    );
}

/// An announcement headed by its place on a line of its own (`广东省` / `人民代表大会常务委员会公告`)
/// is titled by the law it announces; `全市` over a line is no place.
#[test]
fn a_place_over_an_announcement_and_words_that_name_no_place() {
    let text = "广东省\n人民代表大会常务委员会公告\n（第12号）\n《广东省安全生产条例》已由广东省第十二届人民代表大会常务委员会第三十五次会议于2017年9月29日通过，现予公布，自2017年12月1日起施行。\n广东省人民代表大会常务委员会\n2017年9月29日\n广东省安全生产条例\n第一章　总则\n第一条　为了加强安全生产工作，制定本条例。\n第二条　本条例适用于本省。\n";
    assert_eq!(parse_report(&lines(text), "p5").title, "广东省安全生产条例");
    let text = "全市\n安全生产工作要点\n一、总体要求\n坚持安全发展。\n";
    assert_ne!(
        parse_report(&lines(text), "p8").title,
        "全市安全生产工作要点"
    );
}

/// An article refused as a sentence (`第五条规定本市…`, a reference's opening) does not lose
/// every article after it: the next but one after the last article taken is taken too.
#[test]
fn an_article_refused_as_a_sentence_does_not_lose_the_rest() {
    let text = "某某市制定地方性法规条例\n第一章总则\n第一条为了规范制定地方性法规活动，制定本条例。\n第二条本条例适用于本市。\n第三条市人民代表大会负责。\n第四条市人民政府配合。\n第五条规定本市地方性法规的事项。\n第六条市人民代表大会常务委员会负责解释。\n第七条本条例自公布之日起施行。\n";
    let paths = heading_paths(&parse_report(&lines(text), "条例"));
    assert!(
        paths.contains(&"第一章 总则 / 第六条".to_string()),
        "{paths:?}"
    );
    assert!(
        paths.contains(&"第一章 总则 / 第七条".to_string()),
        "{paths:?}"
    );
    // A wrapped line opening with a reference to the next but one is no article: the real
    // next article follows it (trial 17).
    let text = "某某市制定地方性法规条例\n第一章总则\n第一条为了规范制定地方性法规活动，制定本条例。\n第二条本条例适用于本市。\n第三条市人民代表大会负责，依照本条例\n第五条中规定的程序办理。\n第四条市人民政府配合。\n第五条本条例自公布之日起施行。\n";
    let r = parse_report(&lines(text), "条例");
    assert_eq!(
        heading_paths(&r)[2..],
        [
            "第一章 总则 / 第一条",
            "第一章 总则 / 第二条",
            "第一章 总则 / 第三条",
            "第一章 总则 / 第四条",
            "第一章 总则 / 第五条"
        ]
    );
}

/// A work report in Markdown parts (`## 第一部分`) holds the `一、` headings in them, whether
/// their `#` say so (`### 一、`) or not (`## 一、` beside the part), as the same text typed plain
/// does (trial 16: they stood beside the parts, so no hit's path named its part).
#[test]
fn markdown_parts_hold_the_numbered_headings_in_them() {
    let want = [
        "",
        "第一部分",
        "第一部分 / 一、2023年工作回顾",
        "第一部分 / 二、主要经验",
        "第二部分",
        "第二部分 / 一、总体要求",
    ];
    for inner in ["###", "##"] {
        let text = format!("# 2024年某某市政府工作报告\n\n各位代表：\n\n## 第一部分\n\n{inner} 一、2023年工作回顾\n\n过去一年。\n\n{inner} 二、主要经验\n\n我们体会到。\n\n## 第二部分\n\n{inner} 一、总体要求\n\n今年工作。\n");
        assert_eq!(
            heading_paths(&parse_report(&lines(&text), "报告")),
            want,
            "{inner}"
        );
    }
}

/// A page's header table, copied to Markdown (`| 索引号 | … | 发布机构 | … |`, bold labels and a
/// rule row included) or as cells between tabs, gives its fields like `label：value` lines, and
/// its rows are no title (trial 17: the title was the first row). `标题` alone in a site's search
/// form is no field.
#[test]
fn a_header_table_gives_its_fields() {
    let want = |r: &Report| {
        assert_eq!(r.title, "某某市人民政府办公室关于印发某某办法的通知");
        assert_eq!(r.org.as_deref(), Some("某某市人民政府办公室"));
        assert_eq!(r.doc_number.as_deref(), Some("某府办〔2024〕3号"));
        assert_eq!(r.date.as_deref(), Some("2024年3月5日"));
    };
    let markdown = "| **索引号** | 11440300/2024-00123 | **发布机构** | 某某市人民政府办公室 |\n|---|---|---|---|\n| **发文字号** | 某府办〔2024〕3号 | **成文日期** | 2024年3月5日 |\n| **标题** | 某某市人民政府办公室关于印发某某办法的通知 | | |\n\n# 某某市人民政府办公室关于印发某某办法的通知\n\n各区人民政府：\n\n现将《某某办法》印发给你们。\n";
    want(&parse_report(&lines(markdown), "md"));
    let tabs = "索引号\t11440300/2024-00123\t发布机构\t某某市人民政府办公室\n发文字号\t某府办〔2024〕3号\t成文日期\t2024年3月5日\n\n某某市人民政府办公室关于印发某某办法的通知\n\n各区人民政府：\n\n现将办法印发给你们。\n";
    want(&parse_report(&lines(tabs), "tabs"));
    // A web page's table, a cell per line, labels without colons.
    let cells = "索引号\n11440300/2024-00123\n发布机构\n某某市人民政府办公室\n发文字号\n某府办〔2024〕3号\n成文日期\n2024年3月5日\n标题\n某某市人民政府办公室关于印发某某办法的通知\n某某市人民政府办公室关于印发某某办法的通知\n各区人民政府：\n现将办法印发给你们。\n";
    want(&parse_report(&lines(cells), "cells"));
    let search_form = "深圳市某某区人民政府\n标题\n全文排序方式\n某某区2021年政府工作报告\n各位代表：\n一、回顾\n好。\n";
    assert_ne!(
        parse_report(&lines(search_form), "form").title,
        "全文排序方式"
    );
    // A row of labels over a row of values: a Markdown table, cells between tabs, and a web
    // page's cells a line each (trial 18).
    let columns = "| 索引号 | 发布机构 | 发文字号 | 成文日期 |\n|---|---|---|---|\n| 11440300/2024-00123 | 某某市人民政府办公室 | 某府办〔2024〕3号 | 2024年3月5日 |\n\n# 某某市人民政府办公室关于印发某某办法的通知\n\n各区人民政府：\n";
    want(&parse_report(&lines(columns), "columns"));
    let tabs = "索引号\t发布机构\t发文字号\t成文日期\n11440300/2024-00123\t某某市人民政府办公室\t某府办〔2024〕3号\t2024年3月5日\n\n某某市人民政府办公室关于印发某某办法的通知\n\n各区人民政府：\n";
    want(&parse_report(&lines(tabs), "tabs"));
    let cells = "索引号\n发布机构\n发文字号\n成文日期\n11440300/2024-00123\n某某市人民政府办公室\n某府办〔2024〕3号\n2024年3月5日\n某某市人民政府办公室关于印发某某办法的通知\n各区人民政府：\n";
    want(&parse_report(&lines(cells), "cells"));
    // An empty cell leaves its label without a value: the next label's is not its.
    let empty = "发布机构\n某某市人民政府办公室\n成文日期\n2024年3月5日\n文号\n发布日期\n2024-03-06\n某某市人民政府办公室关于印发某某办法的通知\n各区人民政府：\n";
    let r = parse_report(&lines(empty), "empty");
    assert_eq!(r.doc_number, None);
    assert_eq!(r.title, "某某市人民政府办公室关于印发某某办法的通知");
    // Empty cells first, placeholders (`无`, `待定`), and a row of values with a cell missing,
    // whose values cannot be told apart: the title stands, no value goes to the wrong label
    // (trial 19).
    let first_empty = "索引号\n发布机构\n某某市人民政府办公室\n发文字号\n成文日期\n2024年3月5日\n某某市人民政府办公室关于印发某某办法的通知\n各区人民政府：\n";
    let r = parse_report(&lines(first_empty), "first_empty");
    assert_eq!(r.title, "某某市人民政府办公室关于印发某某办法的通知");
    assert_eq!(r.org.as_deref(), Some("某某市人民政府办公室"));
    assert_eq!(r.date.as_deref(), Some("2024年3月5日"));
    let placeholders = "发布机构\n市政府\n发文字号\n无\n成文日期\n待定\n某某市人民政府关于印发某某办法的通知\n各区人民政府：\n";
    let r = parse_report(&lines(placeholders), "placeholders");
    assert_eq!(r.title, "某某市人民政府关于印发某某办法的通知");
    assert_eq!((r.doc_number, r.date), (None, None));
    let missing = "索引号\n发布机构\n发文字号\n成文日期\n11440300/2024-00123\n某某市人民政府办公室\n2024年3月5日\n某某市人民政府办公室关于印发某某办法的通知\n各区人民政府：\n";
    let r = parse_report(&lines(missing), "missing");
    assert_eq!(r.title, "某某市人民政府办公室关于印发某某办法的通知");
    assert_ne!(r.date.as_deref(), Some("11440300/2024-00123"));
}

/// A table in the body whose columns are named like header fields (`| 文号 | 名称 |`,
/// `| 标题 | 日期 |`) gives no fields: its column names are no values (trial 18).
#[test]
fn a_body_table_with_field_names_for_columns_gives_no_fields() {
    let text = "# 某某市人民政府办公室关于印发某某办法的通知\n\n某府办〔2024〕3号\n\n各区人民政府：\n\n现将《某某办法》印发给你们。同时废止下列文件：\n\n| 文号 | 名称 |\n|---|---|\n| 某府办〔2019〕7号 | 某某市旧办法 |\n\n| 标题 | 日期 |\n|---|---|\n| 某某市停车场管理办法 | 2024年1月5日 |\n";
    let r = parse_report(&lines(text), "notice");
    assert_eq!(r.title, "某某市人民政府办公室关于印发某某办法的通知");
    assert_eq!(r.doc_number.as_deref(), Some("某府办〔2024〕3号"));
    // A web page's table, a cell per line.
    let text = "某某市人民政府办公室关于印发某某办法的通知\n某府办〔2024〕3号\n各区人民政府：\n本办法废止的文件如下：\n文号\n标题\n某府办〔2019〕7号\n某某市旧办法\n某某市人民政府办公室\n2024年3月5日\n";
    let r = parse_report(&lines(text), "page");
    assert_eq!(r.title, "某某市人民政府办公室关于印发某某办法的通知");
    assert_eq!(r.doc_number.as_deref(), Some("某府办〔2024〕3号"));
}

/// A place's name over a title that names it again (`广州市` / `广州市人民政府关于…`): the title
/// is the second line (trial 17: the file's name stood in).
#[test]
fn a_place_over_a_title_that_names_it() {
    let r = parse_report(
        &lines("广州市\n广州市人民政府关于印发某某办法的通知\n\n各区人民政府：\n现将办法印发给你们。\n"),
        "q08",
    );
    assert_eq!(r.title, "广州市人民政府关于印发某某办法的通知");
}

#[test]
fn a_notice_citing_articles_keeps_its_next_part() {
    // Trial 17, R1: references to a law's articles on lines of their own, bold or plain, in a
    // notice built on 一、/二、: its 二、 after the last of them is its own part again.
    for (open, close) in [("**", "**"), ("", "")] {
        let text = format!(
            "某某市人民政府办公室关于贯彻落实《某某市养犬管理条例》的通知\n\
             各区人民政府，市政府各部门：\n\
             {open}一、明确职责分工{close}\n\
             根据《条例》规定，各部门要履行职责。\n\
             {open}第五条{close} 规定的登记制度，由公安机关负责实施。\n\
             {open}第八条{close}　养犬人应当遵守的义务，各街道要加强宣传。\n\
             {open}二、加强监督检查{close}\n\
             各区要加强监督检查。\n"
        );
        let r = parse_report(&lines(&text), "n");
        assert_eq!(
            tree(&r),
            pinned(&[
                ("", 0, 1, 2),
                ("一、明确职责分工", 1, 3, 4),
                ("一、明确职责分工 / 第五条", 2, 5, 5),
                ("一、明确职责分工 / 第八条", 2, 6, 6),
                ("二、加强监督检查", 1, 7, 8),
            ]),
            "{open:?}"
        );
    }
}

#[test]
fn an_amendment_decision_numbers_its_amendments_around_the_articles_it_quotes() {
    // Trial 20 and 23: the amended articles stand on lines of their own, without quote marks,
    // and the next amendment (二、删去第十条。, a sentence) had gone on as text of the article
    // quoted before it, down to the last amendment.
    let text = "某某省人民代表大会常务委员会关于修改《某某省安全生产条例》的决定\n\
                某某省人民代表大会常务委员会决定对《某某省安全生产条例》作如下修改：\n\
                一、将第五条修改为：\n\
                第五条　有下列情形之一的，依法处理：\n\
                （一）未按规定培训的；\n\
                （二）未按规定检查的。\n\
                二、删去第十条。\n\
                三、增加一条，作为第二十一条：\n\
                第二十一条　违反本条例规定的，由应急管理部门责令改正。\n\
                此外，对条文顺序作相应调整。\n\
                四、本决定自2024年7月1日起施行。\n";
    assert_eq!(
        tree(&parse_report(&lines(text), "a"))[1..],
        pinned(&[
            ("一、将第五条修改为", 1, 3, 3),
            ("一、将第五条修改为 / 第五条", 2, 4, 6),
            ("二、删去第十条", 1, 7, 7),
            ("三、增加一条，作为第二十一条", 1, 8, 8),
            ("三、增加一条，作为第二十一条 / 第二十一条", 2, 9, 10),
            ("四、本决定自2024年7月1日起施行", 1, 11, 11),
        ])
    );
    // Trial 25: a 修正案 says what it is in its title only; a decision may reissue the text as
    // amended after it, whose own parts (一、受理与管辖) start again.
    let text = "中华人民共和国刑法修正案（十一）\n\
                一、在刑法第一百三十三条之一后增加一条，作为第一百三十三条之二：\n\
                第一百三十三条之二　对行驶中的公共交通工具的驾驶人员使用暴力的，处一年以下有期徒刑。\n\
                二、将刑法第一百三十四条第二款修改为：“强令他人违章冒险作业的，处五年以下有期徒刑。”\n\
                三、在刑法第一百三十四条后增加一条，作为第一百三十四条之一：\n\
                第一百三十四条之一　在生产、作业中违反有关安全管理的规定，处一年以下有期徒刑。\n\
                四、本修正案自2021年3月1日起施行。\n";
    assert_eq!(
        tree(&parse_report(&lines(text), "x"))[1..],
        pinned(&[
            ("一、在刑法第一百三十三条之一后增加一条，作为第一百三十三条之二", 1, 2, 2),
            ("一、在刑法第一百三十三条之一后增加一条，作为第一百三十三条之二 / 第一百三十三条之二", 2, 3, 3),
            ("二、将刑法第一百三十四条第二款修改为", 1, 4, 4),
            ("三、在刑法第一百三十四条后增加一条，作为第一百三十四条之一", 1, 5, 5),
            (
                "三、在刑法第一百三十四条后增加一条，作为第一百三十四条之一 / 第一百三十四条之一",
                2,
                6,
                6
            ),
            ("四、本修正案自2021年3月1日起施行", 1, 7, 7),
        ])
    );
    let text = "最高人民法院关于修改《关于审理民间借贷案件适用法律若干问题的规定》的决定\n\
                最高人民法院审判委员会决定对《规定》作如下修改：\n\
                一、将第二十六条修改为：\n\
                第二十六条　出借人请求借款人支付利息的，人民法院应予支持。\n\
                二、删去第二十七条。\n\
                最高人民法院关于审理民间借贷案件适用法律若干问题的规定\n\
                一、受理与管辖\n\
                第一条　本规定所称的民间借贷，是指自然人之间进行资金融通的行为。\n\
                二、合同效力\n\
                第二条　借贷双方就合同履行地未约定的，以接受货币一方所在地为合同履行地。\n";
    assert_eq!(
        tree(&parse_report(&lines(text), "r"))[1..],
        pinned(&[
            ("一、将第二十六条修改为", 1, 3, 3),
            ("一、将第二十六条修改为 / 第二十六条", 2, 4, 4),
            ("二、删去第二十七条", 1, 5, 6),
            ("一、受理与管辖", 1, 7, 7),
            ("一、受理与管辖 / 第一条", 2, 8, 8),
            ("二、合同效力", 1, 9, 9),
            ("二、合同效力 / 第二条", 2, 10, 10),
        ])
    );
    // Without the words that open a list of amendments, an article's items at line starts stay
    // its own, as in any law.
    let text = "某某省安全生产条例\n\
                一、总则\n\
                第一条　为了加强安全生产，制定本条例。\n\
                第二条　禁止下列行为。\n\
                一、违章指挥。\n\
                二、违章作业。\n";
    assert_eq!(
        tree(&parse_report(&lines(text), "l"))[1..],
        pinned(&[
            ("一、总则", 1, 2, 2),
            ("一、总则 / 第一条", 2, 3, 3),
            ("一、总则 / 第二条", 2, 4, 6),
        ])
    );
}

#[test]
fn an_explanation_quoting_articles_closes_them_at_its_next_part() {
    // Trial 17, R2: a policy explanation (解读) quotes 第一条 to 第三条 under its 二、; its 三、
    // after the last article is its own part, not an item of 第三条.
    let text = "关于《某某市停车管理办法》的政策解读\n\
                一、制定背景\n\
                为规范停车管理，制定本办法。\n\
                二、主要条款解读\n\
                第一条 明确了立法目的和依据。\n\
                第二条 明确了适用范围。\n\
                第三条 明确了部门职责分工。\n\
                三、施行时间\n\
                本办法自2024年5月1日起施行。\n\
                四、解读机关\n\
                市交通运输局。\n";
    let r = parse_report(&lines(text), "j");
    assert_eq!(
        tree(&r),
        pinned(&[
            ("", 0, 1, 1),
            ("一、制定背景", 1, 2, 3),
            ("二、主要条款解读", 1, 4, 4),
            ("二、主要条款解读 / 第一条", 2, 5, 5),
            ("二、主要条款解读 / 第二条", 2, 6, 6),
            ("二、主要条款解读 / 第三条", 2, 7, 7),
            ("三、施行时间", 1, 8, 9),
            ("四、解读机关", 1, 10, 11),
        ])
    );
    // The last article's own items, run into its lines, go on there (trial 21); what an
    // attachment after the last article numbers is the attachment's.
    let text = "某某省安全生产条例\n\
                一、总则\n\
                第一条 为了加强安全生产，制定本条例。\n\
                二、监督管理\n\
                第二条 安全生产监督管理部门履行下列职责：一、制定规划；二、组织检查；\n\
                三、处理事故\n\
                \n\
                附件\n\
                三、安全生产检查表\n";
    assert_eq!(
        tree(&parse_report(&lines(text), "l"))[1..],
        pinned(&[
            ("一、总则", 1, 2, 2),
            ("一、总则 / 第一条", 2, 3, 3),
            ("二、监督管理", 1, 4, 4),
            ("二、监督管理 / 第二条", 2, 5, 6),
            ("附件", 1, 8, 8),
            ("附件 / 三、安全生产检查表", 2, 9, 9),
        ])
    );
    // Items inline in half-width brackets, and a wrapped range (`三、四级…`), stay the
    // article's (trial 23).
    for second in [
        "第二条 本条例适用于本省一级、二级和\n三、四级公路的养护\n",
        "第二条 有关部门履行下列职责：(一)制定规划；(二)组织检查；\n三、处理安全生产事故\n",
    ] {
        let text =
            format!("某某省条例\n一、总则\n第一条 为了加强管理，制定本条例。\n二、管理\n{second}");
        assert_eq!(
            heading_paths(&parse_report(&lines(&text), "l"))[1..],
            [
                "一、总则",
                "一、总则 / 第一条",
                "二、管理",
                "二、管理 / 第二条"
            ],
            "{second}"
        );
    }
    // A list opened by the last article whose first item is mistyped (`—、训诫`, OCR) goes on
    // in its next items (trial 20).
    let text = "某某市某某管理规定\n\
                一、总体要求\n\
                第一条　为加强某某管理，制定本规定。\n\
                第二条　违反本规定的，可以给予下列处罚：\n\
                —、训诫\n\
                二、罚款\n\
                三、拘留\n";
    assert_eq!(
        heading_paths(&parse_report(&lines(text), "l"))[1..],
        [
            "一、总体要求",
            "一、总体要求 / 第一条",
            "一、总体要求 / 第二条"
        ]
    );
    // A chapter summed up with the articles it spans is the explanation's text, no division.
    let text = "关于《某某市停车管理办法》的政策解读\n\
                一、主要内容\n\
                第一章 总则（第一条至第五条）。明确了立法目的。\n\
                第二章 停车场管理（第六条至第十二条）。明确了建设要求。\n\
                二、施行时间\n\
                本办法自2024年5月1日起施行。\n";
    let r = parse_report(&lines(text), "j");
    assert_eq!(
        tree(&r),
        pinned(&[
            ("", 0, 1, 1),
            ("一、主要内容", 1, 2, 4),
            ("二、施行时间", 1, 5, 6)
        ])
    );
}

#[test]
fn a_law_excerpt_and_a_chapter_printed_with_its_range_keep_their_headings() {
    // Trial 20: articles that skip about (an excerpt, 节选) are still a law's articles, their
    // items stay in them; a chapter may print the articles it spans under its name.
    let text = "中华人民共和国安全生产法（节选）\n\
                第二十一条 生产经营单位的主要负责人对本单位安全生产工作负有下列职责：\n\
                （一）建立健全全员安全生产责任制；\n\
                （二）组织制定本单位安全生产规章制度；\n\
                第九十七条 生产经营单位有下列行为之一的，处十万元以下的罚款：\n\
                （一）未按照规定设置安全生产管理机构的；\n";
    assert_eq!(
        heading_paths(&parse_report(&lines(text), "x")),
        ["", "第二十一条", "第九十七条"].map(String::from)
    );
    let text = "某某市城市绿化条例\n\
                第一章　总则（第一条至第二条）\n\
                第一条 为了促进城市绿化事业的发展，制定本条例。\n\
                第二条 本条例适用于本市。\n\
                第二章　管理（第三条）　本章为新增\n\
                第三条 市绿化主管部门负责本市的城市绿化工作。\n";
    assert_eq!(
        heading_paths(&parse_report(&lines(text), "x"))[1..],
        [
            "第一章 总则（第一条至第二条）",
            "第一章 总则（第一条至第二条） / 第一条",
            "第一章 总则（第一条至第二条） / 第二条",
            "第二章 管理（第三条） 本章为新增",
            "第二章 管理（第三条） 本章为新增 / 第三条"
        ]
    );
}

/// The title under a place's or a body's name when it does not fit on one line or ends in no
/// word of [`super::facts`]'s list (trial 24: the file's name stood in, and the report had no
/// year or issuer), and without the level that repeats the place's (深圳市 / 市人民政府).
#[test]
fn a_title_under_a_place_or_a_body_wrapped_or_without_a_known_ending() {
    for (text, title, org, year) in [
        // Wrapped, with a short last line, under a place over a document number.
        (
            "杭州市\n人民政府关于进一步加强城市管理工作\n的通知\n杭政〔2023〕15号\n\n各区人民政府：\n一、总体要求\n好。\n",
            "杭州市人民政府关于进一步加强城市管理工作的通知",
            Some("杭州市人民政府"),
            Some(2023),
        ),
        // Over three lines, the body's name on the first.
        (
            "北京市\n人民代表大会常务委员会\n关于修改《北京市生活垃圾管理条例》的决定\n\n（2023年11月24日北京市第十六届人民代表大会常务委员会第十次会议通过）\n一、将第五条修改为：……\n",
            "北京市人民代表大会常务委员会关于修改《北京市生活垃圾管理条例》的决定",
            Some("北京市人民代表大会常务委员会"),
            Some(2023),
        ),
        // One line that names the place again and ends in no listed word.
        (
            "杭州市\n杭州市人民政府关于加快发展新型储能产业的三年行动（试行）\n\n各区人民政府：\n现将有关事项通知如下。\n一、总体要求\n好。\n",
            "杭州市人民政府关于加快发展新型储能产业的三年行动（试行）",
            Some("杭州市人民政府"),
            None,
        ),
        (
            "深圳市\n深圳市人民政府关于加快发展新型储能产业的若干措施\n\n各区人民政府：\n一、总体要求\n好。\n",
            "深圳市人民政府关于加快发展新型储能产业的若干措施",
            Some("深圳市人民政府"),
            None,
        ),
        (
            "深圳市\n人民政府关于禁止燃放烟花爆竹的通告\n\n一、禁放区域\n好。\n",
            "深圳市人民政府关于禁止燃放烟花爆竹的通告",
            Some("深圳市人民政府"),
            None,
        ),
        // The level that repeats the place's.
        (
            "深圳市\n市人民政府关于加快发展新型储能产业的实施意见\n\n各区人民政府：\n一、总体要求\n好。\n",
            "深圳市人民政府关于加快发展新型储能产业的实施意见",
            Some("深圳市人民政府"),
            None,
        ),
        (
            "广东省\n省人民政府办公厅关于印发某某方案的通知\n\n各地级以上市人民政府：\n一、总体要求\n好。\n",
            "广东省人民政府办公厅关于印发某某方案的通知",
            Some("广东省人民政府办公厅"),
            None,
        ),
        // A body's name alone over its 关于 title and the document number.
        (
            "国务院\n关于印发《新时期促进集成电路产业高质量发展若干政策》的通知\n国发〔2020〕8号\n\n各省、自治区、直辖市人民政府：\n现将有关事项通知如下。\n一、总体要求\n好。\n",
            "国务院关于印发《新时期促进集成电路产业高质量发展若干政策》的通知",
            Some("国务院"),
            Some(2020),
        ),
        (
            "财政部\n关于下达2024年中央财政衔接推进乡村振兴补助资金的\n通知\n\n各省财政厅：\n一、资金安排\n好。\n",
            "财政部关于下达2024年中央财政衔接推进乡村振兴补助资金的通知",
            Some("财政部"),
            Some(2024),
        ),
        // A title whose last line ends in a listed word goes on (trial 26).
        (
            "平江县人民政府关于印发平江县促进民营经济发展若干措施\n（2024年修订版）的通知\n\n各乡镇人民政府：\n一、总体要求\n好。\n",
            "平江县人民政府关于印发平江县促进民营经济发展若干措施（2024年修订版）的通知",
            Some("平江县人民政府"),
            Some(2024),
        ),
        (
            "平江县\n人民政府关于印发某某管理办法（试行）\n实施细则的通知\n\n各乡镇人民政府：\n一、总体要求\n好。\n",
            "平江县人民政府关于印发某某管理办法（试行）实施细则的通知",
            Some("平江县人民政府"),
            None,
        ),
        (
            "关于进一步完善稳增长政策措施\n的通知\n\n各区人民政府：\n一、总体要求\n好。\n",
            "关于进一步完善稳增长政策措施的通知",
            None,
            None,
        ),
        // A year and a month over a title without a year are its time.
        (
            "2024年3月\n全县经济运行情况分析报告\n一、总体情况\n好。\n",
            "2024年3月全县经济运行情况分析报告",
            None,
            Some(2024),
        ),
        // A year and a month over the title date the page, not the report.
        (
            "杭州市\n2024年3月\n杭州市2023年法治政府建设年度报告\n\n一、主要举措和成效\n好。\n",
            "杭州市2023年法治政府建设年度报告",
            None,
            Some(2023),
        ),
    ] {
        let r = parse_report(&lines(text), "file-name");
        assert_eq!(r.title, title);
        assert_eq!(r.org.as_deref(), org, "{title}");
        assert_eq!(r.year, year, "{title}");
    }
    // A number without its issuer's prefix is no line of the title, and a masthead's place
    // over a 关于 title is no part of it.
    let r = parse_report(
        &lines("深圳市\n〔2023〕12号\n\n深圳市人民政府关于加快发展新型储能产业的实施意见\n\n一、总体要求\n好。\n"),
        "j14",
    );
    assert!(!r.title.contains("〔2023〕"), "{}", r.title);
    let r = parse_report(
        &lines("城区\n关于加强城市管理的若干措施\n一、总体要求\n好。\n"),
        "m",
    );
    assert_eq!(r.title, "关于加强城市管理的若干措施");
    // A word that ends like a body's name but names none (`内部`, a classification), and a
    // sentence that opens with 关于, are no issuer and no title (trial 26).
    for (text, wrong) in [
        ("内部\n关于印发平江县2024年安全生产检查方案的通知\n一、检查范围\n好。\n二、要求\n认真落实。\n三、时间\n全年。\n", "内部"),
        (
            "杭州市\n人民政府关于进一步加强城市管理工作的实施意见已经市政府同意\n现印发给你们，请认真贯彻执行。\n一、总体要求\n好。\n",
            "已经",
        ),
        ("深圳市\n关于推进城市更新工作，市政府高度重视\n一、总体要求\n好。\n", "重视"),
    ] {
        let r = parse_report(&lines(text), "m");
        assert!(!r.title.contains(wrong), "{}", r.title);
        assert!(!r.org.as_deref().unwrap_or_default().contains(wrong), "{:?}", r.org);
    }
}

/// A portal's page copied to text: the site's name, a breadcrumb from the home page and a dated
/// source line over the title (trial 24 glued all three into it; trial 25 the dated source).
#[test]
fn a_portal_page_keeps_its_site_name_breadcrumb_and_source_out_of_the_title() {
    let r = parse_report(
        &lines(
            "杭州市人民政府门户网站\n首页 > 政务公开 > 法治政府建设\n杭州市司法局2023年法治政府建设年度报告\n发布日期：2024-01-30　来源：市司法局　浏览次数：1024\n\n2023年，市司法局深入学习贯彻习近平法治思想。\n一、主要举措和成效\n好。\n",
        ),
        "u02",
    );
    assert_eq!(r.title, "杭州市司法局2023年法治政府建设年度报告");
    assert_eq!(r.org.as_deref(), Some("杭州市司法局"));
    assert_eq!(r.year, Some(2023));
    let r = parse_report(
        &lines(
            "首页 > 政务公开 > 通知公告\n\n2023-05-12 来源：某某市人力资源和社会保障局\n\n关于做好2023年度高校毕业生就业创业工作的通知\n\n各区人力资源和社会保障局：\n一、总体要求\n好。\n",
        ),
        "b23",
    );
    assert_eq!(r.title, "关于做好2023年度高校毕业生就业创业工作的通知");
    // In the text, such a path is report text (trial 26).
    let r = parse_report(
        &lines("某某县政务服务中心2023年工作总结\n一、网上办理路径\n首页 > 办事服务 > 法人办事 > 企业开办\n二、下一步\n好。\n"),
        "path",
    );
    assert!(
        r.sections[1].text.contains("企业开办"),
        "{:?}",
        r.sections[1].text
    );
    // A site's name that begins the title is part of it.
    let r = parse_report(
        &lines("湖南省政务服务网\n使用指南\n一、注册登录\n好。\n"),
        "r7d",
    );
    assert_eq!(r.title, "湖南省政务服务网使用指南");
}

/// Mastheads printed spaced out or broken after the place, a title closed by a note in
/// brackets, and an order's name under its place (trials 24 and 25: the file's name, or the
/// place glued onto another body's title, stood in).
#[test]
fn a_masthead_spaced_or_broken_after_its_place_and_a_title_closed_by_a_note() {
    for (text, title, org) in [
        (
            "深 圳 市\n深府〔2023〕12号\n\n深圳市人民政府关于加快发展新型储能产业的实施意见\n\n一、总体要求\n好。\n",
            "深圳市人民政府关于加快发展新型储能产业的实施意见",
            Some("深圳市人民政府"),
        ),
        (
            "深　圳　市\n国务院关于加快发展新型储能产业的实施意见\n\n一、总体要求\n好。\n",
            "国务院关于加快发展新型储能产业的实施意见",
            Some("国务院"),
        ),
        (
            "广州市\n发展和改革委员会\n\n穗发改〔2023〕88号\n\n广州市发展和改革委员会关于印发广州市促进消费若干措施的通知\n\n各区发展改革局：\n一、总体要求\n好。\n",
            "广州市发展和改革委员会关于印发广州市促进消费若干措施的通知",
            Some("广州市发展和改革委员会"),
        ),
        (
            "上海市\n城市总体规划（2017—2035年）\n\n第一章　总则\n好。\n",
            "上海市城市总体规划（2017—2035年）",
            None,
        ),
        (
            "北京市\n人民政府令\n第300号\n\n《北京市禁止违法建设若干规定》已经市人民政府常务会议审议通过，现予公布。\n\n北京市禁止违法建设若干规定\n\n第一条　为了禁止违法建设，制定本规定。\n",
            "北京市禁止违法建设若干规定",
            Some("北京市人民政府"),
        ),
    ] {
        let r = parse_report(&lines(text), "file-name");
        assert_eq!(r.title, title);
        assert_eq!(r.org.as_deref(), org, "{title}");
    }
    // Under a province's bare name, an order that names it titles the file by what it promulgates.
    let r = parse_report(
        &lines("北京\n北京市人民政府令\n第300号\n\n《北京市禁止违法建设若干规定》已经市人民政府常务会议审议通过，现予公布。\n\n北京市禁止违法建设若干规定\n\n第一条　为了禁止违法建设，制定本规定。\n"),
        "r11h",
    );
    assert_eq!(r.title, "北京市禁止违法建设若干规定");
    // A national body's announcement under a place's masthead is no body of the place.
    let r = parse_report(
        &lines("上海市\n中华人民共和国海关总署公告2023年第10号\n\n为进一步促进跨境贸易便利化，现就有关事项公告如下：\n一、适用范围\n好。\n"),
        "b19",
    );
    assert_eq!(r.org.as_deref(), Some("海关总署"));
}

/// A cover that spaces out its place and its title (`北　京　市` / `政　府　工　作　报　告`), and
/// a column's name or a motto over a 关于 title (trial 26: the title read 北京市, or the column's
/// name was glued on and read as the issuer), while a body's name there stays the title's issuer.
#[test]
fn a_spaced_cover_and_a_column_over_a_title() {
    let r = parse_report(
        &lines("北　京　市\n政　府　工　作　报　告\n——2024年1月21日在北京市第十六届人民代表大会第二次会议上\n北京市市长　殷勇\n各位代表：\n现在，我代表市人民政府，向大会报告工作。\n一、2023年工作回顾\n好。\n"),
        "r5c",
    );
    assert_eq!(r.title, "北京市政府工作报告");
    assert_eq!(r.org.as_deref(), Some("北京市人民政府"));
    for (column, org) in [
        ("督查督办", Some("某某市人民政府办公室")),
        ("坚持以人民为中心", Some("某某市人民政府办公室")),
        ("全面深化改革", Some("某某市人民政府办公室")),
    ] {
        let text = format!("{column}\n关于开展2024年度法治政府建设督察的通知\n各区人民政府：\n为推进法治政府建设，现就有关事项通知如下。\n一、督察内容\n法律顾问制度落实情况。\n某某市人民政府办公室\n2024年3月5日\n");
        let r = parse_report(&lines(&text), "column");
        assert_eq!(
            r.title, "关于开展2024年度法治政府建设督察的通知",
            "{column}"
        );
        assert_eq!(r.org.as_deref(), org, "{column}");
    }
    // By words of two, or as Markdown headings.
    for cover in [
        "南京市\n政府　工作　报告\n",
        "# 北　京　市\n\n# 政　府　工　作　报　告\n\n",
    ] {
        let text = format!("{cover}——2024年1月21日在市第十六届人民代表大会第二次会议上\n各位代表：\n现在，我代表市人民政府，向大会报告工作。\n一、2023年工作回顾\n好。\n");
        let r = parse_report(&lines(&text), "cover");
        assert!(
            r.title.ends_with("市政府工作报告"),
            "{cover:?}: {}",
            r.title
        );
        assert!(!r.title.contains(['　', ' ']), "{cover:?}: {}", r.title);
    }
    // A yearbook's cover (trial 28: the title was the place alone).
    let r = parse_report(
        &lines("宁　波　市\n\n统　计　年　鉴\n\n宁波市统计局　国家统计局宁波调查队　编\n\n编者说明\n一、本年鉴收录了全市的统计数据。\n"),
        "d03",
    );
    assert_eq!(r.title, "宁波市统计年鉴");
    // A motto between the place and a title that names the place again (trial 27).
    let r = parse_report(
        &lines("宁　波　市\n奋　进　新　征　程　　建　功　新　时　代\n宁波市人民政府关于2023年度法治政府建设情况的报告\n一、主要举措\n好。\n"),
        "s11",
    );
    assert_eq!(r.title, "宁波市人民政府关于2023年度法治政府建设情况的报告");
    assert_eq!(r.org.as_deref(), Some("宁波市人民政府"));
    for motto in ["接诉即办", "中国式现代化", "砥砺奋进"] {
        let text = format!("{motto}\n关于深入推进县域经济高质量发展的意见\n各乡镇人民政府：\n现提出如下意见。\n一、总体要求\n好。\n");
        let r = parse_report(&lines(&text), "motto");
        assert_eq!(r.title, "关于深入推进县域经济高质量发展的意见", "{motto}");
    }
    // Bodies by every kind of ending stay the title's issuer, three characters long too
    // (trial 27: 三市镇 and 市科协 had given the file's name).
    for body in [
        "中国人民银行",
        "中国证监会",
        "共青团中央",
        "北京大学",
        "某某集团有限公司",
        "国家发展改革委",
        "朝阳门街道",
        "县委党史研究室",
        "市委组织部干部科",
        "三市镇",
        "板桥村",
        "市科协",
        "县妇联",
        "县第一中学",
        "赤山监狱",
        "省防指",
    ] {
        let text = format!(
            "{body}\n关于印发改革方案的通知\n各单位：\n现通知如下。\n一、总体要求\n内容。\n"
        );
        let r = parse_report(&lines(&text), "body");
        assert_eq!(r.title, format!("{body}关于印发改革方案的通知"));
    }
}

/// An order under its place's name is numbered as it is cited, with the place, also when the
/// number is spaced out; a national body's order under a place is not (trial 26: the number
/// read 人民政府令第300号, or was lost).
#[test]
fn an_order_under_its_place_is_numbered_with_the_place() {
    let order = |head: &str| {
        let text = format!("{head}\n《北京市禁止违法建设若干规定》已经市人民政府常务会议审议通过，现予公布。\n市长　殷勇\n2023年10月20日\n\n北京市禁止违法建设若干规定\n\n第一条　为了禁止违法建设，制定本规定。\n");
        parse_report(&lines(&text), "order").doc_number
    };
    assert_eq!(
        order("北京市\n人民政府令\n第300号").as_deref(),
        Some("北京市人民政府令第300号")
    );
    assert_eq!(
        order("广东省\n人民政府令\n第 300 号").as_deref(),
        Some("广东省人民政府令第300号")
    );
    assert_eq!(
        order("杭州市\n公安局令\n第5号").as_deref(),
        Some("杭州市公安局令第5号")
    );
    assert_eq!(
        order("北京市\n北京市人民政府令\n第300号").as_deref(),
        Some("北京市人民政府令第300号")
    );
    assert_eq!(
        order("北京市\n国家市场监督管理总局令\n第77号").as_deref(),
        Some("国家市场监督管理总局令第77号")
    );
    // Under the page's date, the order still names its issuer and what it promulgates.
    let r = parse_report(
        &lines("2024年5月1日\n\n北京市\n\n人民政府令\n\n第 302 号\n\n《北京市献血条例实施办法》已经市政府常务会议审议通过，现予公布。\n\n市长　殷勇\n\n北京市献血条例实施办法\n\n第一条　为了实施献血条例，制定本办法。\n"),
        "d24",
    );
    assert_eq!(r.title, "北京市献血条例实施办法");
    assert_eq!(r.org.as_deref(), Some("北京市人民政府"));
    assert_eq!(r.doc_number.as_deref(), Some("北京市人民政府令第302号"));
    // A court's announcement titled by the interpretation it publishes, whose issuer stands on
    // the line above its 关于 (trial 28: 最高人民法院 was lost).
    let r = parse_report(
        &lines("中华人民共和国最高人民法院公告\n\n《最高人民法院关于审理垄断民事纠纷案件适用法律若干问题的解释》已于2024年2月4日由最高人民法院审判委员会第1915次会议通过，现予公布，自2024年7月1日起施行。\n\n最高人民法院\n2024年6月24日\n\n法释〔2024〕6号\n\n最高人民法院\n关于审理垄断民事纠纷案件适用法律若干问题的解释\n\n（2024年2月4日最高人民法院审判委员会第1915次会议通过）\n\n一、程序规定\n第一条　本解释所称垄断民事纠纷案件，是指民事诉讼案件。\n"),
        "f01",
    );
    assert_eq!(
        r.title,
        "最高人民法院关于审理垄断民事纠纷案件适用法律若干问题的解释"
    );
    assert_eq!(r.doc_number.as_deref(), Some("法释〔2024〕6号"));
    // An announcement set over its own title is titled by that, numbered by its name.
    for (head, number) in [
        (
            "郑州市\n人民政府通告\n〔2024〕第5号",
            "郑州市人民政府通告〔2024〕第5号",
        ),
        (
            "郑州市人民政府通告\n〔2024〕第5号",
            "郑州市人民政府通告〔2024〕第5号",
        ),
        // A document number (trial 29).
        ("郑州市人民政府通告\n郑政通〔2024〕5号", "郑政通〔2024〕5号"),
    ] {
        let text = format!("{head}\n\n郑州市人民政府关于禁止燃放烟花爆竹的通告\n\n为保障公共安全，现就有关事项通告如下：\n一、禁放区域\n好。\n郑州市人民政府\n2024年1月10日\n");
        let r = parse_report(&lines(&text), "o13");
        assert_eq!(
            r.title, "郑州市人民政府关于禁止燃放烟花爆竹的通告",
            "{head:?}"
        );
        assert_eq!(r.doc_number.as_deref(), Some(number));
    }
}

/// A year and month over a title is the page's date, not the title's opening, where the
/// title holds its own year or is a year's report, also over a place's name over it; over a
/// month's report it is the title's own time (trial 26: 2024年3月 read as the title).
#[test]
fn a_month_over_a_title_dates_the_page_unless_the_title_is_the_months() {
    let body = "\n一、基本情况\n2023年，我们认真贯彻落实上级决策部署。\n二、主要做法\n好。\n";
    for (head, title, date, year) in [
        (
            "2024年1月\n平江县法治政府建设年度报告",
            "平江县法治政府建设年度报告",
            Some("2024年1月"),
            Some(2024),
        ),
        (
            "2024年3月\n平江县\n2023年法治政府建设年度报告",
            "平江县2023年法治政府建设年度报告",
            Some("2024年3月"),
            Some(2023),
        ),
        (
            "2024年3月\n平江县2023年法治政府建设年度报告",
            "平江县2023年法治政府建设年度报告",
            Some("2024年3月"),
            Some(2023),
        ),
        (
            "2024年3月\n全县经济运行情况分析报告",
            "2024年3月全县经济运行情况分析报告",
            None,
            Some(2024),
        ),
        // A month never begins a 关于 title (trial 27), and a quarter's analysis is titled by it.
        (
            "2024年7月\n关于全县防汛救灾工作情况的专项报告",
            "关于全县防汛救灾工作情况的专项报告",
            Some("2024年7月"),
            Some(2024),
        ),
        (
            "2024年第一季度\n全市经济形势分析",
            "2024年第一季度全市经济形势分析",
            None,
            Some(2024),
        ),
        // Spaced out, in Chinese numerals, over a place and a title without a year.
        (
            "2024 年 1 月\n2023年度政府信息公开工作年度报告",
            "2023年度政府信息公开工作年度报告",
            Some("2024年1月"),
            Some(2023),
        ),
        (
            "二〇二四年一月\n2023年度部门决算",
            "2023年度部门决算",
            Some("二〇二四年一月"),
            Some(2023),
        ),
        (
            "2024年1月\n平江县\n政府工作报告",
            "平江县政府工作报告",
            Some("2024年1月"),
            Some(2024),
        ),
        // Or over a body's name over its 关于 title (trial 28; trial 24's full date had given
        // the file's name).
        (
            "2024年3月\n平江县人民政府\n关于2023年度县级预算执行和其他财政收支的审计工作报告",
            "平江县人民政府关于2023年度县级预算执行和其他财政收支的审计工作报告",
            Some("2024年3月"),
            Some(2023),
        ),
        (
            "2023年12月1日\n国务院办公厅\n关于加快发展新型储能产业的实施意见",
            "国务院办公厅关于加快发展新型储能产业的实施意见",
            Some("2023年12月1日"),
            Some(2023),
        ),
        // A range of months opens a title too (trial 28: the title was the range alone).
        (
            "2024年1—2月\n全县经济运行简况",
            "2024年1—2月全县经济运行简况",
            None,
            Some(2024),
        ),
    ] {
        let r = parse_report(&lines(&format!("{head}{body}")), "month");
        assert_eq!(r.title, title);
        assert_eq!(r.date.as_deref(), date, "{title}");
        assert_eq!(r.year, year, "{title}");
    }
}

/// What the rules of reading 23 must not take (trial 28): a correction's quoted title, a list
/// of abolished notices, a part or a table's name under a whole title, a table's spaced header
/// under a place; and marks, bulletins and causes over a 关于 title are no issuers.
#[test]
fn reading_23_leaves_quoted_titles_parts_and_tables_alone() {
    let r = parse_report(
        &lines("平江县公共资源交易中心更正公告\n原公告名称：\n关于平江县城区道路提质改造工程施工招标的公告\n原公告发布时间：2024年3月1日\n更正内容：开标时间顺延。\n平江县公共资源交易中心\n2024年3月15日\n"),
        "f05",
    );
    assert_eq!(r.title, "平江县公共资源交易中心更正公告");
    let r = parse_report(
        &lines("平江县人民政府公告\n经县人民政府同意，决定废止下列规范性文件：\n关于加强城区犬只管理的通告\n关于城区禁止燃放烟花爆竹的通告\n平江县人民政府\n2024年6月20日\n"),
        "f06",
    );
    assert_eq!(r.title, "平江县人民政府公告");
    for (text, title) in [
        (
            "平江县发展和改革局关于2024年一季度经济运行情况的报告\n一季度经济运行分析\n一季度，全县地区生产总值增长5.8%。\n一、主要指标\n好。\n",
            "平江县发展和改革局关于2024年一季度经济运行情况的报告",
        ),
        (
            "平江县农业农村局2024年部门预算公开说明\n2024年部门预算\n一、部门基本情况\n好。\n",
            "平江县农业农村局2024年部门预算公开说明",
        ),
        (
            "株洲市\n经济　形势　分析\n一、总体形势\n好。\n",
            "株洲市经济形势分析",
        ),
    ] {
        assert_eq!(parse_report(&lines(text), "part").title, title);
    }
    let r = parse_report(
        &lines("平江县\n科目　名称　年初　预算　调整　预算\n一般公共服务支出　32150　33420\n"),
        "c03",
    );
    assert_eq!(r.title, "c03", "a table's header is no title");
    for mark in ["特急", "信息专报", "平安建设"] {
        let text = format!("{mark}\n关于切实做好强降雨防范应对工作的紧急通知\n各乡镇人民政府：\n现通知如下。\n一、总体要求\n好。\n");
        let r = parse_report(&lines(&text), "mark");
        assert_eq!(
            r.title, "关于切实做好强降雨防范应对工作的紧急通知",
            "{mark}"
        );
    }
}

/// Trial 29: names that open with a motto's verb stay issuers, an issuer named without its
/// place is named in full by the signature, an announcement that says `公布如下：` publishes the
/// title after it, and joint issuers stacked over a published interpretation are both named.
#[test]
fn reading_23_keeps_names_and_published_titles() {
    for name in ["奋进小学", "建设路小学", "学习强国湖南学习平台"] {
        let text = format!("{name}\n关于2024年寒假放假安排的通知\n各位家长：\n现将有关事项通知如下。\n一、放假时间\n好。\n");
        let r = parse_report(&lines(&text), "name");
        assert_eq!(r.title, format!("{name}关于2024年寒假放假安排的通知"));
    }
    for mark in ["特急件", "内部资料"] {
        let text = format!("{mark}\n关于2024年上半年全县信访形势的通报\n各乡镇：\n现通报如下。\n一、总体情况\n好。\n平江县信访局\n2024年7月10日\n");
        let r = parse_report(&lines(&text), "mark");
        assert_eq!(r.title, "关于2024年上半年全县信访形势的通报", "{mark}");
    }
    let r = parse_report(
        &lines("建设局\n关于开展2024年建筑施工安全生产大检查的通知\n各施工企业：\n现通知如下。\n一、检查范围\n好。\n平江县住房和城乡建设局\n2024年4月1日\n"),
        "a02",
    );
    assert_eq!(r.title, "建设局关于开展2024年建筑施工安全生产大检查的通知");
    assert_eq!(r.org.as_deref(), Some("平江县住房和城乡建设局"));
    let r = parse_report(
        &lines("最高人民法院公告\n法释〔2024〕11号\n根据审判工作需要，现将《最高人民法院关于审理人身损害赔偿案件适用法律若干问题的解释》公布如下：\n最高人民法院\n关于审理人身损害赔偿案件适用法律若干问题的解释\n第一条　因生命、身体、健康遭受侵害，赔偿权利人起诉请求赔偿的，人民法院应予受理。\n"),
        "c10",
    );
    assert_eq!(
        r.title,
        "最高人民法院关于审理人身损害赔偿案件适用法律若干问题的解释"
    );
    let r = parse_report(
        &lines("最高人民法院　最高人民检察院公告\n法释〔2024〕10号\n最高人民法院\n最高人民检察院\n关于办理拒不执行判决、裁定刑事案件适用法律若干问题的解释\n第一条　被执行人拒不执行判决、裁定的，依法追究刑事责任。\n"),
        "b05",
    );
    assert_eq!(
        r.title,
        "最高人民法院　最高人民检察院关于办理拒不执行判决、裁定刑事案件适用法律若干问题的解释"
    );
}
