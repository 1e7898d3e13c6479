//! Smile-shaped electron gradient distributions (Shuster et al. 2026): crescent electron
//! distributions of an asymmetric current layer built from constants of motion, their spatial
//! gradients bin by bin in velocity space, and a detector for the smile.
//!
//! PIC units throughout (see [`layer`]); [`scales::PhysicalScales`] converts at the edges.
//!
//! - [`layer`]: the fields `B_x(z)`, `E_z(z)`;
//! - [`crescent`]: the distribution, exact in those fields;
//! - [`scales`]: pressure balance and physical units.

pub mod crescent;
pub mod detector;
mod error;
pub mod layer;
pub mod scales;

pub use crescent::CrescentModel;
pub use error::SmileError;
pub use layer::Layer;
