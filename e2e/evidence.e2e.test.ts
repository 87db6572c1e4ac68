import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, type Harness, ok, startHarness } from './harness';

/**
 * Evidence screens in real Chromium against the real server: a CSV through the column-mapping
 * wizard, the import job to "Ready", the process map with a journey overlaid, the KPI dashboard with
 * a period filter and PNG/PDF export, a bad CSV's job error, and a viewer's read-only view.
 * Screenshots of each screen go to /tmp/pathlight-evidence-*.png. The steps build on each other.
 */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
let h: Harness;
let page: Page;
let dir: string;
let workspaceId: string;
let journeyId: string;
let csvRows: number;

/** A synthetic clinic log from the CLI generator, with a fake phone column the wizard must drop. */
function makeCsv(): string {
  const out = join(dir, 'generated.csv');
  const r = spawnSync(
    process.execPath,
    [
      join(ROOT, 'packages/cli/bin/pathlight.mjs'),
      'generate',
      '--patients',
      '300',
      '--seed',
      '7',
      '--out',
      out,
      '--journey-out',
      join(dir, 'journey.json'),
    ],
    { encoding: 'utf8', cwd: ROOT },
  );
  if (r.status !== 0) throw new Error(`pathlight generate failed: ${r.stderr}`);
  const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
  csvRows = lines.length - 1;
  const withPhone = lines.map((l, i) => `${l},${i === 0 ? 'phone' : '555-0100'}`).join('\n');
  const file = join(dir, 'march-scheduling-export.csv');
  writeFileSync(file, `${withPhone}\n`);
  return file;
}

/** The machine is shared: server answers can take seconds under load. */
const SLOW = { timeout: 30_000 };
const shot = (name: string) => page.screenshot({ path: `/tmp/pathlight-evidence-${name}.png` });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pathlight-evidence-e2e-'));
  h = await startHarness();
  page = h.page;
  const admin = await h.apiAs();
  const ws = await ok(admin.client.api.workspaces.$post({ json: { name: 'Riverside Dental' } }));
  workspaceId = ws.id;
  makeCsv();
  const doc = JSON.parse(readFileSync(join(dir, 'journey.json'), 'utf8')) as Record<string, unknown>;
  const journey = await ok(
    admin.client.api.workspaces[':id'].journeys.import.$post({
      param: { id: workspaceId },
      json: { format: 'pathlight.journey', schemaVersion: 2, journey: { ...doc, name: 'New patient' } },
    }),
  );
  journeyId = journey.id;
  await h.signIn(page, ADMIN.email, ADMIN.password);
});
afterAll(async () => {
  await h?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('evidence in the app', () => {
  it('shows what to do when there is no data yet', async () => {
    await page.goto(`${h.baseUrl}/w/${workspaceId}/data`);
    await page.getByRole('heading', { name: 'No data yet' }).waitFor();
    expect(await page.getByText("Upload last month's scheduling export").count()).toBe(1);
    await shot('data-empty');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Process map' }).click();
    await page.getByRole('link', { name: 'Data page' }).waitFor();
  });

  it('uploads a CSV through the mapping wizard and follows the import to ready', async () => {
    await page.goto(`${h.baseUrl}/w/${workspaceId}/data`);
    await page.getByLabel('Event log file').setInputFiles(join(dir, 'march-scheduling-export.csv'));
    await page.getByRole('heading', { name: 'Map the columns' }).waitFor();
    await shot('wizard-top');
    expect(await page.getByLabel('Patient or case').inputValue()).toBe('case_id');
    expect(await page.getByLabel('Activity', { exact: true }).inputValue()).toBe('activity');
    expect(await page.getByLabel('Date and time').inputValue()).toBe('timestamp');
    expect(await page.getByText('Timestamp format found').locator('..').textContent()).toContain('ISO 8601');
    const callout = page.getByRole('note');
    expect(await callout.textContent()).toContain('1 column looks like direct identifiers');
    expect(await callout.getByLabel('Keep “phone” anyway').isChecked()).toBe(false);
    expect(await page.locator('td', { hasText: '(left out)' }).count()).toBeGreaterThan(0);
    // Keep-anyway shows a warning, and unticking it drops the column again.
    await callout.getByLabel('Keep “phone” anyway').check();
    await page.getByText('“phone” will be stored as it is').waitFor();
    await callout.getByLabel('Keep “phone” anyway').uncheck();
    expect(await page.getByLabel('Name of this data source').inputValue()).toBe('march scheduling export');
    await page.getByLabel('Name of this data source').fill('March scheduling');
    await shot('wizard');
    await page.getByRole('button', { name: 'Start the import' }).click();

    const card = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'March scheduling' }) });
    await card.getByText('Ready').waitFor({ timeout: 60_000 });
    const events = await card.locator('dt', { hasText: 'Events' }).locator('+ dd').textContent();
    expect(events).toBe(csvRows.toLocaleString('en-GB'));
    expect(await card.locator('dt', { hasText: 'Patients (cases)' }).locator('+ dd').textContent()).toBe(
      '300',
    );
    expect(
      await card.locator('dt', { hasText: 'Identifier columns left out' }).locator('+ dd').textContent(),
    ).toBe('phone');
    await shot('data');
  });

  it('renames a source', async () => {
    const card = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'March scheduling' }) });
    await card.getByRole('button', { name: 'Rename' }).click();
    await page.getByLabel('New name').fill('Scheduling, March');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Scheduling, March' }).waitFor();
  });

  it('draws the process map and overlays the designed journey', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Process map' }).click();
    await page.locator('[data-state="ready"]').waitFor({ timeout: 30_000 });
    const nodes = page.locator('.react-flow__node');
    expect(await nodes.count()).toBe(12); // 10 activities + Start + End
    expect(await page.locator('.react-flow__edge').count()).toBeGreaterThan(12);
    await shot('process-map');

    await page.getByLabel('Compare with a journey').selectOption({ label: 'New patient' });
    await page
      .getByText(/^Step 1 · /)
      .first()
      .waitFor();
    expect(await page.getByRole('region', { name: 'Legend' }).textContent()).toContain(
      'Compared with “New patient”',
    );
    await shot('process-map-journey');

    // Labels switch to waiting times; a variant highlights its path.
    await page.locator('label', { hasText: 'Median wait' }).click();
    await expect
      .poll(
        () =>
          page
            .locator('[data-edge]')
            .filter({ hasText: /min|h|days|s$/ })
            .count(),
        SLOW,
      )
      .toBeGreaterThan(0);
    const first = page.getByRole('button', { name: /^Path 1\b/ });
    await first.click();
    expect(await first.getAttribute('aria-pressed')).toBe('true');

    // Fewer activities: the slider filters in the browser.
    const slider = page.getByLabel(/^Activities:/);
    await slider.fill('5');
    await expect.poll(() => nodes.count(), SLOW).toBe(7);
    // The same paths as a table, for screen readers and for copying numbers.
    await page.getByText('The paths shown, as a table').click();
    expect(await page.locator('details table tbody tr').count()).toBe(
      await page.locator('.react-flow__edge').count(),
    );
    await shot('process-map-overlay');
  });

  it('shows the dashboard, filters the period and exports PNG and PDF', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await page.locator('[data-state="ready"]').waitFor({ timeout: 30_000 });
    const tiles = page.locator('[data-kpi]');
    expect(await tiles.count()).toBe(9);
    // The generated log thins out at its end: look at two busy months.
    const periodText = () => page.getByText(/, compared with /).textContent();
    const before = await periodText();
    await page.getByText('Custom…').click();
    await page.getByLabel('From').fill('2025-03-01');
    await page.getByLabel('To (included)').fill('2025-04-30');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect
      .poll(periodText, SLOW)
      .toBe('1 Mar 2025 – 30 Apr 2025, compared with 30 Dec 2024 – 28 Feb 2025');
    expect(before).not.toBe(await periodText());
    await page.locator('[data-state="ready"]').waitFor();
    const noShow = page.locator('[data-kpi="no-show-rate"]');
    expect(await noShow.textContent()).toMatch(/\d+(\.\d)?%/);
    expect(await noShow.textContent()).toMatch(/\d[\d,]* \/ \d[\d,]* events/);
    await page.locator('[data-sparkline="ready"]').first().waitFor();
    await shot('dashboard');

    await page.getByText('Last 12 weeks').click();
    await expect.poll(periodText, SLOW).toMatch(/^3 Jun 2025 – 25 Aug 2025, compared with /);
    expect(page.url()).toContain('period=12w');

    for (const [button, signature] of [
      ['Export PNG', '\x89PNG'],
      ['Export PDF', '%PDF-'],
    ] as const) {
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        page.getByRole('button', { name: button }).click(),
      ]);
      await download.saveAs(`/tmp/pathlight-evidence-export.${button.endsWith('PNG') ? 'png' : 'pdf'}`);
      const path = await download.path();
      const bytes = readFileSync(path);
      expect(bytes.subarray(0, signature.length).toString('latin1')).toBe(signature);
      // A PNG of the dashboard is large; the PDF is vector text and lines, a few kilobytes a page.
      expect(bytes.length).toBeGreaterThan(signature === '%PDF-' ? 3_000 : 10_000);
      expect(download.suggestedFilename()).toMatch(/^riverside-dental-dashboard\.(png|pdf)$/);
    }
  });

  it("shows a bad file's import error a person can act on", async () => {
    const bad = join(dir, 'bad-dates.csv');
    writeFileSync(
      bad,
      'case_id,activity,timestamp\nc1,Booked,2026-03-01 09:00\nc1,Attended,31/02/2026 25:99\nc2,Booked,someday\n',
    );
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data' }).click();
    await page.getByLabel('Event log file').setInputFiles(bad);
    await page.getByRole('heading', { name: 'Map the columns' }).waitFor();
    await page.getByLabel('Name of this data source').fill('Bad dates');
    await page.getByRole('button', { name: 'Start the import' }).click();
    const card = page.locator('li[data-status="failed"]', {
      has: page.getByRole('heading', { name: 'Bad dates' }),
    });
    await card.waitFor({ timeout: 60_000 });
    const error = await card.getByRole('alert').textContent();
    expect(error).toContain('The import stopped.');
    expect(error).toMatch(/bad-dates\.csv.*record \d+/i);
    expect(error).toMatch(/timestamp/i);
    await shot('data-failed');
  });

  it('deletes a source after saying how many events go with it', async () => {
    const card = page.locator('li', { has: page.getByRole('heading', { name: 'Bad dates' }) });
    await card.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.textContent()).toContain('This deletes 0 events from this workspace.');
    await dialog.getByRole('button', { name: 'Delete 0 events' }).click();
    await page.getByText('Deleted “Bad dates” and its events.').waitFor();
    expect(await page.getByRole('heading', { name: 'Bad dates' }).count()).toBe(0);
  });

  it('refreshes a source with a new file through the wizard', async () => {
    await page
      .getByLabel('New file for Scheduling, March')
      .setInputFiles(join(dir, 'march-scheduling-export.csv'));
    await page.getByRole('heading', { name: 'Refresh “Scheduling, March”' }).waitFor();
    await page.getByRole('button', { name: 'Replace the events' }).click();
    const card = page.locator('li[data-status="ready"]', {
      has: page.getByRole('heading', { name: 'Scheduling, March' }),
    });
    await page.getByText('“Scheduling, March” is ready.').waitFor({ timeout: 60_000 });
    expect(await card.locator('dt', { hasText: 'Events' }).locator('+ dd').textContent()).toBe(
      csvRows.toLocaleString('en-GB'),
    );
  });

  it('lets a viewer read the sources but not change them, with small counts hidden', async () => {
    const viewer = await h.createUser('Val Viewer', 'val@pathlight.test');
    const admin = await h.apiAs();
    await ok(
      admin.client.api.workspaces[':id'].members.$post({
        param: { id: workspaceId },
        json: { email: viewer.email, role: 'viewer' },
      }),
    );
    const context = await h.newContext();
    const vp = context.pages()[0] ?? (await context.newPage());
    await h.signIn(vp, viewer.email, viewer.password);
    await vp.goto(`${h.baseUrl}/w/${workspaceId}/data`);
    await vp.getByRole('heading', { name: 'Scheduling, March' }).waitFor();
    expect(await vp.getByRole('button', { name: 'Choose a file…' }).count()).toBe(0);
    expect(await vp.getByRole('button', { name: 'Rename' }).count()).toBe(0);
    await vp.goto(`${h.baseUrl}/w/${workspaceId}/dashboard?journey=${journeyId}`);
    await vp.locator('[data-state="ready"]').waitFor({ timeout: 30_000 });
    await vp.getByText('Counts from 1 to 10 are shown as <11.').waitFor();
    await vp.screenshot({ path: '/tmp/pathlight-evidence-dashboard-viewer.png' });
  });
});
