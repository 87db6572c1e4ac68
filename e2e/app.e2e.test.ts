import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, type Harness, ok, startHarness } from './harness';

/**
 * The app shell in real Chromium against the real server: sign-in, workspaces, journeys from
 * templates, list search/filter, duplicate/archive/delete, personas, members and the viewer role.
 * The steps build on each other, in order.
 */
let h: Harness;
let page: Page;

beforeAll(async () => {
  h = await startHarness();
  page = h.page;
});
afterAll(async () => {
  await h?.close();
});

const rowNames = async () => page.locator('tbody tr td:first-child a').allTextContents();

describe('app shell', () => {
  it('refuses a wrong password with a clear message, then signs in', async () => {
    await page.goto(h.baseUrl);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill('definitely not it');
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await page.getByRole('alert').textContent()).toBe(
      'That email and password do not match an active account. Check them and try again.',
    );
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Welcome to Pathlight' }).waitFor();
  });

  it('creates a workspace and lands on its empty journey list', async () => {
    await page.getByRole('button', { name: 'Create a workspace' }).click();
    await page.getByLabel('Workspace name').fill('Harbour Dental Group');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByRole('heading', { name: 'Map your first patient journey' }).waitFor();
    expect(await page.getByRole('button', { name: /Workspace/ }).textContent()).toContain(
      'Harbour Dental Group',
    );

    // A second workspace from the switcher, then back to the first.
    await page.getByRole('button', { name: /Workspace/ }).click();
    await page.getByRole('button', { name: '+ New workspace' }).click();
    await page.getByLabel('Workspace name').fill('Lakeside Clinic');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByText('Patient journey maps in Lakeside Clinic.').waitFor();
    await page.getByRole('button', { name: /Workspace/ }).click();
    await page
      .getByRole('list', { name: 'Your workspaces' })
      .getByRole('button', { name: /Harbour Dental Group/ })
      .click();
    await page.getByText('Patient journey maps in Harbour Dental Group.').waitFor();
  });

  it('creates a journey from the dental template through its preview', async () => {
    await page.getByRole('button', { name: 'Browse templates' }).click();
    await page.getByRole('radio', { name: /Dental practice/ }).check();
    const preview = page.getByRole('region', { name: 'Template preview' });
    await preview.getByRole('heading', { name: /Dental practice/ }).waitFor();
    expect(await preview.getByText('Recall', { exact: true }).count()).toBeGreaterThan(0);
    await page.getByLabel('Name of your new journey').fill('Emergency patient to recall');
    await page.getByRole('button', { name: 'Use this template' }).click();
    await page
      .getByRole('navigation', { name: 'Breadcrumb' })
      .getByText('Emergency patient to recall')
      .waitFor();
    expect(page.url()).toMatch(/\/w\/[0-9a-f-]+\/journeys\/[0-9a-f-]+$/);
    await page.getByRole('link', { name: '← Journeys' }).click();
    await page.getByRole('table').waitFor();
    await expect.poll(rowNames).toEqual(['Emergency patient to recall']);
  });

  it('searches and filters the list', async () => {
    await page.getByRole('button', { name: 'Blank journey' }).click();
    await page.getByLabel('Journey name').fill('Phone triage at the front desk');
    await page.getByRole('button', { name: 'Create and open' }).click();
    await page.getByRole('navigation', { name: 'Breadcrumb' }).waitFor();
    await page.getByRole('link', { name: '← Journeys' }).click();
    await page.getByRole('table').waitFor();
    await expect
      .poll(async () => (await rowNames()).sort())
      .toEqual(['Emergency patient to recall', 'Phone triage at the front desk']);

    await page.getByLabel('Search').fill('recall');
    await expect.poll(rowNames).toEqual(['Emergency patient to recall']);
    await page.getByLabel('Search').fill('dental'); // a tag of the template journey
    await expect.poll(rowNames).toEqual(['Emergency patient to recall']);
    await page.getByLabel('Search').fill('');
    const personaOptions = await page.getByLabel('Persona').locator('option').allTextContents();
    expect(personaOptions.length).toBeGreaterThan(1); // the template's personas joined the library
    await page.getByLabel('Persona').selectOption({ label: personaOptions[1] as string });
    await expect.poll(rowNames).toEqual(['Emergency patient to recall']);
    await page.getByLabel('Persona').selectOption('');
    await page.getByLabel('Status').selectOption('live');
    await page.getByText('No journeys match these filters.').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expect.poll(rowNames).toHaveLength(2);
  });

  it('duplicates, archives and deletes (after confirmation)', async () => {
    await page.getByRole('button', { name: 'Actions for Emergency patient to recall' }).click();
    await page.getByRole('menuitem', { name: 'Duplicate' }).click();
    await page.getByText('Made a copy: “Emergency patient to recall (copy)”.').waitFor();
    await page.getByRole('link', { name: 'Emergency patient to recall (copy)' }).waitFor();

    await page.getByRole('button', { name: 'Actions for Emergency patient to recall (copy)' }).click();
    await page.getByRole('menuitem', { name: 'Archive' }).click();
    await page.getByText(/Archived “Emergency patient to recall \(copy\)”/).waitFor();
    await page
      .getByRole('link', { name: 'Emergency patient to recall (copy)' })
      .waitFor({ state: 'detached' });
    await page.getByLabel('Status').selectOption('archived');
    await expect.poll(rowNames).toEqual(['Emergency patient to recall (copy)']);
    await page.locator('tbody tr').first().getByText('Archived', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Actions for Emergency patient to recall (copy)' }).click();
    await page.getByRole('menuitem', { name: 'Delete…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this journey?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(rowNames).toEqual(['Emergency patient to recall (copy)']);
    await page.getByRole('button', { name: 'Actions for Emergency patient to recall (copy)' }).click();
    await page.getByRole('menuitem', { name: 'Delete…' }).click();
    await dialog.getByRole('button', { name: 'Delete journey' }).click();
    await page.getByText('Deleted “Emergency patient to recall (copy)”.').waitFor();
    await page.getByText('No journeys match these filters.').waitFor();
    await page.getByLabel('Status').selectOption('all');
    await expect
      .poll(async () => (await rowNames()).sort())
      .toEqual(['Emergency patient to recall', 'Phone triage at the front desk']);
  });

  it('imports a journey export (JSON) and opens it; a non-JSON file gets a clear message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pathlight-e2e-import-'));
    try {
      const admin = await h.apiAs();
      const list = await ok(admin.client.api.workspaces.$get());
      const ws = list.find((w) => w.name === 'Harbour Dental Group');
      const journeys = await ok(
        admin.client.api.workspaces[':id'].journeys.$get({ param: { id: ws?.id ?? '' } }),
      );
      const source = journeys.find((j) => j.name === 'Phone triage at the front desk');
      const exported = await ok(
        admin.client.api.journeys[':id'].export.$get({ param: { id: source?.id ?? '' } }),
      );
      const file = join(dir, 'triage.pathlight.json');
      writeFileSync(
        file,
        JSON.stringify({ ...exported, journey: { ...exported.journey, name: 'Imported triage' } }),
      );
      const notJson = join(dir, 'notes.json');
      writeFileSync(notJson, 'this is not json');

      await page.getByLabel('Import a journey JSON file').setInputFiles(notJson);
      await page.getByText(/“notes.json” is not a JSON file/).waitFor();
      await page.getByLabel('Import a journey JSON file').setInputFiles(file);
      await page.getByRole('navigation', { name: 'Breadcrumb' }).getByText('Imported triage').waitFor();
      await page.getByRole('link', { name: '← Journeys' }).click();
      await page.getByRole('link', { name: 'Imported triage' }).waitFor();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('creates and edits a persona', async () => {
    await page.getByRole('link', { name: 'Personas' }).click();
    await page.getByRole('button', { name: 'New persona' }).click();
    const dialog = page.getByRole('dialog', { name: 'New persona' });
    await dialog.getByRole('button', { name: 'Create persona' }).click();
    await dialog.getByText('Name: must not be empty').waitFor();
    await dialog.getByLabel('Name', { exact: true }).fill('Night-shift nurse');
    await dialog.getByLabel('Kind').selectOption('clinician');
    await dialog.getByRole('button', { name: '+ Add goal' }).click();
    await dialog.getByLabel('Goals 1').fill('Book without calling during the day');
    await dialog.getByLabel('SMS').check();
    await dialog.getByRole('button', { name: '+ Add evidence' }).click();
    await dialog.getByRole('group', { name: 'Evidence 1' }).getByLabel('Source').fill('3 staff interviews');
    await dialog.getByRole('button', { name: 'Create persona' }).click();
    await page.getByText('Added “Night-shift nurse” to the library.').waitFor();
    const card = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Night-shift nurse' }) });
    await card.getByText('Clinician', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Edit Night-shift nurse' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit Night-shift nurse' });
    await edit.getByLabel('Quote').fill('I only get a break at 3 am.');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved “Night-shift nurse”.').waitFor();
    await card.getByText('“I only get a break at 3 am.”').waitFor();
  });

  it('creates an account, adds it as a viewer, who then sees no edit controls anywhere', async () => {
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Password: use at least 12 characters').waitFor();
    await page.getByLabel('Full name').fill('Vera Viewer');
    await page.getByLabel('Email').fill('vera.viewer@pathlight.test');
    await page.getByLabel('Password').fill('vera-viewer-password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText(/Created an account for Vera Viewer/).waitFor();
    const viewer = { email: 'vera.viewer@pathlight.test', password: 'vera-viewer-password' };

    await page.getByRole('link', { name: 'Members' }).click();
    await page.getByLabel('Email').fill('nobody@pathlight.test');
    await page.getByRole('button', { name: 'Add member' }).click();
    await page.getByText(/Email: no account with this e-mail/).waitFor();
    await page.getByLabel('Email').fill(viewer.email);
    await page.getByLabel('Role', { exact: true }).selectOption('viewer');
    await page.getByRole('button', { name: 'Add member' }).click();
    await page.getByText('Added Vera Viewer as viewer.').waitFor();
    expect(await page.getByLabel('Role of Vera Viewer').inputValue()).toBe('viewer');
    await page.getByLabel('Role of Administrator').selectOption('viewer');
    await page
      .getByRole('dialog', { name: 'Step down as owner?' })
      .getByRole('button', { name: 'Become viewer' })
      .click();
    await page.getByText(/A workspace must always keep at least one owner/).waitFor();
    expect(await page.getByLabel('Role of Administrator').inputValue()).toBe('owner');

    const other = await h.newContext();
    const vpage = other.pages()[0] ?? (await other.newPage());
    await h.signIn(vpage, viewer.email, viewer.password);
    await vpage.getByRole('table').waitFor();
    expect(
      await vpage
        .getByRole('button', { name: /New from template|Blank journey|Import JSON|Actions for/ })
        .count(),
    ).toBe(0);
    expect(await vpage.getByRole('link', { name: 'Members' }).count()).toBe(0);
    await vpage.getByRole('link', { name: 'Emergency patient to recall' }).click();
    await vpage.getByRole('note').getByText('Read only — you are a viewer in this workspace').waitFor();
    await vpage.getByRole('link', { name: 'Personas' }).click();
    await vpage.getByRole('heading', { name: 'Night-shift nurse' }).waitFor();
    expect(await vpage.getByRole('button', { name: /New persona|Edit|Delete/ }).count()).toBe(0);

    // Disabling the account ends the viewer's session: the next request takes them to sign-in.
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('button', { name: 'Disable Vera Viewer' }).click();
    await page.getByText('Vera Viewer can no longer sign in.').waitFor();
    await vpage.getByRole('link', { name: 'Journeys' }).click();
    await vpage.getByText('Your session ended. Please sign in again.').waitFor();
    await page.getByRole('button', { name: 'Enable Vera Viewer' }).click();
    await page.getByText('Vera Viewer can sign in again.').waitFor();
    await other.close();
  });

  it('signs out from the user menu', async () => {
    await page.getByRole('button', { name: /Administrator/ }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.goto(`${h.baseUrl}/users`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  });

  it('after too many failed attempts, says how long to wait', async () => {
    await page.getByLabel('Email').fill('ghost@pathlight.test');
    const alert = page.getByRole('alert');
    let text = '';
    for (let attempt = 1; attempt <= 12 && !text.startsWith('Too many'); attempt++) {
      await page.getByLabel('Password').fill(`wrong-${attempt}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect
        .poll(
          async () =>
            (await alert.count()) > 0 && (await page.getByRole('button', { name: 'Sign in' }).isEnabled()),
        )
        .toBe(true);
      text = (await alert.textContent()) ?? '';
    }
    // Five wrong passwords for one account lock it for a minute (the per-address window is 15 minutes).
    expect(text).toMatch(/^Too many attempts\. Try again in (1 minute|1[45] minutes)\.$/);
  });
});
