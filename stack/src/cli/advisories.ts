// `npm run check:advisories` (and a step of the full `npm test`): the lockfile against published
// advisories (src/advisories.ts). Exit 1 on a high or critical finding, 2 when no source answered.
import { checkAdvisories } from '../advisories';
import { log } from '../local/log';
import { repoRoot } from '../local/paths';

const BLOCKING = new Set(['high', 'critical']);

const { packages, answered, tried } = await checkAdvisories({ root: repoRoot });
if (!answered) {
  log.error(
    [
      `ADVISORY CHECK COULD NOT RUN: no advisory source answered for ${packages} packages.`,
      ...tried.map((t) => `  ${t.source}: ${t.ok ? 'answered' : t.reason}`),
      '  Set OSV_API_URL (an OSV mirror), OSV_NPM_DIR (OSV npm export, unpacked), or run where the npm registry audit endpoint answers.',
    ].join('\n'),
  );
  process.exit(2);
}
const blocking = answered.findings.filter((f) => BLOCKING.has(f.severity));
for (const f of answered.findings) log.detail(`${f.severity.padEnd(8)} ${f.name}@${f.version} ${f.id} ${f.summary}`);
log.step(`Advisories (${answered.source}): ${packages} packages, ${answered.findings.length} findings, ${blocking.length} high or critical`);
process.exit(blocking.length > 0 ? 1 : 0);
