//! Results computed once per process and shared: the workbook's models are deterministic, so
//! the first computation, or its error, serves every later caller (the figures, the ledger and
//! the tests ask for the same solves).

use std::sync::OnceLock;

/// The value in `cell`, computed by `compute` on the first call; later calls return the same
/// value, or a copy of the first call's error.
///
/// # Errors
/// The error `compute` returned on the first call.
pub fn computed_once<T, E: Clone>(
    cell: &'static OnceLock<Result<T, E>>,
    compute: impl FnOnce() -> Result<T, E>,
) -> Result<&'static T, E> {
    cell.get_or_init(compute).as_ref().map_err(Clone::clone)
}

#[cfg(test)]
mod tests {
    use super::computed_once;
    use std::sync::OnceLock;

    #[test]
    fn the_first_result_serves_every_call() {
        static VALUE: OnceLock<Result<u32, String>> = OnceLock::new();
        assert_eq!(computed_once(&VALUE, || Ok(1)), Ok(&1));
        assert_eq!(
            computed_once(&VALUE, || Ok(2)),
            Ok(&1),
            "not computed again"
        );
        static FAILED: OnceLock<Result<u32, String>> = OnceLock::new();
        assert_eq!(
            computed_once(&FAILED, || Err("no".into())),
            Err("no".to_owned())
        );
        assert_eq!(
            computed_once(&FAILED, || Ok(3)),
            Err("no".to_owned()),
            "the first error is kept"
        );
    }
}
