// How a finished Ray job is classified (its own failure, or ended from outside and so resubmitted) and how
// much memory each job gets. Pure functions against fakes; the drills run the real thing.
import { describe, expect, it } from 'vitest';
import { endedByInfrastructure } from '../../integrations/ray-jobs-client.js';
import { createJobMemory, GB } from '../../activities/ray-memory.js';
import { loadConfig } from '../../config/config.js';

describe('endedByInfrastructure', () => {
  const failed = (error_type: string | null, driver_exit_code: number | null) => ({
    status: 'FAILED' as const,
    error_type,
    driver_exit_code,
  });

  it("counts a job's own exit with an error code as its own failure", () => {
    expect(endedByInfrastructure(failed('JOB_ENTRYPOINT_COMMAND_ERROR', 1))).toBe(false);
    expect(endedByInfrastructure(failed('JOB_ENTRYPOINT_COMMAND_ERROR', 3))).toBe(false);
    expect(endedByInfrastructure(failed('JOB_ENTRYPOINT_COMMAND_START_ERROR', null))).toBe(false);
    expect(endedByInfrastructure(failed('RUNTIME_ENV_SETUP_FAILURE', null))).toBe(false);
  });

  it('counts a dead supervisor, a killed process, an outside stop or an unexplained end as lost', () => {
    expect(endedByInfrastructure(failed('JOB_SUPERVISOR_ACTOR_DIED', null))).toBe(true);
    expect(endedByInfrastructure(failed('JOB_SUPERVISOR_ACTOR_UNSCHEDULABLE', null))).toBe(true);
    expect(endedByInfrastructure(failed('JOB_ENTRYPOINT_COMMAND_ERROR', 137))).toBe(true); // the shell's "killed by SIGKILL"
    expect(endedByInfrastructure(failed('JOB_ENTRYPOINT_COMMAND_ERROR', -9))).toBe(true);
    expect(endedByInfrastructure(failed(null, null))).toBe(true);
    expect(endedByInfrastructure({ status: 'STOPPED', error_type: null, driver_exit_code: null })).toBe(true);
  });

  it('never counts a success', () => {
    expect(endedByInfrastructure({ status: 'SUCCEEDED', error_type: null, driver_exit_code: 0 })).toBe(false);
  });
});

describe('job memory', () => {
  const ray = (nodes: number[] | Error) => ({
    calls: 0,
    async nodeMemoryBytes() {
      this.calls++;
      if (nodes instanceof Error) throw nodes;
      return nodes;
    },
  });

  it('defaults to a quarter of the largest Ray node, reserving what it enforces', async () => {
    const mem = createJobMemory(loadConfig({}), ray([8 * GB, 20 * GB]), () => 64 * GB);
    expect(await mem()).toEqual({ limitBytes: 5 * GB, reserveBytes: 5 * GB });
  });

  it('gives a job at least 1 GB by default, reserving no more than the node has', async () => {
    expect(await createJobMemory(loadConfig({}), ray([2 * GB]))()).toEqual({ limitBytes: 1 * GB, reserveBytes: 1 * GB });
    expect(await createJobMemory(loadConfig({}), ray([0.5 * GB]))()).toEqual({ limitBytes: 1 * GB, reserveBytes: 0.5 * GB });
  });

  it("falls back to a quarter of this machine's RAM when Ray cannot say", async () => {
    const mem = createJobMemory(loadConfig({}), ray(new Error('404')), () => 16 * GB);
    expect(await mem()).toEqual({ limitBytes: 4 * GB, reserveBytes: 4 * GB });
  });

  it('takes RAY_JOB_MEMORY_LIMIT_GB, never reserving more than a node has', async () => {
    expect(await createJobMemory(loadConfig({ RAY_JOB_MEMORY_LIMIT_GB: '0.5' }), ray([20 * GB]))()).toEqual({
      limitBytes: 0.5 * GB,
      reserveBytes: 0.5 * GB,
    });
    expect(await createJobMemory(loadConfig({ RAY_JOB_MEMORY_LIMIT_GB: '32' }), ray([20 * GB]))()).toEqual({
      limitBytes: 32 * GB,
      reserveBytes: 20 * GB,
    });
    expect(() => loadConfig({ RAY_JOB_MEMORY_LIMIT_GB: '-1' })).toThrow(/jobMemoryLimitGb/);
  });

  it('reads the nodes once per few minutes, not per job', async () => {
    const r = ray([20 * GB]);
    const mem = createJobMemory(loadConfig({}), r);
    await mem();
    await mem();
    expect(r.calls).toBe(1);
  });
});
