import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type DrizzleSnapshotJSON, generateDrizzleJson, generateMigration } from 'drizzle-kit/api';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from './create-database';
import * as schema from './schema';

type Journal = { entries: { idx: number; tag: string }[] };

describe('committed migrations', () => {
  it('match the schema: regenerating from schema.ts would add nothing', async () => {
    const journal = JSON.parse(
      await readFile(join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8'),
    ) as Journal;
    const last = journal.entries.at(-1);
    if (!last) throw new Error('drizzle/meta/_journal.json lists no migrations');
    const snapshotFile = join(
      MIGRATIONS_FOLDER,
      'meta',
      `${String(last.idx).padStart(4, '0')}_snapshot.json`,
    );
    const committed = JSON.parse(await readFile(snapshotFile, 'utf8')) as DrizzleSnapshotJSON;
    const current = generateDrizzleJson(schema);
    expect(await generateMigration(committed, current)).toEqual([]);
  });
});
