import { resolve } from 'node:path';
import type { JourneySummary } from '@pathlight/db';
import { createDatabase, type Database } from '@pathlight/db';
import { Evidence } from '../evidence/evidence';
import type { Logger } from '../logger';
import { isUuid } from '../openapi';

/** The storage of a Pathlight installation opened outside the server (command line). */
export interface LocalData {
  db: Database;
  evidence: Evidence;
  /** Waits for background work, then closes the event stores and the database. */
  close(): Promise<void>;
}

const quietLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/**
 * Opens a data directory the way the server does (embedded PGlite there, or `databaseUrl`; event
 * databases, keys and uploads under it). The embedded database takes the directory's lock, so this
 * fails with a message naming the process when a running server holds it.
 */
export async function openLocalData(options: {
  dataDir: string;
  databaseUrl?: string | undefined;
  logger?: Logger;
}): Promise<LocalData> {
  const dataDir = resolve(options.dataDir);
  const db = await createDatabase({ databaseUrl: options.databaseUrl, dataDir });
  const evidence = new Evidence(db, options.logger ?? quietLogger, { dataDir });
  return {
    db,
    evidence,
    close: async () => {
      try {
        await evidence.close();
      } finally {
        await db.close();
      }
    },
  };
}

/** Every workspace of the installation (through its members), by name. */
async function allWorkspaces(db: Database): Promise<{ id: string; name: string }[]> {
  const found = new Map<string, { id: string; name: string }>();
  for (const user of await db.users.list())
    for (const w of await db.workspaces.listForUser(user.id)) found.set(w.id, { id: w.id, name: w.name });
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** A workspace by id or exact name; throws a message saying what matched (none, or several). */
export async function findWorkspace(db: Database, idOrName: string): Promise<{ id: string; name: string }> {
  if (isUuid(idOrName)) {
    const w = await db.workspaces.get(idOrName.toLowerCase());
    if (w) return { id: w.id, name: w.name };
  }
  const all = await allWorkspaces(db);
  const named = all.filter((w) => w.name === idOrName);
  if (named.length === 1 && named[0]) return named[0];
  if (named.length > 1)
    throw new Error(
      `${named.length} workspaces are named "${idOrName}": use an id (${named.map((w) => w.id).join(', ')})`,
    );
  throw new Error(
    `no workspace "${idOrName}"${all.length ? ` (there are: ${all.map((w) => `"${w.name}"`).join(', ')})` : ' (there is none yet)'}`,
  );
}

/** A journey by id or exact name (across all workspaces); throws a message when none or several match. */
export async function findJourney(db: Database, idOrName: string): Promise<JourneySummary> {
  const all: JourneySummary[] = [];
  for (const w of await allWorkspaces(db)) all.push(...(await db.journeys.list(w.id)));
  const byId = all.find((j) => j.id === idOrName.toLowerCase());
  if (byId) return byId;
  const named = all.filter((j) => j.name === idOrName);
  if (named.length === 1 && named[0]) return named[0];
  if (named.length > 1)
    throw new Error(
      `${named.length} journeys are named "${idOrName}": use an id (${named.map((j) => j.id).join(', ')})`,
    );
  throw new Error(`no journey "${idOrName}" (give its id, or its exact name)`);
}
