/**
 * `npm run bench`: generates clinic logs of 1M and 10M events (or `--events N`) in a scratch folder under
 * the OS temp dir (reused when present), imports CSV and XES, times every analysis and prints peak RSS.
 * Targets (issue 3): CSV import ≥ 1M events/s; all analyses on 10M events < 10 s; peak RSS < 4 GB.
 */
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  activities,
  caseDuration,
  conformance,
  demoJourney,
  edges,
  endpoints,
  eventStats,
  funnel,
  generateEventLog,
  kpis,
  openEventStore,
  variantsWithTotal,
} from '@pathlight/analytics';

/** Events per generated patient, measured on the generator (≈23.5); used to size the logs. */
const EVENTS_PER_PATIENT = 23.5;
const SEED = 'pathlight-bench';

const { values } = parseArgs({
  options: {
    events: { type: 'string' },
    'skip-xes': { type: 'boolean' },
    'memory-limit': { type: 'string' },
  },
  strict: true,
});
const sizes = values.events ? [Number(values.events)] : [1_000_000, 10_000_000];
if (sizes.some((n) => !Number.isInteger(n) || n < 1000))
  throw new Error('--events must be a whole number ≥ 1000');
const dir = join(tmpdir(), 'pathlight-bench');
mkdirSync(dir, { recursive: true });

const seconds = (ms: number) => (ms / 1000).toFixed(2);
const peakRss = () => `${(process.resourceUsage().maxRSS / 1024 / 1024).toFixed(2)} GB`;
const rate = (events: number, ms: number) =>
  `${Math.round(events / (ms / 1000)).toLocaleString('en-US')} events/s`;
/** Wall time, and CPU time of the whole process (all DuckDB threads): on a shared machine the CPU
 * time shows the work done even when other processes hold the cores. */
async function timed<T>(fn: () => Promise<T>): Promise<[T, number, number]> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const value = await fn();
  const used = process.cpuUsage(cpu);
  return [value, performance.now() - start, (used.user + used.system) / 1000];
}

/** The generated log for this size and format, written once (atomically) and reused afterwards. */
async function logFile(patients: number, format: 'csv' | 'xes'): Promise<string> {
  const file = join(dir, `clinic-${patients}.${format}`);
  if (existsSync(file)) return file;
  const [result, ms] = await timed(() =>
    generateEventLog({ patients, seed: SEED, out: `${file}.part`, format }),
  );
  renameSync(`${file}.part`, file);
  console.log(`  generated ${file}: ${result.events.toLocaleString('en-US')} events in ${seconds(ms)} s`);
  return file;
}

console.log(`Pathlight benchmark — ${availableParallelism()} CPUs, Node ${process.version}, scratch ${dir}`);
const journey = demoJourney();
for (const target of sizes) {
  const patients = Math.round(target / EVENTS_PER_PATIENT);
  console.log(
    `\n## ~${target.toLocaleString('en-US')} events (${patients.toLocaleString('en-US')} patients)`,
  );
  const csv = await logFile(patients, 'csv');

  // DuckDB's memory limit (default: openEventStore's, 60% of free RAM up to 2.5 GB) makes large
  // operators spill to disk instead of growing RSS.
  const limit = values['memory-limit'];
  const store = await openEventStore(limit === undefined ? {} : { memoryLimit: limit });
  const setting = (
    await store.connection.runAndReadAll("SELECT current_setting('memory_limit')")
  ).getColumnsJS()[0]?.[0];
  console.log(
    `  DuckDB memory_limit ${String(setting)}, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const [imported, importMs, importCpu] = await timed(() => store.importEvents(csv, {}));
  const mb = statSync(csv).size / 1e6;
  console.log(
    `  import CSV  ${imported.events.toLocaleString('en-US')} events, ${mb.toFixed(0)} MB: ${seconds(importMs)} s (cpu ${seconds(importCpu)} s), ${rate(imported.events, importMs)}`,
  );
  console.log(`  peak RSS after CSV import: ${peakRss()}`);
  const conn = store.connection;
  const steps: [string, () => Promise<unknown>][] = [
    // As analyze() runs them: the variant count comes with the variants.
    ['summary (w/o variants)', () => eventStats(conn)],
    ['activities + start/end', async () => [await activities(conn), await endpoints(conn)]],
    ['directly-follows', () => edges(conn)],
    ['variants (top 50 + count)', () => variantsWithTotal(conn)],
    ['case duration', () => caseDuration(conn)],
    ['funnel', () => funnel(conn, { journey })],
    [`KPIs (${journey.kpis.length})`, () => kpis(conn, { journey })],
    ['conformance', () => conformance(conn, { journey })],
  ];
  let total = 0;
  let totalCpu = 0;
  console.log(`  ${'analysis'.padEnd(24)} ${'wall'.padStart(7)}    ${'cpu'.padStart(7)}`);
  for (const [name, run] of steps) {
    const [, ms, cpu] = await timed(run);
    total += ms;
    totalCpu += cpu;
    console.log(`  ${name.padEnd(24)} ${seconds(ms).padStart(7)} s  ${seconds(cpu).padStart(7)} s`);
  }
  console.log(
    `  ${'all analyses'.padEnd(24)} ${seconds(total).padStart(7)} s  ${seconds(totalCpu).padStart(7)} s`,
  );
  // What `pathlight analyze` runs: every analysis, spread over two connections.
  const [, allMs, allCpu] = await timed(() => store.analyze({ journey }));
  console.log(
    `  ${'store.analyze() (2 conn)'.padEnd(24)} ${seconds(allMs).padStart(7)} s  ${seconds(allCpu).padStart(7)} s`,
  );
  console.log(`  peak RSS after analyses: ${peakRss()}; load average ${loadavg()[0]?.toFixed(2)}`);
  store.close();

  if (!values['skip-xes']) {
    const xes = await logFile(patients, 'xes');
    const xesStore = await openEventStore();
    const [x, xesMs, xesCpu] = await timed(() => xesStore.importEvents(xes, {}));
    console.log(
      `  import XES  ${x.events.toLocaleString('en-US')} events, ${(statSync(xes).size / 1e6).toFixed(0)} MB: ${seconds(xesMs)} s (cpu ${seconds(xesCpu)} s), ${rate(x.events, xesMs)}`,
    );
    xesStore.close();
  }
  console.log(`  peak RSS so far: ${peakRss()}`);
}
