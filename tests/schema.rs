//! The JSON Schema editors use to check the dataset while people type is
//! generated from the model types; the committed copy must be current.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use ai_race::data::schema::{schema_json, SCHEMA_PATH};

const REGENERATE: &str = "UPDATE_SCHEMA=1 cargo test -p ai-race --test schema";

#[test]
fn the_committed_json_schema_matches_the_model_types() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(SCHEMA_PATH);
    let generated = schema_json();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated)
            .unwrap_or_else(|err| panic!("cannot write {}: {err}", path.display()));
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{SCHEMA_PATH} is stale (the model in src/data/model.rs changed): regenerate it with `{REGENERATE}` \
         or `cargo xtask schema`, and commit it"
    );
}

#[test]
fn the_dataset_names_its_schema_so_editors_find_it() {
    let dataset: serde_json::Value =
        serde_json::from_str(ai_race::data::BUNDLED_JSON).expect("the bundled dataset is JSON");
    let file_name = SCHEMA_PATH.rsplit('/').next().unwrap_or_default();
    assert_eq!(dataset["$schema"], format!("./{file_name}"));
}

#[test]
fn the_schema_describes_events_and_figures_not_arbitrary_values() {
    let schema: serde_json::Value =
        serde_json::from_str(&schema_json()).expect("the schema is JSON");
    assert_eq!(
        schema["properties"]["events"]["items"]["$ref"],
        "#/definitions/RawEvent"
    );
    assert_eq!(
        schema["properties"]["figures"]["items"]["$ref"],
        "#/definitions/RawFigure"
    );
    let date = &schema["definitions"]["RawEvent"]["properties"]["date"];
    // Years 0 to 9999, before 0 with a minus sign, after 9999 with a plus
    // sign, as `Date::parse` reads them.
    assert_eq!(
        date["pattern"],
        r"^([0-9]{4}|-[0-9]{1,16}|\+[0-9]{4,16})(-[0-9]{2}(-[0-9]{2})?)?$"
    );
    let required = schema["definitions"]["RawEvent"]["required"]
        .as_array()
        .expect("required fields");
    for field in ["id", "date", "title", "track"] {
        assert!(required.iter().any(|r| r == field), "{field} is required");
    }
}
