/**
 * Evidence benchmark (issue 5): loads a synthetic clinic log of ~1M events (`--events N`) through the
 * API (streamed upload → background import) and times the metrics, process-map and dashboard
 * endpoints through `app.request()`. Target: < 1.5 s each. Run: `npx tsx packages/server/bench/evidence.ts`.
 * The log is generated once under `$TMPDIR/pathlight-bench` (shared with the analytics benchmark).
 */
import { createReadStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { demoJourney, generateEventLog } from '@pathlight/analytics';
import { createDatabase } from '@pathlight/db';
import { createApp } from '../src/app';
import { Evidence } from '../src/evidence/evidence';
import { memoryLogger } from '../src/logger';
import { hashPassword } from '../src/passwords';

const { values } = parseArgs({ options: { events: { type: 'string' }, runs: { type: 'string' } } });
const target = Number(values.events ?? 1_000_000);
const runs = Number(values.runs ?? 3);
const patients = Math.round(target / 23.5);
const dir = join(tmpdir(), 'pathlight-bench');
mkdirSync(dir, { recursive: true });
const file = join(dir, `clinic-${patients}.csv`);
if (!existsSync(file)) {
  await generateEventLog({ patients, seed: 'pathlight-bench', out: `${file}.part` });
  renameSync(`${file}.part`, file);
}

const dataDir = await mkdtemp(join(tmpdir(), 'pathlight-evidence-bench-'));
const db = await createDatabase();
const logger = memoryLogger();
const evidence = new Evidence(db, logger, { dataDir, warmAfterImport: true });
const app = createApp({ db, logger, evidence });
const password = 'benchmark password only';
const made = await db.users.create({
  email: 'bench@example.test',
  name: 'Bench Editor',
  passwordHash: await hashPassword(password),
  isAdmin: false,
});
if (!made.ok) throw new Error('could not create the benchmark user');

const login = await app.request('/api/auth/login', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: 'bench@example.test', password }),
});
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
const { csrfToken } = (await login.json()) as { csrfToken: string };
const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
async function call(method: string, path: string, body?: unknown) {
  const res = await app.request(path, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await res.json()) as Record<string, unknown> & { id: string };
  if (res.status >= 300)
    throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
  return json;
}

const ws = await call('POST', '/api/workspaces', { name: 'Benchmark clinic' });
const journey = await call('POST', `/api/workspaces/${ws.id}/journeys/import`, {
  format: 'pathlight.journey',
  schemaVersion: 2,
  exportedAt: '2026-01-01T00:00:00.000Z',
  journey: demoJourney(),
});

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(
  `Pathlight evidence benchmark — ${availableParallelism()} CPUs, Node ${process.version}, ${file} (${(statSync(file).size / 1e6).toFixed(0)} MB)`,
);

let start = performance.now();
const upload = await app.request(`/api/workspaces/${ws.id}/uploads`, {
  method: 'POST',
  headers: { cookie, 'x-csrf-token': csrfToken, 'x-filename': 'clinic.csv' },
  body: Readable.toWeb(createReadStream(file)) as ReadableStream,
  duplex: 'half',
} as RequestInit);
const { uploadId } = (await upload.json()) as { uploadId: string };
const uploadMs = performance.now() - start;
start = performance.now();
const { source } = (await call('POST', `/api/workspaces/${ws.id}/sources`, {
  uploadId,
  name: 'Clinic',
})) as unknown as {
  source: { id: string };
};
let job = await call('GET', `/api/sources/${source.id}`);
while (job.status === 'importing') {
  await new Promise((r) => setTimeout(r, 50));
  job = await call('GET', `/api/sources/${source.id}`);
}
const importMs = performance.now() - start;
start = performance.now();
await evidence.jobs.idle(); // the default views are precomputed after the import
const warmMs = performance.now() - start;
const loaded = await call('GET', `/api/sources/${source.id}`);
console.log(
  `upload (streamed to disk): ${seconds(uploadMs)}; import job: ${seconds(importMs)}; ${loaded.eventCount} events, ${loaded.caseCount} cases, status ${loaded.status}; default views precomputed in ${seconds(warmMs)}`,
);

const window = { from: '2025-03-01', to: '2025-04-30' };
const cases: [string, string, string, unknown][] = [
  ['metrics (map with live metrics)', 'POST', `/api/journeys/${journey.id}/metrics`, {}],
  [
    'metrics, date-range + segment filter',
    'POST',
    `/api/journeys/${journey.id}/metrics`,
    { ...window, attribute: { key: 'source', values: ['google-ads', 'facebook'] } },
  ],
  ['process map', 'POST', `/api/workspaces/${ws.id}/process-map`, {}],
  ['process map, date-range filter', 'POST', `/api/workspaces/${ws.id}/process-map`, window],
  ['journey dashboard (28 days)', 'POST', `/api/journeys/${journey.id}/dashboard`, {}],
  ['workspace dashboard', 'GET', `/api/workspaces/${ws.id}/dashboard`, undefined],
  [
    'step detail (split by source)',
    'POST',
    `/api/journeys/${journey.id}/steps/booked/detail`,
    { splitBy: 'source' },
  ],
  ['metrics as a shared view (?shared=1)', 'POST', `/api/journeys/${journey.id}/metrics?shared=1`, {}],
];
const first = new Map<string, number>();
for (const [name, method, path, body] of cases) {
  const t = performance.now();
  await call(method, path, body);
  first.set(name, performance.now() - t);
}
console.log(
  '\n| Endpoint | first view after import | cold (median) | cold runs | repeated |\n|---|---|---|---|---|',
);
for (const [name, method, path, body] of cases) {
  const cold: number[] = [];
  for (let i = 0; i < runs; i++) {
    evidence.cache.invalidate(ws.id); // as after an import: nothing cached
    const t = performance.now();
    await call(method, path, body);
    cold.push(performance.now() - t);
  }
  const t = performance.now();
  await call(method, path, body);
  const cached = performance.now() - t;
  const sorted = [...cold].sort((x, y) => x - y);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  console.log(
    `| ${name} | ${seconds(first.get(name) ?? 0)} | ${seconds(median)} | ${cold.map(seconds).join(', ')} | ${seconds(cached)} |`,
  );
}
console.log(`\npeak RSS ${(process.resourceUsage().maxRSS / 1024 / 1024).toFixed(2)} GB`);

await evidence.close();
await db.close();
await rm(dataDir, { recursive: true, force: true });
