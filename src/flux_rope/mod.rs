//! A kinetic-scale flux rope as a Vlasov equilibrium (Yang et al., the generalised
//! Vinogradov et al. 2016 model), its virtual MMS crossing, the centre fit of Eq. 5 and the
//! electron pitch-angle anisotropy of Eqs. 6–7.
//!
//! SI inside. Cylindrical `(rho, phi, z)` with the rope axis along z (the event's M).
//!
//! - [`parameters`]: Table 1 and the reading of the mu-term coefficients;
//! - [`moments`]: closed-form moments of Eqs. 2 and 4;
//! - [`distribution`]: the distribution itself, from the invariants of Eq. 1;
//! - [`equilibrium`]: quasi-neutrality and Ampère's law (Eq. 3);
//! - [`mu_iteration`]: the input-field iteration for the mu-terms;
//! - [`crossing`]: four virtual spacecraft through the rope and their contour crossings;
//! - [`centre_fit`]: the centre from the crossings (Eq. 5);
//! - [`loss_study`]: how the loss grows with noise, ellipticity and velocity error;
//! - [`pitch_angle`]: the anisotropy a moving spacecraft sees (Eqs. 6–7);
//! - [`gyrocentre`]: the mu-terms about the gyro-centre, across the true field direction;
//! - [`features`]: contour radii, the density minimum, the sign of the distribution;
//! - [`sensitivity`]: the equilibrium within the printed precision of Table 1;
//! - [`published`]: every number taken from the paper, with its printed precision.

mod boltzmann_root;
pub mod centre_fit;
mod claims;
pub mod crossing;
pub mod distribution;
pub mod equilibrium;
pub mod equilibrium_check;
mod equilibrium_claims;
mod error;
pub mod features;
pub mod gyrocentre;
pub mod loss_study;
pub mod moments;
pub mod mu_iteration;
pub mod parameter_map;
pub mod parameters;
pub mod pitch_angle;
pub mod published;
pub mod sensitivity;
mod text_claims;

pub use claims::{YangClaimsError, claims};
pub use equilibrium::{Profile, RadialGrid};
pub use error::FluxRopeError;
pub use mu_iteration::{
    ADOPTED_READING, adopted_equilibrium, chapter_iteration, original_equilibrium,
};
pub use parameters::{Component, MuReading, RopeParameters};
