import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

const MISSING_BUILD = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Pathlight</title></head>
<body><h1>Pathlight</h1>
<p>The API is running (see <a href="/api/health">/api/health</a> and <a href="/api/openapi.json">/api/openapi.json</a>),
but the web app has not been built yet.</p>
<p>Run <code>npm run build -w packages/web</code>, then restart the server.</p>
</body></html>`;

/**
 * Serves the built web app from `distDir`: its files, and `index.html` for any other GET outside
 * `/api` (client-side routing). Without a build, a page explaining how to make one.
 */
export function webApp(distDir: string): Hono {
  const web = new Hono();
  const indexFile = join(distDir, 'index.html');
  if (!existsSync(indexFile)) {
    web.get('*', (c) => (c.req.path.startsWith('/api/') ? c.notFound() : c.html(MISSING_BUILD, 200)));
    return web;
  }
  const index = readFileSync(indexFile, 'utf8');
  web.use('*', async (c, next) =>
    c.req.path.startsWith('/api/') ? next() : serveStatic({ root: distDir })(c, next),
  );
  web.get('*', (c) => (c.req.path.startsWith('/api/') ? c.notFound() : c.html(index, 200)));
  return web;
}
