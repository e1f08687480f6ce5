// The report's chart as a plain SVG (no browser, no chart library at run time): the update round
// trip's p95 second by second over the whole run, phase by phase, and the throughput of each phase
// next to the no-op baseline at the same concurrency.
import type { PhaseResult } from './recorder';

export type ChartInput = {
  phases: PhaseResult[];
  /** No-op workflows/s at a concurrency, for the bars beside each phase. */
  baselineAt: (concurrency: number) => number | null;
  title: string;
};

const COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const niceMax = (value: number) => {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((m) => m >= value) ?? value;
};

export const renderChart = ({ phases, baselineAt, title }: ChartInput): string => {
  const width = 960;
  const height = 640;
  const left = 70;
  const right = 20;
  const plotWidth = width - left - right;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
  );
  out.push(`<rect width="100%" height="100%" fill="#fff"/>`);
  out.push(`<text x="${left}" y="22" font-size="15" font-weight="bold">${escape(title)}</text>`);

  // ── Latency over time ──
  const top1 = 50;
  const height1 = 300;
  const runStart = Math.min(...phases.map((p) => p.startedAt));
  const runEnd = Math.max(...phases.map((p) => p.startedAt + p.durationMs));
  const span = Math.max(1, runEnd - runStart);
  const maxLatency = niceMax(Math.max(1, ...phases.flatMap((p) => p.timeline.map((t) => t.updateP95 ?? 0))));
  const x = (at: number) => left + ((at - runStart) / span) * plotWidth;
  const y1 = (ms: number) => top1 + height1 - (ms / maxLatency) * height1;
  out.push(`<text x="${left}" y="${top1 - 8}" font-weight="bold">Update round trip, p95 per second (ms)</text>`);
  for (let i = 0; i <= 4; i++) {
    const v = (maxLatency / 4) * i;
    out.push(
      `<line x1="${left}" x2="${width - right}" y1="${y1(v)}" y2="${y1(v)}" stroke="#eee"/><text x="${left - 6}" y="${y1(v) + 4}" text-anchor="end">${Math.round(v)}</text>`,
    );
  }
  phases.forEach((phase, index) => {
    const color = COLORS[index % COLORS.length]!;
    const x0 = x(phase.startedAt);
    const x1 = x(phase.startedAt + phase.durationMs);
    out.push(`<rect x="${x0}" y="${top1}" width="${Math.max(1, x1 - x0)}" height="${height1}" fill="${color}" opacity="0.06"/>`);
    out.push(`<text x="${x0 + 3}" y="${top1 + 12}" fill="${color}" font-size="10">${escape(`${phase.name} (${phase.concurrency})`)}</text>`);
    const points = phase.timeline.filter((t) => t.updateP95 !== null).map((t) => `${x(t.at + 500).toFixed(1)},${y1(t.updateP95!).toFixed(1)}`);
    if (points.length > 0) out.push(`<polyline points="${points.join(' ')}" fill="none" stroke="${color}" stroke-width="1.5"/>`);
  });
  out.push(`<line x1="${left}" x2="${width - right}" y1="${top1 + height1}" y2="${top1 + height1}" stroke="#333"/>`);
  out.push(
    `<text x="${width - right}" y="${top1 + height1 + 16}" text-anchor="end">${Math.round(span / 1000)} s from the first load phase to the last (baseline and seeding between them)</text>`,
  );

  // ── Throughput per phase ──
  const top2 = 410;
  const height2 = 180;
  const maxRate = niceMax(Math.max(0.1, ...phases.map((p) => Math.max(p.paymentsPerSecond, baselineAt(p.concurrency) ?? 0))));
  const y2 = (v: number) => top2 + height2 - (v / maxRate) * height2;
  out.push(
    `<text x="${left}" y="${top2 - 12}" font-weight="bold">Throughput per phase: payments/s (solid) and no-op workflows/s at the same concurrency (grey)</text>`,
  );
  for (let i = 0; i <= 4; i++) {
    const v = (maxRate / 4) * i;
    out.push(
      `<line x1="${left}" x2="${width - right}" y1="${y2(v)}" y2="${y2(v)}" stroke="#eee"/><text x="${left - 6}" y="${y2(v) + 4}" text-anchor="end">${Number(v.toFixed(2))}</text>`,
    );
  }
  const slot = plotWidth / Math.max(1, phases.length);
  phases.forEach((phase, index) => {
    const color = COLORS[index % COLORS.length]!;
    const bx = left + index * slot + slot * 0.15;
    const bw = slot * 0.3;
    out.push(`<rect x="${bx}" y="${y2(phase.paymentsPerSecond)}" width="${bw}" height="${top2 + height2 - y2(phase.paymentsPerSecond)}" fill="${color}"/>`);
    out.push(
      `<text x="${bx + bw / 2}" y="${y2(phase.paymentsPerSecond) - 4}" text-anchor="middle" font-size="10">${phase.paymentsPerSecond.toFixed(2)}</text>`,
    );
    const baseline = baselineAt(phase.concurrency);
    if (baseline !== null) {
      out.push(`<rect x="${bx + bw + 4}" y="${y2(baseline)}" width="${bw}" height="${top2 + height2 - y2(baseline)}" fill="#bbb" stroke="#888"/>`);
      out.push(`<text x="${bx + bw * 1.5 + 4}" y="${y2(baseline) - 4}" text-anchor="middle" font-size="10">${baseline.toFixed(2)}</text>`);
    }
    out.push(`<text x="${bx + bw}" y="${top2 + height2 + 16}" text-anchor="middle" font-size="11">${escape(`${phase.name} (${phase.concurrency})`)}</text>`);
  });
  out.push(`<line x1="${left}" x2="${width - right}" y1="${top2 + height2}" y2="${top2 + height2}" stroke="#333"/>`);
  out.push('</svg>');
  return `${out.join('\n')}\n`;
};
