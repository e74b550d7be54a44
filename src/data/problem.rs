//! Problems found while reading a dataset: each has the JSON path of the
//! offending value and a plain message, in French and English, that a
//! journalist can act on.

use super::model::Text;
use super::shape::{Shape, Syntax};

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
    Figure,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ProblemKind {
    /// The file is not readable JSON at all.
    Syntax {
        syntax: Syntax,
    },
    /// An item does not have the expected shape (wrong type, missing field).
    Shape {
        shape: Shape,
    },
    DuplicateId {
        id: String,
    },
    UnknownReference {
        what: RefKind,
        id: String,
    },
    BadDateFormat {
        value: String,
    },
    ImpossibleDate {
        value: String,
    },
    /// A derived milestone whose date is not its base date plus the offset.
    DerivedDateMismatch {
        expected: String,
        found: String,
    },
    /// A derivation with neither days nor months.
    EmptyDerivation,
    /// A deadline derived in months written to the day: the offset only
    /// gives the month (kept, at the month).
    DerivedDateTooPrecise {
        expected: String,
        found: String,
    },
    /// `date_kind: "reported"` but none of the event's articles was
    /// published on that date.
    ReportedDateNotPublished {
        date: String,
    },
    /// An old file's `approximate: true` with no `qualifier`: read as
    /// "about", which may mislabel a ceiling.
    ApproximateWithoutQualifier,
    /// A figure whose `overlaps` names itself.
    OverlapsItself,
    /// French text with an ordinary or missing space before ; : ! ? » or
    /// after «.
    FrenchSpacing {
        count: usize,
        excerpt: String,
    },
    EmptyText {
        lang: &'static str,
    },
    EmptyId,
    NegativeAmount {
        value: f64,
    },
    NotFinite,
    PeriodNotPositive,
    NoSource,
    /// A source naming a seed must carry the quote it rests on.
    QuoteMissing,
    /// Quotes are a sentence or less.
    QuoteTooLong {
        n_chars: usize,
    },
    /// Neither a seed with a quote nor a URL with a publisher.
    SourceIncomplete,
    /// A public-record URL that is not http(s).
    BadUrl {
        value: String,
    },
    NoEvents,

    // Reading files (issue 6): encodings, formats, run-time loading.
    /// The file is empty (or only white space).
    EmptyFile,
    /// Bytes that are not UTF-8 (a Latin-1 or Windows-1252 export, say).
    NotUtf8 {
        byte_offset: usize,
    },
    /// Neither our JSON, nor TimelineJS JSON, nor a TimelineJS CSV.
    UnknownFormat,
    /// Larger than the app agrees to read.
    FileTooLarge {
        n_bytes: usize,
        max_bytes: usize,
    },
    /// More events than the app agrees to read (counted before parsing,
    /// up to one more than the limit: see `data::load::count_events_up_to`).
    TooManyEvents {
        max_events: usize,
    },
    /// A `?data=` value the app refuses to fetch.
    DataPathRefused {
        value: String,
        reason: PathRefusal,
    },
    /// The `?data=` file, or a file the reader picked, could not be read:
    /// `failure` says why (network, not found, another site, not a data
    /// file, cut off, unreadable).
    FetchFailed {
        path: String,
        failure: FetchFailure,
    },

    // Importing TimelineJS (issue 6).
    /// Something TimelineJS has that this timeline cannot show.
    NotMapped {
        feature: Unmapped,
        value: String,
    },
    /// A TimelineJS end date earlier than its start date.
    EndBeforeStart {
        start: String,
        end: String,
    },
    /// A year beyond a million billion years either side of year 0
    /// (`date::MAX_ABS_YEAR`).
    YearOutOfRange {
        value: String,
    },
    /// Dates before year 0 in a TimelineJS file: they are read as
    /// TimelineJS places them (astronomical years, year 0 = 1 BC), which
    /// is one year off the label TimelineJS prints ("-300" shows "300
    /// BCE" there, "301 av. J.-C." here). Once per file, at the first.
    BcYearNumbering {
        year: i64,
    },
    /// A month, day or year that is not a whole number in range.
    BadDatePart {
        part: DatePart,
        value: String,
    },
    /// A TimelineJS event without a start year.
    MissingStartDate,
    /// A CSV without the columns the TimelineJS template requires.
    CsvMissingColumns {
        columns: String,
    },
    /// A quoted CSV field that never ends.
    CsvUnclosedQuote,
    /// TimelineJS has one language: its texts were copied into French and English.
    TextCopiedToBothLanguages,
    /// TimelineJS files name no sources: every imported event is unsourced.
    ImportHasNoSources {
        n_events: usize,
    },

    // Our spreadsheet template (issue 18, `template.rs`).
    /// A template sheet without the columns it needs.
    TemplateMissingColumns {
        columns: String,
    },
    /// A `type` cell that is none of the template's row types.
    TemplateRowType {
        value: String,
    },
    /// A cell that does not hold what its column expects.
    TemplateBadCell {
        value: String,
        expected: CellExpect,
    },
    /// A source row that names neither a figure nor an event.
    TemplateSourceWithoutParent,
}

/// What a template cell must hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellExpect {
    /// Something: the cell is required.
    Filled,
    /// A number (`2.5`, `2,5`, `500 000`).
    Number,
    /// A whole number.
    WholeNumber,
    /// true/false (or oui/non, yes/no).
    YesNo,
    /// One of these codes.
    OneOf(&'static [&'static str]),
}

/// Why a file could not be read at run time (`?data=` or a picked file).
/// Too large is [`ProblemKind::FileTooLarge`], with the limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchFailure {
    /// No answer at all: offline, server down, request blocked.
    Network,
    /// An answer that stopped before its end (the connection was cut).
    CutOff,
    /// HTTP 404 or 410: no such file on the site.
    NotFound,
    /// Another HTTP error status.
    Status(u16),
    /// The answer came from another site (a redirection).
    OtherSite,
    /// The server says it is a web page, a script, a style sheet, an
    /// image, a sound, a video or a font (its `Content-Type`), not data.
    NotData { content_type: String },
    /// A file on the computer the browser could not read (moved, deleted,
    /// no permission).
    Unreadable,
}

/// Why a `?data=` value is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathRefusal {
    Empty,
    /// `https://…`, `javascript:…`, `data:…`: any scheme.
    AbsoluteUrl,
    /// `//host/…` (or with backslashes, which browsers read as slashes).
    ProtocolRelative,
    /// Resolves to another origin than the page's.
    OtherOrigin,
}

/// Which part of a TimelineJS date is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatePart {
    Year,
    Month,
    Day,
}

/// TimelineJS features with no place in this timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unmapped {
    /// Eras (coloured spans under the time axis).
    Era,
    /// End dates: events are shown at their start.
    EndDate,
    /// Hours, minutes, seconds.
    TimeOfDay,
    /// Slide backgrounds (image or colour).
    Background,
    /// The title slide's media.
    TitleMedia,
    /// Media thumbnails, alt texts, titles and links.
    MediaDetail,
    /// A media "URL" that is not an http(s) address (an embed code, a
    /// relative path...): not shown.
    MediaNotLink,
    /// A `scale` other than `human` and `cosmological` (TimelineJS knows
    /// no other).
    Scale,
    /// A day the month does not have (30 February): kept to the month.
    ImpossibleDay,
    /// A slide with neither headline nor text: titled from its media or date.
    UntitledSlide,
    /// A day without a month.
    DayWithoutMonth,
    /// A spreadsheet row type other than title or era.
    RowType,
    /// A field or column this importer does not know.
    UnknownField,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// JSON path of the value, e.g. `events[3].date`.
    pub path: String,
    pub severity: Severity,
    pub kind: ProblemKind,
    /// 1-based line and column (in characters) of the value in the file.
    pub line: Option<usize>,
    pub column: Option<usize>,
}

/// The longest quote accepted, in characters.
pub const MAX_QUOTE_CHARS: usize = 300;

impl Problem {
    pub fn error(path: impl Into<String>, kind: ProblemKind) -> Problem {
        Problem {
            path: path.into(),
            severity: Severity::Error,
            kind,
            line: None,
            column: None,
        }
    }

    pub fn warning(path: impl Into<String>, kind: ProblemKind) -> Problem {
        Problem {
            path: path.into(),
            severity: Severity::Warning,
            kind,
            line: None,
            column: None,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The message shown in the error panel and printed by the validator.
    pub fn message(&self) -> Text {
        let (fr, en) = match &self.kind {
            ProblemKind::Syntax { syntax } => {
                let detail = syntax.text();
                (
                    format!("Le fichier n’est pas du JSON lisible\u{a0}: {}. Vérifiez les virgules, guillemets et accolades autour de cette position.", detail.fr),
                    format!("The file is not readable JSON: {}. Check commas, quotes and braces around this position.", detail.en),
                )
            }
            ProblemKind::Shape { shape } => {
                let detail = shape.text();
                (
                    format!("Cet élément n’a pas la forme attendue\u{a0}: {}. Comparez-le à un élément valide du même fichier.", detail.fr),
                    format!("This item does not have the expected shape: {}. Compare it with a valid item of the same file.", detail.en),
                )
            }
            ProblemKind::DuplicateId { id } => (
                format!("L’identifiant «\u{202f}{id}\u{202f}» est déjà utilisé\u{202f}; donnez à cet élément un identifiant unique."),
                format!("The id \"{id}\" is already used; give this item a unique id."),
            ),
            ProblemKind::UnknownReference { what, id } => {
                let (fr_what, en_what) = match what {
                    RefKind::Track => ("thème (track)", "track"),
                    RefKind::Initiative => ("initiative", "initiative"),
                    RefKind::Actor => ("acteur", "actor"),
                    RefKind::Event => ("événement", "event"),
                    RefKind::Document => ("document source", "source document"),
                    RefKind::Figure => ("chiffre", "figure"),
                };
                (
                    format!("Aucun {fr_what} n’a l’identifiant «\u{202f}{id}\u{202f}»\u{202f}; corrigez l’identifiant ou ajoutez cet élément."),
                    format!("No {en_what} has the id \"{id}\"; fix the id or add that item."),
                )
            }
            ProblemKind::BadDateFormat { value } => (
                format!("La date «\u{202f}{value}\u{202f}» n’est pas au format AAAA, AAAA-MM ou AAAA-MM-JJ."),
                format!("The date \"{value}\" is not in the form YYYY, YYYY-MM or YYYY-MM-DD."),
            ),
            ProblemKind::ImpossibleDate { value } => (
                format!("La date «\u{202f}{value}\u{202f}» n’existe pas dans le calendrier."),
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
            ProblemKind::DerivedDateTooPrecise { expected, found } => (
                format!("Un délai compté en mois ne donne que le mois\u{202f}: cette échéance est «\u{202f}{expected}\u{202f}», pas «\u{202f}{found}\u{202f}». Elle s’affiche au mois."),
                format!("A deadline counted in months gives only the month: this one is \"{expected}\", not \"{found}\". It shows at the month."),
            ),
            ProblemKind::ReportedDateNotPublished { date } => (
                format!("La date est dite «\u{202f}reported\u{202f}» (date de l’article qui le rapporte), mais aucun article cité n’a été publié le {date}."),
                format!("The date is marked \"reported\" (date of the article reporting it), but none of the cited articles was published on {date}."),
            ),
            ProblemKind::ApproximateWithoutQualifier => (
                "«\u{202f}approximate\u{202f}» sans «\u{202f}qualifier\u{202f}»\u{202f}: le chiffre est lu comme «\u{202f}environ\u{202f}», ce qui est faux pour un plafond («\u{202f}jusqu’à\u{202f}») ou un plancher («\u{202f}au moins\u{202f}»).".to_string(),
                "\"approximate\" without \"qualifier\": the figure reads as \"about\", which is wrong for a ceiling (\"up to\") or a floor (\"at least\").".to_string(),
            ),
            ProblemKind::OverlapsItself => (
                "Un chiffre ne peut pas en recouper un autre qui est lui-même.".to_string(),
                "A figure cannot overlap itself.".to_string(),
            ),
            ProblemKind::FrenchSpacing { count, excerpt } => (
                format!("Typographie\u{a0}: {count} endroit(s) sans espace insécable avant un deux-points, un point-virgule, un point d’exclamation ou d’interrogation, ou à l’intérieur des guillemets\u{a0}: la ponctuation peut passer seule à la ligne. Premier endroit\u{a0}: «\u{202f}{excerpt}\u{202f}»."),
                format!("French typography: {count} place(s) without a no-break space before ; : ! ? » or after «, so the punctuation can be left alone on a new line. First place: “{excerpt}”."),
            ),
            ProblemKind::EmptyText { lang } => {
                let (fr_lang, en_lang) = if *lang == "en" { ("anglais", "English") } else { ("français", "French") };
                (
                    format!("Le texte en {fr_lang} est vide\u{202f}; écrivez-le."),
                    format!("The {en_lang} text is empty; please write it."),
                )
            }
            ProblemKind::EmptyId => (
                "L’identifiant est vide\u{202f}; chaque élément a besoin d’un identifiant unique.".to_string(),
                "The id is empty; every item needs a unique id.".to_string(),
            ),
            ProblemKind::NegativeAmount { value } => (
                format!("Le montant {value} est négatif\u{202f}; un montant est toujours positif."),
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
                "Aucune source\u{a0}: chaque fait doit citer au moins un article avec sa citation.".to_string(),
                "No source: every fact must cite at least one article with its quote.".to_string(),
            ),
            ProblemKind::QuoteMissing => (
                "La source cite un article sans citation\u{202f}; ajoutez la phrase exacte sur laquelle repose le fait.".to_string(),
                "The source names an article without a quote; add the exact sentence the fact rests on.".to_string(),
            ),
            ProblemKind::QuoteTooLong { n_chars } => (
                format!("La citation fait {n_chars} caractères\u{202f}; gardez une phrase ou moins ({MAX_QUOTE_CHARS} au plus)."),
                format!("The quote is {n_chars} characters long; keep it to a sentence or less ({MAX_QUOTE_CHARS} at most)."),
            ),
            ProblemKind::SourceIncomplete => (
                "Une source doit nommer soit un article («\u{202f}seed\u{202f}») avec sa citation, soit une adresse («\u{202f}url\u{202f}») avec son éditeur.".to_string(),
                "A source must name either an article (\"seed\") with its quote, or an address (\"url\") with its publisher.".to_string(),
            ),
            ProblemKind::BadUrl { value } => (
                format!("L’adresse «\u{202f}{value}\u{202f}» doit commencer par https:// ou http://."),
                format!("The address \"{value}\" must start with https:// or http://."),
            ),
            ProblemKind::NoEvents => (
                "Le fichier ne contient aucun événement affichable.".to_string(),
                "The file contains no event that can be shown.".to_string(),
            ),
            ProblemKind::EmptyFile => (
                "Le fichier est vide.".to_string(),
                "The file is empty.".to_string(),
            ),
            ProblemKind::NotUtf8 { byte_offset } => (
                format!("Le fichier n’est pas enregistré en UTF-8 (premier octet illisible à la position {byte_offset})\u{202f}; les caractères accentués s’afficheront mal."),
                format!("The file is not saved as UTF-8 (first unreadable byte at offset {byte_offset}); accented letters will show wrongly."),
            ),
            ProblemKind::UnknownFormat => (
                "Format inconnu\u{a0}: ce n’est ni le JSON de cette chronologie, ni un JSON TimelineJS, ni un CSV du modèle TimelineJS, ni un CSV de notre modèle de tableur.".to_string(),
                "Unknown format: this is neither this timeline’s JSON, nor TimelineJS JSON, nor a CSV of the TimelineJS template, nor a CSV of our spreadsheet template.".to_string(),
            ),
            ProblemKind::FileTooLarge { n_bytes, max_bytes } => (
                format!("Le fichier fait {} Mo\u{202f}; la limite est de {} Mo.", n_bytes / 1_000_000, max_bytes / 1_000_000),
                format!("The file is {} MB; the limit is {} MB.", n_bytes / 1_000_000, max_bytes / 1_000_000),
            ),
            ProblemKind::TooManyEvents { max_events } => (
                format!("Le fichier compte plus de {} événements\u{202f}; la limite est de {}.", group_thousands(*max_events, '\u{202f}'), group_thousands(*max_events, '\u{202f}')),
                format!("The file has more than {} events; the limit is {}.", group_thousands(*max_events, ','), group_thousands(*max_events, ',')),
            ),
            ProblemKind::DataPathRefused { value, reason } => {
                let (fr_why, en_why) = match reason {
                    PathRefusal::Empty => ("le chemin est vide", "the path is empty"),
                    PathRefusal::AbsoluteUrl => ("c’est une adresse complète, pas un chemin relatif", "it is a full address, not a relative path"),
                    PathRefusal::ProtocolRelative => ("une adresse commençant par // désigne un autre site", "an address starting with // names another site"),
                    PathRefusal::OtherOrigin => ("elle mène à un autre site", "it leads to another site"),
                };
                (
                    format!("Le fichier de données «\u{202f}{value}\u{202f}» est refusé\u{a0}: {fr_why}. Seuls les fichiers du même site, donnés par un chemin relatif, sont lus."),
                    format!("The data file \"{value}\" is refused: {en_why}. Only files on the same site, given by a relative path, are read."),
                )
            }
            ProblemKind::FetchFailed { path, failure } => {
                let (fr_why, en_why) = match failure {
                    FetchFailure::Network => ("le réseau ne répond pas ou la requête a été bloquée".to_string(), "the network does not answer or the request was blocked".to_string()),
                    FetchFailure::CutOff => ("la connexion a été coupée avant la fin du fichier".to_string(), "the connection was cut before the end of the file".to_string()),
                    FetchFailure::NotFound => ("il n’existe pas sur ce site (réponse HTTP 404)".to_string(), "it does not exist on this site (HTTP status 404)".to_string()),
                    FetchFailure::Status(status) => (format!("le serveur a répondu par une erreur (réponse HTTP {status})"), format!("the server answered with an error (HTTP status {status})")),
                    FetchFailure::OtherSite => ("la réponse vient d’un autre site (redirection)".to_string(), "the answer comes from another site (a redirection)".to_string()),
                    FetchFailure::NotData { content_type } => (format!("le serveur le présente comme une page ou une ressource web ({content_type}), pas comme des données"), format!("the server presents it as a web page or resource ({content_type}), not as data")),
                    FetchFailure::Unreadable => ("le navigateur n’a pas pu le lire (fichier déplacé, supprimé ou protégé)".to_string(), "the browser could not read it (file moved, deleted or protected)".to_string()),
                };
                (
                    format!("Le fichier de données «\u{202f}{path}\u{202f}» n’a pas pu être lu\u{a0}: {fr_why}."),
                    format!("The data file \"{path}\" could not be read: {en_why}."),
                )
            }
            ProblemKind::NotMapped { feature, value } => {
                let shown = if value.is_empty() { String::new() } else { format!(" «\u{202f}{value}\u{202f}»") };
                let shown_en = if value.is_empty() { String::new() } else { format!(" \"{value}\"") };
                let (fr_what, en_what) = match feature {
                    Unmapped::Era => ("Les ères TimelineJS ne sont pas affichées", "TimelineJS eras are not shown"),
                    Unmapped::EndDate => ("Les dates de fin ne sont pas affichées\u{a0}: l’événement apparaît à sa date de début", "End dates are not shown: the event appears at its start date"),
                    Unmapped::TimeOfDay => ("L’heure n’est pas affichée, seulement le jour", "The time of day is not shown, only the day"),
                    Unmapped::Background => ("Les fonds de diapositive ne sont pas affichés", "Slide backgrounds are not shown"),
                    Unmapped::TitleMedia => ("Le média de la diapositive de titre n’est pas affiché", "The title slide’s media is not shown"),
                    Unmapped::MediaDetail => ("Ce détail du média n’est pas affiché", "This media detail is not shown"),
                    Unmapped::MediaNotLink => ("Ce média n’est pas une adresse http(s)\u{a0}: il n’est pas affiché", "This media is not an http(s) address: it is not shown"),
                    Unmapped::Scale => ("Cette échelle est inconnue de TimelineJS (qui connaît « human » et « cosmological ») : les dates sont placées comme toutes les autres", "TimelineJS knows no such scale (it has \"human\" and \"cosmological\"): the dates are placed like any other"),
                    Unmapped::UntitledSlide => ("Cette diapositive n’a ni titre ni texte : elle est affichée sous le titre tiré de son média ou de sa date", "This slide has neither headline nor text: it shows under a title taken from its media or date"),
                    Unmapped::ImpossibleDay => ("Ce jour n’existe pas dans ce mois : la date est gardée au mois", "This day does not exist in that month: the date is kept to the month"),
                    Unmapped::DayWithoutMonth => ("Un jour sans mois est ignoré\u{a0}: la date est gardée à l’année", "A day without a month is ignored: the date is kept to the year"),
                    Unmapped::RowType => ("Ce type de ligne est inconnu\u{a0}: la ligne est lue comme un événement", "This row type is unknown: the row is read as an event"),
                    Unmapped::UnknownField => ("Ce champ est inconnu et ignoré", "This field is unknown and ignored"),
                };
                (format!("{fr_what}{shown}."), format!("{en_what}{shown_en}."))
            }
            ProblemKind::EndBeforeStart { start, end } => (
                format!("La date de fin ({end}) précède la date de début ({start})."),
                format!("The end date ({end}) comes before the start date ({start})."),
            ),
            ProblemKind::YearOutOfRange { value } => (
                format!("L’année « {value} » ne peut pas être placée : elle est à plus d’un million de milliards d’années de l’an 0 (70 000 fois l’âge de l’Univers)."),
                format!("The year \"{value}\" cannot be placed: it is more than a million billion years from year 0 (70,000 times the age of the universe)."),
            ),
            ProblemKind::BcYearNumbering { year } => {
                let bc = 1 - year;
                (
                    format!("Les années avant l’an 0 sont lues comme TimelineJS les place, en numérotation astronomique (l’an 0 est 1 av. J.-C.) : l’année {year} est affichée « {bc} av. J.-C. », alors que TimelineJS écrit « {} BCE ».", -year),
                    format!("Years before year 0 are read as TimelineJS places them, in astronomical numbering (year 0 is 1 BC): year {year} shows as \"{bc} BC\", where TimelineJS writes \"{} BCE\".", -year),
                )
            }
            ProblemKind::BadDatePart { part, value } => {
                let (fr_part, en_part, range) = match part {
                    DatePart::Year => ("L’année", "The year", "un nombre entier"),
                    DatePart::Month => ("Le mois", "The month", "un nombre de 1 à 12"),
                    DatePart::Day => ("Le jour", "The day", "un nombre de 1 à 31"),
                };
                let range_en = match part {
                    DatePart::Year => "a whole number",
                    DatePart::Month => "a number from 1 to 12",
                    DatePart::Day => "a number from 1 to 31",
                };
                (
                    format!("{fr_part} «\u{202f}{value}\u{202f}» doit être {range}."),
                    format!("{en_part} \"{value}\" must be {range_en}."),
                )
            }
            ProblemKind::MissingStartDate => (
                "Cet événement n’a pas d’année de début\u{a0}: il ne peut pas être placé.".to_string(),
                "This event has no start year: it cannot be placed.".to_string(),
            ),
            ProblemKind::CsvMissingColumns { columns } => (
                format!("Il manque au CSV les colonnes du modèle TimelineJS\u{a0}: {columns}."),
                format!("The CSV lacks these columns of the TimelineJS template: {columns}."),
            ),
            ProblemKind::CsvUnclosedQuote => (
                "Un champ entre guillemets n’est jamais refermé\u{a0}: la fin du fichier est lue comme une seule cellule.".to_string(),
                "A quoted field is never closed: the rest of the file is read as one cell.".to_string(),
            ),
            ProblemKind::TextCopiedToBothLanguages => (
                "TimelineJS n’a qu’une langue\u{a0}: les textes ont été copiés en français et en anglais.".to_string(),
                "TimelineJS has one language: the texts were copied into both French and English.".to_string(),
            ),
            ProblemKind::ImportHasNoSources { n_events } => (
                format!("Les fichiers TimelineJS ne citent pas de sources\u{a0}: les {n_events} événements importés n’en ont aucune."),
                format!("TimelineJS files cite no sources: none of the {n_events} imported events has one."),
            ),
            ProblemKind::TemplateMissingColumns { columns } => (
                format!("Il manque au tableau les colonnes du modèle\u{a0}: {columns}."),
                format!("The sheet lacks these columns of the template: {columns}."),
            ),
            ProblemKind::TemplateRowType { value } => (
                format!("Type de ligne inconnu «\u{202f}{value}\u{202f}»\u{202f}; la ligne est ignorée."),
                format!("Unknown row type \"{value}\"; the row is ignored."),
            ),
            ProblemKind::TemplateBadCell { value, expected } => {
                let (fr_expected, en_expected) = match expected {
                    CellExpect::Filled => ("cette cellule est obligatoire".to_string(), "this cell is required".to_string()),
                    CellExpect::Number => ("un nombre est attendu".to_string(), "a number is expected".to_string()),
                    CellExpect::WholeNumber => ("un nombre entier est attendu".to_string(), "a whole number is expected".to_string()),
                    CellExpect::YesNo => ("«\u{202f}true\u{202f}» ou «\u{202f}false\u{202f}» (oui ou non) est attendu".to_string(), "\"true\" or \"false\" (yes or no) is expected".to_string()),
                    CellExpect::OneOf(codes) => (format!("une de ces valeurs est attendue\u{a0}: {}", codes.join(", ")), format!("one of these values is expected: {}", codes.join(", "))),
                };
                (
                    format!("La cellule «\u{202f}{value}\u{202f}» ne convient pas\u{a0}: {fr_expected}. La ligne est ignorée."),
                    format!("The cell \"{value}\" does not fit: {en_expected}. The row is ignored."),
                )
            }
            ProblemKind::TemplateSourceWithoutParent => (
                "Cette source ne nomme ni chiffre («\u{202f}figure\u{202f}») ni événement («\u{202f}event\u{202f}»)\u{202f}; elle est ignorée.".to_string(),
                "This source names neither a figure (\"figure\") nor an event (\"event\"); it is ignored.".to_string(),
            ),
        };
        Text { fr, en }
    }

    /// What to do about it: a concrete next step, shown under the message
    /// and printed by `cargo xtask validate`.
    pub fn hint(&self) -> Text {
        let (fr, en) = match &self.kind {
            ProblemKind::Syntax { .. } => (
                "Une virgule en trop avant } ou ], ou un guillemet non fermé, est la cause la plus fréquente\u{202f}; un éditeur qui connaît le schéma JSON la souligne.",
                "A trailing comma before } or ], or an unclosed quote, is the usual cause; an editor that knows the JSON Schema underlines it.",
            ),
            ProblemKind::Shape { .. } => (
                "Ouvrez le fichier dans un éditeur relié au schéma («\u{202f}$schema\u{202f}»)\u{a0}: il indique les champs attendus et leur type.",
                "Open the file in an editor that follows its \"$schema\": it shows the expected fields and their types.",
            ),
            ProblemKind::DuplicateId { .. } => (
                "Ajoutez un suffixe, par exemple «\u{202f}-2\u{202f}», et mettez à jour les renvois à cet identifiant.",
                "Add a suffix such as \"-2\" and update the references to this id.",
            ),
            ProblemKind::UnknownReference { .. } => (
                "Les identifiants sont sensibles à la casse et aux tirets\u{202f}; copiez-le depuis la liste correspondante en haut du fichier.",
                "Ids are case- and dash-sensitive; copy it from the matching list at the top of the file.",
            ),
            ProblemKind::BadDateFormat { .. } => (
                "Exemples\u{a0}: «\u{202f}2025\u{202f}», «\u{202f}2025-07\u{202f}», «\u{202f}2025-07-09\u{202f}» (mois et jour sur deux chiffres) ; avant l’an 0, un tiret et l’année astronomique : « -0043-03-15 » pour le 15 mars 44 av. J.-C., « -13800000000 » pour il y a 13,8 milliards d’années.",
                "Examples: \"2025\", \"2025-07\", \"2025-07-09\" (two-digit month and day); before year 0, a hyphen and the astronomical year: \"-0043-03-15\" for 15 March 44 BC, \"-13800000000\" for 13.8 billion years ago.",
            ),
            ProblemKind::ImpossibleDate { .. } => (
                "Vérifiez le jour et le mois\u{202f}; si seul le mois est sûr, écrivez «\u{202f}AAAA-MM\u{202f}».",
                "Check the day and month; if only the month is known, write \"YYYY-MM\".",
            ),
            ProblemKind::DerivedDateMismatch { .. } => (
                "Corrigez la date, ou le nombre de jours ou de mois dans «\u{202f}derived\u{202f}».",
                "Fix the date, or the number of days or months in \"derived\".",
            ),
            ProblemKind::EmptyDerivation => (
                "Exemple\u{a0}: \"derived\": {\"from\": \"id-de-l-evenement\", \"days\": 60}.",
                "Example: \"derived\": {\"from\": \"event-id\", \"days\": 60}.",
            ),
            ProblemKind::DerivedDateTooPrecise { .. } => (
                "Écrivez la date au mois («\u{202f}AAAA-MM\u{202f}»), ou, si une source publique nommée donne le nombre de jours, comptez en «\u{202f}days\u{202f}» et citez-la.",
                "Write the date to the month (\"YYYY-MM\"), or, if a named public source gives the number of days, count in \"days\" and cite it.",
            ),
            ProblemKind::ReportedDateNotPublished { .. } => (
                "Si l’article n’est pas daté, écrivez \"date_kind\": \"undated_source\"\u{202f}; sinon, donnez au document sa date de publication («\u{202f}published\u{202f}») ou corrigez la date.",
                "If the article is undated, write \"date_kind\": \"undated_source\"; otherwise give the document its publication date (\"published\") or fix the date.",
            ),
            ProblemKind::ApproximateWithoutQualifier => (
                "Remplacez \"approximate\": true par \"qualifier\": \"up_to\", \"at_least\", \"about\" ou \"less_than\", selon les mots de la source.",
                "Replace \"approximate\": true with \"qualifier\": \"up_to\", \"at_least\", \"about\" or \"less_than\", as the source words it.",
            ),
            ProblemKind::FrenchSpacing { .. } => (
                "Remplacez l’espace marquée ␣ par une espace fine insécable (U+202F, ou insécable U+00A0), ou ajoutez-la où est ‸\u{a0}: «\u{202f}Stargate\u{a0}: les annonces\u{202f}». Les citations («\u{202f}quote\u{202f}»), verbatim, ne sont pas concernées.",
                "Replace the space marked ␣ with a narrow no-break space (U+202F, or a no-break space U+00A0), or add one where ‸ is: “Stargate\u{a0}: les annonces”. Quotes (\"quote\"), verbatim, are left alone.",
            ),
            ProblemKind::OverlapsItself => (
                "Donnez dans «\u{202f}overlaps\u{202f}» l’identifiant de l’autre chiffre, ou retirez le champ.",
                "Give the other figure's id in \"overlaps\", or remove the field.",
            ),
            ProblemKind::EmptyText { .. } => (
                "Chaque texte a une version «\u{202f}fr\u{202f}» et une version «\u{202f}en\u{202f}».",
                "Every text has an \"fr\" and an \"en\" version.",
            ),
            ProblemKind::EmptyId => (
                "Utilisez des minuscules et des tirets, par exemple «\u{202f}stargate-annonce\u{202f}».",
                "Use lower case and dashes, e.g. \"stargate-announced\".",
            ),
            ProblemKind::NegativeAmount { .. } | ProblemKind::NotFinite => (
                "Écrivez le montant en chiffres, sans guillemets\u{a0}: 500000000000 pour 500 milliards.",
                "Write the amount as digits without quotes: 500000000000 for 500 billion.",
            ),
            ProblemKind::PeriodNotPositive => (
                "Exemple\u{a0}: \"period\": {\"years\": 4}.",
                "Example: \"period\": {\"years\": 4}.",
            ),
            ProblemKind::NoSource | ProblemKind::QuoteMissing | ProblemKind::SourceIncomplete => (
                "Exemple\u{a0}: {\"seed\": \"003_….txt\", \"quote\": \"la phrase exacte\"} ou {\"url\": \"https://…\", \"publisher\": \"…\"}.",
                "Example: {\"seed\": \"003_….txt\", \"quote\": \"the exact sentence\"} or {\"url\": \"https://…\", \"publisher\": \"…\"}.",
            ),
            ProblemKind::QuoteTooLong { .. } => (
                "Gardez la phrase qui porte le fait\u{202f}; coupez le reste.",
                "Keep the sentence that carries the fact; cut the rest.",
            ),
            ProblemKind::BadUrl { .. } => (
                "Copiez l’adresse depuis la barre d’adresse du navigateur.",
                "Copy the address from the browser’s address bar.",
            ),
            ProblemKind::NoEvents => (
                "Corrigez les erreurs ci-dessus\u{a0}: chaque événement valide s’affichera.",
                "Fix the errors above: every valid event will show.",
            ),
            ProblemKind::EmptyFile => (
                "Enregistrez de nouveau le fichier depuis votre éditeur ou votre tableur.",
                "Save the file again from your editor or spreadsheet.",
            ),
            ProblemKind::NotUtf8 { .. } => (
                "Dans le tableur ou l’éditeur, choisissez «\u{202f}Enregistrer sous\u{202f}» avec l’encodage UTF-8.",
                "In the spreadsheet or editor, use \"Save as\" with the UTF-8 encoding.",
            ),
            ProblemKind::UnknownFormat => (
                "Exportez la feuille Google du modèle TimelineJS en CSV (Fichier › Télécharger › CSV), ou partez de www/data/ai-race-2025.json.",
                "Export the TimelineJS template sheet as CSV (File › Download › CSV), or start from www/data/ai-race-2025.json.",
            ),
            ProblemKind::FileTooLarge { .. } => (
                "Découpez la chronologie en plusieurs fichiers.",
                "Split the timeline into several files.",
            ),
            ProblemKind::TooManyEvents { .. } => (
                "Découpez la chronologie en plusieurs fichiers, par période ou par thème.",
                "Split the timeline into several files, by period or by theme.",
            ),
            ProblemKind::DataPathRefused { .. } => (
                "Placez le fichier à côté de la page et écrivez par exemple\u{202f}?data=data/ma-chronologie.json.",
                "Put the file beside the page and write e.g. ?data=data/my-timeline.json.",
            ),
            ProblemKind::FetchFailed { failure, .. } => match failure {
                FetchFailure::Network => (
                    "Vérifiez la connexion, puis rechargez la page.",
                    "Check the connection, then reload the page.",
                ),
                FetchFailure::CutOff => (
                    "Rechargez la page\u{202f}; si cela se répète, le serveur envoie peut-être le fichier trop lentement.",
                    "Reload the page; if it happens again, the server may be sending the file too slowly.",
                ),
                FetchFailure::NotFound | FetchFailure::Status(_) => (
                    "Vérifiez l’orthographe du chemin et que le fichier est bien publié avec la page.",
                    "Check the path’s spelling and that the file is published with the page.",
                ),
                FetchFailure::OtherSite => (
                    "Publiez le fichier sur le même site que la page, à une adresse sans redirection.",
                    "Publish the file on the same site as the page, at an address with no redirection.",
                ),
                FetchFailure::NotData { .. } => (
                    "Donnez le chemin d’un fichier .json ou .csv, pas celui d’une page.",
                    "Give the path of a .json or .csv file, not of a page.",
                ),
                FetchFailure::Unreadable => (
                    "Choisissez le fichier de nouveau, depuis un dossier de l’ordinateur.",
                    "Pick the file again, from a folder of the computer.",
                ),
            },
            ProblemKind::NotMapped { .. } => (
                "Rien à faire si ce détail peut manquer\u{202f}; sinon, reportez-le dans le texte de l’événement.",
                "Nothing to do if this detail can go; otherwise move it into the event’s text.",
            ),
            ProblemKind::EndBeforeStart { .. } => (
                "Inversez les deux dates, ou supprimez la date de fin.",
                "Swap the two dates, or remove the end date.",
            ),
            ProblemKind::YearOutOfRange { .. } => (
                "Vérifiez le nombre de chiffres de l’année (13,8 milliards d’années s’écrivent -13800000000).",
                "Check the number of digits of the year (13.8 billion years ago is -13800000000).",
            ),
            ProblemKind::BcYearNumbering { .. } => (
                "Si une date voulait dire « 300 av. J.-C. », écrivez -299 dans le fichier converti (ou -0299 dans notre format) ; au-delà de quelques siècles, l’écart d’un an ne se voit pas.",
                "If a date meant \"300 BC\", write -299 in the converted file (-0299 in our format); beyond a few centuries the one-year difference does not show.",
            ),
            ProblemKind::BadDatePart { .. } | ProblemKind::MissingStartDate => (
                "Dans le modèle TimelineJS, les colonnes Year, Month et Day ne contiennent que des nombres (Year est obligatoire).",
                "In the TimelineJS template, the Year, Month and Day columns hold numbers only (Year is required).",
            ),
            ProblemKind::CsvMissingColumns { .. } => (
                "La première ligne doit reprendre les en-têtes du modèle\u{a0}: Year,Month,Day,Time,End Year,…,Headline,Text,…",
                "The first row must hold the template’s headers: Year,Month,Day,Time,End Year,…,Headline,Text,…",
            ),
            ProblemKind::CsvUnclosedQuote => (
                "Cherchez une cellule qui contient un guillemet \" isolé\u{202f}; doublez-le (\"\").",
                "Look for a cell holding a lone \" and double it (\"\").",
            ),
            ProblemKind::TextCopiedToBothLanguages => (
                "Traduisez les textes «\u{202f}en\u{202f}» (ou «\u{202f}fr\u{202f}») dans le fichier converti par cargo xtask import.",
                "Translate the \"en\" (or \"fr\") texts in the file written by cargo xtask import.",
            ),
            ProblemKind::ImportHasNoSources { .. } => (
                "Ajoutez à chaque événement une source («\u{202f}sources\u{202f}») dans le fichier converti, puis lancez cargo xtask validate.",
                "Add a source (\"sources\") to each event in the converted file, then run cargo xtask validate.",
            ),
            ProblemKind::TemplateMissingColumns { .. } => (
                "Partez du modèle (www/data/template.csv)\u{a0}: sa première ligne nomme les colonnes, «\u{202f}type\u{202f}» en premier.",
                "Start from the template (www/data/template.csv): its first row names the columns, \"type\" first.",
            ),
            ProblemKind::TemplateRowType { .. } => (
                "La colonne «\u{202f}type\u{202f}» dit ce qu’est la ligne\u{a0}: dataset, story, step, document, track, initiative, actor, event, figure ou source.",
                "The \"type\" column says what the row is: dataset, story, step, document, track, initiative, actor, event, figure or source.",
            ),
            ProblemKind::TemplateBadCell { .. } => (
                "Comparez la cellule à la ligne d’exemple du modèle (www/data/template.csv) et à docs/UPDATING.md.",
                "Compare the cell with the template’s example row (www/data/template.csv) and with docs/UPDATING.md.",
            ),
            ProblemKind::TemplateSourceWithoutParent => (
                "Écrivez dans la colonne «\u{202f}event\u{202f}» l’identifiant de l’événement qu’elle source (ou dans «\u{202f}figure\u{202f}» celui du chiffre).",
                "Write in the \"event\" column the id of the event it sources (or in \"figure\" the id of the figure).",
            ),
        };
        Text {
            fr: fr.to_string(),
            en: en.to_string(),
        }
    }

    /// `path line:column`, the way the validator and the panel print the place.
    pub fn place(&self) -> String {
        let path = if self.path.is_empty() {
            "$"
        } else {
            self.path.as_str()
        };
        match (self.line, self.column) {
            (Some(line), Some(column)) => format!("{path} {line}:{column}"),
            _ => path.to_string(),
        }
    }
}

/// More problems than this are counted, not listed, on the page
/// (`cargo xtask validate` prints them all).
pub const MAX_LISTED: usize = 200;

/// A whole number with its thousands set apart by `separator` (the
/// limits a message names: `data` has no access to `i18n`'s formatter).
fn group_thousands(n: usize, separator: char) -> String {
    let digits = n.to_string();
    let mut grouped = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(separator);
        }
        grouped.push(digit);
    }
    grouped
}

/// Of `n_problems`, how many the page lists and how many it only counts
/// ("… +N").
pub fn listed_and_counted(n_problems: usize) -> (usize, usize) {
    let listed = n_problems.min(MAX_LISTED);
    (listed, n_problems - listed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_lists_the_first_problems_and_counts_the_rest() {
        assert_eq!(listed_and_counted(0), (0, 0));
        assert_eq!(listed_and_counted(3), (3, 0));
        assert_eq!(listed_and_counted(MAX_LISTED), (MAX_LISTED, 0));
        assert_eq!(listed_and_counted(MAX_LISTED + 1), (MAX_LISTED, 1));
        assert_eq!(listed_and_counted(100_000), (200, 99_800));
    }
}
