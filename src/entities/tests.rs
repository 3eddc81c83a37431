use super::*;
use crate::{segment, structure};

pub(super) fn run(text: &str) -> Entities {
    let view = crate::view::View::new(text.to_string());
    let doc = structure::parse(&view.text);
    let tokens = segment::tokenize(&view.text, &doc.paragraphs);
    find(&view.text, &tokens, &view.spans())
}

fn people(e: &Entities) -> Vec<(&str, Option<&str>, usize)> {
    e.people.iter().map(|p| (p.name.as_str(), p.role.as_deref(), p.count)).collect()
}

#[test]
fn people_with_roles() {
    let e = run("学习习近平总书记重要讲话精神。清河市政协主席杨光在会上讲话。东丰县农业局副局长王海峰对记者说，很好。委员王晓南、张晓晓、姜浩和副主席钟广和和委员们座谈。政协委员来自各行各业。杨光表示感谢。");
    let got = people(&e);
    assert!(got.contains(&("杨光", Some("清河市政协主席"), 2)), "{got:?}");
    assert!(got.contains(&("习近平", Some("总书记"), 1)), "{got:?}");
    assert!(got.contains(&("王海峰", Some("东丰县农业局副局长"), 1)), "{got:?}");
    for n in ["王晓南", "张晓晓", "姜浩", "钟广和"] {
        assert!(got.iter().any(|g| g.0 == n), "{n} in {got:?}");
    }
    assert!(!got.iter().any(|g| g.0.starts_with("来自")), "{got:?}");
}

#[test]
fn places_documents_meetings_organizations() {
    let e = run("辽源市政协在东丰县调研，吉林省和辽源的同志参加。提出《关于促进梅花鹿产业发展的建议》，编印《政策要点汇总》，在《人民政协报》刊登。召开双月协商座谈会和专题议政性常委会会议，邀请市工信局、长春中医药大学和民盟市委参加。");
    let places: Vec<(&str, usize)> = e.places.iter().map(|p| (p.name.as_str(), p.count)).collect();
    assert!(
        places.contains(&("辽源市", 2)) && places.contains(&("东丰县", 1)) && places.contains(&("吉林省", 1)),
        "{places:?}"
    );
    let docs: Vec<(&str, &str)> = e.documents.iter().map(|d| (d.title.as_str(), d.kind.as_str())).collect();
    assert_eq!(docs, vec![("关于促进梅花鹿产业发展的建议", "建议"), ("政策要点汇总", "资料"), ("人民政协报", "报刊")]);
    let meetings: Vec<&str> = e.meetings.iter().map(|m| m.name.as_str()).collect();
    assert!(meetings.contains(&"双月协商座谈会") && meetings.contains(&"专题议政性常委会会议"), "{meetings:?}");
    let orgs: Vec<&str> = e.organizations.iter().map(|o| o.name.as_str()).collect();
    for o in ["市工信局", "长春中医药大学", "民盟"] {
        assert!(orgs.iter().any(|x| x.contains(o)), "{o} in {orgs:?}");
    }
}

#[test]
fn a_short_form_cut_out_of_the_reports_own_place_is_no_place() {
    // 乐川市 is not in the gazetteer; 新乐 (新乐市) is, and jieba may cut 新乐|川
    let e = run("乐川市政协召开全体会议。为建设现代化新乐川作出新的更大贡献。");
    assert!(e.places.iter().all(|p| p.name != "新乐市"), "{:?}", e.places);
    // the same short form where it stands alone is still read
    let e = run("河北省政协赴新乐调研。");
    assert!(e.places.iter().any(|p| p.name == "新乐市"), "{:?}", e.places);
}
