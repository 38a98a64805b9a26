// The API's Temporal connection carries the SDK's per-call metadata without turning on async hooks
// (api/temporal/connection.ts withSynchronousCallContext).
import { executionAsyncId } from 'node:async_hooks';
import { Connection } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { temporalConnectionOptions, withSynchronousCallContext } from '../../api/temporal/connection.js';

type Interceptor = NonNullable<Parameters<typeof Connection.lazy>[0]>['interceptors'] extends (infer I)[] | undefined ? I : never;

/** The async id seen after an await: 0 while no async hook tracks promises. */
async function promiseAsyncId(): Promise<number> {
  await null;
  return executionAsyncId();
}

/** A lazy connection to a closed port whose first interceptor records each call's metadata. */
function connectionRecordingMetadata(seen: Record<string, unknown>[]): Connection {
  const options = temporalConnectionOptions('127.0.0.1:1');
  // grpc-js's InterceptingCall / Requester types are not re-exported by the SDK; the shapes used are minimal.
  const record: Interceptor = (opts, nextCall) => {
    const call = nextCall(opts) as unknown as { start: (md: { getMap(): Record<string, unknown> }, l: unknown) => void };
    const start = call.start.bind(call);
    call.start = (md, listener) => {
      seen.push(md.getMap());
      start(md, listener);
    };
    return call as never;
  };
  return Connection.lazy({ ...options, interceptors: [record, ...(options.interceptors ?? [])] });
}

describe('the Temporal call context', () => {
  it('keeps the namespace header and leaves async hooks off', async () => {
    const seen: Record<string, unknown>[] = [];
    const connection = withSynchronousCallContext(connectionRecordingMetadata(seen));
    try {
      await expect(connection.workflowService.describeNamespace({ namespace: 'tenant-ns' })).rejects.toThrow();
      await expect(
        connection.withMetadata({ 'x-probe': 'yes' }, () => connection.workflowService.describeNamespace({ namespace: 'other-ns' })),
      ).rejects.toThrow();
    } finally {
      await connection.close();
    }
    expect(seen[0]).toMatchObject({ 'temporal-namespace': 'tenant-ns' });
    expect(seen.find((m) => m['temporal-namespace'] === 'other-ns')).toMatchObject({ 'x-probe': 'yes' });
    expect(connection.callContextStorage.getStore()).toBeUndefined();
    expect(await promiseAsyncId()).toBe(0);
  });

  it('is what the SDK leaves behind otherwise (the check above can fail)', async () => {
    const seen: Record<string, unknown>[] = [];
    const connection = connectionRecordingMetadata(seen);
    try {
      await expect(connection.workflowService.describeNamespace({ namespace: 'tenant-ns' })).rejects.toThrow();
      expect(await promiseAsyncId()).not.toBe(0);
    } finally {
      connection.callContextStorage.disable();
      await connection.close();
    }
    expect(seen[0]).toMatchObject({ 'temporal-namespace': 'tenant-ns' });
  });
});
