import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WASM_ENGINE_PATH, nativeEngineFileName, prismaCliEnv, resolveSchemaEngine } from './index';

const binaryTarget = 'debian-openssl-3.0.x';

describe('resolveSchemaEngine', () => {
  let enginesDir: string;
  beforeEach(() => {
    enginesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'voltpay-engines-'));
  });
  afterEach(() => {
    fs.rmSync(enginesDir, { recursive: true, force: true });
  });

  it('uses the native binary when @prisma/engines downloaded it', async () => {
    const nativePath = path.join(enginesDir, nativeEngineFileName(binaryTarget));
    fs.writeFileSync(nativePath, '');

    const engine = await resolveSchemaEngine({ enginesDir, binaryTarget, env: {} });

    expect(engine).toEqual({ kind: 'native', path: nativePath, source: 'engines' });
    expect(prismaCliEnv(engine, {}).PRISMA_SCHEMA_ENGINE_BINARY).toBeUndefined();
  });

  it('falls back to the wasm engine when the binary is absent', async () => {
    // A binary for another platform does not count: the CLI would not use it either.
    fs.writeFileSync(path.join(enginesDir, nativeEngineFileName('linux-musl')), '');

    const engine = await resolveSchemaEngine({ enginesDir, binaryTarget, env: {} });

    expect(engine).toEqual({ kind: 'wasm', path: WASM_ENGINE_PATH });
    expect(prismaCliEnv(engine, { KEEP: '1' })).toEqual({ KEEP: '1', PRISMA_SCHEMA_ENGINE_BINARY: WASM_ENGINE_PATH });
  });

  it("honours the user's own PRISMA_SCHEMA_ENGINE_BINARY", async () => {
    fs.writeFileSync(path.join(enginesDir, nativeEngineFileName(binaryTarget)), '');
    const env = { PRISMA_SCHEMA_ENGINE_BINARY: '/opt/prisma/schema-engine' };

    const engine = await resolveSchemaEngine({ enginesDir, binaryTarget, env });

    expect(engine).toEqual({ kind: 'native', path: '/opt/prisma/schema-engine', source: 'env' });
    expect(prismaCliEnv(engine, env).PRISMA_SCHEMA_ENGINE_BINARY).toBe('/opt/prisma/schema-engine');
  });

  it('ships the wasm engine as an executable script', () => {
    expect(fs.readFileSync(WASM_ENGINE_PATH, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(fs.statSync(WASM_ENGINE_PATH).mode & 0o111).not.toBe(0);
  });
});
