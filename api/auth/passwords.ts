// argon2id password hashing (@node-rs/argon2 defaults: m=19 MiB, t=2, p=1 — the OWASP minimum).
import { hash, verify, type Algorithm } from '@node-rs/argon2';

const ARGON2ID = 2 as Algorithm; // Algorithm.Argon2id (an ambient const enum, unusable under isolatedModules)

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash never authenticates
  }
}

let dummy: Promise<string> | undefined;
/** Verifies against a throwaway hash so that an unknown username costs as much time as a wrong password. */
export async function burnVerify(password: string): Promise<void> {
  dummy ??= hashPassword('dummy-password-for-timing');
  await verifyPassword(await dummy, password);
}
