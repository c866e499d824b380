//! govsearch: full-text search for Chinese government reports.
//!
//! Data flows one way, one module per step:
//! [`corpus`] (walk, read, decode, extract text; the way in) → [`report`] (boilerplate, facts,
//! sections) → [`analysis`] (normalisation, jieba words, grams) → [`document`] (the section
//! document: fields, encoding, decoding) → [`index`] (index directory, writer pipeline,
//! manifest) → [`search`] (query language, matching, ranking, snippets) → [`output`] (every
//! printer), with the JSON types in [`json`], a leaf every step may use. [`cli`] describes the flags and [`commands`] turns them into calls of
//! these, one file per subcommand. [`contain`] turns a panic in one step into an error value.

pub mod analysis;
pub mod cli;
pub mod commands;
pub mod contain;
pub mod corpus;
pub mod document;
pub mod index;
pub mod json;
pub mod output;
pub mod report;
pub mod search;
