import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * `serve`, `demo`, `import` and `export` as subprocesses on temporary data directories.
 */
const BIN = fileURLToPath(new URL('../bin/pathlight.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'pathlight-cli-local-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

const ENV = {
  ...process.env,
  DATABASE_URL: '',
  PATHLIGHT_DATA_DIR: '',
  PATHLIGHT_ADMIN_EMAIL: '',
  PATHLIGHT_ADMIN_PASSWORD: '',
  PATHLIGHT_DEMO: '',
};

function pathlight(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: ENV, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
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

describe('usage errors exit 2 with one line', () => {
  it.each([
    [['import', 'x.csv'], 'pathlight import: --workspace is required (a name or an id)'],
    [
      ['import', 'x.csv', '--workspace', 'w', '--format', 'docx'],
      'pathlight import: --format must be one of',
    ],
    [['export'], 'pathlight export: missing JOURNEY_ID or NAME'],
    [['demo', 'now'], 'pathlight demo: unexpected argument "now"'],
    [['serve', '--port', 'eighty'], 'pathlight serve: --port must be a whole number (got "eighty")'],
    [['serve', '--verbose'], 'pathlight serve: Unknown option'],
  ])('%j', async (args, message) => {
    const run = await pathlight(...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('serve', () => {
  it('starts on the port and data dir given, prints the first admin, refuses a second opener, stops on SIGTERM', async () => {
    const data = join(dir, 'served');
    const port = await freePort();
    const server = spawn(process.execPath, [BIN, 'serve', '--port', String(port), '--data-dir', data], {
      env: { ...ENV, PATHLIGHT_DEMO: 'off' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(server);
    let out = '';
    server.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
    });
    server.stderr?.on('data', (c: Buffer) => {
      out += c.toString();
    });
    const deadline = Date.now() + 60_000;
    while (!out.includes('Pathlight is running at') && Date.now() < deadline && server.exitCode === null)
      await new Promise((r) => setTimeout(r, 100));
    expect(out).toContain(`Pathlight is running at http://127.0.0.1:${port}`);
    expect(out).toMatch(/e-mail: +admin@pathlight\.local/);
    expect(out).not.toContain('Demo workspace');
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);

    const second = await pathlight('demo', '--reset', '--data-dir', data);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/^pathlight demo: .*is already in use by process \d+/);
    expect(second.stderr.trim().split('\n')).toHaveLength(1);

    const exited = new Promise<number | null>((r) => server.once('exit', (code) => r(code)));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});

describe('demo, import and export on one data directory', () => {
  const data = join(dir, 'demo');

  it('seeds the demo into an empty directory, with the first admin as its owner; a second run keeps it', async () => {
    const first = await pathlight('demo', '--data-dir', data);
    expect(first.stderr).not.toContain('pathlight demo:');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/password: \S+/);
    expect(first.stdout).toMatch(
      /Seeded the demo workspace "Riverside Family Dental & Medical": 496328 events of 24000 synthetic patients/,
    );
    expect(first.stdout).toContain('sign in as admin@pathlight.local');
    const again = await pathlight('demo', '--data-dir', data);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(
      'The demo workspace "Riverside Family Dental & Medical" is already there; pathlight demo --reset rebuilds it.\n',
    );
  });

  it('imports a CSV into a workspace named on the command line', async () => {
    const csv = join(dir, 'front-desk.csv');
    writeFileSync(
      csv,
      'visit,step,at\nv1,lead.created,2025-03-01T08:00:00Z\nv1,appointment.booked,2025-03-01T09:00:00Z\nv2,lead.created,2025-03-02 10:00\n',
    );
    const run = await pathlight(
      'import',
      csv,
      '--workspace',
      'Riverside Family Dental & Medical',
      '--name',
      'Front desk log',
      '--case',
      'visit',
      '--activity',
      'step',
      '--timestamp',
      'at',
      '--timezone',
      'America/Chicago',
      '--data-dir',
      data,
    );
    expect(run.stdout).toMatch(
      /^imported 3 events of 2 cases into "Riverside Family Dental & Medical" as data source "Front desk log" \([0-9a-f-]{36}\)\n$/,
    );
    expect(run.code).toBe(0);
  });

  it('a bad file fails with the job error naming file, record and field, exit 1', async () => {
    const csv = join(dir, 'bad-dates.csv');
    writeFileSync(
      csv,
      'case_id,activity,timestamp\na,lead.created,2025-03-01T08:00:00Z\nb,lead.created,not a date\n',
    );
    const run = await pathlight(
      'import',
      csv,
      '--workspace',
      'Riverside Family Dental & Medical',
      '--data-dir',
      data,
    );
    expect(run.code).toBe(1);
    const errors = run.stderr.split('\n').filter((line) => line.startsWith('pathlight'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^pathlight import: bad-dates\.csv, record 2: timestamp .*; nothing was imported$/,
    );
  });

  it('an unknown workspace lists the ones there are', async () => {
    const run = await pathlight(
      'import',
      join(dir, 'bad-dates.csv'),
      '--workspace',
      'Nope',
      '--data-dir',
      data,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'pathlight import: no workspace "Nope" (there are: "Riverside Family Dental & Medical")\n',
    );
  });

  it('exports a journey by name as the app does', async () => {
    const out = join(dir, 'referral.json');
    const run = await pathlight(
      'export',
      'Partner referral to first oral-surgery visit',
      '--out',
      out,
      '--data-dir',
      data,
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`wrote "Partner referral to first oral-surgery visit" to ${out}\n`);
    const file = JSON.parse(readFileSync(out, 'utf8'));
    expect(file.format).toBe('pathlight.journey');
    expect(file.schemaVersion).toBe(2);
    expect(file.journey.name).toBe('Partner referral to first oral-surgery visit');
    const triage = file.journey.stages
      .flatMap((s: { steps: { id: string }[] }) => s.steps)
      .find((s: { id: string }) => s.id === 'sp-triage');
    expect(triage.activities).toEqual(['referral.triaged']);
    const missing = await pathlight('export', 'No such journey', '--data-dir', data);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(
      'pathlight export: no journey "No such journey" (give its id, or its exact name)\n',
    );
  });

  it('--reset rebuilds the demo (the extra source goes with the old workspace)', async () => {
    const run = await pathlight('demo', '--reset', '--data-dir', data);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^Rebuilt the demo workspace "Riverside Family Dental & Medical": 496328 events/,
    );
    const again = await pathlight(
      'export',
      'New dental patient: search to first review visit',
      '--data-dir',
      data,
    );
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).journey.status).toBe('live');
  });
});
