import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Suites that need the stack fail loudly without it (never pass empty).
    setupFiles: ['test/support/require-stack.ts'],
    // One real stack is shared by every file: files run one at a time (2 cores), tests inside a file too.
    fileParallelism: false,
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    reporters: ['default'],
  },
});
