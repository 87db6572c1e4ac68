import { JourneyContent, type JourneyInput } from '@pathlight/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Agent, type Harness, importAs, makeHarness } from './harness';

// What a viewer can learn about a planted group of three patients, asked every way we could think of.
//
// "Main clinic": 200 fictional patients m001…m200 enquire on 2026-01-05…2026-01-24 (10 a day), at North
// (odd) or South (even); 150 book, 120 visit and answer an NPS question in a column named `\`.
// "Hamlet outreach": 3 planted patients h1…h3 at location Hamlet, all on 2026-02-10, each with the
// unusual activity `rare.test` and their own path. Columns with awkward names (`\`, `x*y`, `50%`,
// `q"uote`) are attributes like any other.
const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 5, 8);
const at = (ms: number) => new Date(ms).toISOString();
const HEADER = 'case_id,activity,timestamp,location,\\,x*y,50%,"q""uote"';

function mainCsv(): string {
  const rows = [HEADER];
  for (let i = 1; i <= 200; i++) {
    const id = `m${String(i).padStart(3, '0')}`;
    const t = START + Math.floor((i - 1) / 10) * DAY + ((i - 1) % 10) * 3_600_000;
    const loc = i % 2 ? 'North' : 'South';
    rows.push(`${id},lead.created,${at(t)},${loc},,star,half,"say ""hi"""`);
    if (i <= 150) rows.push(`${id},appointment.booked,${at(t + 2 * 3_600_000)},${loc},,,,`);
    if (i <= 120) rows.push(`${id},visit.completed,${at(t + 3 * DAY)},${loc},${i % 11},,,`);
  }
  return `${rows.join('\n')}\n`;
}

function hamletCsv(): string {
  const rows = [HEADER];
  const t = Date.UTC(2026, 1, 10, 9);
  rows.push(`h1,lead.created,${at(t)},Hamlet,,,,`, `h1,rare.test,${at(t + 600_000)},Hamlet,,,,`);
  rows.push(
    `h2,rare.test,${at(t + 3_600_000)},Hamlet,,,,`,
    `h2,appointment.booked,${at(t + 4_000_000)},Hamlet,,,,`,
  );
  rows.push(
    `h3,lead.created,${at(t + 7_200_000)},Hamlet,,,,`,
    `h3,rare.test,${at(t + 7_300_000)},Hamlet,,,,`,
  );
  rows.push(`h3,visit.completed,${at(t + 7_400_000)},Hamlet,3,,,`);
  return `${rows.join('\n')}\n`;
}

const JOURNEY: JourneyInput = {
  schemaVersion: 2,
  name: 'Planted group',
  lanes: [],
  stages: [
    {
      id: 'all',
      name: 'All',
      steps: [
        { id: 'enquiry', name: 'Enquires', activities: ['lead.created'] },
        { id: 'booked', name: 'Books', activities: ['appointment.booked'] },
        { id: 'visit', name: 'Visits', activities: ['visit.completed'] },
      ],
    },
  ],
  kpis: [
    {
      id: 'booking',
      name: 'Booking',
      kind: 'conversion',
      from: { stepId: 'enquiry' },
      to: { stepId: 'booked' },
    },
    // A KPI whose attribute is the column `\`: it once broke the dashboard for good.
    { id: 'nps', name: 'NPS', kind: 'score', scale: 'nps', activity: 'visit.completed', attribute: '\\' },
  ],
};

let h: Harness;
let eddie: Agent;
let vera: Agent;
let ws: string;
let journeyId: string;
let mainId: string;
let hamletId: string;
let hamletJob: string;

async function importCsv(name: string, csv: string) {
  const { job, source } = await importAs(h, eddie, ws, csv, `${name}.csv`, { name });
  expect(job.status, JSON.stringify(job)).toBe('succeeded');
  return { sourceId: source.id as string, jobId: job.id as string };
}

beforeAll(async () => {
  h = await makeHarness();
  await h.user('olga@example.test', 'Olga Owner');
  await h.user('eddie@example.test', 'Eddie Editor');
  await h.user('vera@example.test', 'Vera Viewer');
  const olga = await h.agent('olga@example.test').login();
  eddie = await h.agent('eddie@example.test').login();
  vera = await h.agent('vera@example.test').login();
  ws = (await olga.json('POST', '/api/workspaces', { name: 'Disclosure clinic' })).body.id;
  await olga.json('POST', `/api/workspaces/${ws}/members`, { email: 'eddie@example.test', role: 'editor' });
  await olga.json('POST', `/api/workspaces/${ws}/members`, { email: 'vera@example.test', role: 'viewer' });
  const made = await olga.json('POST', `/api/workspaces/${ws}/journeys/import`, {
    format: 'pathlight.journey',
    schemaVersion: 2,
    exportedAt: '2026-01-01T00:00:00.000Z',
    journey: JourneyContent.parse(JOURNEY),
  });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  journeyId = made.body.id;
  mainId = (await importCsv('Main clinic', mainCsv())).sourceId;
  ({ sourceId: hamletId, jobId: hamletJob } = await importCsv('Hamlet outreach', hamletCsv()));
}, 120_000);
afterAll(() => h?.close());

const metrics = (agent: Agent, body: object = {}) =>
  agent.json('POST', `/api/journeys/${journeyId}/metrics`, body);
const processMap = (agent: Agent, body: object = {}) =>
  agent.json('POST', `/api/workspaces/${ws}/process-map`, body);
const detail = (agent: Agent, body: object = {}) =>
  agent.json('POST', `/api/journeys/${journeyId}/steps/booked/detail`, body);
const dashboard = (agent: Agent, body: object = {}) =>
  agent.json('POST', `/api/journeys/${journeyId}/dashboard`, body);

/** Every number anywhere in an answer, with its path. */
function numbersIn(value: unknown, path = ''): [string, number][] {
  if (typeof value === 'number') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => numbersIn(v, `${path}.${i}`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => numbersIn(v, path ? `${path}.${k}` : k));
  return [];
}

/** The narrowings that select exactly the three planted patients. */
const plantedFilters = [
  { sourceIds: [] as string[] }, // filled in below with the Hamlet source
  { attribute: { key: 'location', values: ['Hamlet'] } },
  { from: '2026-02-10', to: '2026-02-10' },
];
const planted = () => [{ sourceIds: [hamletId] }, ...plantedFilters.slice(1)];

describe('editors see the planted group exactly', () => {
  test('metrics, sources and the process map name the three patients', async () => {
    const m = await metrics(eddie, { sourceIds: [hamletId] });
    expect(m.body.summary).toMatchObject({ cases: 3, firstEvent: '2026-02-10T09:00:00.000Z' });
    const map = await processMap(eddie);
    expect(map.body.activities.map((a: { name: string }) => a.name)).toContain('rare.test');
    const sources = await eddie.json('GET', `/api/workspaces/${ws}/sources`);
    expect(sources.body.find((s: { id: string }) => s.id === hamletId).caseCount).toBe(3);
  });
});

describe('a viewer learns nothing about a group of three', () => {
  test.each([0, 1, 2])('metrics narrowed to the group (filter %i) hide everything', async (i) => {
    const m = await metrics(vera, planted()[i]);
    expect(m.status, JSON.stringify(m.body)).toBe(200);
    expect(m.body.suppression).toMatchObject({ applied: true, smallPopulation: true });
    expect(numbersIn(m.body).filter(([p]) => !p.startsWith('suppression'))).toEqual([]);
    expect(m.body.summary).toMatchObject({ firstEvent: null, lastEvent: null });
    expect(m.body.conformance.unmappedActivities).toEqual([]);
    expect(JSON.stringify(m.body)).not.toContain('rare.test');
  });

  test.each([0, 1, 2])(
    'the process map narrowed to the group (filter %i) shows no path, time or count',
    async (i) => {
      const map = await processMap(vera, planted()[i]);
      expect(map.body.suppression.smallPopulation).toBe(true);
      expect(map.body).toMatchObject({
        activities: [],
        edges: [],
        variants: [],
        startActivities: [],
        endActivities: [],
      });
      expect(JSON.stringify(map.body)).not.toContain('rare.test');
    },
  );

  test.each([0, 1, 2])(
    'step detail and dashboard narrowed to the group (filter %i) hide everything',
    async (i) => {
      const d = await detail(vera, planted()[i]);
      expect(d.body).toMatchObject({ weekly: [], split: [], pathsIn: [], pathsOut: [], startedHere: null });
      // The third narrowing is a period: as the dashboard's own period, the day of the three patients.
      const period = i === 2 ? planted()[i] : { ...planted()[i], from: '2026-02-01', to: '2026-02-28' };
      const dash = await dashboard(vera, period);
      expect(dash.status, JSON.stringify(dash.body)).toBe(200);
      for (const tile of dash.body.tiles) {
        // Only zeros may show (an empty previous period): nothing counts, rates or scores the three.
        expect(numbersIn({ ...tile, kpi: undefined }).filter(([, n]) => n !== 0)).toEqual([]);
      }
    },
  );

  test('unfiltered views never list the group’s activity, paths or location', async () => {
    const map = await processMap(vera);
    const text = JSON.stringify(map.body);
    expect(text).not.toContain('rare.test');
    expect(map.body.omitted.activities).toBe(1);
    const acts = await vera.json('GET', `/api/workspaces/${ws}/activities`);
    expect(JSON.stringify(acts.body)).not.toContain('rare.test');
    const split = await detail(vera, { splitBy: 'location' });
    expect(split.body.split.map((r: { value: string }) => r.value).sort()).toEqual(['North', 'South']);
    const segs = await metrics(vera, { segment: 'location' });
    expect(segs.body.segments.map((s: { value: string }) => s.value).sort()).toEqual(['North', 'South']);
    expect(JSON.stringify(segs.body)).not.toContain('Hamlet');
  });

  test('subtracting two allowed answers never gives 3: every count is a multiple of 5', async () => {
    const all = await metrics(vera);
    const others = await metrics(vera, { sourceIds: [mainId] });
    const counts = (b: {
      steps: { cases: number | null; dropOff: number | null }[];
      summary: { cases: number };
    }) => [b.summary.cases, ...b.steps.flatMap((s) => [s.cases, s.dropOff])];
    for (const n of [...counts(all.body), ...counts(others.body)]) {
      if (n !== null) expect(n % 5, `count ${n}`).toBe(0);
    }
    for (const [i, n] of counts(all.body).entries()) {
      const m = counts(others.body)[i];
      if (n !== null && m !== null && m !== undefined) expect(Math.abs(n - m)).not.toBe(3);
    }
    expect(all.body.summary.firstEvent).toMatch(/T00:00:00\.000Z$/);
  });

  test('sources and jobs show no small counts and no import details to viewers', async () => {
    const sources = await vera.json('GET', `/api/workspaces/${ws}/sources`);
    const hamlet = sources.body.find((s: { id: string }) => s.id === hamletId);
    expect(hamlet).toMatchObject({
      caseCount: null,
      eventCount: null,
      suppressedReasons: { caseCount: 'small' },
    });
    const main = sources.body.find((s: { id: string }) => s.id === mainId);
    expect(main.caseCount).toBe(200);
    expect(main.eventCount % 5).toBe(0);
    const job = await vera.json('GET', `/api/jobs/${hamletJob}`);
    expect(job.body.result).toBeNull();
    expect(JSON.stringify(job.body)).not.toMatch(/"cases":3/);
  });

  test('shared views of an editor are protected the same way', async () => {
    const m = await eddie.json('POST', `/api/journeys/${journeyId}/metrics?shared=1`, {
      sourceIds: [hamletId],
    });
    expect(m.body.suppression.smallPopulation).toBe(true);
    expect(m.body.summary.cases).toBeNull();
  });
});

describe('awkward attribute keys are just names', () => {
  test.each(['\\', 'x*y', '50%', 'q"uote'])('filter, segment and split by %j answer 200', async (key) => {
    const values =
      key === '\\' ? ['3'] : [{ 'x*y': 'star', '50%': 'half', 'q"uote': 'say "hi"' }[key] as string];
    const m = await metrics(eddie, { attribute: { key, values }, segment: key });
    expect(m.status, JSON.stringify(m.body)).toBe(200);
    if (key !== '\\') expect(m.body.summary.cases).toBe(200);
    const d = await detail(eddie, { splitBy: key });
    expect(d.status, JSON.stringify(d.body)).toBe(200);
  });

  test('a KPI over the attribute `\\` computes, on the map and the dashboard', async () => {
    const m = await metrics(eddie);
    const nps = m.body.kpis.find((k: { id: string }) => k.id === 'nps');
    // 121 answers (120 patients and h3's 3); scores i % 11: promoters 9–10, detractors 0–6.
    expect(nps.denominator).toBe(121);
    const dash = await dashboard(eddie, { from: '2026-01-01', to: '2026-02-28' });
    expect(dash.status, JSON.stringify(dash.body)).toBe(200);
    expect(dash.body.tiles.find((t: { kpi: { id: string } }) => t.kpi.id === 'nps').denominator).toBe(121);
  });
});

describe('dates a member sends are checked before anything runs', () => {
  const bad = [
    '+275760-09-13',
    '275760-09-13',
    '9999-12-31',
    '1899-12-31',
    '2025-02-30',
    '2025-01-01T25:00:00Z',
    'yesterday',
    '2025-01-01T00:00:00+99:00',
  ];
  const routes: [string, (agent: Agent, body: object) => Promise<{ status: number }>][] = [
    ['metrics', metrics],
    ['step detail', detail],
    ['process map', processMap],
    ['dashboard', dashboard],
    [
      'case list',
      (agent, body) =>
        agent.json('POST', `/api/journeys/${journeyId}/steps/booked/cases`, { which: 'reached', ...body }),
    ],
  ];
  test.each(routes)('%s: every bad date is a 422 naming the field, fast', async (_name, call) => {
    for (const value of bad) {
      for (const field of ['from', 'to']) {
        const started = performance.now();
        const r = (await call(eddie, { [field]: value })) as {
          status: number;
          body: { errors?: { path: string }[] };
        };
        expect(r.status, `${field}=${value}`).toBe(422);
        expect(r.body.errors?.[0]?.path).toBe(field);
        expect(performance.now() - started).toBeLessThan(2000);
      }
    }
    const reversed = await call(eddie, { from: '2026-02-01', to: '2026-01-01' });
    expect(reversed.status).toBe(422);
  });

  test('a ten-year dashboard period is refused at once instead of holding the server', async () => {
    const started = performance.now();
    const r = await dashboard(vera, { from: '2016-01-01', to: '2026-01-01' });
    expect(r.status, JSON.stringify(r.body)).toBe(422);
    expect(r.body.detail).toMatch(/more than a year before the data/);
    expect(performance.now() - started).toBeLessThan(2000);
    const wide = await dashboard(vera, { from: '2025-06-01', to: '2026-06-30' });
    expect(wide.status, JSON.stringify(wide.body)).toBe(200);
    expect(wide.body.tiles[0].weekly.length).toBeLessThanOrEqual(53);
  });
});

describe('an analysis that runs too long is stopped', () => {
  test('past the time limit the request gets a 503 that says what to do', async () => {
    const slow = await makeHarness({}, { analysisTimeoutMs: 0 });
    try {
      await slow.user('sam@example.test', 'Sam Slow');
      const sam = await slow.agent('sam@example.test').login();
      const w = (await sam.json('POST', '/api/workspaces', { name: 'Slow' })).body.id;
      const r = await sam.json('POST', `/api/workspaces/${w}/process-map`, {});
      expect(r.status, JSON.stringify(r.body)).toBe(503);
      expect(r.body.detail).toMatch(/took longer than .* narrow the dates or filters/);
    } finally {
      await slow.close();
    }
  });
});
