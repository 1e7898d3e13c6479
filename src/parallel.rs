//! Independent, deterministic computations run on every core: the figures of `regen` and
//! the papers of the claims ledger. Results come back in input order, so the output is the
//! same bytes as a serial run.
//!
//! Plain `std::thread::scope` with a shared counter (each worker takes the next item):
//! the work is a few dozen coarse items, too few for a work-stealing pool to pay for itself.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// How many workers to run: the machine's available parallelism (1 if unknown), at most
/// `items`.
fn workers(items: usize) -> usize {
    std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(items)
        .max(1)
}

/// `f` applied to every item, on up to all cores, results in the order of `items`.
///
/// Items are taken in the order given, so putting the slowest first shortens the run (the
/// last worker to finish then has a short item). A panic in `f` propagates to the caller,
/// as it would in a serial loop.
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let workers = workers(items.len());
    if workers == 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<R>>> = Mutex::new(items.iter().map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(index) else { break };
                    let result = f(item);
                    // A poisoned lock means another worker panicked; the scope re-raises that
                    // panic when it joins, so the value stored here is never read.
                    if let Ok(mut results) = results.lock() {
                        results[index] = Some(result);
                    }
                }
            });
        }
    });
    // Every index below items.len() was taken by exactly one worker, which stored its result
    // (a worker that panicked has made the scope panic above).
    results
        .into_inner()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .into_iter()
        .map(|r| r.expect("every item computed"))
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn results_come_back_in_input_order() {
        let items: Vec<u64> = (0..100).collect();
        let squares = super::map(&items, |x| x * x);
        assert_eq!(
            squares,
            items.iter().map(|x| x * x).collect::<Vec<_>>(),
            "parallel map keeps the input order"
        );
    }

    #[test]
    fn an_empty_input_gives_an_empty_output() {
        assert!(
            super::map(&[] as &[u8], |x| *x).is_empty(),
            "no items, no results"
        );
    }
}
