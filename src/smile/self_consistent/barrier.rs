//! The barriers an orbit must pass to reach the label thresholds.
//!
//! A particle's label is smooth in the lower turning point `z_lo` of its orbit: the weight of
//! the magnetosheath amplitude is `w(z_lo) = (1 - tanh((z_lo - z_c)/Delta))/2`. That weight is
//! the fraction of thresholds `zeta` (distributed as `-dw/dzeta`, a sech^2 of width `Delta`)
//! that lie above `z_lo`, and "the orbit through z reaches below `zeta`" holds exactly when the
//! perpendicular energy passes the highest effective potential `U(z'; p_y)` between `zeta` and
//! `z`. With `K` thresholds at the quantiles of the sech^2, the smooth label is a sum of `K`
//! sharp ones, each needing that maximum for every `p_y`.
//!
//! The layer is integrated upward, so each maximum is a running one: a table over `p_y` is
//! raised once per step. Past several thresholds, the maxima share their recent part: each
//! passed threshold keeps a frozen table of the maximum between it and the last threshold
//! passed, and one running table holds the maximum since then.
//!
//! Why smooth: with one sharp threshold, a particle just past it reaches back only if it can
//! climb the potential difference, so the passing fraction goes like
//! `erfc(sqrt(q (Phi_s - Phi)/T))`, whose infinite slope can make a charge density that grows
//! with the potential (anti-screening). Quasi-neutrality then has several roots, and a layer
//! that jumps from one to another has a potential jump no quasi-neutral model can hold (on the
//! Debye scale it would be a double layer): each jump breaks the first integral
//! `P_zz + B^2/2`. Measured on the reference layer: one sharp threshold loses 3.1% of it and
//! ends at a far-field ratio of 1.347; eight thresholds over 0.25 d_e for both species, 0.5%;
//! the reference (ions spread over 8 d_e), 0.05%.

use super::species::Species;

/// Running maximum of `U` on a uniform grid of `p_y`.
#[derive(Debug, Clone, PartialEq)]
pub struct Barrier {
    /// Lowest tabulated `p_y`.
    p_min: f64,
    /// Table step in `p_y`.
    dp: f64,
    /// `max U` per tabulated `p_y`.
    highest: Vec<f64>,
}

impl Barrier {
    /// The barrier of one position (`A_y = a_y`, `Phi = phi`) over `p_min..=p_max` with
    /// `points` entries.
    pub fn new(
        species: &Species,
        p_min: f64,
        p_max: f64,
        points: usize,
        a_y: f64,
        phi: f64,
    ) -> Self {
        let points = points.max(2);
        let mut barrier = Barrier {
            p_min,
            dp: (p_max - p_min) / (points - 1) as f64,
            highest: vec![f64::NEG_INFINITY; points],
        };
        barrier.include(species, a_y, phi);
        barrier
    }

    /// Raises the table with the potential at a new position.
    pub fn include(&mut self, species: &Species, a_y: f64, phi: f64) {
        // The entry count as a float, exact for any table: no integer conversion per entry.
        let mut k = 0.0;
        for highest in &mut self.highest {
            let u = species.effective_potential(self.p_min + self.dp * k, a_y, phi);
            // f64::max without its NaN handling: no entry is NaN (they start at -inf and are
            // raised only by a larger value), and a NaN `u` leaves the entry, as max would.
            if u > *highest {
                *highest = u;
            }
            k += 1.0;
        }
    }

    /// Raises the table to another (of the same grid) wherever that one is higher.
    pub fn raise(&mut self, other: &Barrier) {
        for (mine, theirs) in self.highest.iter_mut().zip(&other.highest) {
            *mine = mine.max(*theirs);
        }
    }

    /// `max U` for `p_y`, linear between entries; clamped to the table's ends, which the
    /// solver places beyond every momentum a particle within 8 thermal spreads can have.
    pub fn highest(&self, p_y: f64) -> f64 {
        self.at(self.locate(p_y))
    }

    /// Where `p_y` falls in the table: the entry at or below it and the fraction to the next.
    fn locate(&self, p_y: f64) -> (usize, f64) {
        let x = ((p_y - self.p_min) / self.dp).clamp(0.0, (self.highest.len() - 1) as f64);
        // x >= 0, so truncation is its floor (without a call to floor where SSE4.1 is not
        // assumed).
        let k = (x as usize).min(self.highest.len() - 2);
        (k, x - k as f64)
    }

    /// The table's value at a place [`Barrier::locate`] found on a table of the same grid.
    fn at(&self, (k, t): (usize, f64)) -> f64 {
        self.highest[k] * (1.0 - t) + self.highest[k + 1] * t
    }

    fn same_grid(&self, other: &Barrier) -> bool {
        (self.p_min, self.dp, self.highest.len()) == (other.p_min, other.dp, other.highest.len())
    }
}

/// The thresholds of one species, in the integration's coordinate, and their tables.
#[derive(Debug, Clone, PartialEq)]
pub struct Thresholds {
    /// Positions `zeta_j`, ascending, d_e.
    pub positions: Vec<f64>,
    /// Frozen maxima between each passed threshold and the last one passed (`None`: empty).
    frozen: Vec<Option<Barrier>>,
    /// Maximum since the last threshold passed.
    running: Option<Barrier>,
}

impl Thresholds {
    /// `count` thresholds at the quantiles of a sech^2 of half-width `width` (d_e) centred on
    /// `centre` (d_e); `count = 1` is the sharp label at `centre`.
    pub fn new(centre: f64, width: f64, count: usize) -> Self {
        let count = count.max(1);
        let positions = (0..count)
            .map(|j| centre + width * (2.0 * (j as f64 + 0.5) / count as f64 - 1.0).atanh())
            .collect();
        Thresholds {
            positions,
            frozen: Vec::new(),
            running: None,
        }
    }

    /// No thresholds: every orbit is magnetosheath-labelled.
    pub fn none() -> Self {
        Thresholds {
            positions: Vec::new(),
            frozen: Vec::new(),
            running: None,
        }
    }

    /// How many thresholds lie at or below the last position included.
    pub fn passed(&self) -> usize {
        self.frozen.len()
    }

    /// Includes the grid point `z` (`A_y = a_y`, `Phi = phi`): passes every threshold it
    /// reaches and raises the running maximum. `table` makes an empty-grid barrier of the point.
    pub fn include(
        &mut self,
        species: &Species,
        z: f64,
        a_y: f64,
        phi: f64,
        table: impl Fn() -> Barrier,
    ) {
        if let Some(running) = self.running.as_mut() {
            running.include(species, a_y, phi);
        }
        while self.passed() < self.positions.len() && self.positions[self.passed()] <= z {
            // Everything between the earlier thresholds and this one is now fixed.
            if let Some(running) = self.running.take() {
                for frozen in self.frozen.iter_mut() {
                    match frozen {
                        Some(f) => f.raise(&running),
                        None => *frozen = Some(running.clone()),
                    }
                }
            }
            self.frozen.push(None);
            self.running = Some(table());
        }
    }

    /// `max U` between each passed threshold and the last point included, for `p_y`, in the
    /// order of the thresholds: the frozen maximum of each, raised to the running one they
    /// all share.
    ///
    /// The tables share one grid (the solver makes them all alike), so `p_y` is located once.
    pub fn highest_each(&self, p_y: f64) -> impl Iterator<Item = f64> + '_ {
        let place = self.running.as_ref().map(|r| (r, r.locate(p_y)));
        let recent = place.map_or(f64::NEG_INFINITY, |(r, at)| r.at(at));
        self.frozen.iter().map(move |frozen| {
            frozen.as_ref().map_or(recent, |f| {
                let highest = match place {
                    Some((r, at)) if f.same_grid(r) => f.at(at),
                    _ => f.highest(p_y),
                };
                highest.max(recent)
            })
        })
    }
}
