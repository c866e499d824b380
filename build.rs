//! Links the `govsearch` binary as a position-dependent executable on Linux.
//!
//! A position-independent one is relocated by the dynamic loader at every start: about 43,000
//! relocations, a copy-on-write page fault for each page they touch (a sixth of the page faults
//! of a whole `search` process over a 1 GB index) and about 1 ms of its 4 ms start-up. Every
//! `govsearch` run is a short process, so it is linked at a fixed address instead; the library,
//! the tests and the examples are built as usual.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
