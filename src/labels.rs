//! Label placement in [`Screen`] pixels: each territory's name is centred on its anchor; a label
//! that would overlap one already placed, leave the map or cross its own territory's border is
//! shortened (its short name) or dropped. Larger territories are placed first, so they keep their
//! names. A dropped name is still the territory's accessible name, its tooltip and its list row.

use crate::coords::Screen;
use crate::model::Dataset;
use crate::scene::Scene;
use crate::view::View;

/// Names are written for at most this many territories, the largest: a map of thousands of
/// shapes cannot show them all, and measuring and placing them all would stall the page.
pub const MAX_LABELS: usize = 400;

/// One label to place.
#[derive(Clone, Debug)]
pub struct Candidate {
    pub anchor: Screen,
    /// Texts to try, best first (see [`texts`]): the widest line's width in pixels, and how many
    /// lines.
    pub widths: Vec<(f64, usize)>,
    /// Higher goes first.
    pub priority: f64,
}

/// The territories that get a name on the map, the largest first and at most [`MAX_LABELS`],
/// each with its texts to try ([`texts`]): the candidates of the module, the pre-render and the
/// exported image alike.
pub fn candidates(data: &Dataset, scene: &Scene) -> Vec<(usize, Vec<String>)> {
    let areas: Vec<f64> = scene.territories.iter().map(|t| t.shape.area).collect();
    let mut by_area = crate::rank::largest_first(&areas);
    by_area.truncate(MAX_LABELS);
    let named = by_area.into_iter().filter_map(|i| Some((i, data.territories.get(i)?)));
    named.map(|(i, t)| (i, texts(&t.name, t.short_name.as_deref()))).collect()
}

/// Each text's widest line, by `measure`, and its number of lines: what [`place`] needs.
pub fn widths(texts: &[String], measure: impl Fn(&str) -> f64) -> Vec<(f64, usize)> {
    texts.iter().map(|t| (t.lines().map(&measure).fold(0.0, f64::max), t.lines().count())).collect()
}

/// The texts to try for a name, best first, lines separated by `\n`: the name on one line, then
/// on two, then the short name on one line and on two. A name is broken at the space nearest its
/// middle, a dash that joins two places going with the end of the first line.
///
/// ```
/// use territoires_map::labels::texts;
/// assert_eq!(texts("Troyes Bar sur Aube", None), ["Troyes Bar sur Aube", "Troyes Bar\nsur Aube"]);
/// assert_eq!(texts("Vosges", Some("Vosges")), ["Vosges"]);
/// ```
pub fn texts(name: &str, short: Option<&str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for n in std::iter::once(name).chain(short) {
        for t in [Some(n.to_string()), two_lines(n)].into_iter().flatten() {
            if !out.contains(&t) {
                out.push(t);
            }
        }
    }
    out
}

fn two_lines(name: &str) -> Option<String> {
    let middle = name.chars().count() / 2;
    let (at, _) = name
        .char_indices()
        .enumerate()
        .filter(|(_, (_, c))| *c == ' ')
        .map(|(k, (i, _))| (i, k.abs_diff(middle)))
        .filter(|&(i, _)| !matches!(name[i + 1..].chars().next(), Some('–' | '-')))
        .min_by_key(|&(_, d)| d)?;
    Some(format!("{}\n{}", name[..at].trim_end(), name[at..].trim_start()))
}

/// Where a label went: which text variant, and its box.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placed {
    pub variant: usize,
    pub rect: Rect,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    fn overlaps(&self, o: &Rect) -> bool {
        self.x < o.x + o.w && o.x < self.x + self.w && self.y < o.y + o.h && o.y < self.y + self.h
    }

    fn inside(&self, width: f64, height: f64) -> bool {
        self.x >= 0.0 && self.y >= 0.0 && self.x + self.w <= width && self.y + self.h <= height
    }

    /// The corners, the middles of the sides and the centre: where a label is checked against
    /// the outline of its territory. A sliver thinner than half the box between two of these can
    /// pass unseen; territories' outlines have none at the zooms where their names are written.
    pub fn probes(&self) -> [Screen; 9] {
        let (x0, x1, x2) = (self.x, self.x + self.w / 2.0, self.x + self.w);
        let (y0, y1, y2) = (self.y, self.y + self.h / 2.0, self.y + self.h);
        [(x0, y0), (x1, y0), (x2, y0), (x0, y1), (x1, y1), (x2, y1), (x0, y2), (x1, y2), (x2, y2)]
            .map(|(x, y)| Screen { x, y })
    }
}

/// Places labels of `line_height` pixels inside a `width` × `height` map, `gap` pixels apart;
/// `fits(i, rect)` says whether candidate `i`'s box lies within its territory.
/// Returns, for each candidate in input order, where it went or `None` when it was dropped.
pub fn place(
    cands: &[Candidate],
    line_height: f64,
    gap: f64,
    (width, height): (f64, f64),
    fits: impl Fn(usize, &Rect) -> bool,
) -> Vec<Option<Placed>> {
    let priorities: Vec<f64> = cands.iter().map(|c| c.priority).collect();
    let order = crate::rank::largest_first(&priorities);
    let mut out = vec![None; cands.len()];
    let mut taken: Vec<Rect> = Vec::new();
    for i in order {
        let c = &cands[i];
        for (variant, &(w, lines)) in c.widths.iter().enumerate() {
            let h = line_height * lines as f64;
            let rect = Rect { x: c.anchor.x - w / 2.0, y: c.anchor.y - h / 2.0, w, h };
            let padded = Rect { x: rect.x - gap, y: rect.y - gap, w: rect.w + 2.0 * gap, h: rect.h + 2.0 * gap };
            if rect.inside(width, height) && !taken.iter().any(|t| t.overlaps(&padded)) && fits(i, &rect) {
                taken.push(rect);
                out[i] = Some(Placed { variant, rect });
                break;
            }
        }
    }
    out
}

/// Font size of a label, in pixels (map.css's `.tim-label`).
pub const LABEL_PX: f64 = 12.0;
/// Height of one line of a label, its halo included.
pub const LINE_PX: f64 = LABEL_PX + 2.0;

/// Places the names of the territories `which` (index, and the widest line's width and line
/// count of each text variant, see [`texts`]) at view `v`: the largest territories first, none
/// overlapping, each inside its territory. For each, in input order: where its first line's
/// middle goes and which variant, or `None` when it was dropped.
pub fn at_view(v: &View, scene: &Scene, which: &[(usize, &[(f64, usize)])]) -> Vec<Option<(Screen, usize)>> {
    let cands: Vec<Candidate> = which
        .iter()
        .map(|&(i, widths)| {
            let t = &scene.territories[i];
            Candidate { anchor: v.to_screen(t.label_at), widths: widths.to_vec(), priority: t.shape.area }
        })
        .collect();
    let fits = |k: usize, r: &Rect| {
        let shape = &scene.territories[which[k].0].shape;
        r.probes().iter().all(|&p| shape.contains(v.to_projected(p)))
    };
    let placed = place(&cands, LINE_PX, 3.0, (v.width, v.height), fits);
    placed
        .into_iter()
        .zip(&cands)
        .map(|(p, c)| {
            let p = p?;
            Some((Screen { x: c.anchor.x, y: c.anchor.y - (p.rect.h - LINE_PX) / 2.0 }, p.variant))
        })
        .collect()
}

/// A width estimate for text of `chars` characters at `font_px`, for when no measurement exists.
pub fn estimate_width(text: &str, font_px: f64) -> f64 {
    text.chars().count() as f64 * font_px * 0.56
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(x: f64, y: f64, widths: &[f64], priority: f64) -> Candidate {
        Candidate { anchor: Screen { x, y }, widths: widths.iter().map(|&w| (w, 1)).collect(), priority }
    }

    fn anywhere(_: usize, _: &Rect) -> bool {
        true
    }

    #[test]
    fn a_name_wider_than_its_territory_is_shortened_then_dropped() {
        // Territory 0 spans x 60..140, territory 1 x 200..230 (both the map's full height).
        let spans = [(60.0, 140.0), (200.0, 230.0)];
        let fits = |i: usize, r: &Rect| r.probes().iter().all(|p| p.x >= spans[i].0 && p.x <= spans[i].1);
        let long = cand(100.0, 50.0, &[120.0, 50.0], 2.0);
        let narrow = cand(215.0, 50.0, &[60.0, 40.0], 1.0);
        let r = place(&[long, narrow], 12.0, 2.0, (400.0, 100.0), fits);
        assert_eq!(r[0].unwrap().variant, 1, "the short name fits inside");
        assert_eq!(r[1], None, "neither name fits: no label crossing the border");
    }

    #[test]
    fn a_name_on_two_lines_is_narrower_and_twice_as_tall() {
        // 20 px wide, the map's full height: one line of 60 px does not fit, two of 30 px don't
        // either, two lines of 18 px do.
        let fits = |_: usize, r: &Rect| r.x >= 90.0 && r.x + r.w <= 110.0;
        let c = Candidate { anchor: Screen { x: 100.0, y: 50.0 }, widths: vec![(60.0, 1), (18.0, 2)], priority: 1.0 };
        let r = place(&[c], 12.0, 2.0, (400.0, 100.0), fits);
        assert_eq!(r[0].unwrap().variant, 1);
        assert_eq!(r[0].unwrap().rect.h, 24.0);
    }

    #[test]
    fn names_break_at_the_middle_space_and_dashes_stay_on_the_first_line() {
        assert_eq!(texts("Moselle Est", None), ["Moselle Est", "Moselle\nEst"]);
        assert_eq!(texts("Saverne – Nord Alsace", None), ["Saverne – Nord Alsace", "Saverne –\nNord Alsace"]);
        assert_eq!(texts("Bazancourt-Pomacle", None), ["Bazancourt-Pomacle"]);
        let t = texts("Alsace bossue – Saverne – Nord Alsace", Some("Saverne – Nord Alsace"));
        assert_eq!(t.len(), 4);
        assert_eq!(t[1], "Alsace bossue –\nSaverne – Nord Alsace");
    }

    #[test]
    fn probes_cover_the_corners_and_the_centre() {
        let p = Rect { x: 10.0, y: 20.0, w: 40.0, h: 10.0 }.probes();
        assert_eq!(p[0], Screen { x: 10.0, y: 20.0 });
        assert_eq!(p[4], Screen { x: 30.0, y: 25.0 });
        assert_eq!(p[8], Screen { x: 50.0, y: 30.0 });
    }

    #[test]
    fn far_apart_labels_all_fit() {
        let r = place(
            &[cand(50.0, 50.0, &[40.0], 1.0), cand(200.0, 50.0, &[40.0], 2.0)],
            12.0,
            2.0,
            (300.0, 100.0),
            anywhere,
        );
        assert!(r.iter().all(|p| p.map(|p| p.variant) == Some(0)));
    }

    #[test]
    fn overlapping_label_is_shortened_then_dropped() {
        let big = cand(100.0, 50.0, &[80.0], 10.0);
        // Full name would overlap the big label; the short one fits to its right.
        let shortened = cand(170.0, 50.0, &[80.0, 30.0], 5.0);
        // Nothing fits here: dropped.
        let dropped = cand(100.0, 55.0, &[60.0, 20.0], 1.0);
        let r = place(&[dropped, big, shortened], 12.0, 2.0, (400.0, 100.0), anywhere);
        assert_eq!(r[0], None);
        assert_eq!(r[1].unwrap().variant, 0);
        assert_eq!(r[2].unwrap().variant, 1);
    }

    #[test]
    fn labels_stay_inside_the_map() {
        let r = place(&[cand(5.0, 50.0, &[40.0], 1.0)], 12.0, 2.0, (300.0, 100.0), anywhere);
        assert_eq!(r[0], None);
        assert!(estimate_width("Vosges", 10.0) > 20.0);
    }
}
