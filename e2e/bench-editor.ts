/**
 * Editor performance bench (not a timed test): builds a dev-only page that renders the real
 * JourneyEditor on a generated 12-stage / 60-step / 10-lane / 600-card map, opens it in Chromium
 * and prints how long the map takes to open and how long an edit takes to repaint.
 *   node --import tsx e2e/bench-editor.ts
 */
import { createReadStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const WEB = join(ROOT, 'packages/web');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/** Builds the bench page into a temp dir and serves it; returns its URL and a stop function. */
export async function serveBenchPage(): Promise<{ url: string; stop: () => Promise<void> }> {
  const out = mkdtempSync(join(tmpdir(), 'pathlight-bench-'));
  await build({
    root: WEB,
    configFile: join(WEB, 'vite.config.ts'),
    logLevel: 'warn',
    base: './',
    build: {
      outDir: out,
      emptyOutDir: true,
      rollupOptions: { input: join(WEB, 'src/editor/bench/bench.html') },
    },
  });
  const server = createServer((req, res) => {
    const path = join(out, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!path.startsWith(out) || !existsSync(path)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
    createReadStream(path).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/src/editor/bench/bench.html`,
    stop: async () => {
      await new Promise((r) => server.close(r));
      rmSync(out, { recursive: true, force: true });
    },
  };
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const page$ = await serveBenchPage();
  const profile = mkdtempSync(join(tmpdir(), 'pathlight-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1920, height: 1080 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const opens: { render: number; total: number }[] = [];
    for (let run = 0; run < 3; run++) {
      await page.goto(page$.url);
      await page.waitForFunction('window.__bench && window.__bench.renderedAt != null', undefined, {
        timeout: 30_000,
      });
      opens.push(
        (await page.evaluate(
          '({ render: window.__bench.renderedAt - window.__bench.startedAt, total: window.__bench.renderedAt })',
        )) as { render: number; total: number },
      );
    }
    const counts = (await page.evaluate(`({
      cards: document.querySelectorAll('[data-testid="card"]').length,
      cells: document.querySelectorAll('[role="gridcell"]').length,
      steps: window.__bench.store.doc.stages.reduce((n, s) => n + s.steps.length, 0),
      lanes: window.__bench.store.doc.lanes.length,
      stages: window.__bench.store.doc.stages.length,
    })`)) as Record<string, number>;

    // Edit → painted: dispatch through the store (as the UI does) and wait for the frame after commit
    // (that wait includes up to one frame of idle time until the next vsync).
    // Passed as a string: tsx's keepNames helpers (__name) do not exist inside the page.
    const edits = (await page.evaluate(`(async () => {
      const store = window.__bench.store;
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const grid = document.querySelector('[data-testid="map-grid"]');
      // resolves when React has written the change to the DOM (before layout and paint)
      const committed = () => new Promise((r) => {
        const mo = new MutationObserver(() => { mo.disconnect(); r(); });
        mo.observe(grid, { subtree: true, childList: true, characterData: true, attributes: true });
      });
      const kinds = { text: [], move: [], emotion: [], 'text, edit → DOM committed': [] };
      for (let i = 0; i < 20; i++) {
        const card = store.doc.cards[i * 7];
        let t = performance.now();
        const done = committed();
        store.transact('bench text', (d) => ({ ...d, cards: d.cards.map((c) => (c.id === card.id ? { ...c, text: c.text + '!' } : c)) }));
        await done;
        kinds['text, edit → DOM committed'].push(performance.now() - t);
        await frame();
        kinds.text.push(performance.now() - t);
        const target = store.doc.cards[(i * 13 + 5) % store.doc.cards.length];
        t = performance.now();
        store.transact('bench move', (d) => ({ ...d, cards: d.cards.map((c) => (c.id === card.id ? { ...c, laneId: target.laneId, stepId: target.stepId } : c)) }));
        await frame();
        kinds.move.push(performance.now() - t);
        const e = store.doc.emotions[i];
        t = performance.now();
        store.transact('bench emotion', (d) => ({ ...d, emotions: d.emotions.map((x) => (x === e ? { ...x, score: x.score === 2 ? 1 : x.score + 1 } : x)) }));
        await frame();
        kinds.emotion.push(performance.now() - t);
      }
      return kinds;
    })()`)) as Record<string, number[]>;

    // A keyboard edit as the user makes it: Alt+ArrowRight on a focused card, from the keydown event
    // to the next painted frame (timed inside the page, so no DevTools round trip is counted).
    const keyEdits = (await page.evaluate(`(async () => {
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const out = [];
      for (let i = 0; i < 10; i++) {
        const card = document.querySelectorAll('[data-testid="card"]')[i * 3];
        card.focus();
        await frame();
        const t = performance.now();
        card.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', altKey: true, bubbles: true, cancelable: true }));
        await frame();
        out.push(performance.now() - t);
      }
      return out;
    })()`)) as number[];

    const fmt = (x: number) => `${x.toFixed(1)} ms`;
    console.log(
      `map: ${counts.stages} stages, ${counts.steps} steps, ${counts.lanes} lanes, ${counts.cards} cards, ${counts.cells} grid cells`,
    );
    console.log(`open (script start → map painted), median of 3: ${fmt(median(opens.map((o) => o.render)))}`);
    console.log(
      `open (navigation start → map painted), median of 3: ${fmt(median(opens.map((o) => o.total)))}`,
    );
    for (const [k, xs] of Object.entries(edits))
      console.log(`edit (${k}), 20 runs: median ${fmt(median(xs))}, max ${fmt(Math.max(...xs))}`);
    console.log(
      `keyboard Alt+Arrow card move (keydown → painted), 10 runs: median ${fmt(median(keyEdits))}, max ${fmt(Math.max(...keyEdits))}`,
    );
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    await page$.stop();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
