// What the job suites (data, training, inference) share: the app against the test stack, an in-process
// worker, the bootstrap administrator's session, and a user of another tenant holding every permission.
import { adminSession, newTenant, userWith } from './identity.js';
import { buildTestApp } from './stack.js';
import { startInProcessWorker } from './worker.js';

export async function startJobSuite() {
  const t = await buildTestApp();
  try {
    const worker = await startInProcessWorker(t.config);
    const admin = await adminSession(t.deps);
    const other = (await userWith(t.deps, await newTenant(t.deps), 'all')).token;
    return {
      t,
      worker,
      token: admin.token,
      tenantId: admin.tenantId,
      other,
      async close() {
        await worker.stop();
        await t.close();
      },
    };
  } catch (err) {
    await t.close();
    throw err;
  }
}

export type JobSuite = Awaited<ReturnType<typeof startJobSuite>>;
