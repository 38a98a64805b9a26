// Parsing of command-line values: a bad one is a usage error (exit 2) naming the argument.
import { usageError } from '../errors.js';

export function intArg(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw usageError(`${name} must be a positive integer, got "${value}"`);
  return n;
}

/** JSON from the argument itself, or from a file when it starts with @. */
export async function jsonArg(value: string, name: string): Promise<unknown> {
  let text = value;
  if (value.startsWith('@')) {
    const { readFile } = await import('node:fs/promises');
    text = await readFile(value.slice(1), 'utf8').catch((err: Error) => {
      throw usageError(`${name}: cannot read ${value.slice(1)}: ${err.message}`);
    });
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw usageError(`${name} is not valid JSON: ${(err as Error).message}`);
  }
}

/** Collects repeatable `--set key=value` options. */
export function collectPairs(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const at = value.indexOf('=');
  if (at <= 0) throw usageError(`expected key=value, got "${value}"`);
  return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
}

export const csvList = (value: string) =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
