//! Integration tests: each module drives the real `govsearch` binary over a corpus it builds.

mod util;

mod hostile;
mod index_cmd;
mod inspect;
mod locations;
mod pdf;
mod robustness;
mod search;
mod shared_corpus;
mod trust;
mod views;
