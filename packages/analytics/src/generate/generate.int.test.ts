import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openEventStore } from '../event-store';
import { activities } from '../mining/basic';
import { demoJourney } from './demo-journey';
import { generateEventLog, patientId } from './generate';
import { CSV_COLUMNS } from './writers';

const dir = mkdtempSync(join(tmpdir(), 'pathlight-gen-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('generateEventLog', () => {
  it('writes byte-identical files for the same seed, different ones for another seed', async () => {
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    const c = join(dir, 'c.csv');
    await generateEventLog({ patients: 300, seed: 'pathlight', out: a });
    await generateEventLog({ patients: 300, seed: 'pathlight', out: b });
    await generateEventLog({ patients: 300, seed: 'other', out: c });
    expect(sha(a)).toBe(sha(b));
    expect(sha(a)).not.toBe(sha(c));
  });

  it('writes a plausible clinic log', async () => {
    const out = join(dir, 'clinic.csv');
    const { patients, events } = await generateEventLog({ patients: 2000, seed: 's1', out });
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines.length - 1).toBe(events);
    expect(patients).toBe(2000);
    expect(events / patients).toBeGreaterThan(18);
    expect(events / patients).toBeLessThan(30);
    const rows = lines.slice(1).map((l) => l.split(','));
    const count = (activity: string) => rows.filter((r) => r[1] === activity).length;
    const noShows = count('appointment.noshow');
    const arrived = count('appointment.arrived');
    // No-show rate in the range real clinics report.
    expect(noShows / (noShows + arrived)).toBeGreaterThan(0.08);
    expect(noShows / (noShows + arrived)).toBeLessThan(0.3);
    expect(new Set(rows.map((r) => r[5]))).toEqual(
      new Set(['google-ads', 'facebook', 'referral-partner', 'word-of-mouth', 'organic-search']),
    );
    // Timestamps are ISO 8601 UTC within the generator's window, and each case's rows are in time order.
    const ts = rows.map((r) => r[2] ?? '');
    expect(ts.every((t) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(t))).toBe(true);
    expect(ts.every((t) => t >= '2025-01-06' && t < '2025-12-01')).toBe(true);
    for (let i = 1; i < rows.length; i++)
      if (rows[i]?.[0] === rows[i - 1]?.[0])
        expect((rows[i]?.[2] ?? '') >= (rows[i - 1]?.[2] ?? '')).toBe(true);
    const nps = rows.filter((r) => r[1] === 'survey.completed').map((r) => Number(r[8]));
    expect(nps.length).toBeGreaterThan(50);
    expect(nps.every((n) => Number.isInteger(n) && n >= 0 && n <= 10)).toBe(true);
    expect(rows[0]?.[0]).toBe(patientId(1));
  });

  it('spreads new patients over the arrival window it is given', async () => {
    const firstEvents = async (arrivalDays?: number) => {
      const out = join(dir, `arrivals-${arrivalDays ?? 'default'}.csv`);
      await generateEventLog({
        patients: 400,
        seed: 'arrivals',
        out,
        ...(arrivalDays ? { arrivalDays } : {}),
      });
      const first = new Map<string, string>();
      for (const line of readFileSync(out, 'utf8').trimEnd().split('\n').slice(1)) {
        const [caseId, , ts] = line.split(',') as [string, string, string];
        if (!first.has(caseId)) first.set(caseId, ts);
      }
      const days = [...first.values()].map((t) => (Date.parse(t) - Date.UTC(2025, 0, 6)) / 86_400_000);
      return Math.max(...days);
    };
    const byDefault = await firstEvents();
    expect(byDefault).toBeLessThan(101);
    expect(byDefault).toBeGreaterThan(90);
    const spread = await firstEvents(175);
    expect(spread).toBeLessThan(176);
    expect(spread).toBeGreaterThan(160);
    await expect(
      generateEventLog({ patients: 1, seed: 'x', out: join(dir, 'x.csv'), arrivalDays: 0 }),
    ).rejects.toThrow(/arrival-days/);
  });

  it('writes XES with one trace per patient', async () => {
    const out = join(dir, 'clinic.xes');
    const { events } = await generateEventLog({ patients: 50, seed: 's1', out, format: 'xes' });
    const text = readFileSync(out, 'utf8');
    expect(text.match(/<trace>/g)).toHaveLength(50);
    expect(text.match(/<event>/g)).toHaveLength(events);
    expect(text.trimEnd().endsWith('</log>')).toBe(true);
  });

  it('writes FHIR R4 NDJSON that the FHIR importer reads back', async () => {
    const out = join(dir, 'clinic.ndjson');
    await generateEventLog({ patients: 40, seed: 's1', out, format: 'fhir' });
    const csv = join(dir, 'clinic-40.csv');
    await generateEventLog({ patients: 40, seed: 's1', out: csv });
    const lines = readFileSync(out, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.filter((r) => r.resourceType === 'Patient')).toHaveLength(40);
    const rows = readFileSync(csv, 'utf8')
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    const count = (activity: string) => rows.filter((r) => r[1] === activity).length;
    const store = await openEventStore();
    try {
      const result = await store.importEvents(out);
      expect(result.skipped.count).toBe(0);
      // Patients who never got past a web visit or a call have no FHIR resource besides Patient.
      const mapped = new Set([
        'appointment.booked',
        'appointment.arrived',
        'appointment.noshow',
        'appointment.cancelled',
        'visit.completed',
        'followup.completed',
        'referral.placed',
        'reminder.sent',
        'survey.sent',
        'intake.sent',
        'portal.invited',
        'survey.completed',
      ]);
      expect(result.cases).toBe(new Set(rows.filter((r) => mapped.has(r[1] ?? '')).map((r) => r[0])).size);
      const byActivity = await activities(store.connection);
      const events = (name: string) => byActivity.find((a) => a.name === name)?.events ?? 0;
      expect(events('appointment.noshow')).toBe(count('appointment.noshow'));
      expect(events('appointment.booked')).toBe(count('appointment.booked'));
      expect(events('survey.completed')).toBe(count('survey.completed'));
      expect(events('encounter.finished')).toBe(count('visit.completed') + count('followup.completed'));
    } finally {
      store.close();
    }
  });

  it('rejects a non-positive patient count', async () => {
    await expect(generateEventLog({ patients: 0, seed: 's', out: join(dir, 'x.csv') })).rejects.toThrow(
      /--patients/,
    );
  });
});

describe('demoJourney', () => {
  it('is a valid journey whose steps name only generated activities', async () => {
    const out = join(dir, 'names.csv');
    await generateEventLog({ patients: 3000, seed: 'names', out });
    const generated = new Set(
      readFileSync(out, 'utf8')
        .trimEnd()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',')[1]),
    );
    const journey = demoJourney();
    const named = journey.stages.flatMap((s) => s.steps.flatMap((t) => t.activities));
    expect(named.filter((a) => !generated.has(a))).toEqual([]);
    expect(journey.kpis.map((k) => k.kind).sort()).toEqual(
      ['conversion', 'conversion', 'duration', 'duration', 'rate', 'rate', 'rate', 'score', 'score'].sort(),
    );
  });
});
