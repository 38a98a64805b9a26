// `npm start` as a child process (scripts/stack.ts start) on shifted ports with its own data folder, for drills
// that stop and start the whole platform, and for test/e2e/npm-start.test.ts.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../config/config.js';
import { LOCAL, shiftedProfile } from '../../scripts/stack/profiles.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

export function spawnedStack(offset: number, dataDir: string) {
  const profile = shiftedProfile(LOCAL, offset);

  /** The environment of a fresh shell: none of the test stack's addresses, so everything starts locally. */
  const cleanEnv = (extra: Record<string, string>): NodeJS.ProcessEnv => {
    const env = { ...process.env };
    for (const k of Object.keys(env)) {
      if (/^(DATABASE_URL|TEMPORAL_|S3_|ICEBERG_|RAY_|API_|DATAML_|DATA_DIR)/.test(k)) delete env[k];
    }
    return { ...env, STACK_PORT_OFFSET: String(offset), STACK_DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...extra };
  };

  function start(extraEnv: Record<string, string> = {}): { child: ChildProcess; output: () => string; up: Promise<void> } {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/stack.ts', 'start'], {
      cwd: ROOT,
      env: cleanEnv(extraEnv),
      detached: true,
    });
    let out = '';
    const up = new Promise<void>((resolve, reject) => {
      const onData = (b: Buffer) => {
        out += b.toString();
        if (out.includes('Data ML Platform is up.')) resolve();
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => reject(new Error(`stack exited (${code}) before it was up:\n${out.slice(-3000)}`)));
    });
    return { child, output: () => out, up };
  }

  /** Ctrl-C as a terminal sends it: SIGINT to the whole foreground process group. */
  async function interrupt(child: ChildProcess): Promise<number | null> {
    if (child.exitCode !== null) return child.exitCode;
    const exited = new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
    process.kill(-child.pid!, 'SIGINT');
    return exited;
  }

  /** Processes whose command line names this stack's data or Ray folders, or any of `needles`. */
  function leftovers(needles: string[] = []): string[] {
    const found: string[] = [];
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      try {
        if (readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]![0] === 'Z') continue; // a zombie runs nothing
        const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
        if ([dataDir, profile.ray.tempDir, ...needles].some((n) => cmd.includes(n))) found.push(`${pid}: ${cmd.slice(0, 160)}`);
      } catch {
        /* gone */
      }
    }
    return found;
  }

  const config = loadConfig({
    DATABASE_URL: `postgres://dataml:dataml@127.0.0.1:${profile.postgresPort}/dataml`,
    TEMPORAL_ADDRESS: `127.0.0.1:${profile.temporal.port}`,
    S3_ENDPOINT: `http://127.0.0.1:${profile.seaweed.s3}`,
    ICEBERG_CATALOG_URI: `http://127.0.0.1:${profile.seaweed.iceberg}`,
    RAY_ADDRESS: `http://127.0.0.1:${profile.ray.dashboardPort}`,
  });
  return { profile, config, base: `http://127.0.0.1:${profile.apiPort}`, start, interrupt, leftovers };
}
