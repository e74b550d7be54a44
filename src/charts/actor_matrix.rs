//! Who is in what: actors (companies, agencies, people...) by initiative.
//! An actor is in an initiative when it takes part in one of the
//! initiative's events or commits or states one of its figures.

use crate::data::{ActorKind, Dataset};
use crate::i18n::{fill, Formatter, Strings};
use crate::present;

use super::{fill_named, order};

/// The rows (actors), columns (initiatives) and, in each cell, the events
/// that link them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ActorMatrix {
    /// Indices into `Dataset::actors`, grouped by kind (companies first),
    /// then most initiatives first, then by name.
    pub actor_idxs: Vec<usize>,
    /// Indices into `Dataset::initiatives` that have at least one actor,
    /// most actors first.
    pub initiative_idxs: Vec<usize>,
    /// `cells[row][column]`: indices into `Dataset::events`, in date order.
    pub cells: Vec<Vec<Vec<usize>>>,
}

/// The order actor kinds are listed in.
pub const KIND_ORDER: [ActorKind; 6] = [
    ActorKind::Company,
    ActorKind::Person,
    ActorKind::Government,
    ActorKind::Agency,
    ActorKind::Laboratory,
    ActorKind::Other,
];

pub fn kind_heading(kind: ActorKind, strings: &Strings) -> &'static str {
    match kind {
        ActorKind::Company => strings.chart_actor_kind_company,
        ActorKind::Person => strings.chart_actor_kind_person,
        ActorKind::Government => strings.chart_actor_kind_government,
        ActorKind::Agency => strings.chart_actor_kind_agency,
        ActorKind::Laboratory => strings.chart_actor_kind_laboratory,
        ActorKind::Other => strings.chart_actor_kind_other,
    }
}

impl ActorMatrix {
    pub fn new(dataset: &Dataset) -> ActorMatrix {
        let n_actors = dataset.actors.len();
        let n_initiatives = dataset.initiatives.len();
        let mut links = vec![vec![Vec::<usize>::new(); n_initiatives]; n_actors];
        let initiative_of = |id: &Option<String>| {
            id.as_deref()
                .and_then(|id| dataset.initiatives.iter().position(|i| i.id == id))
        };
        let actor_of = |id: &str| dataset.actors.iter().position(|a| a.id == id);
        for (event_idx, event) in dataset.events.iter().enumerate() {
            let Some(initiative) = initiative_of(&event.initiative) else {
                continue;
            };
            for actor in event.actors.iter().filter_map(|id| actor_of(id)) {
                add_sorted(&mut links[actor][initiative], event_idx);
            }
        }
        for figure in &dataset.figures {
            let Some(initiative) = initiative_of(&figure.initiative) else {
                continue;
            };
            for actor in figure.committed_by.iter().filter_map(|id| actor_of(id)) {
                add_sorted(&mut links[actor][initiative], figure.event_idx);
            }
        }
        let n_in = |actor: usize| links[actor].iter().filter(|c| !c.is_empty()).count();
        let kind_rank = |actor: usize| {
            KIND_ORDER
                .iter()
                .position(|k| *k == dataset.actors[actor].kind)
                .unwrap_or(KIND_ORDER.len())
        };
        // Kind, then most initiatives first, then name.
        let name_rank = |actor: usize| {
            // The French name: the story's reference language.
            let name = &dataset.actors[actor].name.fr;
            dataset
                .actors
                .iter()
                .filter(|other| other.name.fr < *name)
                .count() as i64
        };
        let keys = (0..n_actors)
            .filter(|&a| n_in(a) > 0)
            .map(|a| (kind_rank(a) as i64, -(n_in(a) as i64), name_rank(a), a))
            .collect();
        let actor_idxs = order(keys);
        let n_members = |initiative: usize| {
            links
                .iter()
                .filter(|row| !row[initiative].is_empty())
                .count()
        };
        let keys = (0..n_initiatives)
            .filter(|&i| n_members(i) > 0)
            .map(|i| (-(n_members(i) as i64), 0, 0, i))
            .collect();
        let initiative_idxs = order(keys);
        let cells = actor_idxs
            .iter()
            .map(|&actor| {
                initiative_idxs
                    .iter()
                    .map(|&initiative| links[actor][initiative].clone())
                    .collect()
            })
            .collect();
        ActorMatrix {
            actor_idxs,
            initiative_idxs,
            cells,
        }
    }

    /// The rows split by actor kind: (kind, row indices), in [`KIND_ORDER`].
    pub fn rows_by_kind(&self, dataset: &Dataset) -> Vec<(ActorKind, Vec<usize>)> {
        KIND_ORDER
            .iter()
            .map(|&kind| {
                let rows = (0..self.actor_idxs.len())
                    .filter(|&r| dataset.actors[self.actor_idxs[r]].kind == kind)
                    .collect();
                (kind, rows)
            })
            .filter(|(_, rows): &(ActorKind, Vec<usize>)| !rows.is_empty())
            .collect()
    }

    /// How many initiatives the actor of `row` is in.
    pub fn n_initiatives(&self, row: usize) -> usize {
        self.cells
            .get(row)
            .map(|cells| cells.iter().filter(|c| !c.is_empty()).count())
            .unwrap_or(0)
    }

    /// How many columns the table has: the actors' names, then one per
    /// initiative (what a row group's heading spans).
    pub fn n_table_columns(&self) -> usize {
        self.initiative_idxs.len() + 1
    }

    /// Whether the cell links its actor and initiative through `event_idx`.
    pub fn cell_has_event(&self, row: usize, column: usize, event_idx: usize) -> bool {
        self.cells
            .get(row)
            .and_then(|r| r.get(column))
            .is_some_and(|c| c.contains(&event_idx))
    }
}

/// Adds `event_idx` to a cell kept sorted and without repeats.
fn add_sorted(cell: &mut Vec<usize>, event_idx: usize) {
    if let Err(at) = cell.binary_search(&event_idx) {
        cell.insert(at, event_idx);
    }
}

/// The matrix in words: how many actors and initiatives, and who is in
/// the most initiatives.
pub fn summary(dataset: &Dataset, matrix: &ActorMatrix, fmt: &dyn Formatter) -> String {
    let strings = fmt.lang().strings();
    if matrix.actor_idxs.is_empty() {
        return strings.chart_empty.to_string();
    }
    let top = (0..matrix.actor_idxs.len())
        .max_by_key(|&r| (matrix.n_initiatives(r), std::cmp::Reverse(r)))
        .unwrap_or(0);
    let top_name = fmt
        .lang()
        .pick(&dataset.actors[matrix.actor_idxs[top]].name)
        .to_string();
    let actors = present::count(matrix.actor_idxs.len(), fmt);
    let initiatives = present::count(matrix.initiative_idxs.len(), fmt);
    let top_count = fill(
        strings.chart_n_initiatives,
        present::count(matrix.n_initiatives(top), fmt),
    );
    fill_named(
        strings.chart_matrix_summary,
        &[
            ("actors", &actors),
            ("initiatives", &initiatives),
            ("top", &top_name),
            ("top_count", &top_count),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data;
    use crate::i18n::{Lang, PlainFormatter};

    #[test]
    fn actors_are_linked_through_events_and_figures() {
        let (dataset, _) = data::bundled();
        let matrix = ActorMatrix::new(&dataset);
        let row = |id: &str| {
            matrix
                .actor_idxs
                .iter()
                .position(|&a| dataset.actors[a].id == id)
                .unwrap()
        };
        let column = |id: &str| {
            matrix
                .initiative_idxs
                .iter()
                .position(|&i| dataset.initiatives[i].id == id)
                .unwrap()
        };
        let stargate = column("stargate");
        // A row group's heading spans the names and every initiative's cell.
        assert!(matrix
            .cells
            .iter()
            .all(|row| row.len() + 1 == matrix.n_table_columns()));
        assert!(!matrix.cells[row("softbank")][stargate].is_empty());
        assert!(
            !matrix.cells[row("elon-musk")][stargate].is_empty(),
            "via the Musk event"
        );
        assert!(!matrix.cells[row("openai")][column("genesis-mission")].is_empty());
        let aws_event = dataset.event_idx("aws-pledges-50bn").unwrap();
        assert!(matrix.cell_has_event(row("aws"), column("aws-government"), aws_event));
        assert!(matrix
            .cells
            .iter()
            .all(|r| r.len() == matrix.initiative_idxs.len()));
        assert!(matrix
            .actor_idxs
            .iter()
            .all(|&a| !dataset.actors[a].id.is_empty()));
    }

    #[test]
    fn rows_come_grouped_by_kind_companies_first() {
        let (dataset, _) = data::bundled();
        let matrix = ActorMatrix::new(&dataset);
        let groups = matrix.rows_by_kind(&dataset);
        assert_eq!(groups[0].0, ActorKind::Company);
        let flat: Vec<usize> = groups.iter().flat_map(|(_, rows)| rows.clone()).collect();
        assert_eq!(flat, (0..matrix.actor_idxs.len()).collect::<Vec<_>>());
        let text = summary(&dataset, &matrix, &PlainFormatter(Lang::En));
        assert!(
            text.contains(&matrix.actor_idxs.len().to_string()),
            "{text}"
        );
    }
}
