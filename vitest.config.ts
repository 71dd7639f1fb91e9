import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup/series-equality.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    coverage: {
      provider: 'v8',
      // Only code that runs inside the test processes is measured: the CLI tests that spawn the built binary do not count.
      include: ['src/**/*.ts', 'daemon/**/*.ts', 'tui/**/*.ts', 'bin/**/*.ts'],
      exclude: ['test/**'],
      reporter: ['json-summary', 'text-summary'],
      reportsDirectory: 'coverage',
      reportOnFailure: true,
    },
  },
});
