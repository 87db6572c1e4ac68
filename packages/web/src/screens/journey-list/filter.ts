import type { JourneyStatus } from '@pathlight/core';
import type { JourneySummary } from '../../api';

/** `active` means every status except archived (the default view). */
export type StatusFilter = 'active' | 'all' | JourneyStatus;

export interface JourneyFilter {
  status: StatusFilter;
  /** A persona id, or '' for any persona. */
  personaId: string;
  /** Free text matched against the name and the tags, case-insensitive, every word must match. */
  query: string;
}

export const emptyFilter: JourneyFilter = { status: 'active', personaId: '', query: '' };

/** Whether the filter narrows anything beyond the default view. */
export function isFiltered(f: JourneyFilter): boolean {
  return f.status !== 'active' || f.personaId !== '' || f.query.trim() !== '';
}

/** The journeys that pass the filter, in their original order. */
export function filterJourneys(journeys: readonly JourneySummary[], f: JourneyFilter): JourneySummary[] {
  const words = f.query.toLowerCase().split(/\s+/).filter(Boolean);
  return journeys.filter((j) => {
    if (f.status === 'active' ? j.status === 'archived' : f.status !== 'all' && j.status !== f.status)
      return false;
    if (f.personaId && !j.personaIds.includes(f.personaId)) return false;
    if (words.length === 0) return true;
    const haystack = [j.name, ...j.tags].join(' ').toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}
