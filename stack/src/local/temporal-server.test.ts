import { chmod, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveTemporalSource } from './temporal-server';

describe('resolveTemporalSource', () => {
  let dir: string;
  const executable = async (name: string) => {
    const file = path.join(dir, name);
    await writeFile(file, '#!/bin/sh\n');
    await chmod(file, 0o755);
    return file;
  };
  let binWithTemporal: string;
  let binWithGo: string;
  let cached: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'temporal-source-'));
    binWithTemporal = path.join(dir, 'with-temporal');
    binWithGo = path.join(dir, 'with-go');
    await Promise.all([mkdir(binWithTemporal), mkdir(binWithGo)]);
    await executable('with-temporal/temporal');
    await executable('with-go/go');
    cached = await executable('cached-temporal');
  });

  const missing = () => path.join(dir, 'not-there');

  it('uses a running server named by TEMPORAL_ADDRESS before anything else', () => {
    expect(resolveTemporalSource({ env: { TEMPORAL_ADDRESS: 'temporal:7233', PATH: binWithTemporal }, cliCachePath: cached })).toEqual({
      kind: 'external',
      address: 'temporal:7233',
    });
  });

  it('then the binary named by TEMPORAL_CLI, and refuses one that is not executable', async () => {
    const own = await executable('own-temporal');
    expect(resolveTemporalSource({ env: { TEMPORAL_CLI: own, PATH: binWithTemporal }, cliCachePath: cached })).toEqual({
      kind: 'binary',
      path: own,
      origin: 'TEMPORAL_CLI',
    });
    expect(() => resolveTemporalSource({ env: { TEMPORAL_CLI: missing() }, cliCachePath: cached })).toThrow(/TEMPORAL_CLI/);
  });

  it('then `temporal` on PATH, then the cached build', () => {
    expect(resolveTemporalSource({ env: { PATH: binWithTemporal }, cliCachePath: cached })).toMatchObject({ kind: 'binary', origin: 'PATH' });
    expect(resolveTemporalSource({ env: { PATH: binWithGo }, cliCachePath: cached })).toEqual({ kind: 'binary', path: cached, origin: 'cache' });
  });

  it('builds with Go when nothing is cached, and falls back to the SDK download without Go', () => {
    expect(resolveTemporalSource({ env: { PATH: binWithGo }, cliCachePath: missing() })).toEqual({
      kind: 'go-build',
      goPath: path.join(binWithGo, 'go'),
    });
    expect(resolveTemporalSource({ env: { PATH: missing() }, cliCachePath: missing() })).toEqual({ kind: 'sdk-download' });
  });
});
