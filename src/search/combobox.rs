//! The search field's state, as an ARIA combobox with a list of suggestions (WAI-ARIA Authoring
//! Practices, "combobox with list autocomplete"): what is typed gives suggestions; arrows move
//! through them, Enter chooses (the first when none is active), Escape closes the list, then
//! empties the field. Inputs in, effects out; the search module's web layer carries them out.

use super::{matches, Commune};

/// At most this many suggestions: a screen of them on a phone.
pub const MAX: usize = 8;

/// What the reader did in the field.
#[derive(Clone, Debug, PartialEq)]
pub enum Input {
    Typed(String),
    Down,
    Up,
    Enter,
    Escape,
    /// A suggestion clicked or tapped.
    Pick(usize),
}

/// What the page must do.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Show these suggestions (commune indices), or none (the list closes).
    Suggest(Vec<usize>),
    /// Say how many were found: 0, 1 or more.
    Announce(usize),
    /// Mark this suggestion as active (or none).
    Active(Option<usize>),
    /// The reader chose this commune.
    Choose(usize),
    /// Empty the field.
    Clear,
}

/// The suggestions shown, and the active one.
#[derive(Clone, Debug, Default)]
pub struct Combobox {
    hits: Vec<usize>,
    active: Option<usize>,
    open: bool,
}

impl Combobox {
    /// Whether the list of suggestions is shown.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Handles one input.
    ///
    /// ```
    /// use territoires_map::search::{combobox::{Combobox, Effect, Input}, read};
    /// let list = read("insee,nom,departement,nom_departement,codes_postaux,territoires,commune_actuelle\n\
    ///                  08409,Sedan,08,Ardennes,08200,nord-est-ardennes,\n").unwrap();
    /// let mut c = Combobox::default();
    /// assert_eq!(c.input(&list, Input::Typed("sed".into())), [Effect::Suggest(vec![0]), Effect::Announce(1)]);
    /// assert_eq!(c.input(&list, Input::Enter), [Effect::Suggest(vec![]), Effect::Choose(0)]);
    /// ```
    pub fn input(&mut self, list: &[Commune], input: Input) -> Vec<Effect> {
        let n = self.hits.len();
        match input {
            Input::Typed(text) => {
                self.hits = matches(list, &text, MAX).iter().map(|h| h.index).collect();
                self.active = None;
                self.open = !self.hits.is_empty();
                if text.trim().is_empty() {
                    return vec![Effect::Suggest(Vec::new())];
                }
                vec![Effect::Suggest(self.hits.clone()), Effect::Announce(self.hits.len())]
            }
            Input::Down | Input::Up if n == 0 => Vec::new(),
            Input::Down | Input::Up => {
                let down = input == Input::Down;
                self.active = Some(match self.active {
                    _ if !self.open => {
                        if down {
                            0
                        } else {
                            n - 1
                        }
                    }
                    Some(a) if down => (a + 1) % n,
                    Some(a) => (a + n - 1) % n,
                    None => {
                        if down {
                            0
                        } else {
                            n - 1
                        }
                    }
                });
                let mut out = Vec::new();
                if !self.open {
                    self.open = true;
                    out.push(Effect::Suggest(self.hits.clone()));
                }
                out.push(Effect::Active(self.active));
                out
            }
            Input::Enter => match self.open.then(|| self.hits.get(self.active.unwrap_or(0))).flatten() {
                Some(&i) => self.choose(i),
                None => Vec::new(),
            },
            Input::Pick(k) => match self.hits.get(k) {
                Some(&i) => self.choose(i),
                None => Vec::new(),
            },
            Input::Escape if self.open => {
                self.open = false;
                self.active = None;
                vec![Effect::Suggest(Vec::new())]
            }
            Input::Escape => {
                self.hits.clear();
                vec![Effect::Clear]
            }
        }
    }

    fn choose(&mut self, i: usize) -> Vec<Effect> {
        self.open = false;
        self.active = None;
        vec![Effect::Suggest(Vec::new()), Effect::Choose(i)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::read;

    fn list() -> Vec<Commune> {
        read(
            "insee,nom,departement,nom_departement,codes_postaux,territoires,commune_actuelle\n\
              57618,Saint-Louis,57,Moselle,57820,,\n68297,Saint-Louis,68,Haut-Rhin,68300,sud-alsace,\n\
              57614,Saint-Louis-lès-Bitche,57,Moselle,57620,moselle-est,\n",
        )
        .unwrap()
    }

    #[test]
    fn arrows_move_through_the_suggestions_and_wrap() {
        let (l, mut c) = (list(), Combobox::default());
        assert_eq!(c.input(&l, Input::Typed("st louis".into()))[1], Effect::Announce(3));
        assert_eq!(c.input(&l, Input::Down), [Effect::Active(Some(0))]);
        assert_eq!(c.input(&l, Input::Up), [Effect::Active(Some(2))]);
        assert_eq!(c.input(&l, Input::Down), [Effect::Active(Some(0))]);
        assert_eq!(c.input(&l, Input::Down), [Effect::Active(Some(1))]);
        assert_eq!(c.input(&l, Input::Enter), [Effect::Suggest(vec![]), Effect::Choose(1)], "Saint-Louis, Haut-Rhin");
    }

    #[test]
    fn escape_closes_then_empties_and_nothing_found_is_said() {
        let (l, mut c) = (list(), Combobox::default());
        c.input(&l, Input::Typed("louis".into()));
        assert_eq!(c.input(&l, Input::Escape), [Effect::Suggest(vec![])]);
        assert!(!c.is_open());
        assert_eq!(c.input(&l, Input::Enter), [], "Enter on a closed list chooses nothing");
        assert_eq!(c.input(&l, Input::Down), [Effect::Suggest(vec![0, 1, 2]), Effect::Active(Some(0))], "reopened");
        c.input(&l, Input::Escape);
        assert_eq!(c.input(&l, Input::Escape), [Effect::Clear]);
        assert_eq!(c.input(&l, Input::Typed("zzz".into())), [Effect::Suggest(vec![]), Effect::Announce(0)]);
        assert_eq!(c.input(&l, Input::Down), []);
        assert_eq!(c.input(&l, Input::Typed(" ".into())), [Effect::Suggest(vec![])], "an empty field says nothing");
        assert_eq!(c.input(&l, Input::Pick(7)), []);
    }
}
