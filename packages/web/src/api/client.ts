import type {
  Journey,
  JourneyContent,
  JourneyTemplate,
  MemberAdd,
  PersonaContent,
  Role,
  UserCreate,
  UserUpdate,
} from '@pathlight/core';
import { createApiClient } from '@pathlight/server/client';
import { type InferRequestType, type InferResponseType, parseResponse } from 'hono/client';
import { ApiError, toApiError } from './errors';
import { CSRF_HEADER, type Http } from './http';

/** Result of saving a journey: the new version, or what someone else saved first. */
export type SaveResult =
  | { ok: true; version: number; journey: Journey }
  | {
      ok: false;
      conflict: { version: number; document: JourneyContent; updatedBy: string | null; updatedAt: string };
    };

/** A template body as the server takes it: a core template without its id. */
export type TemplateBody = Omit<JourneyTemplate, 'id'>;
export type TemplateCategory = JourneyTemplate['category'];

/** Request options that let the caller cancel a read (the server stops a query nobody waits for). */
export const cancel = (signal: AbortSignal | undefined) => (signal ? { init: { signal } } : undefined);

/** `If-Match` value for a base version. */
const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

/**
 * Every call the web app makes, on the server's typed client (routes, bodies and responses come
 * from the server's route definitions). Requests go through `http.fetch`, which adds cookies and
 * the CSRF header and throws ApiError, so every `parseResponse` here sees a success. Reads take an
 * optional AbortSignal (`useResource` passes one) that cancels them.
 */
export function createApi(http: Http, baseUrl: string) {
  const c = createApiClient(baseUrl, http.fetch).api;

  return {
    health: () => parseResponse(c.health.$get()),

    async me() {
      const me = await parseResponse(c.me.$get());
      http.setCsrfToken(me.csrfToken);
      return me;
    },
    async login(email: string, password: string) {
      const me = await parseResponse(c.auth.login.$post({ json: { email, password } }));
      http.setCsrfToken(me.csrfToken);
      return me;
    },
    async logout(): Promise<void> {
      await c.auth.logout.$post();
      http.setCsrfToken(null);
    },
    /** Changes the signed-in user's password; their other sessions end, this one stays. */
    async changePassword(currentPassword: string, newPassword: string): Promise<void> {
      await c.me.password.$post({ json: { currentPassword, newPassword } });
    },

    workspaces: {
      list: () => parseResponse(c.workspaces.$get()),
      create: (name: string) => parseResponse(c.workspaces.$post({ json: { name } })),
    },

    members: {
      list: (id: string) => parseResponse(c.workspaces[':id'].members.$get({ param: { id } })),
      add: (id: string, json: MemberAdd) =>
        parseResponse(c.workspaces[':id'].members.$post({ param: { id }, json })),
      setRole: (id: string, userId: string, role: Role) =>
        parseResponse(
          c.workspaces[':id'].members[':userId'].$patch({ param: { id, userId }, json: { role } }),
        ),
      remove: async (id: string, userId: string): Promise<void> => {
        await c.workspaces[':id'].members[':userId'].$delete({ param: { id, userId } });
      },
    },

    journeys: {
      list: (id: string, signal?: AbortSignal) =>
        parseResponse(c.workspaces[':id'].journeys.$get({ param: { id } }, cancel(signal))),
      create: (id: string, json: { templateId: string; name?: string } | { name: string }) =>
        parseResponse(c.workspaces[':id'].journeys.$post({ param: { id }, json })),
      get: (id: string, signal?: AbortSignal) =>
        parseResponse(c.journeys[':id'].$get({ param: { id } }, cancel(signal))),
      /** Saves a whole document based on `version`; a 409 comes back as `{ok:false, conflict}`. */
      async save(id: string, version: number, document: JourneyContent): Promise<SaveResult> {
        try {
          const journey = await parseResponse(
            c.journeys[':id'].$put({ param: { id }, header: ifMatch(version), json: { document } }),
          );
          return { ok: true, version: journey.version, journey };
        } catch (error) {
          const conflict = error instanceof ApiError && error.status === 409 ? readConflict(error) : null;
          if (conflict) return { ok: false, conflict };
          throw error;
        }
      },
      remove: async (id: string): Promise<void> => {
        await c.journeys[':id'].$delete({ param: { id }, header: {} });
      },
      duplicate: (id: string) => parseResponse(c.journeys[':id'].duplicate.$post({ param: { id } })),
      exportJson: (id: string) => parseResponse(c.journeys[':id'].export.$get({ param: { id } })),
      /** Imports a journey export file; the server migrates older document versions. */
      importJson: (id: string, file: unknown) =>
        parseResponse(
          c.workspaces[':id'].journeys.import.$post({
            param: { id },
            // The file is the user's: the server validates it and answers with field paths.
            json: file as Parameters<(typeof c.workspaces)[':id']['journeys']['import']['$post']>[0]['json'],
          }),
        ),
    },

    personas: {
      list: (id: string) => parseResponse(c.workspaces[':id'].personas.$get({ param: { id } })),
      create: (id: string, json: PersonaContent) =>
        parseResponse(c.workspaces[':id'].personas.$post({ param: { id }, json })),
      update: (id: string, version: number, json: PersonaContent) =>
        parseResponse(c.personas[':id'].$put({ param: { id }, header: ifMatch(version), json })),
      remove: async (id: string): Promise<void> => {
        await c.personas[':id'].$delete({ param: { id }, header: {} });
      },
    },

    templates: {
      list: () => parseResponse(c.templates.$get()),
      get: (templateId: string) => parseResponse(c.templates[':templateId'].$get({ param: { templateId } })),
      /** The workspace's own templates (summaries). */
      listWorkspace: (id: string) => parseResponse(c.workspaces[':id'].templates.$get({ param: { id } })),
      /** Saves a journey of the workspace as a template (its personas are copied in). */
      saveJourney: (
        id: string,
        json: { name: string; summary: string; category: TemplateCategory; journeyId: string },
      ) => parseResponse(c.workspaces[':id'].templates.$post({ param: { id }, json })),
      update: (templateId: string, version: number, json: TemplateBody) =>
        parseResponse(
          c.templates[':templateId'].$put({ param: { templateId }, header: ifMatch(version), json }),
        ),
      remove: async (templateId: string): Promise<void> => {
        await c.templates[':templateId'].$delete({ param: { templateId }, header: {} });
      },
    },

    evidence: {
      /** Sends a file as the raw body with upload progress (XHR: fetch cannot report upload progress). */
      upload: (id: string, file: Blob, filename: string, onProgress?: (share: number) => void) =>
        uploadWithProgress<UploadResult>(
          http,
          `${baseUrl}/api/workspaces/${encodeURIComponent(id)}/uploads`,
          {
            file,
            filename,
            ...(onProgress ? { onProgress } : {}),
          },
        ),
      preview: (id: string, uploadId: string, delimiter?: string) =>
        parseResponse(
          c.workspaces[':id'].uploads[':uploadId'].preview.$get({
            param: { id, uploadId },
            query: delimiter ? { delimiter } : {},
          }),
        ),
      sources: (id: string, signal?: AbortSignal) =>
        parseResponse(c.workspaces[':id'].sources.$get({ param: { id } }, cancel(signal))),
      createSource: (id: string, json: SourceCreate) =>
        parseResponse(c.workspaces[':id'].sources.$post({ param: { id }, json })),
      source: (id: string) => parseResponse(c.sources[':id'].$get({ param: { id } })),
      renameSource: (id: string, name: string) =>
        parseResponse(c.sources[':id'].$patch({ param: { id }, json: { name } })),
      deleteSource: async (id: string): Promise<void> => {
        await c.sources[':id'].$delete({ param: { id } });
      },
      refreshSource: (id: string, json: SourceRefresh) =>
        parseResponse(c.sources[':id'].refresh.$post({ param: { id }, json })),
      job: (id: string, signal?: AbortSignal) =>
        parseResponse(c.jobs[':id'].$get({ param: { id } }, cancel(signal))),
      activities: (id: string, signal?: AbortSignal) =>
        parseResponse(c.workspaces[':id'].activities.$get({ param: { id }, query: {} }, cancel(signal))),
      /** Every attribute of the event data (to split or segment by), with distinct values and patients. */
      attributes: (id: string, signal?: AbortSignal) =>
        parseResponse(c.workspaces[':id'].attributes.$get({ param: { id }, query: {} }, cancel(signal))),
      processMap: (id: string, json: ProcessMapRequest, shared = false, signal?: AbortSignal) =>
        parseResponse(
          c.workspaces[':id']['process-map'].$post(
            { param: { id }, query: shared ? { shared: '1' } : {}, json },
            cancel(signal),
          ),
        ),
      journeyDashboard: (id: string, json: AnalysisFilterBody, shared = false, signal?: AbortSignal) =>
        parseResponse(
          c.journeys[':id'].dashboard.$post(
            { param: { id }, query: shared ? { shared: '1' } : {}, json },
            cancel(signal),
          ),
        ),
      workspaceDashboard: (id: string, shared = false, signal?: AbortSignal) =>
        parseResponse(
          c.workspaces[':id'].dashboard.$get(
            { param: { id }, query: shared ? { shared: '1' } : {} },
            cancel(signal),
          ),
        ),
    },

    users: {
      list: () => parseResponse(c.users.$get()),
      create: (json: UserCreate) => parseResponse(c.users.$post({ json })),
      update: (id: string, json: UserUpdate) => parseResponse(c.users[':id'].$patch({ param: { id }, json })),
    },
  };
}

/** The API surface the screens use. */
export type Api = ReturnType<typeof createApi>;

type Routes = ReturnType<typeof createApiClient>['api'];
/** Body of `POST /api/workspaces/:id/sources`. */
export type SourceCreate = InferRequestType<Routes['workspaces'][':id']['sources']['$post']>['json'];
/** Body of `POST /api/sources/:id/refresh`. */
export type SourceRefresh = InferRequestType<Routes['sources'][':id']['refresh']['$post']>['json'];
/** Body of `POST /api/workspaces/:id/process-map`. */
export type ProcessMapRequest = InferRequestType<Routes['workspaces'][':id']['process-map']['$post']>['json'];
/** The common analysis filter (period, sources, attribute). */
export type AnalysisFilterBody = InferRequestType<Routes['journeys'][':id']['dashboard']['$post']>['json'];
/** Answer of `POST /api/workspaces/:id/uploads`. */
export type UploadResult = InferResponseType<Routes['workspaces'][':id']['uploads']['$post'], 201>;

/**
 * Posts a file as the raw request body with XHR so the browser reports upload progress; carries the
 * session cookie, the CSRF header and `X-Filename`, and throws ApiError like every other call.
 */
function uploadWithProgress<T>(
  http: Http,
  url: string,
  o: { file: Blob; filename: string; onProgress?: (share: number) => void },
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    // Header values must be ISO-8859-1: the name is sent URL-encoded when it has other characters.
    xhr.setRequestHeader(
      'X-Filename',
      /^[\x20-\x7e]*$/.test(o.filename) ? o.filename : encodeURIComponent(o.filename),
    );
    const token = http.getCsrfToken();
    if (token !== null) xhr.setRequestHeader(CSRF_HEADER, token);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) o.onProgress?.(e.loaded / e.total);
    };
    xhr.onerror = () =>
      reject(
        new ApiError({
          status: 0,
          title: 'Cannot reach the Pathlight server',
          detail: 'The upload stopped. Check your connection and try again.',
        }),
      );
    xhr.onload = () => {
      const res = new Response(xhr.responseText, {
        status: xhr.status,
        headers: { 'content-type': xhr.getResponseHeader('content-type') ?? 'application/json' },
      });
      if (xhr.status >= 200 && xhr.status < 300) {
        res.json().then((body) => resolve(body as T), reject);
      } else {
        toApiError(res).then(reject, reject);
      }
    };
    xhr.send(o.file);
  });
}

/** Reads what someone else saved from a 409 body (`current` is the stored journey). */
function readConflict(error: ApiError): Extract<SaveResult, { ok: false }>['conflict'] | null {
  const raw = error.body.current as Partial<Journey> | undefined;
  if (!raw || typeof raw.version !== 'number' || typeof raw.document !== 'object' || raw.document === null)
    return null;
  return {
    version: raw.version,
    document: raw.document,
    updatedBy: raw.updatedBy ?? null,
    updatedAt: raw.updatedAt ?? '',
  };
}
