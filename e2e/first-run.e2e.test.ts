/**
 * First run, as a newcomer meets Pathlight: clone the repository, `npm start` with an empty data
 * directory, sign in with the credentials it prints, and find the Riverside demo lit by its data:
 * live metrics on the demo journey's steps, a process map and a KPI dashboard. Then start again and
 * check that nothing was seeded twice.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const CHECKOUT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DEMO = 'Riverside Family Dental & Medical';
const DENTAL = 'New dental patient: search to first review visit';
// As in harness.ts (which launches Chromium inside startHarness and exports no launcher).
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const temp = mkdtempSync(join(tmpdir(), 'pathlight-first-run-'));
const clone = join(temp, 'pathlight');
const dataDir = join(temp, 'data');

/**
 * Makes the clone runnable without `npm install` (minutes, and the network): its `node_modules` is a
 * folder of symlinks to the checkout's installed packages, and each `packages/*` (and `e2e`)
 * `node_modules` that exists in the checkout is symlinked whole. The workspace links
 * (`node_modules/@pathlight/*`) are recreated inside the clone instead, so the clone runs its own
 * sources rather than the checkout's.
 */
function linkDependencies(): void {
  const from = join(CHECKOUT, 'node_modules');
  const to = join(clone, 'node_modules');
  mkdirSync(join(to, '@pathlight'), { recursive: true });
  for (const entry of readdirSync(from))
    if (entry !== '@pathlight') symlinkSync(join(from, entry), join(to, entry));
  for (const pkg of readdirSync(join(from, '@pathlight')))
    symlinkSync(readlinkSync(join(from, '@pathlight', pkg)), join(to, '@pathlight', pkg));
  const workspaces = [...readdirSync(join(CHECKOUT, 'packages')).map((p) => join('packages', p)), 'e2e'];
  for (const ws of workspaces) {
    const modules = join(CHECKOUT, ws, 'node_modules');
    if (existsSync(modules) && existsSync(join(clone, ws)))
      symlinkSync(modules, join(clone, ws, 'node_modules'));
  }
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

interface Started {
  process: ChildProcess;
  output: () => string;
  url: string;
}

/** `npm start` in the clone (what the script runs), until it prints its URL. */
async function npmStart(port: number): Promise<Started> {
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: clone,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PATHLIGHT_DATA_DIR: dataDir,
      PATHLIGHT_ADMIN_EMAIL: '',
      PATHLIGHT_ADMIN_PASSWORD: '',
      PATHLIGHT_DEMO: '',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => {
    output += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    output += c.toString();
  });
  const deadline = Date.now() + 170_000;
  const running = /Pathlight is running at (http:\/\/\S+)/;
  while (!running.test(output)) {
    if (child.exitCode !== null)
      throw new Error(`npm start exited with ${child.exitCode}:\n${output.slice(-4000)}`);
    if (Date.now() > deadline) throw new Error(`npm start did not start:\n${output.slice(-4000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  // The demo lines follow the URL line.
  await new Promise((r) => setTimeout(r, 300));
  return { process: child, output: () => output, url: running.exec(output)?.[1] ?? '' };
}

async function stop(started: Started | undefined): Promise<void> {
  const child = started?.process;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

/** Signs in with Node's fetch (for the API assertions): returns a fetch that carries cookie and CSRF token. */
async function apiAs(base: string, email: string, password: string): Promise<typeof fetch> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!login.ok) throw new Error(`sign-in failed: ${login.status}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return ((path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('cookie', cookie);
    headers.set('x-csrf-token', csrfToken);
    if (init.body) headers.set('content-type', 'application/json');
    return fetch(`${base}${path}`, { ...init, headers });
  }) as typeof fetch;
}

/** Numbers shown as "18,057" (or "<11"): the positive whole numbers among the texts. */
const positives = (texts: string[]) => texts.map((t) => Number(t.replace(/[^\d]/g, ''))).filter((n) => n > 0);

describe('first run from a fresh clone', () => {
  let first: Started | undefined;
  let context: BrowserContext | undefined;
  let page: Page;
  let email = '';
  let password = '';

  beforeAll(async () => {
    const cloned = spawnSync('git', ['clone', '--local', '--quiet', CHECKOUT, clone], { encoding: 'utf8' });
    if (cloned.status !== 0) throw new Error(`git clone failed: ${cloned.stderr}`);
    linkDependencies();
    first = await npmStart(await freePort());
    context = await chromium.launchPersistentContext(join(temp, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1440, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await stop(first);
    rmSync(temp, { recursive: true, force: true });
  });

  test('npm start seeds the demo and prints where to go and the sign-in to use', () => {
    const out = first?.output() ?? '';
    email = /e-mail:\s+(\S+)/.exec(out)?.[1] ?? '';
    password = /password:\s+(\S+)/.exec(out)?.[1] ?? '';
    expect(email).toBe('admin@pathlight.local');
    expect(password.length).toBeGreaterThanOrEqual(16);
    expect(out).toMatch(
      new RegExp(
        `Demo workspace "${DEMO}" is ready \\(fictional\\): 3 journeys, 4 personas and 496328 events of 24000 synthetic patients, seeded in [\\d.]+ s\\.`,
      ),
    );
    expect(out).toContain(
      `Open ${first?.url} and sign in as admin@pathlight.local with the password shown above.`,
    );
  });

  test('signs in with the printed credentials and sees live metrics on the demo journey', async () => {
    await page.goto(first?.url ?? '');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await page.getByRole('link', { name: DENTAL }).click();
    await page.getByTestId('journey-editor').waitFor();
    // Metrics load after the map: wait until at least five steps show a patient count.
    const counts = page.getByTestId('step-cases');
    await expect
      .poll(async () => positives(await counts.allTextContents()).length, { timeout: 30_000 })
      .toBeGreaterThanOrEqual(5);
  });

  test('the process map and the dashboard are not empty', async () => {
    const workspaceId = /\/w\/([0-9a-f-]{36})\//.exec(page.url())?.[1] ?? '';
    expect(workspaceId).not.toBe('');
    await page.goto(`${first?.url}/w/${workspaceId}/process-map`);
    await page.getByLabel('Process map').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('[data-activity]').count(), { timeout: 30_000 }).toBeGreaterThan(5);

    await page.goto(`${first?.url}/w/${workspaceId}/dashboard`);
    const tiles = page.locator('li[data-kpi]');
    await expect.poll(() => tiles.count(), { timeout: 30_000 }).toBeGreaterThan(5);
  });

  test('the API agrees: every demo journey has live numbers on at least five steps, and a dashboard', async () => {
    const base = first?.url ?? '';
    const api = await apiAs(base, email, password);
    const workspaces = (await (await api('/api/workspaces')).json()) as { id: string; name: string }[];
    expect(workspaces.map((w) => w.name)).toEqual([DEMO]);
    const ws = workspaces[0]?.id ?? '';
    const journeys = (await (await api(`/api/workspaces/${ws}/journeys`)).json()) as {
      id: string;
      name: string;
    }[];
    expect(journeys.map((j) => j.name)).toEqual([
      DENTAL,
      'Partner referral to first oral-surgery visit',
      'Riverside patient journey: six stages, symptom to ongoing care',
    ]);
    for (const j of journeys) {
      const metrics = (await (
        await api(`/api/journeys/${j.id}/metrics`, { method: 'POST', body: '{}' })
      ).json()) as {
        steps: { cases: number | null }[];
      };
      expect(metrics.steps.filter((s) => (s.cases ?? 0) > 0).length, j.name).toBeGreaterThanOrEqual(5);
      const dashboard = (await (
        await api(`/api/journeys/${j.id}/dashboard`, { method: 'POST', body: '{}' })
      ).json()) as {
        tiles: { value: number | null }[];
      };
      expect(dashboard.tiles.filter((t) => t.value !== null).length, j.name).toBeGreaterThan(0);
    }
    const map = (await (
      await api(`/api/workspaces/${ws}/process-map`, { method: 'POST', body: '{}' })
    ).json()) as {
      activities: unknown[];
      edges: unknown[];
    };
    expect(map.activities.length).toBeGreaterThan(5);
    expect(map.edges.length).toBeGreaterThan(5);
  });

  test('starting again keeps the data and seeds nothing', async () => {
    await stop(first);
    const again = await npmStart(await freePort());
    try {
      expect(again.output()).not.toContain('Demo workspace');
      expect(again.output()).not.toContain('password:');
      const api = await apiAs(again.url, email, password);
      const workspaces = (await (await api('/api/workspaces')).json()) as { name: string }[];
      expect(workspaces.map((w) => w.name)).toEqual([DEMO]);
    } finally {
      await stop(again);
    }
  }, 120_000);
});
