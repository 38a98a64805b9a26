// Where the stack puts Postgres's binaries and data when it runs as root: the server runs as the user
// `postgres`, which must be able to enter every folder on the way. A clone inside a folder only root may
// enter (mode 0700, as `mktemp -d` makes) used to fail with "initdb failed: null".
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { blockingFolder, choosePostgresPlaces, preparePostgresPlaces } from '../../scripts/stack/postgres-places.js';

// Some user that owns none of the folders made here and is in none of their groups.
const OTHER = { uid: 54321, gids: [54321] };

describe('Postgres places for a server that runs as another user', () => {
  const base = mkdtempSync(path.join(os.tmpdir(), 'dataml-places-')); // mode 0700, like `mktemp -d`
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('finds the first folder the user cannot enter, and none when all are enterable', () => {
    const deep = path.join(base, 'repo', '.data');
    mkdirSync(deep, { recursive: true });
    expect(statSync(base).mode & 0o777).toBe(0o700);
    expect(blockingFolder(deep, OTHER)).toBe(base);
    // Owner and group bits count for their owner and group only.
    expect(blockingFolder(deep, { uid: statSync(base).uid, gids: [] })).toBeUndefined();
    chmodSync(base, 0o711);
    expect(blockingFolder(deep, OTHER)).toBeUndefined();
    chmodSync(base, 0o700);
    // Folders that do not exist yet are ours to create.
    expect(blockingFolder('/nonexistent-dataml/x', OTHER)).toBeUndefined();
  });

  it('keeps binaries and data in the tree when the user can reach them', () => {
    const tree = path.join(base, 'open');
    mkdirSync(path.join(tree, 'native/bin'), { recursive: true });
    chmodSync(base, 0o755);
    try {
      const places = choosePostgresPlaces({
        packageNativeDir: path.join(tree, 'native'),
        packageVersion: '1.0',
        stackDataDir: path.join(tree, '.data'),
        user: OTHER,
        outsideRoot: '/outside',
      });
      expect(places).toEqual({ nativeDir: path.join(tree, 'native'), dataDir: path.join(tree, '.data', 'postgres'), notes: [] });
    } finally {
      chmodSync(base, 0o700);
    }
  });

  it('copies the binaries and places the data outside a tree only root may enter, and says so', () => {
    const tree = path.join(base, 'closed');
    const native = path.join(tree, 'node_modules/pkg/native');
    mkdirSync(path.join(native, 'bin'), { recursive: true });
    writeFileSync(path.join(native, 'bin/postgres'), '#!/bin/sh\n', { mode: 0o755 });
    const outside = mkdtempSync(path.join(os.tmpdir(), 'dataml-outside-'));
    chmodSync(outside, 0o755);
    try {
      const places = choosePostgresPlaces({
        packageNativeDir: native,
        packageVersion: '18.4',
        stackDataDir: path.join(tree, '.data'),
        user: OTHER,
        outsideRoot: outside,
      });
      expect(places.copyFrom).toBe(native);
      expect(places.nativeDir).toBe(path.join(outside, 'postgres-18.4'));
      expect(places.dataDir.startsWith(`${outside}/data-`)).toBe(true);
      expect(path.basename(places.dataDir)).toBe('postgres');
      expect(places.notes.join('\n')).toContain(`cannot enter ${base}`);
      // The same tree maps to the same data folder on every start (npm start keeps its data).
      expect(
        choosePostgresPlaces({
          packageNativeDir: native,
          packageVersion: '18.4',
          stackDataDir: path.join(tree, '.data'),
          user: OTHER,
          outsideRoot: outside,
        }).dataDir,
      ).toBe(places.dataDir);

      preparePostgresPlaces(places, outside);
      expect(readFileSync(path.join(places.nativeDir, 'bin/postgres'), 'utf8')).toBe('#!/bin/sh\n');
      expect(statSync(path.join(places.nativeDir, 'bin/postgres')).mode & 0o111).toBe(0o111);
      expect(existsSync(places.dataDir)).toBe(true);
      expect(statSync(places.dataDir).mode & 0o777).toBe(0o700);
      // What the server's user will walk through is now enterable by it.
      expect(blockingFolder(path.join(places.nativeDir, 'bin'), OTHER)).toBeUndefined();
      expect(blockingFolder(path.dirname(places.dataDir), OTHER)).toBeUndefined();
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('changes nothing when the stack does not run as root (no other user involved)', () => {
    const places = choosePostgresPlaces({
      packageNativeDir: '/x/native',
      packageVersion: '1',
      stackDataDir: path.join(base, '.data'),
      outsideRoot: '/outside',
    });
    expect(places).toEqual({ nativeDir: '/x/native', dataDir: path.join(base, '.data', 'postgres'), notes: [] });
  });
});
