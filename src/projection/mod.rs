//! Projections from [`LonLat`](crate::coords::LonLat) to [`Projected`](crate::coords::Projected)
//! metres. The map of metropolitan France uses Lambert-93, so that is the one provided.

mod lambert93;

pub use lambert93::Lambert93;
