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

const storageKey = (workspaceId: string) => `pathlight.journeyFilter.${workspaceId}`;

/** The filter last used in this workspace during this browser session (so "back to the list" keeps it). */
export function loadFilter(
  workspaceId: string,
  storage: Pick<Storage, 'getItem'> = sessionStorage,
): JourneyFilter {
  try {
    const raw = JSON.parse(
      storage.getItem(storageKey(workspaceId)) ?? 'null',
    ) as Partial<JourneyFilter> | null;
    if (!raw) return emptyFilter;
    return {
      status: typeof raw.status === 'string' ? (raw.status as JourneyFilter['status']) : emptyFilter.status,
      personaId: typeof raw.personaId === 'string' ? raw.personaId : '',
      query: typeof raw.query === 'string' ? raw.query : '',
    };
  } catch {
    return emptyFilter;
  }
}

/** Remembers the filter for this workspace for the rest of the browser session. */
export function saveFilter(
  workspaceId: string,
  f: JourneyFilter,
  storage: Pick<Storage, 'setItem'> = sessionStorage,
) {
  storage.setItem(storageKey(workspaceId), JSON.stringify(f));
}
