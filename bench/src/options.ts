// The benchmark's flags (`npm run bench -- --help`), their defaults (the issue's), and the smoke
// variant's seconds-long settings.
import { parseArgs } from 'node:util';

export type BenchSettings = {
  smoke: boolean;
  warmupSeconds: number;
  warmupConcurrency: number;
  ramp: number[];
  stepSeconds: number;
  sustainedSeconds: number;
  sustainedConcurrency: number;
  baselineSeconds: number;
  drafts: number;
  draftConcurrency: number;
  probeConcurrency: number;
  probeSeconds: number;
  searchPayments: number;
  searchAccounts: number;
  searchRepeats: number;
  otpShare: number;
  phases: Phase[];
};

export type Phase = 'warmup' | 'ramp' | 'sustained' | 'baseline' | 'drafts' | 'search';
export const PHASES: readonly Phase[] = ['warmup', 'ramp', 'sustained', 'baseline', 'drafts', 'search'];

export type TargetFlags = {
  webUrl?: string;
  databaseUrl?: string;
  temporalAddress?: string;
  temporalNamespace?: string;
  payloadEncryptionKey?: string;
  /** `name=pid,…` of a running stack's services, to sample their CPU (optional). */
  pids?: Record<string, number>;
  temporalDbFile?: string;
};

export type CliOptions = { settings: BenchSettings; target: TargetFlags; outDir?: string; name: string; machineNote?: string; help: boolean };

export const USAGE = `npm run bench -- [flags]

Starts its own throwaway stack (as npm test does: production builds, free ports, temp folders)
unless --web-url (or BENCH_WEB_URL) names a running one.

  --smoke                     a few seconds of everything; asserts nothing but writes the report
  --warmup-seconds N          (15)   warm-up, discarded from the headline
  --ramp 1,5,20,50            residents per ramp step
  --step-seconds N            (30)   each ramp step
  --sustained-seconds N       (60)   the sustained phase
  --sustained-concurrency N   (20)   residents in the sustained phase
  --baseline-seconds N        (15)   each no-op baseline run (per concurrency and kind)
  --drafts N                  (10000) payments left mid-form at once
  --draft-concurrency N       (20)   how many drafts are opened at a time
  --probe-concurrency N       (5)    residents paying before and while the drafts are open
  --probe-seconds N           (20)
  --search-payments N         (1000000) payments seeded for the console's search (0: no search phase)
  --search-accounts N         (N/50, 100…20000) bench accounts those payments spread over
  --search-repeats N          (30)   searches of each kind
  --otp-share 0..1            (0.2)  share of payments with the 3-D Secure card
  --phases a,b,…              warmup,ramp,sustained,baseline,drafts,search (all)
  --out DIR                   (bench/reports) where the JSON and SVG go
  --name NAME                 (bench-<time>) file name of the report
  --machine-note TEXT         what else ran on the machine, recorded in the report

Against a running stack (or BENCH_WEB_URL, DATABASE_URL, TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, PAYLOAD_ENCRYPTION_KEY):
  --web-url URL  --database-url URL  --temporal-address HOST:PORT  --temporal-namespace NS
  --pids web=123,worker=456,…  --temporal-db FILE`;

const DEFAULTS: BenchSettings = {
  smoke: false,
  warmupSeconds: 15,
  warmupConcurrency: 2,
  ramp: [1, 5, 20, 50],
  stepSeconds: 30,
  sustainedSeconds: 60,
  sustainedConcurrency: 20,
  baselineSeconds: 15,
  drafts: 10_000,
  draftConcurrency: 20,
  probeConcurrency: 5,
  probeSeconds: 20,
  searchPayments: 1_000_000,
  searchAccounts: 20_000,
  searchRepeats: 30,
  otpShare: 0.2,
  phases: [...PHASES],
};

/** Seconds, not minutes: every phase runs, briefly, so `npm test` sees the benchmark work. */
const SMOKE: Partial<BenchSettings> = {
  smoke: true,
  warmupSeconds: 2,
  warmupConcurrency: 1,
  ramp: [1, 2],
  stepSeconds: 3,
  sustainedSeconds: 4,
  sustainedConcurrency: 2,
  baselineSeconds: 2,
  drafts: 6,
  draftConcurrency: 3,
  probeConcurrency: 1,
  probeSeconds: 2,
  searchPayments: 3_000,
  searchAccounts: 100,
  searchRepeats: 3,
  // Both cards in a handful of payments.
  otpShare: 0.5,
};

const positiveInt = (name: string, raw: string | undefined, fallback: number, { min = 1, max = 100_000_000 } = {}) => {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`--${name} must be a whole number from ${min} to ${max} (got ${raw})`);
  return value;
};

export const parseCli = (argv: string[], env: NodeJS.ProcessEnv = process.env): CliOptions => {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      smoke: { type: 'boolean' },
      'warmup-seconds': { type: 'string' },
      ramp: { type: 'string' },
      'step-seconds': { type: 'string' },
      'sustained-seconds': { type: 'string' },
      'sustained-concurrency': { type: 'string' },
      'baseline-seconds': { type: 'string' },
      drafts: { type: 'string' },
      'draft-concurrency': { type: 'string' },
      'probe-concurrency': { type: 'string' },
      'probe-seconds': { type: 'string' },
      'search-payments': { type: 'string' },
      'search-accounts': { type: 'string' },
      'search-repeats': { type: 'string' },
      'otp-share': { type: 'string' },
      phases: { type: 'string' },
      out: { type: 'string' },
      name: { type: 'string' },
      'machine-note': { type: 'string' },
      'web-url': { type: 'string' },
      'database-url': { type: 'string' },
      'temporal-address': { type: 'string' },
      'temporal-namespace': { type: 'string' },
      pids: { type: 'string' },
      'temporal-db': { type: 'string' },
    },
  });
  const base: BenchSettings = { ...DEFAULTS, ...(values.smoke ? SMOKE : {}) };
  const ramp = values.ramp ? values.ramp.split(',').map((n) => positiveInt('ramp', n.trim(), 1, { max: 1_000 })) : base.ramp;
  const searchPayments = positiveInt('search-payments', values['search-payments'], base.searchPayments, { min: 0 });
  const phases = values.phases ? values.phases.split(',').map((p) => p.trim()) : base.phases;
  for (const phase of phases) if (!PHASES.includes(phase as Phase)) throw new Error(`--phases: unknown phase ${phase} (known: ${PHASES.join(', ')})`);
  const otpShare = values['otp-share'] === undefined ? base.otpShare : Number(values['otp-share']);
  if (!(otpShare >= 0 && otpShare <= 1)) throw new Error(`--otp-share must be from 0 to 1 (got ${values['otp-share']})`);
  const drafts = positiveInt('drafts', values.drafts, base.drafts, { min: 0, max: 1_000_000 });
  const settings: BenchSettings = {
    smoke: base.smoke,
    warmupSeconds: positiveInt('warmup-seconds', values['warmup-seconds'], base.warmupSeconds),
    warmupConcurrency: base.warmupConcurrency,
    ramp,
    stepSeconds: positiveInt('step-seconds', values['step-seconds'], base.stepSeconds),
    sustainedSeconds: positiveInt('sustained-seconds', values['sustained-seconds'], base.sustainedSeconds),
    sustainedConcurrency: positiveInt('sustained-concurrency', values['sustained-concurrency'], base.sustainedConcurrency, { max: 1_000 }),
    baselineSeconds: positiveInt('baseline-seconds', values['baseline-seconds'], base.baselineSeconds),
    drafts,
    draftConcurrency: positiveInt('draft-concurrency', values['draft-concurrency'], base.draftConcurrency, { max: 1_000 }),
    probeConcurrency: positiveInt('probe-concurrency', values['probe-concurrency'], base.probeConcurrency, { max: 1_000 }),
    probeSeconds: positiveInt('probe-seconds', values['probe-seconds'], base.probeSeconds),
    searchPayments,
    searchAccounts: positiveInt(
      'search-accounts',
      values['search-accounts'],
      values.smoke ? base.searchAccounts : Math.min(20_000, Math.max(100, Math.ceil(searchPayments / 50))),
    ),
    searchRepeats: positiveInt('search-repeats', values['search-repeats'], base.searchRepeats, { max: 10_000 }),
    otpShare,
    // Zero drafts or zero seeded payments: that phase is not run.
    phases: (phases as Phase[]).filter((p) => !(p === 'search' && searchPayments === 0) && !(p === 'drafts' && drafts === 0)),
  };
  const pids = values.pids
    ? Object.fromEntries(
        values.pids.split(',').map((pair) => {
          const [name, pid] = pair.split('=');
          if (!name || !pid || !/^\d+$/.test(pid)) throw new Error(`--pids: expected name=pid,… (got ${pair})`);
          return [name.trim(), Number(pid)];
        }),
      )
    : undefined;
  const webUrl = values['web-url'] ?? env.BENCH_WEB_URL;
  return {
    settings,
    target: {
      ...(webUrl ? { webUrl: webUrl.replace(/\/+$/, '') } : {}),
      ...((values['database-url'] ?? env.DATABASE_URL) ? { databaseUrl: values['database-url'] ?? env.DATABASE_URL } : {}),
      ...((values['temporal-address'] ?? env.TEMPORAL_ADDRESS) ? { temporalAddress: values['temporal-address'] ?? env.TEMPORAL_ADDRESS } : {}),
      temporalNamespace: values['temporal-namespace'] ?? env.TEMPORAL_NAMESPACE ?? 'default',
      ...(env.PAYLOAD_ENCRYPTION_KEY ? { payloadEncryptionKey: env.PAYLOAD_ENCRYPTION_KEY } : {}),
      ...(pids ? { pids } : {}),
      ...(values['temporal-db'] ? { temporalDbFile: values['temporal-db'] } : {}),
    },
    ...(values.out ? { outDir: values.out } : {}),
    name: values.name ?? `bench-${new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19)}`,
    ...(values['machine-note'] ? { machineNote: values['machine-note'] } : {}),
    help: Boolean(values.help),
  };
};
