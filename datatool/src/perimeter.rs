//! What a card says about a perimeter taken from the commune table: the 2020 intercommunalities
//! it is made of (with their number of communes), and what changed in codes since 2020 (merged
//! communes, intercommunalities split or left). Works on INSEE codes and SIRENs only.

use crate::official::OfficialRow;
use crate::sources::Sources;
use crate::text::{Lang, Text};
use std::collections::{BTreeMap, BTreeSet};

/// A 2020 intercommunality of a territory.
#[derive(Debug, Clone, PartialEq)]
pub struct Epci2020 {
    /// SIREN in 2020.
    pub siren: String,
    /// Name in 2020.
    pub name: String,
    /// Communes of the table in it.
    pub communes: usize,
    /// Communes it had in 2020.
    pub members: usize,
}

/// The perimeter facts of one territory.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// 2020 intercommunalities, largest first, then by SIREN.
    pub epci: Vec<Epci2020>,
    /// What changed in codes since 2020, a clause each, in French and English.
    pub changes: Vec<Text>,
    /// English diagnostics for build-report.md.
    pub report: Vec<String>,
}

/// Current commune code of a 2020 code.
fn current<'a>(src: &'a Sources, code: &'a str) -> &'a str {
    src.former_codes.get(code).map_or(code, String::as_str)
}

fn name_list(items: &[String], lang: Lang) -> String {
    let and = match lang {
        Lang::Fr => "et",
        Lang::En => "and",
    };
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

/// "3 communes", "3 municipalities" ("1,024 municipalities": English groups thousands with a
/// comma; the French is written as it always was).
fn communes(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{n} communes"),
        Lang::En => format!("{} municipalit{}", number(n, lang), if n == 1 { "y" } else { "ies" }),
    }
}

/// A count as each language writes it: "3251" in French as before, "3,251" in English.
fn number(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Fr => n.to_string(),
        Lang::En => {
            let digits = n.to_string();
            let mut out = String::new();
            for (i, d) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i).is_multiple_of(3) {
                    out.push(',');
                }
                out.push(d);
            }
            out
        }
    }
}

/// Facts of the territory `id` made of `rows`; `in_territory` tells, for a 2020 commune code,
/// whether the table puts it in this territory.
pub fn facts(src: &Sources, id: &str, rows: &[OfficialRow], in_territory: impl Fn(&str) -> bool) -> Facts {
    let mut f = Facts::default();
    let epci_2020_of: BTreeMap<&str, &str> =
        src.epcis_2020.iter().flat_map(|(s, e)| e.members.iter().map(move |c| (c.as_str(), s.as_str()))).collect();
    let epci_now_of: BTreeMap<&str, &str> =
        src.epcis.iter().flat_map(|(s, e)| e.members.iter().map(move |c| (c.as_str(), s.as_str()))).collect();

    // 2020 intercommunalities, and where their communes are now
    let mut by_epci: BTreeMap<&str, Vec<&OfficialRow>> = BTreeMap::new();
    for r in rows {
        match epci_2020_of.get(r.insee_com.as_str()) {
            Some(s) => by_epci.entry(s).or_default().push(r),
            None => f.report.push(format!("{id}: table commune {} {} is in no 2020 EPCI", r.insee_com, r.lib_com)),
        }
    }
    for (siren, members) in &by_epci {
        let e = &src.epcis_2020[*siren];
        if members.len() != e.members.len() {
            f.report.push(format!(
                "{id}: 2020 EPCI {siren} {} only in part ({} of {})",
                e.name,
                members.len(),
                e.members.len()
            ));
        }
        f.epci.push(Epci2020 {
            siren: siren.to_string(),
            name: e.name.clone(),
            communes: members.len(),
            members: e.members.len(),
        });
        let mut now: BTreeMap<&str, Vec<&OfficialRow>> = BTreeMap::new();
        for r in members {
            now.entry(epci_now_of.get(current(src, &r.insee_com)).copied().unwrap_or("")).or_default().push(r);
        }
        let moved: Vec<(&str, &Vec<&OfficialRow>)> =
            now.iter().filter(|(s, _)| *s != siren).map(|(s, m)| (*s, m)).collect();
        for (later, rows) in &moved {
            let later_name = src.epcis.get(*later).map_or("aucune intercommunalité", |e| e.name.as_str());
            f.report.push(format!("{id}: {} commune(s) of 2020 EPCI {siren} now in {later} {later_name}", rows.len()));
        }
        if !moved.is_empty() {
            let gone = !src.epcis.contains_key(*siren);
            f.changes.push(Text::build(|lang| {
                let moves: Vec<String> = moved
                    .iter()
                    .enumerate()
                    .map(|(i, (later, rows))| {
                        let none = match lang {
                            Lang::Fr => "aucune intercommunalité",
                            Lang::En => "no intercommunality",
                        };
                        let later_name = src.epcis.get(*later).map_or(none, |e| e.name.as_str());
                        let who = match rows.len() {
                            1..=3 => name_list(
                                &rows.iter().map(|r| format!("{} ({})", r.lib_com, r.insee_com)).collect::<Vec<_>>(),
                                lang,
                            ),
                            n => communes(n, lang),
                        };
                        match (lang, i, rows.len()) {
                            (Lang::Fr, _, _) => format!("{who} dans {later_name} ({later})"),
                            // "Roncourt (57593) has moved to Metz Métropole (…) and 8 municipalities to …"
                            (Lang::En, 0, 1) => format!("{who} has moved to {later_name} ({later})"),
                            (Lang::En, 0, _) => format!("{who} have moved to {later_name} ({later})"),
                            (Lang::En, _, _) => format!("{who} to {later_name} ({later})"),
                        }
                    })
                    .collect();
                let moves = name_list(&moves, lang);
                Some(match (lang, gone) {
                    (Lang::Fr, false) => format!("de {} ({siren}), aujourd'hui {moves}", e.name),
                    (Lang::Fr, true) => format!("de {} ({siren}, qui n'existe plus), aujourd'hui {moves}", e.name),
                    (Lang::En, false) => format!("from {} ({siren}), {moves}", e.name),
                    (Lang::En, true) => format!("from {} ({siren}, which no longer exists), {moves}", e.name),
                })
            }));
        }
    }
    f.epci.sort_by(|a, b| b.communes.cmp(&a.communes).then(a.siren.cmp(&b.siren)));

    // merged communes, and current communes only partly in the territory in 2020
    let mut by_now: BTreeMap<&str, Vec<&OfficialRow>> = BTreeMap::new();
    for r in rows {
        by_now.entry(current(src, &r.insee_com)).or_default().push(r);
    }
    let parts_2020: BTreeSet<&str> = epci_2020_of.keys().copied().collect();
    for (now, olds) in &by_now {
        let now_name = src.current_names.get(*now).map_or("?", String::as_str);
        let merged: Vec<String> =
            olds.iter().filter(|r| r.insee_com != *now).map(|r| format!("{} ({})", r.lib_com, r.insee_com)).collect();
        if !merged.is_empty() {
            let plural = merged.len() > 1;
            f.changes.push(Text::build(|lang| {
                let names = name_list(&merged, lang);
                Some(match (lang, plural) {
                    (Lang::Fr, true) => format!("{names} font aujourd'hui partie de {now_name} ({now})"),
                    (Lang::Fr, false) => format!("{names} fait aujourd'hui partie de {now_name} ({now})"),
                    (Lang::En, true) => format!("{names} are now part of {now_name} ({now})"),
                    (Lang::En, false) => format!("{names} is now part of {now_name} ({now})"),
                })
            }));
        }
        let outside: Vec<String> = parts_2020
            .iter()
            .filter(|c| current(src, c) == *now && !in_territory(c))
            .map(|c| format!("{} ({c})", src.names_2020.get(*c).map_or("?", String::as_str)))
            .collect();
        if !outside.is_empty() {
            f.changes.push(Text::build(|lang| Some(match lang {
                Lang::Fr => format!(
                    "{now_name} ({now}) réunit aussi {}, hors du territoire en 2020 : le tracé, la surface et la population comptent la commune entière",
                    name_list(&outside, lang)
                ),
                Lang::En => format!(
                    "{now_name} ({now}) also includes {}, outside the territory in 2020: the outline, area and population count the whole municipality",
                    name_list(&outside, lang)
                ),
            })));
            f.report.push(format!(
                "{id}: current commune {now} {now_name} also holds 2020 commune(s) {} outside the territory; drawn whole",
                outside.join(", ")
            ));
        }
    }
    f
}

/// The card's perimeter note: where the table comes from, the 2020 communes and
/// intercommunalities, what changed since, then the composition's own note (doubt, remarks); in
/// English too when `described_as` and `own` have it.
pub fn note(described_as: &Text, count: usize, f: &Facts, own: &Text) -> Text {
    Text::build(|lang| {
        let (described_as, own) = (described_as.get(lang)?, own.get(lang)?);
        let changes: Vec<&str> = f.changes.iter().map(|c| c.get(lang)).collect::<Option<_>>()?;
        let mut s = sentences(lang, described_as, count, f, &changes);
        if !own.trim().is_empty() {
            s.push(' ');
            s.push_str(own.trim());
        }
        Some(s)
    })
}

/// The generated sentences of the note, in `lang`.
fn sentences(lang: Lang, described_as: &str, count: usize, f: &Facts, changes: &[&str]) -> String {
    let whole = f.epci.iter().all(|e| e.communes == e.members);
    let epcis: Vec<String> = f
        .epci
        .iter()
        .map(|e| match (lang, e.communes == e.members) {
            (_, true) => format!("{} ({})", e.name, communes(e.communes, lang)),
            (Lang::Fr, false) => format!("{} ({} communes sur {})", e.name, e.communes, e.members),
            (Lang::En, false) => {
                format!("{} ({} of its {})", e.name, number(e.communes, lang), communes(e.members, lang))
            }
        })
        .collect();
    let (n, list) = (f.epci.len(), name_list(&epcis, lang));
    match lang {
        Lang::Fr => {
            let kind = match (n > 1, whole) {
                (true, true) => "intercommunalités entières",
                (true, false) => "intercommunalités",
                (false, true) => "intercommunalité entière",
                (false, false) => "intercommunalité",
            };
            let since = match changes.is_empty() {
                true => "Aucun changement de code depuis 2020 pour ces communes.".to_string(),
                false => format!("Depuis 2020 : {}.", changes.join(" ; ")),
            };
            format!("Périmètre tiré de {described_as}. En 2020 : {count} communes, soit {n} {kind} de 2020 : {list}. {since}")
        }
        Lang::En => {
            let kind = match (n > 1, whole) {
                (true, true) => "whole intercommunalities as they stood",
                (true, false) => "intercommunalities as they stood",
                (false, true) => "whole intercommunality as it stood",
                (false, false) => "intercommunality as it stood",
            };
            let since = match changes.is_empty() {
                true => "No code of these municipalities has changed since 2020.".to_string(),
                false => format!("Since 2020: {}.", changes.join("; ")),
            };
            let (count, n) = (communes(count, lang), number(n, lang));
            format!(
                "Perimeter taken from {described_as}. In 2020: {count}, making up {n} {kind} in 2020: {list}. {since}"
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::Epci;

    fn row(code: &str, name: &str) -> OfficialRow {
        OfficialRow { insee_com: code.into(), lib_com: name.into(), id_ti: "T".into(), lib_ti: "T".into() }
    }

    #[test]
    fn lists_epcis_merges_moves_and_partial_communes() {
        let mut src = Sources::default();
        let epci = |m: &[&str]| Epci { name: String::new(), members: m.iter().map(|s| s.to_string()).collect() };
        src.epcis_2020.insert("1".into(), Epci { name: "CC Une".into(), ..epci(&["01001", "01002", "01003"]) });
        src.epcis_2020.insert("2".into(), Epci { name: "CC Deux".into(), ..epci(&["01009"]) });
        src.epcis.insert("1".into(), Epci { name: "CC Une".into(), ..epci(&["01001", "01009"]) });
        src.epcis.insert("3".into(), Epci { name: "CA Trois".into(), ..epci(&["01003"]) });
        src.former_codes.insert("01002".into(), "01001".into());
        src.former_codes.insert("01009".into(), "01001".into());
        src.current_names.insert("01001".into(), "Nouvelle".into());
        src.current_names.insert("01003".into(), "Trois".into());
        src.names_2020.insert("01009".into(), "Neuf".into());
        let rows = [row("01001", "Un"), row("01002", "Deux"), row("01003", "Trois")];
        let f = facts(&src, "t", &rows, |c| c != "01009");
        assert_eq!(f.epci, vec![Epci2020 { siren: "1".into(), name: "CC Une".into(), communes: 3, members: 3 }]);
        assert!(
            f.changes.contains(&Text::both(
                "de CC Une (1), aujourd'hui Trois (01003) dans CA Trois (3)",
                "from CC Une (1), Trois (01003) has moved to CA Trois (3)"
            )),
            "{:?}",
            f.changes
        );
        assert!(f.changes.contains(&Text::both(
            "Deux (01002) fait aujourd'hui partie de Nouvelle (01001)",
            "Deux (01002) is now part of Nouvelle (01001)"
        )));
        let whole =
            f.changes.iter().find(|c| c.fr.starts_with("Nouvelle (01001) réunit aussi Neuf (01009), hors")).unwrap();
        assert!(whole.en.as_deref().unwrap().starts_with("Nouvelle (01001) also includes Neuf (01009), outside"));
        assert!(f.report.iter().any(|r| r.contains("Neuf (01009) outside the territory")));
    }

    #[test]
    fn note_names_the_table_the_epcis_and_the_changes() {
        let e = |n: &str, c, m| Epci2020 { siren: "1".into(), name: n.into(), communes: c, members: m };
        let f = Facts { epci: vec![e("CC A", 3, 3), e("CC B", 2, 4)], changes: vec![], report: vec![] };
        let n = note(&Text::both("la table T", "table T"), 5, &f, &Text::both("Doute.", "Doubt."));
        assert_eq!(n.fr, "Périmètre tiré de la table T. En 2020 : 5 communes, soit 2 intercommunalités de 2020 : CC A (3 communes) et CC B (2 communes sur 4). Aucun changement de code depuis 2020 pour ces communes. Doute.");
        assert_eq!(n.en.as_deref(), Some("Perimeter taken from table T. In 2020: 5 municipalities, making up 2 intercommunalities as they stood in 2020: CC A (3 municipalities) and CC B (2 of its 4 municipalities). No code of these municipalities has changed since 2020. Doubt."));
        let f = Facts {
            epci: vec![e("CC A", 3, 3)],
            changes: vec![Text::both("x", "x"), Text::both("y", "y")],
            report: vec![],
        };
        let n = note(&Text::both("T", "T"), 3, &f, &Text::both("", ""));
        assert!(n.fr.ends_with("1 intercommunalité entière de 2020 : CC A (3 communes). Depuis 2020 : x ; y."));
        assert!(n
            .en
            .unwrap()
            .ends_with("1 whole intercommunality as it stood in 2020: CC A (3 municipalities). Since 2020: x; y."));
        let f = Facts { epci: vec![e("CC A", 3, 3)], changes: vec![], report: vec![] };
        assert_eq!(
            note(&Text::both("T", "T"), 3, &f, &Text::fr("Seul.")).en,
            None,
            "no English note without the English of its part"
        );
    }

    /// The English of the generated sentences has English typography: no space before a colon
    /// or a semicolon, no French quotes, thousands grouped with a comma; the French is as before.
    #[test]
    fn english_notes_have_english_typography() {
        let mut src = Sources::default();
        let epci =
            |name: &str, m: &[&str]| Epci { name: name.into(), members: m.iter().map(|s| s.to_string()).collect() };
        // 2020: CC Une (01001-01005), gone since; its communes split between CC Six and CC Sept
        src.epcis_2020.insert("1".into(), epci("CC Une", &["01001", "01002", "01003", "01004", "01005"]));
        src.epcis.insert("6".into(), epci("CC Six", &["01001"]));
        src.epcis.insert("7".into(), epci("CC Sept", &["01002", "01003", "01004", "01005"]));
        let rows: Vec<OfficialRow> =
            ["01001", "01002", "01003", "01004", "01005"].iter().map(|c| row(c, &format!("C{c}"))).collect();
        let f = facts(&src, "t", &rows, |_| true);
        let fr = "de CC Une (1, qui n'existe plus), aujourd'hui C01001 (01001) dans CC Six (6) et 4 communes dans CC Sept (7)";
        let en = "from CC Une (1, which no longer exists), C01001 (01001) has moved to CC Six (6) and 4 municipalities to CC Sept (7)";
        assert_eq!(f.changes, [Text::both(fr, en)]);
        let own = Text::both("Remarque : « x ».", "Remark: “x”.");
        let n = note(&Text::both("la table T", "table T"), 5, &f, &own);
        let en = n.en.unwrap();
        for french in [" :", "\u{a0}:", "\u{202f}:", " ;", "\u{a0};", " !", " ?", "«", "»"] {
            assert!(!en.contains(french), "{french:?} in {en}");
        }
        assert!(en.contains("In 2020: 5 municipalities, making up 1 whole intercommunality as it stood in 2020: CC Une (5 municipalities). Since 2020: from"), "{en}");
        assert!(n.fr.contains(
            "En 2020 : 5 communes, soit 1 intercommunalité entière de 2020 : CC Une (5 communes). Depuis 2020 : de"
        ));

        let e = |c, m| Epci2020 { siren: "1".into(), name: "CA".into(), communes: c, members: m };
        let f = Facts { epci: vec![e(1024, 3251), e(1, 1)], changes: vec![], report: vec![] };
        let n = note(&Text::both("T", "T"), 1025, &f, &Text::both("", ""));
        assert!(n.en.unwrap().contains("In 2020: 1,025 municipalities, making up 2 intercommunalities as they stood in 2020: CA (1,024 of its 3,251 municipalities) and CA (1 municipality)."));
        assert!(n.fr.contains(
            "En 2020 : 1025 communes, soit 2 intercommunalités de 2020 : CA (1024 communes sur 3251) et CA (1 commune"
        ));
    }

    #[test]
    fn english_numbers_group_thousands() {
        let en = |n| number(n, Lang::En);
        assert_eq!([en(0), en(999), en(1000), en(3251), en(1_234_567)], ["0", "999", "1,000", "3,251", "1,234,567"]);
        assert_eq!(number(3251, Lang::Fr), "3251");
    }

    #[test]
    fn reports_partial_epcis_and_communes_without_one() {
        let mut src = Sources::default();
        src.epcis_2020
            .insert("1".into(), Epci { name: "CC Une".into(), members: vec!["01001".into(), "01002".into()] });
        let f = facts(&src, "t", &[row("01001", "Un"), row("01005", "Cinq")], |_| true);
        assert!(f.report.iter().any(|r| r.contains("only in part (1 of 2)")));
        assert!(f.report.iter().any(|r| r.contains("01005 Cinq is in no 2020 EPCI")));
    }
}
