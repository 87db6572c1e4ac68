import { withEvents } from './basic';
import type { EventFilter } from './filters';
import type { SqlQuery } from './sql';

/**
 * The events a request's filters keep, with every column the analyses read from the events table, for
 * materialising them once (e.g. as a TEMP table named `events`): analyses run without filters on that
 * table give the same numbers as each analysis run with the filters.
 */
export function buildFilteredEvents(filters: readonly EventFilter[]): SqlQuery {
  return withEvents({ filters }, () => ({ select: 'SELECT * FROM fe' }));
}
