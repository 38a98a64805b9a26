// startJob after a start request whose outcome is unknown (a timeout): the workflow may run anyway, and the
// caller must not clean up what it needs. Fakes stand in for the Temporal client only here (a unit test).
import type { Client } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import type { Config } from '../../config/config.js';
import { startJob } from '../../api/temporal/start-job.js';

const config = { temporal: { taskQueue: 'q' } } as Config;
const grpcError = (code: number) => Object.assign(new Error(`grpc ${code}`), { code, details: 'x', metadata: {} });

function fakeClient(startError: Error, started: Date | null) {
  const described: string[] = [];
  const client = {
    workflow: {
      start: async () => {
        throw startError;
      },
      getHandle: (workflowId: string) => ({
        workflowId,
        describe: async () => {
          described.push(workflowId);
          if (!started) throw new Error('workflow not found');
          return { startTime: started };
        },
      }),
    },
  } as unknown as Client;
  return { client, described };
}

const opts = { workflow: 'wf', workflowId: 'upload-7', args: [] as never, kind: 'upload' };

describe('startJob when the start request fails', () => {
  it('returns the handle when a timed-out start did start the workflow', async () => {
    const { client } = fakeClient(grpcError(4), new Date());
    const handle = await startJob(client, config, opts);
    expect(handle.workflowId).toBe('upload-7');
  });

  it('rethrows when the run found under that id is an earlier one', async () => {
    const { client } = fakeClient(grpcError(4), new Date(Date.now() - 3_600_000));
    await expect(startJob(client, config, opts)).rejects.toThrow('grpc 4');
  });

  it('rethrows when nothing runs under that id, or Temporal cannot say', async () => {
    const { client } = fakeClient(grpcError(14), null);
    await expect(startJob(client, config, opts)).rejects.toThrow('grpc 14');
  });

  it('does not ask when the error says the start was refused', async () => {
    const { client, described } = fakeClient(grpcError(3), new Date());
    await expect(startJob(client, config, opts)).rejects.toThrow('grpc 3');
    expect(described).toEqual([]);
  });
});
