/**
 * Regenerates the documentation screenshots in `docs/screenshots/` (1440×900 PNGs) from the real app:
 * builds the web app when needed, starts the server on a fresh temporary data directory with the
 * demo workspace seeded (`PATHLIGHT_DEMO=on`), signs in as a known administrator in Debian's
 * Chromium and photographs the main screens.
 *
 *   npx tsx scripts/screenshots.ts                    # fresh server, writes docs/screenshots/*.png
 *   npx tsx scripts/screenshots.ts --out /tmp/shots   # somewhere else
 *   npx tsx scripts/screenshots.ts --url http://127.0.0.1:4300 --email E --password P
 *                                                     # a server that is already running with the demo
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { ensureWebBuild } from '../e2e/harness';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const VIEWPORT = { width: 1440, height: 900 };
/** Launch flags from the stack reference: no sandbox (root), no background network chatter. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** Seeding the demo (about 500,000 events) happens before the server listens. */
const START_TIMEOUT_MS = 300_000;
const ADMIN = { email: 'admin@pathlight.example', password: 'screenshots-admin-password-1' };

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: join(ROOT, 'docs/screenshots') },
    url: { type: 'string' },
    email: { type: 'string' },
    password: { type: 'string' },
  },
  strict: true,
});
const outDir = values.out;

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => done(port));
    });
  });
}

/** Starts the real server with the demo on a temporary data directory; resolves once it is healthy. */
async function startServer(): Promise<{ baseUrl: string; stop: () => Promise<void> }> {
  ensureWebBuild();
  const dataDir = mkdtempSync(join(tmpdir(), 'pathlight-screenshots-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let log = '';
  const server: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'packages/server/src/main.ts')],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        PATHLIGHT_DATA_DIR: dataDir,
        PATHLIGHT_ADMIN_EMAIL: ADMIN.email,
        PATHLIGHT_ADMIN_PASSWORD: ADMIN.password,
        PATHLIGHT_DEMO: 'on',
        DATABASE_URL: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-8000);
  };
  server.stdout?.on('data', keep);
  server.stderr?.on('data', keep);
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      await stop();
      throw new Error(`the server exited with ${server.exitCode}:\n${log}`);
    }
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) {
        if (!log.includes('Demo workspace')) {
          await stop();
          throw new Error(`the server started without seeding the demo workspace:\n${log}`);
        }
        return { baseUrl, stop };
      }
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('the server')) throw error;
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`the server did not start within ${START_TIMEOUT_MS / 1000} s:\n${log}`);
}

/** Saves the viewport as `name.png` and prints its size. */
async function shoot(page: Page, name: string): Promise<void> {
  // Let charts finish their entry animation and fonts settle.
  await page.waitForTimeout(800);
  const path = join(outDir, `${name}.png`);
  await page.screenshot({ path, animations: 'disabled' });
  console.log(`${name}.png  ${Math.round(statSync(path).size / 1024)} KB`);
}

/** A small fictional CSV for the upload wizard: two columns look like direct identifiers and are dropped. */
function wizardSample(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'pathlight-screenshots-csv-')), 'front-desk-export.csv');
  const rows = ['patient_id,patient_name,phone,activity,timestamp,channel,location'];
  const steps = [
    ['enquiry.received', 'phone'],
    ['appointment.booked', 'phone'],
    ['reminder.sent', 'sms'],
    ['appointment.arrived', 'in-person'],
    ['visit.completed', 'in-person'],
  ] as const;
  for (let p = 1; p <= 40; p += 1) {
    steps.forEach(([activity, channel], i) => {
      const day = String(1 + ((p + i * 3) % 27)).padStart(2, '0');
      rows.push(
        `P${String(1000 + p)},Test Patient ${p},555-0100,${activity},2025-03-${day} 09:${String(10 + i).padStart(2, '0')}:00,${channel},${p % 2 ? 'Riverside' : 'Northgate'}`,
      );
    });
  }
  writeFileSync(file, `${rows.join('\n')}\n`);
  return file;
}

async function run(page: Page, baseUrl: string, user: { email: string; password: string }) {
  await page.goto(baseUrl);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();

  const workspaces = (await (await page.request.get(`${baseUrl}/api/workspaces`)).json()) as {
    id: string;
    name: string;
  }[];
  const demo = workspaces.find((w) => w.name.startsWith('Riverside'));
  if (!demo) throw new Error(`no demo workspace among ${workspaces.map((w) => w.name).join(', ')}`);
  const w = `${baseUrl}/w/${demo.id}`;

  await page.goto(`${w}/journeys`);
  await page.getByRole('table').waitFor();
  await shoot(page, 'journeys');

  // The demo's first journey (listed first) is the one with live metrics on its steps.
  await page.getByRole('table').getByRole('link').first().click();
  await page.getByRole('navigation', { name: 'Breadcrumb' }).waitFor();
  await page.locator('.pl-stepdata__line').first().waitFor({ timeout: 60_000 });
  // Zoomed out a little, the hero image shows more steps, the emotion curve and the blueprint lanes.
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await shoot(page, 'journey-map');
  // Further down the same map, compact: the emotion curve, pain points and opportunities.
  await page.getByRole('button', { name: 'Compact' }).click();
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await page.locator('.pl-lane:has([aria-label="Emotion curve legend"])').evaluate((lane) => {
    // Bring the emotions lane up to just below the sticky stage and step headers.
    lane.scrollIntoView({ block: 'start' });
    const headerBottom = lane.ownerDocument.querySelector('.pl-step')?.getBoundingClientRect().bottom ?? 0;
    const covered = headerBottom - lane.getBoundingClientRect().top + 8;
    let box = lane.parentElement;
    while (box && box.scrollTop === 0) box = box.parentElement;
    if (box && covered > 0) box.scrollTop -= covered;
  });
  await shoot(page, 'journey-emotions');
  await page.getByRole('button', { name: 'Compact' }).click();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Zoom in' }).click();

  const mapUrl = page.url();
  // The step with the biggest drop-off makes the most telling detail view.
  const worst = page.locator('.pl-step:has(.pl-stepdata__worst) button[aria-label^="Details for "]');
  const measured = page.locator('.pl-step:has(.pl-stepdata__line) button[aria-label^="Details for "]');
  await ((await worst.count()) > 0 ? worst.first() : measured.first()).click();
  const drawer = page.getByTestId('step-drawer');
  await drawer.waitFor();
  await drawer.locator('svg path').first().waitFor({ state: 'attached', timeout: 60_000 });
  await shoot(page, 'step-detail');
  await drawer.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('button', { name: 'Conformance' }).click();
  await page.getByTestId('conformance-steps').waitFor({ timeout: 60_000 });
  await shoot(page, 'conformance');

  await page.goto(mapUrl);
  await page.getByRole('tab', { name: /^Opportunities/ }).click();
  await page.waitForTimeout(500);
  await shoot(page, 'opportunity-board');

  // The process map compared with the first journey: its designed path is drawn over the real one.
  await page.goto(`${w}/process-map`);
  await page.getByLabel('Compare with a journey').selectOption({ index: 1 });
  await page.getByRole('heading', { name: /^Compared with/ }).waitFor({ timeout: 60_000 });
  await page.locator('.react-flow__node').first().waitFor({ timeout: 60_000 });
  await shoot(page, 'process-map');

  await page.goto(`${w}/dashboard`);
  await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
  await page.getByText('Last 12 weeks', { exact: true }).click();
  await page
    .getByText(/^Week by week \(12 weeks\)/)
    .first()
    .waitFor({ timeout: 60_000 });
  await shoot(page, 'dashboard');

  await page.goto(`${w}/data`);
  await page.getByRole('list', { name: 'Data sources' }).waitFor();
  await shoot(page, 'data-sources');
  await page.getByLabel('Event log file').setInputFiles(wizardSample());
  await page.getByRole('heading', { name: 'Map the columns' }).waitFor({ timeout: 60_000 });
  await shoot(page, 'upload-wizard');

  await page.goto(`${w}/personas`);
  await page.getByRole('list', { name: 'Personas' }).waitFor();
  await shoot(page, 'personas');
}

mkdirSync(outDir, { recursive: true });
const started = values.url ? null : await startServer();
const baseUrl = values.url ?? started?.baseUrl ?? '';
const user = values.url ? { email: values.email ?? '', password: values.password ?? '' } : ADMIN;
const profile = mkdtempSync(join(tmpdir(), 'pathlight-screenshots-profile-'));
let context: BrowserContext | null = null;
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: VIEWPORT,
    deviceScaleFactor: 1,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') console.error(`console: ${m.text()}`);
  });
  await run(page, baseUrl, user).catch(async (error: unknown) => {
    const shot = join(tmpdir(), 'pathlight-screenshots-failure.png');
    await page.screenshot({ path: shot }).catch(() => {});
    console.error(`failed at ${page.url()} (the page as it was: ${shot})`);
    throw error;
  });
  console.log(`screenshots in ${outDir}`);
} finally {
  await context?.close();
  await started?.stop();
  rmSync(profile, { recursive: true, force: true });
}
