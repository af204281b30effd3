//! A minimal XML writer for the exported SVG document ([`crate::image`]): elements, attributes
//! and text, every value escaped; the parts the document shares with the pages come from the
//! [markup description](super), through [`Xml::element`]. Hand-written because the small crate
//! for this, `xmlwriter` 0.1.0, escapes neither `&` in text nor `&` and `<` in attributes, so a
//! territory named `R&D` would make the document unreadable.

/// An XML document being written.
#[derive(Default)]
pub struct Xml {
    out: String,
}

/// Appends `s` to `out` with `& < > " '` escaped and the characters XML 1.0 forbids (C0 controls
/// other than tab and line breaks, unpaired surrogates cannot occur in a `str`) dropped.
///
/// ```
/// let mut out = String::new();
/// territoires_map::markup::xml::escape("a<b & \"c\" ]]>\u{0}", &mut out);
/// assert_eq!(out, "a&lt;b &amp; &quot;c&quot; ]]&gt;");
/// ```
pub fn escape(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
}

impl Xml {
    /// Opens `<name a="v"…>`.
    pub fn open(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.start(name, attrs);
        self.out.push('>');
    }

    /// Writes `<name a="v"…/>`.
    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.start(name, attrs);
        self.out.push_str("/>");
    }

    /// Writes `<name a="v"…>text</name>`.
    pub fn text_el(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) {
        self.open(name, attrs);
        escape(text, &mut self.out);
        self.close(name);
    }

    /// Closes `</name>`.
    pub fn close(&mut self, name: &str) {
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
    }

    fn start(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.out.push('<');
        self.out.push_str(name);
        for (k, v) in attrs {
            self.out.push(' ');
            self.out.push_str(k);
            self.out.push_str("=\"");
            escape(v, &mut self.out);
            self.out.push('"');
        }
    }

    /// Writes an element of the map's [markup description](super), as the pages write it.
    pub fn element(&mut self, el: super::El) {
        self.out.push_str(&super::write::to_string(&el.into()));
    }

    /// The document written.
    pub fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_and_text_are_escaped() {
        let mut x = Xml::default();
        x.open("svg", &[("aria-label", "\"><script>&'")]);
        x.text_el("text", &[], "<b>R&D</b> ]]> \u{1}\u{8}ok\n");
        x.empty("path", &[("d", "M0 0z")]);
        x.close("svg");
        assert_eq!(
            x.finish(),
            "<svg aria-label=\"&quot;&gt;&lt;script&gt;&amp;&apos;\"><text>&lt;b&gt;R&amp;D&lt;/b&gt; ]]&gt; ok\n</text>\
             <path d=\"M0 0z\"/></svg>"
        );
    }
}
