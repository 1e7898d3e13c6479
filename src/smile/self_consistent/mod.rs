//! A self-consistent asymmetric current layer: electrons and ions whose distributions are
//! functions of the constants of motion, in the fields their own moments make (Ampère), with
//! the potential that keeps them neutral (quasi-neutrality). The prescribed-field model of
//! [`super::crescent`] asks how crescents and smiles arise in given fields; this one asks
//! whether they survive when the fields are the plasma's own.
//!
//! - [`species`]: the populations (labelled Maxwellian backgrounds, the electron Harris
//!   population) and their moments;
//! - [`barrier`]: the running maximum of the effective potential that labels orbits;
//! - [`integrate`]: Ampère and quasi-neutrality, integrated from the magnetosheath;
//! - [`layer`]: the solved layer, its electron distribution and its diagnostics;
//! - [`check`]: the residuals, recomputed by an independent quadrature;
//! - [`question`]: the smile detector run on it and on the prescribed model.

pub mod barrier;
pub mod check;
pub mod integrate;
pub mod layer;
pub mod question;
pub mod species;

pub use layer::{LayerParameters, SelfConsistentLayer};
