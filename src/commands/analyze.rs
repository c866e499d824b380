//! `govsearch analyze`: how text is normalised and cut into words.

use std::io::Write;

use anyhow::Result;

use super::{read_user_dict, Outcome};
use crate::analysis::{self, Normalizer};
use crate::cli::AnalyzeArgs;
use crate::output;

/// Runs `analyze`.
pub fn run(a: AnalyzeArgs) -> Result<Outcome> {
    let text = a.text.join(" ");
    let jieba = analysis::Dictionaries {
        domain: !a.no_domain_dict,
        user: read_user_dict(a.user_dict.as_deref())?,
    }
    .load()?;
    let norm = Normalizer::new().normalize(&text);
    let words = analysis::words_of(&jieba, &norm);
    let mut out = std::io::stdout().lock();
    output::views::analysis(&mut out, &norm, &words)?;
    out.flush()?;
    Ok(Outcome::Found)
}
