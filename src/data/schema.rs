//! The JSON Schema of the dataset file, generated from the model types
//! (host only: the wasm build does not carry schemars). Editors use it
//! through the file's `"$schema"` key to check the file while people type.

use super::model::RawDataset;

/// Where the committed schema lives, relative to the repository root.
pub const SCHEMA_PATH: &str = "www/data/ai-race-2025.schema.json";

/// The schema as committed: pretty JSON with a final line break.
pub fn schema_json() -> String {
    let mut schema = schemars::schema_for!(RawDataset);
    let metadata = schema.schema.metadata();
    metadata.title = Some("AI race 2025 dataset".to_string());
    metadata.description = Some(
        "The data file of the 2025 AI race timeline: events, tracks, actors, figures and their sources, in French and English. Check it with `cargo xtask validate FILE`."
            .to_string(),
    );
    let mut json = serde_json::to_string_pretty(&schema).unwrap_or_default();
    json.push('\n');
    json
}
