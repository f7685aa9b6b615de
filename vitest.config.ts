import { defineConfig } from 'vitest/config';

// Tests import TypeScript sources directly; the built gazetteer (npm run build) must exist.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: true,
  },
});
