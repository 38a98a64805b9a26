// A vitest setup file. Integration and end-to-end suites need the components `npm test` starts: without them every
// test of such a file fails with this message, instead of the file passing with nothing run.
import { beforeAll, expect } from 'vitest';

beforeAll(async () => {
  const file = expect.getState().testPath ?? '';
  if (!/[/\\]test[/\\](integration|e2e)[/\\]/.test(file)) return;
  const { hasStack } = await import('./stack.js');
  if (!hasStack) {
    throw new Error('this suite needs the real stack (DATABASE_URL, TEMPORAL_ADDRESS, RAY_ADDRESS): run it through `npm test -- <file>`');
  }
});
