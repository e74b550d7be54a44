//! The bundled dataset against its sources: it validates with zero
//! problems, every quote is a verbatim substring of its seed article, and
//! it covers each seed.

use std::collections::HashSet;
use std::path::PathBuf;

use ai_race::data::{self, Dataset, SourceRef};

/// The seed articles live beside the repository in `../shared/seeds`
/// (override with `SEEDS_DIR`).
fn seeds_dir() -> PathBuf {
    match std::env::var_os("SEEDS_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds"),
    }
}

fn normalise_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn bundled() -> Dataset {
    let (dataset, problems) = data::bundled();
    assert!(
        problems.is_empty(),
        "the bundled dataset has problems: {problems:#?}"
    );
    dataset
}

fn all_sources(dataset: &Dataset) -> Vec<(String, &SourceRef)> {
    let events = dataset.events.iter().flat_map(|e| {
        e.sources
            .iter()
            .map(move |s| (format!("event {}", e.id), s))
    });
    let figures = dataset.figures.iter().flat_map(|f| {
        f.sources
            .iter()
            .map(move |s| (format!("figure {}", f.id), s))
    });
    events.chain(figures).collect()
}

#[test]
fn the_bundled_dataset_validates_with_zero_problems() {
    let dataset = bundled();
    assert!(
        dataset.events.len() >= 25,
        "{} events",
        dataset.events.len()
    );
    assert!(
        dataset.figures.len() >= 15,
        "{} figures",
        dataset.figures.len()
    );
}

#[test]
fn every_quote_is_a_verbatim_substring_of_its_seed() {
    let dataset = bundled();
    let dir = seeds_dir();
    let mut n_quotes = 0;
    for (owner, source) in all_sources(&dataset) {
        let Some(seed) = &source.seed else { continue };
        let path = dir.join(seed);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|err| {
            panic!(
                "{owner}: cannot read seed {} ({err}); set SEEDS_DIR",
                path.display()
            )
        });
        let quote = source
            .quote
            .as_deref()
            .unwrap_or_else(|| panic!("{owner}: seed source without a quote"));
        assert!(
            normalise_whitespace(&text).contains(&normalise_whitespace(quote)),
            "{owner}: quote not found verbatim in {seed}: {quote}"
        );
        n_quotes += 1;
    }
    assert!(n_quotes > 0);
}

#[test]
fn every_fact_rests_on_a_seed_quote_or_a_named_public_source() {
    let dataset = bundled();
    for event in &dataset.events {
        assert!(
            event.sources.iter().any(|s| s.seed.is_some()),
            "event {} has no seed source",
            event.id
        );
        for source in &event.sources {
            if source.seed.is_none() {
                assert!(
                    source.url.is_some() && source.publisher.is_some() && source.note.is_some(),
                    "event {}: public source needs url, publisher and note",
                    event.id
                );
            }
        }
    }
    for figure in &dataset.figures {
        assert!(
            figure.sources.iter().any(|s| s.seed.is_some()),
            "figure {} has no seed source",
            figure.id
        );
    }
}

#[test]
fn every_seed_is_listed_and_used() {
    let dataset = bundled();
    let mut files: Vec<String> = std::fs::read_dir(seeds_dir())
        .expect("seeds directory")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".txt"))
        .collect();
    files.sort();
    let listed: Vec<String> = dataset.documents.iter().map(|d| d.file.clone()).collect();
    assert_eq!(listed, files);
    let used: HashSet<&str> = all_sources(&dataset)
        .iter()
        .filter_map(|(_, s)| s.seed.as_deref())
        .collect();
    for file in &files {
        assert!(used.contains(file.as_str()), "no fact cites {file}");
    }
}

#[test]
fn the_funding_story_figures_are_present() {
    let dataset = bundled();
    let usd: Vec<f64> = dataset
        .figures
        .iter()
        .filter(|f| f.unit.is_money())
        .map(|f| f.value)
        .collect();
    for expected in [500e9, 100e9, 10e9, 600e9, 200e9, 50e9, 125e9, 277e6] {
        assert!(usd.contains(&expected), "missing amount {expected}");
    }
}
