import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type EventStore, loadOrCreateKey, openEventStore } from '@pathlight/analytics';

/** Where a workspace's event data and key live under the data directory (see the README). */
export function workspacePaths(dataDir: string, workspaceId: string) {
  return {
    dir: join(dataDir, 'workspaces', workspaceId),
    events: join(dataDir, 'workspaces', workspaceId, 'events.duckdb'),
    key: join(dataDir, 'keys', `${workspaceId}.key`),
    uploads: join(dataDir, 'uploads', workspaceId),
  };
}

/**
 * The per-workspace DuckDB event stores of this process, opened on first use and cached. Only this
 * process may open the files (DuckDB allows one writer), so the server is the one owner.
 */
export class EventStores {
  private readonly open = new Map<string, Promise<EventStore>>();

  constructor(private readonly dataDir: string) {}

  /** The workspace's store, opening (and creating) its database and key on first use. */
  get(workspaceId: string): Promise<EventStore> {
    let store = this.open.get(workspaceId);
    if (!store) {
      const paths = workspacePaths(this.dataDir, workspaceId);
      store = (async () => {
        await mkdir(paths.dir, { recursive: true, mode: 0o700 });
        const key = await loadOrCreateKey(paths.key);
        return openEventStore({ path: paths.events, key });
      })();
      // A failed open is not cached: the next call tries again.
      store.catch(() => this.open.delete(workspaceId));
      this.open.set(workspaceId, store);
    }
    return store;
  }

  /** Closes the workspace's store (if open) and deletes its event database, key and uploads. */
  async destroy(workspaceId: string): Promise<void> {
    await this.close(workspaceId);
    const paths = workspacePaths(this.dataDir, workspaceId);
    await Promise.all([
      rm(paths.dir, { recursive: true, force: true }),
      rm(paths.key, { force: true }),
      rm(paths.uploads, { recursive: true, force: true }),
    ]);
  }

  private async close(workspaceId: string): Promise<void> {
    const store = this.open.get(workspaceId);
    this.open.delete(workspaceId);
    if (store) (await store.catch(() => null))?.close();
  }

  /** Closes every open store (server shutdown). */
  async closeAll(): Promise<void> {
    await Promise.all([...this.open.keys()].map((id) => this.close(id)));
  }
}
