import { TIMELINE_FILTER_LABELS, TIMELINE_FILTERS, type TimelineFilter } from './timeline-filters.js';

export interface TimelineKindFilterProps {
  current: TimelineFilter;
  /** The link for a choice: plain GET links, so the filter works without JavaScript. */
  hrefFor: (filter: TimelineFilter) => string;
  labels?: Partial<Record<TimelineFilter, string>>;
}

/** All / Messages / Notes / Events, above the timeline. */
export function TimelineKindFilter({ current, hrefFor, labels }: TimelineKindFilterProps) {
  return (
    <nav className="sb-timeline-filter" aria-label="Show in timeline" data-testid="timeline-filter">
      {(Object.keys(TIMELINE_FILTERS) as TimelineFilter[]).map((filter) => (
        <a
          key={filter}
          href={hrefFor(filter)}
          className={`sb-timeline-filter__option${filter === current ? ' sb-timeline-filter__option--current' : ''}`}
          aria-current={filter === current ? 'true' : undefined}
          data-filter={filter}
        >
          {labels?.[filter] ?? TIMELINE_FILTER_LABELS[filter]}
        </a>
      ))}
    </nav>
  );
}
