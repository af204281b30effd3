//! The map's fixed structure inside the host element: header, stage (SVG, controls, tooltip,
//! panel, messages) and legend. Filled later by `draw` and `panel`.

use super::dom::{append, html, text_el};
#[cfg(feature = "full")]
use super::dom::{as_html, part, svg};
use crate::text::Strings;
use wasm_bindgen::JsValue;
use web_sys::{Document, Element, HtmlElement};

/// Handles on the parts of the map that change.
pub struct Chrome {
    pub root: HtmlElement,
    pub header: HtmlElement,
    pub svg: Element,
    pub defs: Element,
    pub view: Element,
    pub context: Element,
    pub territories: Element,
    pub labels: Element,
    pub markers: Element,
    pub list: HtmlElement,
    pub tooltip: HtmlElement,
    /// Where the module writes a territory's card, when no pre-rendered cards were adopted
    /// (`super::cards`): never in the small module, which adopts them.
    #[cfg(feature = "full")]
    pub panel: HtmlElement,
    #[cfg(feature = "full")]
    pub panel_body: HtmlElement,
    pub message: HtmlElement,
    pub warnings: HtmlElement,
    pub legend: HtmlElement,
    pub live: HtmlElement,
    pub hint: HtmlElement,
    /// "Télécharger l'image": its toggle and menu of formats.
    pub export: HtmlElement,
    /// The pre-rendered block whose parts these are, when the module adopted it (see
    /// `super::hydrate`) rather than build its own.
    pub pre: Option<Element>,
}

/// Builds the structure inside `root`, replacing whatever was there but a pre-rendered map
/// (`.tim-pre`, see `crate::prerender`): that one stays in front, the structure hidden behind it
/// by map.css, until [`take_over`] once the data is drawn.
#[cfg(feature = "full")]
pub fn build(doc: &Document, root: &HtmlElement, s: &Strings, uid: u32) -> Result<Chrome, JsValue> {
    // Left in place, not taken out and put back: that would drop a focus held inside it.
    let pre = root.query_selector(":scope > .tim-pre")?;
    match &pre {
        Some(pre) => {
            while let Some(n) = pre.next_sibling() {
                root.remove_child(&n)?;
            }
            while let Some(n) = pre.previous_sibling() {
                root.remove_child(&n)?;
            }
        }
        None => root.set_text_content(None),
    }
    root.class_list().add_1("tim-map")?;
    super::dom::set_lang(root, s.lang)?;
    let header = html(doc, "div", "tim-header")?;
    header.set_hidden(true);
    let stage = html(doc, "div", "tim-stage")?;
    let help_id = format!("tim{uid}-help");
    let svg_el = svg(doc, "svg", &[("class", "tim-svg"), ("role", "group"), ("aria-describedby", &help_id)])?;
    svg_el.set_attribute("aria-label", s.map_label)?;
    // Chromium makes the SVG itself a tab stop; the territories inside are the one stop wanted.
    svg_el.set_attribute("tabindex", "-1")?;
    let defs = svg(doc, "defs", &[])?;
    let view = svg(doc, "g", &[("class", "tim-view")])?;
    let context = svg(doc, "g", &[("class", "tim-context-layer"), ("aria-hidden", "true")])?;
    let territories = svg(doc, "g", &[("class", "tim-territories")])?;
    let labels = svg(doc, "g", &[("class", "tim-labels"), ("aria-hidden", "true")])?;
    // Round targets for territories too small to click; the territory itself keeps the focus.
    let markers = svg(doc, "g", &[("class", "tim-markers"), ("aria-hidden", "true")])?;
    append(&svg_el, &defs)?;
    append(&view, &context)?;
    append(&view, &territories)?;
    append(&svg_el, &view)?;
    append(&svg_el, &markers)?;
    append(&svg_el, &labels)?;

    let help = text_el(doc, "p", "tim-sr-only", s.map_help)?;
    help.set_id(&help_id);
    append(&stage, &help)?;

    let controls = super::markup::element(doc, &crate::markup::controls::controls(s, uid))?;
    let export = as_html(part(&controls, ".tim-export")?, "export")?;
    // The buttons come before the map in tab order, so one Tab from a territory leaves the map.
    append(&stage, &controls)?;
    append(&stage, &svg_el)?;

    let o = Overlays::new(doc, s, uid)?;
    o.append_to(&stage)?;
    let legend = html(doc, "div", "tim-legend")?;
    legend.set_hidden(true);
    let list = html(doc, "section", "tim-list")?;
    list.set_hidden(true);

    append(root, &header)?;
    append(root, &stage)?;
    append(root, &legend)?;
    append(root, &o.warnings)?;
    append(root, &list)?;
    append(root, &o.live)?;
    let parts = Parts { header, svg: svg_el, defs, view, context, territories, labels, markers, list, legend, export };
    Ok(o.chrome(root, parts, None))
}

/// The parts of the map a page may already hold, pre-rendered.
pub struct Parts {
    pub header: HtmlElement,
    pub svg: Element,
    pub defs: Element,
    pub view: Element,
    pub context: Element,
    pub territories: Element,
    pub labels: Element,
    pub markers: Element,
    pub list: HtmlElement,
    pub legend: HtmlElement,
    pub export: HtmlElement,
}

/// The parts that are hidden until used, which the module adds to a pre-rendered map too: the
/// tooltip, the panel, the gesture hint and the message in the stage; the warnings and the
/// live region after it.
pub struct Overlays {
    tooltip: HtmlElement,
    #[cfg(feature = "full")]
    panel: HtmlElement,
    #[cfg(feature = "full")]
    panel_body: HtmlElement,
    hint: HtmlElement,
    message: HtmlElement,
    pub warnings: HtmlElement,
    pub live: HtmlElement,
}

impl Overlays {
    /// `uid` numbers the panel's title, in the full module only.
    #[cfg_attr(not(feature = "full"), allow(unused_variables))]
    pub fn new(doc: &Document, s: &Strings, uid: u32) -> Result<Overlays, JsValue> {
        let tooltip = html(doc, "div", "tim-tooltip")?;
        tooltip.set_attribute("role", "tooltip")?;
        tooltip.set_hidden(true);
        #[cfg(feature = "full")]
        let (panel, panel_body) = panel(doc, s, uid)?;
        let hint = html(doc, "div", "tim-hint")?;
        hint.set_hidden(true);
        let message = text_el(doc, "div", "tim-message", s.loading)?;
        message.set_attribute("role", "status")?;
        let warnings = html(doc, "div", "tim-warnings")?;
        warnings.set_hidden(true);
        let live = html(doc, "div", "tim-sr-only tim-live")?;
        live.set_attribute("aria-live", "polite")?;
        Ok(Overlays {
            tooltip,
            #[cfg(feature = "full")]
            panel,
            #[cfg(feature = "full")]
            panel_body,
            hint,
            message,
            warnings,
            live,
        })
    }

    /// Puts the stage's overlays at its end.
    pub fn append_to(&self, stage: &HtmlElement) -> Result<(), JsValue> {
        append(stage, &self.tooltip)?;
        #[cfg(feature = "full")]
        append(stage, &self.panel)?;
        append(stage, &self.hint)?;
        append(stage, &self.message)
    }

    pub fn hide_message(&self) {
        self.message.set_hidden(true);
    }

    /// The whole frame: these overlays, the map's `parts`, and `pre`, the block they came from.
    pub fn chrome(self, root: &HtmlElement, p: Parts, pre: Option<Element>) -> Chrome {
        let o = self;
        Chrome {
            root: root.clone(),
            header: p.header,
            svg: p.svg,
            defs: p.defs,
            view: p.view,
            context: p.context,
            territories: p.territories,
            labels: p.labels,
            markers: p.markers,
            list: p.list,
            tooltip: o.tooltip,
            #[cfg(feature = "full")]
            panel: o.panel,
            #[cfg(feature = "full")]
            panel_body: o.panel_body,
            message: o.message,
            warnings: o.warnings,
            legend: p.legend,
            live: o.live,
            hint: o.hint,
            export: p.export,
            pre,
        }
    }
}

/// Removes the pre-rendered map, if any, so that the module's own shows in its place. Called in
/// the same task as the drawing, so the page never paints in between: nothing moves (the
/// pre-rendered block has the same layout) and the view is fitted to the stage's real size.
/// Returns where the pre-rendered site keeps the territory pages (its `data-pages`), if it said.
pub fn take_over(root: &HtmlElement) -> Option<String> {
    let pre = root.query_selector(":scope > .tim-pre").ok()??;
    pre.remove();
    pre.get_attribute("data-pages")
}

/// The id of the pre-rendered territory that has keyboard focus, if any: the module gives the
/// focus to the same territory once its own is drawn, rather than let it fall to the page.
pub fn focused_territory(doc: &Document, root: &HtmlElement) -> Option<String> {
    let active = doc.active_element()?;
    let link = active.closest(".tim-pre .tim-territories a").ok()??;
    if !root.contains(Some(&link)) {
        return None;
    }
    link.query_selector("path[data-id]").ok()??.get_attribute("data-id")
}

/// The module's own panel for a territory's card, hidden, with its close button, and its body.
#[cfg(feature = "full")]
fn panel(doc: &Document, s: &Strings, uid: u32) -> Result<(HtmlElement, HtmlElement), JsValue> {
    let panel = html(doc, "section", "tim-panel")?;
    panel.set_hidden(true);
    panel.set_attribute("aria-labelledby", &format!("tim{uid}-title"))?;
    let panel_body = html(doc, "div", "tim-panel-body")?;
    append(&panel, &close_button(doc, s)?)?;
    append(&panel, &panel_body)?;
    Ok((panel, panel_body))
}

/// The button that closes a card (the module's panel, or a pre-rendered card it adopted).
pub fn close_button(doc: &Document, s: &Strings) -> Result<HtmlElement, JsValue> {
    let close = text_el(doc, "button", "tim-close", "×")?;
    close.set_attribute("type", "button")?;
    close.set_attribute("aria-label", s.close)?;
    close.set_title(s.close);
    Ok(close)
}
