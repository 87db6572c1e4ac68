import { COMMON_PASSWORDS } from './common-passwords';

/** Shortest password accepted anywhere a password is set. */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

/**
 * Runs of keys and characters people walk along: alphabet, digits (with the wrap from 9 to 0), the
 * keyboard rows and columns. A password that is a stretch of one of these (or of one reversed) is refused.
 */
const SEQUENCES = [
  'abcdefghijklmnopqrstuvwxyz',
  '01234567890123456789',
  'qwertyuiopasdfghjklzxcvbnm',
  'qwertzuiopasdfghjklyxcvbnm',
  'azertyuiopqsdfghjklmwxcvbn',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p',
  'qazwsxedcrfvtgbyhnujmikolp',
  '1234567890qwertyuiopasdfghjklzxcvbnm',
  '!@#$%^&*()_+',
];
const WALKS = [...SEQUENCES, ...SEQUENCES.map((s) => [...s].reverse().join(''))];

/** The password without digits and punctuation at either end (`Password123!` → `password`). */
function core(lower: string): string {
  return lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
}

/**
 * Why `password` is too weak to set, as a sentence for the person choosing it, or null when it is
 * acceptable. Refused: shorter than 12 characters; one of the most common passwords (also with digits
 * or punctuation added at either end); one character or a short group repeated; a run along the
 * alphabet, the digits or the keyboard; and the account's own e-mail address or its local part.
 */
export function passwordWeakness(password: string, email?: string): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    return `use at least ${MIN_PASSWORD_LENGTH} characters`;
  }
  const lower = password.toLowerCase();
  if (email !== undefined && email !== '') {
    const address = email.trim().toLowerCase();
    const local = address.split('@')[0] ?? '';
    if (lower === address || lower === local || core(lower) === core(address) || core(lower) === local) {
      return 'do not use your e-mail address as your password';
    }
  }
  const stripped = core(lower);
  if (COMMON_PASSWORDS.has(lower) || COMMON_PASSWORDS.has(stripped)) {
    return 'this is one of the most common passwords; choose one that is harder to guess, such as a few unrelated words';
  }
  if (/^(.{1,8}?)\1+$/su.test(lower) || (stripped.length > 0 && /^(.{1,4}?)\1+$/su.test(stripped))) {
    return 'this only repeats a few characters; choose one that is harder to guess, such as a few unrelated words';
  }
  if (WALKS.some((walk) => walk.includes(lower))) {
    return 'this is a simple sequence of letters, digits or keys; choose one that is harder to guess, such as a few unrelated words';
  }
  return null;
}
