import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { memoryLogger } from './logger';
import { optionsFromEnv, type RunningServer, startServer } from './main';

describe('optionsFromEnv', () => {
  test('defaults: port 4300 on 127.0.0.1, ./data, 5 MiB bodies', () => {
    expect(optionsFromEnv({})).toEqual({
      port: 4300,
      host: '127.0.0.1',
      dataDir: './data',
      databaseUrl: undefined,
      adminEmail: undefined,
      adminPassword: undefined,
      maxBodyBytes: 5 * 1024 * 1024,
      maxUploadBytes: 1024 * 1024 * 1024,
      analysisTimeoutMs: 10_000,
      trustProxy: 0,
      allowedOrigins: [],
    });
  });

  test('reads every variable', () => {
    expect(
      optionsFromEnv({
        PORT: '8080',
        HOST: '0.0.0.0',
        PATHLIGHT_DATA_DIR: '/var/lib/pathlight',
        DATABASE_URL: 'postgres://app@db/pathlight',
        PATHLIGHT_ADMIN_EMAIL: 'head@clinic.example',
        PATHLIGHT_ADMIN_PASSWORD: 'secret admin password',
        PATHLIGHT_MAX_BODY_BYTES: '1048576',
        PATHLIGHT_MAX_UPLOAD_BYTES: '52428800',
        PATHLIGHT_ANALYSIS_TIMEOUT_SECONDS: '30',
        PATHLIGHT_TRUST_PROXY: 'true',
        PATHLIGHT_ALLOWED_ORIGINS: 'http://localhost:5173, https://pathlight.example',
      }),
    ).toEqual({
      port: 8080,
      host: '0.0.0.0',
      dataDir: '/var/lib/pathlight',
      databaseUrl: 'postgres://app@db/pathlight',
      adminEmail: 'head@clinic.example',
      adminPassword: 'secret admin password',
      maxBodyBytes: 1048576,
      maxUploadBytes: 52428800,
      analysisTimeoutMs: 30_000,
      trustProxy: 1,
      allowedOrigins: ['http://localhost:5173', 'https://pathlight.example'],
    });
  });

  test('PATHLIGHT_TRUST_PROXY is a number of proxies; true means one (as before)', () => {
    const hops = (v: string) => optionsFromEnv({ PATHLIGHT_TRUST_PROXY: v }).trustProxy;
    expect(['', '0', 'false', 'true', 'TRUE', '1', '2'].map(hops)).toEqual([0, 0, 0, 1, 1, 1, 2]);
    expect(() => hops('yes')).toThrow('PATHLIGHT_TRUST_PROXY must be true, false or a number of proxies');
    expect(() => hops('-1')).toThrow('PATHLIGHT_TRUST_PROXY');
  });

  test('a bad number names the variable', () => {
    expect(() => optionsFromEnv({ PORT: 'eighty' })).toThrow('PORT must be a whole number, got "eighty"');
    expect(() => optionsFromEnv({ PATHLIGHT_MAX_BODY_BYTES: '1.5' })).toThrow('PATHLIGHT_MAX_BODY_BYTES');
  });
});

describe('startServer', () => {
  let dir: string;
  let server: RunningServer;
  const logger = memoryLogger();
  const printed: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pathlight-server-'));
    const dist = join(dir, 'dist');
    await mkdir(join(dist, 'assets'), { recursive: true });
    await writeFile(join(dist, 'index.html'), '<!doctype html><title>Pathlight web</title>');
    await writeFile(join(dist, 'assets', 'app.js'), 'console.log("hi")');
    server = await startServer({
      port: 0,
      dataDir: join(dir, 'data'),
      webDist: dist,
      logger,
      print: (l) => printed.push(l),
    });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('serves the API on 127.0.0.1, logs one line with the URL, prints the one-time admin password', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(logger.lines.filter((l) => l.includes('Pathlight is running at'))).toEqual([
      `info Pathlight is running at ${server.url} (storage: pglite)`,
    ]);
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain('admin@pathlight.local');
    const res = await fetch(`${server.url}/api/health`);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  test('signs in over real HTTP with the printed password', async () => {
    const password = /password: (\S+)/.exec(printed[0] ?? '')?.[1];
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ email: 'admin@pathlight.local', password }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toContain('HttpOnly');
  });

  test('the per-address login limit keys on the real socket address, not on X-Forwarded-For', async () => {
    const tries = [];
    for (let i = 0; i < 31; i += 1) {
      tries.push(
        (
          await fetch(`${server.url}/api/auth/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-forwarded-for': `192.0.2.${i}` },
            body: JSON.stringify({ email: `limit-${i}@example.test`, password: 'wrong' }),
          })
        ).status,
      );
    }
    expect(tries).toEqual([...Array(30).fill(401), 429]);
  });

  test('the data directory is 0700 and nothing in it is open to group or others', async () => {
    const data = join(dir, 'data');
    expect((await stat(data)).mode & 0o777).toBe(0o700);
    const open: string[] = [];
    const walk = async (path: string) => {
      const info = await stat(path);
      if ((info.mode & 0o077) !== 0) open.push(path);
      if (info.isDirectory()) for (const name of await readdir(path)) await walk(join(path, name));
    };
    await walk(data);
    expect(open).toEqual([]);
  });

  test('security headers on API answers, errors, web app files and the index page', async () => {
    const answers = await Promise.all(
      ['/api/health', '/api/me', '/api/not-a-route', '/assets/app.js', '/workspaces/1/journeys'].map((p) =>
        fetch(`${server.url}${p}`),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual([200, 401, 401, 200, 200]);
    for (const res of answers) {
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self';");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(res.headers.get('permissions-policy')).toContain('camera=()');
      // Plain http: no HSTS.
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
  });

  test('serves the web build: files, then index.html for client routes; /api stays JSON', async () => {
    const js = await fetch(`${server.url}/assets/app.js`);
    expect(js.status).toBe(200);
    expect(await js.text()).toBe('console.log("hi")');
    const deep = await fetch(`${server.url}/workspaces/123/journeys/abc`);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<title>Pathlight web</title>');
    const api = await fetch(`${server.url}/api/not-a-route`);
    expect(api.status).toBe(401);
    expect(api.headers.get('content-type')).toBe('application/problem+json');
  });

  test('with the admin variables and no web build: creates that admin silently and says how to build', async () => {
    const again: string[] = [];
    const other = await startServer({
      port: 0,
      dataDir: join(dir, 'data2'),
      webDist: join(dir, 'no-dist'),
      logger: memoryLogger(),
      adminEmail: 'head@clinic.example',
      adminPassword: 'a chosen admin password',
      print: (l) => again.push(l),
    });
    try {
      const page = await fetch(`${other.url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('npm run build -w packages/web');
      expect(again).toEqual([]);
      expect(await other.db.users.findByEmail('head@clinic.example')).not.toBeNull();
    } finally {
      await other.close();
    }
  });
});
