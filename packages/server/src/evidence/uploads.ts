import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import {
  type CsvPreview,
  detectCsv,
  detectFormat,
  ImportError,
  type ImportFormat,
} from '@pathlight/analytics';
import { ProblemError, problems } from '../problem';

/** What the server remembers about an uploaded file (beside it, as `upload.json`). */
export interface UploadMeta {
  uploadId: string;
  filename: string;
  bytes: number;
  format: ImportFormat;
  createdBy: string;
  createdAt: string;
}

/** Extensions kept on the stored file, because format detection also reads the name. */
const KNOWN_EXTENSIONS = [
  '.xes.gz',
  '.csv',
  '.tsv',
  '.tab',
  '.txt',
  '.xes',
  '.json',
  '.ndjson',
  '.jsonl',
  '.hl7',
  '.hl7v2',
  '.parquet',
];

/** The stored name of an upload: `data` plus a known extension of the client's file name (never the name itself). */
function storedName(filename: string): string {
  const lower = filename.toLowerCase();
  return `data${KNOWN_EXTENSIONS.find((e) => lower.endsWith(e)) ?? ''}`;
}

const tooLarge = (limit: number) =>
  new ProblemError({
    kind: 'payload-too-large',
    detail: `the file is larger than this server accepts (${limit} bytes)`,
  });

class LimitExceeded extends Error {}

/** Upload folders of one workspace: `${dataDir}/uploads/<workspaceId>/<uploadId>/`. */
export class Uploads {
  constructor(private readonly root: (workspaceId: string) => string) {}

  private dir(workspaceId: string, uploadId: string): string {
    return join(this.root(workspaceId), uploadId);
  }

  /**
   * Streams a request body to disk, counting bytes: past `limit` the write stops, the partial file is
   * deleted and a 413 is thrown. The format is detected afterwards; an empty, binary or unknown file is
   * deleted and refused (422).
   */
  async save(
    workspaceId: string,
    body: ReadableStream<Uint8Array> | null,
    filename: string,
    limit: number,
    createdBy: string,
    now: Date,
  ): Promise<{ meta: UploadMeta; csv: CsvPreview | null }> {
    const uploadId = randomUUID();
    const dir = this.dir(workspaceId, uploadId);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const file = join(dir, storedName(filename));
    let bytes = 0;
    try {
      if (!body)
        throw problems.invalid('the request has no body', [
          { path: '', message: 'send the file as the body' },
        ]);
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          bytes += chunk.length;
          if (bytes > limit) done(new LimitExceeded());
          else done(null, chunk);
        },
      });
      await pipeline(
        Readable.fromWeb(body as WebReadableStream<Uint8Array>),
        counter,
        createWriteStream(file, { flags: 'wx', mode: 0o600 }),
      );
      if (bytes === 0)
        throw problems.invalid('the file is empty', [{ path: '', message: 'the file is empty' }]);
      const format = await recognise(file, filename);
      const meta: UploadMeta = { uploadId, filename, bytes, format, createdBy, createdAt: now.toISOString() };
      await writeFile(join(dir, 'upload.json'), JSON.stringify(meta), { mode: 0o600 });
      const csv = format === 'csv' || format === 'tsv' ? await preview(file, filename, {}) : null;
      return { meta, csv };
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      if (error instanceof LimitExceeded) throw tooLarge(limit);
      throw error;
    }
  }

  /** The upload's metadata and file path, or a 404 when it does not exist in this workspace. */
  async get(workspaceId: string, uploadId: string): Promise<{ meta: UploadMeta; file: string }> {
    const dir = this.dir(workspaceId, uploadId);
    try {
      const meta = JSON.parse(await readFile(join(dir, 'upload.json'), 'utf8')) as UploadMeta;
      return { meta, file: join(dir, storedName(meta.filename)) };
    } catch {
      throw problems.notFound(`no upload ${uploadId} in this workspace`);
    }
  }

  /** The CSV preview of an upload with the given options (e.g. another delimiter). */
  async preview(workspaceId: string, uploadId: string, options: { delimiter?: string; header?: boolean }) {
    const { meta, file } = await this.get(workspaceId, uploadId);
    if (meta.format !== 'csv' && meta.format !== 'tsv') {
      throw problems.badRequest(
        `upload ${uploadId} is ${meta.format}, not a CSV/TSV file: it has no column preview`,
      );
    }
    return preview(file, meta.filename, meta.format === 'tsv' ? { delimiter: '\t', ...options } : options);
  }

  /** Deletes an upload (after a successful import: raw files are not kept longer than needed). */
  async remove(workspaceId: string, uploadId: string): Promise<void> {
    await rm(this.dir(workspaceId, uploadId), { recursive: true, force: true });
  }

  /** Upload ids present for a workspace (tests). */
  async list(workspaceId: string): Promise<string[]> {
    return readdir(this.root(workspaceId)).catch(() => []);
  }
}

/** The file's format, refusing binary content that is not a known binary format. */
async function recognise(file: string, filename: string): Promise<ImportFormat> {
  let format: ImportFormat;
  try {
    format = await detectFormat(file);
  } catch (error) {
    throw unreadable(error, filename);
  }
  if (format === 'csv' || format === 'tsv' || format === 'hl7' || format === 'xes') {
    const handle = await open(file, 'r');
    try {
      const head = Buffer.alloc(4096);
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      if (!looksLikeText(head.subarray(0, bytesRead))) {
        throw problems.invalid(`${filename} is not a recognised event-log format`, [
          {
            path: '',
            message:
              'expected CSV/TSV, XES (.xes or .xes.gz), FHIR R4 (Bundle JSON or NDJSON), HL7 v2 or Parquet',
          },
        ]);
      }
    } finally {
      await handle.close();
    }
  }
  return format;
}

/** Text has no NUL bytes and decodes as UTF-8 (a multi-byte character cut at the end is fine). */
function looksLikeText(head: Buffer): boolean {
  if (head.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, Math.max(0, head.length - 4)));
    return true;
  } catch {
    return false;
  }
}

async function preview(file: string, filename: string, options: { delimiter?: string; header?: boolean }) {
  try {
    return await detectCsv(file, options);
  } catch (error) {
    throw unreadable(error, filename);
  }
}

/** An analytics error about the stored file, re-worded with the client's file name (never our path). */
function unreadable(error: unknown, filename: string): ProblemError {
  if (!(error instanceof ImportError)) throw error;
  const detail = importErrorMessage(error, filename);
  return problems.invalid(detail, [{ path: '', message: detail }]);
}

/** The import error a person can act on, worded with the client's file name (never a server path). */
export function importErrorMessage(error: unknown, filename: string): string {
  if (error instanceof ImportError) {
    const where = [error.location, error.field ? `field "${error.field}"` : undefined]
      .filter(Boolean)
      .join(', ');
    return `${filename}${where ? `, ${where}` : ''}: ${error.reason}`;
  }
  return `${filename}: the import failed unexpectedly; nothing was imported (the server log has the details)`;
}
