import type { ProcessMapData } from '../../api';
import { row, suppression } from '../../test-utils/analysis';

/** Fictional clinic activities, busiest first. */
const ACTIVITIES = [
  'Referral received',
  'Referral triaged',
  'Appointment offered',
  'Appointment booked',
  'Reminder sent',
  'Intake form sent',
  'Intake form completed',
  'Insurance checked',
  'Patient checked in',
  'Seen by clinician',
  'Imaging ordered',
  'Imaging done',
  'Lab sample taken',
  'Lab result ready',
  'Treatment plan agreed',
  'Prescription issued',
  'Follow-up booked',
  'Follow-up attended',
  'Discharge letter sent',
  'Survey answered',
] as const;

/**
 * A dense process map as an owner sees it (exact counts): 20 activities and 115 paths between them,
 * each path busier than the next, for tests of thinning, fitting and labels. Deterministic.
 */
export function denseProcessMap(): ProcessMapData {
  const edges: ProcessMapData['edges'] = [];
  // every activity to the next few (a forward flow) and some back (rework), until 115 paths
  for (let step = 1; edges.length < 115; step++) {
    for (let i = 0; i < ACTIVITIES.length && edges.length < 115; i++) {
      const j = step % 2 === 1 ? i + Math.ceil(step / 2) : i - step / 2;
      const from = ACTIVITIES[i];
      const to = ACTIVITIES[j];
      if (!from || !to) continue;
      const count = 5000 - edges.length * 40;
      edges.push(row({ from, to, count, meanSeconds: 7200, medianSeconds: 3600, p90Seconds: 86_400 }));
    }
  }
  return {
    activities: ACTIVITIES.map((name, i) => row({ name, events: 6000 - i * 250, cases: 5000 - i * 200 })),
    edges,
    variants: [
      row({ activities: ACTIVITIES.slice(0, 10), cases: 900 }),
      row({ activities: ACTIVITIES.slice(0, 6), cases: 400 }),
    ],
    startActivities: [row({ name: ACTIVITIES[0], cases: 5000 })],
    endActivities: [row({ name: ACTIVITIES[ACTIVITIES.length - 1] as string, cases: 5000 })],
    totalActivities: ACTIVITIES.length,
    totalEdges: edges.length,
    omitted: {},
    suppression: suppression.exact,
  } as ProcessMapData;
}
