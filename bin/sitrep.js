#!/usr/bin/env node
// Entry point: runs the compiled CLI (npm install / npm run build compiles src/ into dist/).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
const entry = new URL('../dist/cli/index.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  console.error('sitrep: dist/ is missing; run `npm run build` first');
  process.exit(2);
}
await import(entry.href);
