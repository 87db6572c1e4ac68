/**
 * Drizzle pg-core schema. Migrations in `../drizzle` are generated from it (`npm run generate -w packages/db`).
 * Only features of PostgreSQL 15 are used: PGlite is PostgreSQL 18, CI's server is 15.
 */
import type { JourneyContent, JourneyStatus, PersonaContent, Role } from '@pathlight/core';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { AuditDetail, DataSourceStatus, JobStatus, TemplateContent } from './ports';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    /** Stored trimmed and lower-cased, so the unique index is case-insensitive. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    isAdmin: boolean('is_admin').notNull().default(false),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [uniqueIndex('users_email_key').on(t.email)],
);

export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: instant('created_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

export const workspaces = pgTable('workspaces', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: instant('created_at').notNull(),
});

export const members = pgTable(
  'members',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').$type<Role>().notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.userId] }),
    index('members_user_idx').on(t.userId),
    check('members_role_check', sql`${t.role} in ('owner', 'editor', 'viewer')`),
  ],
);

/** Journeys keep the whole document as jsonb; list columns are copied out of it on every write. */
export const journeys = pgTable(
  'journeys',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    document: jsonb('document').$type<JourneyContent>().notNull(),
    name: text('name').notNull(),
    status: text('status').$type<JourneyStatus>().notNull(),
    ownerId: uuid('owner_id'),
    personaIds: jsonb('persona_ids').$type<string[]>().notNull(),
    tags: jsonb('tags').$type<string[]>().notNull(),
    reviewCadenceDays: integer('review_cadence_days'),
    lastReviewedAt: date('last_reviewed_at', { mode: 'string' }),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('journeys_workspace_idx').on(t.workspaceId, t.updatedAt),
    check('journeys_version_check', sql`${t.version} >= 1`),
  ],
);

export const personas = pgTable(
  'personas',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    content: jsonb('content').$type<PersonaContent>().notNull(),
    name: text('name').notNull(),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('personas_workspace_idx').on(t.workspaceId),
    check('personas_version_check', sql`${t.version} >= 1`),
  ],
);

/** A workspace's own journey templates; `content` is a core `JourneyTemplate` without its id. */
export const templates = pgTable(
  'templates',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    summary: text('summary').notNull(),
    category: text('category').$type<TemplateContent['category']>().notNull(),
    content: jsonb('content').$type<TemplateContent>().notNull(),
    createdAt: instant('created_at').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: instant('updated_at').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('templates_workspace_idx').on(t.workspaceId),
    check('templates_version_check', sql`${t.version} >= 1`),
  ],
);

/**
 * Append-only. No foreign keys on purpose: the trail of a deleted workspace or user stays readable.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity().primaryKey(),
    id: uuid('id').notNull().unique(),
    workspaceId: uuid('workspace_id'),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    beforeVersion: integer('before_version'),
    afterVersion: integer('after_version'),
    detail: jsonb('detail').$type<AuditDetail>().notNull().default(sql`'{}'::jsonb`),
    at: instant('at').notNull(),
  },
  (t) => [index('audit_workspace_idx').on(t.workspaceId, t.seq)],
);

export const dataSources = pgTable(
  'data_sources',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    format: text('format').notNull(),
    status: text('status').$type<DataSourceStatus>().notNull(),
    eventCount: bigint('event_count', { mode: 'number' }),
    caseCount: bigint('case_count', { mode: 'number' }),
    error: text('error'),
    skippedReport: jsonb('skipped_report'),
    /** Import options kept for a refresh with a new file: column mapping, timestamp format, time zone. */
    settings: jsonb('settings'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    index('data_sources_workspace_idx').on(t.workspaceId),
    check('data_sources_status_check', sql`${t.status} in ('pending', 'importing', 'ready', 'failed')`),
  ],
);

export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id').references(() => workspaces.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    status: text('status').$type<JobStatus>().notNull(),
    progress: doublePrecision('progress').notNull().default(0),
    input: jsonb('input'),
    result: jsonb('result'),
    error: text('error'),
    createdAt: instant('created_at').notNull(),
    startedAt: instant('started_at'),
    finishedAt: instant('finished_at'),
  },
  (t) => [
    index('jobs_workspace_idx').on(t.workspaceId, t.createdAt),
    check('jobs_status_check', sql`${t.status} in ('queued', 'running', 'succeeded', 'failed')`),
    check('jobs_progress_check', sql`${t.progress} >= 0 and ${t.progress} <= 1`),
  ],
);
