import { describe, expect, it } from 'vitest';
import { externalComponents, jobEnvironment, loadConfig } from '../../config/config.js';

describe('configuration', () => {
  it('has local defaults for every component', () => {
    const c = loadConfig({});
    expect(c.mode).toBe('local');
    expect(c.api.port).toBe(8000);
    expect(c.temporal.address).toBe('127.0.0.1:7233');
    expect(c.ray.address).toBe('http://127.0.0.1:8265');
    expect(c.iceberg.warehouse).toBe('s3://dataml-lake/');
  });

  it('treats a component whose address is given as external', () => {
    expect(externalComponents({})).toEqual({ postgres: false, temporal: false, s3: false, iceberg: false, ray: false });
    expect(externalComponents({ DATABASE_URL: 'postgres://x', RAY_ADDRESS: 'http://ray:8265' })).toMatchObject({
      postgres: true,
      ray: true,
      temporal: false,
    });
  });

  it('rejects invalid values with the variable named', () => {
    expect(() => loadConfig({ API_PORT: 'eighty' })).toThrow(/api\.port/);
    expect(() => loadConfig({ DATAML_MODE: 'staging' })).toThrow(/mode/);
  });

  it('refuses production with the default admin password or without a signing key', () => {
    expect(() => loadConfig({ DATAML_MODE: 'production', JWT_SECRET: 'x'.repeat(40) })).toThrow(/ADMIN_PASSWORD/);
    expect(() => loadConfig({ DATAML_MODE: 'production', ADMIN_PASSWORD: 'a-real-one' })).toThrow(/JWT_SECRET/);
    expect(loadConfig({ DATAML_MODE: 'production', ADMIN_PASSWORD: 'a-real-one', JWT_SECRET: 'x'.repeat(40) }).mode).toBe('production');
  });

  it('gives Ray jobs the addresses they need, Temporal as the cluster sees it', () => {
    const env = jobEnvironment(loadConfig({ TEMPORAL_ADDRESS: 'temporal:7233', RAY_JOB_TEMPORAL_ADDRESS: 'temporal.internal:7233' }));
    expect(env.DATAML_TEMPORAL_ADDRESS).toBe('temporal.internal:7233');
    expect(env.DATAML_ICEBERG_URI).toBe('http://127.0.0.1:8181');
  });

  it("configures serving: the ONNX session cache, the Python model server's interpreter, drift sampling", () => {
    expect(loadConfig({}).serving).toEqual({ onnxCacheSize: 64, driftSampleRate: 0.1 });
    const c = loadConfig({ INFERENCE_CACHE_SIZE: '8', DATAML_VENV_BIN: '/opt/venv/bin', DRIFT_SAMPLE_RATE: '0' });
    expect(c.serving).toEqual({ onnxCacheSize: 8, python: '/opt/venv/bin/python', driftSampleRate: 0 });
    expect(() => loadConfig({ INFERENCE_CACHE_SIZE: '0' })).toThrow(/serving\.onnxCacheSize/);
    expect(() => loadConfig({ DRIFT_SAMPLE_RATE: '1.5' })).toThrow(/serving\.driftSampleRate/);
  });
});
