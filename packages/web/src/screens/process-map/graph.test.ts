import { describe, expect, it } from 'vitest';
import type { ProcessMapData } from '../../api';
import { row, suppression } from '../../test-utils/analysis';
import {
  buildGraph,
  classifyEdge,
  type DesignedStep,
  deviationCounts,
  END,
  edgeId,
  START,
  stepOfActivity,
  topActivities,
  topPaths,
  variantPath,
  variantShare,
} from './graph';

const e = (from: string, to: string, count: number | null, medianSeconds: number | null = 60) =>
  row(
    { from, to, count, meanSeconds: medianSeconds, medianSeconds, p90Seconds: medianSeconds },
    count === null ? { count: 'small' as const } : {},
  );
const a = (name: string, events: number | null, cases: number | null = events) =>
  row({ name, events, cases });

/** Referral → Booked → Attended, with a no-show loop, a skip and an activity on no step. */
const data: ProcessMapData = {
  activities: [
    a('Booked', 100),
    a('Referral', 90),
    a('Attended', 80),
    a('No-show', 30),
    a('Reminder SMS', 20),
    a('Portal login', null, null),
  ],
  edges: [
    e('Referral', 'Booked', 85),
    e('Booked', 'Attended', 70),
    e('Booked', 'No-show', 30),
    e('No-show', 'Booked', 25),
    e('Referral', 'Attended', 5),
    e('Booked', 'Reminder SMS', 20),
    e('Reminder SMS', 'Attended', 10),
    e('Attended', 'Attended', 3),
    e('Portal login', 'Booked', null),
  ],
  variants: [
    row({ activities: ['Referral', 'Booked', 'Attended'], cases: 60 }),
    row({ activities: ['Referral', 'Booked', 'No-show', 'Booked', 'Attended'], cases: 20 }),
  ],
  startActivities: [row({ name: 'Referral', cases: 90 }), row({ name: 'Booked', cases: 10 })],
  endActivities: [row({ name: 'Attended', cases: 80 }), row({ name: 'No-show', cases: 20 })],
  totalActivities: 6,
  totalEdges: 9,
  omitted: {},
  suppression: suppression.exact,
};

const designed: DesignedStep[] = [
  { id: 's1', name: 'Referred', activities: ['Referral'] },
  { id: 's2', name: 'Book', activities: ['Booked', 'Reminder SMS'] },
  { id: 's3', name: 'Visit', activities: ['Attended'] },
];

describe('top-N activities and paths', () => {
  it('keeps the most frequent activities, suppressed counts last', () => {
    expect(topActivities(data, 3)).toEqual(['Booked', 'Referral', 'Attended']);
    expect(topActivities(data, 10).at(-1)).toBe('Portal login');
    expect(topActivities(data, 0)).toEqual([]);
  });

  it('keeps the busiest paths among kept activities and one way in and out of each', () => {
    const kept = new Set(['Booked', 'Referral', 'Attended', 'No-show']);
    const two = topPaths(data.edges, kept, 2).map((x) => `${x.from}>${x.to}`);
    // 2 busiest, then No-show's busiest in (Booked>No-show 30) and out (No-show>Booked 25)
    expect(two).toEqual(['Referral>Booked', 'Booked>Attended', 'Booked>No-show', 'No-show>Booked']);
    expect(topPaths(data.edges, kept, 100)).toHaveLength(6);
  });
});

describe('buildGraph', () => {
  it('keeps hidden counts and their reasons on nodes and edges, and hides Start when rows were left out', () => {
    const g = buildGraph(
      { ...data, omitted: { startActivities: 3 } },
      { maxActivities: 10, maxPaths: 20, designed: null },
    );
    expect(g.nodes[0]).toMatchObject({
      id: START,
      cases: null,
      suppressed: ['events', 'cases'],
      suppressedReasons: { cases: 'derived' },
    });
    expect(g.nodes.at(-1)?.cases).toBe(100);
    expect(g.edges.find((e) => e.source === 'Portal login')).toMatchObject({
      count: null,
      suppressedReasons: { count: 'small' },
    });
  });

  it('adds Start and End, weights by frequency and drops paths to hidden activities', () => {
    const g = buildGraph(data, { maxActivities: 3, maxPaths: 10, designed: null });
    expect(g.nodes.map((n) => n.id)).toEqual([START, 'Booked', 'Referral', 'Attended', END]);
    expect(g.nodes[0]?.cases).toBe(100);
    expect(g.nodes.find((n) => n.id === 'Attended')?.weight).toBeCloseTo(0.8);
    expect(g.edges.map((x) => x.id)).toEqual([
      edgeId(START, 'Referral'),
      edgeId(START, 'Booked'),
      edgeId('Referral', 'Booked'),
      edgeId('Booked', 'Attended'),
      edgeId('Referral', 'Attended'),
      edgeId('Attended', 'Attended'),
      edgeId('Attended', END),
    ]);
    // busiest edge is Start→Referral (90)
    expect(g.edges.find((x) => x.id === edgeId('Booked', 'Attended'))?.weight).toBeCloseTo(70 / 90);
    expect(g.edges.every((x) => x.overlay === 'neutral')).toBe(true);
  });

  it('marks the designed path and every kind of deviation', () => {
    const g = buildGraph(data, { maxActivities: 6, maxPaths: 100, designed });
    const cls = Object.fromEntries(g.edges.map((x) => [x.id, x.overlay]));
    expect(cls[edgeId('Referral', 'Booked')]).toBe('designed');
    expect(cls[edgeId('Booked', 'Attended')]).toBe('designed');
    expect(cls[edgeId('Booked', 'Reminder SMS')]).toBe('within-step');
    expect(cls[edgeId('Referral', 'Attended')]).toBe('skip');
    expect(cls[edgeId('Attended', 'Attended')]).toBe('loop');
    expect(cls[edgeId('No-show', 'Booked')]).toBe('off-map');
    expect(cls[edgeId(START, 'Referral')]).toBe('neutral');
    expect(cls[edgeId('No-show', END)]).toBe('off-map');
    const nodes = Object.fromEntries(g.nodes.map((n) => [n.id, [n.overlay, n.stepIndex]]));
    expect(nodes).toMatchObject({
      Referral: ['on-map', 0],
      'Reminder SMS': ['on-map', 1],
      'No-show': ['off-map', null],
      [START]: ['terminal', null],
    });
    expect(deviationCounts(g)).toEqual({ skip: 1, backward: 0, loop: 1, offMap: 2 });
    // step order first (Referral, then Book's activities by frequency, then Visit), the rest after
    expect(g.nodes.map((n) => n.id)).toEqual([
      START,
      'Referral',
      'Booked',
      'Reminder SMS',
      'Attended',
      'No-show',
      'Portal login',
      END,
    ]);
  });

  it('calls a move to an earlier step backward', () => {
    const steps = stepOfActivity(designed);
    expect(classifyEdge('Attended', 'Booked', steps)).toBe('backward');
    expect(classifyEdge('Attended', 'Referral', steps)).toBe('backward');
    expect(steps.get('Reminder SMS')).toEqual({ index: 1, name: 'Book' });
  });
});

describe('variants', () => {
  it('highlights a variant path from Start to End and computes its share', () => {
    const p = variantPath(['Referral', 'Booked', 'Attended']);
    expect([...p.edges]).toEqual([
      edgeId(START, 'Referral'),
      edgeId('Referral', 'Booked'),
      edgeId('Booked', 'Attended'),
      edgeId('Attended', END),
    ]);
    expect(p.nodes.has('Booked')).toBe(true);
    expect(variantShare(60, 100)).toBe(0.6);
    expect(variantShare(null, 100)).toBeNull();
    expect(variantShare(5, 0)).toBeNull();
  });
});
