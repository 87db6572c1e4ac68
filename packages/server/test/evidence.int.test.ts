import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { analyze, demoJourney, generateEventLog, openEventStore } from '@pathlight/analytics';
import { JourneyContent, type JourneyInput } from '@pathlight/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { workspacePaths } from '../src/evidence/event-stores';
import { INTERRUPTED } from '../src/evidence/evidence';
import { type Agent, type Harness, importAs, makeHarness } from './harness';

const MAX_UPLOAD = 1_000_000;
let h: Harness;
let olga: Agent; // owner
let eddie: Agent; // editor
let vera: Agent; // viewer
let ws: string;
let journeyId: string;

// ---- a tiny clinic, computed by hand ----
// 40 fictional patients p01…p40 enquire an hour apart from Monday 2026-01-05 08:00 UTC (odd: web, even: phone).
// p01–p24 book 2 h after enquiring; p25 booked 1 h *before* enquiring (not a booking after the enquiry);
// p01–p20 have their visit 3 days after enquiring.
// Funnel: enquiry 40 → booked 24 (0.6, drop-off 16, median 2 h) → visit 20 (20/24, drop-off 4, median 3 d − 2 h).
const BASE = Date.UTC(2026, 0, 5, 8);
const HOUR = 3_600_000;
function tinyCsv(): string {
  const rows = ['case_id,activity,timestamp,channel'];
  for (let i = 1; i <= 40; i++) {
    const id = `p${String(i).padStart(2, '0')}`;
    const lead = BASE + (i - 1) * HOUR;
    const channel = i % 2 ? 'web' : 'phone';
    const at = (ms: number) => new Date(ms).toISOString();
    rows.push(`${id},lead.created,${at(lead)},${channel}`);
    if (i <= 24) rows.push(`${id},appointment.booked,${at(lead + 2 * HOUR)},${channel}`);
    if (i === 25) rows.push(`${id},appointment.booked,${at(lead - HOUR)},${channel}`);
    if (i <= 20) rows.push(`${id},visit.completed,${at(lead + 72 * HOUR)},in-person`);
  }
  return `${rows.join('\n')}\n`;
}

const TINY_JOURNEY: JourneyInput = {
  schemaVersion: 2,
  name: 'Tiny clinic',
  lanes: [],
  stages: [
    {
      id: 'all',
      name: 'All',
      steps: [
        { id: 'enquiry', name: 'Enquires', activities: ['lead.created'] },
        { id: 'booked', name: 'Books', activities: ['appointment.booked'] },
        { id: 'visit', name: 'Visits', activities: ['visit.completed'] },
        { id: 'note', name: 'Not in data' },
      ],
    },
  ],
  kpis: [
    {
      id: 'booking',
      name: 'Enquiry to booking',
      kind: 'conversion',
      from: { stepId: 'enquiry' },
      to: { stepId: 'booked' },
    },
    {
      id: 'visited',
      name: 'Booked patients who visit',
      kind: 'rate',
      numerator: ['visit.completed'],
      denominator: ['appointment.booked'],
      countOver: 'cases',
    },
  ],
};

const bytes = (text: string) => new TextEncoder().encode(text);

async function upload(agent: Agent, workspace: string, content: Uint8Array, filename: string) {
  return agent.json('POST', `/api/workspaces/${workspace}/uploads`, content, { 'x-filename': filename });
}

/** Uploads as the editor, imports as a source and waits for the job; returns the upload, source and job. */
const importFile = (workspace: string, content: string | Uint8Array, filename: string, extra = {}) =>
  importAs(h, eddie, workspace, content, filename, extra);

async function eventCount(workspace: string): Promise<number> {
  const store = await h.evidence.stores.get(workspace);
  return (await store.sources()).reduce((s, x) => s + x.events, 0);
}

beforeAll(async () => {
  h = await makeHarness({}, { maxUploadBytes: MAX_UPLOAD });
  await h.user('olga@example.test', 'Olga Owner');
  const eddieUser = await h.user('eddie@example.test', 'Eddie Editor');
  const veraUser = await h.user('vera@example.test', 'Vera Viewer');
  olga = await h.agent('olga@example.test').login();
  eddie = await h.agent('eddie@example.test').login();
  vera = await h.agent('vera@example.test').login();
  ws = (await olga.json('POST', '/api/workspaces', { name: 'Evidence clinic' })).body.id;
  await olga.json('POST', `/api/workspaces/${ws}/members`, { email: eddieUser.email, role: 'editor' });
  await olga.json('POST', `/api/workspaces/${ws}/members`, { email: veraUser.email, role: 'viewer' });
  const made = await olga.json('POST', `/api/workspaces/${ws}/journeys/import`, {
    format: 'pathlight.journey',
    schemaVersion: 2,
    exportedAt: '2026-01-01T00:00:00.000Z',
    journey: JourneyContent.parse(TINY_JOURNEY),
  });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  journeyId = made.body.id;
}, 120_000);
afterAll(() => h?.close());

describe('upload → job → source → metrics (tiny clinic, by hand)', () => {
  let sourceId: string;

  test('an upload streams to disk and answers with the CSV preview', async () => {
    const up = await upload(eddie, ws, bytes(tinyCsv()), 'clinic.csv');
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ filename: 'clinic.csv', format: 'csv', bytes: bytes(tinyCsv()).length });
    expect(up.body.csv.columns).toEqual(['case_id', 'activity', 'timestamp', 'channel']);
    expect(up.body.csv.mapping).toMatchObject({
      case: 'case_id',
      activity: 'activity',
      timestamp: 'timestamp',
    });
    const preview = await eddie.json(
      'GET',
      `/api/workspaces/${ws}/uploads/${up.body.uploadId}/preview?delimiter=;`,
    );
    expect(preview.status).toBe(200);
    expect(preview.body.delimiter).toBe(';');
    const log = await olga.json('GET', `/api/workspaces/${ws}/audit?limit=5`);
    expect(log.body.map((e: { action: string }) => e.action).slice(0, 2)).toEqual([
      'upload.preview',
      'upload.create',
    ]);
    expect((await vera.json('GET', `/api/workspaces/${ws}/uploads/${up.body.uploadId}/preview`)).status).toBe(
      403,
    );
  });

  test('the import job succeeds and the source is ready with counts', async () => {
    const { source, job } = await importFile(ws, tinyCsv(), 'clinic.csv');
    sourceId = source.id;
    expect(job).toMatchObject({ kind: 'import', status: 'succeeded', progress: 1, error: null });
    expect(job.result).toMatchObject({ events: 40 + 25 + 20, cases: 40 });
    expect(source).toMatchObject({
      name: 'clinic.csv',
      format: 'csv',
      status: 'ready',
      eventCount: 85,
      caseCount: 40,
      firstEvent: '2026-01-05T08:00:00.000Z',
      lastEvent: '2026-01-09T03:00:00.000Z',
      error: null,
      droppedColumns: [],
      skipped: { count: 0, first: [] },
    });
    const list = await vera.json('GET', `/api/workspaces/${ws}/sources`);
    expect(list.body.map((s: { id: string }) => s.id)).toEqual([sourceId]);
  });

  test('editors see the exact funnel and KPIs', async () => {
    const m = await eddie.json('POST', `/api/journeys/${journeyId}/metrics`, {});
    expect(m.status, JSON.stringify(m.body)).toBe(200);
    expect(m.body.suppression).toEqual({
      applied: false,
      threshold: 10,
      rounding: 1,
      smallPopulation: false,
    });
    expect(m.body.summary).toMatchObject({ cases: 40, events: 85 });
    expect(m.body.steps).toEqual([
      {
        stepId: 'enquiry',
        step: 'Enquires',
        cases: 40,
        conversionFromPrevious: null,
        dropOff: null,
        medianSecondsFromPrevious: null,
        suppressed: [],
        suppressedReasons: {},
      },
      {
        stepId: 'booked',
        step: 'Books',
        cases: 24,
        conversionFromPrevious: 0.6,
        dropOff: 16,
        medianSecondsFromPrevious: 7200,
        suppressed: [],
        suppressedReasons: {},
      },
      {
        stepId: 'visit',
        step: 'Visits',
        cases: 20,
        conversionFromPrevious: 20 / 24,
        dropOff: 4,
        medianSecondsFromPrevious: 72 * 3600 - 7200,
        suppressed: [],
        suppressedReasons: {},
      },
    ]);
    expect(m.body.kpis).toEqual([
      {
        id: 'booking',
        name: 'Enquiry to booking',
        value: 0.6,
        numerator: 24,
        denominator: 40,
        suppressed: [],
        suppressedReasons: {},
      },
      {
        id: 'visited',
        name: 'Booked patients who visit',
        value: 0.8,
        numerator: 20,
        denominator: 25,
        suppressed: [],
        suppressedReasons: {},
      },
    ]);
  });

  test('viewers (and ?shared=1) get counts of 1–10 and what is built on them as null + suppressed', async () => {
    const m = await vera.json('POST', `/api/journeys/${journeyId}/metrics`, {});
    expect(m.body.suppression).toEqual({ applied: true, threshold: 10, rounding: 5, smallPopulation: false });
    const [enquiry, booked, visit] = m.body.steps;
    expect(enquiry).toMatchObject({ cases: 40, suppressed: [] });
    // Visit: drop-off 4 is small (24 − 20): it is hidden, and so is the conversion that would give it
    // back from the two rounded counts; the 20 patients and their wait are shown. Counts are rounded to 5.
    expect(visit).toMatchObject({ cases: 20, dropOff: null, conversionFromPrevious: null });
    expect(visit.suppressedReasons).toEqual({ dropOff: 'small', conversionFromPrevious: 'derived' });
    expect(booked).toMatchObject({ cases: 25, conversionFromPrevious: 0.6, dropOff: 15, suppressed: [] });
    // 24 of 40 is safe; 20 of 25 leaves 5 → value and numerator hidden, denominator shown.
    expect(m.body.kpis[0]).toMatchObject({ value: 0.6, numerator: 25, denominator: 40, suppressed: [] });
    expect(m.body.kpis[1]).toEqual({
      id: 'visited',
      name: 'Booked patients who visit',
      value: null,
      numerator: null,
      denominator: 25,
      suppressed: ['numerator', 'value'],
      suppressedReasons: { numerator: 'complementary', value: 'derived' },
    });
    const shared = await eddie.json('POST', `/api/journeys/${journeyId}/metrics?shared=1`, {});
    expect(shared.body.steps).toEqual(m.body.steps);
  });

  test('filters: a time window and an attribute', async () => {
    // Events of the first 10 hours (p01–p10 enquire), web patients only (p01, p03, …, p09); p09 books at
    // 18:00, outside the window.
    const m = await eddie.json('POST', `/api/journeys/${journeyId}/metrics`, {
      from: '2026-01-05T08:00:00Z',
      to: '2026-01-05T18:00:00Z',
      attribute: { key: 'channel', values: ['web'] },
    });
    expect(m.status, JSON.stringify(m.body)).toBe(200);
    expect(m.body.steps.map((s: { cases: number }) => s.cases)).toEqual([5, 4, 0]);
    const bySource = await eddie.json('POST', `/api/journeys/${journeyId}/metrics`, {
      sourceIds: [sourceId],
    });
    expect(bySource.status, JSON.stringify(bySource.body)).toBe(200);
    expect(bySource.body.summary.cases).toBe(40);
  });

  test('step detail: weekly, split by channel, paths in and out', async () => {
    const d = await eddie.json('POST', `/api/journeys/${journeyId}/steps/booked/detail`, {
      splitBy: 'channel',
    });
    expect(d.status, JSON.stringify(d.body)).toBe(200);
    expect(d.body.weekly).toEqual([{ week: '2026-01-05', cases: 24, suppressed: [], suppressedReasons: {} }]);
    expect(d.body.split).toEqual([
      {
        value: 'phone',
        cases: 12,
        previousCases: 20,
        conversionFromPrevious: 0.6,
        suppressed: [],
        suppressedReasons: {},
      },
      {
        value: 'web',
        cases: 12,
        previousCases: 20,
        conversionFromPrevious: 0.6,
        suppressed: [],
        suppressedReasons: {},
      },
    ]);
    expect(d.body.pathsIn).toEqual([
      { activity: 'lead.created', cases: 24, suppressed: [], suppressedReasons: {} },
    ]);
    // p01–p24 book 2 h after enquiring; the next enquiry (of another patient) is not in the case.
    expect(d.body.pathsOut).toEqual([
      { activity: 'visit.completed', cases: 20, suppressed: [], suppressedReasons: {} },
    ]);
    expect(d.body.endedHere).toBe(4);
    const viewer = await vera.json('POST', `/api/journeys/${journeyId}/steps/booked/detail`, {});
    expect(viewer.body.endedHere).toBeNull();
    expect(viewer.body.suppressed).toEqual(['endedHere']);
    const missing = await eddie.json('POST', `/api/journeys/${journeyId}/steps/note/detail`, {});
    expect(missing.status).toBe(404);
  });

  test('case lists: editors only, pseudonymised, audited as cases.view', async () => {
    const r = await eddie.json('POST', `/api/journeys/${journeyId}/steps/visit/cases`, { which: 'dropped' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.total).toBe(4);
    expect(r.body.cases).toHaveLength(4);
    for (const c of r.body.cases) {
      expect(c.caseId).not.toMatch(/^p\d\d$/); // pseudonyms, never the file's ids
      expect(c.events).toBe(2);
    }
    expect(
      (await vera.json('POST', `/api/journeys/${journeyId}/steps/visit/cases`, { which: 'dropped' })).status,
    ).toBe(403);
    const log = await olga.json('GET', `/api/workspaces/${ws}/audit?limit=5`);
    const entry = log.body.find((e: { action: string }) => e.action === 'cases.view');
    expect(entry).toMatchObject({
      entityType: 'journey',
      entityId: journeyId,
      actorName: 'Eddie Editor',
      detail: { stepId: 'visit', which: 'dropped', listed: 4, total: 4 },
    });
    expect(JSON.stringify(entry)).not.toContain(r.body.cases[0].caseId);
  });

  test('activities, process map, dashboards and the KPI library', async () => {
    const acts = await eddie.json('GET', `/api/workspaces/${ws}/activities`);
    expect(acts.body).toEqual([
      { name: 'lead.created', events: 40, cases: 40, suppressed: [], suppressedReasons: {} },
      { name: 'appointment.booked', events: 25, cases: 25, suppressed: [], suppressedReasons: {} },
      { name: 'visit.completed', events: 20, cases: 20, suppressed: [], suppressedReasons: {} },
    ]);
    const map = await eddie.json('POST', `/api/workspaces/${ws}/process-map`, { maxActivities: 2 });
    expect(map.body.activities.map((a: { name: string }) => a.name)).toEqual([
      'lead.created',
      'appointment.booked',
    ]);
    expect(map.body.edges).toEqual([
      expect.objectContaining({
        from: 'lead.created',
        to: 'appointment.booked',
        count: 24,
        medianSeconds: 7200,
      }),
      expect.objectContaining({
        from: 'appointment.booked',
        to: 'lead.created',
        count: 1,
        medianSeconds: 3600,
      }),
    ]);
    expect(map.body.variants[0]).toEqual({
      activities: ['lead.created', 'appointment.booked', 'visit.completed'],
      cases: 20,
      suppressed: [],
      suppressedReasons: {},
    });
    const viewerMap = await vera.json('POST', `/api/workspaces/${ws}/process-map`, {});
    // appointment.booked → lead.created is one patient's path (p25): left out, and counted as left out.
    // The rest is shown with counts rounded to the nearest 5 and waits to the minute.
    const edge = (from: string, to: string) =>
      viewerMap.body.edges.find((e: { from: string; to: string }) => e.from === from && e.to === to);
    expect(edge('appointment.booked', 'lead.created')).toBeUndefined();
    // Variants of 4 (enquire, book) and 1 (p25), p25's start and the 4 who end at booking: left out too.
    expect(viewerMap.body.omitted).toEqual({ edges: 1, variants: 2, startActivities: 1, endActivities: 1 });
    expect(edge('appointment.booked', 'visit.completed')).toMatchObject({ count: 20, suppressed: [] });
    expect(edge('lead.created', 'appointment.booked')).toMatchObject({ count: 25, medianSeconds: 7200 });
    expect(viewerMap.body.variants.map((v: { cases: number }) => v.cases)).toEqual([20, 15]);

    const dash = await eddie.json('POST', `/api/journeys/${journeyId}/dashboard`, {});
    expect(dash.status, JSON.stringify(dash.body)).toBe(200);
    // Last event 2026-01-09T03:00Z → the period ends at the next midnight and spans 28 days.
    expect(dash.body.period).toEqual({ from: '2025-12-13T00:00:00.000Z', to: '2026-01-10T00:00:00.000Z' });
    expect(dash.body.previous).toEqual({ from: '2025-11-15T00:00:00.000Z', to: '2025-12-13T00:00:00.000Z' });
    const [booking] = dash.body.tiles;
    expect(booking).toMatchObject({
      value: 0.6,
      numerator: 24,
      denominator: 40,
      previousValue: null,
      change: null,
    });
    expect(booking.kpi.id).toBe('booking');
    expect(booking.weekly.map((w: { week: string }) => w.week)).toEqual([
      '2025-12-08',
      '2025-12-15',
      '2025-12-22',
      '2025-12-29',
      '2026-01-05',
    ]);
    expect(booking.weekly[4]).toMatchObject({ value: 0.6, numerator: 24, denominator: 40 });
    const overview = await vera.json('GET', `/api/workspaces/${ws}/dashboard`);
    expect(overview.body.journeys).toHaveLength(1);
    expect(overview.body.journeys[0].tiles[1]).toMatchObject({ value: null, denominator: 25 });

    const library = await vera.json('GET', '/api/kpi-library');
    expect(library.body.map((k: { id: string }) => k.id)).toContain('no-show-rate');
  });

  test('warming after an import computes the default views the routes then reuse', async () => {
    h.evidence.cache.invalidate(ws);
    const before = h.evidence.cache.size;
    await h.evidence.warm(ws);
    const warmed = h.evidence.cache.size;
    expect(warmed - before).toBe(4); // activities, process map, metrics and dashboard of the journey
    const m = await vera.json('POST', `/api/journeys/${journeyId}/metrics`, {});
    await eddie.json('POST', `/api/journeys/${journeyId}/dashboard`, {});
    await eddie.json('POST', `/api/workspaces/${ws}/process-map`, {});
    await vera.json('GET', `/api/workspaces/${ws}/activities`);
    expect(h.evidence.cache.size).toBe(warmed);
    expect(m.body.steps[0]).toMatchObject({ cases: 40 });
  });

  test('rename; refresh that fails keeps the old events; refresh that works replaces them', async () => {
    const renamed = await eddie.json('PATCH', `/api/sources/${sourceId}`, { name: 'January export' });
    expect(renamed.body.name).toBe('January export');

    const bad = await upload(
      eddie,
      ws,
      bytes('case_id,activity,timestamp\nx1,lead.created,not a date\n'),
      'bad.csv',
    );
    const failing = await eddie.json('POST', `/api/sources/${sourceId}/refresh`, {
      uploadId: bad.body.uploadId,
    });
    expect(failing.status).toBe(202);
    await h.evidence.jobs.idle();
    const afterFail = await eddie.json('GET', `/api/sources/${sourceId}`);
    expect(afterFail.body).toMatchObject({ status: 'ready', eventCount: 85 });
    expect(afterFail.body.error).toMatch(/^bad\.csv.*timestamp/i);
    expect(await eventCount(ws)).toBe(85);

    const smaller =
      'case_id,activity,timestamp\nq1,lead.created,2026-02-02T09:00:00Z\nq1,appointment.booked,2026-02-02T10:00:00Z\n';
    const next = await upload(eddie, ws, bytes(smaller), 'february.csv');
    const refresh = await eddie.json('POST', `/api/sources/${sourceId}/refresh`, {
      uploadId: next.body.uploadId,
    });
    await h.evidence.jobs.idle();
    const job = await eddie.json('GET', `/api/jobs/${refresh.body.job.id}`);
    expect(job.body.status).toBe('succeeded');
    const after = await eddie.json('GET', `/api/sources/${sourceId}`);
    expect(after.body).toMatchObject({ status: 'ready', eventCount: 2, caseCount: 1, error: null });
    const store = await h.evidence.stores.get(ws);
    expect(await store.sources()).toEqual([{ sourceId, events: 2 }]);
    // The raw upload is deleted once imported.
    expect(await h.evidence.uploads.list(ws)).not.toContain(next.body.uploadId);
  });

  test('deleting a source deletes its events', async () => {
    expect((await vera.json('DELETE', `/api/sources/${sourceId}`)).status).toBe(403);
    expect((await olga.json('DELETE', `/api/sources/${sourceId}`)).status).toBe(204);
    expect(await eventCount(ws)).toBe(0);
    expect((await eddie.json('GET', `/api/sources/${sourceId}`)).status).toBe(404);
    const m = await eddie.json('POST', `/api/journeys/${journeyId}/metrics`, {});
    expect(m.body.summary.cases).toBe(0);
  });
});

describe('bad uploads end in a clear error and no data', () => {
  let bad: string;
  beforeAll(async () => {
    bad = (await olga.json('POST', '/api/workspaces', { name: 'Bad files' })).body.id;
    await olga.json('POST', `/api/workspaces/${bad}/members`, {
      email: 'eddie@example.test',
      role: 'editor',
    });
  });

  test('binary garbage is refused at upload (422) and not kept', async () => {
    const garbage = new Uint8Array(2000).map((_, i) => (i * 37) % 256);
    const r = await upload(eddie, bad, garbage, 'export.csv');
    expect(r.status).toBe(422);
    expect(r.body.detail).toMatch(/not a recognised event-log format/);
    expect(await h.evidence.uploads.list(bad)).toEqual([]);
  });

  test('a file over the configured limit is cut off with 413 and the partial file removed', async () => {
    const big = bytes(
      `case_id,activity,timestamp\n${'x,lead.created,2026-01-01T00:00:00Z\n'.repeat(40_000)}`,
    );
    expect(big.length).toBeGreaterThan(MAX_UPLOAD);
    const r = await upload(eddie, bad, big, 'big.csv');
    expect(r.status).toBe(413);
    expect(r.headers.get('content-type')).toBe('application/problem+json');
    // Without a content-length the stream is counted and aborted at the limit.
    const streamed = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < big.length; i += 65_536) controller.enqueue(big.subarray(i, i + 65_536));
        controller.close();
      },
    });
    const res = await h.app.request(`/api/workspaces/${bad}/uploads`, {
      method: 'POST',
      body: streamed,
      headers: { cookie: eddie.cookie!, 'x-csrf-token': eddie.csrf!, 'x-filename': 'big.csv' },
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(await h.evidence.uploads.list(bad)).toEqual([]);
  });

  test('a bad timestamp fails the job, names record and field, and imports nothing', async () => {
    const csv =
      'case_id,activity,timestamp\na1,lead.created,2026-01-05T08:00:00Z\na2,lead.created,31/02/2026 09:00\n';
    const { source, job } = await importFile(bad, csv, 'dates.csv');
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/^dates\.csv, record 2: timestamp/);
    expect(job.error).not.toContain(h.dataDir);
    expect(source).toMatchObject({ status: 'failed', eventCount: 0, error: job.error });
    expect(await eventCount(bad)).toBe(0);
  });

  test('a truncated XES file fails the job and imports nothing', async () => {
    const xes = `<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="1.0"><trace><string key="concept:name" value="t1"/>
<event><string key="concept:name" value="lead.created"/><date key="time:timestamp" value="2026-01-05T08:00:00Z"/></event>
<event><string key="concept:name" value="appointment.booked"/><date key="time:timest`;
    const { source, job } = await importFile(bad, xes, 'log.xes');
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/^log\.xes/);
    expect(source.status).toBe('failed');
    expect(await eventCount(bad)).toBe(0);
  });

  test('a CSV cut off mid-row fails the job and imports nothing', async () => {
    const full = tinyCsv();
    const { job, source } = await importFile(
      bad,
      full.slice(0, Math.floor(full.length * 0.6) - 7),
      'cut.csv',
    );
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/^cut\.csv, (record|line) \d+/);
    expect(source).toMatchObject({ status: 'failed', eventCount: 0 });
    expect(await eventCount(bad)).toBe(0);
  });

  test('a CSV imported as the wrong format fails the job', async () => {
    const { job } = await importFile(bad, tinyCsv(), 'clinic.csv', { format: 'xes' });
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/^clinic\.csv/);
    expect(await eventCount(bad)).toBe(0);
  });

  test('a CSV without a timestamp column fails with what to map', async () => {
    const { job } = await importFile(bad, 'case_id,activity\na,b\n', 'nocols.csv');
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/^nocols\.csv: .*timestamp/);
  });
});

describe('the same numbers as analyze() on the same file', () => {
  test('synthetic clinic log: funnel, KPIs, conformance and summary match', async () => {
    const file = join(h.dataDir, 'demo.csv');
    await generateEventLog({ patients: 400, seed: 'server-test', out: file });
    const wsId = (await olga.json('POST', '/api/workspaces', { name: 'Demo' })).body.id;
    await olga.json('POST', `/api/workspaces/${wsId}/members`, {
      email: 'eddie@example.test',
      role: 'editor',
    });
    const journey = demoJourney();
    const j = await olga.json('POST', `/api/workspaces/${wsId}/journeys/import`, {
      format: 'pathlight.journey',
      schemaVersion: 2,
      exportedAt: '2026-01-01T00:00:00.000Z',
      journey,
    });
    const { source } = await importFile(wsId, await readFile(file), 'demo.csv');
    expect(source.status).toBe('ready');

    const reference = await openEventStore();
    await reference.importEvents(file);
    const expected = await analyze(reference.connection, { journey });
    reference.close();

    const m = await eddie.json('POST', `/api/journeys/${j.body.id}/metrics`, {});
    const strip = <T extends object>(rows: T[]) =>
      rows.map(
        ({
          suppressed: _s,
          suppressedReasons: _r,
          ...r
        }: T & { suppressed?: unknown; suppressedReasons?: unknown }) => r,
      );
    expect(strip(m.body.steps)).toEqual(expected.funnel);
    expect(strip(m.body.kpis)).toEqual(expected.kpis);
    const { suppressed: _s, suppressedReasons: _r, ...summary } = m.body.summary;
    const { variants: _v, ...expectedSummary } = expected.summary;
    expect(summary).toEqual(expectedSummary);
    expect(m.body.conformance.fittingCases).toBe(expected.conformance?.fittingCases);
    expect(strip(m.body.conformance.steps)).toEqual(expected.conformance?.steps);
    const map = await eddie.json('POST', `/api/workspaces/${wsId}/process-map`, {});
    // Means of a parallel aggregate may differ in the last bit between runs.
    const gotEdges = strip(map.body.edges) as typeof expected.edges;
    const noMean = ({ meanSeconds: _m, ...e }: (typeof expected.edges)[number]) => e;
    expect(gotEdges.map(noMean)).toEqual(expected.edges.map(noMean));
    for (const [i, e] of gotEdges.entries()) {
      expect(e.meanSeconds).toBeCloseTo(expected.edges[i]?.meanSeconds ?? Number.NaN, 3);
    }
    expect(strip(map.body.activities)).toEqual(expected.activities);
  }, 60_000);
});

describe('restarts and workspace deletion', () => {
  test('jobs left running are failed at startup; their sources show the interruption', async () => {
    const wsId = (await olga.json('POST', '/api/workspaces', { name: 'Restarted' })).body.id;
    const job = await h.db.jobs.create({ workspaceId: wsId, kind: 'import' });
    await h.db.jobs.update(job.id, { status: 'running' });
    const source = await h.db.dataSources.create({
      workspaceId: wsId,
      name: 'half done',
      format: 'csv',
      createdBy: null,
      settings: { jobId: job.id, uploadId: job.id, filename: 'x.csv' },
    });
    await h.db.dataSources.update(source.id, { status: 'importing' });
    expect(await h.evidence.recover()).toBeGreaterThanOrEqual(1);
    expect((await olga.json('GET', `/api/jobs/${job.id}`)).body).toMatchObject({
      status: 'failed',
      error: INTERRUPTED,
    });
    expect((await olga.json('GET', `/api/sources/${source.id}`)).body).toMatchObject({
      status: 'failed',
      error: INTERRUPTED,
    });
  });

  test('deleting a workspace deletes its event database and key', async () => {
    const wsId = (await olga.json('POST', '/api/workspaces', { name: 'Short-lived' })).body.id;
    await olga.json('POST', `/api/workspaces/${wsId}/members`, {
      email: 'eddie@example.test',
      role: 'editor',
    });
    await importFile(wsId, tinyCsv(), 'clinic.csv');
    const paths = workspacePaths(h.dataDir, wsId);
    expect(existsSync(paths.events)).toBe(true);
    expect(existsSync(paths.key)).toBe(true);
    expect((await olga.json('DELETE', `/api/workspaces/${wsId}`)).status).toBe(204);
    await h.evidence.jobs.idle();
    expect(existsSync(paths.events)).toBe(false);
    expect(existsSync(paths.key)).toBe(false);
    expect(existsSync(paths.uploads)).toBe(false);
    await writeFile(join(h.dataDir, 'touch'), ''); // the data dir itself stays
  });
});
