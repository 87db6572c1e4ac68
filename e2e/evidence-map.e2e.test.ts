/**
 * Evidence on the map, end to end in real Chromium against the real server: a CSV uploaded through the
 * API, three steps mapped through the "Evidence from data" picker, numbers on the map that equal the
 * CLI's `analyze --json` funnel for the same file and journey, a segment filter that changes them, the
 * step drawer and its audited drop-off list, "Add as a step" from the conformance panel, and a viewer
 * who sees "<11" on a small step. Screenshots at 1280×800 go to /tmp.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JourneyContent } from '@pathlight/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, type Harness, ok, startHarness } from './harness';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * 80 fictional referred patients over four weeks: 64 book, 40 arrive, 8 complete a visit; every
 * fourth arriving patient has a lab result (an activity the map does not show). Even ids phone, odd web.
 */
function clinicCsv(): string {
  const rows = ['case_id,activity,timestamp,channel'];
  const at = (day: number, hour: number) =>
    new Date(Date.UTC(2026, 2, 2 + day, hour, 0, 0)).toISOString().replace('.000Z', 'Z');
  for (let i = 0; i < 80; i++) {
    const id = `PT-${String(i + 1).padStart(4, '0')}`;
    const channel = i % 2 === 0 ? 'phone' : 'web';
    const d0 = i % 28;
    rows.push(`${id},referral.received,${at(d0, 9)},${channel}`);
    if (i < 64) rows.push(`${id},appointment.booked,${at(d0 + 2, 9)},${channel}`);
    if (i < 40) rows.push(`${id},appointment.arrived,${at(d0 + 9, 9)},${channel}`);
    if (i < 40 && i % 4 === 0) rows.push(`${id},lab.result,${at(d0 + 9, 11)},${channel}`);
    if (i < 8) rows.push(`${id},visit.completed,${at(d0 + 10, 9)},${channel}`);
  }
  return `${rows.join('\n')}\n`;
}

const STEPS = {
  referral: 'st-referral',
  book: 'st-book',
  arrive: 'st-arrive',
  complete: 'st-complete',
};

let h: Harness;
let workspaceId = '';
let journeyId = '';
let viewer: { email: string; password: string };
let csvFile = '';
let tmp = '';

beforeAll(async () => {
  h = await startHarness();
  const admin = await h.apiAs();
  const ws = await ok(admin.client.api.workspaces.$post({ json: { name: 'Evidence E2E Clinic' } }));
  workspaceId = ws.id;
  viewer = await h.createUser('Val Viewer', 'val.viewer@pathlight.test');
  await ok(
    admin.client.api.workspaces[':id'].members.$post({
      param: { id: ws.id },
      json: { email: viewer.email, role: 'viewer' },
    }),
  );

  // The file, uploaded through the API and imported as a source.
  tmp = mkdtempSync(join(tmpdir(), 'pathlight-evidence-e2e-'));
  csvFile = join(tmp, 'clinic.csv');
  const csv = clinicCsv();
  writeFileSync(csvFile, csv);
  const uploaded = await admin.client.api.workspaces[':id'].uploads.$post(
    { param: { id: ws.id }, header: { 'x-filename': 'clinic.csv' } },
    { init: { body: csv } },
  );
  if (uploaded.status !== 201) throw new Error(`upload failed: ${uploaded.status} ${await uploaded.text()}`);
  const upload = await uploaded.json();
  const { job } = await ok(
    admin.client.api.workspaces[':id'].sources.$post({
      param: { id: ws.id },
      json: { uploadId: upload.uploadId, name: 'Clinic export' },
    }),
  );
  // expect.poll only runs inside a test: wait for the import job by hand.
  const deadline = Date.now() + 60_000;
  for (;;) {
    const status = (await ok(admin.client.api.jobs[':id'].$get({ param: { id: job.id } }))).status;
    if (status === 'succeeded') break;
    if (status === 'failed' || Date.now() > deadline) throw new Error(`import job ended ${status}`);
    await new Promise((r) => setTimeout(r, 250));
  }

  // A journey with four unmapped steps.
  const created = await ok(
    admin.client.api.workspaces[':id'].journeys.$post({
      param: { id: ws.id },
      json: { name: 'Referral to visit' },
    }),
  );
  journeyId = created.id;
  const step = (id: string, name: string) => ({
    id,
    name,
    description: '',
    optional: false,
    hidden: false,
    activities: [],
  });
  const document: JourneyContent = {
    ...created.document,
    stages: [
      {
        id: 'sg-access',
        name: 'Access',
        goal: '',
        hidden: false,
        steps: [step(STEPS.referral, 'Referral'), step(STEPS.book, 'Book appointment')],
      },
      {
        id: 'sg-care',
        name: 'Care',
        goal: '',
        hidden: false,
        steps: [step(STEPS.arrive, 'Arrive for visit'), step(STEPS.complete, 'Complete visit')],
      },
    ],
    lanes: [
      { id: 'ln-touch', kind: 'touchpoints', name: 'Touchpoints', hidden: false },
      { id: 'ln-data', kind: 'data', name: 'Data and KPIs', hidden: false },
    ],
  };
  await ok(
    admin.client.api.journeys[':id'].$put({
      param: { id: journeyId },
      header: {},
      json: { version: created.version, document },
    }),
  );
});

afterAll(async () => {
  await h?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const stepData = (page: Page, stepId: string) => page.getByTestId(`step-${stepId}`).getByTestId('step-data');

async function saved(page: Page) {
  await expect
    .poll(() => page.getByTestId('save-status').textContent(), { timeout: 15_000 })
    .toContain('Saved');
}

async function mapStep(page: Page, stepName: string, activity: string, firstSuggestion = false) {
  await page.getByRole('button', { name: `Map data to ${stepName}` }).click();
  const dialog = page.getByRole('dialog', { name: `Evidence from data: ${stepName}` });
  // The matching activity is among the suggestions (ranked by name similarity); tick it there.
  const suggestions = dialog.getByTestId('activity-suggestions');
  await suggestions.waitFor();
  if (firstSuggestion) {
    expect(await suggestions.locator('li').first().textContent()).toContain(activity);
    await page.screenshot({ path: '/tmp/pathlight-evidence-picker.png' });
  }
  await suggestions.locator('label').filter({ hasText: activity }).getByRole('checkbox').check();
  await dialog.getByTestId('activities-save').click();
  await dialog.waitFor({ state: 'detached' });
}

/** The CLI's analysis for the file and the journey as saved (`pathlight analyze --json`). */
async function cliAnalysis() {
  const stored = await ok((await h.apiAs()).client.api.journeys[':id'].$get({ param: { id: journeyId } }));
  const journeyFile = join(tmp, 'journey.json');
  writeFileSync(journeyFile, JSON.stringify(stored.document));
  const run = spawnSync(
    process.execPath,
    [join(ROOT, 'packages/cli/bin/pathlight.mjs'), 'analyze', csvFile, '--journey', journeyFile, '--json'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`cli failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as {
    funnel: {
      stepId: string;
      cases: number;
      conversionFromPrevious: number | null;
      dropOff: number | null;
    }[];
    kpis: { id: string; value: number | null; numerator: number | null; denominator: number | null }[];
  };
}

describe('evidence on the journey map', () => {
  it('maps three steps through the picker and shows the CLI numbers on the map', async () => {
    const { page } = h;
    await h.signIn(page, ADMIN.email, ADMIN.password);
    await page.goto(`${h.baseUrl}/w/${workspaceId}/journeys/${journeyId}`);
    await page.getByTestId('map-grid').waitFor();
    await page.getByTestId('filter-bar').waitFor();

    await mapStep(page, 'Referral', 'referral.received');
    await mapStep(page, 'Book appointment', 'appointment.booked', true);
    await mapStep(page, 'Arrive for visit', 'appointment.arrived');
    await saved(page);

    await expect
      .poll(() => stepData(page, STEPS.arrive).getByTestId('step-cases').textContent(), { timeout: 20_000 })
      .toBe('40');
    // A KPI defined in the KPIs tab: referral → arrival within 30 days.
    await page.getByTestId('tab-kpis').click();
    await page.getByRole('button', { name: '+ New KPI' }).click();
    const form = page.getByRole('form', { name: 'New KPI' });
    await form.getByLabel('Name').fill('Referral to visit (30 days)');
    await form.getByLabel('Kind').selectOption('conversion');
    await form.getByLabel('From: a step or activities').selectOption({ label: 'Step: Referral' });
    await form.getByLabel('To: a step or activities').selectOption({ label: 'Step: Arrive for visit' });
    await form.getByLabel('Window (days, empty = no limit)').fill('30');
    await form.getByLabel('Reference (where the definition comes from)').fill('healthcare.md §1.5 (adapted)');
    await form.getByRole('button', { name: 'Save KPI' }).click();
    await page.getByTestId('kpi-panel').getByText('Referral to visit (30 days)', { exact: true }).waitFor();
    await page.screenshot({ path: '/tmp/pathlight-evidence-kpis.png' });
    await page.getByRole('tab', { name: 'Map' }).click();
    await saved(page);

    const cli = await cliAnalysis();
    const funnel = cli.funnel;
    expect(funnel.map((f) => [f.stepId, f.cases])).toEqual([
      [STEPS.referral, 80],
      [STEPS.book, 64],
      [STEPS.arrive, 40],
    ]);
    for (const f of funnel) {
      const data = stepData(page, f.stepId);
      expect(await data.getByTestId('step-cases').textContent()).toBe(String(f.cases));
      if (f.conversionFromPrevious !== null) {
        expect(await data.getByTestId('step-conversion').textContent()).toBe(
          `${Math.round(f.conversionFromPrevious * 100)}%`,
        );
        expect(await data.getByTestId('step-dropoff').textContent()).toBe(String(f.dropOff));
      }
    }
    // 64 → 40 (63 %) is worse than 80 → 64 (80 %): the arrive step is the worst, in words too.
    expect(await stepData(page, STEPS.arrive).textContent()).toContain('Biggest drop-off');
    // The KPI's value in the data lane equals the CLI's (40 of 80 arrive within 30 days).
    const kpi = cli.kpis[0]!;
    expect([kpi.numerator, kpi.denominator]).toEqual([40, 80]);
    await expect
      .poll(() => page.getByTestId('kpi-value').textContent(), { timeout: 15_000 })
      .toBe(`${Math.round(kpi.value! * 100)}% (${kpi.numerator} / ${kpi.denominator})`);
    expect(await stepData(page, STEPS.book).getByTestId('step-wait').textContent()).toBe('2 d');
    await page.screenshot({ path: '/tmp/pathlight-evidence-map.png' });
  });

  it('segment and date filters change the numbers (and a clear brings them back)', async () => {
    const { page } = h;
    await page.getByLabel('Segment attribute').fill('channel');
    await page.getByLabel('Segment value').fill('phone');
    await expect
      .poll(() => stepData(page, STEPS.referral).getByTestId('step-cases').textContent(), { timeout: 15_000 })
      .toBe('40');
    // phone = even ids: 32 of the first 64 booked, 20 of the first 40 arrived
    expect(await stepData(page, STEPS.book).getByTestId('step-cases').textContent()).toBe('32');
    expect(await stepData(page, STEPS.arrive).getByTestId('step-cases').textContent()).toBe('20');
    await page.getByLabel('Segment value').fill('');
    // From 16 March: referrals on day 14..27 of the 4-week cycle, i % 28 ≥ 14 → 14 + 14 + 10 = 38 patients
    await page.getByLabel('From').fill('2026-03-16');
    await expect
      .poll(() => stepData(page, STEPS.referral).getByTestId('step-cases').textContent(), { timeout: 15_000 })
      .toBe('38');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect
      .poll(() => stepData(page, STEPS.referral).getByTestId('step-cases').textContent(), { timeout: 15_000 })
      .toBe('80');
  });

  it('opens a step detail with a weekly chart and an audited list of patients who dropped off', async () => {
    const { page } = h;
    await stepData(page, STEPS.arrive).click();
    const drawer = page.getByTestId('step-drawer');
    await drawer
      .getByRole('img', { name: /per week/ })
      .locator('svg')
      .waitFor({ timeout: 15_000 });
    await expect.poll(() => drawer.getByTestId('paths-in').textContent()).toContain('appointment.booked');
    await expect.poll(() => drawer.getByTestId('step-split').textContent()).toContain('phone');
    await drawer.getByRole('button', { name: 'Show patients who dropped off' }).click();
    await drawer.getByTestId('cases-audit-note').waitFor();
    expect(await drawer.getByTestId('cases-audit-note').textContent()).toContain('This access was logged');
    // 64 booked, 40 arrived: 24 dropped off, listed by pseudonym (never the PT- ids of the file)
    expect(await drawer.getByTestId('dropped-cases').locator('tbody tr').count()).toBe(24);
    expect(await drawer.getByTestId('dropped-cases').textContent()).not.toContain('PT-');
    await page.screenshot({ path: '/tmp/pathlight-evidence-step-drawer.png' });
    await drawer.getByRole('button', { name: 'Close' }).click();
  });

  it('adds an unmapped activity as a step from the conformance panel, undoably', async () => {
    const { page } = h;
    await page.getByTestId('open-conformance').click();
    const panel = page.getByTestId('conformance-panel');
    await expect.poll(() => panel.getByTestId('unmapped-activities').textContent()).toContain('lab.result');
    await page.screenshot({ path: '/tmp/pathlight-evidence-conformance.png' });
    await panel.getByRole('button', { name: 'Add lab.result as a step' }).click();
    const form = panel.getByRole('form', { name: 'Add lab.result as a step' });
    expect(await form.getByLabel('Step name').inputValue()).toBe('Lab result');
    await form.getByLabel('In stage').selectOption({ label: 'Care' });
    await form.getByRole('button', { name: 'Add step' }).click();
    const header = page.locator('[data-testid^="step-"]').filter({ hasText: 'Lab result' });
    await header.first().waitFor();
    await saved(page);
    const stored = await ok((await h.apiAs()).client.api.journeys[':id'].$get({ param: { id: journeyId } }));
    const care = stored.document.stages[1]!;
    expect(care.steps.map((s) => [s.name, s.activities])).toEqual([
      ['Arrive for visit', ['appointment.arrived']],
      ['Complete visit', []],
      ['Lab result', ['lab.result']],
    ]);
    // One undo removes it again (the command is one undo step).
    await page.getByTestId('undo').click();
    await header.first().waitFor({ state: 'detached' });
    await saved(page);
  });

  it('shows a viewer "<11" where counts are small', async () => {
    const { page } = h;
    // The editor maps the small last step (8 patients).
    await page.getByTestId('conformance-panel').getByRole('button', { name: 'Close' }).click();
    await mapStep(page, 'Complete visit', 'visit.completed');
    await saved(page);
    await expect
      .poll(() => stepData(page, STEPS.complete).getByTestId('step-cases').textContent(), { timeout: 15_000 })
      .toBe('8');

    const context = await h.newContext();
    const vpage = context.pages()[0] ?? (await context.newPage());
    await h.signIn(vpage, viewer.email, viewer.password);
    await vpage.goto(`${h.baseUrl}/w/${workspaceId}/journeys/${journeyId}`);
    const small = stepData(vpage, STEPS.complete).getByTestId('step-cases');
    await expect.poll(() => small.textContent(), { timeout: 20_000 }).toBe('<11');
    expect(await small.getAttribute('title')).toContain('suppressed');
    await vpage.screenshot({ path: '/tmp/pathlight-evidence-viewer.png' });
    expect(await stepData(vpage, STEPS.referral).getByTestId('step-cases').textContent()).toBe('80');
    // viewers get no mapping affordances and no patient lists
    expect(await vpage.getByRole('button', { name: /^Map data to/ }).count()).toBe(0);
    await stepData(vpage, STEPS.arrive).click();
    await vpage.getByTestId('step-drawer').waitFor();
    expect(await vpage.getByRole('button', { name: 'Show patients who dropped off' }).count()).toBe(0);
    await context.close();
  });
});
