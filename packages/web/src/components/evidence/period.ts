/** A period choice on evidence screens: the last N weeks of the data, all of it, or custom dates. */
export type PeriodChoice =
  | { kind: 'all' }
  | { kind: 'weeks'; weeks: 4 | 8 | 12 }
  | { kind: 'custom'; from: string; to: string };

/** The API filter for a choice: `from` inclusive, `to` exclusive (ISO dates); `{}` for all data. */
export function periodFilter(choice: PeriodChoice, lastEvent: string | null): { from?: string; to?: string } {
  if (choice.kind === 'all') return {};
  if (choice.kind === 'custom') {
    // a date-only `to` includes that day on the server
    return { ...(choice.from ? { from: choice.from } : {}), ...(choice.to ? { to: choice.to } : {}) };
  }
  if (!lastEvent) return {};
  const end = new Date(`${lastEvent.slice(0, 10)}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  const start = new Date(end);
  start.setUTCDate(start.getUTCDate() - choice.weeks * 7);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return { from: day(start), to: `${day(end)}T00:00:00Z` };
}

/** Serialises a choice for the URL (`4w`, `all`, `2026-03-01..2026-03-31`). */
export function periodToParam(choice: PeriodChoice): string {
  if (choice.kind === 'all') return 'all';
  if (choice.kind === 'weeks') return `${choice.weeks}w`;
  return `${choice.from}..${choice.to}`;
}

/** Reads a choice from the URL, falling back to `fallback` for anything unreadable. */
export function periodFromParam(param: string | null, fallback: PeriodChoice): PeriodChoice {
  if (param === 'all') return { kind: 'all' };
  const weeks = /^(4|8|12)w$/.exec(param ?? '');
  if (weeks) return { kind: 'weeks', weeks: Number(weeks[1]) as 4 | 8 | 12 };
  const custom = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(param ?? '');
  if (custom) return { kind: 'custom', from: custom[1] as string, to: custom[2] as string };
  return fallback;
}

/**
 * Whether a data source is ready with events. A viewer's count of 1–10 events comes back hidden
 * (null): the source still has data.
 */
export function hasEvents(s: { status: string; eventCount: number | null }): boolean {
  return s.status === 'ready' && (s.eventCount === null || s.eventCount > 0);
}

/** The latest `lastEvent` over the ready sources, or null with no data. */
export function latestEvent(sources: readonly { status: string; lastEvent: string | null }[]): string | null {
  let latest: string | null = null;
  for (const s of sources) {
    if (s.status === 'ready' && s.lastEvent && (latest === null || s.lastEvent > latest))
      latest = s.lastEvent;
  }
  return latest;
}
