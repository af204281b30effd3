//! The commune search's own module: a third build of the crate (feature `search`, see the
//! Makefile), which the page's script loads with the index the first time the field is used, so
//! that the map's modules carry none of it. It works the pre-rendered field (`.tim-commune-search`, see
//! `src/prerender/parts.rs`): the suggestions as a listbox, the count and the answer announced,
//! and the chosen commune handed to the page (`onAnswer`), which opens its territory's card; then
//! the answer's sentence goes first in that card and the commune is marked on the map
//! ([`mark`]). The state is [`crate::search::combobox`]'s; the sentences
//! [`crate::search::answer`]'s.

mod mark;

use crate::search::answer::{answer, option, Answer};
use crate::search::combobox::{Combobox, Effect, Input};
use crate::search::index::{read, BadIndex};
use crate::search::Index;
use crate::text::search::{for_lang, SearchWords};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventTarget, HtmlElement, HtmlInputElement, KeyboardEvent};

/// The field's elements, found in the pre-rendered `.tim-commune-search`.
struct Field {
    input: HtmlInputElement,
    list: HtmlElement,
    count: Element,
    answer: Element,
}

struct State {
    /// The map (`.tim-map`) the field belongs to.
    root: Element,
    mark: Option<mark::Mark>,
    index: Index,
    combo: Combobox,
    words: &'static SearchWords,
    field: Field,
    on_answer: js_sys::Function,
}

type Listener = (EventTarget, &'static str, Closure<dyn FnMut(Event)>);

/// The search of one field.
#[wasm_bindgen]
pub struct CommuneSearch {
    state: Option<Rc<RefCell<State>>>,
    listeners: Vec<Listener>,
}

fn find<T: JsCast>(root: &HtmlElement, selector: &str) -> Result<T, JsValue> {
    root.query_selector(selector)?
        .and_then(|e| e.dyn_into::<T>().ok())
        .ok_or_else(|| JsValue::from_str(&format!("territoires-map search: no {selector}")))
}

#[wasm_bindgen]
impl CommuneSearch {
    /// Works the field `root` with the index's `text` (`None`: it could not be downloaded; the
    /// field then says so and stays as it is). `on_answer` is called with the chosen commune
    /// (`{code, name, sentence, territory, x, y}`, Lambert-93 metres) or `null` once emptied; it
    /// returns true once the map has opened the card (or closed it: no territory), false when the
    /// map is not ready (the page then chooses again once it is).
    #[wasm_bindgen(constructor)]
    pub fn new(
        root: HtmlElement,
        text: Option<String>,
        lang: &str,
        on_answer: js_sys::Function,
    ) -> Result<CommuneSearch, JsValue> {
        let words = for_lang(lang);
        let field = Field {
            input: find(&root, "input[role=combobox]")?,
            list: find(&root, "[role=listbox]")?,
            count: find(&root, ".tim-commune-search-count")?,
            answer: find(&root, ".tim-commune-search-answer")?,
        };
        let index = match text.as_deref().map(read) {
            Some(Ok(index)) => index,
            failed => {
                let said = match failed {
                    Some(Err(BadIndex { line })) => words.bad_index.replace("{n}", &line.to_string()),
                    _ => words.unavailable.to_string(),
                };
                field.answer.set_text_content(Some(&said));
                return Ok(CommuneSearch { state: None, listeners: Vec::new() });
            }
        };
        let map = root.closest(".tim-map")?.ok_or_else(|| JsValue::from_str("territoires-map search: no .tim-map"))?;
        let state = Rc::new(RefCell::new(State {
            root: map,
            mark: None,
            index,
            combo: Combobox::default(),
            words,
            field,
            on_answer,
        }));
        let mut search = CommuneSearch { state: Some(state.clone()), listeners: Vec::new() };
        let s = state.borrow();
        let input: EventTarget = s.field.input.clone().into();
        let list: EventTarget = s.field.list.clone().into();
        search.listen(&input, "input", |st, _| Some(Input::Typed(st.field.input.value())));
        search.listen(&input, "keydown", |st, e| {
            let key = e.dyn_ref::<KeyboardEvent>()?.key();
            let input = match key.as_str() {
                "ArrowDown" | "Down" => Input::Down,
                "ArrowUp" | "Up" => Input::Up,
                "Enter" if st.combo.is_open() => Input::Enter,
                "Escape" | "Esc" if st.combo.is_open() || !st.field.input.value().is_empty() => Input::Escape,
                _ => return None,
            };
            // Arrows move in the list, not the caret; Escape is the field's, not the host's.
            e.prevent_default();
            e.stop_propagation();
            Some(input)
        });
        // The list closes when the focus leaves the field; a click on a suggestion keeps it there.
        search.listen(&input, "blur", |st, _| st.combo.is_open().then_some(Input::Escape));
        search.listen(&list, "mousedown", |_, e| {
            e.prevent_default();
            None
        });
        search.listen(&list, "click", |_, e| {
            let target = e.target()?.dyn_into::<Element>().ok()?;
            let k = target.closest("[data-k]").ok()??.get_attribute("data-k")?.parse().ok()?;
            Some(Input::Pick(k))
        });
        // What was typed while the module and the index were on their way.
        let typed = s.field.input.value();
        drop(s);
        if !typed.trim().is_empty() {
            let effects = {
                let st = &mut *state.borrow_mut();
                st.combo.input(&st.index.communes, Input::Typed(typed))
            };
            carry_out(&state, effects);
        }
        Ok(search)
    }

    /// Chooses the commune of INSEE code `code` as if picked in the list (`#commune=`, the
    /// element's `commune` attribute and `selectCommune`). False when the index has no such code.
    pub fn choose(&self, code: &str) -> bool {
        let Some(state) = &self.state else { return false };
        let Some(i) = state.borrow().index.position(code.trim()) else { return false };
        carry_out(state, vec![Effect::Choose(i)]);
        true
    }

    /// Removes the listeners and the mark (the module's closures are released).
    pub fn destroy(&mut self) {
        if let Some(state) = &self.state {
            if let Ok(mut st) = state.try_borrow_mut() {
                st.mark = None;
            }
        }
        for (target, kind, f) in self.listeners.drain(..) {
            let _ = target.remove_event_listener_with_callback(kind, f.as_ref().unchecked_ref());
        }
    }

    fn listen(&mut self, target: &EventTarget, kind: &'static str, read: fn(&State, &Event) -> Option<Input>) {
        let Some(state) = self.state.clone() else { return };
        let f = Closure::<dyn FnMut(Event)>::new(move |e: Event| {
            let effects = {
                let Ok(mut st) = state.try_borrow_mut() else { return };
                let Some(input) = read(&st, &e) else { return };
                let st = &mut *st;
                st.combo.input(&st.index.communes, input)
            };
            carry_out(&state, effects);
        });
        if target.add_event_listener_with_callback(kind, f.as_ref().unchecked_ref()).is_ok() {
            self.listeners.push((target.clone(), kind, f));
        }
    }
}

fn carry_out(state: &Rc<RefCell<State>>, effects: Vec<Effect>) {
    for effect in effects {
        let chosen = {
            let Ok(mut st) = state.try_borrow_mut() else { return };
            match st.show(effect) {
                Ok(chosen) => chosen,
                Err(_) => return,
            }
        };
        // Called with nothing borrowed: the page opens a card, whose events may call back.
        let Some((f, arg, answer)) = chosen else { continue };
        let shown = f.call1(&JsValue::NULL, &arg).ok().and_then(|v| v.as_bool()).unwrap_or(false);
        if let Ok(mut st) = state.try_borrow_mut() {
            st.mark = None;
            if let (true, Some(a)) = (shown, answer) {
                let _ = st.on_map(&a);
            }
        }
    }
}

impl State {
    /// Carries out one effect; the page's callback, its argument and the answer when a commune
    /// is chosen (or the field emptied).
    #[allow(clippy::type_complexity)]
    fn show(&mut self, effect: Effect) -> Result<Option<(js_sys::Function, JsValue, Option<Answer>)>, JsValue> {
        let f = &self.field;
        match effect {
            Effect::Suggest(shown) => {
                let doc = f.list.owner_document().ok_or(JsValue::NULL)?;
                f.list.set_text_content(None);
                let id = f.input.id();
                for (k, &i) in shown.iter().enumerate() {
                    let li = doc.create_element("li")?;
                    li.set_id(&format!("{id}-{k}"));
                    li.set_attribute("role", "option")?;
                    li.set_attribute("aria-selected", "false")?;
                    li.set_attribute("data-k", &k.to_string())?;
                    li.set_text_content(Some(&option(&self.index, &self.index.communes[i], self.words)));
                    f.list.append_child(&li)?;
                }
                f.list.set_hidden(shown.is_empty());
                f.input.set_attribute("aria-expanded", if shown.is_empty() { "false" } else { "true" })?;
                f.input.remove_attribute("aria-activedescendant")?;
            }
            Effect::Announce(n) => {
                let said = self.words.found[n.min(2)].replace("{n}", &n.to_string());
                f.count.set_text_content(Some(&said));
            }
            Effect::Active(active) => {
                let options = f.list.children();
                for k in 0..options.length() {
                    if let Some(o) = options.item(k) {
                        o.set_attribute("aria-selected", if Some(k as usize) == active { "true" } else { "false" })?;
                    }
                }
                match active {
                    Some(k) => f.input.set_attribute("aria-activedescendant", &format!("{}-{k}", f.input.id()))?,
                    None => f.input.remove_attribute("aria-activedescendant")?,
                }
            }
            Effect::Choose(i) => {
                let a = answer(&self.index, i, self.words);
                f.input.set_value(&a.name);
                f.count.set_text_content(None);
                f.answer.set_text_content(Some(&a.sentence));
                let o = js_sys::Object::new();
                let set = |k: &str, v: JsValue| js_sys::Reflect::set(&o, &JsValue::from_str(k), &v);
                set("code", a.insee.as_str().into())?;
                set("name", a.name.as_str().into())?;
                set("sentence", a.sentence.as_str().into())?;
                set("territory", a.territory.as_deref().map_or(JsValue::NULL, JsValue::from))?;
                if let Some(p) = a.at {
                    set("x", p.x.into())?;
                    set("y", p.y.into())?;
                }
                return Ok(Some((self.on_answer.clone(), o.into(), Some(a))));
            }
            Effect::Clear => {
                f.input.set_value("");
                f.count.set_text_content(None);
                f.answer.set_text_content(None);
                return Ok(Some((self.on_answer.clone(), JsValue::NULL, None)));
            }
        }
        Ok(None)
    }

    /// Once the map has opened the card: the sentence first in it, and the commune's mark.
    fn on_map(&mut self, a: &Answer) -> Result<(), JsValue> {
        if a.territory.is_some() {
            if let Some(body) = self.root.query_selector(".tim-panel:not([hidden]) .tim-panel-body")? {
                let p = match body.query_selector(".tim-card-commune")? {
                    Some(p) => p,
                    None => {
                        let p = body.owner_document().ok_or(JsValue::NULL)?.create_element("p")?;
                        p.set_class_name("tim-card-commune");
                        body.prepend_with_node_1(&p)?;
                        p
                    }
                };
                p.set_text_content(Some(&a.sentence));
            }
        }
        if let Some(at) = a.at {
            self.mark = mark::Mark::new(&self.root, &a.name, at)?;
        }
        Ok(())
    }
}
