//! Words as a reader types them: lower case, without accents, hyphens, spaces and apostrophes
//! alike (word breaks), "st"/"ste" read as "saint"/"sainte".

/// Whether `c` belongs to a word: a digit or a letter of the Latin script. Spaces, hyphens,
/// apostrophes, dashes, quotes and dots break words.
fn in_word(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || (c > '\u{bf}'
            && !c.is_whitespace()
            && !matches!(c, '×' | '÷' | '\u{2010}'..='\u{206f}' | '«' | '»' | '·' | 'ʼ'))
}

/// The words of `text`, folded.
///
/// ```
/// use territoires_map::search::fold::words;
/// assert_eq!(words("Saint-Dié-des-Vosges"), ["saint", "die", "des", "vosges"]);
/// assert_eq!(words("ste Marie aux  Mines"), ["sainte", "marie", "aux", "mines"]);
/// assert_eq!(words("L'Hôpital"), ["l", "hopital"]);
/// assert_eq!(words("Œting"), ["oeting"]);
/// ```
pub fn words(text: &str) -> Vec<String> {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars().map(crate::scene::lower) {
        if in_word(c) {
            crate::scene::push_folded(c, &mut folded);
        } else {
            folded.push(' ');
        }
    }
    folded
        .split_whitespace()
        .map(|w| match w {
            "st" => "saint".to_string(),
            "ste" => "sainte".to_string(),
            w => w.to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_are_all_alike_and_empty_text_has_no_word() {
        assert_eq!(words("Bar-le-Duc"), words("bar le duc"));
        assert_eq!(words("Bar’le Duc"), words("BAR-LE-DUC"));
        assert!(words(" - ' ").is_empty());
        assert_eq!(words("57820"), ["57820"]);
        assert_eq!(words("Stenay"), ["stenay"], "st only as a word of its own");
        assert_eq!(words("ÉPINAL – L’ÎLE « Œ »"), ["epinal", "l", "ile", "oe"]);
        assert_eq!(words("Château-Thierry\u{a0}2"), ["chateau", "thierry", "2"]);
    }
}
