//! Carrying out what the controller decides: each [`Effect`] becomes DOM changes here (the
//! tooltip, the card, the marks, the live region, the tab stop), and a selection becomes a
//! [`HostEvent`] for the page.

use super::{App, HostEvent};
use crate::interact::{Effect, Gesture, Input};
use crate::num::fixed;
use crate::render::svg::Mark;
#[cfg(feature = "full")]
use crate::web::panel;
use wasm_bindgen::JsValue;

impl App {
    /// Feeds one input to the controller and carries out its effects.
    pub fn input(&mut self, input: Input) -> Vec<HostEvent> {
        self.view_changed = false;
        let Some(m) = self.map.as_mut() else { return Vec::new() };
        let fx = m.ctl.handle(input, &m.scene);
        fx.into_iter().filter_map(|e| self.apply(e).ok().flatten()).collect()
    }

    fn apply(&mut self, e: Effect) -> Result<Option<HostEvent>, JsValue> {
        let Some(m) = self.map.as_mut() else { return Ok(None) };
        let c = &self.chrome;
        match e {
            Effect::Hover(h) => {
                m.surface.mark(Mark::Hover, m.hovered, h.map(|h| h.0), &m.scene)?;
                m.hovered = h.map(|h| h.0);
                match h {
                    Some((i, at)) => {
                        c.tooltip.set_text_content(Some(&m.data.territories[i].name));
                        let style = c.tooltip.style();
                        style.set_property("left", &format!("{}px", fixed(at.x, 0)))?;
                        style.set_property("top", &format!("{}px", fixed(at.y, 0)))?;
                        c.tooltip.set_hidden(false);
                    }
                    None => c.tooltip.set_hidden(true),
                }
            }
            Effect::Focus(i) => {
                c.live.set_text_content(Some(&crate::card::spoken(&m.data, i, self.strings)));
                self.focus(i, true)?;
            }
            Effect::Open(i) => {
                #[cfg(not(feature = "full"))]
                m.cards.show(m.selected, Some(i))?;
                #[cfg(feature = "full")]
                {
                    let page = self.pages.as_deref().and_then(|p| crate::card::page_href(p, &m.data.territories[i].id));
                    panel::fill(&self.doc, c, &m.data, i, self.strings, self.uid, page.as_deref())?;
                }
                m.surface.mark(Mark::Selected, m.selected, Some(i), &m.scene)?;
                m.selected = Some(i);
                let t = &m.data.territories[i];
                let status = &m.data.legend.statuses[t.status];
                c.live.set_text_content(Some(&crate::card::spoken(&m.data, i, self.strings)));
                let ev = HostEvent::Select { id: t.id.clone(), name: t.name.clone(), status: status.id.clone() };
                m.list.mark(Some(i));
                // Focus follows the user (a click, a key, a row of the list: focus is already in
                // the map or the list); a host's select(), a deep link or the commune search's
                // field above the map only move the tab stop (WCAG 3.2.1).
                let take =
                    self.chrome.root.query_selector(":is(.tim-stage, .tim-list):focus-within").ok().flatten().is_some();
                self.focus(i, take)?;
                return Ok(Some(ev));
            }
            Effect::Close { refocus } => {
                #[cfg(not(feature = "full"))]
                m.cards.show(m.selected, None)?;
                #[cfg(feature = "full")]
                c.panel.set_hidden(true);
                m.list.mark(None);
                m.surface.mark(Mark::Selected, m.selected, None, &m.scene)?;
                m.selected = None;
                if let Some(i) = refocus {
                    self.focus(i, true)?;
                }
            }
            Effect::ViewChanged => {
                self.view_changed = true;
                self.moved()?;
            }
            Effect::Hint(g) => {
                let text = match g {
                    Gesture::Wheel => self.strings.hint_wheel,
                    Gesture::Touch => self.strings.hint_touch,
                };
                c.hint.set_text_content(Some(text));
                // Hide, force a style pass, show: restarts the fade-out animation.
                c.hint.set_hidden(true);
                let _ = c.hint.offset_width();
                c.hint.set_hidden(false);
            }
        }
        Ok(None)
    }

    /// Moves the roving tab stop to territory `i`, and focuses it if `take`.
    pub(super) fn focus(&mut self, i: usize, take: bool) -> Result<(), JsValue> {
        let Some(m) = self.map.as_mut() else { return Ok(()) };
        m.surface.focus(i, take, &m.data, &m.scene)?;
        self.markers(i)
    }
}
