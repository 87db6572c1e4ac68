import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, type Database } from '@pathlight/db';
import { createApp } from '../src/app';
import type { AppConfig } from '../src/config';
import { Evidence, type EvidenceOptions } from '../src/evidence/evidence';
import { memoryLogger } from '../src/logger';
import { hashPassword } from '../src/passwords';

/** Synthetic accounts used across the server tests (obviously fictional). */
export const PASSWORD = 'correct horse battery staple';

export type TestApp = ReturnType<typeof createApp>;

/**
 * A fresh in-memory PGlite database and app, with a clock the test can move, and event data
 * (DuckDB stores, uploads) in a temp folder removed by `close()`.
 */
export async function makeHarness(
  config: Partial<AppConfig> = {},
  evidenceOptions: Omit<EvidenceOptions, 'dataDir'> = {},
) {
  const db = await createDatabase();
  const logger = memoryLogger();
  let clock = new Date('2026-03-02T09:00:00.000Z');
  const dataDir = await mkdtemp(join(tmpdir(), 'pathlight-server-test-'));
  const evidence = new Evidence(db, logger, { ...evidenceOptions, dataDir });
  const app = createApp({ db, logger, config, now: () => clock, evidence });
  const hash = await hashPassword(PASSWORD);
  const user = async (email: string, name: string, isAdmin = false) => {
    const made = await db.users.create({ email, name, passwordHash: hash, isAdmin });
    if (!made.ok) throw new Error(`test user ${email} exists`);
    return made.user;
  };
  return {
    db,
    app,
    logger,
    user,
    agent: (email?: string) => new Agent(app, email),
    setClock: (at: Date) => {
      clock = at;
    },
    evidence,
    dataDir,
    close: async () => {
      await evidence.close();
      await db.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export type Harness = Awaited<ReturnType<typeof makeHarness>>;

/**
 * Uploads a file as `agent`, imports it into the workspace as a source (named after the file unless
 * `extra.name` says otherwise) and waits for the import job; returns the upload, job and source as the
 * API shows them to that agent. Throws when the upload or the import request is refused.
 */
export async function importAs(
  h: Harness,
  agent: Agent,
  workspaceId: string,
  content: string | Uint8Array,
  filename: string,
  extra: Record<string, unknown> = {},
) {
  const body = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  const up = await agent.json('POST', `/api/workspaces/${workspaceId}/uploads`, body, {
    'x-filename': filename,
  });
  if (up.status !== 201) throw new Error(`upload of ${filename}: ${up.status} ${JSON.stringify(up.body)}`);
  const made = await agent.json('POST', `/api/workspaces/${workspaceId}/sources`, {
    uploadId: up.body.uploadId,
    name: filename,
    ...extra,
  });
  if (made.status !== 202)
    throw new Error(`import of ${filename}: ${made.status} ${JSON.stringify(made.body)}`);
  await h.evidence.jobs.idle();
  const job = await agent.json('GET', `/api/jobs/${made.body.job.id}`);
  const source = await agent.json('GET', `/api/sources/${made.body.source.id}`);
  return { upload: up.body, job: job.body, source: source.body };
}

/** A browser-like client of the app: keeps the session cookie and sends the CSRF header. */
export class Agent {
  cookie: string | undefined;
  csrf: string | undefined;

  constructor(
    readonly app: TestApp,
    readonly email?: string,
  ) {}

  /** Signs in with the shared test password; throws when that fails. */
  async login(email = this.email, password = PASSWORD): Promise<this> {
    const res = await this.send('POST', '/api/auth/login', { email, password });
    if (res.status !== 200) throw new Error(`login of ${email} failed: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { csrfToken: string };
    this.csrf = body.csrfToken;
    return this;
  }

  /** Sends a request; `body` objects go as JSON, strings as they are, bytes as a raw (file) body. */
  async send(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    const h: Record<string, string> = {};
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] = this.csrf;
    const raw = body instanceof Uint8Array;
    if (body !== undefined) h['content-type'] = raw ? 'application/octet-stream' : 'application/json';
    Object.assign(h, headers);
    const init: RequestInit = { method, headers: h };
    if (raw) init.body = body as Uint8Array<ArrayBuffer>;
    else if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
    const res = await this.app.request(path, init);
    const set = res.headers.get('set-cookie');
    if (set?.startsWith('pathlight_session=')) {
      const value = set.split(';')[0] as string;
      this.cookie = value === 'pathlight_session=' ? undefined : value;
    }
    return res;
  }

  /** Sends and parses the JSON answer, returning status and body. */
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary response bodies field by field
  async json<T = any>(method: string, path: string, body?: unknown, headers?: Record<string, string>) {
    const res = await this.send(method, path, body, headers);
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : null) as T };
  }
}

export type { Database };
