// The human summary printed at the end of a run: the headline, then one row per phase.
import type { BenchReport } from './run';

const ms = (value: number | null | undefined) => (value === null || value === undefined ? '–' : `${Math.round(value).toLocaleString('en')} ms`);
const rate = (value: number | null | undefined) => (value === null || value === undefined ? '–' : value.toFixed(2));

const table = (header: string[], rows: string[][]) => {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
};

export const renderSummary = (report: BenchReport): string => {
  const out: string[] = [];
  out.push(`Voltpay bench — ${report.name} (${report.kind})`);
  out.push(
    `payments/s ${rate(report.paymentsPerSecond)} · no-op workflows/s ${rate(report.noopWorkflowsPerSecond)} · ratio ${report.ratio ?? '–'} · update p95 ${ms(report.stepP95Ms)} (${report.stepP95At?.residents ?? '–'} residents) · approval→COMPLETED p95 ${ms(report.approvalToCompletedP95Ms)} · errors ${report.errors.total}`,
  );
  out.push('');
  out.push(
    table(
      [
        'phase',
        'residents',
        'paid',
        'paid/s',
        'update p50',
        'update p95',
        'update p99',
        'card post p95',
        'approval→done p95',
        'errors',
        'CPU % (web/worker/temporal/pg/sandbox)',
      ],
      report.phases.map((p) => [
        p.name,
        String(p.concurrency),
        String(p.completed),
        rate(p.paymentsPerSecond),
        ms(p.updateRoundTrip?.p50),
        ms(p.updateRoundTrip?.p95),
        ms(p.updateRoundTrip?.p99),
        ms(p.steps.cardPost?.p95),
        ms(p.steps.approvalToCompleted?.p95),
        String(Object.values(p.errors).reduce((a, b) => a + b, 0)),
        ['web', 'worker', 'temporal', 'postgres', 'acquirer']
          .map((s) => (p.cpu.perService[s] === undefined ? '–' : String(Math.round(p.cpu.perService[s]))))
          .join('/') + (p.cpu.machineBusyPercent === null ? '' : ` (machine ${Math.round(p.cpu.machineBusyPercent)}% busy)`),
      ]),
    ),
  );
  if (report.baseline.length > 0) {
    out.push('');
    out.push(
      table(
        ['baseline', 'at once', 'workflows', 'workflows/s', 'workflow p95', 'update p95'],
        report.baseline.map((b) => [
          b.kind,
          String(b.concurrency),
          String(b.completed),
          rate(b.workflowsPerSecond),
          ms(b.workflow?.p95),
          ms(b.updateRoundTrip?.p95),
        ]),
      ),
    );
  }
  if (report.drafts) {
    const d = report.drafts as {
      open: number;
      before: Record<string, number | null>;
      afterProbe: Record<string, number | null>;
      updateP95Ms: { withoutDrafts: number | null; withDrafts: number | null };
    };
    out.push('');
    out.push(
      `open drafts ${d.open}: worker RSS ${d.before.workerRssMiB ?? '–'} → ${d.afterProbe.workerRssMiB ?? '–'} MiB · Temporal db ${d.before.temporalDbMiB ?? '–'} → ${d.afterProbe.temporalDbMiB ?? '–'} MiB · Postgres ${d.before.postgresDbMiB} → ${d.afterProbe.postgresDbMiB} MiB · update p95 ${ms(d.updateP95Ms.withoutDrafts)} → ${ms(d.updateP95Ms.withDrafts)}`,
    );
  }
  if (report.search) {
    out.push('');
    out.push(
      table(
        ['console search', 'p50', 'p95', 'matched', 'index used', 'indexes', 'full scans'],
        report.search.results.map((r) => [
          r.kind,
          ms(r.latency?.p50),
          ms(r.latency?.p95),
          String(r.matchedTotal),
          r.indexUsed ? 'yes' : 'NO',
          [...new Set(r.plans.flatMap((p) => p.indexes))].join(' ') || '–',
          [...new Set(r.plans.flatMap((p) => p.seqScans))].join(' ') || '–',
        ]),
      ),
    );
    out.push(
      `(${report.search.seed.existing + report.search.seed.seeded} seeded payments; ${report.search.seed.seeded} written in ${report.search.seed.seconds} s)`,
    );
  }
  const histories = Object.entries(report.paymentHistoryEventsByCard).map(([card, n]) => `${n} events (${card} card)`);
  if (histories.length > 0) out.push(`one payment's history: ${histories.join(', ')}`);
  return out.join('\n');
};
