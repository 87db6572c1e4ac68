// `npm start`: builds the web app when its build is missing or older than its sources, then runs
// the server (API + web app on one port). Env is passed through; Ctrl+C stops the server cleanly.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const web = join(root, 'packages/web');
const builtIndex = join(web, 'dist/index.html');

/** Newest modification time under `path` (files only; skips node_modules and dist). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

function needsBuild() {
  if (!existsSync(builtIndex)) return true;
  const sources = [
    join(web, 'src'),
    join(web, 'index.html'),
    join(web, 'vite.config.ts'),
    join(web, 'package.json'),
    join(root, 'packages/core/src'),
  ];
  return Math.max(...sources.map(newest)) > statSync(builtIndex).mtimeMs;
}

if (needsBuild()) {
  console.log('Building the web app (packages/web)…');
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    cwd: web,
    stdio: 'inherit',
    env: process.env,
  });
  if (build.status !== 0) {
    console.error('The web app did not build; fix the errors above and run npm start again.');
    process.exit(build.status ?? 1);
  }
}

// The server gets its own process group, so a terminal Ctrl+C reaches it once (forwarded by us)
// rather than twice (terminal + forward); a second signal would cut its database shutdown short.
const server = spawn(process.execPath, ['--import', 'tsx', join(root, 'packages/server/src/main.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
  detached: true,
});
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.kill(signal);
  });
}
process.on('exit', () => {
  if (server.exitCode === null && server.signalCode === null) server.kill('SIGTERM');
});
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
