//! The govsearch binary: parse flags, run, map the outcome to an exit status.
//! Exit status: 0 something found, 1 nothing found, 2 error.

use clap::Parser;
use govsearch::cli::{self, Cli};
use govsearch::commands::{self, ExitStatus};

fn main() {
    let args = cli::search_args_with_query_last(std::env::args_os().collect());
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let status = if e.use_stderr() {
                ExitStatus::Error
            } else {
                ExitStatus::Found
            };
            let _ = e.print();
            std::process::exit(status as i32);
        }
    };
    let result = commands::run(cli);
    let status = ExitStatus::of(&result);
    if let (Err(e), ExitStatus::Error) = (&result, status) {
        eprintln!(
            "govsearch: error: {}",
            govsearch::output::sanitize(&format!("{e:#}"))
        );
    }
    std::process::exit(status as i32);
}
