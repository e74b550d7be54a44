// Our dataset format to the peers' (French headline and text, one TimelineJS group or one
// vis-timeline group per track): used by bench.mjs for the synthetic datasets and by
// lighthouse.mjs for the published story.

const parts = (iso) => iso.split("-").map(Number);

/** A TimelineJS 3 timeline of the dataset's events. */
export function toTimelineJs(dataset) {
  const trackLabel = new Map(dataset.tracks.map((t) => [t.id, t.label.fr]));
  return {
    title: { text: { headline: dataset.title.fr, text: `<p>${dataset.description.fr}</p>` } },
    events: dataset.events.map((event) => {
      const [year, month, day] = parts(event.date);
      const start_date = { year };
      if (month) start_date.month = month;
      if (day) start_date.day = day;
      return {
        unique_id: event.id,
        start_date,
        text: { headline: event.title.fr, text: `<p>${event.summary.fr}</p>` },
        group: trackLabel.get(event.track),
      };
    }),
  };
}

/** vis-timeline's items and groups for the dataset's events. */
export function toVis(dataset) {
  return {
    groups: dataset.tracks.map((t) => ({ id: t.id, content: t.label.fr })),
    items: dataset.events.map((event) => {
      const [year, month, day] = parts(event.date);
      const start = `${String(year).padStart(4, "0")}-${String(month || 1).padStart(2, "0")}-${String(day || 1).padStart(2, "0")}`;
      return { id: event.id, content: event.title.fr, title: event.summary.fr, start, group: event.track };
    }),
  };
}
