import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: '.',
  worker: { format: 'es' },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
