import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeScratch, scratch } from './import/test-helpers';
import { loadOrCreateKey, looksLikeDirectIdentifier, pseudonymise } from './pseudonymise';

afterAll(removeScratch);

const KEY = Buffer.alloc(32, 7);

describe('pseudonymise', () => {
  it('matches HMAC-SHA-256 computed independently (openssl) over the domain-separated id', () => {
    // printf 'pathlight/v1/case-id\0P001' | openssl dgst -sha256 -mac HMAC -macopt hexkey:0707…07 -binary | base64url
    expect(pseudonymise(KEY, 'P001')).toBe('9A3C8dct_pTtdlcbD5g9oHU_HhKhjbRjt152WsK3JzU');
    expect(pseudonymise(KEY, 'NA')).toBe('c-npqjIwqDgKgvfDvty_vPAVmppXehHp_jrs5mcZUV8');
  });

  it('is stable for a key, differs across keys, and only trims ids', () => {
    expect(pseudonymise(KEY, 'P001')).toBe(pseudonymise(KEY, ' P001 '));
    expect(pseudonymise(Buffer.alloc(32, 8), 'P001')).not.toBe(pseudonymise(KEY, 'P001'));
    expect(pseudonymise(KEY, '007')).not.toBe(pseudonymise(KEY, '7'));
  });
});

describe('loadOrCreateKey', () => {
  it('creates a 32-byte key with mode 0600 and reads the same key back', async () => {
    const path = join(await scratch(), 'keys', 'workspace.key');
    const key = await loadOrCreateKey(path);
    expect(key).toHaveLength(32);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await loadOrCreateKey(path)).equals(key)).toBe(true);
  });

  it('refuses a key file that is too short', async () => {
    const path = join(await scratch(), 'short.key');
    await writeFile(path, Buffer.alloc(8).toString('base64'));
    await expect(loadOrCreateKey(path)).rejects.toThrow('expected 32 base64-encoded bytes');
  });
});

describe('looksLikeDirectIdentifier', () => {
  it.each([
    'name',
    'Name',
    'first_name',
    'LastName',
    'Patient Name',
    'surname',
    'phone',
    'mobile_phone',
    'Email',
    'e-mail',
    'email_address',
    'address',
    'street',
    'zip',
    'postcode',
    'postal_code',
    'MRN',
    'ssn',
    'date_of_birth',
    'DOB',
    'birthDate',
  ])('drops %s', (column) => expect(looksLikeDirectIdentifier(column)).toBe(true));

  it.each([
    'concept:name',
    'case:concept:name',
    'activity_name',
    'org:resource',
    'channel',
    'nps',
    'location',
    'source',
  ])('keeps %s', (column) => expect(looksLikeDirectIdentifier(column)).toBe(false));
});
