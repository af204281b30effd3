//! Placement on the real map (the Grand Est at the pre-render's desktop size, a laptop's and a
//! phone's) and on a made-up map of many areas.

use super::keys::KEY_PX;
use super::*;
use crate::load;
use crate::text::FR;

const GRAND_EST: &[u8] = include_bytes!("../../data/territoires-grand-est.geojson");

struct Placed {
    data: Dataset,
    scene: Scene,
    view: View,
    named: Vec<Named>,
    marks: Vec<Option<Mark>>,
}

fn grand_est(width: f64, height: f64) -> Placed {
    let data = load::territories_with(GRAND_EST, &FR.mapping(), None).unwrap().data;
    let scene = Scene::build(&data, None);
    let view = View::fit(scene.bounds, width, height, crate::view::FIT_PADDING);
    let named = named(&data, &scene);
    let marks = at_view(&view, &scene, &named, &Room::view(&view, true), None);
    Placed { data, scene, view, named, marks }
}

/// The box a mark covers.
fn bounds(n: &Named, m: &Mark) -> Rect {
    match *m {
        Mark::Name { at, variant, .. } => {
            let (w, lines) = n.widths[variant];
            Rect { x: at.x - w / 2.0, y: at.y - LINE_PX / 2.0, w, h: LINE_PX * lines as f64 }
        }
        Mark::Key { at, .. } => Rect { x: at.x - KEY_PX / 2.0, y: at.y - KEY_PX / 2.0, w: KEY_PX, h: KEY_PX },
    }
}

/// Every territory marked, no two boxes overlapping, none over the buttons or out of the view,
/// every leader line ending inside its own territory; the number of names.
fn check(p: &Placed) -> usize {
    assert_eq!(p.named.len(), p.data.territories.len());
    let boxes: Vec<Rect> = p.named.iter().zip(&p.marks).map(|(n, m)| bounds(n, m.as_ref().expect("marked"))).collect();
    let buttons = reserved(Some(Screen::default()));
    for (k, a) in boxes.iter().enumerate() {
        assert!(a.within(&Rect { x: 0.0, y: 0.0, w: p.view.width, h: p.view.height }), "{a:?} in view");
        assert!(!a.overlaps(&buttons[0]), "{a:?} clear of the buttons");
        for b in &boxes[k + 1..] {
            assert!(!a.overlaps(b), "{a:?} and {b:?} overlap");
        }
    }
    for (n, m) in p.named.iter().zip(&p.marks) {
        let (Some(Mark::Name { leader: Some((_, end)), .. }) | Some(Mark::Key { leader: Some((_, end)), .. })) = m
        else {
            continue;
        };
        assert!(p.scene.territories[n.index].shape.contains(p.view.to_projected(*end)), "{}'s line", n.texts[0]);
    }
    p.marks.iter().filter(|m| matches!(m, Some(Mark::Name { .. }))).count()
}

#[test]
fn on_a_desktop_and_a_laptop_every_territory_is_named() {
    for (w, h) in [(1150.0, 560.0), (700.0, 600.0)] {
        let p = grand_est(w, h);
        assert_eq!(check(&p), 15, "{w} × {h}: {:?}", p.marks);
        assert!(p.marks.iter().any(|m| matches!(m, Some(Mark::Name { leader: Some(_), .. }))), "some outside");
    }
}

#[test]
fn on_a_phone_the_names_that_do_not_fit_are_numbered_as_in_the_list() {
    let p = grand_est(320.0, 300.0);
    let names = check(&p);
    assert!((5..15).contains(&names), "{names} names");
    let numbers = crate::labels::numbers(&p.data);
    for (n, m) in p.named.iter().zip(&p.marks) {
        if let Some(Mark::Key { number, .. }) = m {
            assert_eq!(Some(*number), numbers[n.index], "{}", n.texts[0]);
        }
    }
}

#[test]
fn the_same_map_gives_the_same_placement() {
    let (a, b) = (grand_est(500.0, 400.0), grand_est(500.0, 400.0));
    assert_eq!(a.marks, b.marks);
    check(&a);
}

/// `n` × `n` squares of 1 km with long names, 30 km apart.
fn squares(n: usize) -> Dataset {
    let features: Vec<String> = (0..n * n)
        .map(|k| {
            let (x, y) = (5.0 + (k % n) as f64 * 0.4, 48.0 + (k / n) as f64 * 0.27);
            let ring = format!("[[{x},{y}],[{},{y}],[{},{}],[{x},{}],[{x},{y}]]", x + 0.013, x + 0.013, y + 0.009, y + 0.009);
            format!(r#"{{"type":"Feature","properties":{{"id":"t{k}","name":"Territoire numéro {k}"}},"geometry":{{"type":"Polygon","coordinates":[{ring}]}}}}"#)
        })
        .collect();
    let json = format!(r#"{{"type":"FeatureCollection","features":[{}]}}"#, features.join(","));
    load::territories_with(json.as_bytes(), &FR.mapping(), None).unwrap().data
}

#[test]
fn a_few_small_areas_are_named_outside_and_many_are_not_numbered() {
    for (n, outside) in [(3, true), (7, false)] {
        let data = squares(n);
        let scene = Scene::build(&data, None);
        let v = View::fit(scene.bounds, 800.0, 600.0, 12.0);
        let named = named(&data, &scene);
        let marks = at_view(&v, &scene, &named, &Room::view(&v, true), None);
        let leaders = marks.iter().filter(|m| matches!(m, Some(Mark::Name { leader: Some(_), .. }))).count();
        let keys = marks.iter().filter(|m| matches!(m, Some(Mark::Key { .. }))).count();
        match outside {
            true => assert_eq!((leaders, keys), (n * n, 0), "{marks:?}"),
            false => assert_eq!((leaders, keys), (0, 0), "{} areas: inside only", n * n),
        }
    }
}

#[test]
fn a_pan_moves_the_marks_with_the_map_but_for_those_at_its_edge() {
    let p = grand_est(1150.0, 632.0);
    let mut v = p.view;
    v.pan(-40.0, 0.0);
    let moved = at_view(&v, &p.scene, &p.named, &Room::view(&v, true), None);
    let at = |m: &Option<Mark>| match *m {
        Some(Mark::Name { at, variant, .. }) => Some((at, variant)),
        Some(Mark::Key { at, number, .. }) => Some((at, 100 + number)),
        None => None,
    };
    let same = (p.marks.iter().zip(&moved))
        .filter(|(a, b)| match (at(a), at(b)) {
            (Some((a, k)), Some((b, l))) => k == l && (a.x - 40.0 - b.x).abs() < 0.01 && (a.y - b.y).abs() < 0.01,
            (None, None) => true,
            _ => false,
        })
        .count();
    // The long name of Vitry sits against the left edge: the pan pushes it off, and the spot it
    // takes instead is another name's, which moves in turn.
    assert!(same >= 12, "{same} of 15 moved with the map");
}
