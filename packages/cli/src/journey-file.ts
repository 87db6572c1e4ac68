import { readFile } from 'node:fs/promises';
import { type JourneyContent, journeyDocumentOf, migrateJourney } from '@pathlight/core';
import { CliError } from './cli-error';

/**
 * Reads a journey document — bare or inside an export file, any schema version (migrated on load) —
 * and validates it, naming the file and the first invalid field path in the error.
 */
export async function readJourneyFile(file: string): Promise<JourneyContent> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read journey ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new CliError(`journey ${file} is not valid JSON: ${(err as Error).message}`);
  }
  const result = migrateJourney(journeyDocumentOf(raw));
  if (result.ok) return result.document;
  if (typeof result.error === 'string') throw new CliError(`journey ${file} is invalid: ${result.error}`);
  const issue = result.error.issues[0];
  const path = issue?.path.length ? issue.path.join('.') : '(document)';
  throw new CliError(`journey ${file} is invalid at ${path}: ${issue?.message ?? 'unknown problem'}`);
}
