//! Panic containment: running one step (reading a file, answering a search) so that a panic in
//! it, ours or a library's, becomes an error value the caller reports, instead of ending the run.
//!
//! This module owns the process's panic hook: a contained panic prints nothing itself (the caller
//! turns it into one warning or one error line); any other panic is printed as usual. It knows
//! nothing of files, indexes or output.

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    static CONTAINING: Cell<usize> = const { Cell::new(0) };
}

static HOOK: Once = Once::new();

/// Runs `f`; a panic inside it is returned as `Err` with its message, silently.
pub fn contained<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if CONTAINING.with(|c| c.get()) == 0 {
                previous(info);
            }
        }));
    });
    CONTAINING.with(|c| c.set(c.get() + 1));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    CONTAINING.with(|c| c.set(c.get() - 1));
    result.map_err(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string());
        format!("internal error: {message}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_error_with_its_message() {
        assert_eq!(contained(|| 3), Ok(3));
        let e = contained(|| -> u32 { panic!("boom {}", 7) }).unwrap_err();
        assert!(e.contains("boom 7"), "{e}");
    }
}
