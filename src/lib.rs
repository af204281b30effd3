//! Carte des Territoires d'industrie: a Rust core compiled to WebAssembly.
//!
//! Everything but [`web`] is plain Rust, tested natively: the data model ([`model`]), loading and
//! validation of GeoJSON ([`load`]), the Lambert-93 projection ([`projection`]), geometry
//! ([`geom`]), the scene of projected shapes ([`scene`]), what the two renderers draw and the
//! looks they share ([`render`]), label placement ([`labels`]), ordering by weight ([`rank`]), the
//! view transform ([`view`]) and the interaction state machine ([`interact`]). What the visitor
//! reads around the map (card, list, legend, fill patterns) is described once in [`markup`] and
//! written as HTML by the pre-render, as DOM by `web`, and into the exported image ([`image`]);
//! [`hydrate`] is what the module reads from a pre-rendered map to adopt it rather than draw its
//! own; `raster`, native only, turns that image into PNG for `src/bin/carte.rs` at build time. Only
//! `web` names `web_sys`, `js_sys` or `JsValue`.

/// The modules' allocator (see Cargo.toml).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub mod alt;
pub mod card;
pub mod coords;
pub mod geom;
pub mod hydrate;
pub mod image;
pub mod interact;
pub mod labels;
pub mod load;
pub mod markup;
pub mod model;
pub mod num;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod projection;
pub mod rank;
#[cfg(not(target_arch = "wasm32"))]
pub mod raster;
pub mod render;
pub mod scene;
/// Not in the map's modules: only the search's own module (feature `search`) and native code.
#[cfg(any(not(target_arch = "wasm32"), feature = "search"))]
pub mod search;
pub mod text;
pub mod view;

#[cfg(all(target_arch = "wasm32", not(any(feature = "search", feature = "export", feature = "names"))))]
pub mod web;
/// The image export's module: a build of its own (feature `export`), which the small module asks.
#[cfg(all(target_arch = "wasm32", feature = "export", not(feature = "search")))]
#[path = "web/image/mod.rs"]
pub mod web_image;
/// The names' module: a build of its own (feature `names`), which the small module asks.
#[cfg(all(target_arch = "wasm32", feature = "names", not(any(feature = "search", feature = "export"))))]
#[path = "web/names/mod.rs"]
pub mod web_names;
/// The commune search's module: a build of its own (feature `search`), without the map.
#[cfg(all(target_arch = "wasm32", feature = "search"))]
#[path = "web/search/mod.rs"]
pub mod web_search;
