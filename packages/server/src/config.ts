/** Settings of the request→response app (no ports, paths or secrets: those belong to `main.ts`). */
export interface AppConfig {
  /** Largest accepted request body in bytes (default 5 MiB). */
  maxBodyBytes: number;
  /** How long a session lives without use (sliding), in milliseconds (default 7 days). */
  sessionTtlMs: number;
  /** Login attempts allowed per IP and e-mail within `loginWindowMs` (default 10 per 15 minutes). */
  loginLimit: number;
  loginWindowMs: number;
  /**
   * Trust `X-Forwarded-For` / `-Proto` / `-Host` from a reverse proxy in front of the server.
   * Off by default: a client could otherwise spoof its address around the login rate limit.
   */
  trustProxy: boolean;
  /** Extra origins (e.g. `http://localhost:5173` for the Vite dev server) allowed to send writes. */
  allowedOrigins: string[];
}

export const defaultAppConfig: AppConfig = {
  maxBodyBytes: 5 * 1024 * 1024,
  sessionTtlMs: 7 * 24 * 60 * 60 * 1000,
  loginLimit: 10,
  loginWindowMs: 15 * 60 * 1000,
  trustProxy: false,
  allowedOrigins: [],
};
