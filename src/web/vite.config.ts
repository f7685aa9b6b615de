/**
 * Vite build of the analyst's page: src/web → dist/web (served by `sitrep serve`).
 * Everything is bundled (no CDN); `npm run dev:web` proxies the API to a server on :8787.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const api = 'http://127.0.0.1:8787';

export default defineConfig({
  root: here('.'),
  base: './',
  publicDir: false,
  build: {
    outDir: here('../../dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    // Map data and images are files next to the bundle, fetched from this server only.
    assetsInlineLimit: 0,
  },
  server: {
    proxy: Object.fromEntries(
      ['/events', '/incidents', '/reports', '/stats', '/audit', '/stream', '/export.csv', '/export.geojson', '/export.jsonl', '/health', '/openapi.json'].map(
        (p) => [p, api],
      ),
    ),
  },
});
