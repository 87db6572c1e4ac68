/**
 * The PDFs people hand around, end to end in real Chromium against the real server with the seeded
 * demo: the KPI dashboard (A4, several pages) and the journey map poster (A1 and A3), downloaded by an
 * editor and by a viewer. The PDFs are read without a PDF tool: their Flate streams are inflated with
 * node:zlib and the text operators read, so the checks run wherever the tests run.
 */
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, type Harness, ok, startHarness } from './harness';

/** What a PDF holds: its page count, page sizes (points) and the text of its pages. */
function readPdf(bytes: Buffer) {
  const raw = bytes.toString('latin1');
  const pages = [...raw.matchAll(/\/Type \/Page\b[^s]/g)].length;
  const sizes = [...raw.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [
    Math.round(Number(m[1])),
    Math.round(Number(m[2])),
  ]);
  const text: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = (m.index ?? 0) + m[0].length;
    const end = raw.indexOf('endstream', start);
    let body: string;
    try {
      body = inflateSync(bytes.subarray(start, end)).toString('latin1');
    } catch {
      body = raw.slice(start, end);
    }
    for (const t of body.matchAll(/\(((?:\\.|[^\\)])*)\)\s*Tj/g))
      text.push(t[1]!.replace(/\\([()\\])/g, '$1'));
  }
  return { pages, sizes, text: text.join(' ') };
}

let h: Harness;
let workspaceId = '';
let journey: { id: string; steps: string[]; kpis: string[] };
let viewer: { email: string; password: string };

beforeAll(async () => {
  process.env.PATHLIGHT_DEMO = 'on';
  h = await startHarness();
  delete process.env.PATHLIGHT_DEMO;
  const admin = await h.apiAs();
  const workspaces = await ok(admin.client.api.workspaces.$get());
  workspaceId = workspaces[0]!.id;
  const list = await ok(admin.client.api.workspaces[':id'].journeys.$get({ param: { id: workspaceId } }));
  const full = await ok(admin.client.api.journeys[':id'].$get({ param: { id: list[0]!.id } }));
  const doc = full.document;
  journey = {
    id: full.id,
    steps: doc.stages
      .filter((s) => !s.hidden)
      .flatMap((s) => s.steps.filter((t) => !t.hidden).map((t) => t.name)),
    kpis: doc.kpis.map((k) => k.name),
  };
  viewer = await h.createUser('Vic Viewer', 'vic.viewer@pathlight.test');
  await ok(
    admin.client.api.workspaces[':id'].members.$post({
      param: { id: workspaceId },
      json: { email: viewer.email, role: 'viewer' },
    }),
  );
}, 180_000);
afterAll(async () => {
  await h?.close();
});

async function download(page: Page, click: () => Promise<void>) {
  const started = Date.now();
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), click()]);
  const bytes = readFileSync((await file.path())!);
  return { pdf: readPdf(bytes), ms: Date.now() - started, name: file.suggestedFilename() };
}

async function exportBoth(page: Page, who: string) {
  await page.goto(`${h.baseUrl}/w/${workspaceId}/dashboard?journey=${journey.id}`);
  await page.locator('[data-state="ready"]').waitFor({ timeout: 90_000 });
  const dashboard = await download(page, () => page.getByRole('button', { name: 'Export PDF' }).click());
  expect(dashboard.name).toMatch(/-dashboard\.pdf$/);
  expect(dashboard.pdf.pages).toBeGreaterThan(1);
  expect(dashboard.pdf.sizes[0]).toEqual([595, 842]);
  for (const name of journey.kpis) expect(dashboard.pdf.text).toContain(name);
  expect(dashboard.pdf.text).toContain(`Page 2 of ${dashboard.pdf.pages}`);
  expect(dashboard.pdf.text).toContain('Shared view: counts of 1');
  console.info(`${who}: dashboard PDF, ${dashboard.pdf.pages} pages, ${dashboard.ms} ms from the click`);

  await page.goto(`${h.baseUrl}/w/${workspaceId}/journeys/${journey.id}`);
  await page.getByTestId('map-grid').waitFor({ timeout: 60_000 });
  for (const [item, size] of [
    ['PDF poster, A1 landscape (wall)', [2384, 1684]],
    ['PDF poster, A3 landscape', [1191, 842]],
  ] as const) {
    const poster = await download(page, async () => {
      await page.getByTestId('export-menu').click();
      await page.getByRole('menuitem', { name: item }).click();
    });
    expect(poster.pdf.sizes[0]).toEqual(size);
    for (const name of journey.steps) expect(poster.pdf.text).toContain(name);
    // The shared view whoever exports: every printed patient count is rounded to 5 or hidden.
    expect(poster.pdf.text).toContain('Numbers: shared view');
    const counts = [...poster.pdf.text.matchAll(/(\d[\d,]*) patients/g)].map((m) =>
      Number(m[1]!.replace(/,/g, '')),
    );
    expect(counts.length).toBeGreaterThan(0);
    for (const n of counts) expect(n % 5).toBe(0);
    console.info(`${who}: ${item}, ${poster.pdf.pages} sheets, ${poster.ms} ms from the click`);
  }
}

describe('exports people hand around', () => {
  it('an editor downloads the dashboard PDF and both posters, all in the shared view', async () => {
    await h.signIn(h.page, ADMIN.email, ADMIN.password);
    await exportBoth(h.page, 'editor');
  });

  it('a viewer downloads the same PDFs', async () => {
    const context = await h.newContext();
    const page = context.pages()[0] ?? (await context.newPage());
    await h.signIn(page, viewer.email, viewer.password);
    await exportBoth(page, 'viewer');
  });
});
