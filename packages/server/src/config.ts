/** Settings of the request→response app (no ports, paths or secrets: those belong to `main.ts`). */
export interface AppConfig {
  /** Largest accepted request body in bytes (default 5 MiB). */
  maxBodyBytes: number;
  /** How long a session lives without use (sliding), in milliseconds (default 7 days). */
  sessionTtlMs: number;
  /**
   * Failed sign-ins allowed per client address (all e-mails together) within `loginWindowMs`
   * (default 30 per 15 minutes); beyond that, 429 for that address until the window ends.
   */
  loginLimit: number;
  loginWindowMs: number;
  /** Failed sign-ins or password checks for one e-mail, from anywhere, that lock it (default 5 in 15 minutes). */
  accountFailures: number;
  accountWindowMs: number;
  /** The first lock of an e-mail lasts this long (default 1 minute); each further one doubles it… */
  accountLockMs: number;
  /** …up to this (default 15 minutes). An e-mail with no failure for a day starts again at the first. */
  accountMaxLockMs: number;
  /**
   * How many reverse proxies in front of the server to trust (0: none, the default). With n, the
   * client address is the n-th `X-Forwarded-For` entry from the right (the one the outermost trusted
   * proxy saw), and `X-Forwarded-Proto` / `-Host` are believed. Entries further left were written by
   * the client and are never used, so prepending fake addresses cannot dodge the login limit.
   */
  trustProxy: number;
  /** Extra origins (e.g. `http://localhost:5173` for the Vite dev server) allowed to send writes. */
  allowedOrigins: string[];
}

export const defaultAppConfig: AppConfig = {
  maxBodyBytes: 5 * 1024 * 1024,
  sessionTtlMs: 7 * 24 * 60 * 60 * 1000,
  loginLimit: 30,
  loginWindowMs: 15 * 60 * 1000,
  accountFailures: 5,
  accountWindowMs: 15 * 60 * 1000,
  accountLockMs: 60 * 1000,
  accountMaxLockMs: 15 * 60 * 1000,
  trustProxy: 0,
  allowedOrigins: [],
};
