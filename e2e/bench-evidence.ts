/**
 * Evidence screens performance bench (not a timed test). Generates ~1M events with the CLI
 * (40,000 synthetic patients), uploads and imports them through the API, then times in Chromium how
 * long the process map and the KPI dashboard take to load (navigation → drawn) and how long a
 * period-filter change takes (click → redrawn). Target: load < 1.5 s, filter change < 1 s.
 *   node --import tsx e2e/bench-evidence.ts [--patients 40000] [--csv /tmp/pathlight-bench-40k.csv]
 * Results are printed and written to /tmp/pathlight-bench-evidence.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { ADMIN, ok, startHarness } from './harness';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const patients = arg('patients', '40000');
const csv = arg('csv', `/tmp/pathlight-bench-${Math.round(Number(patients) / 1000)}k.csv`);
const journeyFile = csv.replace(/\.csv$/, '-journey.json');

function generate(): void {
  if (existsSync(csv) && existsSync(journeyFile)) return;
  const r = spawnSync(
    process.execPath,
    [
      join(ROOT, 'packages/cli/bin/pathlight.mjs'),
      'generate',
      '--patients',
      patients,
      '--seed',
      '7',
      '--out',
      csv,
      '--journey-out',
      journeyFile,
    ],
    { encoding: 'utf8', cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (r.status !== 0) throw new Error('pathlight generate failed');
}

/** Milliseconds from navigation to the `[data-state="ready"]` element (map drawn / tiles shown). */
async function timeLoad(page: Page, url: string, extra?: string): Promise<number> {
  const t0 = Date.now();
  await page.goto(url);
  await page.locator('[data-state="ready"]').waitFor({ timeout: 120_000 });
  if (extra) await page.locator(extra).first().waitFor({ timeout: 120_000 });
  return Date.now() - t0;
}

/** Milliseconds from clicking a period preset to the screen being redrawn with the new data. */
async function timeFilter(page: Page, label: string): Promise<number> {
  // A string runs in the page (this file is type-checked without the DOM library).
  const ms = await page.evaluate(`new Promise((resolve, reject) => {
    const text = ${JSON.stringify(label)};
    const target = [...document.querySelectorAll('label')].find((l) => l.textContent.trim() === text);
    if (!target) return reject(new Error('no "' + text + '" option'));
    const start = performance.now();
    let sawLoading = false;
    const check = () => {
      const state = document.querySelector('[data-state]')?.getAttribute('data-state') ?? null;
      if (state === 'loading' || state === null) sawLoading = true;
      if (sawLoading && state === 'ready') resolve(performance.now() - start);
      else if (performance.now() - start > 120000) reject(new Error('no redraw within 120 s'));
      else requestAnimationFrame(check);
    };
    target.click();
    requestAnimationFrame(check);
  })`);
  return Math.round(ms as number);
}

async function main() {
  generate();
  const rows = readFileSync(csv, 'utf8').split('\n').length - 2;
  console.log(
    `log: ${csv} — ${rows.toLocaleString('en-GB')} events, ${(statSync(csv).size / 1e6).toFixed(1)} MB`,
  );
  const h = await startHarness();
  const results: Record<string, number | string> = { events: rows };
  try {
    const admin = await h.apiAs();
    const api = admin.client.api;
    const ws = await ok(api.workspaces.$post({ json: { name: 'Bench clinic' } }));
    const doc = JSON.parse(readFileSync(journeyFile, 'utf8')) as Record<string, unknown>;
    const journey = await ok(
      api.workspaces[':id'].journeys.import.$post({
        param: { id: ws.id },
        json: { format: 'pathlight.journey', schemaVersion: 2, journey: doc },
      }),
    );

    let t = Date.now();
    const upload = await ok(
      api.workspaces[':id'].uploads.$post(
        { param: { id: ws.id }, header: { 'x-filename': 'bench.csv' } },
        { init: { body: readFileSync(csv) } },
      ),
    );
    results.uploadMs = Date.now() - t;
    t = Date.now();
    const { job } = await ok(
      api.workspaces[':id'].sources.$post({
        param: { id: ws.id },
        json: { uploadId: upload.uploadId, name: 'Bench' },
      }),
    );
    for (;;) {
      const j = await ok(api.jobs[':id'].$get({ param: { id: job.id } }));
      if (j.status === 'failed') throw new Error(`import failed: ${j.error}`);
      if (j.status === 'succeeded') break;
      await new Promise((r) => setTimeout(r, 250));
    }
    results.importMs = Date.now() - t;
    console.log(`upload ${results.uploadMs} ms, import ${results.importMs} ms`);

    const page = h.page;
    await h.signIn(page, ADMIN.email, ADMIN.password);
    const base = `${h.baseUrl}/w/${ws.id}`;
    // First visits are cold (server computes, browser loads the lazy chunks); second visits are warm.
    results.processMapColdMs = await timeLoad(page, `${base}/process-map`, '.react-flow__node');
    results.processMapWarmMs = await timeLoad(page, `${base}/process-map`, '.react-flow__node');
    results.processMapWithJourneyMs = await timeLoad(
      page,
      `${base}/process-map?journey=${journey.id}`,
      '.react-flow__node',
    );
    results.processMapFilterMs = await timeFilter(page, 'Last 8 weeks');
    results.processMapFilter2Ms = await timeFilter(page, 'Last 4 weeks');
    results.dashboardJourneyColdMs = await timeLoad(
      page,
      `${base}/dashboard?journey=${journey.id}`,
      '[data-kpi]',
    );
    results.dashboardJourneyWarmMs = await timeLoad(
      page,
      `${base}/dashboard?journey=${journey.id}`,
      '[data-kpi]',
    );
    results.dashboardFilterMs = await timeFilter(page, 'Last 12 weeks');
    results.dashboardFilter2Ms = await timeFilter(page, 'Last 8 weeks');
    results.dashboardWorkspaceMs = await timeLoad(page, `${base}/dashboard`, '[data-kpi]');
  } finally {
    await h.close();
  }
  console.table(results);
  writeFileSync('/tmp/pathlight-bench-evidence.json', `${JSON.stringify(results, null, 2)}\n`);
}

await main();
