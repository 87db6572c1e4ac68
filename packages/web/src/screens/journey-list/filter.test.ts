import { describe, expect, it } from 'vitest';
import type { JourneySummary } from '../../api';
import { emptyFilter, filterJourneys, isFiltered, loadFilter, saveFilter } from './filter';

const row = (over: Partial<JourneySummary> & Pick<JourneySummary, 'id' | 'name'>): JourneySummary => ({
  workspaceId: 'ws',
  status: 'draft',
  ownerId: null,
  personaIds: [],
  tags: [],
  reviewCadenceDays: 90,
  lastReviewedAt: null,
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  updatedBy: null,
  ...over,
});

const journeys = [
  row({ id: 'a', name: 'Dental recall', status: 'live', personaIds: ['p1'], tags: ['recall', 'SMS'] }),
  row({ id: 'b', name: 'New patient booking', status: 'draft', personaIds: ['p1', 'p2'], tags: ['intake'] }),
  row({ id: 'c', name: 'Old referral map', status: 'archived', personaIds: ['p2'], tags: [] }),
  row({ id: 'd', name: 'Referral to first visit', status: 'researched', tags: ['specialty'] }),
];
const ids = (f: Partial<typeof emptyFilter>) =>
  filterJourneys(journeys, { ...emptyFilter, ...f }).map((j) => j.id);

describe('filterJourneys', () => {
  it('hides archived journeys by default and shows them on request', () => {
    expect(ids({})).toEqual(['a', 'b', 'd']);
    expect(ids({ status: 'archived' })).toEqual(['c']);
    expect(ids({ status: 'all' })).toEqual(['a', 'b', 'c', 'd']);
  });
  it('filters by one status', () => {
    expect(ids({ status: 'draft' })).toEqual(['b']);
  });
  it('filters by persona', () => {
    expect(ids({ personaId: 'p2' })).toEqual(['b']);
    expect(ids({ personaId: 'p2', status: 'all' })).toEqual(['b', 'c']);
  });
  it('searches names and tags, case-insensitively, all words', () => {
    expect(ids({ query: 'REFERRAL' })).toEqual(['d']);
    expect(ids({ query: 'sms' })).toEqual(['a']);
    expect(ids({ query: 'dental sms' })).toEqual(['a']);
    expect(ids({ query: 'dental intake' })).toEqual([]);
    expect(ids({ query: '  ' })).toEqual(['a', 'b', 'd']);
  });
  it('knows when a filter is active', () => {
    expect(isFiltered(emptyFilter)).toBe(false);
    expect(isFiltered({ ...emptyFilter, query: 'x' })).toBe(true);
    expect(isFiltered({ ...emptyFilter, status: 'all' })).toBe(true);
  });
});

describe('loadFilter / saveFilter', () => {
  it('remembers the filter per workspace and survives junk', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    saveFilter('ws-1', { status: 'live', personaId: 'p1', query: 'recall' }, storage);
    expect(loadFilter('ws-1', storage)).toEqual({ status: 'live', personaId: 'p1', query: 'recall' });
    expect(loadFilter('ws-2', storage)).toEqual(emptyFilter);
    store.set('pathlight.journeyFilter.ws-3', '{not json');
    expect(loadFilter('ws-3', storage)).toEqual(emptyFilter);
  });
});
