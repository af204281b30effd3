//! Carte des Territoires d'industrie: a Rust core compiled to WebAssembly.
//!
//! Everything but [`web`] is plain Rust, tested natively: the data model ([`model`]), loading and
//! validation of GeoJSON ([`load`]), the Lambert-93 projection ([`projection`]), geometry
//! ([`geom`]), the scene of projected shapes ([`scene`]), what the two renderers draw and the
//! looks they share ([`render`]), label placement ([`labels`]), ordering by weight ([`rank`]), the
//! view transform ([`view`]) and the interaction state machine ([`interact`]). Only `web` names
//! `web_sys`, `js_sys` or `JsValue`. The exported image is a document of [`render`]; `raster`,
//! native only, turns it into PNG for `src/bin/carte.rs` at build time.

pub mod alt;
pub mod card;
pub mod coords;
pub mod geom;
pub mod interact;
pub mod labels;
pub mod load;
pub mod model;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod projection;
pub mod rank;
#[cfg(not(target_arch = "wasm32"))]
pub mod raster;
pub mod render;
pub mod scene;
pub mod text;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod web;
