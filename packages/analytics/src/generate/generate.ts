import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { DEFAULT_ARRIVAL_DAYS, generatePatient } from './clinic';
import { Random } from './random';
import { csvFormat, fhirFormat, type LogFormat, xesFormat } from './writers';

export type GeneratedFormat = 'csv' | 'xes' | 'fhir';
const FORMATS: Record<GeneratedFormat, LogFormat> = { csv: csvFormat, xes: xesFormat, fhir: fhirFormat };

export interface GenerateOptions {
  patients: number;
  seed: string;
  out: string;
  format?: GeneratedFormat;
  /** New patients arrive over this many days from the start (default 100). */
  arrivalDays?: number;
  /** Called now and then with the patients written so far (for a progress line). */
  onProgress?: (patientsDone: number) => void;
}

/** The fictional case id of patient i (1-based). */
export function patientId(i: number): string {
  return `patient-${String(i).padStart(7, '0')}`;
}

/**
 * Writes a deterministic synthetic clinic event log to `out`, streaming (10M events never sit in
 * memory): the same seed and patient count give a byte-identical file.
 */
export async function generateEventLog(
  options: GenerateOptions,
): Promise<{ patients: number; events: number }> {
  const { patients, seed, out } = options;
  if (!Number.isInteger(patients) || patients < 1)
    throw new Error(`--patients must be a positive integer, got ${patients}`);
  const arrivalDays = options.arrivalDays ?? DEFAULT_ARRIVAL_DAYS;
  if (!(arrivalDays > 0 && arrivalDays <= 3650))
    throw new Error(`--arrival-days must be between 1 and 3650, got ${arrivalDays}`);
  const format = FORMATS[options.format ?? 'csv'];
  const stream = createWriteStream(out);
  const failed = once(stream, 'error').then(([err]) => {
    throw err;
  });
  failed.catch(() => {});
  const write = async (text: string) => {
    if (!stream.write(text)) await Promise.race([once(stream, 'drain'), failed]);
  };
  let events = 0;
  let buffer = format.header();
  for (let i = 1; i <= patients; i++) {
    // One generator per patient, derived from the seed: patient i is the same whatever N is.
    const journey = generatePatient(new Random(`${seed}:${i}`), patientId(i), arrivalDays);
    events += journey.length;
    buffer += format.patient(journey);
    if (buffer.length > 1 << 20) {
      await write(buffer);
      buffer = '';
      options.onProgress?.(i);
    }
  }
  buffer += format.footer();
  await write(buffer);
  stream.end();
  await Promise.race([finished(stream), failed]);
  return { patients, events };
}
