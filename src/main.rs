//! The govsearch binary: parse flags, run, map the outcome to an exit status.
//! Exit status: 0 something found, 1 nothing found, 2 error.

use clap::Parser;
use govsearch::cli::{self, Cli, Outcome};

fn main() {
    let args = cli::search_args_with_query_last(std::env::args_os().collect());
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            std::process::exit(code);
        }
    };
    let code = match cli::run(cli) {
        Ok(Outcome::Found) => 0,
        Ok(Outcome::NotFound) => 1,
        Err(e) => {
            eprintln!(
                "govsearch: error: {}",
                govsearch::output::sanitize(&format!("{e:#}"))
            );
            2
        }
    };
    std::process::exit(code);
}
