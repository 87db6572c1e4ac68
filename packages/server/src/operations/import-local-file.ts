import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable, Transform } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { DataSource, Job } from '@pathlight/db';
import type { OperationDeps } from './deps';
import { type ImportRequest, startImport } from './sources';

/** Import options as the sources API takes them (everything but the upload). */
export type FileImportOptions = Omit<ImportRequest, 'uploadId'>;

export interface ImportFileRequest {
  workspaceId: string;
  /** A local file (CSV/TSV, XES, FHIR, HL7 v2, Parquet). */
  file: string;
  /** The data source's name. */
  name: string;
  /** The acting user, or null for the command line / the demo seeding with no user. */
  actorId: string | null;
  /** Marks the audit entry (`cli`, `demo`). */
  via: string;
  options?: FileImportOptions;
  /** Bytes copied into the upload area so far, of `total`. */
  onCopy?: (done: number, total: number) => void;
  /** The import job's progress (0–1) while it runs, about every quarter second. */
  onImport?: (progress: number) => void;
  now?: Date;
}

const POLL_MS = 250;

/** A failed import: `message` is the job's error, worded for a person (file, record, field). */
export class FileImportError extends Error {
  override readonly name = 'FileImportError';
}

/**
 * Imports a local file as a new data source of a workspace through the same operation as a browser
 * upload: the file is copied into the upload area, then `startImport` records the source, its job and
 * the audit entry and queues the job. Resolves when the job has finished; a failed job throws
 * `FileImportError` and leaves a failed source with no events, as an upload would.
 */
export async function importFile(
  deps: OperationDeps,
  request: ImportFileRequest,
): Promise<{ source: DataSource; job: Job }> {
  const { db, evidence } = deps;
  const { workspaceId, file, actorId, via } = request;
  const total = (await stat(file)).size;
  let done = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, next) {
      done += chunk.length;
      request.onCopy?.(done, total);
      next(null, chunk);
    },
  });
  const body = Readable.toWeb(createReadStream(file).pipe(counter)) as WebReadableStream<Uint8Array>;
  const filename = basename(file);
  // A local file is trusted like the server's own: the upload size limit guards the network only.
  const { meta } = await evidence.uploads.save(
    workspaceId,
    body as unknown as ReadableStream<Uint8Array>,
    filename,
    Number.MAX_SAFE_INTEGER,
    actorId ?? via,
    request.now ?? new Date(),
  );
  const { source, job } = await startImport(deps, {
    workspaceId,
    name: request.name,
    actorId,
    import: { ...request.options, uploadId: meta.uploadId },
    detail: { bytes: meta.bytes, via },
  });
  // Wait for this job only (not for background work queued after it, such as warming the views).
  while (evidence.jobs.isActive(job.id)) {
    await new Promise((done) => setTimeout(done, POLL_MS));
    if (request.onImport) request.onImport((await db.jobs.get(job.id))?.progress ?? 0);
  }
  const [finishedJob, finishedSource] = await Promise.all([
    db.jobs.get(job.id),
    db.dataSources.get(source.id),
  ]);
  if (!finishedJob || !finishedSource)
    throw new FileImportError(`${filename}: the data source was deleted during its import`);
  if (finishedJob.status !== 'succeeded')
    throw new FileImportError(finishedJob.error ?? `${filename}: the import did not finish`);
  return { source: finishedSource, job: finishedJob };
}
