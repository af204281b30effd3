//! Coordinate spaces, one type each, so that a longitude never ends up where a pixel is expected.
//!
//! - [`LonLat`]: WGS84 degrees, as in GeoJSON (RFC 7946).
//! - [`Projected`]: Lambert-93 (EPSG:2154) metres, easting `x` and northing `y` (y up).
//! - [`Screen`]: CSS pixels inside the map element, y down.

/// WGS84 longitude and latitude in degrees.
#[derive(Clone, Copy, Debug, PartialEq, serde::Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
pub struct LonLat {
    pub lon: f64,
    pub lat: f64,
}

/// A point of the projected plane, in metres (Lambert-93 easting and northing).
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Projected {
    pub x: f64,
    pub y: f64,
}

/// A point on screen, in CSS pixels from the top-left corner of the map element.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Screen {
    pub x: f64,
    pub y: f64,
}

impl Screen {
    /// Distance to another screen point, in pixels. A square root (one WebAssembly instruction)
    /// rather than `f64::hypot`, whose guard against overflow pixels never need and which is
    /// libm code in the module (371 bytes).
    pub fn distance(self, other: Screen) -> f64 {
        let (dx, dy) = (self.x - other.x, self.y - other.y);
        (dx * dx + dy * dy).sqrt()
    }

    /// The point halfway to another.
    pub fn midpoint(self, other: Screen) -> Screen {
        Screen { x: (self.x + other.x) / 2.0, y: (self.y + other.y) / 2.0 }
    }
}

/// An axis-aligned rectangle in the projected plane (metres).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    pub min: Projected,
    pub max: Projected,
}

impl Bounds {
    /// The empty box: extending it with any point gives that point.
    pub const EMPTY: Bounds = Bounds {
        min: Projected { x: f64::INFINITY, y: f64::INFINITY },
        max: Projected { x: f64::NEG_INFINITY, y: f64::NEG_INFINITY },
    };

    /// Grows the box to hold `p`.
    pub fn extend(&mut self, p: Projected) {
        self.min.x = self.min.x.min(p.x);
        self.min.y = self.min.y.min(p.y);
        self.max.x = self.max.x.max(p.x);
        self.max.y = self.max.y.max(p.y);
    }

    /// Grows the box to hold another box.
    pub fn union(&mut self, other: &Bounds) {
        if !other.is_empty() {
            self.extend(other.min);
            self.extend(other.max);
        }
    }

    /// True when no point was ever added.
    pub fn is_empty(&self) -> bool {
        !(self.min.x <= self.max.x && self.min.y <= self.max.y)
    }

    /// True when `p` lies inside or on the edge.
    pub fn contains(&self, p: Projected) -> bool {
        p.x >= self.min.x && p.x <= self.max.x && p.y >= self.min.y && p.y <= self.max.y
    }

    /// True when the two boxes share at least a point.
    pub fn intersects(&self, other: &Bounds) -> bool {
        self.min.x <= other.max.x && other.min.x <= self.max.x && self.min.y <= other.max.y && other.min.y <= self.max.y
    }

    /// True when `other` lies wholly inside (an empty `other` is inside anything).
    pub fn covers(&self, other: &Bounds) -> bool {
        other.is_empty() || (self.contains(other.min) && self.contains(other.max))
    }

    /// The box grown by `dx` on the left and right and `dy` below and above.
    pub fn grown(&self, dx: f64, dy: f64) -> Bounds {
        Bounds {
            min: Projected { x: self.min.x - dx, y: self.min.y - dy },
            max: Projected { x: self.max.x + dx, y: self.max.y + dy },
        }
    }

    pub fn width(&self) -> f64 {
        self.max.x - self.min.x
    }

    pub fn height(&self) -> f64 {
        self.max.y - self.min.y
    }

    pub fn center(&self) -> Projected {
        Projected { x: (self.min.x + self.max.x) / 2.0, y: (self.min.y + self.max.y) / 2.0 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_grow_and_contain() {
        let mut b = Bounds::EMPTY;
        assert!(b.is_empty());
        b.extend(Projected { x: 1.0, y: 2.0 });
        b.extend(Projected { x: -1.0, y: 5.0 });
        assert!(!b.is_empty());
        assert_eq!(b.width(), 2.0);
        assert_eq!(b.height(), 3.0);
        assert!(b.contains(Projected { x: 0.0, y: 3.0 }));
        assert!(!b.contains(Projected { x: 0.0, y: 6.0 }));
        assert_eq!(b.center(), Projected { x: 0.0, y: 3.5 });
        let g = b.grown(1.0, 1.0);
        assert!(g.covers(&b) && !b.covers(&g) && b.covers(&Bounds::EMPTY));
        let right = Bounds { min: Projected { x: 1.0, y: 0.0 }, max: Projected { x: 9.0, y: 9.0 } };
        assert!(b.intersects(&right) && right.intersects(&b), "they share the edge x = 1");
        assert!(!b.intersects(&right.grown(-0.5, 0.0)));
        assert!(!b.intersects(&Bounds::EMPTY));
    }

    #[test]
    fn screen_helpers() {
        let a = Screen { x: 0.0, y: 0.0 };
        let b = Screen { x: 3.0, y: 4.0 };
        assert_eq!(a.distance(b), 5.0);
        assert_eq!(a.midpoint(b), Screen { x: 1.5, y: 2.0 });
    }
}
