//! The four papers the workbook reproduces.

use serde::Serialize;

/// A paper reproduced by the workbook. Serialised as its short id (`zhang2025`, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Paper {
    /// Zhang et al. (2025), radial force balance in magnetotail thin current sheets.
    Zhang2025,
    /// Yang et al., kinetic-scale flux ropes with a Vlasov equilibrium model.
    Yang,
    /// Shuster et al. (2026), smile-shaped electron gradient distributions.
    Shuster2026,
    /// Richard et al. (2025), ion anisotropy limits from curvature scattering.
    Richard2025,
}

impl Paper {
    /// Every paper, in the book's chapter order.
    pub const ALL: [Paper; 4] = [
        Paper::Zhang2025,
        Paper::Yang,
        Paper::Shuster2026,
        Paper::Richard2025,
    ];

    /// Short id used in claim ids, file names and the CLI.
    pub fn id(self) -> &'static str {
        match self {
            Paper::Zhang2025 => "zhang2025",
            Paper::Yang => "yang",
            Paper::Shuster2026 => "shuster2026",
            Paper::Richard2025 => "richard2025",
        }
    }

    /// Short citation for tables and captions.
    pub fn citation(self) -> &'static str {
        match self {
            Paper::Zhang2025 => "Zhang et al. (2025), GRL, doi:10.1029/2025GL115440",
            Paper::Yang => {
                "Yang et al., kinetic flux ropes (model code doi:10.5281/zenodo.5555811)"
            }
            Paper::Shuster2026 => {
                "Shuster et al. (2026), Commun. Phys., doi:10.1038/s42005-026-02489-8"
            }
            Paper::Richard2025 => "Richard et al. (2025), preprint",
        }
    }
}
