// docker-compose.yml must stay a valid deployment of the same environment contract as `npm start`.
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const compose = path.join(ROOT, 'docker-compose.yml');
const env = {
  ...process.env,
  POSTGRES_PASSWORD: 'p',
  S3_ACCESS_KEY_ID: 'k',
  S3_SECRET_ACCESS_KEY: 's',
  JWT_SECRET: 'j'.repeat(32),
  ADMIN_PASSWORD: 'a-real-password',
  GRAFANA_ADMIN_PASSWORD: 'g',
};
const hasCompose = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' }).status === 0;

describe('docker-compose.yml', () => {
  it.skipIf(!hasCompose)('is accepted by `docker compose config`', () => {
    const res = spawnSync('docker', ['compose', '-f', compose, 'config', '--quiet'], { env, encoding: 'utf8' });
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
  });
  if (!hasCompose)
    console.warn('docker compose is not installed here: skipping `docker compose config`; checking the file structurally only');

  it('defines every component and gives the API and worker the whole configuration', () => {
    const py = path.join(ROOT, 'ml/.venv/bin/python');
    const out = execFileSync(
      py,
      [
        '-c',
        `
import json, sys, yaml
doc = yaml.safe_load(open(sys.argv[1]))
print(json.dumps({"services": sorted(doc["services"]), "api": doc["services"]["api"]["environment"], "worker": doc["services"]["worker"]["environment"]}))
`,
        compose,
      ],
      { encoding: 'utf8' },
    );
    const doc = JSON.parse(out) as { services: string[]; api: Record<string, string>; worker: Record<string, string> };
    expect(doc.services).toEqual([
      'api',
      'grafana',
      'postgres',
      'prometheus',
      'ray-head',
      'ray-worker',
      'seaweedfs',
      'temporal',
      'temporal-ui',
      'worker',
    ]);
    for (const key of [
      'DATABASE_URL',
      'TEMPORAL_ADDRESS',
      'S3_ENDPOINT',
      'ICEBERG_CATALOG_URI',
      'RAY_ADDRESS',
      'JWT_SECRET',
      'ADMIN_PASSWORD',
    ]) {
      expect(doc.api[key], `api ${key}`).toBeTruthy();
      expect(doc.worker[key], `worker ${key}`).toBeTruthy();
    }
    expect(doc.api.DATAML_MODE).toBe('production');
  });
});
