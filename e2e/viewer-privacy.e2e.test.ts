/// <reference lib="dom" />
/**
 * What a viewer sees, in real Chromium: on the map and the dashboard no number reveals a group of 1 to 10
 * patients, "<11" stands only on counts of 1–10, and narrowing the map to a planted group of three shows
 * one message instead of numbers. Screenshots at 1280 and 390 px go to /tmp.
 */
import { JourneyContent, type JourneyInput } from '@pathlight/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, ok, startHarness } from './harness';

/**
 * 60 fictional patients enquire over three weeks from 2026-02-02 (North or South); 45 book, 7 of them
 * visit. Three planted patients (location Hamlet) enquire, book and visit on 2026-02-20.
 */
function csv(): string {
  const rows = ['case_id,activity,timestamp,location'];
  const at = (day: number, hour: number) => new Date(Date.UTC(2026, 1, 2 + day, hour)).toISOString();
  for (let i = 0; i < 60; i++) {
    const id = `PV-${String(i + 1).padStart(3, '0')}`;
    const loc = i % 2 ? 'North' : 'South';
    rows.push(`${id},lead.created,${at(i % 21, 9)},${loc}`);
    if (i < 45) rows.push(`${id},appointment.booked,${at(i % 21, 11)},${loc}`);
    if (i < 7) rows.push(`${id},visit.completed,${at((i % 21) + 2, 10)},${loc}`);
  }
  for (const n of [1, 2, 3]) {
    rows.push(`HAM-${n},lead.created,${at(18, 8 + n)},Hamlet`);
    rows.push(`HAM-${n},appointment.booked,${at(18, 12 + n)},Hamlet`);
    rows.push(`HAM-${n},visit.completed,${at(19, 9 + n)},Hamlet`);
  }
  return `${rows.join('\n')}\n`;
}

const JOURNEY: JourneyInput = {
  schemaVersion: 2,
  name: 'Privacy check',
  lanes: [{ id: 'ln-touch', kind: 'touchpoints', name: 'Touchpoints' }],
  stages: [
    {
      id: 'sg',
      name: 'Access',
      steps: [
        { id: 'st-enquire', name: 'Enquires', activities: ['lead.created'] },
        { id: 'st-book', name: 'Books', activities: ['appointment.booked'] },
        { id: 'st-visit', name: 'Visits', activities: ['visit.completed'] },
      ],
    },
  ],
  kpis: [
    {
      id: 'booking',
      name: 'Enquiry to booking',
      kind: 'conversion',
      from: { stepId: 'st-enquire' },
      to: { stepId: 'st-book' },
    },
    {
      id: 'visits',
      name: 'Booked who visit',
      kind: 'conversion',
      from: { stepId: 'st-book' },
      to: { stepId: 'st-visit' },
    },
  ],
};

let h: Harness;
let workspaceId = '';
let journeyId = '';
let viewer: { email: string; password: string };

beforeAll(async () => {
  h = await startHarness();
  const admin = await h.apiAs();
  workspaceId = (await ok(admin.client.api.workspaces.$post({ json: { name: 'Privacy E2E Clinic' } }))).id;
  viewer = await h.createUser('Vic Viewer', 'vic.viewer@pathlight.test');
  await ok(
    admin.client.api.workspaces[':id'].members.$post({
      param: { id: workspaceId },
      json: { email: viewer.email, role: 'viewer' },
    }),
  );
  const uploaded = await admin.client.api.workspaces[':id'].uploads.$post(
    { param: { id: workspaceId }, header: { 'x-filename': 'privacy.csv' } },
    { init: { body: csv() } },
  );
  if (uploaded.status !== 201) throw new Error(`upload failed: ${uploaded.status} ${await uploaded.text()}`);
  const { uploadId } = await uploaded.json();
  const { job } = await ok(
    admin.client.api.workspaces[':id'].sources.$post({
      param: { id: workspaceId },
      json: { uploadId, name: 'Front desk' },
    }),
  );
  for (let i = 0; i < 120; i++) {
    const state = await ok(admin.client.api.jobs[':id'].$get({ param: { id: job.id } }));
    if (state.status === 'succeeded') break;
    if (state.status === 'failed') throw new Error(`import failed: ${state.error}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const made = await ok(
    admin.client.api.workspaces[':id'].journeys.import.$post({
      param: { id: workspaceId },
      json: {
        format: 'pathlight.journey',
        schemaVersion: 2,
        exportedAt: '2026-03-01T00:00:00.000Z',
        journey: JourneyContent.parse(JOURNEY),
      },
    }),
  );
  journeyId = made.id;
}, 180_000);

afterAll(() => h?.close());

/** Every hidden number on the page: its text and the reason the server gave. */
async function hiddenNumbers(page: Page) {
  return page
    .locator('[data-hidden]')
    .evaluateAll((els) =>
      els.map((el) => ({ text: el.textContent?.trim() ?? '', reason: el.getAttribute('data-hidden') ?? '' })),
    );
}

/** "<11" only on counts of 1–10; any other hidden number says "hidden". */
async function expectHonestHiding(page: Page) {
  const hidden = await hiddenNumbers(page);
  expect(hidden.length).toBeGreaterThan(0);
  for (const { text, reason } of hidden) {
    if (text === '<11') expect(reason).toBe('small');
    else expect(text).toMatch(/hidden/i);
  }
  // No "<11" anywhere that is not one of those small counts.
  const smalls = hidden.filter((x) => x.text === '<11').length;
  const everywhere = await page
    .locator('main')
    .evaluate((el) => (el.textContent ?? '').split('<11').length - 1);
  expect(everywhere).toBeLessThanOrEqual(smalls + (await page.locator('[data-sr-only]').count()));
}

/** A shown count: a multiple of 5 that is not 1–10 (rounded, so differencing never gives a small number). */
function expectProtectedCount(text: string) {
  if (text === '<11' || text === 'hidden' || text === '' || text === '—') return;
  const n = Number(text.replace(/,/g, ''));
  expect(Number.isNaN(n), `count "${text}"`).toBe(false);
  expect(n % 5, `count ${n}`).toBe(0);
  expect(n >= 1 && n <= 10, `count ${n}`).toBe(false);
}

describe('a viewer', () => {
  let page: Page;

  it('sees the map with protected numbers and "<11" only on small counts', async () => {
    const context = await h.newContext();
    page = context.pages()[0] ?? (await context.newPage());
    await h.signIn(page, viewer.email, viewer.password);
    await page.goto(`${h.baseUrl}/w/${workspaceId}/journeys/${journeyId}`);
    const cases = page.locator('[data-testid="step-cases"]');
    await expect.poll(() => cases.count(), { timeout: 20_000 }).toBe(3);
    await expect.poll(() => cases.first().textContent(), { timeout: 20_000 }).toBe('65');
    const texts = await cases.allTextContents();
    for (const t of texts) expectProtectedCount(t.trim());
    // 10 visit (7 + the 3 planted): a count of 1–10, shown as "<11" with the reason "small".
    expect(texts[2]?.trim()).toBe('<11');
    await expectHonestHiding(page);
    await page.screenshot({ path: '/tmp/pathlight-viewer-map-1280.png' });
  });

  it('narrowed to the three planted patients, the map shows one message and no numbers', async () => {
    await page.getByLabel('Segment attribute').fill('location');
    await page.getByLabel('Segment value').fill('Hamlet');
    await page.getByTestId('small-population').first().waitFor({ timeout: 20_000 });
    const cells = await page.locator('[data-testid="step-cases"]').allTextContents();
    for (const t of cells) expect(t).not.toMatch(/\d/);
    await page.screenshot({ path: '/tmp/pathlight-viewer-map-hamlet.png' });
    await page.getByRole('button', { name: 'Clear filters' }).click();
  });

  it('sees the dashboard with no number that reveals a small group', async () => {
    await page.goto(`${h.baseUrl}/w/${workspaceId}/dashboard`);
    const tile = page.locator('[data-kpi]').first();
    await tile.waitFor({ timeout: 20_000 });
    await expectHonestHiding(page);
    // The visit conversion rests on 7 + 3 = 10 visits: it is hidden, never printed.
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/\b(7|10) of \d/);
    await page.screenshot({ path: '/tmp/pathlight-viewer-dashboard-1280.png', fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: '/tmp/pathlight-viewer-dashboard-390.png', fullPage: true });
    await page.goto(`${h.baseUrl}/w/${workspaceId}/journeys/${journeyId}`);
    await page.locator('[data-testid="step-cases"]').first().waitFor({ timeout: 20_000 });
    await expectHonestHiding(page);
    await page.screenshot({ path: '/tmp/pathlight-viewer-map-390.png' });
    // On a phone the map is for reading: no sideways page scroll, and the map keeps most of the screen.
    const layout = await page.evaluate(() => ({
      sideways: document.documentElement.scrollWidth - window.innerWidth,
      map: document.querySelector('.pl-editor')?.getBoundingClientRect().height ?? 0,
      screen: window.innerHeight,
    }));
    expect(layout.sideways).toBeLessThanOrEqual(0);
    expect(layout.map / layout.screen).toBeGreaterThan(0.55);
  });
});
