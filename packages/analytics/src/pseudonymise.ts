import { createHmac, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Length of a workspace pseudonymisation key in bytes. */
export const KEY_BYTES = 32;

/**
 * Domain prefix mixed into every HMAC so that pseudonyms made here cannot be joined with keyed hashes the
 * same key might produce for another purpose.
 */
const CASE_DOMAIN = 'pathlight/v1/case-id';

/**
 * Keyed pseudonym of a case/patient id: HMAC-SHA-256 over a domain prefix and the trimmed id, base64url.
 * Ids are only trimmed (no zero-stripping, no case folding): `007`, `7` and `NA` stay distinct ids.
 */
export function pseudonymise(key: Buffer, id: string): string {
  return createHmac('sha256', key).update(`${CASE_DOMAIN}\u0000${id.trim()}`).digest('base64url');
}

/**
 * Reads the workspace key at `path`, or creates it (32 random bytes, base64, file mode 0600).
 * The key must live outside the event database: whoever holds it can re-link pseudonyms to ids.
 */
export async function loadOrCreateKey(path: string): Promise<Buffer> {
  try {
    return parseKey(await readFile(path, 'utf8'), path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const key = randomBytes(KEY_BYTES);
  try {
    // 'wx' fails if another process created the key meanwhile: then we read theirs.
    await writeFile(path, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    await chmod(path, 0o600); // the umask may have narrowed or widened the requested mode
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return parseKey(await readFile(path, 'utf8'), path);
  }
}

function parseKey(text: string, path: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length < KEY_BYTES) {
    throw new Error(`pseudonymisation key ${path} is invalid: expected ${KEY_BYTES} base64-encoded bytes`);
  }
  return key;
}

/** Name words that, alone, make a column a person's name. */
const NAME_WORDS = new Set([
  'name',
  'firstname',
  'lastname',
  'surname',
  'givenname',
  'familyname',
  'fullname',
  'middlename',
  'maidenname',
  'patientname',
  'forename',
]);
/** Tokens that mark a direct identifier wherever they appear in a column name. */
const IDENTIFIER_TOKENS = new Set([
  'phone',
  'telephone',
  'mobile',
  'fax',
  'email',
  'mail',
  'address',
  'street',
  'zip',
  'zipcode',
  'postcode',
  'postalcode',
  'mrn',
  'ssn',
  'dob',
  'birthdate',
  'birthday',
  'nhs',
  'iban',
  'passport',
]);
/** Joined-word fragments (after removing separators) that mark a direct identifier. */
const IDENTIFIER_FRAGMENTS = [
  'dateofbirth',
  'birthdate',
  'socialsecurity',
  'medicalrecord',
  'firstname',
  'lastname',
  'fullname',
  'givenname',
  'familyname',
  'surname',
  'patientname',
  'emailaddress',
  'phonenumber',
  'streetaddress',
  'postalcode',
  'zipcode',
  'nhsnumber',
  'insurancenumber',
  'ipaddress',
];

/**
 * Whether a column name looks like a direct identifier (HIPAA Safe Harbor style: names, contact details,
 * addresses, record numbers, dates of birth). Such columns are dropped on import unless kept explicitly.
 * `concept:name`-style keys are not names: the rule only fires when a name word stands alone.
 */
export function looksLikeDirectIdentifier(column: string): boolean {
  const tokens = column
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t !== '');
  const joined = tokens.join('');
  if (NAME_WORDS.has(joined)) return true;
  if (tokens.some((t) => IDENTIFIER_TOKENS.has(t))) return true;
  return IDENTIFIER_FRAGMENTS.some((f) => joined.includes(f));
}
