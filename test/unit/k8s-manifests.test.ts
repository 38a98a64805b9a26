// deploy/k8s, validated offline: rendered by `kubectl kustomize`, every core object checked (strictly) against
// the Kubernetes schemas shipped by the kubernetes-validate package, the RayCluster against KubeRay's own CRD
// (from the ray-operator Go module, fetched once into the Go module cache). Not validated here: that the
// images exist, that the KubeRay operator and the ingress controller accept it at run time, and network
// policies' effect (a cluster is needed for those).
// Also: only the API is reachable from outside, in the manifests and in docker-compose.yml.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const PY = path.join(ROOT, 'ml/.venv/bin/python');
/** The KubeRay release whose CRD the manifests are written for (the operator to install with them). */
const KUBERAY = 'github.com/ray-project/kuberay/ray-operator@v1.4.2';

/** A copy of deploy/k8s with the Ray jobs' secrets file an operator writes (`npm run s3:job-identities`). */
let deployDir: string | undefined;
function withSecrets(): string {
  if (deployDir) return deployDir;
  const dir = mkdtempSync(path.join(tmpdir(), 'dataml-k8s-'));
  cpSync(path.join(ROOT, 'deploy/k8s'), dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}secrets`) });
  execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/s3-job-identities.ts'), path.join(dir, 'secrets')], {
    cwd: ROOT,
    env: { ...process.env, S3_ACCESS_KEY_ID: 'admin', S3_SECRET_ACCESS_KEY: 'admin-secret' },
  });
  deployDir = dir;
  return dir;
}
afterAll(() => deployDir && rmSync(deployDir, { recursive: true, force: true }));
const rendered = () => execFileSync('kubectl', ['kustomize', withSecrets()], { encoding: 'utf8' });
const asJson = (yamlText: string): any[] =>
  JSON.parse(
    execFileSync(PY, ['-c', 'import json, sys, yaml; print(json.dumps([d for d in yaml.safe_load_all(sys.stdin) if d]))'], {
      input: yamlText,
      encoding: 'utf8',
    }),
  );

describe('deploy/k8s', () => {
  it('renders, and every object validates against its schema (RayCluster: KubeRay CRD)', { timeout: 120_000 }, () => {
    const mod = JSON.parse(execFileSync('go', ['mod', 'download', '-json', KUBERAY], { encoding: 'utf8', cwd: '/tmp' })) as { Dir: string };
    const crd = path.join(mod.Dir, 'config/crd/bases/ray.io_rayclusters.yaml');
    let out = '';
    try {
      out = execFileSync(PY, [path.join(ROOT, 'test/support/validate_k8s.py'), crd], { input: rendered(), encoding: 'utf8' });
    } catch (err) {
      throw new Error(`validation failed:\n${(err as { stdout?: string }).stdout}`);
    }
    const results = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { kind: string; name: string; ok: boolean });
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(results.map((r) => `${r.kind}/${r.name}`)).toEqual(
      expect.arrayContaining(['Deployment/dataml-api', 'Deployment/dataml-worker', 'RayCluster/dataml-ray', 'Ingress/dataml-api']),
    );
  });

  it('gives the API and the worker probes and resource limits, and Ray autoscaling', () => {
    const docs = asJson(rendered());
    for (const name of ['dataml-api', 'dataml-worker']) {
      const c = docs.find((d) => d.kind === 'Deployment' && d.metadata.name === name).spec.template.spec.containers[0];
      expect(c.livenessProbe?.httpGet, name).toBeTruthy();
      expect(c.readinessProbe?.httpGet, name).toBeTruthy();
      expect(c.resources?.limits?.cpu && c.resources?.limits?.memory, name).toBeTruthy();
    }
    const ray = docs.find((d) => d.kind === 'RayCluster').spec;
    expect(ray.enableInTreeAutoscaling).toBe(true);
    expect(ray.workerGroupSpecs[0].maxReplicas).toBeGreaterThan(ray.workerGroupSpecs[0].minReplicas);
  });

  it('exposes nothing but the API', () => {
    const docs = asJson(rendered());
    const services = docs.filter((d) => d.kind === 'Service');
    expect(services.filter((s) => ['LoadBalancer', 'NodePort'].includes(s.spec.type))).toEqual([]);
    const backends = docs
      .filter((d) => d.kind === 'Ingress')
      .flatMap((i) => i.spec.rules.flatMap((r: any) => r.http.paths.map((p: any) => p.backend.service.name)));
    expect([...new Set(backends)]).toEqual(['dataml-api']);
    expect(docs.find((d) => d.kind === 'RayCluster').spec.headGroupSpec.serviceType).toBe('ClusterIP');
    expect(docs.some((d) => d.kind === 'NetworkPolicy' && d.metadata.name === 'default-deny-ingress')).toBe(true);
    // Ray jobs get their secrets as a mounted file, not as (dashboard-visible) environment variables.
    expect(docs.find((d) => d.kind === 'ConfigMap').data.RAY_JOB_SECRETS_FILE).toMatch(/^\//);
  });

  it('mounts the Ray jobs a secret with one section of keys per job type', () => {
    const docs = asJson(rendered());
    const file = docs.find((d) => d.kind === 'ConfigMap').data.RAY_JOB_SECRETS_FILE as string;
    const secret = docs.find((d) => d.kind === 'Secret' && d.metadata.name === 'dataml-ray-job-secrets');
    const body = JSON.parse(Buffer.from(secret.data[path.basename(file)], 'base64').toString('utf8'));
    expect(Object.keys(body)).toEqual(['jobs']);
    expect(body.jobs.train.s3_access_key_id).toBe('dataml-job-train');
    expect(body.jobs.validate.s3_access_key_id).toBe('dataml-job-ingest');
    const head = docs.find((d) => d.kind === 'RayCluster').spec.headGroupSpec.template.spec;
    expect(head.volumes.find((v: any) => v.name === 'job-secrets').secret.secretName).toBe('dataml-ray-job-secrets');
    expect(head.containers[0].volumeMounts.find((m: any) => m.name === 'job-secrets').mountPath).toBe(path.dirname(file));
  });
});

describe('docker-compose.yml exposure', () => {
  it('publishes only the API on every interface; operator ports only on 127.0.0.1', () => {
    const [doc] = asJson(execFileSync('cat', [path.join(ROOT, 'docker-compose.yml')], { encoding: 'utf8' }));
    const published: Record<string, string[]> = {};
    for (const [name, svc] of Object.entries<any>(doc.services)) if (svc.ports) published[name] = svc.ports.map(String);
    for (const [name, ports] of Object.entries(published)) {
      if (name === 'api') continue;
      for (const p of ports) expect(p, `${name} publishes ${p}`).toMatch(/^127\.0\.0\.1:/);
    }
    expect(published.api).toEqual(['8000:8000']);
  });

  it('starts SeaweedFS with the job identities and gives Ray the per-job secrets file', () => {
    const [doc] = asJson(execFileSync('cat', [path.join(ROOT, 'docker-compose.yml')], { encoding: 'utf8' }));
    expect(doc.services.seaweedfs.command).toContain('-s3.config=/run/secrets/seaweedfs_identities');
    expect(doc.services.seaweedfs.secrets).toEqual(['seaweedfs_identities']);
    expect(doc.services['ray-head'].secrets).toEqual(['ray_job_secrets']);
    expect(Object.keys(doc.secrets).sort()).toEqual(['ray_job_secrets', 'seaweedfs_identities']);
  });
});
