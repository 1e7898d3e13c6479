//! MMS Level-2 data on disk: finding the files of an interval in the pySPEDAS layout
//! ([`layout`]), reading a variable over the interval as a time series ([`series`]), and the
//! variable names of the products the chapters' methods read ([`names`]).
//!
//! Fill values and gaps inside the interval are errors that name the file and variable: an
//! analysis never silently averages over missing samples.

pub mod distribution;
pub mod error;
pub mod layout;
pub mod names;
pub mod series;
pub mod sky_grid;
pub mod synthetic;

pub use error::MmsError;
pub use layout::{Product, Rate};
pub use series::Series;
