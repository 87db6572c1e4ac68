import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type EventStore, openEventStore } from '../event-store';
import { ImportError } from './import-error';
import { removeScratch, scratch, TEST_KEY } from './test-helpers';

// Import errors are stored on the data source and the job and shown to every member of the workspace,
// viewers included: they name file, place, column and problem, and never quote a value from a record.

afterAll(removeScratch);

/** A value that must never appear in an error: it stands for a patient identifier or any other cell. */
const SECRET = 'Pat-Secret-4711';

let store: EventStore;
let dir: string;
beforeEach(async () => {
  store = await openEventStore({ key: TEST_KEY });
  dir = await scratch();
});
afterEach(() => store.close());

async function file(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

/** The failure message of an import, and the skipped-records report of the same file with skipBadRows. */
async function reports(path: string): Promise<{ message: string; skipped: string }> {
  const error = await store.importEvents(path).then(
    () => new Error('the import succeeded'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  const skipped = await store.importEvents(path, { skipBadRows: true }).then(
    (r) => JSON.stringify(r.skipped),
    (e: unknown) => (e as Error).message,
  );
  return { message: (error as Error).message, skipped };
}

const HEADER = 'case_id,activity,timestamp';
const GOOD = 'A,a,2024-01-01T00:00:00Z';

describe('import errors never quote a value', () => {
  it.each([
    [
      'a bad timestamp',
      `${HEADER}\n${GOOD}\n${SECRET},b,${SECRET}\n`,
      /^.*, record 2: timestamp \(column "timestamp"\) is not a date or time \(expected ISO 8601, e\.g\. /,
    ],
    [
      'a bad cost',
      `${HEADER},cost\n${GOOD},1\nB,b,2024-01-01T00:00:00Z,${SECRET}\n`,
      /record 2: cost \(column "cost"\) is not a number \(expected e\.g\. 12\.50\)/,
    ],
    [
      'an unclosed quote whose line continues with the next record',
      `${HEADER}\n${GOOD}\nB,"b,2024-01-01T00:00:00Z\n${SECRET},c,2024-01-01T00:00:00Z\n`,
      /, line 3: malformed CSV: /,
    ],
    [
      'a field count mismatch',
      `${HEADER}\n${GOOD}\n${SECRET},b\n`,
      /, line 3: malformed CSV: expected 3 fields, found 2/,
    ],
    [
      'text that is not UTF-8',
      Buffer.from(`${HEADER}\n${GOOD}\nB,${SECRET}\xff,2024-01-01T00:00:00Z\n`, 'latin1'),
      /, line 3: not UTF-8 text/,
    ],
  ])('CSV: %s', async (_, content, expected) => {
    const { message, skipped } = await reports(await file('t.csv', content));
    expect(message).toMatch(expected);
    expect(message).not.toContain(SECRET);
    expect(skipped).not.toContain(SECRET);
  });

  it('CSV: a timestamp column in no known format', async () => {
    const { message } = await reports(await file('t.csv', `${HEADER}\nA,a,${SECRET}\n`));
    expect(message).toMatch(
      /, column "timestamp": no date or time in a recognised format \(expected e\.g\. 2025-03-01 14:30:00, /,
    );
    expect(message).not.toContain(SECRET);
  });

  it('CSV: named columns that are absent are all listed, header names quoted', async () => {
    const path = await file('t.csv', `${HEADER}\n${GOOD}\n`);
    await expect(
      store.importEvents(path, { columns: { case: 'X', activity: 'Y', timestamp: 'timestamp' } }),
    ).rejects.toThrow(
      `${path}: columns "X" (case), "Y" (activity) are not in the file (columns: "case_id", "activity", "timestamp"); nothing was imported`,
    );
  });

  it('XES: a bad timestamp and an unclosed tag named like a value', async () => {
    const bad = await file(
      'bad.xes',
      `<log>\n<trace><string key="concept:name" value="${SECRET}"/>\n<event><string key="concept:name" value="a"/><date key="time:timestamp" value="${SECRET}"/></event>\n</trace>\n</log>\n`,
    );
    const ts = await reports(bad);
    expect(ts.message).toBe(
      `${bad}, line 3: timestamp (time:timestamp) is not a date or time (expected ISO 8601, e.g. 2025-03-01T14:30:00Z or 2025-03-01 14:30:00); nothing was imported`,
    );
    expect(ts.skipped).not.toContain(SECRET);
    const cut = await file('cut.xes.gz', gzipSync(`<log>\n<trace>\n<${SECRET}>\n`));
    const { message } = await reports(cut);
    expect(message).toBe(`${cut}, line 4: malformed XES (unclosed tag); nothing was imported`);
  });

  it('FHIR: a bad time and an NDJSON line that is not JSON', async () => {
    const folder = join(dir, 'export');
    await mkdir(folder);
    await writeFile(
      join(folder, 'Encounter.ndjson'),
      [
        `{"resourceType":"Encounter","status":"in-progress","subject":{"reference":"Patient/${SECRET}"},"period":{"start":"${SECRET}"}}`,
        `{"resourceType":"Encounter","status":${SECRET}}`,
        '{"resourceType":"Encounter","status":"in-progress","subject":{"reference":"Patient/b"},"period":{"start":"2024-01-01T00:00:00Z"}}',
      ].join('\n'),
    );
    const { message, skipped } = await reports(folder);
    expect(message).toBe(
      `${folder}, Encounter.ndjson line 1 (Encounter.period.start): timestamp (time) is not a date or time (expected ISO 8601, e.g. 2025-03-01T14:30:00Z or 2025-03-01 14:30:00); nothing was imported`,
    );
    expect(skipped).toContain('"reason":"invalid JSON: unexpected character"');
    expect(skipped).not.toContain(SECRET);
    expect(skipped).not.toContain("'P'");
  });

  it('HL7: a bad time', async () => {
    const path = await file(
      'feed.hl7',
      `MSH|^~\\&|S|C|P|C|${SECRET}||SIU^S12^SIU_S12|M1|P|2.5\nPID|1||${SECRET}\n`,
    );
    const { message } = await reports(path);
    expect(message).toMatch(
      /, message at line 1: time \(MSH-7\) is not an HL7 date\/time \(expected YYYYMMDD/,
    );
    expect(message).not.toContain(SECRET);
  });
});
