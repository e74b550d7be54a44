//! `cargo xtask schema`: writes the dataset's JSON Schema, generated from
//! the model types, to `www/data/ai-race-2025.schema.json` (the host test
//! `tests/schema.rs` fails while the committed copy is stale).

use ai_race::data::schema::{schema_json, SCHEMA_PATH};

use crate::{project, Result};

pub fn schema() -> Result<()> {
    let path = project::root_dir().join(SCHEMA_PATH);
    let json = schema_json();
    let unchanged = std::fs::read_to_string(&path).is_ok_and(|old| old == json);
    if !unchanged {
        std::fs::write(&path, json)
            .map_err(|err| format!("cannot write {}: {err}", path.display()))?;
    }
    println!(
        "{SCHEMA_PATH}: {}",
        if unchanged {
            "already up to date"
        } else {
            "written"
        }
    );
    Ok(())
}
