//! In-process search latency over a query list on a warm index: median, p99 and max.
//!
//! `cargo run --release --example latency -- INDEX_DIR [QUERIES_TSV] [ROUNDS]`
//! QUERIES_TSV is `category<TAB>query` per line (../shared/queries/dev.tsv); ROUNDS defaults
//! to 20. Each query is parsed, matched, ranked and its top 10 hits built with snippets, as the
//! CLI does; one untimed round warms the caches first.
//!
//! `LATENCY_VIEW` times a research view instead of the plain top 10 (`search`, the default):
//! `hits` (top 10 with duplicates collapsed, as the CLI's default), `files` (`-l`, top 10
//! reports), `per-report` (`--per-report 1`), `sort-year` (`--sort year`), `count-by-year`,
//! `count-by-org`. Views that print hits or reports build them, as the CLI does.

use std::time::{Duration, Instant};

use govsearch::index;
use govsearch::search::{self, CountBy, Engine, Filters, HitOptions, Limit, ParsedQuery, Sort};

/// Runs one query the way `view` says and returns how many things it would print.
fn run_view(engine: &Engine, view: &str, q: &ParsedQuery) -> anyhow::Result<usize> {
    let filters = Filters::default();
    let hits = |options: HitOptions| -> anyhow::Result<usize> {
        // As the CLI's terminal output: a collapsed hit names its first few other places.
        let options = HitOptions {
            named_places: Some(govsearch::output::ALSO_IN_SHOWN),
            ..options
        };
        let selection = engine.select_hits(q, &filters, &options)?;
        let hits: Vec<_> = engine
            .selected_hits(&selection, &|_| {})
            .collect::<Result<_, _>>()?;
        Ok(hits.len())
    };
    Ok(match view {
        "search" => engine.search(q, &filters, Limit::Top(10))?.hits.len(),
        "hits" => hits(HitOptions::default())?,
        "per-report" => hits(HitOptions {
            per_report: Some(1),
            ..HitOptions::default()
        })?,
        "sort-year" => hits(HitOptions {
            sort: Sort::Year,
            ..HitOptions::default()
        })?,
        "files" => {
            let selection = engine.select_reports(q, &filters, Limit::Top(10), Sort::Rank)?;
            let reports: Vec<_> = engine
                .selected_reports(&selection)
                .collect::<Result<_, _>>()?;
            reports.len()
        }
        "count-by-year" => engine.totals(q, &filters, Some(CountBy::Year))?.len(),
        "count-by-org" => engine.totals(q, &filters, Some(CountBy::Org))?.len(),
        other => anyhow::bail!("unknown LATENCY_VIEW {other:?}"),
    })
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args
        .first()
        .ok_or_else(|| anyhow::anyhow!("usage: latency INDEX_DIR [QUERIES_TSV] [ROUNDS]"))?;
    let queries: Vec<String> = match args.get(1) {
        Some(f) => std::fs::read_to_string(f)?
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .map(|l| l.rsplit('\t').next().unwrap_or(l).trim().to_string())
            .collect(),
        None => vec![
            "法律顾问".into(),
            "科研诚信".into(),
            "律顾".into(),
            "水".into(),
        ],
    };
    let rounds: usize = args.get(2).map(|r| r.parse()).transpose()?.unwrap_or(20);
    let open = index::open(std::path::Path::new(dir))?;
    let engine = Engine::new(&open)?;
    let view = std::env::var("LATENCY_VIEW").unwrap_or_else(|_| "search".into());
    let mut times: Vec<Duration> = Vec::new();
    let mut per_query: Vec<Vec<Duration>> = vec![Vec::new(); queries.len()];
    for round in 0..=rounds {
        for (i, q) in queries.iter().enumerate() {
            let t = Instant::now();
            let parsed = search::parse_query(q, engine.normalizer())?;
            let shown = run_view(&engine, &view, &parsed)?;
            let elapsed = t.elapsed();
            std::hint::black_box(shown);
            if round > 0 {
                times.push(elapsed);
                per_query[i].push(elapsed);
            }
        }
    }
    if std::env::var_os("LATENCY_PER_QUERY").is_some() {
        for (q, t) in queries.iter().zip(per_query.iter_mut()) {
            t.sort();
            println!("{:>9.3} ms  {q}", t[t.len() / 2].as_secs_f64() * 1e3);
        }
    }
    times.sort();
    let pct = |p: f64| times[((times.len() as f64 * p) as usize).min(times.len() - 1)];
    println!(
        "{view}: {} queries x {} rounds: median {:.3} ms, p99 {:.3} ms, max {:.3} ms",
        queries.len(),
        rounds,
        pct(0.5).as_secs_f64() * 1e3,
        pct(0.99).as_secs_f64() * 1e3,
        times.last().unwrap().as_secs_f64() * 1e3
    );
    Ok(())
}
