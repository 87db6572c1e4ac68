/**
 * End-to-end harness: builds the web app when needed, starts the real server on a free port with
 * a fresh data directory and a known admin, drives Debian's Chromium through playwright-core, and
 * seeds users through the API. `close()` stops everything it started.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ApiClient, createApiClient } from '@pathlight/server/client';
import { parseResponse } from 'hono/client';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const WEB = join(ROOT, 'packages/web');
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

export const ADMIN = {
  email: 'admin@pathlight.test',
  password: 'e2e-admin-password-1',
  name: 'Administrator',
};

/** A user signed in through the API (cookie + CSRF token), for seeding data. */
export interface ApiSession {
  client: ApiClient;
}

/** Reads a typed client's success body, or throws with the server's problem detail. */
export const ok = parseResponse;

export interface Harness {
  baseUrl: string;
  /** The first browser context (its own profile); `page` is its first tab. */
  context: BrowserContext;
  page: Page;
  /** Another browser with its own profile and cookies (e.g. a second user). */
  newContext(): Promise<BrowserContext>;
  /** Signs in through the sign-in page and waits for the app frame. */
  signIn(page: Page, email: string, password: string): Promise<void>;
  /** An API session for seeding (the admin by default). */
  apiAs(user?: { email: string; password: string }): Promise<ApiSession>;
  /** Creates an account through the admin API and returns its credentials. */
  createUser(
    name: string,
    email: string,
  ): Promise<{ id: string; email: string; password: string; name: string }>;
  close(): Promise<void>;
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) {
    if (entry !== 'node_modules' && entry !== 'dist')
      latest = Math.max(latest, newestMtime(join(path, entry)));
  }
  return latest;
}

/** Builds `packages/web/dist` unless it is newer than every web and core source file. */
export function ensureWebBuild(): void {
  const index = join(WEB, 'dist/index.html');
  const sources = [
    join(WEB, 'src'),
    join(WEB, 'index.html'),
    join(WEB, 'vite.config.ts'),
    join(ROOT, 'packages/core/src'),
  ];
  if (existsSync(index) && Math.max(...sources.map(newestMtime)) <= statSync(index).mtimeMs) return;
  // Under a lock: another helper's e2e run may be building the same dist at the same moment.
  const build = spawnSync(
    'flock',
    ['/tmp/pathlight-web-build.lock', 'npx', 'vite', 'build', '--logLevel', 'warn'],
    {
      cwd: WEB,
      encoding: 'utf8',
    },
  );
  if (build.status !== 0)
    throw new Error(`web build failed:\n${build.stdout}\n${build.stderr}`.slice(0, 4000));
}

/** Installs Debian's Chromium when missing (serialised with other helpers by a lock). */
function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  const r = spawnSync(
    'flock',
    ['/tmp/pathlight-apt.lock', 'sh', '-c', 'apt-get update && apt-get install -y chromium'],
    {
      encoding: 'utf8',
    },
  );
  if (r.status !== 0 || !existsSync(CHROMIUM))
    throw new Error(`could not install chromium: ${r.stderr.slice(-1000)}`);
}

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

async function waitForHealth(baseUrl: string, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}:\n${log()}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not become healthy within 90 s:\n${log()}`);
}

/** Signs in with Node's fetch, keeping the session cookie and CSRF token for later calls. */
async function apiSession(baseUrl: string, user: { email: string; password: string }): Promise<ApiSession> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: user.password }),
  });
  if (!login.ok)
    throw new Error(`API sign-in as ${user.email} failed: ${login.status} ${await login.text()}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const withSession = ((input: string | URL | Request, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('cookie', cookie);
    headers.set('X-CSRF-Token', csrfToken);
    return fetch(input, { ...init, headers });
  }) as typeof fetch;
  return { client: createApiClient(baseUrl, withSession) };
}

/** Starts server and browser; call `close()` in afterAll. */
export async function startHarness(): Promise<Harness> {
  ensureWebBuild();
  ensureChromium();
  const dataDir = mkdtempSync(join(tmpdir(), 'pathlight-e2e-data-'));
  const profiles: string[] = [];
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = '';
  const server = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'packages/server/src/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PATHLIGHT_DATA_DIR: dataDir,
      PATHLIGHT_ADMIN_EMAIL: ADMIN.email,
      PATHLIGHT_ADMIN_PASSWORD: ADMIN.password,
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  server.stdout?.on('data', keep);
  server.stderr?.on('data', keep);
  const contexts: BrowserContext[] = [];

  const stop = async () => {
    await Promise.allSettled(contexts.map((c) => c.close()));
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    for (const dir of [dataDir, ...profiles]) rmSync(dir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, server, () => output);
    const newContext = async () => {
      const profile = mkdtempSync(join(tmpdir(), 'pathlight-e2e-profile-'));
      profiles.push(profile);
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        args: CHROMIUM_ARGS,
        viewport: { width: 1280, height: 800 },
      });
      contexts.push(context);
      return context;
    };
    const context = await newContext();
    const page = context.pages()[0] ?? (await context.newPage());
    const admin = await apiSession(baseUrl, ADMIN);

    return {
      baseUrl,
      context,
      page,
      newContext,
      async signIn(p, email, password) {
        await p.goto(baseUrl);
        await p.getByLabel('Email').fill(email);
        await p.getByLabel('Password').fill(password);
        await p.getByRole('button', { name: 'Sign in' }).click();
        await p.getByRole('navigation', { name: 'Main' }).waitFor();
      },
      apiAs: (user) => (user ? apiSession(baseUrl, user) : Promise.resolve(admin)),
      async createUser(name, email) {
        const password = `pw-${email.split('@')[0]}-0123456789`;
        const user = await ok(
          admin.client.api.users.$post({ json: { name, email, password, isAdmin: false } }),
        );
        return { id: user.id, email, password, name };
      },
      close: stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
