import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Suites that need the stack fail loudly without it (never pass empty).
    setupFiles: ['test/support/require-stack.ts'],
    // One real stack is shared by every file: files run one at a time (2 cores), tests inside a file too.
    fileParallelism: false,
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    reporters: ['default'],
    projects: [
      {
        extends: true,
        // groupOrder starts at 1: vitest 4.1 treats 0 as unset and ran the drills first.
        test: {
          name: 'suite',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/drills/**'],
          sequence: { groupOrder: 1 },
        },
      },
      {
        // Fault drills stop and kill the shared components (through STACK_CONTROL_URL): they run after
        // every other file has finished, one at a time, so no other suite sees their outages.
        extends: true,
        test: {
          name: 'drills',
          include: ['test/drills/**/*.test.ts'],
          sequence: { groupOrder: 2 },
          testTimeout: 600_000,
        },
      },
    ],
  },
});
