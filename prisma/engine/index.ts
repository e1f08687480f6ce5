// Decides which schema engine the Prisma CLI runs: Prisma's native binary when it was downloaded,
// else our wasm stand-in (./schema-engine-wasm.mjs) for machines that cannot reach Prisma's host.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export type SchemaEngine = { kind: 'native'; path: string; source: 'env' | 'engines' } | { kind: 'wasm'; path: string };

export type ResolveSchemaEngineOptions = {
  /** Where @prisma/engines downloads the binary; defaults to the copy the installed `prisma` uses. */
  enginesDir?: string;
  env?: NodeJS.ProcessEnv;
  /** Prisma's name for this platform (`debian-openssl-3.0.x`); detected when omitted. */
  binaryTarget?: string;
};

/** The Prisma package folder (holds package.json and prisma.config.ts). */
export const PRISMA_PACKAGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** This package's Prisma CLI wrapper; run it as `node --import tsx <it> <prisma args...>`. */
export const PRISMA_CLI_PATH = fileURLToPath(new URL('./cli.ts', import.meta.url));

export const WASM_ENGINE_PATH = fileURLToPath(new URL('./schema-engine-wasm.mjs', import.meta.url));

// Variables the Prisma CLI itself honours, newest first (the second is deprecated but still read).
const ENGINE_ENV_VARS = ['PRISMA_SCHEMA_ENGINE_BINARY', 'PRISMA_MIGRATION_ENGINE_BINARY'] as const;

// Resolve @prisma/engines the way the installed `prisma` does, not by a relative node_modules path.
const requireFromPrisma = () => createRequire(createRequire(import.meta.url).resolve('prisma/package.json'));

const defaultEnginesDir = (): string => path.dirname(path.dirname(requireFromPrisma().resolve('@prisma/engines')));

const detectBinaryTarget = async (): Promise<string> => {
  const requireFromEngines = createRequire(requireFromPrisma().resolve('@prisma/engines'));
  const getPlatform = requireFromEngines('@prisma/get-platform') as {
    getBinaryTargetForCurrentPlatform: () => Promise<string>;
  };
  return getPlatform.getBinaryTargetForCurrentPlatform();
};

/** The file name @prisma/engines' postinstall downloads to, e.g. `schema-engine-debian-openssl-3.0.x`. */
export const nativeEngineFileName = (binaryTarget: string): string => `schema-engine-${binaryTarget}${binaryTarget === 'windows' ? '.exe' : ''}`;

export const resolveSchemaEngine = async (options: ResolveSchemaEngineOptions = {}): Promise<SchemaEngine> => {
  const env = options.env ?? process.env;

  // A user's own engine always wins, as it would with the plain CLI.
  for (const name of ENGINE_ENV_VARS) {
    const value = env[name];
    if (value) return { kind: 'native', path: path.resolve(value), source: 'env' };
  }

  const enginesDir = options.enginesDir ?? defaultEnginesDir();
  const binaryTarget = options.binaryTarget ?? (await detectBinaryTarget());
  const nativePath = path.join(enginesDir, nativeEngineFileName(binaryTarget));
  if (fs.existsSync(nativePath)) return { kind: 'native', path: nativePath, source: 'engines' };

  return { kind: 'wasm', path: WASM_ENGINE_PATH };
};

/** The environment to run the Prisma CLI with so it uses `engine`. */
export const prismaCliEnv = (engine: SchemaEngine, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv => {
  switch (engine.kind) {
    case 'native':
      // The CLI finds a downloaded binary by itself, and an env override is already in `env`.
      return { ...env };
    case 'wasm':
      return { ...env, PRISMA_SCHEMA_ENGINE_BINARY: engine.path };
    default: {
      const unhandled: never = engine;
      throw new Error(`Unknown schema engine ${JSON.stringify(unhandled)}`);
    }
  }
};
