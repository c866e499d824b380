//! Panic containment: running one step (reading a file, answering a search) so that a panic in
//! it, ours or a library's, becomes an error value the caller reports, instead of ending the run.
//!
//! This module owns the process's panic hook: a contained panic prints nothing itself (the caller
//! turns it into one warning or one error line); any other panic is printed as usual. It also
//! makes thread pools whose workers' panics are contained the same way (the search's pool). It
//! knows nothing of files, indexes or output.

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    static CONTAINING: Cell<usize> = const { Cell::new(0) };
}

static HOOK: Once = Once::new();

/// Runs `f`; a panic inside it is returned as `Err` with its message, silently.
pub fn contained<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    install_hook();
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

/// A pool of `threads` worker threads whose panics are contained: the hook prints nothing for
/// them, and rayon raises the panic again on the thread that waits for the work, which runs it
/// inside [`contained`]. (A pool thread's panic used to be printed raw before it was caught.)
pub fn contained_pool(threads: usize, name: &'static str) -> Option<rayon::ThreadPool> {
    install_hook();
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(move |i| format!("{name}-{i}"))
        .start_handler(|_| CONTAINING.with(|c| c.set(c.get() + 1)))
        .build()
        .ok()
}

/// Whether a panic on the calling thread would be contained (printed by nobody here).
fn containing_here() -> bool {
    CONTAINING.with(|c| c.get() > 0)
}

fn install_hook() {
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !containing_here() {
                previous(info);
            }
        }));
    });
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

    #[test]
    fn a_pool_threads_panic_is_silent_there_and_an_error_for_the_caller() {
        let pool = contained_pool(2, "test-pool").expect("pool");
        assert!(pool.install(containing_here), "pool threads contain panics");
        assert!(!containing_here(), "the test thread itself does not");
        let e = contained(|| pool.install(|| -> u32 { panic!("pool boom") })).unwrap_err();
        assert!(e.contains("pool boom"), "{e}");
        // The pool survives a contained panic and still answers.
        assert_eq!(pool.install(|| 6 * 7), 42);
    }
}
