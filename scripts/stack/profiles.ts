// Ports and folders of the two local stacks: `npm start` (persistent) and `npm test` (throwaway),
// chosen so that both can run on one machine at once.
export interface Profile {
  name: 'local' | 'test';
  dataDir: string;
  persistent: boolean;
  postgresPort: number;
  temporal: { port: number; uiPort: number; httpPort: number; metricsPort: number; headless: boolean };
  // SeaweedFS also listens on each port + 10000 (gRPC).
  seaweed: { master: number; volume: number; filer: number; s3: number; iceberg: number; webdav: number; admin: number };
  ray: {
    gcsPort: number;
    dashboardPort: number;
    clientPort: number;
    agentListen: number;
    agentGrpc: number;
    metrics: number;
    nodeManager: number;
    objectManager: number;
    runtimeEnvAgent: number;
    minWorker: number;
    maxWorker: number;
    dashboardGrpc: number;
    objectStoreBytes: number;
    tempDir: string;
  };
  apiPort: number;
  /** The worker's Prometheus metrics (WORKER_METRICS_PORT); the API serves its own on apiPort. */
  workerMetricsPort: number;
}

export const LOCAL: Profile = {
  name: 'local',
  dataDir: '.data',
  persistent: true,
  postgresPort: 55432,
  temporal: { port: 7233, uiPort: 8233, httpPort: 7243, metricsPort: 7244, headless: false },
  seaweed: { master: 9333, volume: 9340, filer: 8888, s3: 8333, iceberg: 8181, webdav: 7333, admin: 23646 },
  ray: {
    gcsPort: 6390,
    dashboardPort: 8265,
    clientPort: 10011,
    agentListen: 52365,
    agentGrpc: 52366,
    metrics: 52367,
    nodeManager: 52368,
    objectManager: 52369,
    runtimeEnvAgent: 52370,
    minWorker: 52400,
    maxWorker: 52599,
    dashboardGrpc: 52371,
    objectStoreBytes: 1_000_000_000,
    tempDir: '/tmp/dataml-ray-local',
  },
  apiPort: 8000,
  workerMetricsPort: 9464,
};

export const TEST: Profile = {
  name: 'test',
  dataDir: '.test-data',
  persistent: false,
  postgresPort: 56432,
  temporal: { port: 17233, uiPort: 17234, httpPort: 17243, metricsPort: 17244, headless: true },
  seaweed: { master: 29333, volume: 29340, filer: 28888, s3: 28333, iceberg: 28181, webdav: 27333, admin: 28646 },
  ray: {
    gcsPort: 16390,
    dashboardPort: 18265,
    clientPort: 20011,
    agentListen: 53365,
    agentGrpc: 53366,
    metrics: 53367,
    nodeManager: 53368,
    objectManager: 53369,
    runtimeEnvAgent: 53370,
    minWorker: 53400,
    maxWorker: 53599,
    dashboardGrpc: 53371,
    objectStoreBytes: 500_000_000,
    tempDir: '/tmp/dataml-ray-test',
  },
  apiPort: 18000,
  workerMetricsPort: 19464,
};

/** A profile shifted by `offset` ports, so that several stacks can share a machine. */
export function shiftedProfile(base: Profile, offset: number): Profile {
  if (!offset) return base;
  const shift = <T extends Record<string, unknown>>(o: T): T =>
    Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'number' && k !== 'objectStoreBytes' ? v + offset : v])) as T;
  return {
    ...base,
    postgresPort: base.postgresPort + offset,
    temporal: shift(base.temporal),
    seaweed: shift(base.seaweed),
    ray: { ...shift(base.ray), tempDir: `${base.ray.tempDir}-${offset}` },
    apiPort: base.apiPort + offset,
    workerMetricsPort: base.workerMetricsPort + offset,
  };
}
