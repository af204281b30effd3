//! Geometry on projected shapes ([`Projected`](crate::coords::Projected) metres), one algorithm a
//! file. The algorithms themselves come from the `geo` crate where it has them.

pub mod coverage;
pub mod even_odd;
pub mod hit;
pub mod interior;
pub mod shape;

pub use shape::Shape;
