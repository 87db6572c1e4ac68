import { describe, expect, it } from 'vitest';
import { summary } from './basic';
import { buildPrepareEvents, withPreparedEvents } from './prepare';
import { CLINIC, eventsDb } from './test-fixture';

describe('withPreparedEvents', () => {
  it('gives integer case keys, applies the filters once, and drops the copy even on failure', async () => {
    const db = await eventsDb(CLINIC);
    const filters = [{ kind: 'attribute', key: 'location', values: ['Süd'] }] as const;
    const s = await withPreparedEvents(db, { filters }, async (req) => {
      const types = await db.runAndReadAll(`SELECT DISTINCT typeof(case_id) AS t FROM ${req.source}`);
      expect(types.getRowObjectsJS()).toEqual([{ t: 'BIGINT' }]);
      return summary(db, req);
    });
    expect(s).toEqual(await summary(db, { filters }));
    await expect(
      withPreparedEvents(db, {}, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const temp = await db.runAndReadAll('SELECT count(*) AS n FROM duckdb_tables() WHERE temporary');
    expect(Number(temp.getRowObjectsJS()[0]?.n)).toBe(0);
  });

  it('refuses a table name that is not a plain identifier', () => {
    expect(() => buildPrepareEvents('x; DROP TABLE events', {})).toThrow(/not a table name/);
  });
});
