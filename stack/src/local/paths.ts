// Where things live on disk: the repository, its local state, and the per-user cache.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const findRepoRoot = (): string => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'voltpay') return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Cannot find the Voltpay repository root (a package.json named "voltpay")');
    dir = parent;
  }
};

export const repoRoot = findRepoRoot();

/** `npm start` keeps its database and Temporal history here, across restarts. */
export const defaultDataDir = () => path.resolve(process.env.VOLTPAY_DATA_DIR ?? path.join(repoRoot, '.data'));

/** Built tools (the Temporal CLI) are cached per user, outside the repository, shared by every clone. */
export const cacheDir = () => path.resolve(process.env.VOLTPAY_CACHE_DIR ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(homedir(), '.cache'), 'voltpay'));

/**
 * As root, PostgreSQL runs as the `postgres` user, which cannot enter root's home folder (or any
 * 0700 folder a clone may sit in): a copy of its binaries, and its data when the data folder is
 * out of its reach, live here instead, outside every home folder.
 */
export const sharedDir = () => path.resolve(process.env.VOLTPAY_SHARED_DIR ?? '/var/lib/voltpay');

export const workspaceDir = (name: 'web' | 'admin' | 'activities' | 'sandbox-acquirer' | 'prisma' | 'test') => path.join(repoRoot, name);
