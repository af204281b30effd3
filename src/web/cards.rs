//! The pre-rendered cards (`crate::markup::card::static_card`, one per territory, which `:target`
//! shows without scripts), adopted with the map: the module shows the one of the open territory
//! and hides the others, instead of writing each card again into a panel of its own. The card a
//! deep link opened before the module was ready is hidden with the others, then opened again by
//! the page in the same task (`www/main.js`, `www/embed.js`, the element on `ready`), so no frame
//! shows it closed.

use super::chrome::close_button;
use crate::card::CARD_ID;
use crate::model::Dataset;
use crate::text::Strings;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlElement};

/// Where the pre-render puts the cards: in the stage, beside the map.
const CARDS: &str = ":scope > .tim-stage > .tim-card";
/// What shows a card besides `:target` (map.css); also how a territory's own page keeps its card open.
const OPEN: &str = "tim-card-open";

/// The cards of a map, in the order of its data's territories.
pub struct Cards(Vec<HtmlElement>);

impl Cards {
    /// The cards in `pre`, in the order of `data`'s territories (the page writes them in its
    /// own, the list's), when there is exactly one per territory; `None` for any other set (a
    /// page edited by hand).
    pub fn find(pre: &Element, data: &Dataset) -> Option<Vec<HtmlElement>> {
        let found = pre.query_selector_all(CARDS).ok()?;
        let mut cards: Vec<Option<HtmlElement>> = vec![None; data.territories.len()];
        for k in 0..found.length() {
            let card = found.item(k)?.dyn_into::<HtmlElement>().ok()?;
            let id = card.id();
            let id = id.strip_prefix(CARD_ID)?;
            let slot = cards.get_mut(data.index_of(id)?)?;
            if slot.replace(card).is_some() {
                return None;
            }
        }
        crate::hydrate::filled(cards)
    }

    /// Takes the cards `find` found, all hidden until the module opens one. Each one's close
    /// link (back to the map, without scripts) becomes a button, as in the module's own panel:
    /// it closes the card and goes nowhere.
    pub fn adopt(doc: &Document, cards: Vec<HtmlElement>, s: &Strings) -> Result<Cards, JsValue> {
        for c in &cards {
            c.set_hidden(true);
            c.class_list().remove_1(OPEN)?;
            if let Some(link) = c.query_selector(":scope > a.tim-close")? {
                link.replace_with_with_node_1(&close_button(doc, s)?.into())?;
            }
        }
        Ok(Cards(cards))
    }

    /// Shows card `open` (if any) instead of card `was`.
    pub fn show(&self, was: Option<usize>, open: Option<usize>) -> Result<(), JsValue> {
        if let Some(c) = was.filter(|&w| Some(w) != open).and_then(|w| self.0.get(w)) {
            c.set_hidden(true);
            c.class_list().remove_1(OPEN)?;
            // The commune search's sentence belongs to the opening it answered.
            if let Some(p) = c.query_selector(".tim-card-commune")? {
                p.remove();
            }
        }
        if let Some(c) = open.and_then(|i| self.0.get(i)) {
            c.class_list().add_1(OPEN)?;
            c.set_hidden(false);
        }
        Ok(())
    }
}
