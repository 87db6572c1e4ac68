import { builtinModules } from 'node:module';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const nodeBuiltins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

/** Fails the build if anything reaches for a Node built-in: server code must stay out of the bundle. */
function noNodeBuiltins(): Plugin {
  return {
    name: 'pathlight-no-node-builtins',
    apply: 'build',
    enforce: 'pre',
    resolveId(id, importer) {
      if (nodeBuiltins.has(id)) {
        this.error(
          `${importer ?? 'an entry'} imports the Node module "${id}"; the web app may import only types from the server`,
        );
      }
      return null;
    },
  };
}

// In development the API runs on its own port; the built app is served by the server on the same origin.
export default defineConfig({
  plugins: [react(), noNodeBuiltins()],
  server: {
    port: 5173,
    // Keep the browser's Host header: the server's CSRF check compares it with the Origin.
    proxy: { '/api': { target: `http://127.0.0.1:${process.env.PORT ?? 4300}`, changeOrigin: false } },
  },
  build: { outDir: 'dist', sourcemap: false, chunkSizeWarningLimit: 2000 },
});
