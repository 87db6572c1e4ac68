import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../bin/pathlight.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'pathlight-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function pathlight(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

/** Hand-made log: a case literally called NA, a timestamp tie (file order wins), non-ASCII, a one-event case. */
const HAND_CSV = `case_id,activity,timestamp,channel
NA,Anmeldung,2025-03-01T08:00:00Z,web
NA,Termin gebucht,2025-03-01T09:00:00Z,phone
NA,Besuch,2025-03-02T09:00:00Z,in-person
b,Anmeldung,2025-03-01T10:00:00+01:00,web
b,Überweisung,2025-03-01T10:00:00+01:00,
b,Termin gebucht,2025-03-01T11:30:00Z,phone
c,Anmeldung,2025-03-03T12:00:00Z,web
`;

const JOURNEY = {
  schemaVersion: 2,
  name: 'Hand-made',
  lanes: [],
  stages: [
    {
      id: 's1',
      name: 'Stage',
      steps: [
        { id: 'signup', name: 'Sign-up', activities: ['Anmeldung'] },
        { id: 'booked', name: 'Booked', activities: ['Termin gebucht'] },
        { id: 'visit', name: 'Visit', activities: ['Besuch'] },
      ],
    },
  ],
  kpis: [
    {
      id: 'conv',
      name: 'Sign-up to booking',
      kind: 'conversion',
      from: { stepId: 'signup' },
      to: { stepId: 'booked' },
    },
  ],
};

describe('pathlight analyze', () => {
  let hand: string;
  let journey: string;
  beforeAll(() => {
    hand = file('hand.csv', HAND_CSV);
    journey = file('journey.json', JSON.stringify(JOURNEY));
  });

  it('prints exactly one JSON document with the documented keys and hand-computed values', async () => {
    const r = await pathlight('analyze', hand, '--journey', journey, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual([
      'summary',
      'activities',
      'startActivities',
      'endActivities',
      'edges',
      'variants',
      'caseDuration',
      'funnel',
      'kpis',
      'conformance',
    ]);
    expect(out.summary).toEqual({
      cases: 3,
      events: 7,
      activities: 4,
      variants: 3,
      firstEvent: '2025-03-01T08:00:00.000Z',
      lastEvent: '2025-03-03T12:00:00.000Z',
    });
    // b: the tie at 09:00Z keeps file order (Anmeldung, then Überweisung).
    expect(out.variants).toContainEqual({
      activities: ['Anmeldung', 'Überweisung', 'Termin gebucht'],
      cases: 1,
    });
    expect(out.edges).toContainEqual({
      from: 'Anmeldung',
      to: 'Termin gebucht',
      count: 1,
      meanSeconds: 3600,
      medianSeconds: 3600,
      p90Seconds: 3600,
    });
    // Durations 0, 9000, 90000 s: median 9000; p90 at rank 1.8 → 9000 + 0.8 × 81000.
    expect(out.caseDuration).toEqual({
      meanSeconds: (90_000 + 9000 + 0) / 3,
      medianSeconds: 9000,
      p90Seconds: 73_800,
    });
    expect(out.funnel.map((f: { cases: number }) => f.cases)).toEqual([3, 2, 1]);
    expect(out.kpis).toEqual([
      { id: 'conv', name: 'Sign-up to booking', value: 2 / 3, numerator: 2, denominator: 3 },
    ]);
    expect(out.conformance.unmappedActivities).toEqual([{ name: 'Überweisung', events: 1 }]);
  });

  it('analyses an empty log (a header naming the columns given) to zeros and nulls', async () => {
    const r = await pathlight(
      'analyze',
      file('empty.csv', 'who,what,when\n'),
      '--case',
      'who',
      '--activity',
      'what',
      '--timestamp',
      'when',
      '--journey',
      journey,
      '--json',
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.summary).toEqual({
      cases: 0,
      events: 0,
      activities: 0,
      variants: 0,
      firstEvent: null,
      lastEvent: null,
    });
    expect(out.funnel.map((f: { cases: number }) => f.cases)).toEqual([0, 0, 0]);
    expect(out.kpis[0].value).toBeNull();
    expect(out.conformance).toMatchObject({ fittingCases: 0, fittingShare: null });
  });

  it('exits 1 with one line naming every column given that the CSV does not have', async () => {
    const flags = ['--case', 'X', '--activity', 'Y', '--timestamp', 'Z'];
    const empty = await pathlight('analyze', file('nothing.csv', ''), ...flags);
    expect(empty.code).toBe(1);
    expect(empty.stdout).toBe('');
    expect(empty.stderr).toMatch(
      /^.*nothing\.csv: columns "X" \(case\), "Y" \(activity\), "Z" \(timestamp\) are not in the file \(the file is empty\); nothing was imported\n$/,
    );
    const header = await pathlight('analyze', file('header.csv', 'case_id,activity,timestamp\n'), ...flags);
    expect(header.code).toBe(1);
    expect(header.stderr).toMatch(
      /^.*header\.csv: columns "X" \(case\), "Y" \(activity\), "Z" \(timestamp\) are not in the file \(columns: "case_id", "activity", "timestamp"\); nothing was imported\n$/,
    );
  });

  it('prints readable tables without --json', async () => {
    const r = await pathlight('analyze', hand, '--variants', 'all');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Summary\ncases\s+events/);
    expect(r.stdout).toContain('Anmeldung > Überweisung > Termin gebucht');
  });

  it('reads a journey inside an export file (as the app and `pathlight export` write it) like a bare one', async () => {
    const wrapped = file(
      'journey.pathlight.json',
      JSON.stringify({
        format: 'pathlight.journey',
        schemaVersion: 2,
        exportedAt: '2026-11-21T10:00:00.000Z',
        journey: JOURNEY,
      }),
    );
    const bare = JSON.parse((await pathlight('analyze', hand, '--journey', journey, '--json')).stdout);
    const r = await pathlight('analyze', hand, '--journey', wrapped, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).funnel).toEqual(bare.funnel);
    expect(bare.funnel).toHaveLength(3);
  });

  it('prints a cost-per KPI as money per patient, not a percentage', async () => {
    // Two sign-ups cost 30 and 12; one of them reaches the visit: 42.00 per acquired patient.
    const costs = file(
      'costs.csv',
      `case_id,activity,timestamp,cost
a,Anmeldung,2025-03-01T08:00:00Z,30
a,Besuch,2025-03-02T08:00:00Z,
b,Anmeldung,2025-03-01T09:00:00Z,12
`,
    );
    const costJourney = file(
      'cost-journey.json',
      JSON.stringify({
        ...JOURNEY,
        kpis: [
          {
            id: 'cpa',
            name: 'Cost per acquired patient',
            kind: 'cost-per',
            costActivities: ['Anmeldung'],
            acquired: { stepId: 'visit' },
          },
        ],
      }),
    );
    const r = await pathlight('analyze', costs, '--journey', costJourney);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Cost per acquired patient\s+42\.00 per patient\s+-\s+42\.00\s+1\n/);
  });

  it('analyses a generated CSV and XES log the same way', async () => {
    const csv = join(dir, 'gen.csv');
    const xes = join(dir, 'gen.xes');
    const journeyOut = join(dir, 'demo-journey.json');
    const g1 = await pathlight(
      'generate',
      '--patients',
      '200',
      '--seed',
      't',
      '--out',
      csv,
      '--journey-out',
      journeyOut,
    );
    const g2 = await pathlight(
      'generate',
      '--patients',
      '200',
      '--seed',
      't',
      '--out',
      xes,
      '--format',
      'xes',
    );
    expect([g1.code, g2.code]).toEqual([0, 0]);
    const events = Number(/wrote (\d+) events/.exec(g1.stderr)?.[1]);
    const a = JSON.parse((await pathlight('analyze', csv, '--journey', journeyOut, '--json')).stdout);
    const b = JSON.parse((await pathlight('analyze', xes, '--journey', journeyOut, '--json')).stdout);
    expect(a.summary.events).toBe(events);
    expect(a.summary.cases).toBe(200);
    expect(b.summary).toEqual(a.summary);
    expect(b.variants).toEqual(a.variants);
    expect(b.funnel).toEqual(a.funnel);
    expect(a.kpis.map((k: { id: string }) => k.id)).toEqual(
      JSON.parse(readFileSync(journeyOut, 'utf8')).kpis.map((k: { id: string }) => k.id),
    );
    expect(a.kpis.find((k: { id: string }) => k.id === 'nps').denominator).toBeGreaterThan(10);
  });

  it('exits 2 with one line for an unknown flag or a bad value', async () => {
    const r = await pathlight('analyze', hand, '--colour');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain("'--colour'");
    const v = await pathlight('analyze', hand, '--variants', 'many');
    expect(v.code).toBe(2);
    expect(v.stderr).toContain('--variants');
    const c = await pathlight('frobnicate');
    expect(c.code).toBe(2);
  });

  it('exits 1 with one line for an unreadable file, a bad row and an invalid journey', async () => {
    const missing = await pathlight('analyze', join(dir, 'nope.csv'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^cannot read .*nope\.csv: ENOENT\n$/);

    const bad = file('bad.csv', 'case_id,activity,timestamp\na,x,2025-01-01T00:00:00Z\nb,y,not a time\n');
    const badRow = await pathlight('analyze', bad, '--json');
    expect(badRow.code).toBe(1);
    expect(badRow.stdout).toBe('');
    expect(badRow.stderr.trim().split('\n')).toHaveLength(1);
    expect(badRow.stderr).toContain('bad.csv');

    const notJson = await pathlight('analyze', hand, '--journey', file('j1.json', '{"stages": ['));
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toMatch(/j1\.json is not valid JSON/);

    const broken = { ...JOURNEY, stages: [{ id: 's1', name: 'Stage', steps: [{ id: 'x', name: '' }] }] };
    const invalid = await pathlight('analyze', hand, '--journey', file('j2.json', JSON.stringify(broken)));
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/j2\.json is invalid at stages\.0\.steps\.0\.name: /);
    expect(invalid.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('pathlight generate', () => {
  it('requires its flags', async () => {
    const r = await pathlight('generate', '--patients', '0', '--seed', 's', '--out', join(dir, 'x.csv'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--patients');
  });
});
