//! The description as text: HTML for the pre-rendered pages, which is also well-formed XML for
//! the exported SVG image (every element closed, every value escaped, no void-element shortcut
//! but for HTML's own void elements). Themeable properties are left out (see
//! [`Element::props`](super::Element::props)).

use super::xml;
use super::{El, Node};

/// HTML's void elements: written without a closing tag (an `</input>` would be a parse error).
const VOID: [&str; 4] = ["input", "br", "img", "meta"];

/// The node as HTML (and XML), every text and attribute value escaped.
///
/// ```
/// use territoires_map::markup::{write::to_string, El};
/// let p = El::html("p").class("tim-x").text("R&D <b>");
/// assert_eq!(to_string(&p.into()), r#"<p class="tim-x">R&amp;D &lt;b&gt;</p>"#);
/// ```
pub fn to_string(node: &Node) -> String {
    let mut out = String::new();
    write(node, &mut out);
    out
}

/// Several nodes one after the other.
pub fn all_to_string(nodes: &[Node]) -> String {
    let mut out = String::new();
    for n in nodes {
        write(n, &mut out);
    }
    out
}

/// XML's escaping ([`xml::escape`]) but for `'`, which neither HTML text nor a double-quoted
/// attribute needs escaped: "Territoires d'industrie" stays readable in the page's source.
fn escape(s: &str, out: &mut String) {
    for (k, part) in s.split('\'').enumerate() {
        if k > 0 {
            out.push('\'');
        }
        xml::escape(part, out);
    }
}

fn write(node: &Node, out: &mut String) {
    match node {
        Node::Text(t) => escape(t, out),
        Node::El(el) => element(el, out),
    }
}

fn element(el: &El, out: &mut String) {
    out.push('<');
    out.push_str(el.tag);
    for (k, v) in &el.attrs {
        out.push(' ');
        out.push_str(k);
        out.push_str("=\"");
        escape(v, out);
        out.push('"');
    }
    out.push('>');
    if VOID.contains(&el.tag) && el.children.is_empty() {
        return;
    }
    for c in &el.children {
        write(c, out);
    }
    out.push_str("</");
    out.push_str(el.tag);
    out.push('>');
}
