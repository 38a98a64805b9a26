// Last-resort handlers for the API and worker processes. An error that escaped every handler is logged;
// the process keeps running when the error only says a dependency is down (the pools and connections
// recover by themselves), and exits otherwise, since its state is then unknown: supervision (the stack
// script, compose `restart:`, Kubernetes) starts a fresh one.
import type { Logger } from 'pino';
import { unavailableDependency } from './dependency-errors.js';

export function installLastResortHandlers(log: Logger): void {
  const handle = (kind: string) => (err: unknown) => {
    const down = unavailableDependency(err);
    if (down) {
      log.warn({ err: (err as Error)?.message, dependency: down }, `${kind}: ${down} is unavailable; continuing`);
      return;
    }
    log.fatal({ err }, `${kind}: exiting, the process state is unknown`);
    // pino writes synchronously to stdout/stderr by default; exit on the next tick all the same.
    setImmediate(() => process.exit(1));
  };
  process.on('uncaughtException', handle('uncaught exception'));
  process.on('unhandledRejection', handle('unhandled rejection'));
}

/** Runs a start-up step; on failure, logs what failed, why, and what to do about it, then exits 1. */
export async function startupStep<T>(log: Logger, what: string, fix: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    log.fatal({ err: (err as Error)?.message ?? String(err) }, `start-up failed: ${what}: ${(err as Error)?.message ?? err}. ${fix}`);
    process.exit(1);
  }
}
