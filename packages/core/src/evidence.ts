import { z } from 'zod';
import { Confidence, EvidenceKind, IsoDate, Text } from './vocabulary';

/** One piece of evidence behind a card or persona: what kind, where from, when, how sure. */
export const Evidence = z.strictObject({
  kind: EvidenceKind,
  source: Text(500).default(''),
  date: IsoDate.nullable().default(null),
  confidence: Confidence,
});
export type Evidence = z.infer<typeof Evidence>;

const rank: Record<Confidence, number> = { observed: 2, reported: 1, assumed: 0 };

/** The strongest confidence among a list of evidence; nothing at all counts as assumed. */
export function strongestConfidence(evidence: readonly Evidence[]): Confidence {
  let best: Confidence = 'assumed';
  for (const e of evidence) if (rank[e.confidence] > rank[best]) best = e.confidence;
  return best;
}
