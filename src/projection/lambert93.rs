//! Lambert-93 (EPSG:2154): Lambert conformal conic with two standard parallels (44° N, 49° N) on
//! the GRS80 ellipsoid, origin 46.5° N 3° E at (700 000 m, 6 600 000 m). Input [`LonLat`] degrees,
//! output [`Projected`] metres.
//!
//! Written out (Snyder, "Map Projections: A Working Manual", eq. 15-1 to 15-9) rather than taken
//! from a projection library: the viewer needs this one forward projection, and a general library
//! would multiply the size of the WebAssembly module. The tests check it against `proj4rs`.

use crate::coords::{LonLat, Projected};

/// The forward Lambert-93 projection, with its constants computed once.
#[derive(Clone, Debug)]
pub struct Lambert93 {
    e: f64,
    n: f64,
    a_f: f64,
    rho0: f64,
}

const A: f64 = 6_378_137.0;
const INV_F: f64 = 298.257_222_101;
const LAT1: f64 = 49.0;
const LAT2: f64 = 44.0;
const LAT0: f64 = 46.5;
const LON0: f64 = 3.0;
const X0: f64 = 700_000.0;
const Y0: f64 = 6_600_000.0;

impl Default for Lambert93 {
    fn default() -> Self {
        Self::new()
    }
}

impl Lambert93 {
    /// Computes the projection constants.
    pub fn new() -> Self {
        let f = 1.0 / INV_F;
        let e = (2.0 * f - f * f).sqrt();
        let (p1, p2, p0) = (LAT1.to_radians(), LAT2.to_radians(), LAT0.to_radians());
        let m = |phi: f64| phi.cos() / (1.0 - e * e * phi.sin().powi(2)).sqrt();
        let (m1, m2) = (m(p1), m(p2));
        let (t1, t2, t0) = (t(e, p1), t(e, p2), t(e, p0));
        let n = (m1.ln() - m2.ln()) / (t1.ln() - t2.ln());
        let a_f = A * m1 / (n * t1.powf(n));
        let rho0 = a_f * t0.powf(n);
        Lambert93 { e, n, a_f, rho0 }
    }

    /// Projects a WGS84 position (degrees) to Lambert-93 metres.
    ///
    /// ```
    /// use territoires_map::{coords::LonLat, projection::Lambert93};
    /// let p = Lambert93::new().project(LonLat { lon: 3.0, lat: 46.5 });
    /// assert!((p.x - 700_000.0).abs() < 1e-6 && (p.y - 6_600_000.0).abs() < 1e-6);
    /// ```
    pub fn project(&self, p: LonLat) -> Projected {
        // t^n as exp(n ln t), with ln t in one piece: one `exp` and two `ln` where `powf` twice
        // cost twice as much in WebAssembly's software libm (docs/performance.md, "Mesures").
        let rho = self.a_f * (self.n * ln_t(self.e, p.lat.to_radians())).exp();
        let theta = self.n * (p.lon - LON0).to_radians();
        Projected { x: X0 + rho * theta.sin(), y: Y0 + self.rho0 - rho * theta.cos() }
    }
}

/// Snyder's t(φ), eq. 15-9.
fn t(e: f64, phi: f64) -> f64 {
    let es = e * phi.sin();
    (std::f64::consts::FRAC_PI_4 - phi / 2.0).tan() / ((1.0 - es) / (1.0 + es)).powf(e / 2.0)
}

/// ln t(φ), the same equation taken to logarithms.
fn ln_t(e: f64, phi: f64) -> f64 {
    let es = e * phi.sin();
    (std::f64::consts::FRAC_PI_4 - phi / 2.0).tan().ln() - e / 2.0 * ((1.0 - es) / (1.0 + es)).ln()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference(lon: f64, lat: f64) -> (f64, f64) {
        let from = proj4rs::Proj::from_proj_string("+proj=longlat +ellps=GRS80 +no_defs").unwrap();
        let to = proj4rs::Proj::from_proj_string(
            "+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=700000 +y_0=6600000 \
             +ellps=GRS80 +units=m +no_defs",
        )
        .unwrap();
        let mut p = (lon.to_radians(), lat.to_radians(), 0.0);
        proj4rs::transform::transform(&from, &to, &mut p).unwrap();
        (p.0, p.1)
    }

    #[test]
    fn matches_proj4rs_over_grand_est_and_france() {
        let proj = Lambert93::new();
        // Strasbourg cathedral, Reims, Mulhouse, Longwy, Langres, and the corners of France.
        for (lon, lat) in [
            (7.7509, 48.5818),
            (4.0317, 49.2535),
            (7.3389, 47.7508),
            (5.7600, 49.5194),
            (5.3336, 47.8628),
            (-4.79, 48.41),
            (9.56, 42.97),
            (2.55, 51.09),
        ] {
            let got = proj.project(LonLat { lon, lat });
            let (x, y) = reference(lon, lat);
            assert!((got.x - x).abs() < 0.01, "x at {lon},{lat}: {} vs {x}", got.x);
            assert!((got.y - y).abs() < 0.01, "y at {lon},{lat}: {} vs {y}", got.y);
        }
    }

    #[test]
    fn origin_maps_to_false_easting_and_northing() {
        let p = Lambert93::new().project(LonLat { lon: LON0, lat: LAT0 });
        assert!((p.x - X0).abs() < 1e-6);
        assert!((p.y - Y0).abs() < 1e-6);
    }

    #[test]
    fn east_is_right_and_north_is_up() {
        let proj = Lambert93::new();
        let c = proj.project(LonLat { lon: 6.0, lat: 48.5 });
        assert!(proj.project(LonLat { lon: 6.1, lat: 48.5 }).x > c.x);
        assert!(proj.project(LonLat { lon: 6.0, lat: 48.6 }).y > c.y);
    }
}
