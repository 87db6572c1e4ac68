/**
 * When the server seeds the demo workspace at first run (no account yet):
 * `auto` — only for the zero-configuration quick start, where the administrator is the generated
 * `admin@pathlight.local` (an installation that names its administrator starts empty);
 * `on` — at every first run; `off` — never.
 */
export type DemoMode = 'auto' | 'on' | 'off';

/** Reads `PATHLIGHT_DEMO` (`auto` by default; `on`/`1`/`true`, `off`/`0`/`false`). */
export function demoModeFromEnv(env: NodeJS.ProcessEnv = process.env): DemoMode {
  const value = (env.PATHLIGHT_DEMO ?? '').trim().toLowerCase();
  if (value === '' || value === 'auto') return 'auto';
  if (value === 'on' || value === '1' || value === 'true') return 'on';
  if (value === 'off' || value === '0' || value === 'false') return 'off';
  throw new Error(`PATHLIGHT_DEMO must be auto, on or off, got "${env.PATHLIGHT_DEMO}"`);
}

/** Whether a first run with this administrator seeds the demo. */
export function seedsDemo(mode: DemoMode, admin: { created: boolean; generatedPassword?: boolean }): boolean {
  if (!admin.created || mode === 'off') return false;
  return mode === 'on' || admin.generatedPassword === true;
}
