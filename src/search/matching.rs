//! Which communes a query finds, best first. A query of digits is a postcode (or INSEE code)
//! being typed; otherwise each of its words must begin a word of the name, in order, exactly or
//! with one typo when the word has five letters or more (a letter missed, added, changed or two
//! swapped: Damerau–Levenshtein distance 1, `strsim`).

use super::fold::words;
use super::Commune;

/// A commune found, and how well: lower is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Hit {
    pub rank: u8,
    /// Index into the list.
    pub index: usize,
}

/// The communes of `list` that `query` finds, best first (the whole name, then its beginning,
/// then a word inside it; with a typo only when nothing is found as typed; then current
/// communes before former ones; then by name and département), at most `max`.
///
/// ```
/// use territoires_map::search::{matches, read};
/// let csv = "insee,nom,departement,nom_departement,codes_postaux,territoires,commune_actuelle\n\
///            57618,Saint-Louis,57,Moselle,57820,,\n68297,Saint-Louis,68,Haut-Rhin,68300,sud-alsace,\n\
///            88413,Saint-Dié-des-Vosges,88,Vosges,88100,vosges,\n";
/// let list = read(csv).unwrap();
/// let names = |q: &str| matches(&list, q, 9).iter().map(|h| list[h.index].insee.as_str()).collect::<Vec<_>>();
/// assert_eq!(names("st louis"), ["57618", "68297"]);
/// assert_eq!(names("saint die"), ["88413"]);
/// assert_eq!(names("saint-dei"), Vec::<&str>::new(), "no typo in a word of three letters");
/// assert_eq!(names("vogses"), ["88413"], "two letters swapped in a word of six");
/// assert_eq!(names("683"), ["68297"]);
/// ```
pub fn matches(list: &[Commune], query: &str, max: usize) -> Vec<Hit> {
    let q = words(query);
    if q.is_empty() {
        return Vec::new();
    }
    let digits = q.len() == 1 && q[0].bytes().all(|b| b.is_ascii_digit());
    let found = |typo: bool| -> Vec<Hit> {
        let rank = |c: &Commune| match (digits, typo) {
            (true, false) => by_code(c, &q[0]),
            (true, true) => None,
            (false, false) => by_words(&c.words, &q),
            (false, true) => (0..c.words.len()).any(|from| follows(&c.words, &q, from, true)).then_some(3),
        };
        let hit = |(index, c): (usize, &Commune)| Some(Hit { rank: rank(c)? * 2 + u8::from(c.now.is_some()), index });
        list.iter().enumerate().filter_map(hit).collect()
    };
    // Typos are looked for only when nothing is found as typed: fewer surprises, and faster.
    let mut hits = found(false);
    if hits.is_empty() {
        hits = found(true);
    }
    hits.sort_by_cached_key(|h| (h.rank, crate::scene::sort_key(&list[h.index].name), list[h.index].dep.clone()));
    hits.truncate(max);
    hits
}

/// A postcode or INSEE code that begins with the digits typed: 0 for a postcode, 1 for a code.
fn by_code(c: &Commune, digits: &str) -> Option<u8> {
    if c.postcodes.iter().any(|p| p.starts_with(digits)) {
        Some(0)
    } else {
        c.insee.starts_with(digits).then_some(1)
    }
}

/// How the query's words `q` find the name's words `name`, as typed and in order: 0 the whole
/// name, 1 its beginning, 2 words inside it; `None` when they do not.
fn by_words(name: &[String], q: &[String]) -> Option<u8> {
    if name == q {
        return Some(0);
    }
    let exact = |from: usize| follows(name, q, from, false);
    if exact(0) {
        return Some(1);
    }
    (1..name.len()).any(exact).then_some(2)
}

/// Whether each word of `q` begins a word of `name`, in order, from word `from` on.
fn follows(name: &[String], q: &[String], from: usize, typo: bool) -> bool {
    let mut at = from;
    for (k, word) in q.iter().enumerate() {
        let last = k + 1 == q.len();
        let Some(found) = (at..name.len()).find(|&i| begins(word, &name[i], last, typo)) else { return false };
        if k == 0 && found != from {
            return false;
        }
        at = found + 1;
    }
    true
}

/// Whether `typed` is word `word`, or its beginning when it is the last word typed (still being
/// typed); with `typo`, one edit away when it has five letters or more.
fn begins(typed: &str, word: &str, last: bool, typo: bool) -> bool {
    if typed == word || (last && word.starts_with(typed)) {
        return true;
    }
    let n = typed.chars().count();
    if !typo || n < 5 {
        return false;
    }
    let close = |w: &str| strsim::damerau_levenshtein(typed, w) <= 1;
    if close(word) {
        return true;
    }
    // Still being typed: the beginning of the word as long as what was typed, give or take one.
    last && (n.saturating_sub(1)..=n + 1).any(|len| close(&word.chars().take(len).collect::<String>()))
}

#[cfg(test)]
mod tests {
    use super::super::{read, IndexError};
    use super::*;

    const LIST: &str = "insee,nom,departement,nom_departement,codes_postaux,territoires,commune_actuelle\n\
        67482,Strasbourg,67,Bas-Rhin,67000 67100 67200,,\n\
        68297,Saint-Louis,68,Haut-Rhin,68300,sud-alsace,\n\
        57618,Saint-Louis,57,Moselle,57820,,\n\
        57614,Saint-Louis-lès-Bitche,57,Moselle,57620,moselle-est,\n\
        68298,Sainte-Marie-aux-Mines,68,Haut-Rhin,68160,alsace-centrale,\n\
        88393,Rollainville,88,Vosges,88300,vosges,88321\n\
        88321,Neufchâteau,88,Vosges,88300,vosges,\n\
        08409,Sedan,08,Ardennes,08200,nord-est-ardennes,\n";

    fn found(q: &str) -> Vec<String> {
        let list = read(LIST).unwrap();
        matches(&list, q, 10).iter().map(|h| format!("{} {}", list[h.index].name, list[h.index].dep)).collect()
    }

    #[test]
    fn names_are_found_whatever_the_case_accents_and_separators() {
        assert_eq!(found("NEUFCHATEAU"), ["Neufchâteau 88"]);
        assert_eq!(found("ste marie aux"), ["Sainte-Marie-aux-Mines 68"]);
        assert_eq!(
            found("saint louis"),
            ["Saint-Louis 57", "Saint-Louis 68", "Saint-Louis-lès-Bitche 57"],
            "whole names first, homonyms by département"
        );
        assert_eq!(found("bitche"), ["Saint-Louis-lès-Bitche 57"], "a word inside the name");
        assert_eq!(found("sed"), ["Sedan 08"], "being typed");
        assert!(found("").is_empty() && found(" - ").is_empty());
    }

    #[test]
    fn one_typo_in_a_long_word_is_forgiven_and_no_more() {
        assert_eq!(found("strasbur"), ["Strasbourg 67"], "being typed, one letter missed");
        assert!(found("strasbrg").is_empty(), "two letters missed");
        assert_eq!(found("starsbourg"), ["Strasbourg 67"], "two letters swapped");
        assert!(found("stbrsbourg").is_empty(), "two typos");
        assert_eq!(found("sedann"), ["Sedan 08"], "one letter too many in a word of five");
        assert!(found("sdan").is_empty(), "four letters: none");
    }

    #[test]
    fn postcodes_and_codes_being_typed_and_former_communes_after_current_ones() {
        assert_eq!(found("67100"), ["Strasbourg 67"]);
        assert_eq!(found("883"), ["Neufchâteau 88", "Rollainville 88"], "the current commune first");
        assert_eq!(found("88393"), ["Rollainville 88"], "an INSEE code");
        assert_eq!(found("rollainville"), ["Rollainville 88"]);
    }

    /// The region's own list (`make data`): a commune typed in full is among the first hits,
    /// with its homonyms; a sample of every 50th row.
    #[test]
    fn every_commune_of_the_region_finds_itself() {
        let list = read(include_str!("../../data/communes-grand-est.csv")).unwrap();
        assert_eq!(list.iter().filter(|c| c.now.is_none()).count(), 5115);
        for c in list.iter().step_by(50) {
            let hits = matches(&list, &c.name, 10);
            assert!(hits.iter().any(|h| list[h.index].insee == c.insee), "{} ({})", c.name, c.insee);
            let first = &list[hits[0].index];
            assert_eq!(crate::search::fold::words(&first.name), c.words, "{}: a namesake first", c.name);
        }
    }

    #[test]
    fn a_damaged_list_says_where() {
        assert_eq!(read("insee,nom\n"), Err(IndexError::Header { missing: "departement" }));
        assert_eq!(read(""), Err(IndexError::Header { missing: "insee" }));
        let bad = format!("{}\n,Sans code,57,Moselle,57000,,\n", LIST.lines().next().unwrap());
        assert_eq!(read(&bad), Err(IndexError::Line { line: 2 }));
        let short = format!("{}\n57001,Court\n", LIST.lines().next().unwrap());
        assert_eq!(read(&short), Err(IndexError::Line { line: 2 }));
    }
}
