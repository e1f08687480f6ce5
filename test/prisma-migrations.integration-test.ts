// The checked-in migrations apply cleanly and match schema.prisma, run through the same
// `engine/cli.ts` route production uses (native schema engine, or the wasm fallback offline).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRISMA_CLI_PATH, PRISMA_PACKAGE_DIR as prismaDir } from '@voltpay/prisma/engine';
import { createThrowawayDatabase, type ThrowawayDatabase } from '@voltpay/prisma/testing';

const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) throw new Error('DATABASE_URL (a Postgres superuser URL of the test stack) is required');

type CliResult = { code: number | null; stdout: string; stderr: string };

const runPrismaCli = (args: string[], databaseUrl: string): Promise<CliResult> =>
  new Promise((resolve, reject) => {
    // cwd: prismaDir so `--import tsx` resolves from the package that depends on tsx.
    const child = spawn(process.execPath, ['--import', 'tsx', PRISMA_CLI_PATH, ...args], {
      cwd: prismaDir,
      env: { ...process.env, DATABASE_URL: databaseUrl, CI: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });

const migrationNames = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

describe('prisma migrations', () => {
  const databases: ThrowawayDatabase[] = [];
  let tempDir: string | undefined;

  const throwawayDatabase = async () => {
    const db = await createThrowawayDatabase({ adminUrl, prefix: 'voltpay_migrations' });
    databases.push(db);
    return db;
  };

  afterAll(async () => {
    await Promise.all(databases.map((db) => db.drop()));
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
  });

  it('deploys the migrations and leaves no difference to schema.prisma', async () => {
    const db = await throwawayDatabase();

    const deploy = await runPrismaCli(['migrate', 'deploy'], db.url);
    expect(deploy.code, deploy.stdout + deploy.stderr).toBe(0);

    const diff = await runPrismaCli(
      ['migrate', 'diff', '--from-config-datasource', '--to-schema', path.join(prismaDir, 'schema.prisma'), '--exit-code'],
      db.url,
    );
    // --exit-code: 0 = no difference, 2 = the database (i.e. the migrations) and the schema disagree.
    expect(diff.code, diff.stdout + diff.stderr).toBe(0);
  });

  describe('on a copy of schema.prisma and migrations/', () => {
    let copyDir: string;

    beforeAll(() => {
      tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'voltpay-migrate-dev-'));
      copyDir = tempDir;
      fs.copyFileSync(path.join(prismaDir, 'schema.prisma'), path.join(copyDir, 'schema.prisma'));
      fs.cpSync(path.join(prismaDir, 'migrations'), path.join(copyDir, 'migrations'), { recursive: true });
      // A plain object: a config outside the package cannot import 'prisma/config'.
      fs.writeFileSync(
        path.join(copyDir, 'prisma.config.ts'),
        `export default ${JSON.stringify({
          schema: path.join(copyDir, 'schema.prisma'),
          migrations: { path: path.join(copyDir, 'migrations') },
          datasource: { url: '__DATABASE_URL__' },
        }).replace('"__DATABASE_URL__"', 'process.env.DATABASE_URL')};\n`,
      );
    });

    it('migrate dev creates no new migration', async () => {
      const db = await throwawayDatabase();
      const before = migrationNames(path.join(copyDir, 'migrations'));

      const dev = await runPrismaCli(['migrate', 'dev', '--config', path.join(copyDir, 'prisma.config.ts'), '--name', 'unexpected_drift'], db.url);

      expect(dev.code, dev.stdout + dev.stderr).toBe(0);
      expect(migrationNames(path.join(copyDir, 'migrations'))).toEqual(before);
      expect(before.length).toBeGreaterThan(0);
    });
  });
});
