//! The DOM writer of [`crate::markup`]: each element created in its namespace, attributes set,
//! themeable properties set through the CSSOM (which a strict CSP allows), text through text
//! nodes. Nothing is ever parsed as markup.

use super::dom::SVG_NS;
use crate::markup::{El, Node, Ns};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlElement, SvgElement};

/// The element and its subtree, ready to insert.
pub fn element(doc: &Document, el: &El) -> Result<Element, JsValue> {
    let out = match el.ns {
        Ns::Html => doc.create_element(el.tag)?,
        Ns::Svg => doc.create_element_ns(Some(SVG_NS), el.tag)?,
    };
    for (k, v) in &el.attrs {
        out.set_attribute(k, v)?;
    }
    let style = match out.dyn_ref::<HtmlElement>() {
        Some(h) => Some(h.style()),
        None => out.dyn_ref::<SvgElement>().map(SvgElement::style),
    };
    if let Some(style) = style {
        for (k, v) in &el.props {
            style.set_property(k, v)?;
        }
    }
    append_all(doc, &out, &el.children)?;
    Ok(out)
}

/// Appends `nodes` to `parent`, in order.
pub fn append_all(doc: &Document, parent: &Element, nodes: &[Node]) -> Result<(), JsValue> {
    for n in nodes {
        match n {
            // `Element.append` of a string: a text node, never parsed.
            Node::Text(t) => parent.append_with_str_1(t)?,
            Node::El(el) => parent.append_with_node_1(&element(doc, el)?.into())?,
        }
    }
    Ok(())
}

/// Sets `desc`'s attributes on `el`, an element already there that each view redraws.
pub fn set_attrs(el: &Element, desc: &El) -> Result<(), JsValue> {
    for (k, v) in &desc.attrs {
        el.set_attribute(k, v)?;
    }
    Ok(())
}

/// Brings `parent`'s child of `desc`'s class to `desc`'s attributes, or puts `desc` first in
/// `parent` when there is none yet (paths drawn under what `parent` holds).
pub fn set_or_insert_first(doc: &Document, parent: &Element, desc: &El) -> Result<(), JsValue> {
    let class = desc.get("class").unwrap_or_default();
    match parent.query_selector(&format!(":scope > .{class}"))? {
        Some(el) => set_attrs(&el, desc),
        None => {
            let (el, first) = (element(doc, desc)?, parent.first_child());
            parent.insert_before(&el, first.as_ref()).map(|_| ())
        }
    }
}

/// Replaces what `parent` holds with `nodes`.
pub fn replace(doc: &Document, parent: &Element, nodes: &[Node]) -> Result<(), JsValue> {
    parent.set_text_content(None);
    append_all(doc, parent, nodes)
}
