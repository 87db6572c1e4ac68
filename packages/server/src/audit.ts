import type { AuditDetail, Database } from '@pathlight/db';

/** What a write records in the audit log; `at` and the sequence number come from storage. */
export interface AuditFact {
  workspaceId: string | null;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  beforeVersion?: number | null;
  afterVersion?: number | null;
  detail?: AuditDetail;
}

/** Appends an audit entry; call it with the transaction handle of the write it records. */
export async function audit(tx: Database, fact: AuditFact): Promise<void> {
  await tx.audit.append({
    workspaceId: fact.workspaceId,
    actorId: fact.actorId,
    action: fact.action,
    entityType: fact.entityType,
    entityId: fact.entityId,
    beforeVersion: fact.beforeVersion ?? null,
    afterVersion: fact.afterVersion ?? null,
    detail: fact.detail ?? {},
  });
}
