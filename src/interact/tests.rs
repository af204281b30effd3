use super::*;
use crate::load;

/// Two squares side by side: "Ouest" (index 0) and "Est" (index 1); keyboard order is Est, Ouest.
fn setup() -> (Controller, Scene) {
    setup_with(Settings::default())
}

fn setup_with(settings: Settings) -> (Controller, Scene) {
    let json = r#"{"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"id":"o","name":"Ouest","status":"s"},
       "geometry":{"type":"Polygon","coordinates":[[[5,48],[6,48],[6,49],[5,49],[5,48]]]}},
      {"type":"Feature","properties":{"id":"e","name":"Est","status":"s"},
       "geometry":{"type":"Polygon","coordinates":[[[6,48],[7,48],[7,49],[6,49],[6,48]]]}}]}"#;
    let data = load::territories(json.as_bytes()).unwrap().data;
    let scene = Scene::build(&data, None);
    let view = View::fit(scene.bounds, 400.0, 200.0, 0.0);
    (Controller::new(view, &scene, settings), scene)
}

fn centre_of(c: &Controller, s: &Scene, i: usize) -> Screen {
    c.view.to_screen(s.territories[i].label_at)
}

#[test]
fn click_opens_the_territory_under_the_pointer_and_background_closes() {
    let (mut c, s) = setup();
    let at = centre_of(&c, &s, 0);
    c.handle(Input::PointerDown { id: 1, at, touch: false }, &s);
    assert_eq!(c.handle(Input::PointerUp { id: 1, at }, &s), vec![Effect::Open(0)]);
    assert_eq!(c.open, Some(0));
    let outside = Screen { x: 1.0, y: 1.0 };
    c.handle(Input::PointerDown { id: 1, at: outside, touch: false }, &s);
    let fx = c.handle(Input::PointerUp { id: 1, at: outside }, &s);
    assert_eq!(fx, vec![Effect::Close { refocus: None }]);
}

#[test]
fn hover_follows_the_pointer() {
    let (mut c, s) = setup();
    let at = centre_of(&c, &s, 1);
    assert_eq!(c.handle(Input::PointerMove { id: 1, at }, &s), vec![Effect::Hover(Some((1, at)))]);
    assert_eq!(c.handle(Input::PointerLeave, &s), vec![Effect::Hover(None)]);
    assert_eq!(c.handle(Input::PointerLeave, &s), vec![]);
}

#[test]
fn drag_pans_and_is_not_a_click() {
    let (mut c, s) = setup();
    let a = centre_of(&c, &s, 0);
    let before = c.view;
    c.handle(Input::PointerDown { id: 1, at: a, touch: false }, &s);
    c.handle(Input::PointerMove { id: 1, at: Screen { x: a.x + 2.0, y: a.y } }, &s);
    let fx = c.handle(Input::PointerMove { id: 1, at: Screen { x: a.x + 30.0, y: a.y + 10.0 } }, &s);
    assert!(fx.contains(&Effect::ViewChanged));
    assert!((c.view.tx - before.tx - 30.0).abs() < 1e-9 && (c.view.ty - before.ty - 10.0).abs() < 1e-9);
    assert!(c.handle(Input::PointerUp { id: 1, at: a }, &s).is_empty());
}

#[test]
fn pinch_zooms_about_the_fingers() {
    let (mut c, s) = setup();
    c.handle(Input::PointerDown { id: 1, at: Screen { x: 150.0, y: 100.0 }, touch: false }, &s);
    c.handle(Input::PointerDown { id: 2, at: Screen { x: 250.0, y: 100.0 }, touch: false }, &s);
    c.handle(Input::PointerMove { id: 2, at: Screen { x: 350.0, y: 100.0 } }, &s);
    assert!((c.view.zoom() - 2.0).abs() < 1e-9, "{}", c.view.zoom());
    // Lifting the fingers after a pinch is not a click.
    assert!(c.handle(Input::PointerUp { id: 2, at: Screen { x: 350.0, y: 100.0 } }, &s).is_empty());
    assert!(c.handle(Input::PointerUp { id: 1, at: Screen { x: 150.0, y: 100.0 } }, &s).is_empty());
}

#[test]
fn keyboard_moves_in_name_order_opens_and_escape_returns_focus() {
    let (mut c, s) = setup();
    assert_eq!(c.focus, 1, "Est comes first by name");
    let fx = c.handle(Input::Key(Key::Next), &s);
    assert_eq!(fx[0], Effect::Focus(0));
    assert_eq!(c.handle(Input::Key(Key::Next), &s)[0], Effect::Focus(1), "wraps around");
    assert_eq!(c.handle(Input::Key(Key::Previous), &s)[0], Effect::Focus(0));
    assert_eq!(c.handle(Input::Key(Key::First), &s)[0], Effect::Focus(1));
    assert_eq!(c.handle(Input::Key(Key::Last), &s)[0], Effect::Focus(0));
    assert_eq!(c.handle(Input::Key(Key::Activate), &s), vec![Effect::Open(0)]);
    assert_eq!(c.handle(Input::Key(Key::Escape), &s), vec![Effect::Close { refocus: Some(0) }]);
}

#[test]
fn zoom_inputs_change_the_view_and_reset_restores_it() {
    let (mut c, s) = setup();
    c.handle(Input::ZoomIn, &s);
    assert!((c.view.zoom() - ZOOM_STEP).abs() < 1e-9);
    c.handle(Input::Wheel { at: Screen { x: 10.0, y: 10.0 }, delta: 100.0, modifier: false }, &s);
    assert!((c.view.zoom() - 1.0).abs() < 1e-9);
    c.handle(Input::Key(Key::ZoomIn), &s);
    c.handle(Input::Key(Key::Pan { dx: PAN_STEP, dy: 0.0 }), &s);
    c.handle(Input::Reset, &s);
    assert!((c.view.zoom() - 1.0).abs() < 1e-9);
}

#[test]
fn select_from_outside_and_out_of_range_is_harmless() {
    let (mut c, s) = setup();
    assert_eq!(c.handle(Input::Select(Some(0)), &s), vec![Effect::Open(0)]);
    assert_eq!(c.handle(Input::Select(Some(99)), &s), vec![Effect::Close { refocus: None }]);
    assert!(c.handle(Input::Focused(99), &s).is_empty());
    assert_eq!(c.focus, 0);
}

#[test]
fn cooperative_mode_leaves_wheel_and_one_finger_to_the_page() {
    let (mut c, s) = setup_with(Settings { cooperative: true, ..Settings::default() });
    let at = Screen { x: 200.0, y: 100.0 };
    assert_eq!(c.handle(Input::Wheel { at, delta: 100.0, modifier: false }, &s), vec![Effect::Hint(Gesture::Wheel)]);
    assert!((c.view.zoom() - 1.0).abs() < 1e-9);
    assert_eq!(c.handle(Input::Wheel { at, delta: -100.0, modifier: true }, &s), vec![Effect::ViewChanged]);
    c.handle(Input::Reset, &s);
    let before = c.view;
    c.handle(Input::PointerDown { id: 1, at, touch: true }, &s);
    let fx = c.handle(Input::PointerMove { id: 1, at: Screen { x: 200.0, y: 160.0 } }, &s);
    assert_eq!(fx, vec![Effect::Hint(Gesture::Touch)]);
    c.handle(Input::PointerMove { id: 1, at: Screen { x: 200.0, y: 190.0 } }, &s);
    assert_eq!(c.view, before, "one finger does not move the map");
    assert!(c.handle(Input::PointerUp { id: 1, at }, &s).is_empty(), "nor is it a click");
    // Two fingers do.
    c.handle(Input::PointerDown { id: 1, at, touch: true }, &s);
    c.handle(Input::PointerDown { id: 2, at: Screen { x: 300.0, y: 100.0 }, touch: true }, &s);
    c.handle(Input::PointerMove { id: 2, at: Screen { x: 400.0, y: 100.0 } }, &s);
    assert!((c.view.zoom() - 2.0).abs() < 1e-9);
    // A mouse drags the map even in cooperative mode.
    c.handle(Input::PointerUp { id: 1, at }, &s);
    c.handle(Input::PointerUp { id: 2, at }, &s);
    let before = c.view;
    c.handle(Input::PointerDown { id: 3, at, touch: false }, &s);
    c.handle(Input::PointerMove { id: 3, at: Screen { x: 240.0, y: 100.0 } }, &s);
    assert_ne!(c.view, before);
}

#[test]
fn small_territories_get_a_marker_that_can_be_clicked() {
    let json = r#"{"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"id":"big","name":"Grand","status":"s"},
       "geometry":{"type":"Polygon","coordinates":[[[5,48],[7,48],[7,49],[5,49],[5,48]]]}},
      {"type":"Feature","properties":{"id":"tiny","name":"Petit","status":"s"},
       "geometry":{"type":"Polygon","coordinates":[[[6,48.5],[6.02,48.5],[6.02,48.52],[6,48.52],[6,48.5]]]}}]}"#;
    let data = load::territories(json.as_bytes()).unwrap().data;
    let s = Scene::build(&data, None);
    let mut c = Controller::new(View::fit(s.bounds, 400.0, 200.0, 0.0), &s, Settings::default());
    let markers = c.markers(&s);
    assert_eq!(markers.len(), 1);
    let (i, at) = markers[0];
    assert_eq!(i, 1);
    // 10 px off the centre of the tiny shape is still on its marker, not on the big one.
    let near = Screen { x: at.x + 10.0, y: at.y };
    c.handle(Input::PointerDown { id: 1, at: near, touch: false }, &s);
    assert_eq!(c.handle(Input::PointerUp { id: 1, at: near }, &s), vec![Effect::Open(1)]);
    // Without markers (the canvas renderer), the same point is on the big territory.
    let mut without = Controller::new(c.view, &s, Settings { markers: false, ..Settings::default() });
    assert!(without.markers(&s).is_empty());
    without.handle(Input::PointerDown { id: 1, at: near, touch: false }, &s);
    assert_eq!(without.handle(Input::PointerUp { id: 1, at: near }, &s), vec![Effect::Open(0)]);
    // Zoomed in far enough, the territory is a target of its own and the marker goes (the
    // markers kept for the last view are not reused for the new one).
    c.view.zoom_at(at, 100.0);
    assert!(c.markers(&s).is_empty());
}

#[test]
fn keyboard_focus_brings_an_offscreen_territory_into_view() {
    let (mut c, s) = setup();
    c.view.zoom_at(centre_of(&c, &s, 1), 8.0);
    // Focus is on "Est" (1); the next is "Ouest" (0), now off screen.
    let fx = c.handle(Input::Key(Key::Next), &s);
    assert!(fx.contains(&Effect::ViewChanged) && fx.contains(&Effect::Focus(0)), "{fx:?}");
    let at = centre_of(&c, &s, 0);
    assert!(at.x >= 0.0 && at.x <= 400.0 && at.y >= 0.0 && at.y <= 200.0, "{at:?}");
}

#[test]
fn a_shrinking_map_keeps_the_open_territory_in_sight() {
    let (mut c, s) = setup();
    c.handle(Input::Select(Some(1)), &s);
    // The panel takes the lower part of a small screen: the map is now a thin strip at the top.
    c.view.zoom_at(centre_of(&c, &s, 0), 4.0);
    let fx = c.handle(Input::Resize { width: 400.0, height: 60.0 }, &s);
    assert!(fx.iter().filter(|e| **e == Effect::ViewChanged).count() >= 1);
    let at = centre_of(&c, &s, 1);
    assert!(at.x >= 0.0 && at.x <= 400.0 && at.y >= 0.0 && at.y <= 60.0, "{at:?}");
}

/// The observer reports the map's size once when it starts watching: a map adopted from the
/// pre-render keeps its picture (see `crate::hydrate`), so an unchanged size is no view change.
#[test]
fn a_resize_to_the_same_size_changes_nothing() {
    let (mut c, s) = setup();
    let (w, h) = (c.view.width, c.view.height);
    assert_eq!(c.handle(Input::Resize { width: w, height: h }, &s), Vec::new());
    assert!(c.handle(Input::Resize { width: w + 1.0, height: h }, &s).contains(&Effect::ViewChanged));
}

#[test]
fn where_the_browser_hits_the_paths_the_territory_it_found_is_hovered_and_opened() {
    // The small module's scene: bounds and areas, no rings (read from the page's `data-box`).
    let (mut c, mut s) = setup();
    for t in &mut s.territories {
        t.shape = crate::geom::Shape::summary(t.shape.bounds, t.shape.area);
    }
    let at = centre_of(&c, &s, 0);
    assert_eq!(c.handle(Input::PointerMove { id: 1, at }, &s), vec![], "no rings: nothing found by itself");
    c.point_at(Some(0));
    assert_eq!(c.handle(Input::PointerMove { id: 1, at }, &s), vec![Effect::Hover(Some((0, at)))]);
    c.handle(Input::PointerDown { id: 1, at, touch: false }, &s);
    assert_eq!(c.handle(Input::PointerUp { id: 1, at }, &s), vec![Effect::Open(0)]);
    c.point_at(None);
    c.handle(Input::PointerDown { id: 1, at, touch: false }, &s);
    assert_eq!(c.handle(Input::PointerUp { id: 1, at }, &s), vec![Effect::Close { refocus: None }]);
}
