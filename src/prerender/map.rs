//! The pre-rendered map itself: the SVG (patterns, context, territories as links, labels) and
//! the legend, with the classes and ids the module's `web::chrome`, `web::svg` and `web::draw`
//! write, so that map.css draws both alike, and the module adopts them. Paths are in kilometres
//! inside the view group; names and markers twice, in the pixels of the nominal view box (the
//! desktop's) and in those of a phone's stage (see [`crate::hydrate::NARROW_WIDTH`]).

use super::parts::{element, nodes};
use super::{card_href, page_slug, Links, Site, HEIGHT, UID, WIDTH};
use crate::coords::Screen;
use crate::hydrate::fit::markers_hold;
use crate::hydrate::{narrow_size, shown_view, stage_to_layer, ViewBox};
use crate::interact::{Controller, Settings};
use crate::labels::{named, reserved, Rect, Room};
use crate::markup::label::{leaders_and_badges, marker, marker_lines, placed};
use crate::markup::legend::{patterns, Styling};
use crate::render::path_data;
use crate::render::read::{box_of, label_at, ring_counts};
use crate::render::svg::{context_class, pattern_fill, pattern_transform, Mark};
use crate::view::View;
use maud::{html, Markup};

/// Where territory `i` links to.
fn territory_href(site: &Site, i: usize, links: &Links) -> String {
    let id = &site.data.territories[i].id;
    match page_slug(id) {
        Some(slug) if !links.to_cards => format!("{}{slug}.html", links.pages),
        _ => card_href(id),
    }
}

/// The view box: the territories' bounds at view `v` with the module's padding around them, so
/// that the browser's `meet` fits them to the stage as the module's `View::fit` does (the whole
/// nominal box when the scene is empty). The padding is the module's on the short side and grown
/// on the other so that the box has the bounds' own ratio, the `--tim-ratio` the module gives
/// the stage on narrow screens, where map.css sizes a pre-rendered stage by this box instead.
/// Outside it, the context shows through (map.css lets a pre-rendered SVG overflow its box).
fn view_box(site: &Site, v: &View) -> ViewBox {
    let b = site.scene.bounds;
    if b.is_empty() || b.width() <= 0.0 || b.height() <= 0.0 {
        return ViewBox { x: 0.0, y: 0.0, width: WIDTH, height: HEIGHT };
    }
    let (a, z) = (v.to_screen(b.min), v.to_screen(b.max));
    let (w, h) = ((z.x - a.x).abs(), (z.y - a.y).abs());
    let pad = super::FIT_PADDING;
    let (px, py) = (pad * (w / h).max(1.0), pad * (h / w).max(1.0));
    // Rounded as written, so that what the module reads back is what was used here.
    let r = |n: f64| (n * 100.0).round() / 100.0;
    ViewBox { x: r(a.x.min(z.x) - px), y: r(a.y.min(z.y) - py), width: r(w + 2.0 * px), height: r(h + 2.0 * py) }
}

/// The map's SVG at the pre-rendered view; `selected` is drawn highlighted.
pub fn svg(site: &Site, selected: Option<usize>, links: &Links) -> Markup {
    let v = site.view();
    let s = site.strings;
    let statuses = &site.data.legend.statuses;
    let transform = pattern_transform(&v);
    let vb = view_box(site, &v);
    let view_box = format!("{:.2} {:.2} {:.2} {:.2}", vb.x, vb.y, vb.width, vb.height);
    html! {
        svg class="tim-svg" role="group" aria-label=(s.map_label) aria-describedby=(format!("tim{UID}-help"))
            tabindex="-1" viewBox=(view_box) preserveAspectRatio="xMidYMid meet" {
            defs {
                @for legend in [false, true] {
                    @for p in patterns(site.data, UID, legend, Some(&transform), Styling::Classes) { (element(p)) }
                }
            }
            g class="tim-view" transform=(v.svg_transform()) {
                g class="tim-context-layer" aria-hidden="true" {
                    @for c in &site.scene.context {
                        path class=(context_class(c.layer)) d=(path_data(&c.shape.geometry))
                            data-rings=(ring_counts(&c.shape.geometry)) {}
                    }
                }
                g class="tim-territories" {
                    @for &i in &site.scene.order {
                        @let t = &site.data.territories[i];
                        @let class = if selected == Some(i) { format!("tim-territory {}", Mark::Selected.class()) } else { "tim-territory".to_string() };
                        a href=(territory_href(site, i, links)) aria-label=(crate::card::spoken(site.data, i, site.strings))
                            aria-current=[(selected == Some(i)).then_some("page")] {
                            @let shape = &site.scene.territories[i].shape.geometry;
                            path class=(class) d=(path_data(shape)) data-rings=(ring_counts(shape))
                                data-at=(label_at(site.scene.territories[i].label_at))
                                data-box=(box_of(&site.scene.territories[i].shape))
                                fill=(pattern_fill(UID, t.status, false)) data-id=(t.id) data-index=(i)
                                data-status=(statuses.get(t.status).map(|c| c.id.as_str()).unwrap_or("")) {}
                        }
                    }
                }
            }
            (overlay(site, &v, "wide", None, Rect { x: vb.x, y: vb.y, w: vb.width, h: vb.height }))
            @let (w, h) = narrow_size(&vb);
            (overlay(site, &shown_view(site.scene.bounds, &v, &vb, w, h), "narrow", Some(stage_to_layer(&vb, w, h, None)), Rect { x: 0.0, y: 0.0, w, h }))
        }
    }
}

/// The markers and the names at view `v`, for the screens map.css shows them on (`layout`):
/// the desktop's, in the box's own units, or a phone's, in its pixels, brought into the box by
/// `transform`; `shown` is what the stage shows of it, the map's buttons at its top left. The
/// module adopts the one shown (see `web::hydrate`).
fn overlay(site: &Site, v: &View, layout: &str, transform: Option<String>, shown: Rect) -> Markup {
    let markers = Settings::markers_for(site.data.territories.len());
    let settings = Settings { cooperative: false, markers, outlines: true };
    let ctl = Controller::new(*v, &site.scene, settings);
    let (markers, lines) = (ctl.markers(&site.scene), ctl.marker_lines(&site.scene));
    // The stage sizes these markers hold for, which the small module checks (`hydrate::fit`).
    let ids = |w: &View| Controller::new(*w, &site.scene, settings).markers(&site.scene).iter().map(|m| m.0).collect();
    let fit = markers_hold(site.scene.bounds, v, ids);
    html! {
        g class=(format!("tim-overlay tim-overlay-{layout}")) transform=[transform] {
            g class="tim-markers" aria-hidden="true" data-fit=(fit) {
                (element(marker_lines(&lines)))
                @for (i, at) in markers { (element(marker(site.data, i, at.x, at.y, UID, false))) }
            }
            (labels(site, v, shown))
        }
    }
}

/// The territories' names (or numbers, with their leader lines and badges), placed as the module
/// places them at the same view, on the same widths ([`crate::labels::metrics`]).
fn labels(site: &Site, v: &View, shown: Rect) -> Markup {
    let named = named(site.data, &site.scene);
    let room = Room { area: shown, reserved: reserved(Some(Screen { x: shown.x, y: shown.y })) };
    let marks = crate::labels::at_view(v, &site.scene, &named, &room, None);
    html! {
        g class="tim-labels" aria-hidden="true" {
            @for el in leaders_and_badges(marks.iter().flatten()) { (element(el)) }
            @for (n, m) in named.iter().zip(&marks) {
                @if let Some(m) = m { (element(placed(n.index, m, &n.texts))) }
            }
        }
    }
}

/// The legend: each status with its swatch and how many territories have it.
pub fn legend(site: &Site) -> Markup {
    html! { div class="tim-legend" { (nodes(&crate::markup::legend::legend(site.data, UID))) } }
}
