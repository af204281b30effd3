//! Projections from [`LonLat`](crate::coords::LonLat) to [`Projected`](crate::coords::Projected)
//! metres. The map of metropolitan France uses Lambert-93; [`France`] adds the overseas
//! départements in insets, and is what the scene projects with.

mod france;
mod lambert93;

pub use france::{France, Inset, INSETS};
pub use lambert93::Lambert93;
