import type { LaneKind } from './journey';

/**
 * The blueprint lanes a new journey starts with, top to bottom (a blank journey and every template):
 * they can be renamed, hidden or removed later.
 */
export const STANDARD_LANES: readonly { kind: Exclude<LaneKind, 'text'>; name: string }[] = [
  { kind: 'touchpoints', name: 'Touchpoints' },
  { kind: 'actions', name: 'Patient actions' },
  { kind: 'thoughts', name: 'Thoughts and questions' },
  { kind: 'emotions', name: 'Emotions' },
  { kind: 'pain-points', name: 'Pain points' },
  { kind: 'opportunities', name: 'Opportunities' },
  { kind: 'frontstage', name: 'Frontstage staff' },
  { kind: 'backstage', name: 'Backstage processes' },
  { kind: 'systems', name: 'Systems' },
  { kind: 'data', name: 'Data and KPIs' },
];
