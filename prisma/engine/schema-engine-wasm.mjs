#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary, for machines that cannot download it
// (air-gapped installs). The unmodified Prisma CLI spawns this file via PRISMA_SCHEMA_ENGINE_BINARY
// (see ./index.ts); it speaks the engine's JSON-RPC over stdio and runs @prisma/schema-engine-wasm
// on top of @prisma/adapter-pg. It relies on library internals: versions are pinned in
// package.json, and test/prisma-migrations.integration-test.ts fails if an upgrade breaks it.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

// Set VOLTPAY_SCHEMA_ENGINE_TRACE=/tmp/engine.log to record the JSON-RPC traffic. stdout is the
// protocol channel, so nothing else may be written there.
const traceFile = process.env.VOLTPAY_SCHEMA_ENGINE_TRACE;
const trace = (...parts) => {
  if (!traceFile) return;
  const line = parts.map((p) => (typeof p === 'string' ? p : JSON.stringify(p))).join(' ');
  fs.appendFileSync(traceFile, `${line.slice(0, 4000)}\n`);
};

// The CLI reads the engine's stderr as JSON log lines.
const log = (level, message, fields = {}) =>
  process.stderr.write(`${JSON.stringify({ level, target: 'schema_engine::wasm', fields: { message, ...fields } })}\n`);

const parseArgs = (argv) => {
  const args = { datamodels: [], datasource: {}, cli: null, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--version' || arg === '-V') args.version = true;
    else if (arg === '--datamodels') args.datamodels.push(argv[++i]);
    else if (arg === '--datasource') args.datasource = JSON.parse(argv[++i]);
    else if (arg === '--enabled-preview-features' || arg === '--extension-types') i++;
    else if (arg === 'cli') {
      args.cli = argv[i + 1];
      break;
    }
  }
  return args;
};

const args = parseArgs(process.argv.slice(2));
const url = args.datasource.url ?? process.env.DATABASE_URL;

process.on('uncaughtException', (error) => {
  trace('UNCAUGHT', String(error?.stack ?? error));
  log('ERROR', String(error?.stack ?? error));
  process.exit(1);
});

if (args.version) {
  // The package does not export its package.json; read it next to the glue module.
  const glueDir = path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
  const { version } = JSON.parse(fs.readFileSync(path.join(glueDir, 'package.json'), 'utf8'));
  process.stdout.write(`schema-engine-cli ${version.split('.').at(-1)} (wasm)\n`);
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------
// `schema-engine --datasource {...} cli <command>`: one-shot commands the CLI runs before it opens
// the RPC session (e.g. `migrate dev` creating a missing database). The wasm engine has no CLI mode,
// so do them with plain pg.
if (args.cli) {
  const fail = (errorCode, message) => {
    process.stderr.write(`\n${JSON.stringify({ level: 'ERROR', target: 'schema_engine::logger', fields: { error_code: errorCode, message } })}\n`);
    process.exit(1);
  };
  if (!url) fail('P1012', 'No datasource url (set DATABASE_URL or datasource.url in prisma.config.ts)');
  const { default: pg } = await import('pg');
  const dbName = decodeURIComponent(new URL(url).pathname.slice(1));
  const maintenanceUrl = new URL(url);
  maintenanceUrl.pathname = '/postgres';
  const quoted = `"${dbName.replace(/"/g, '""')}"`;
  const withClient = async (connectionString, fn) => {
    const client = new pg.Client({ connectionString });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  try {
    switch (args.cli) {
      case 'can-connect-to-database':
        await withClient(url, async () => {});
        break;
      case 'create-database':
        await withClient(maintenanceUrl.toString(), (c) => c.query(`CREATE DATABASE ${quoted}`));
        process.stdout.write(`${JSON.stringify({ databaseName: dbName })}\n`);
        break;
      case 'drop-database':
        await withClient(maintenanceUrl.toString(), (c) => c.query(`DROP DATABASE ${quoted}`));
        break;
      default:
        fail('P1000', `schema-engine-wasm: unsupported cli command ${args.cli}`);
    }
  } catch (error) {
    if (error?.code === '3D000') fail('P1003', `Database \`${dbName}\` does not exist`);
    fail('P1001', String(error?.message ?? error));
  }
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------
// JSON-RPC session.
const { PrismaPg } = await import('@prisma/adapter-pg');
const { bindMigrationAwareSqlAdapterFactory } = await import('@prisma/driver-adapter-utils');
const { patchPgCatalogTypes } = await import('./pg-catalog-patch.mjs');
await patchPgCatalogTypes(PrismaPg);

// Node 20 cannot `import` a .wasm file, so instantiate the module by hand and hand its exports to
// the wasm-bindgen glue (what the package's own entry point does on runtimes that can).
const glue = await import('@prisma/schema-engine-wasm/schema_engine_bg');
const wasmPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg').replace(/\.js$/, '.wasm');
const instance = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(wasmPath)), {
  './schema_engine_bg.js': glue,
});
glue.__wbg_set_wasm(instance.exports);
instance.exports.__wbindgen_start();

// The wasm panic hook writes the Rust panic message here; without the global it crashes instead.
globalThis.PRISMA_WASM_PANIC_REGISTRY = {
  message: '',
  set_message(message) {
    this.message = message;
    trace('PANIC', message);
  },
};

// Discrete host/port/database fields rather than a connectionString: PrismaPg.connectToShadowDb()
// builds `{ ...config, database }`, and pg lets a connectionString win over `database`, so the
// "shadow" database would silently be the main one.
const { parse: parseConnectionString } = require('pg-connection-string');
const connectionConfig = (connectionUrl) => {
  const parsed = parseConnectionString(connectionUrl);
  const config = { ...parsed, port: parsed.port ? Number(parsed.port) : undefined };
  return Object.fromEntries(Object.entries(config).filter(([, value]) => value != null));
};

const createAdapterFactory = (connectionUrl) => {
  const config = connectionConfig(connectionUrl);
  const factory = new PrismaPg(config);
  // Replaces PrismaPg's own version, which drops the temporary shadow database while its pool is
  // still connected ("database is being accessed by other users"): close the pool first, then drop.
  factory.connectToShadowDb = async () => {
    if (args.datasource.shadowDatabaseUrl) return new PrismaPg(connectionConfig(args.datasource.shadowDatabaseUrl)).connect();
    const admin = await factory.connect();
    const database = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
    await admin.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = await new PrismaPg({ ...config, database }).connect();
    const disposeShadow = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      try {
        await disposeShadow();
        await admin.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
      } finally {
        await admin.dispose();
      }
    };
    return shadow;
  };
  return bindMigrationAwareSqlAdapterFactory(factory);
};

let enginePromise;
const getEngine = () => {
  enginePromise ??= (async () => {
    if (!url) throw Object.assign(new Error('No datasource url (set DATABASE_URL or datasource.url in prisma.config.ts)'), { code: 'P1012' });
    const datamodels = args.datamodels.map((file) => [file, fs.readFileSync(path.resolve(file), 'utf8')]);
    return glue.SchemaEngine.new(
      { datamodels: datamodels.length > 0 ? datamodels : undefined },
      (message) => log('INFO', String(message)),
      createAdapterFactory(url),
    );
  })();
  return enginePromise;
};

// RPC method names whose wasm method is named differently.
const METHOD_ALIASES = { getDatabaseVersion: 'version' };

// In the wasm engine only devDiagnostic and diagnoseMigrationHistory get the adapter factory that
// can open a shadow database; evaluateDataLoss and createMigration rely on them having cached the
// schema the migrations produce, and otherwise fail with "PostgreSQL shadow DB must be provided
// through an external factory". That happens on the 2nd+ migration of a fresh database: the
// CLI's devDiagnostic finds nothing applied yet, so it never replays the history. Asking for the
// drift diagnosis (read-only) after the migrations are applied fills that cache.
const NEEDS_MIGRATION_HISTORY_SCHEMA = new Set(['evaluateDataLoss', 'createMigration']);
const warmedHistories = new Set();

const warmMigrationSchemaCache = async (engine, params) => {
  const directories = params?.migrationsList?.migrationDirectories ?? [];
  if (directories.length === 0) return;
  const key = JSON.stringify(directories);
  if (warmedHistories.has(key)) return;
  warmedHistories.add(key);
  await engine.diagnoseMigrationHistory({
    migrationsList: params.migrationsList,
    optInToShadowDatabase: true,
    filters: params.filters ?? { externalTables: [], externalEnums: [] },
  });
};

const callEngine = async (method, params) => {
  if (method === 'createDatabase') return { databaseName: decodeURIComponent(new URL(url).pathname.slice(1)) };
  const engine = await getEngine();
  if (NEEDS_MIGRATION_HISTORY_SCHEMA.has(method)) await warmMigrationSchemaCache(engine, params);
  const name = METHOD_ALIASES[method] ?? method;
  if (typeof engine[name] !== 'function') throw new Error(`schema-engine-wasm: method ${method} is not supported`);
  return engine[name](params ?? {});
};

const send = (message) => {
  trace('OUT', message);
  process.stdout.write(`${JSON.stringify(message)}\n`);
};

const toRpcError = (error) => {
  const isPanic = error instanceof WebAssembly.RuntimeError;
  const message = (isPanic && globalThis.PRISMA_WASM_PANIC_REGISTRY.message) || String(error?.message ?? error);
  log('ERROR', message);
  return {
    code: 4466,
    message: 'An error happened. Check the data field for details.',
    data: { is_panic: isPanic, message, error_code: typeof error?.code === 'string' ? error.code : undefined, meta: error?.meta },
  };
};

const handleRequest = async (request) => {
  try {
    let result = await callEngine(request.method, request.params);
    // The native engine streams `migrate diff` output to the CLI as a `print` request; wasm returns
    // it as `stdout` instead. Forward it, or `prisma migrate diff` prints nothing.
    if (request.method === 'diff' && typeof result?.stdout === 'string') {
      const { stdout, ...rest } = result;
      if (stdout.length > 0) {
        send({ jsonrpc: '2.0', id: `print-${request.id}`, method: 'print', params: { content: stdout.replace(/\n$/, '') } });
      }
      result = rest;
    }
    send({ jsonrpc: '2.0', id: request.id, result: result ?? null });
  } catch (error) {
    send({ jsonrpc: '2.0', id: request.id, error: toRpcError(error) });
  }
};

const inFlight = new Set();
const input = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
input.on('line', (line) => {
  if (!line.trim()) return;
  trace('IN', line);
  const message = JSON.parse(line);
  // Lines without a method are the CLI's replies to our `print` requests.
  if (message.id === undefined || !message.method) return;
  const pending = handleRequest(message);
  inFlight.add(pending);
  pending.finally(() => inFlight.delete(pending));
});
// The CLI closes stdin when it is done with the engine.
input.on('close', async () => {
  await Promise.allSettled([...inFlight]);
  process.exit(0);
});
