/**
 * Ranks event-log activities by how well their names match a step's name and description, so the
 * "Evidence from data" picker can suggest `appointment.booked` for a step called "Book appointment".
 * Pure and deterministic: token overlap (with a light stemmer and typo tolerance) plus a normalised
 * edit distance over the whole name.
 */

const STOPWORDS = new Set([
  'a',
  'an',
  'and',
  'at',
  'by',
  'for',
  'from',
  'in',
  'of',
  'on',
  'or',
  'the',
  'to',
  'with',
]);

/** Levenshtein distance (two-row dynamic programme). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost));
    }
    prev = row;
  }
  return prev[b.length]!;
}

/** 1 for equal strings, 0 for nothing in common: 1 − distance ÷ longer length. */
export function editSimilarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - editDistance(a, b) / longer;
}

/** Strips common English inflections so "booked", "booking" and "books" meet "book". */
function stem(word: string): string {
  for (const suffix of ['ing', 'ed', 'es', 's']) {
    if (word.length - suffix.length >= 3 && word.endsWith(suffix)) {
      const base = word.slice(0, -suffix.length);
      // "scheduled" → "schedul" → keep the e-less form comparable with "schedule" → "schedul".
      return base;
    }
  }
  return word.endsWith('e') && word.length > 3 ? word.slice(0, -1) : word;
}

/** Lower-case word stems of a name: splits on punctuation, dots, underscores and camelCase. */
export function tokens(text: string): string[] {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t !== '' && !STOPWORDS.has(t))
    .map(stem);
}

/** How alike two stems are: equal 1, one a prefix of the other (≥ 4 letters) 0.85, else typo-tolerant. */
function tokenSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (Math.min(a.length, b.length) >= 4 && (a.startsWith(b) || b.startsWith(a))) return 0.85;
  const s = editSimilarity(a, b);
  return s >= 0.75 ? s : 0;
}

/** Soft Dice overlap of two token lists: each token's best match on the other side, averaged. */
function overlap(q: readonly string[], c: readonly string[]): number {
  if (q.length === 0 || c.length === 0) return 0;
  const best = (t: string, side: readonly string[]) => Math.max(...side.map((s) => tokenSimilarity(t, s)));
  let sum = 0;
  for (const t of q) sum += best(t, c);
  for (const t of c) sum += best(t, q);
  return sum / (q.length + c.length);
}

/**
 * How well an activity name matches a step, 0..1: 0.8 × token overlap + 0.2 × edit similarity of the
 * sorted stems, against the step name; the description counts at 0.6 of its own match.
 */
export function matchScore(step: { name: string; description?: string }, activity: string): number {
  const a = tokens(activity);
  const byText = (text: string) => {
    const q = tokens(text);
    if (q.length === 0 || a.length === 0) return 0;
    const whole = editSimilarity([...q].sort().join(' '), [...a].sort().join(' '));
    return 0.8 * overlap(q, a) + 0.2 * whole;
  };
  const name = byText(step.name);
  const description = step.description ? 0.6 * byText(step.description) : 0;
  return Math.round(Math.max(name, description) * 1000) / 1000;
}

/** Activities worth suggesting for a step, best first (ties: more cases first, then by name). */
export function suggestActivities<T extends { name: string; cases?: number | null }>(
  step: { name: string; description?: string },
  activities: readonly T[],
  options: { min?: number; limit?: number } = {},
): { activity: T; score: number }[] {
  const min = options.min ?? 0.4;
  return activities
    .map((activity) => ({ activity, score: matchScore(step, activity.name) }))
    .filter((s) => s.score >= min)
    .sort(
      (x, y) =>
        y.score - x.score ||
        (y.activity.cases ?? 0) - (x.activity.cases ?? 0) ||
        x.activity.name.localeCompare(y.activity.name),
    )
    .slice(0, options.limit ?? 5);
}
