import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Agent, type Harness, importAs, makeHarness } from './harness';

// "Main clinic": 40 fictional patients m01…m40, at North (odd) or South (even), with an NPS answer 0–9 in a
// column named `\`, a `x*y` marker on everyone and a `50%` flag on the first 20. "Hamlet outreach": a
// planted group of three (h1…h3) who alone carry the column `hamlet code`.
const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 5, 8);
const at = (ms: number) => new Date(ms).toISOString();

function mainCsv(): string {
  const rows = ['case_id,activity,timestamp,location,\\,x*y,50%'];
  for (let i = 1; i <= 40; i++) {
    const id = `m${String(i).padStart(2, '0')}`;
    const t = START + i * 3_600_000;
    rows.push(
      `${id},lead.created,${at(t)},${i % 2 ? 'North' : 'South'},${i % 10},star,${i <= 20 ? 'half' : ''}`,
    );
    rows.push(`${id},visit.completed,${at(t + DAY)},${i % 2 ? 'North' : 'South'},,star,`);
  }
  return `${rows.join('\n')}\n`;
}

function hamletCsv(): string {
  const rows = ['case_id,activity,timestamp,location,hamlet code'];
  for (let i = 1; i <= 3; i++)
    rows.push(`h${i},lead.created,${at(Date.UTC(2026, 1, 10, 9 + i))},Hamlet,H-${i}`);
  return `${rows.join('\n')}\n`;
}

let h: Harness;
let eddie: Agent;
let vera: Agent;
let stranger: Agent;
let ws: string;

async function importCsv(name: string, csv: string) {
  const { job } = await importAs(h, eddie, ws, csv, `${name}.csv`, { name });
  expect(job.status, JSON.stringify(job)).toBe('succeeded');
}

beforeAll(async () => {
  h = await makeHarness();
  await h.user('olga@example.test', 'Olga Owner');
  await h.user('eddie@example.test', 'Eddie Editor');
  await h.user('vera@example.test', 'Vera Viewer');
  await h.user('sam@example.test', 'Sam Stranger');
  const olga = await h.agent('olga@example.test').login();
  eddie = await h.agent('eddie@example.test').login();
  vera = await h.agent('vera@example.test').login();
  stranger = await h.agent('sam@example.test').login();
  ws = (await olga.json('POST', '/api/workspaces', { name: 'Attribute clinic' })).body.id;
  await olga.json('POST', `/api/workspaces/${ws}/members`, { email: 'eddie@example.test', role: 'editor' });
  await olga.json('POST', `/api/workspaces/${ws}/members`, { email: 'vera@example.test', role: 'viewer' });
  await importCsv('Main clinic', mainCsv());
  await importCsv('Hamlet outreach', hamletCsv());
}, 120_000);
afterAll(() => h?.close());

type Row = { key: string; values: number; cases: number | null };
const attributes = (agent: Agent, shared = false) =>
  agent.json('GET', `/api/workspaces/${ws}/attributes${shared ? '?shared=1' : ''}`);
const byKey = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.key, r]));

describe('GET /api/workspaces/{id}/attributes', () => {
  test('an editor sees every kept column, awkward names included, with exact counts', async () => {
    const r = await attributes(eddie);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.suppression.applied).toBe(false);
    const rows = byKey(r.body.attributes);
    expect(rows.location).toMatchObject({ values: 3, cases: 43 });
    expect(rows.source_id).toMatchObject({ values: 2, cases: 43 });
    expect(rows['\\']).toMatchObject({ values: 10, cases: 40 });
    expect(rows['x*y']).toMatchObject({ values: 1, cases: 40 });
    expect(rows['50%']).toMatchObject({ values: 1, cases: 20 });
    expect(rows['hamlet code']).toMatchObject({ values: 3, cases: 3 });
  });

  test('a viewer does not learn the planted group has an attribute of its own; counts are rounded', async () => {
    const r = await attributes(vera);
    expect(r.status).toBe(200);
    expect(r.body.suppression).toMatchObject({ applied: true, rounding: 5 });
    expect(JSON.stringify(r.body)).not.toContain('hamlet code');
    expect(r.body.omitted).toEqual({ attributes: 1 });
    const rows = byKey(r.body.attributes);
    // North 20, South 20 patients are listed values; Hamlet (3) is not.
    expect(rows.location).toMatchObject({ values: 2, cases: 45 });
    // Every NPS answer is held by 4 patients: a split would list none of them.
    expect(rows['\\']).toMatchObject({ values: 0, cases: 40 });
    for (const a of r.body.attributes as Row[]) expect((a.cases ?? 0) % 5).toBe(0);
  });

  test('an editor asking for the shared view gets the protected answer', async () => {
    const r = await attributes(eddie, true);
    expect(r.body.suppression.applied).toBe(true);
    expect(r.body.attributes.map((a: Row) => a.key)).not.toContain('hamlet code');
  });

  test('someone outside the workspace gets 404, a signed-out caller 401', async () => {
    expect((await attributes(stranger)).status).toBe(404);
    expect((await h.agent().json('GET', `/api/workspaces/${ws}/attributes`)).status).toBe(401);
  });

  test('the route is in the OpenAPI document', async () => {
    const doc = await eddie.json('GET', '/api/openapi.json');
    expect(doc.body.paths['/api/workspaces/{id}/attributes']?.get?.responses).toHaveProperty('200');
  });
});
