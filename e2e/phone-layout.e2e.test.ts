/// <reference lib="dom" />
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, type Harness, ok, startHarness } from './harness';

/**
 * The app on a laptop (1280×800) and a phone (390×844) in real Chromium: the journey list and the
 * process map of a generated clinic log have no sideways scroll, the navigation folds into a Menu
 * button on the phone, and a dense process map (about 115 paths) fits its box at both widths.
 * Screenshots go to /tmp/pathlight-phone-*.png.
 */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SLOW = { timeout: 60_000 };
const LAPTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
let h: Harness;
let page: Page;
let dir: string;
let workspaceId: string;

const shot = (name: string) => page.screenshot({ path: `/tmp/pathlight-phone-${name}.png`, fullPage: true });

/** The page scrolls sideways when the document is wider than the window. */
const sidewaysScroll = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** Every activity box lies inside the map's box (give or take a pixel). */
async function mapFits(): Promise<{ nodes: number; outside: number; canvas: { width: number } }> {
  return page.evaluate(() => {
    const canvas = document.querySelector('[aria-busy]')?.getBoundingClientRect();
    const nodes = [...document.querySelectorAll('.react-flow__node')].map((n) => n.getBoundingClientRect());
    if (!canvas) return { nodes: 0, outside: -1, canvas: { width: 0 } };
    const outside = nodes.filter(
      (r) =>
        r.left < canvas.left - 1 ||
        r.right > canvas.right + 1 ||
        r.top < canvas.top - 1 ||
        r.bottom > canvas.bottom + 1,
    ).length;
    return { nodes: nodes.length, outside, canvas: { width: canvas.width } };
  });
}

const nodeCount = () => page.locator('.react-flow__node').count();

/** Opens the process map with every activity and about 115 paths (or all there are). */
async function openDenseMap(): Promise<number> {
  await page.goto(`${h.baseUrl}/w/${workspaceId}/process-map`);
  await page.locator('[data-state="ready"]').waitFor(SLOW);
  const acts = page.getByLabel(/^Activities/);
  const max = Number(await acts.getAttribute('max'));
  await acts.fill(String(max));
  const paths = page.getByLabel(/^Paths/);
  await paths.fill(String(Math.min(115, Number(await paths.getAttribute('max')))));
  await expect.poll(nodeCount, SLOW).toBe(max + 2);
  return max;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pathlight-phone-e2e-'));
  const csv = join(dir, 'clinic.csv');
  const gen = spawnSync(
    process.execPath,
    [
      join(ROOT, 'packages/cli/bin/pathlight.mjs'),
      'generate',
      '--patients',
      '1500',
      '--seed',
      '11',
      '--out',
      csv,
    ],
    { encoding: 'utf8', cwd: ROOT },
  );
  if (gen.status !== 0) throw new Error(`pathlight generate failed: ${gen.stderr}`);

  h = await startHarness();
  page = h.page;
  const api = (await h.apiAs()).client.api;
  const ws = await ok(api.workspaces.$post({ json: { name: 'Harbour Dental & Family Medicine Group' } }));
  workspaceId = ws.id;
  for (const templateId of ['dental-practice', 'clinic-new-patient', 'specialty-referral'])
    await ok(api.workspaces[':id'].journeys.$post({ param: { id: ws.id }, json: { templateId } }));
  const uploaded = await api.workspaces[':id'].uploads.$post(
    { param: { id: ws.id }, header: { 'x-filename': 'clinic.csv' } },
    { init: { body: readFileSync(csv, 'utf8') } },
  );
  if (uploaded.status !== 201) throw new Error(`upload failed: ${uploaded.status}`);
  const { job } = await ok(
    api.workspaces[':id'].sources.$post({
      param: { id: ws.id },
      json: { uploadId: (await uploaded.json()).uploadId, name: 'Clinic export' },
    }),
  );
  const deadline = Date.now() + 120_000;
  for (;;) {
    const status = (await ok(api.jobs[':id'].$get({ param: { id: job.id } }))).status;
    if (status === 'succeeded') break;
    if (status === 'failed' || Date.now() > deadline) throw new Error(`import job ended ${status}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  await page.setViewportSize(LAPTOP);
  await h.signIn(page, ADMIN.email, ADMIN.password);
});
afterAll(async () => {
  await h?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('on a laptop (1280 px)', () => {
  it('shows the journey list as a table with the navigation beside it, no sideways scroll', async () => {
    await page.goto(`${h.baseUrl}/w/${workspaceId}/journeys`);
    await page.getByRole('table').waitFor();
    expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(true);
    expect(await page.locator('thead').isVisible()).toBe(true);
    expect(await sidewaysScroll()).toBeLessThanOrEqual(0);
    await shot('journeys-1280');
  });

  it('fits a dense process map in its box; zooms from the keyboard; Fit brings it all back', async () => {
    await openDenseMap();
    const paths = await page.getByText(/^Paths:/).textContent();
    expect(Number(/Paths: (\d+)/.exec(paths ?? '')?.[1])).toBeGreaterThanOrEqual(100);
    await expect.poll(async () => (await mapFits()).outside, SLOW).toBe(0);
    expect(await sidewaysScroll()).toBeLessThanOrEqual(0);
    await shot('process-map-1280');

    const zoom = () => page.getByLabel('Zoom level').textContent();
    const fitted = await zoom();
    await page.getByRole('application', { name: 'Process map' }).focus();
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    await expect.poll(zoom).not.toBe(fitted);
    expect((await mapFits()).outside).toBeGreaterThan(0);
    await page.keyboard.press('ArrowLeft');
    await page.getByRole('button', { name: 'Fit' }).click();
    await expect.poll(zoom).toBe(fitted);
    expect((await mapFits()).outside).toBe(0);
  });
});

describe('on a phone (390 px)', () => {
  it('refits the open process map to the narrower box', async () => {
    await page.setViewportSize(PHONE);
    await expect.poll(async () => (await mapFits()).outside, SLOW).toBe(0);
    const { canvas } = await mapFits();
    expect(canvas.width).toBeGreaterThan(PHONE.width * 0.9);
    expect(await sidewaysScroll()).toBeLessThanOrEqual(0);
  });

  it('folds the navigation into a Menu button: opens, Escape closes with focus back, a link closes it', async () => {
    await page.goto(`${h.baseUrl}/w/${workspaceId}/journeys`);
    const menu = page.getByRole('button', { name: 'Menu' });
    const nav = page.getByRole('navigation', { name: 'Main' });
    await menu.waitFor();
    expect(await nav.isVisible()).toBe(false);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');

    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await nav.waitFor();
    await shot('menu-390');
    await page.keyboard.press('Escape');
    expect(await nav.isVisible()).toBe(false);
    expect(await menu.evaluate((el) => el === document.activeElement)).toBe(true);

    await menu.click();
    await nav.getByRole('link', { name: 'Personas' }).click();
    await page.getByRole('heading', { name: 'Personas', level: 1 }).waitFor();
    expect(await nav.isVisible()).toBe(false);
    expect(await sidewaysScroll()).toBeLessThanOrEqual(0);
  });

  it('shows journeys as cards with name, status, owner and actions in reach; dialogs fit the screen', async () => {
    await page.goto(`${h.baseUrl}/w/${workspaceId}/journeys`);
    const first = page.locator('tbody tr').first();
    await first.waitFor();
    // the column headings are there for screen readers only; each fact carries its own label
    expect((await page.locator('thead').boundingBox())?.height).toBeLessThanOrEqual(1);
    for (const part of [
      first.locator('td').first().getByRole('link'),
      first.locator('td[data-label="Status"]'),
      first.locator('td[data-label="Owner"]'),
      first.getByRole('button', { name: /^Actions for/ }),
    ]) {
      const box = await part.boundingBox();
      expect(box).not.toBeNull();
      expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= PHONE.width).toBe(true);
    }
    expect(await first.locator('td[data-label="Owner"]').textContent()).toContain(ADMIN.name);
    expect(await sidewaysScroll()).toBeLessThanOrEqual(0);
    await shot('journeys-390');

    // The menu closes when the page scrolls (it is fixed to the viewport): bring the button into view first.
    const open = first.getByRole('button', { name: /^Actions for/ });
    await open.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await open.click();
    const actions = await page.getByRole('menu').boundingBox();
    expect((actions?.x ?? -1) >= 0 && (actions?.x ?? 0) + (actions?.width ?? 0) <= PHONE.width).toBe(true);
    await page.keyboard.press('Escape');

    for (const [button, title] of [
      ['New from template', /template/i],
      ['Blank journey', /journey/i],
    ] as const) {
      await page.getByRole('button', { name: button }).click();
      const dialog = page.getByRole('dialog', { name: title });
      await dialog.waitFor();
      const box = await dialog.boundingBox();
      expect(box && box.x >= 0 && box.y >= 0).toBe(true);
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(PHONE.width);
      expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(PHONE.height);
      expect(await sidewaysScroll()).toBeLessThanOrEqual(0);
      await shot(`dialog-${button.split(' ')[0]?.toLowerCase()}-390`);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    }
  });

  it('shows the dense process map the full width, fitted, with the controls and the paths list below', async () => {
    await openDenseMap();
    await expect.poll(async () => (await mapFits()).outside, SLOW).toBe(0);
    expect((await mapFits()).canvas.width).toBeGreaterThan(PHONE.width * 0.9);
    const canvas = await page.locator('[aria-busy]').boundingBox();
    const side = await page.getByRole('complementary', { name: 'Variants and legend' }).boundingBox();
    expect((side?.y ?? 0) >= (canvas?.y ?? 0) + (canvas?.height ?? 0)).toBe(true);
    expect(await page.getByRole('button', { name: 'Fit' }).isVisible()).toBe(true);
    expect(await sidewaysScroll()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: '/tmp/pathlight-phone-process-map-390.png' });
    await shot('process-map-390-full');
  });
});
