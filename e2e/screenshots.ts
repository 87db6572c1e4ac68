/**
 * Screenshots of every app-shell screen at 1280×800 and 1920×1080, for looking at the UI:
 * `node --import tsx e2e/screenshots.ts [outDir]` (default /tmp/pathlight-shots).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ADMIN, ok, startHarness } from './harness';

const out = process.argv[2] ?? '/tmp/pathlight-shots';
mkdirSync(out, { recursive: true });
const sizes = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
];

async function shoot(page: Page, name: string, prepare?: () => Promise<void>) {
  for (const size of sizes) {
    await page.setViewportSize(size);
    if (prepare) await prepare();
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(out, `${name}-${size.width}x${size.height}.png`) });
  }
}

const h = await startHarness();
try {
  const { page, baseUrl } = h;
  const admin = await h.apiAs();
  const api = admin.client.api;
  const ws = await ok(api.workspaces.$post({ json: { name: 'Riverside Family Practice' } }));
  const empty = await ok(api.workspaces.$post({ json: { name: 'Northside Dental' } }));
  const dental = await ok(
    api.workspaces[':id'].journeys.$post({
      param: { id: ws.id },
      json: { templateId: 'dental-practice', name: 'Dental: lead to recall' },
    }),
  );
  await ok(
    api.workspaces[':id'].journeys.$post({
      param: { id: ws.id },
      json: { templateId: 'clinic-new-patient' },
    }),
  );
  await ok(
    api.workspaces[':id'].journeys.$post({
      param: { id: ws.id },
      json: { templateId: 'specialty-referral' },
    }),
  );
  await ok(
    api.workspaces[':id'].journeys.$post({ param: { id: ws.id }, json: { name: 'Front desk phone triage' } }),
  );
  const overdue = {
    ...dental.document,
    lastReviewedAt: '2026-01-05',
    reviewCadenceDays: 60,
    status: 'live' as const,
  };
  await ok(
    api.journeys[':id'].$put({
      param: { id: dental.id },
      header: { 'if-match': `"${dental.version}"` },
      json: { document: overdue },
    }),
  );
  const editor = await h.createUser('Priya Example', 'priya@pathlight.test');
  const viewer = await h.createUser('Victor Sample', 'victor@pathlight.test');
  await ok(
    api.workspaces[':id'].members.$post({
      param: { id: ws.id },
      json: { email: editor.email, role: 'editor' },
    }),
  );
  await ok(
    api.workspaces[':id'].members.$post({
      param: { id: ws.id },
      json: { email: viewer.email, role: 'viewer' },
    }),
  );

  await page.goto(baseUrl);
  await shoot(page, '01-sign-in');
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').waitFor();
  await shoot(page, '02-sign-in-error');
  await h.signIn(page, ADMIN.email, ADMIN.password);

  await page.goto(`${baseUrl}/w/${empty.id}/journeys`);
  await page.getByRole('heading', { name: 'Map your first patient journey' }).waitFor();
  await shoot(page, '03-journeys-empty');

  await page.goto(`${baseUrl}/w/${ws.id}/journeys`);
  await page.getByRole('table').waitFor();
  await shoot(page, '04-journeys-list');
  await shoot(page, '05-workspace-switcher', async () => {
    if ((await page.getByRole('list', { name: 'Your workspaces' }).count()) === 0)
      await page.getByRole('button', { name: /Workspace/ }).click();
  });
  await page.keyboard.press('Escape');
  await shoot(page, '06-row-actions', async () => {
    if ((await page.getByRole('menu').count()) === 0)
      await page.getByRole('button', { name: 'Actions for Dental: lead to recall' }).click();
  });
  await page.keyboard.press('Escape');

  await shoot(page, '06b-row-actions-last-row', async () => {
    if ((await page.getByRole('menu').count()) === 0)
      await page.getByRole('button', { name: /^Actions for Clinic/ }).click();
  });
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'New from template' }).click();
  await page.getByRole('region', { name: 'Template preview' }).getByRole('heading', { level: 3 }).waitFor();
  await page.getByRole('radio', { name: /Dental practice/ }).check();
  await page.waitForTimeout(300);
  await shoot(page, '07-template-picker');
  await page.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('link', { name: 'Dental: lead to recall' }).click();
  await page.getByRole('navigation', { name: 'Breadcrumb' }).waitFor();
  await page.waitForTimeout(1500);
  await shoot(page, '08-journey-page');

  await page.getByRole('link', { name: 'Personas' }).click();
  await page.getByRole('heading', { name: 'Personas', level: 1 }).waitFor();
  await shoot(page, '09-personas');
  await page.getByRole('button', { name: 'New persona' }).click();
  await page.getByRole('button', { name: '+ Add goal' }).click();
  await page.getByRole('button', { name: '+ Add evidence' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Create persona' }).click();
  await shoot(page, '10-persona-form-errors');
  await page
    .getByRole('group', { name: 'Evidence 1' })
    .getByLabel('Source')
    .fill('Front-desk call log, March');
  await shoot(page, '10b-persona-form-evidence', async () => {
    await page.getByRole('group', { name: 'Evidence 1' }).getByLabel('Source').scrollIntoViewIfNeeded();
  });
  await page.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('link', { name: 'Members' }).click();
  await page.getByRole('heading', { name: 'Members', level: 1 }).waitFor();
  await page.getByRole('table').waitFor();
  await shoot(page, '11-members');
  await page.getByLabel('Role of Administrator').selectOption('viewer');
  await page
    .getByRole('dialog', { name: 'Step down as owner?' })
    .getByRole('button', { name: 'Become viewer' })
    .click();
  await page.getByRole('alert').waitFor();
  await shoot(page, '12-members-last-owner');

  await page.getByRole('link', { name: 'Users' }).click();
  await page.getByRole('table').waitFor();
  await shoot(page, '13-users');

  const viewerContext = await h.newContext();
  const vpage = viewerContext.pages()[0] ?? (await viewerContext.newPage());
  await h.signIn(vpage, viewer.email, viewer.password);
  await vpage.getByRole('table').waitFor();
  await shoot(vpage, '14-viewer-journeys');
  await vpage.getByRole('link', { name: 'Dental: lead to recall' }).click();
  await vpage.getByRole('navigation', { name: 'Breadcrumb' }).waitFor();
  await vpage.waitForTimeout(1500);
  await shoot(vpage, '15-viewer-journey-page');
  const newcomer = await h.createUser('Nina Newcomer', 'nina@pathlight.test');
  const ncontext = await h.newContext();
  const npage = ncontext.pages()[0] ?? (await ncontext.newPage());
  await h.signIn(npage, newcomer.email, newcomer.password);
  await npage.getByRole('heading', { name: 'Welcome to Pathlight' }).waitFor();
  await shoot(npage, '16-welcome');
  await npage.getByRole('button', { name: 'Create a workspace' }).click();
  await npage.getByRole('button', { name: 'Create workspace' }).click();
  await shoot(npage, '17-create-workspace-error');

  await page.getByRole('link', { name: 'Journeys' }).click();
  await page.getByRole('button', { name: 'Blank journey' }).click();
  await shoot(page, '18-blank-journey');
  console.log(`screenshots in ${out}`);
} finally {
  await h.close();
}
