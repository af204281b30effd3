//! Showing a loaded dataset: drawn by the module, or the pre-rendered drawing of it adopted;
//! then the controller, the surface and the list, and what the host is told.

use super::{App, HostEvent, Map};
use crate::hydrate;
use crate::interact::{Controller, Input, Settings};
use crate::model::Dataset;
use crate::num::fixed;
use crate::render::Renderer;
use crate::scene::Scene;
use crate::view::{View, FIT_PADDING};
use crate::web::draw;
use crate::web::surface::Surface;
use crate::web::svg::SvgSurface;
use wasm_bindgen::JsValue;

impl App {
    /// Draws a loaded dataset, or adopts the pre-rendered drawing of it. Problems met on the way
    /// are listed under the map.
    pub fn show(&mut self, data: Dataset, scene: Scene, problems: &[String]) -> Result<HostEvent, JsValue> {
        // The small module draws nothing itself: it adopts the pre-rendered SVG.
        #[cfg(feature = "full")]
        let renderer = Renderer::for_dataset(self.options.renderer.as_deref(), &data);
        #[cfg(not(feature = "full"))]
        let renderer = Renderer::Svg;
        let focused = crate::web::chrome::focused_territory(&self.doc, &self.chrome.root);
        let adopted = self.adopt(renderer, &data)?;
        // The small module was started only on a drawing of this data (`crate::web::hydrate::
        // adoptable`): it draws no map of its own, and holds none of the code that would.
        #[cfg(not(feature = "full"))]
        if !adopted {
            return Err(JsValue::from_str("territoires-map: no drawing of this data to adopt"));
        }
        // Narrow screens give the map the region's shape (map.css): the fitted view fills the width.
        let b = scene.bounds;
        if b.width() > 0.0 && b.height() > 0.0 {
            self.chrome.root.style().set_property("--tim-ratio", &fixed(b.width() / b.height(), 3))?;
        }
        // Measured with a pre-rendered card still open beside the map: that card (the small
        // module hides it with the others, then shows it again) or the full module's panel that
        // replaces it, both in this same task (the page selects that territory on `ready`),
        // leaves the same room.
        let (w, h) = self.size();
        // The small module shows the pre-rendered cards; the full one, its panel.
        #[cfg(not(feature = "full"))]
        let cards = self.cards(&data)?;
        #[cfg(feature = "full")]
        if adopted {
            crate::web::hydrate::remove_cards(&self.chrome)?;
        }
        if self.options.header && !adopted {
            draw::header(&self.doc, &self.chrome, &data, self.strings)?;
        }
        draw::dataset(&self.doc, &self.chrome, &data, self.uid, adopted)?;
        #[cfg(feature = "full")]
        let labels = crate::web::labels::Labels::new(&self.doc, &self.chrome.labels, &data, &scene, adopted)?;
        draw::warnings(&self.doc, &self.chrome, problems, self.strings)?;
        crate::web::dom::mark("dataset");
        // Round targets help a few small territories; thousands of them are reached through the
        // list and the keyboard instead.
        let settings = Settings {
            cooperative: self.options.cooperative,
            markers: Settings::markers_for(data.territories.len()),
            outlines: renderer == Renderer::Svg,
        };
        self.pristine = adopted.then(|| crate::web::hydrate::kept(&self.chrome)).flatten();
        let view = match &self.pristine {
            Some(k) => hydrate::shown_view(b, &hydrate::nominal_view(b), &k.view_box, w, h),
            None => View::fit(b, w, h, FIT_PADDING),
        };
        let ctl = Controller::new(view, &scene, settings);
        let surface = match adopted {
            true => Surface::Svg(SvgSurface::adopt(&self.chrome, &data, self.uid, ctl.focus, self.strings)?),
            false => {
                Surface::new(renderer, &self.doc, &self.chrome, (&data, self.strings), &scene, self.uid, ctl.focus)?
            }
        };
        let _ = self.chrome.root.set_attribute("data-renderer", renderer.name());
        let count = data.territories.len();
        let list = self.list(&data, adopted)?;
        crate::web::dom::mark("list");
        self.map = Some(Map {
            data,
            scene,
            ctl,
            #[cfg(feature = "full")]
            labels,
            surface,
            list,
            #[cfg(not(feature = "full"))]
            cards,
            hovered: None,
            selected: None,
        });
        self.redraw()?;
        let (query, status) = self.map.as_ref().map(|m| m.list.query()).unwrap_or_default();
        if adopted && (!query.trim().is_empty() || status.is_some()) {
            // A search typed, or a status chosen, before the module was ready applies now.
            self.filter()?;
        }
        if let Some(i) = focused.and_then(|id| self.index_of(&id)) {
            let _ = self.input(Input::Focused(i));
            self.focus(i, true)?;
        }
        crate::web::dom::mark("drawn");
        self.chrome.message.set_hidden(true);
        let data = self.map.as_ref().map(|m| &m.data);
        let title = data.map_or(self.strings.map_label, |d| self.strings.title_of(d)).to_string();
        Ok(HostEvent::Ready { count, title, description: data.and_then(|d| d.description.clone()) })
    }
}
