// The cluster profile of the local stack: several API processes behind one address, several workers
// polling the same task queue, and Ray worker nodes joined to the head, all on this machine and each
// supervised under its own name (api-1, worker-2, ray-node-1 …) so that drills can kill one instance.
//
//   STACK_API=2 STACK_WORKERS=2 STACK_RAY_NODES=2 npm start
//
// Unset (or 1, 1, 0), the stack is what it always was: one API on API_PORT, one worker, a Ray head alone.
// Every extra port is derived from the profile, so STACK_PORT_OFFSET shifts them with the rest.
import path from 'node:path';
import { VENV_BIN } from './components.js';
import { startProcess, waitReady, type Managed } from './process.js';
import type { Profile } from './profiles.js';

export interface ClusterShape {
  apis: number;
  workers: number;
  rayNodes: number;
  /** CPUs the Ray head offers to jobs: 0 with worker nodes (as in production), unless STACK_RAY_HEAD_CPUS says. */
  rayHeadCpus: number;
}

function count(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > 8) throw new Error(`${name} must be an integer from ${min} to 8 (got ${JSON.stringify(raw)})`);
  return n;
}

export function clusterShape(env: NodeJS.ProcessEnv): ClusterShape {
  const rayNodes = count(env, 'STACK_RAY_NODES', 0, 0);
  return {
    apis: count(env, 'STACK_API', 1, 1),
    workers: count(env, 'STACK_WORKERS', 1, 1),
    rayNodes,
    // On a small machine, a head that also runs jobs saves a whole raylet (the cluster drill does so).
    rayHeadCpus: count(env, 'STACK_RAY_HEAD_CPUS', rayNodes ? 0 : 2, 0),
  };
}

/** With one API the API listens on the public port itself; with several, each on its own and a proxy on the public one. */
export const apiInstancePort = (p: Profile, i: number): number => p.apiPort + 10 + i;
/** The worker's health port (liveness and readiness for Kubernetes probes, and for the stack's own wait). */
export const workerHealthPort = (p: Profile, i: number): number => p.apiPort + 20 + i;

/** Ports of Ray worker node `i` (1-based): a block of 210 after the head's worker-port range. */
export function rayNodePorts(p: Profile, i: number) {
  const base = p.ray.maxWorker + 1 + (i - 1) * 210;
  return {
    minWorker: base,
    maxWorker: base + 199,
    nodeManager: base + 200,
    objectManager: base + 201,
    metrics: base + 202,
    agentListen: base + 203,
    agentGrpc: base + 204,
    runtimeEnvAgent: base + 205,
  };
}

/** Every port the cluster profile adds to the profile's own (for collision checks). */
export function clusterPorts(p: Profile, shape: ClusterShape): number[] {
  const ports: number[] = [];
  if (shape.apis > 1) for (let i = 1; i <= shape.apis; i++) ports.push(apiInstancePort(p, i));
  for (let i = 1; i <= shape.workers; i++) ports.push(workerHealthPort(p, i));
  for (let i = 1; i <= shape.rayNodes; i++) {
    const r = rayNodePorts(p, i);
    for (let port = r.minWorker; port <= r.runtimeEnvAgent; port++) ports.push(port);
  }
  return ports;
}

/** CPUs each Ray worker node offers: jobs ask for 1 (training) or 0.5 (probes), so 1 keeps one job per node. */
export const RAY_NODE_CPUS = 1;
const RAY_NODE_OBJECT_STORE_BYTES = 200_000_000;

/**
 * Starts Ray worker node `i`, joined to the head, and waits until the head lists it alive. `ray start` gives a
 * raylet 30 s (fixed in Ray) to register; on a loaded machine it may miss that, so a start is tried 3 times.
 */
export async function startRayNode(p: Profile, i: number, logDir: string, dashboard: string): Promise<Managed> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startRayNodeOnce(p, i, logDir, dashboard);
    } catch (err) {
      if (attempt >= 3) throw err;
      console.error(`[stack] Ray node ${i} failed to start (${(err as Error).message.split('\n')[0]}); trying again`);
    }
  }
}

async function startRayNodeOnce(p: Profile, i: number, logDir: string, dashboard: string): Promise<Managed> {
  const r = rayNodePorts(p, i);
  const resource = `ray-node-${i}`;
  const args = [
    'start',
    `--address=127.0.0.1:${p.ray.gcsPort}`,
    '--block',
    '--node-ip-address=127.0.0.1',
    `--node-manager-port=${r.nodeManager}`,
    `--object-manager-port=${r.objectManager}`,
    `--metrics-export-port=${r.metrics}`,
    `--dashboard-agent-listen-port=${r.agentListen}`,
    `--dashboard-agent-grpc-port=${r.agentGrpc}`,
    `--runtime-env-agent-port=${r.runtimeEnvAgent}`,
    `--min-worker-port=${r.minWorker}`,
    `--max-worker-port=${r.maxWorker}`,
    `--object-store-memory=${RAY_NODE_OBJECT_STORE_BYTES}`,
    `--num-cpus=${RAY_NODE_CPUS}`,
    // A custom resource naming the node, so that a job (or a test) can be pinned to it.
    `--resources={"${resource}": 1}`,
    '--disable-usage-stats',
  ];
  const proc = startProcess(resource, path.join(VENV_BIN, 'ray'), args, {
    logFile: path.join(logDir, `${resource}.log`),
    cwd: p.ray.tempDir,
    env: {
      ...process.env,
      PATH: `${VENV_BIN}:${process.env.PATH}`,
      VIRTUAL_ENV: path.join(VENV_BIN, '..'),
      RAY_USAGE_STATS_ENABLED: '0',
    },
    stopSignal: 'SIGINT',
  });
  await waitReady(
    proc,
    `Ray node ${i}`,
    async () => {
      // Ready once the head lists an alive node offering its custom resource (a dead one may linger in the list).
      const nodes = await rayNodes(dashboard);
      return nodes.some((n) => n.state === 'ALIVE' && n.resources_total?.[resource]);
    },
    180_000,
    path.join(logDir, `${resource}.log`),
  );
  return proc;
}

export interface RayNodeState {
  node_id: string;
  state: string;
  resources_total?: Record<string, number>;
}

/** The nodes the Ray head knows (its state API), alive and dead. */
export async function rayNodes(dashboard: string): Promise<RayNodeState[]> {
  const res = await fetch(`${dashboard}/api/v0/nodes?limit=1000&detail=true`);
  if (!res.ok) throw new Error(`Ray state API: HTTP ${res.status}`);
  const body = (await res.json()) as { data?: { result?: { result?: RayNodeState[] } } };
  return body.data?.result?.result ?? [];
}
