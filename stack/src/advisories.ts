// Checks the packages in package-lock.json against published security advisories. Sources, in the
// order tried (or only the one VOLTPAY_ADVISORY_SOURCE names):
//   npm-audit  `npm audit --json` (the npm registry's bulk advisory endpoint)
//   osv        OSV's batch query API (OSV_API_URL, default https://api.osv.dev)
//   osv-dir    a local copy of OSV's npm export (OSV_NPM_DIR: a folder of OSV JSON files, e.g. npm/all.zip unpacked)
// A source that does not answer is reported and the next is tried; when none answers the check FAILS:
// "no advisories found" must never be said by a check that could not look.
import { spawnSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export type LockedPackage = { name: string; version: string };
export type Finding = { name: string; version: string; id: string; summary: string; severity: string };
export type SourceResult = { source: string; ok: true; findings: Finding[] } | { source: string; ok: false; reason: string };

/** Every installed third-party package of the lockfile (workspace links left out), once per name@version. */
export const lockedPackages = (lock: { packages?: Record<string, { version?: string; link?: boolean; name?: string }> }): LockedPackage[] => {
  const seen = new Map<string, LockedPackage>();
  for (const [where, entry] of Object.entries(lock.packages ?? {})) {
    if (!where.includes('node_modules/') || entry.link || !entry.version) continue;
    const name = entry.name ?? where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length);
    seen.set(`${name}@${entry.version}`, { name, version: entry.version });
  }
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
};

export const npmAuditSource = (cwd: string): SourceResult => {
  const run = spawnSync('npm', ['audit', '--json', '--audit-level=none'], { cwd, encoding: 'utf8', timeout: 120_000 });
  try {
    const report = JSON.parse(run.stdout) as {
      error?: { summary?: string };
      message?: string;
      vulnerabilities?: Record<string, { severity: string; via: unknown[]; range: string }>;
    };
    if (!report.vulnerabilities) return { source: 'npm-audit', ok: false, reason: report.error?.summary || report.message || `npm audit exited ${run.status}` };
    const findings = Object.entries(report.vulnerabilities).flatMap(([name, v]) =>
      v.via
        .filter((via): via is { source: number; title: string; severity: string } => typeof via === 'object' && via !== null)
        .map((via) => ({ name, version: v.range, id: `npm:${via.source}`, summary: via.title, severity: via.severity })),
    );
    return { source: 'npm-audit', ok: true, findings };
  } catch {
    return { source: 'npm-audit', ok: false, reason: (run.stderr || run.error?.message || 'no JSON answer').trim().split('\n')[0]! };
  }
};

const severityOf = (vuln: { database_specific?: { severity?: string }; severity?: { score: string }[] }) =>
  (vuln.database_specific?.severity ?? (vuln.severity?.length ? 'see CVSS' : 'unknown')).toLowerCase();

export const osvApiSource = async (packages: LockedPackage[], baseUrl = process.env.OSV_API_URL ?? 'https://api.osv.dev'): Promise<SourceResult> => {
  try {
    const findings: Finding[] = [];
    for (let i = 0; i < packages.length; i += 500) {
      const chunk = packages.slice(i, i + 500);
      const response = await fetch(`${baseUrl.replace(/\/+$/, '')}/v1/querybatch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ queries: chunk.map((p) => ({ package: { name: p.name, ecosystem: 'npm' }, version: p.version })) }),
        signal: AbortSignal.timeout(30_000),
      });
      if (!response.ok) return { source: 'osv', ok: false, reason: `${baseUrl} answered ${response.status}` };
      const { results } = (await response.json()) as { results: { vulns?: { id: string }[] }[] };
      results.forEach((result, index) =>
        (result.vulns ?? []).forEach((v) =>
          findings.push({ ...chunk[index]!, id: v.id, summary: '(details: https://osv.dev/vulnerability/' + v.id + ')', severity: 'unknown' }),
        ),
      );
    }
    return { source: 'osv', ok: true, findings };
  } catch (error) {
    const cause = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    return { source: 'osv', ok: false, reason: `${baseUrl}: ${cause}` };
  }
};

type OsvRecord = {
  id: string;
  summary?: string;
  database_specific?: { severity?: string };
  affected?: {
    package?: { name: string; ecosystem: string };
    versions?: string[];
    ranges?: { type: string; events: Partial<Record<'introduced' | 'fixed' | 'last_affected', string>>[] }[];
  }[];
};

const compareSemver = (a: string, b: string) => {
  const parse = (v: string) =>
    v
      .split(/[-+]/)[0]!
      .split('.')
      .map((n) => Number.parseInt(n, 10) || 0);
  const [x, y] = [parse(a), parse(b)];
  for (let i = 0; i < 3; i += 1) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
};

/** OSV's SEMVER ranges: introduced/fixed/last_affected events in order. */
export const isAffected = (version: string, affected: NonNullable<OsvRecord['affected']>[number]) => {
  if (affected.versions?.includes(version)) return true;
  return (affected.ranges ?? [])
    .filter((r) => r.type === 'SEMVER')
    .some((range) => {
      let inside = false;
      for (const event of range.events) {
        if (event.introduced !== undefined && (event.introduced === '0' || compareSemver(version, event.introduced) >= 0)) inside = true;
        if (event.fixed !== undefined && compareSemver(version, event.fixed) >= 0) inside = false;
        if (event.last_affected !== undefined && compareSemver(version, event.last_affected) > 0) inside = false;
      }
      return inside;
    });
};

export const osvDirSource = async (packages: LockedPackage[], dir = process.env.OSV_NPM_DIR): Promise<SourceResult> => {
  if (!dir) return { source: 'osv-dir', ok: false, reason: 'OSV_NPM_DIR is not set' };
  try {
    const files = (await readdir(dir)).filter((f) => f.endsWith('.json'));
    if (files.length === 0) return { source: 'osv-dir', ok: false, reason: `${dir} holds no OSV JSON files` };
    const byName = new Map<string, LockedPackage[]>();
    packages.forEach((p) => byName.set(p.name, [...(byName.get(p.name) ?? []), p]));
    const findings: Finding[] = [];
    for (const file of files) {
      const record = JSON.parse(await readFile(path.join(dir, file), 'utf8')) as OsvRecord;
      for (const affected of record.affected ?? []) {
        if (affected.package?.ecosystem !== 'npm') continue;
        for (const p of byName.get(affected.package.name) ?? [])
          if (isAffected(p.version, affected)) findings.push({ ...p, id: record.id, summary: record.summary ?? '', severity: severityOf(record) });
      }
    }
    return { source: 'osv-dir', ok: true, findings };
  } catch (error) {
    return { source: 'osv-dir', ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
};

/** The first source that answers, in the order above (or the configured one only). */
export const checkAdvisories = async ({ root, only = process.env.VOLTPAY_ADVISORY_SOURCE }: { root: string; only?: string }) => {
  const packages = lockedPackages(JSON.parse(await readFile(path.join(root, 'package-lock.json'), 'utf8')) as Parameters<typeof lockedPackages>[0]);
  const sources: Record<string, () => Promise<SourceResult> | SourceResult> = {
    'npm-audit': () => npmAuditSource(root),
    osv: () => osvApiSource(packages),
    'osv-dir': () => osvDirSource(packages),
  };
  const order = only ? [only] : Object.keys(sources);
  const tried: SourceResult[] = [];
  for (const name of order) {
    const source = sources[name];
    if (!source) throw new Error(`VOLTPAY_ADVISORY_SOURCE=${name}: not one of ${Object.keys(sources).join(', ')}`);
    const result = await source();
    tried.push(result);
    if (result.ok) return { packages: packages.length, answered: result, tried };
  }
  return { packages: packages.length, answered: null, tried };
};
