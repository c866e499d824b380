//! govsearch: full-text search for Chinese government reports.
//!
//! Data flows one way, one module per step:
//! [`corpus`] (walk, read, decode, extract text) → [`report`] (boilerplate, metadata,
//! sections) → [`analysis`] (normalisation, jieba words, grams) → [`index`] (schema, pipeline,
//! bookkeeping) → [`search`] (query language, matching, ranking, snippets) → [`output`]
//! (human and JSON printers). [`cli`] turns flags into calls of these.

pub mod analysis;
pub mod cli;
pub mod corpus;
pub mod index;
pub mod output;
pub mod report;
pub mod search;
