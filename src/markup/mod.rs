//! One description of the map's markup, written out once per medium: the pre-render's escaped
//! HTML ([`write::to_string`], native), the module's DOM (`web::markup`: `createElement` and
//! `textContent`, never parsed markup) and the exported SVG image (the same writer, its output
//! being well-formed XML). The parts a visitor sees in more than one of them are built here, and
//! only here: the card ([`card`]), the programme facts, the map's buttons ([`controls`]), the list and its rows ([`list`]), the
//! legend, its swatches and the fill patterns ([`legend`]), the names on the map ([`label`]), with
//! their classes.
//!
//! No coordinate space: these are words and classes; where a part has numbers (a swatch's box,
//! a pattern's tile) they are CSS pixels.

pub mod card;
pub mod controls;
pub mod label;
pub mod legend;
pub mod list;
#[cfg(test)]
mod tests;
pub mod write;
pub mod xml;

/// A node of the description: an element, or text (always written as text, never as markup).
#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    El(El),
    Text(String),
}

/// Which namespace an element is created in (the DOM needs it; HTML parsing infers it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ns {
    Html,
    Svg,
}

/// One element: its tag, attributes in order, themeable style properties and children (the
/// fields of [`Element`], behind a box so that each step of a builder chain moves a pointer,
/// not four vectors: about 1 KB gzip of the module, measured in docs/performance.md).
#[derive(Clone, Debug, PartialEq)]
pub struct El(Box<Element>);

/// What an [`El`] holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Element {
    pub ns: Ns,
    pub tag: &'static str,
    pub attrs: Vec<(&'static str, String)>,
    /// CSS properties that theming needs (`fill: var(--tim-status-…, #colour)`). The module sets
    /// them through the CSSOM, which a strict CSP (`style-src 'self'`) allows; the HTML writer
    /// leaves them out, since an inline `style` attribute is what that CSP blocks.
    pub props: Vec<(&'static str, String)>,
    pub children: Vec<Node>,
}

impl El {
    /// An HTML element.
    pub fn html(tag: &'static str) -> El {
        El::new(Ns::Html, tag)
    }

    /// An SVG element.
    pub fn svg(tag: &'static str) -> El {
        El::new(Ns::Svg, tag)
    }

    fn new(ns: Ns, tag: &'static str) -> El {
        El(Box::new(Element { ns, tag, attrs: Vec::new(), props: Vec::new(), children: Vec::new() }))
    }

    /// Sets attribute `name` (replacing an earlier value).
    ///
    /// ```
    /// use territoires_map::markup::{write::to_string, El};
    /// let a = El::html("a").attr("href", "#x").attr("href", "#y");
    /// assert_eq!(to_string(&a.into()), r##"<a href="#y"></a>"##);
    /// ```
    // `&str` rather than `impl Into<String>`: one copy of the method in the module whatever the
    // caller holds.
    pub fn attr(mut self, name: &'static str, value: &str) -> El {
        match self.attrs.iter_mut().find(|(k, _)| *k == name) {
            Some(slot) => slot.1 = value.to_string(),
            None => self.attrs.push((name, value.to_string())),
        }
        self
    }

    /// Sets attribute `name` when there is a value.
    pub fn attr_if(self, name: &'static str, value: Option<&str>) -> El {
        match value {
            Some(v) => self.attr(name, v),
            None => self,
        }
    }

    /// The `class` attribute; none when `class` is empty.
    pub fn class(self, class: &str) -> El {
        if class.is_empty() {
            self
        } else {
            self.attr("class", class)
        }
    }

    /// A themeable style property (see [`Element::props`]).
    pub fn prop(mut self, name: &'static str, value: &str) -> El {
        self.props.push((name, value.to_string()));
        self
    }

    /// Appends text.
    pub fn text(mut self, text: &str) -> El {
        self.children.push(Node::Text(text.to_string()));
        self
    }

    /// Appends a child.
    pub fn child(mut self, child: impl Into<Node>) -> El {
        self.children.push(child.into());
        self
    }

    /// Appends children.
    pub fn children(mut self, children: impl IntoIterator<Item = impl Into<Node>>) -> El {
        self.children.extend(children.into_iter().map(Into::into));
        self
    }

    /// The value of attribute `name`, if set.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| *k == name).map(|(_, v)| v.as_str())
    }
}

impl std::ops::Deref for El {
    type Target = Element;
    fn deref(&self) -> &Element {
        &self.0
    }
}

impl std::ops::DerefMut for El {
    fn deref_mut(&mut self) -> &mut Element {
        &mut self.0
    }
}

impl From<El> for Node {
    fn from(el: El) -> Node {
        Node::El(el)
    }
}

/// An element holding only text, with a class: the most common shape in the card and the list.
pub fn text_el(tag: &'static str, class: &str, text: &str) -> El {
    El::html(tag).class(class).text(text)
}
