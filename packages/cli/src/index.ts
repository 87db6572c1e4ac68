/**
 * @module @pathlight/cli
 * The `pathlight` command line (`bin/pathlight.mjs` registers tsx and calls `main`).
 */
export type { Io } from './commands/analyze';
export { main } from './main';
