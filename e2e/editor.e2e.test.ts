/// <reference lib="dom" />
/**
 * The map editor end to end, in real Chromium against the real server and built web app:
 * template → edit (stage, step, card, evidence, drag, emotion) → undo/redo → reload → conflict and
 * merge → keyboard (Tab to Export, Escape closes the card panel) → viewer read-only → PNG and PDF export.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, type Harness, ok, startHarness } from './harness';

let h: Harness;
let workspaceId = '';
let journeyUrl = '';
let viewer: { email: string; password: string };

beforeAll(async () => {
  h = await startHarness();
  const admin = await h.apiAs();
  const ws = await ok(admin.client.api.workspaces.$post({ json: { name: 'Editor E2E Dental' } }));
  workspaceId = ws.id;
  viewer = await h.createUser('Vera Viewer', 'vera.viewer@pathlight.test');
  await ok(
    admin.client.api.workspaces[':id'].members.$post({
      param: { id: ws.id },
      json: { email: viewer.email, role: 'viewer' },
    }),
  );
});

afterAll(async () => {
  await h?.close();
});

const grid = (page: Page) => page.getByTestId('map-grid');

async function saved(page: Page) {
  await expect
    .poll(() => page.getByTestId('save-status').textContent(), { timeout: 15_000 })
    .toContain('Saved');
}

/** The column (step) and row (lane) ids of the map, read from the DOM. */
async function cellOf(page: Page, laneName: string, stepName: string) {
  const laneId = await page
    .locator('[data-testid^="lane-"]')
    .filter({ has: page.getByRole('rowheader').filter({ hasText: laneName }) })
    .first()
    .getAttribute('data-testid');
  const stepId = await page
    .locator('[data-testid^="step-"]')
    .filter({ hasText: stepName })
    .first()
    .getAttribute('data-testid');
  return page.getByTestId(`cell-${laneId!.slice('lane-'.length)}-${stepId!.slice('step-'.length)}`);
}

describe('journey map editor', () => {
  it('creates from the dental template, edits, undoes, and keeps everything after a reload', async () => {
    const { page } = h;
    await h.signIn(page, ADMIN.email, ADMIN.password);
    await page.goto(`${h.baseUrl}/w/${workspaceId}/journeys`);
    await page
      .getByRole('button', { name: /New from template|Browse templates/ })
      .first()
      .click();
    await page.locator('input[type="radio"][value="dental-practice"]').check();
    await page.getByLabel('Name of your new journey').fill('E2E dental map');
    await page.getByRole('button', { name: 'Use this template' }).click();
    await grid(page).waitFor();
    journeyUrl = page.url();
    const cardsBefore = await page.getByTestId('card').count();
    expect(cardsBefore).toBeGreaterThan(5);

    // add a stage (it comes with a first step), name it inline
    await page.getByTestId('add-stage').click();
    await page.getByLabel('Stage name').fill('Aftercare');
    await page.getByLabel('Stage name').press('Enter');
    await expect
      .poll(() =>
        grid(page)
          .getByRole('columnheader', { name: /Aftercare/ })
          .count(),
      )
      .toBe(1);

    // add a step to it from the stage menu
    await grid(page).getByRole('button', { name: 'Stage options: Aftercare' }).click();
    await page.getByRole('menuitem', { name: 'Add step' }).click();
    await page.getByLabel('Step name').fill('Follow-up call');
    await page.getByLabel('Step name').press('Enter');
    await grid(page).getByText('Follow-up call', { exact: true }).waitFor();

    // add a card to the first lane of the new step
    const firstLane = (await page.getByRole('rowheader').first().locator('.pl-lane__name').textContent())!;
    const target = await cellOf(page, firstLane, 'Follow-up call');
    await target.getByRole('button', { name: /Add card/ }).click();
    await target.getByRole('textbox').fill('Calls to check on healing');
    await target.getByRole('textbox').press('Enter');
    const card = grid(page).getByTestId('card').filter({ hasText: 'Calls to check on healing' });
    await expect.poll(() => card.count()).toBe(1);
    await expect.poll(() => card.getByTestId('evidence-badge').textContent()).toBe('Assumed');

    // set evidence in the side panel
    await card.click();
    const panel = page.getByTestId('card-panel');
    await panel.getByRole('button', { name: '+ Add evidence' }).click();
    await panel.getByLabel('Evidence 1 source').fill('Post-op call log, May');
    await panel.getByLabel('Evidence 1 confidence').selectOption('observed');
    await expect.poll(() => card.getByTestId('evidence-badge').textContent()).toBe('Observed');
    await panel.getByRole('button', { name: 'Close' }).click();

    // drag the card to the neighbouring step's cell (the stage's first step, "New step")
    const drop = await cellOf(page, firstLane, 'New step');
    await card.dragTo(drop);
    await expect.poll(() => drop.getByText('Calls to check on healing').count()).toBe(1);
    expect(await target.getByText('Calls to check on healing').count()).toBe(0);

    // set an emotion point: click the emotions lane near the top (+2) in the new step's column
    const hit = page.getByTestId('emotion-hit');
    const hitBox = (await hit.boundingBox())!;
    const stepBox = (await grid(page)
      .locator('[data-testid^="step-"]')
      .filter({ hasText: 'Follow-up call' })
      .boundingBox())!;
    await hit.click({ position: { x: stepBox.x + stepBox.width / 2 - hitBox.x, y: 20 } });
    const newPoint = page.getByRole('slider', { name: /at Follow-up call/ });
    await expect.poll(() => newPoint.getAttribute('aria-valuenow')).toBe('2');

    // drag the point down to −1 (one undo step however many moves), then undo and redo
    const svgBox = (await page.getByTestId('emotion-curve').boundingBox())!;
    const px = stepBox.x + stepBox.width / 2;
    const yOf = (score: number) => svgBox.y + 18 + ((2 - score) / 4) * (svgBox.height - 36);
    await page.mouse.move(px, yOf(2));
    await page.mouse.down();
    for (const score of [1.4, 0.6, -0.2, -1]) await page.mouse.move(px, yOf(score), { steps: 2 });
    await page.mouse.up();
    await expect.poll(() => newPoint.getAttribute('aria-valuenow')).toBe('-1');

    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => newPoint.getAttribute('aria-valuenow')).toBe('2');
    await page.keyboard.press('Control+z');
    await expect.poll(() => newPoint.count()).toBe(0);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => newPoint.getAttribute('aria-valuenow')).toBe('2');

    await saved(page);
    const journeyId = journeyUrl.split('/').pop()!;
    const stored = await ok((await h.apiAs()).client.api.journeys[':id'].$get({ param: { id: journeyId } }));
    expect(stored.document.stages.map((s) => s.name)).toContain('Aftercare');
    await page.reload();
    await grid(page).waitFor();
    await grid(page).getByText('Aftercare', { exact: true }).waitFor();
    await grid(page).getByText('Follow-up call', { exact: true }).waitFor();
    const again = (await cellOf(page, firstLane, 'New step'))
      .getByTestId('card')
      .filter({ hasText: 'Calls to check on healing' });
    expect(await again.getByTestId('evidence-badge').textContent()).toBe('Observed');
    expect(await page.getByRole('slider', { name: /at Follow-up call/ }).getAttribute('aria-valuenow')).toBe(
      '2',
    );
  });

  it('a second browser saving a stale version merges: their other change kept, the stage both renamed chosen', async () => {
    const { page } = h;
    const other = await h.newContext();
    const page2 = other.pages()[0] ?? (await other.newPage());
    await h.signIn(page2, ADMIN.email, ADMIN.password);
    await page2.goto(journeyUrl);
    await grid(page2).waitFor();
    await page.goto(journeyUrl);
    await grid(page).waitFor();

    // first browser renames a stage and a step, and saves
    await grid(page).getByRole('button', { name: 'Stage options: Aftercare' }).click();
    await page.getByRole('menuitem', { name: 'Rename stage' }).click();
    await page.getByLabel('Stage name').fill('Aftercare and recall');
    await page.getByLabel('Stage name').press('Enter');
    await grid(page).getByRole('button', { name: 'Step options: Follow-up call' }).click();
    await page.getByRole('menuitem', { name: 'Rename step' }).click();
    await page.getByLabel('Step name').fill('Follow-up phone call');
    await page.getByLabel('Step name').press('Enter');
    await saved(page);

    // second browser, still on the old version, renames the same stage and tries to save
    await grid(page2).getByRole('button', { name: 'Stage options: Aftercare' }).click();
    await page2.getByRole('menuitem', { name: 'Rename stage' }).click();
    await page2.getByLabel('Stage name').fill('Healing');
    await page2.getByLabel('Stage name').press('Enter');
    const dialog = page2.getByTestId('conflict-dialog');
    await dialog.waitFor({ timeout: 15_000 });
    expect(await page2.getByTestId('save-status').textContent()).toContain('Not saved');
    // who saved, by name (from the workspace members), never a raw user id
    await expect
      .poll(() => dialog.getByTestId('conflict-who').textContent())
      .toMatch(/^Administrator saved a newer version at /);
    // their step rename merges on its own; the stage both renamed is shown side by side
    await dialog.getByText(/What merges on its own/).click();
    expect(await dialog.getByTestId('merge-auto').allTextContents()).toContain(
      'Step Follow-up phone call: they changed',
    );
    const conflict = dialog.getByTestId('merge-conflict');
    expect(await conflict.count()).toBe(1);
    const mine = conflict.getByRole('radio', { name: /Keep mine/ });
    const theirs = conflict.getByRole('radio', { name: /Keep theirs/ });
    // side by side: mine first, then theirs
    const [mySide, theirSide] = await conflict.locator('.pl-merge__side').allTextContents();
    expect(mySide).toContain('Keep mine');
    expect(mySide).toContain('Healing');
    expect(theirSide).toContain('Keep theirs');
    expect(theirSide).toContain('Aftercare and recall');
    expect(await theirs.isChecked()).toBe(false);
    expect(await dialog.getByTestId('save-merged').isDisabled()).toBe(true);
    await mine.check();
    await dialog.getByTestId('save-merged').click();
    await dialog.waitFor({ state: 'detached' });
    await saved(page2);
    await grid(page2)
      .getByRole('columnheader', { name: /Healing/ })
      .first()
      .waitFor();
    await grid(page2).getByText('Follow-up phone call', { exact: true }).waitFor();

    // stored as one new version with both changes; the first browser sees them after a reload
    const journeyId = journeyUrl.split('/').pop()!;
    const stored = await ok((await h.apiAs()).client.api.journeys[':id'].$get({ param: { id: journeyId } }));
    const stage = stored.document.stages.find((s) => s.name === 'Healing');
    expect(stage?.steps.map((t) => t.name)).toContain('Follow-up phone call');
    expect(stored.document.stages.some((s) => s.name === 'Aftercare and recall')).toBe(false);
    await page.reload();
    await grid(page).getByText('Follow-up phone call', { exact: true }).waitFor();
    await other.close();
  });

  it('reaches Export with Tab and opens it from the keyboard; Escape closes the card panel', async () => {
    const { page } = h;
    await page.goto(journeyUrl);
    await grid(page).waitFor();
    // Tab from the top of the page until Export has focus (every toolbar control is a stop).
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    let reached = false;
    for (let i = 0; i < 60 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.getByTestId('export-menu').evaluate((el) => el === document.activeElement);
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu', { name: 'Export the map' });
    await menu.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('PNG image');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('SVG image');
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    expect(await page.getByTestId('export-menu').evaluate((el) => el === document.activeElement)).toBe(true);

    // open a card's panel from the keyboard, then close it with Escape: focus goes back to the card
    const card = grid(page).getByTestId('card').first();
    await card.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByTestId('card-panel');
    await panel.waitFor();
    await expect.poll(() => panel.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect(await card.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('a viewer cannot edit but can export PNG and PDF', async () => {
    const context = await h.newContext();
    const page = context.pages()[0] ?? (await context.newPage());
    await h.signIn(page, viewer.email, viewer.password);
    await page.goto(journeyUrl);
    await grid(page).waitFor();
    expect(await page.getByTestId('add-stage').count()).toBe(0);
    expect(await page.getByRole('button', { name: /Add card/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Stage options/ }).count()).toBe(0);
    expect(await page.locator('[draggable="true"]').count()).toBe(0);
    expect(await page.getByTestId('save-status').textContent()).toBe('View only');
    // the card panel opens read-only
    await grid(page).getByTestId('card').first().click();
    expect(await page.getByTestId('card-panel').locator('textarea, input, select').count()).toBe(0);

    const exportAs = async (item: string) => {
      await page.getByTestId('export-menu').click();
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        page.getByRole('menuitem', { name: item }).click(),
      ]);
      return readFileSync((await download.path())!);
    };
    const png = await exportAs('PNG image');
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.length).toBeGreaterThan(20_000);
    const pdf = await exportAs('PDF poster, A3 landscape');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);
    await context.close();
  });
});
