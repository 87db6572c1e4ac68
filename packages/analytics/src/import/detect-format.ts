import { open, stat } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { ImportError } from './import-error';
import type { ImportFormat } from './types';

const HEAD_BYTES = 4096;

/**
 * Detects a file's format from its content first (magic bytes, first characters) and its extension second:
 * csv/tsv, xes, xes.gz, FHIR bundle JSON, FHIR NDJSON (file or folder), HL7 v2, Parquet.
 */
export async function detectFormat(path: string): Promise<ImportFormat> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch {
    throw new ImportError(path, 'file not found');
  }
  if (info.isDirectory()) return 'fhir-ndjson';
  const head = await readHead(path);
  const lower = path.toLowerCase();
  if (head.subarray(0, 4).toString('latin1') === 'PAR1') return 'parquet';
  if (head[0] === 0x1f && head[1] === 0x8b) {
    if (lower.endsWith('.xes.gz') || looksLikeXml(gunzipHead(head))) return 'xes.gz';
    throw new ImportError(path, 'gzip file that is not XES: only .xes.gz is supported compressed');
  }
  const text = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (looksLikeXml(text) || lower.endsWith('.xes')) return 'xes';
  if (text.startsWith('MSH') || /\.(hl7|hl7v2)$/.test(lower)) return 'hl7';
  if (lower.endsWith('.ndjson') || lower.endsWith('.jsonl')) return 'fhir-ndjson';
  if (text.startsWith('{')) {
    // A whole resource on the first line means NDJSON (a one-line bundle reads fine that way too); a
    // bundle is one object, usually pretty-printed, or too long for the head we read.
    const newline = text.indexOf('\n');
    const firstLine = (newline < 0 ? (head.length < HEAD_BYTES ? text : '') : text.slice(0, newline)).trim();
    return firstLine.endsWith('}') && firstLine.includes('"resourceType"') ? 'fhir-ndjson' : 'fhir-bundle';
  }
  if (lower.endsWith('.json')) return 'fhir-bundle';
  if (lower.endsWith('.parquet')) return 'parquet';
  if (/\.(tsv|tab)$/.test(lower)) return 'tsv';
  return 'csv';
}

async function readHead(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function gunzipHead(head: Buffer): string {
  try {
    return gunzipSync(head, { finishFlush: 2 /* Z_SYNC_FLUSH: accept a truncated stream */ }).toString(
      'utf8',
    );
  } catch {
    return '';
  }
}

function looksLikeXml(text: string): boolean {
  const t = text.replace(/^\uFEFF/, '').trimStart();
  return t.startsWith('<?xml') || t.startsWith('<log');
}
