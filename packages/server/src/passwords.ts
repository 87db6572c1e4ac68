import { hash, verify } from '@node-rs/argon2';

// Argon2id (the `Algorithm` const enum cannot be imported under verbatimModuleSyntax: stack.md G7).
const ARGON2ID = 2;

/** Hashes a password with Argon2id (OWASP-recommended defaults of @node-rs/argon2). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

let dummyHash: Promise<string> | undefined;

/**
 * Checks a password against a stored hash. With no hash (unknown e-mail) it still spends the
 * same time verifying against a throwaway hash, so response times do not reveal which e-mails exist.
 */
export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (storedHash === null) {
    dummyHash ??= hashPassword('pathlight-timing-equaliser');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}
