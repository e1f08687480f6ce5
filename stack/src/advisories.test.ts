import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAdvisories, isAffected, lockedPackages, osvDirSource } from './advisories';

const lock = {
  packages: {
    '': { name: 'voltpay' },
    admin: { version: '0.0.0' },
    'node_modules/@voltpay/admin': { link: true },
    'node_modules/next': { version: '16.4.6' },
    'node_modules/foo/node_modules/lodash': { version: '4.17.20' },
    'node_modules/lodash': { version: '4.17.21' },
  },
};

describe('advisory check', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'osv-'));
    await writeFile(
      path.join(dir, 'GHSA-test.json'),
      JSON.stringify({
        id: 'GHSA-test',
        summary: 'Prototype pollution',
        database_specific: { severity: 'HIGH' },
        affected: [{ package: { name: 'lodash', ecosystem: 'npm' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '4.17.21' }] }] }],
      }),
    );
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('lists installed packages of the lockfile, nested ones too, without workspace links', () => {
    expect(lockedPackages(lock)).toEqual([
      { name: 'lodash', version: '4.17.20' },
      { name: 'lodash', version: '4.17.21' },
      { name: 'next', version: '16.4.6' },
    ]);
  });

  it('matches OSV semver ranges', () => {
    const affected = { package: { name: 'x', ecosystem: 'npm' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '1.2.0' }, { fixed: '1.4.1' }] }] };
    expect(isAffected('1.1.9', affected)).toBe(false);
    expect(isAffected('1.2.0', affected)).toBe(true);
    expect(isAffected('1.4.0', affected)).toBe(true);
    expect(isAffected('1.4.1', affected)).toBe(false);
  });

  it('finds the affected version in a local OSV export', async () => {
    const result = await osvDirSource(lockedPackages(lock), dir);
    expect(result).toEqual({
      source: 'osv-dir',
      ok: true,
      findings: [{ name: 'lodash', version: '4.17.20', id: 'GHSA-test', summary: 'Prototype pollution', severity: 'high' }],
    });
  });

  it('says nobody answered rather than "no findings" when the source is unavailable', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'lock-'));
    await writeFile(path.join(root, 'package-lock.json'), JSON.stringify(lock));
    const previous = process.env.OSV_NPM_DIR;
    delete process.env.OSV_NPM_DIR;
    const result = await checkAdvisories({ root, only: 'osv-dir' });
    if (previous !== undefined) process.env.OSV_NPM_DIR = previous;
    expect(result.answered).toBeNull();
    expect(result.tried).toEqual([{ source: 'osv-dir', ok: false, reason: 'OSV_NPM_DIR is not set' }]);
    await rm(root, { recursive: true, force: true });
  });
});
