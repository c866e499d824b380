//! The govsearch binary: parse flags, run, map the outcome to an exit status.
//! Exit status: 0 something found, 1 nothing found, 2 error.

use clap::Parser;
use govsearch::cli::{self, Cli};
use govsearch::commands::{self, ExitStatus};

fn main() {
    let args = cli::exclusions_as_flags(std::env::args_os());
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(e) => {
            let status = if e.use_stderr() {
                ExitStatus::Error
            } else {
                ExitStatus::Found
            };
            // `search -安全生产`: the exclusion became `--not`, and no term is left to find;
            // clap's own message would name a missing QUERY and show --not in its usage line.
            let only_exclusions = searching()
                && e.kind() == clap::error::ErrorKind::MissingRequiredArgument
                && args
                    .iter()
                    .filter_map(|a| a.to_str())
                    .any(|a| a == "--not" || a.starts_with("--not="));
            if only_exclusions {
                let why = govsearch::search::QueryError::OnlyExclusions;
                eprintln!("govsearch: error: {why}");
                std::process::exit(ExitStatus::Error as i32);
            }
            let _ = e.print();
            // `-AI` is `-A I` (context lines) since -A, -B and -C exist: the same mistake.
            let context_flag = matches!(
                e.kind(),
                clap::error::ErrorKind::InvalidValue | clap::error::ErrorKind::ValueValidation
            ) && matches!(
                e.get(clap::error::ContextKind::InvalidArg),
                Some(clap::error::ContextValue::String(arg)) if arg.contains("-context ")
            );
            if searching() && (e.kind() == clap::error::ErrorKind::UnknownArgument || context_flag)
            {
                eprintln!(
                    "note: to exclude a term that starts with a Latin letter or a digit, write NOT TERM or --not TERM; to search for text that starts with '-', put it after --"
                );
            }
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

/// Whether the command line is a search: only a search has terms to mistake for flags.
fn searching() -> bool {
    std::env::args_os().nth(1).is_some_and(|a| a == "search")
}
