//! France as French national maps draw it: metropolitan France in Lambert-93, each overseas
//! département in an inset of its own, west of Brittany, in an equirectangular projection at its
//! own latitude, scaled to a readable size. Input [`LonLat`] degrees, output [`Projected`] metres of the
//! one plane all of it shares, so hit-testing, labels and export work the same in the insets.
//!
//! A position goes to the inset whose box holds it, else to Lambert-93: a regional map (none of
//! its positions in a box) is exactly the Lambert-93 map it always was. The boxes hold what
//! `make data REGION=all` draws around each département (0.25° of sea, `datatool` context.rs).
//! Equirectangular rather than a transverse Mercator: within a box at most 4.7° tall, 22° from the
//! equator at most, its east-west scale is true to 0.5 % (cos 20.4° / cos 21.1° in La Réunion's),
//! and it needs no trigonometry beyond the cosine Lambert-93 already brings into the module (a
//! transverse Mercator's `tan` and `atan2` cost 1.2 KB gzip of WebAssembly).

use super::Lambert93;
use crate::coords::{LonLat, Projected};

/// One overseas département's inset.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Inset {
    /// Its INSEE code.
    pub code: &'static str,
    /// The box of positions it draws: west, south, east, north (degrees).
    pub bounds: [f64; 4],
    /// The centre of its transverse Mercator (degrees).
    pub centre: LonLat,
    /// Metres of the inset per metre on the ground.
    pub scale: f64,
    /// Where that centre is drawn, in the shared plane (Lambert-93 metres, off the coast).
    pub at: Projected,
}

const R: f64 = 6_371_000.0;

/// The five overseas départements, top to bottom as INSEE's maps list them, each box's middle at
/// its centre, stacked 12 km apart from the height of Lambert-93's mainland downwards.
pub const INSETS: [Inset; 5] = [
    inset("971", [-62.2, 15.45, -60.6, 16.9], (-61.4, 16.175), 1.0, (-150_000.0, 7_029_500.0)),
    inset("972", [-61.6, 14.0, -60.4, 15.2], (-61.0, 14.6), 1.2, (-150_000.0, 6_857_000.0)),
    inset("973", [-55.2, 1.6, -51.0, 6.3], (-53.1, 3.95), 0.5, (-150_000.0, 6_634_400.0)),
    inset("974", [54.8, -21.8, 56.3, -20.4], (55.55, -21.1), 1.1, (-150_000.0, 6_406_200.0)),
    inset("976", [44.6, -13.4, 45.7, -12.2], (45.15, -12.8), 1.3, (-150_000.0, 6_221_900.0)),
];

const fn inset(code: &'static str, bounds: [f64; 4], (lon, lat): (f64, f64), scale: f64, (x, y): (f64, f64)) -> Inset {
    Inset { code, bounds, centre: LonLat { lon, lat }, scale, at: Projected { x, y } }
}

impl Inset {
    /// True when the inset draws `p`.
    pub fn holds(&self, p: LonLat) -> bool {
        let [w, s, e, n] = self.bounds;
        p.lon >= w && p.lon <= e && p.lat >= s && p.lat <= n
    }

    fn project(&self, p: LonLat) -> Projected {
        let k = self.scale * R * std::f64::consts::PI / 180.0;
        let x = (p.lon - self.centre.lon) * self.centre.lat.to_radians().cos();
        Projected { x: self.at.x + k * x, y: self.at.y + k * (p.lat - self.centre.lat) }
    }
}

/// Lambert-93 with the overseas insets.
#[derive(Clone, Debug, Default)]
pub struct France {
    lambert: Lambert93,
}

impl France {
    /// The projection, its constants computed once.
    pub fn new() -> Self {
        France { lambert: Lambert93::new() }
    }

    /// Projects a WGS84 position (degrees) into the shared plane.
    ///
    /// ```
    /// use territoires_map::{coords::LonLat, projection::{France, Lambert93, INSETS}};
    /// let paris = LonLat { lon: 2.35, lat: 48.85 };
    /// assert_eq!(France::new().project(paris), Lambert93::new().project(paris));
    /// let p = France::new().project(INSETS[3].centre); // La Réunion
    /// assert_eq!((p.x, p.y), (INSETS[3].at.x, INSETS[3].at.y));
    /// ```
    pub fn project(&self, p: LonLat) -> Projected {
        match INSETS.iter().find(|i| i.holds(p)) {
            Some(inset) => inset.project(p),
            None => self.lambert.project(p),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insets_stay_apart_and_off_the_mainland() {
        let proj = France::new();
        let corners = |i: &Inset| {
            let [w, s, e, n] = i.bounds;
            [(w, s), (e, s), (w, n), (e, n), (i.centre.lon, s), (i.centre.lon, n)]
                .map(|(lon, lat)| proj.project(LonLat { lon, lat }))
        };
        let boxes: Vec<(f64, f64, f64, f64)> = (INSETS.iter().map(corners))
            .map(|c| {
                let xs = c.iter().map(|p| p.x);
                let ys = c.iter().map(|p| p.y);
                (
                    xs.clone().fold(f64::MAX, f64::min),
                    ys.clone().fold(f64::MAX, f64::min),
                    xs.fold(f64::MIN, f64::max),
                    ys.fold(f64::MIN, f64::max),
                )
            })
            .collect();
        for (k, a) in boxes.iter().enumerate() {
            // West of the Pointe de Corsen, Brittany's westmost point (x ≈ 99 km in Lambert-93).
            let corsen = proj.project(LonLat { lon: -4.8, lat: 48.41 });
            assert!(a.2 < corsen.x - 40_000.0, "inset {} reaches the mainland: {a:?}", INSETS[k].code);
            for b in &boxes[k + 1..] {
                assert!(a.1 > b.3 || b.1 > a.3, "insets {a:?} and {b:?} overlap");
            }
        }
    }

    #[test]
    fn an_inset_keeps_shapes_and_distances_at_its_scale() {
        // Saint-Denis to Saint-Pierre (La Réunion): 50.9 km on the ground.
        let proj = France::new();
        let a = proj.project(LonLat { lon: 55.4481, lat: -20.8823 });
        let b = proj.project(LonLat { lon: 55.4781, lat: -21.3393 });
        let d = (a.x - b.x).hypot(a.y - b.y) / INSETS[3].scale;
        assert!((d - 50_900.0).abs() < 300.0, "{d}");
        assert!(b.y < a.y, "north stays up");
    }
}
