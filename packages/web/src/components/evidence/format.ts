/** Number and time formatting for evidence screens (counts, shares, waits, periods), in British English. */

const counts = new Intl.NumberFormat('en-GB');

/** "1,408"; an em dash for a missing value. */
export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : counts.format(Math.round(n));
}

/** "12.3%" for a 0–1 share (one decimal, none when it is .0). */
export function formatShare(share: number): string {
  return `${(share * 100).toFixed(1).replace(/\.0$/, '')}%`;
}

/** A duration for people: "45 s", "12 min", "3.5 h", "4.2 days". */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  const s = Math.abs(seconds);
  const one = (v: number) => (v >= 10 ? Math.round(v).toString() : v.toFixed(1).replace(/\.0$/, ''));
  if (s < 60) return `${Math.round(s)} s`;
  if (s < 3600) return `${Math.round(s / 60)} min`;
  if (s < 86_400 * 2) return `${one(s / 3600)} h`;
  return `${one(s / 86_400)} days`;
}

/** A byte count: "820 KB", "14.2 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB'];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v >= 100 ? Math.round(v) : v.toFixed(1).replace(/\.0$/, '')} ${units[i]}`;
}

const day = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "3 Mar 2026" for an ISO instant or date (read in UTC). */
export function formatDay(iso: string): string {
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(d.getTime()) ? iso : day.format(d);
}

/** "3 Mar 2026 – 30 Apr 2026"; a period's `to` is exclusive, so the day before it is shown. */
export function formatPeriod(from: string, to: string, { exclusiveEnd = true } = {}): string {
  const end = exclusiveEnd ? new Date(Date.parse(to) - 1).toISOString() : to;
  return `${formatDay(from)} – ${formatDay(end)}`;
}
