//! The answer to "is my commune in a Territoire d'industrie?": a sentence naming the commune, its
//! postcodes and its territories (or none, by the State's table of October 2020), the territory
//! whose card opens and the point the map marks (projected plane). Former communes are answered
//! under their own name, with the current commune they are part of; a commune whose former
//! communes are not all in the same territories says which part is in which.

use super::{Commune, Index};
use crate::coords::Projected;
use crate::text::search::SearchWords;

/// What the page shows once a commune is chosen.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    pub insee: String,
    pub name: String,
    pub sentence: String,
    /// The territory whose card opens: the commune's first.
    pub territory: Option<String>,
    pub at: Option<Projected>,
}

/// How a commune is named in a sentence or a suggestion: its name and postcodes.
///
/// ```
/// use territoires_map::search::{answer::named, read};
/// let csv = "insee,nom,departement,nom_departement,codes_postaux,territoires,commune_actuelle\n\
///            67482,Strasbourg,67,Bas-Rhin,67000 67100 67200,,\n";
/// assert_eq!(named(&read(csv).unwrap()[0]), "Strasbourg (67000, 67100, 67200)");
/// ```
pub fn named(c: &Commune) -> String {
    format!("{} ({})", c.name, c.postcodes.join(", "))
}

/// The text of a suggestion: name, postcodes, département; a former commune's current one.
pub fn option(index: &Index, c: &Commune, w: &SearchWords) -> String {
    let mut text = format!("{}, {}", named(c), c.dep_name);
    if let Some(now) = c.now.as_deref().and_then(|n| index.position(n)) {
        text += &format!(" — {}", w.former_short.replace("{n}", &index.communes[now].name));
    }
    text
}

/// The answer for commune `i` of `index`.
pub fn answer(index: &Index, i: usize, w: &SearchWords) -> Answer {
    let c = &index.communes[i];
    let mut who = named(c);
    if let Some(now) = c.now.as_deref().and_then(|n| index.position(n)) {
        who += &w.former.replace("{n}", &index.communes[now].name);
    }
    let mut sentence = membership(index, &who, &c.territories, w);
    // The former communes of this one that are not where it is, each said apart.
    let parts = index.communes.iter().filter(|p| p.now.as_deref() == Some(c.insee.as_str()));
    let mut parts: Vec<&Commune> = parts.collect();
    if parts.iter().any(|p| p.territories != c.territories) {
        parts.sort_by_cached_key(|p| crate::scene::sort_key(&p.name));
        for p in parts {
            sentence += " ";
            sentence += &membership(index, &w.part.replace("{c}", &p.name), &p.territories, w);
        }
    }
    Answer {
        insee: c.insee.clone(),
        name: c.name.clone(),
        sentence,
        territory: c.territories.first().cloned(),
        at: c.at,
    }
}

fn membership(index: &Index, who: &str, ids: &[String], w: &SearchWords) -> String {
    let names: Vec<&str> = ids.iter().map(|id| index.territory_name(id)).collect();
    let (template, t) = match names.as_slice() {
        [] => (w.in_none, String::new()),
        [one] => (w.in_one, one.to_string()),
        [rest @ .., last] => (w.in_many, format!("{}{}{last}", rest.join(", "), w.and)),
    };
    template.replace("{c}", who).replace("{t}", &t)
}

#[cfg(test)]
mod tests {
    use super::super::{index, read};
    use super::*;
    use crate::text::search::{EN, FR};

    const LIST: &str = "insee,nom,departement,nom_departement,codes_postaux,territoires,commune_actuelle\n\
        88413,Saint-Dié-des-Vosges,88,Vosges,88100,vosges,\n\
        88321,Neufchâteau,88,Vosges,88300,vosges,\n\
        88393,Rollainville,88,Vosges,88300,vosges,88321\n\
        55001,Mêlée,55,Meuse,55000,sud-meuse,\n\
        55002,Haut,55,Meuse,55000,sud-meuse,55001\n\
        55003,Bas,55,Meuse,55000,,55001\n\
        57618,Saint-Louis,57,Moselle,57820,,\n\
        10001,Deux,10,Aube,10000,a b,\n";

    fn index() -> Index {
        let names = [("vosges", "Vosges"), ("sud-meuse", "Sud Meusien"), ("a", "Aa"), ("b", "Bb")];
        let territories = names.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
        Index { communes: read(LIST).unwrap(), territories }
    }

    fn said(code: &str, w: &SearchWords) -> Answer {
        let x = index();
        answer(&x, x.position(code).unwrap(), w)
    }

    #[test]
    fn a_commune_in_a_territory_in_none_or_in_two() {
        let a = said("88413", &FR);
        assert_eq!(a.sentence, "Saint-Dié-des-Vosges (88100) fait partie du territoire Vosges.");
        assert_eq!(a.territory.as_deref(), Some("vosges"));
        assert_eq!(
            said("57618", &FR).sentence,
            "Saint-Louis (57820) ne fait partie d'aucun Territoire d'industrie d'après la table de l'État d'octobre 2020."
        );
        assert_eq!(said("57618", &FR).territory, None);
        assert_eq!(said("10001", &EN).sentence, "Deux (10000) is in the territories Aa and Bb.");
    }

    #[test]
    fn a_former_commune_names_the_current_one_and_parts_apart_are_said() {
        assert_eq!(
            said("88393", &FR).sentence,
            "Rollainville (88300), ancienne commune aujourd'hui partie de Neufchâteau, fait partie du territoire Vosges."
        );
        assert_eq!(said("88321", &FR).sentence, "Neufchâteau (88300) fait partie du territoire Vosges.", "parts alike");
        assert_eq!(
            said("55001", &EN).sentence,
            "Mêlée (55000) is in the territory Sud Meusien. The former commune Bas is in no Territoire d'industrie, \
             according to the State's table of October 2020. The former commune Haut is in the territory Sud Meusien."
        );
        let x = index();
        assert_eq!(
            option(&x, &x.communes[2], &FR),
            "Rollainville (88300), Vosges — ancienne commune, aujourd'hui Neufchâteau"
        );
    }

    #[test]
    fn the_index_reads_back_what_was_written() {
        let mut x = index();
        x.communes[0].at = Some(Projected { x: 990_250.0, y: 6_806_000.0 });
        x.communes[3].at = Some(Projected { x: 880_000.0, y: 6_850_400.0 });
        let text = index::write(&x.communes, &x.territories);
        let back = index::read(&text).unwrap();
        assert_eq!(back.territories, x.territories);
        for (a, b) in back.communes.iter().zip(&x.communes) {
            assert_eq!(
                (&a.insee, &a.name, &a.dep, &a.postcodes, &a.territories, &a.now),
                (&b.insee, &b.name, &b.dep, &b.postcodes, &b.territories, &b.now)
            );
        }
        // On the grid of 500 m: within 250 m.
        let (p, q) = (back.communes[0].at.unwrap(), x.communes[0].at.unwrap());
        assert!((p.x - q.x).abs() <= 250.0 && (p.y - q.y).abs() <= 250.0, "{p:?}");
        assert_eq!(back.communes[1].at, None);
    }

    #[test]
    fn a_damaged_index_says_which_line() {
        let x = index();
        let text = index::write(&x.communes, &x.territories);
        assert_eq!(index::read(""), Err(index::BadIndex { line: 1 }));
        assert_eq!(
            index::read(&text.replacen("Neufchâteau\n", "Neufchâteau\nEn trop\n", 1)),
            Err(index::BadIndex { line: 13 }),
            "a line too many"
        );
        let lines: Vec<&str> = text.lines().collect();
        let cut = lines[..lines.len() - 1].join("\n");
        assert_eq!(index::read(&cut), Err(index::BadIndex { line: 24 }), "no points");
        assert_eq!(index::read(&text.replacen("\t", "x", 1)), Err(index::BadIndex { line: 2 }));
    }

    /// The region's own list (`make data`): its index stays within the 60 KB the field may
    /// download, and reads back whole.
    #[test]
    fn the_region_s_index_is_small_and_whole() {
        let list = read(include_str!("../../data/communes-grand-est.csv")).unwrap();
        let text = index::write(&list, &[("vosges".into(), "Vosges".into())]);
        let back = index::read(&text).unwrap();
        assert_eq!(back.communes.len(), list.len());
        assert!(back.communes.iter().all(|c| c.at.is_some()));
        assert_eq!(
            back.communes.iter().map(|c| &c.postcodes).collect::<Vec<_>>(),
            list.iter().map(|c| &c.postcodes).collect::<Vec<_>>()
        );
    }
}
