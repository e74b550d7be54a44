//! Problems found while reading a dataset: each has the JSON path of the
//! offending value and a plain message, in French and English, that a
//! journalist can act on.

use super::model::Text;

/// An error drops the item it is about (the rest still shows); a warning
/// keeps it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// What a reference points to, for "unknown ..." messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefKind {
    Track,
    Initiative,
    Actor,
    Event,
    Document,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ProblemKind {
    /// The file is not readable JSON at all.
    Syntax { detail: String },
    /// An item does not have the expected shape (wrong type, missing field).
    Shape { detail: String },
    DuplicateId { id: String },
    UnknownReference { what: RefKind, id: String },
    BadDateFormat { value: String },
    ImpossibleDate { value: String },
    /// A derived milestone whose date is not its base date plus the offset.
    DerivedDateMismatch { expected: String, found: String },
    /// A derivation with neither days nor months.
    EmptyDerivation,
    EmptyText { lang: &'static str },
    EmptyId,
    NegativeAmount { value: f64 },
    NotFinite,
    PeriodNotPositive,
    NoSource,
    /// A source naming a seed must carry the quote it rests on.
    QuoteMissing,
    /// Quotes are a sentence or less.
    QuoteTooLong { n_chars: usize },
    /// Neither a seed with a quote nor a URL with a publisher.
    SourceIncomplete,
    /// A public-record URL that is not http(s).
    BadUrl { value: String },
    NoEvents,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// JSON path of the value, e.g. `events[3].date`.
    pub path: String,
    pub severity: Severity,
    pub kind: ProblemKind,
    /// 1-based position in the file when known (syntax errors).
    pub line: Option<usize>,
    pub column: Option<usize>,
}

/// The longest quote accepted, in characters.
pub const MAX_QUOTE_CHARS: usize = 300;

impl Problem {
    pub fn error(path: impl Into<String>, kind: ProblemKind) -> Problem {
        Problem { path: path.into(), severity: Severity::Error, kind, line: None, column: None }
    }

    pub fn warning(path: impl Into<String>, kind: ProblemKind) -> Problem {
        Problem { path: path.into(), severity: Severity::Warning, kind, line: None, column: None }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The message shown in the error panel and printed by the validator.
    pub fn message(&self) -> Text {
        let (fr, en) = match &self.kind {
            ProblemKind::Syntax { detail } => (
                format!("Le fichier n’est pas du JSON lisible ({detail}). Vérifiez les virgules, guillemets et accolades autour de cette position."),
                format!("The file is not readable JSON ({detail}). Check commas, quotes and braces around this position."),
            ),
            ProblemKind::Shape { detail } => (
                format!("Cet élément n’a pas la forme attendue : {detail}. Comparez-le à un élément valide du même fichier."),
                format!("This item does not have the expected shape: {detail}. Compare it with a valid item of the same file."),
            ),
            ProblemKind::DuplicateId { id } => (
                format!("L’identifiant « {id} » est déjà utilisé ; donnez à cet élément un identifiant unique."),
                format!("The id \"{id}\" is already used; give this item a unique id."),
            ),
            ProblemKind::UnknownReference { what, id } => {
                let (fr_what, en_what) = match what {
                    RefKind::Track => ("thème (track)", "track"),
                    RefKind::Initiative => ("initiative", "initiative"),
                    RefKind::Actor => ("acteur", "actor"),
                    RefKind::Event => ("événement", "event"),
                    RefKind::Document => ("document source", "source document"),
                };
                (
                    format!("Aucun {fr_what} n’a l’identifiant « {id} » ; corrigez l’identifiant ou ajoutez cet élément."),
                    format!("No {en_what} has the id \"{id}\"; fix the id or add that item."),
                )
            }
            ProblemKind::BadDateFormat { value } => (
                format!("La date « {value} » n’est pas au format AAAA, AAAA-MM ou AAAA-MM-JJ."),
                format!("The date \"{value}\" is not in the form YYYY, YYYY-MM or YYYY-MM-DD."),
            ),
            ProblemKind::ImpossibleDate { value } => (
                format!("La date « {value} » n’existe pas dans le calendrier."),
                format!("The date \"{value}\" does not exist in the calendar."),
            ),
            ProblemKind::DerivedDateMismatch { expected, found } => (
                format!("Cette échéance calculée devrait tomber le {expected}, pas le {found}."),
                format!("This derived deadline should fall on {expected}, not {found}."),
            ),
            ProblemKind::EmptyDerivation => (
                "Une échéance calculée doit indiquer un nombre de jours ou de mois.".to_string(),
                "A derived deadline must give a number of days or months.".to_string(),
            ),
            ProblemKind::EmptyText { lang } => {
                let (fr_lang, en_lang) = if *lang == "en" { ("anglais", "English") } else { ("français", "French") };
                (
                    format!("Le texte en {fr_lang} est vide ; écrivez-le."),
                    format!("The {en_lang} text is empty; please write it."),
                )
            }
            ProblemKind::EmptyId => (
                "L’identifiant est vide ; chaque élément a besoin d’un identifiant unique.".to_string(),
                "The id is empty; every item needs a unique id.".to_string(),
            ),
            ProblemKind::NegativeAmount { value } => (
                format!("Le montant {value} est négatif ; un montant est toujours positif."),
                format!("The amount {value} is negative; amounts are always positive."),
            ),
            ProblemKind::NotFinite => (
                "Cette valeur n’est pas un nombre fini.".to_string(),
                "This value is not a finite number.".to_string(),
            ),
            ProblemKind::PeriodNotPositive => (
                "La durée d’une période doit être un nombre d’années supérieur à zéro.".to_string(),
                "A period must last a number of years greater than zero.".to_string(),
            ),
            ProblemKind::NoSource => (
                "Aucune source : chaque fait doit citer au moins un article avec sa citation.".to_string(),
                "No source: every fact must cite at least one article with its quote.".to_string(),
            ),
            ProblemKind::QuoteMissing => (
                "La source cite un article sans citation ; ajoutez la phrase exacte sur laquelle repose le fait.".to_string(),
                "The source names an article without a quote; add the exact sentence the fact rests on.".to_string(),
            ),
            ProblemKind::QuoteTooLong { n_chars } => (
                format!("La citation fait {n_chars} caractères ; gardez une phrase ou moins ({MAX_QUOTE_CHARS} au plus)."),
                format!("The quote is {n_chars} characters long; keep it to a sentence or less ({MAX_QUOTE_CHARS} at most)."),
            ),
            ProblemKind::SourceIncomplete => (
                "Une source doit nommer soit un article (« seed ») avec sa citation, soit une adresse (« url ») avec son éditeur.".to_string(),
                "A source must name either an article (\"seed\") with its quote, or an address (\"url\") with its publisher.".to_string(),
            ),
            ProblemKind::BadUrl { value } => (
                format!("L’adresse « {value} » doit commencer par https:// ou http://."),
                format!("The address \"{value}\" must start with https:// or http://."),
            ),
            ProblemKind::NoEvents => (
                "Le fichier ne contient aucun événement affichable.".to_string(),
                "The file contains no event that can be shown.".to_string(),
            ),
        };
        Text { fr, en }
    }
}
