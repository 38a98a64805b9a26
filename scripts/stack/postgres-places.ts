// Where Postgres's binaries and data live when the stack runs as root. Postgres refuses to run as root, so
// it runs as the system user `postgres`, which must be able to enter every folder on the way to its
// binaries and its data. A clone inside a folder only root may enter (mode 0700, as `mktemp -d` makes)
// blocks it; then the binaries are copied, and the data placed, under a folder it can reach.
import { createHash } from 'node:crypto';
import { chownSync, cpSync, existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface OsUser {
  uid: number;
  /** Primary and supplementary groups. */
  gids: number[];
}

type Stat = (p: string) => Pick<Stats, 'mode' | 'uid' | 'gid'> | undefined;
const realStat: Stat = (p) => {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
};

/**
 * The first existing folder on the way from / to `target` (included) that `user` may not enter (no
 * search permission for it), or undefined when every one is enterable. Folders that do not exist yet
 * end the walk: they will be created by us, with modes we choose.
 */
export function blockingFolder(target: string, user: OsUser, stat: Stat = realStat): string | undefined {
  if (user.uid === 0) return undefined;
  const parts = path.resolve(target).split(path.sep).filter(Boolean);
  for (let i = 0; i <= parts.length; i++) {
    const dir = path.sep + parts.slice(0, i).join(path.sep);
    const s = stat(dir);
    if (!s) return undefined;
    const bit = s.uid === user.uid ? 0o100 : user.gids.includes(s.gid) ? 0o010 : 0o001;
    if ((s.mode & bit) === 0) return dir;
  }
  return undefined;
}

export interface PostgresPlaces {
  /** The folder holding bin/, lib/, share/ that Postgres runs from. */
  nativeDir: string;
  /** Copy the package's binaries here first (the package's own folder is not reachable). */
  copyFrom?: string;
  /** The cluster's data folder. */
  dataDir: string;
  /** Why a place outside the tree was chosen: printed, so that the operator knows where the data is. */
  notes: string[];
}

/**
 * Decides where Postgres runs from and keeps its data. `stackDataDir` is the stack's data folder (the
 * stack makes it enterable itself); `outsideRoot` is the reachable folder used when the tree is not.
 */
export function choosePostgresPlaces(opts: {
  packageNativeDir: string;
  packageVersion: string;
  stackDataDir: string;
  user?: OsUser;
  outsideRoot: string;
  stat?: Stat;
}): PostgresPlaces {
  const inside = path.join(opts.stackDataDir, 'postgres');
  if (!opts.user) return { nativeDir: opts.packageNativeDir, dataDir: inside, notes: [] };
  const stat = opts.stat ?? realStat;
  const notes: string[] = [];
  let nativeDir = opts.packageNativeDir;
  let copyFrom: string | undefined;
  const binBlocked = blockingFolder(path.join(opts.packageNativeDir, 'bin'), opts.user, stat);
  if (binBlocked) {
    nativeDir = path.join(opts.outsideRoot, `postgres-${opts.packageVersion}`);
    copyFrom = opts.packageNativeDir;
    notes.push(`Postgres's user cannot enter ${binBlocked}: running Postgres from a copy in ${nativeDir}`);
  }
  // The stack data folder itself is made enterable by the stack; its parents are the user's.
  const dataBlocked = blockingFolder(path.dirname(opts.stackDataDir), opts.user, stat);
  let dataDir = inside;
  if (dataBlocked) {
    const key = createHash('sha256').update(path.resolve(opts.stackDataDir)).digest('hex').slice(0, 12);
    dataDir = path.join(opts.outsideRoot, `data-${key}`, 'postgres');
    notes.push(`Postgres's user cannot enter ${dataBlocked}: its data for ${opts.stackDataDir} is kept in ${dataDir}`);
  }
  return { nativeDir, ...(copyFrom ? { copyFrom } : {}), dataDir, notes };
}

/** Where the stack keeps what Postgres must reach when the tree is not reachable: kept across runs for `npm start`. */
export const outsideRootFor = (persistent: boolean) => (persistent ? '/var/lib/dataml' : path.join(os.tmpdir(), 'dataml-postgres'));

/** Makes the chosen places exist: the binaries copied once per version (atomically), folders owned by `owner`. */
export function preparePostgresPlaces(places: PostgresPlaces, outsideRoot: string, owner?: { uid: number; gid: number }): void {
  if (places.copyFrom || !places.dataDir.startsWith(outsideRoot)) mkdirSync(outsideRoot, { recursive: true, mode: 0o755 });
  if (places.copyFrom && !existsSync(path.join(places.nativeDir, '.complete'))) {
    // Copied beside, then renamed: two stacks starting at once must not run a half-copied binary.
    const partial = `${places.nativeDir}.partial-${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    cpSync(places.copyFrom, partial, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
    writeFileSync(path.join(partial, '.complete'), '');
    try {
      renameSync(partial, places.nativeDir);
    } catch {
      rmSync(partial, { recursive: true, force: true }); // another stack finished first
    }
  }
  if (places.dataDir.startsWith(outsideRoot)) {
    mkdirSync(path.dirname(places.dataDir), { recursive: true, mode: 0o755 });
    mkdirSync(places.dataDir, { recursive: true, mode: 0o700 });
    if (owner) chownSync(places.dataDir, owner.uid, owner.gid);
  }
}
