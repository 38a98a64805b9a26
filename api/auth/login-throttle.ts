// Brute-force limits on password checks (1.1 login and the current password of 1.5), shared by every API
// process through Postgres. Three limits over a sliding window, checked before the password is:
//  - per account from one address (LOGIN_MAX_FAILURES): stops one attacker guessing one account;
//  - per account from every address (LOGIN_ACCOUNT_MAX_FAILURES): stops a distributed attack on one account;
//  - per address (LOGIN_ADDRESS_MAX_FAILURES): stops one address spraying guesses over many accounts.
// The last two do not apply to an account at an address where it logged in successfully before
// (LOGIN_KNOWN_ADDRESS_DAYS): an attacker behind an office NAT, or guessing from elsewhere, cannot lock
// colleagues, or the victim at their usual address, out. A user never seen at the address is throttled
// while the address is over its limit.
import type { Kysely } from 'kysely';
import type { Config } from '../../config/config.js';
import type { Database } from '../../db/database.js';
import { isKnownAddress, recordLoginFailure, recordLoginSuccess, secondsUntilBelowLimit } from '../../db/repositories/login-attempts.js';
import { tooManyRequests } from '../errors.js';

export interface LoginKey {
  username: string;
  /** The TCP peer; null for in-process requests, which are limited per account only. */
  clientIp: string | null;
}

/** 429 with Retry-After when `key` may not try a password now. */
export async function assertLoginAllowed(db: Kysely<Database>, config: Config, key: LoginKey): Promise<void> {
  const a = config.auth;
  const w = a.loginWindowSeconds;
  const ip = key.clientIp;
  const [pair, account, address, known] = await Promise.all([
    secondsUntilBelowLimit(db, { username: key.username, clientIp: ip }, a.loginMaxFailures, w),
    secondsUntilBelowLimit(db, { username: key.username }, a.loginAccountMaxFailures, w),
    ip === null ? undefined : secondsUntilBelowLimit(db, { clientIp: ip }, a.loginAddressMaxFailures, w),
    ip === null ? false : isKnownAddress(db, key.username, ip, a.loginKnownAddressDays),
  ]);
  const waits = [pair, ...(known ? [] : [account, address])].filter((s): s is number => s !== undefined);
  if (waits.length) throw tooManyRequests('Too many failed login attempts; try again later', Math.max(...waits));
}

export const recordPasswordFailure = (db: Kysely<Database>, config: Config, key: LoginKey) =>
  recordLoginFailure(db, key, config.auth.loginWindowSeconds);

export const recordPasswordSuccess = (db: Kysely<Database>, config: Config, key: LoginKey) =>
  recordLoginSuccess(db, key, config.auth.loginKnownAddressDays);
