import type { Database, DatabaseConfig } from './ports';

/** Opens PostgreSQL when `databaseUrl` is set, else embedded PGlite; applies pending migrations first. */
export async function createDatabase(_config: DatabaseConfig = {}): Promise<Database> {
  throw new Error('createDatabase: the storage implementation is being written (packages/db)');
}
