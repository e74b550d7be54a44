//! The languages a dataset's texts are written in, and the reader reads
//! in: every [`Text`] has a French and an English version. The interface
//! strings of each language are `i18n`'s (`Lang::strings`).

use super::model::Text;

/// The reader's language. French is the default: the story is French first.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// BCP 47 code, as used in `?lang=` and `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        let code = code.trim().to_ascii_lowercase();
        Lang::ALL
            .into_iter()
            .find(|lang| code == lang.code() || code.starts_with(&format!("{}-", lang.code())))
    }

    /// The text in this language, or the French one when it is missing.
    pub fn pick(self, text: &Text) -> &str {
        let wanted = match self {
            Lang::Fr => &text.fr,
            Lang::En => &text.en,
        };
        if wanted.trim().is_empty() {
            &text.fr
        } else {
            wanted
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes_round_trip_and_fall_back() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("EN-gb"), Some(Lang::En));
        assert_eq!(Lang::from_code("de"), None);
        let text = Text {
            fr: "Bonjour".into(),
            en: "".into(),
        };
        assert_eq!(Lang::En.pick(&text), "Bonjour");
    }
}
