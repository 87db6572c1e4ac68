import type { Executor } from './executor';
import type { Database } from './ports';
import { auditRepository } from './repositories/audit';
import { dataSourceRepository } from './repositories/data-sources';
import { jobRepository } from './repositories/jobs';
import { journeyRepository } from './repositories/journeys';
import { memberRepository } from './repositories/members';
import { personaRepository } from './repositories/personas';
import { sessionRepository } from './repositories/sessions';
import { templateRepository } from './repositories/templates';
import { userRepository } from './repositories/users';
import { workspaceRepository } from './repositories/workspaces';

/** Binds every repository to one Drizzle handle (a connection pool, PGlite, or an open transaction). */
export function drizzleDatabase(db: Executor, kind: Database['kind'], close: () => Promise<void>): Database {
  return {
    kind,
    users: userRepository(db),
    sessions: sessionRepository(db),
    workspaces: workspaceRepository(db),
    members: memberRepository(db),
    journeys: journeyRepository(db),
    personas: personaRepository(db),
    templates: templateRepository(db),
    audit: auditRepository(db),
    dataSources: dataSourceRepository(db),
    jobs: jobRepository(db),
    transaction(fn) {
      return db.transaction((tx) => fn(drizzleDatabase(tx, kind, closeInsideTransaction)));
    },
    close,
  };
}

async function closeInsideTransaction(): Promise<void> {
  throw new Error('@pathlight/db: close() called on a transaction handle; close the database instead');
}
