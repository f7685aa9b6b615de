/**
 * Name folding for the build: the matcher's own foldName() and skeletonOf()
 * (src/pipeline/mentions/places/fold.ts, compiled to dist/ by `npm run build:ts`, which
 * `npm run build` runs first), so names are indexed exactly as reports are read.
 */
let fold;
try {
  fold = await import('../../dist/pipeline/mentions/places/fold.js');
} catch (err) {
  throw new Error(`data/gazetteer/fold.mjs: dist/ is missing or stale (${err.message}); run \`npm run build:ts\` first, or \`npm run build\``);
}

export const { foldName, skeletonOf } = fold;
