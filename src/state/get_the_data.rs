//! "Get the data" (issue 18), as Datawrapper readers know it: the address
//! of the file the page shows, to download with its sources — the
//! published dataset, or the `?data=` file of the same site. A file the
//! reader picked or dropped is already theirs: no link.

use super::shown::DataOrigin;
use super::url::check_data_path;

/// The published dataset, as Trunk copies it next to `index.html`
/// (`www/data/` → `dist/data/`).
pub const PUBLISHED_DATA_HREF: &str = "data/ai-race-2025.json";

/// The spreadsheet template of our format (`www/data/template.csv`),
/// linked from the data tools.
pub const TEMPLATE_HREF: &str = "data/template.csv";

/// The link to the data shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataLink {
    /// Relative to the page, as `?data=` is.
    pub href: String,
    /// The name the downloaded file gets.
    pub file_name: String,
}

/// The link to the data from `origin`, if the reader can fetch it.
pub fn data_link(origin: &DataOrigin) -> Option<DataLink> {
    let href = match origin {
        DataOrigin::Published => PUBLISHED_DATA_HREF.to_string(),
        // Only a value the app agreed to fetch: a path on the same site.
        DataOrigin::Url(value) => check_data_path(value).ok()?,
        DataOrigin::LocalFile(_) => return None,
    };
    let path = href.split(['?', '#']).next().unwrap_or_default();
    let file_name = path
        .rsplit('/')
        .next()
        .filter(|name| !name.is_empty())
        .unwrap_or("data.json")
        .to_string();
    Some(DataLink { href, file_name })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_published_data_links_to_the_bundled_file_as_dist_has_it() {
        let link = data_link(&DataOrigin::Published).unwrap();
        assert_eq!(link.file_name, "ai-race-2025.json");
        // Trunk copies www/data/ to dist/data/: the file behind the link
        // is the one the app embeds.
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("www")
            .join(&link.href);
        let on_disk = std::fs::read_to_string(path).unwrap();
        assert_eq!(on_disk, crate::data::BUNDLED_JSON);
    }

    #[test]
    fn the_template_link_is_the_shipped_template() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        assert_eq!(
            root.join("www").join(TEMPLATE_HREF),
            root.join(crate::data::template::TEMPLATE_PATH)
        );
        assert!(root.join("www").join(TEMPLATE_HREF).is_file());
    }

    #[test]
    fn a_data_address_links_to_itself() {
        let link = data_link(&DataOrigin::Url("fixtures/antiquity.json".into())).unwrap();
        assert_eq!(link.href, "fixtures/antiquity.json");
        assert_eq!(link.file_name, "antiquity.json");
        let link = data_link(&DataOrigin::Url(" ../x/timeline.csv?v=2#top".into())).unwrap();
        assert_eq!(link.href, "../x/timeline.csv?v=2#top");
        assert_eq!(link.file_name, "timeline.csv");
        assert_eq!(
            data_link(&DataOrigin::Url("dir/".into()))
                .unwrap()
                .file_name,
            "data.json"
        );
    }

    #[test]
    fn refused_addresses_and_local_files_get_no_link() {
        for value in [
            "javascript:alert(1)",
            "https://example.org/a.json",
            "//evil/a.json",
            "",
        ] {
            assert_eq!(data_link(&DataOrigin::Url(value.into())), None, "{value}");
        }
        assert_eq!(data_link(&DataOrigin::LocalFile("mine.csv".into())), None);
    }
}
