//! Smile-shaped electron gradient distributions (Shuster et al. 2026): crescent electron
//! distributions of an asymmetric current layer built from constants of motion, their spatial
//! gradients bin by bin in velocity space, and a detector for the smile.
//!
//! PIC units throughout (see [`layer`]); [`scales::PhysicalScales`] converts at the edges.
//!
//! - [`layer`]: the fields `B_x(z)`, `E_z(z)`;
//! - [`crescent`]: the distribution, exact in those fields;
//! - [`grids`]: Cartesian, FPI-like and ring velocity grids;
//! - [`gradient`]: finite-difference and four-spacecraft gradient distributions;
//! - [`detector`]: the smile, measured;
//! - [`moments`]: density, flux and momentum flux by quadrature;
//! - [`quasi_2d`]: a labelled stretch with slow drift along x, for a parallel gradient;
//! - [`scales`]: pressure balance and physical units;
//! - [`published`]: every number taken from the paper, with its printed precision.

mod claims;
pub mod crescent;
pub mod detector;
mod error;
pub mod gradient;
pub mod grids;
pub mod layer;
mod layer_claims;
pub mod moments;
pub mod phase_space;
pub mod published;
pub mod quasi_2d;
pub mod scales;
pub mod self_consistent;
mod text_claims;
mod turning_point;
pub mod washout;

pub use claims::{ShusterClaimsError, claims};
pub use crescent::CrescentModel;
pub use detector::{scan_positions, strongest};
pub use error::SmileError;
pub use gradient::TETRAHEDRON_ANGLES;
pub use layer::Layer;
pub use phase_space::ElectronLayer;
